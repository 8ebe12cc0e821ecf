"""Extraction on the page set (tests/fixtures/pages): body precision, recall and F1 per page
and overall, lettore's extractor beside trafilatura's plain defaults, development pages and
held-out layouts apart; then throughput (pages/s) and extraction's share of a page's import
time (extract / whole `load_bytes`: decode, extract, segment). Run:
`PYTHONPATH=src python benchmarks/bench_extract.py`."""

from __future__ import annotations

import time
from collections.abc import Callable

from _common import REPO, use_source_tree

use_source_tree()

from lettore.ingest import load_bytes  # noqa: E402
from lettore.ingest.extract import extract_html  # noqa: E402
from lettore.ingest.extract_eval import BodyScore, micro_average, score_body  # noqa: E402

PAGES = REPO / "tests" / "fixtures" / "pages"
HELD_OUT = ("wordpress", "amp", "cookie_wall", "handmade")


def ours(html: str) -> str:
    """Our body: the blocks without the headline."""
    parsed = extract_html(html)
    if parsed is None:
        return ""
    blocks = [text for _, text in parsed.blocks]
    return "\n".join(blocks[1:] if parsed.title and blocks and blocks[0] == parsed.title else blocks)


def main() -> None:
    import trafilatura

    pages = sorted(PAGES.glob("*.html"))
    rows: dict[str, list[tuple[BodyScore, BodyScore]]] = {"dev": [], "held-out": []}
    print(f"{'page':34} {'ours P/R/F1':>20}   {'trafilatura P/R/F1':>20}")
    for path in pages:
        html = path.read_text(encoding="utf-8")
        gold = path.with_name(path.stem + ".gold.txt").read_text(encoding="utf-8")
        mine, plain = score_body(ours(html), gold), score_body(trafilatura.extract(html) or "", gold)
        split = "held-out" if path.stem.startswith(HELD_OUT) else "dev"
        rows[split].append((mine, plain))
        print(f"{path.stem:34} {_fmt(mine):>20}   {_fmt(plain):>20}  {split}")
    for split, pairs in rows.items():
        print(f"overall {split} ({len(pairs)} pages): ours {_fmt(micro_average([p[0] for p in pairs]))},"
              f" trafilatura defaults {_fmt(micro_average([p[1] for p in pairs]))}")
    texts = [path.read_bytes() for path in pages]
    load_bytes(texts[0], "warm-up.html")  # imports lxml and trafilatura outside the timing
    # Best of five passes each: the machine is shared, the minimum is the least disturbed.
    extract_seconds = min(_timed(lambda: [extract_html(d.decode("utf-8")) for d in texts]) for _ in range(5))
    load_seconds = min(_timed(lambda: [load_bytes(d, f"p{n}.html") for n, d in enumerate(texts)]) for _ in range(5))
    count = len(texts)
    print(f"throughput: {count / extract_seconds:.1f} pages/s extracting, {count / load_seconds:.1f} pages/s"
          f" importing (decode+extract+segment); extraction is {100 * extract_seconds / load_seconds:.0f}%"
          " of the import time (before analysis)")


def _timed(work: Callable[[], object]) -> float:
    """Seconds one call of `work` takes."""
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def _fmt(score: BodyScore) -> str:
    return f"{score.precision:.3f}/{score.recall:.3f}/{score.f1:.3f}"


if __name__ == "__main__":
    main()
