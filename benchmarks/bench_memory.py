"""Translation-memory lookup throughput on a 100,000-unit memory (target >= 50,000/s).

Lookups are timed the way `prepare` makes them: normalise each sentence, then ask the
library for a batch of keys (an article's worth). One-key-per-call lookups are printed
too, as the slow bound. Run: PYTHONPATH=src python benchmarks/bench_memory.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from _common import use_source_tree

use_source_tree()

from lettore.store import Library  # noqa: E402
from lettore.translate.memory import remember  # noqa: E402
from lettore.translate.normalise import normalise_key  # noqa: E402

UNITS = 100_000
BATCH = 500
WORDS = ("il governo ha approvato la legge sul bilancio mentre l'opposizione chiede"
         " «chiarimenti» sulle spese della regione e del comune di Milano").split()


def sentence(n: int) -> str:
    """A distinct Italian-looking sentence for unit n."""
    rng = random.Random(n)
    return f"{' '.join(rng.choices(WORDS, k=12)).capitalize()} ({n})."


def main() -> int:
    """Fill the memory, then time batched and single lookups (half hits, half misses)."""
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "library.sqlite3")
        start = time.perf_counter()
        remember(library, ((sentence(n), f"Translation {n}.", "bench", False) for n in range(UNITS)))
        print(f"memory: {library.tm_size()} units, filled in {time.perf_counter() - start:.1f} s")
        queries = [sentence(n) for n in range(0, 2 * UNITS, 2)]  # every other one exists
        start = time.perf_counter()
        hits = 0
        for i in range(0, len(queries), BATCH):
            keys = [normalise_key(text) for text in queries[i : i + BATCH]]
            hits += len(library.tm_lookup(keys))
        batched = len(queries) / (time.perf_counter() - start)
        print(f"batched lookups with normalising ({BATCH} a call): {batched:,.0f}/s (target >= 50,000);"
              f" hits {hits} of {len(queries)}")
        keys = [normalise_key(text) for text in queries]
        start = time.perf_counter()
        for i in range(0, len(keys), BATCH):
            library.tm_lookup(keys[i : i + BATCH])
        print(f"batched lookups of ready keys (SQL only): "
              f"{len(keys) / (time.perf_counter() - start):,.0f}/s")
        start = time.perf_counter()
        for text in queries:
            normalise_key(text)
        print(f"normalise_key alone: {len(queries) / (time.perf_counter() - start):,.0f}/s")
        start = time.perf_counter()
        single = queries[:20_000]
        for text in single:
            library.tm_lookup([normalise_key(text)])
        print(f"single lookups (1 a call): {len(single) / (time.perf_counter() - start):,.0f}/s")
        seed_with_memory = Path(tmp) / "library.sqlite3"
        _import_seed(library)
        library.close()
        seed_alone = Path(tmp) / "seed-only.sqlite3"
        bare = Library.open(seed_alone)
        _import_seed(bare)
        bare.close()
        alone, full = _open_seed_time(seed_alone), _open_seed_time(seed_with_memory)
        print(f"opening the seed (library, article, translations, analyses), median of 30:"
              f" {alone * 1000:.1f} ms with an empty memory, {full * 1000:.1f} ms with {UNITS:,} units:"
              f" +{(full - alone) * 1000:.1f} ms (target <= 50 ms)")
    return 0


def _import_seed(library: Library) -> None:
    """The shipped seed and its reference memory, as a fresh `reader` imports them."""
    from lettore.pipeline import ensure_seed

    ensure_seed(library)


def _open_seed_time(path: Path) -> float:
    """Median seconds for what `reader` reads from the store before its first screen."""
    import statistics

    times = []
    for _ in range(30):
        start = time.perf_counter()
        library = Library.open(path)
        article_id = library.last_read_article() or library.list_articles()[0].id
        library.get_article(article_id)
        library.translations(article_id)
        library.entities(article_id)
        library.claims(article_id)
        library.close()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    raise SystemExit(main())
