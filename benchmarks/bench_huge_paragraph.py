"""One huge paragraph: the median cost of a `j` in the reader when it is stored as one
block (how a 5 MB paragraph used to be kept) and as the ingest now splits it (runs of
sentences of at most MAX_BLOCK_CHARS), plus `reader add` on it and on a paragraph over the
sentence limit.

    python benchmarks/bench_huge_paragraph.py [SENTENCES]     # default 20,000
"""

from __future__ import annotations

import asyncio
import hashlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_keys import Bare, key_times


def paragraph(sentences: int) -> str:
    """Distinct short Italian sentences on one line."""
    return " ".join(f"Il sindaco ha parlato {n} volte." for n in range(sentences))


def timed_add(home: Path, path: Path) -> tuple[float, str]:
    """Seconds for `reader add` in a child process, and its last stderr/stdout line."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lettore", "--home", str(home), "add", str(path)],
                          capture_output=True, text=True, check=False)
    return time.perf_counter() - start, (done.stdout + done.stderr).strip().splitlines()[-1][:110]


async def main(sentences: int) -> None:
    """Print key medians for one block versus split blocks, then the add timings."""
    from lettore.config import Settings
    from lettore.ingest import load_bytes
    from lettore.model import Article
    from lettore.segment import make_block
    from lettore.store import Library
    from lettore.tui.app import make_app

    work = Path(tempfile.mkdtemp(prefix="lettore-huge-"))
    text = paragraph(sentences)
    library = Library.open(work / "library.sqlite3")
    split = load_bytes(text.encode(), "grande.txt")
    whole = Article(title="Uno", blocks=(make_block(0, "paragraph", text),),
                    content_hash=hashlib.sha256(text.encode()).hexdigest())
    print(f"{sentences:,} sentences, {len(text) / 1e6:.1f} MB; split into {len(split.blocks):,} blocks")
    bare = await key_times(Bare(), "j", presses=5)
    print(f"  j on a bare app: {bare * 1000:8.1f} ms per press (Pilot's own overhead)")
    for name, article in (("one block", whole), ("split", split)):
        article_id = library.add_article(article)[0]
        press = await key_times(make_app(Settings(), library, article_id), "j", presses=5)
        print(f"  j on {name:<9}: {press * 1000:8.1f} ms per press")
    library.close()
    path = work / "grande.txt"
    path.write_text(text, encoding="utf-8")
    seconds, said = timed_add(work / "home", path)
    print(f"  reader add ({sentences:,} sentences): {seconds:.1f} s: {said}")
    path.write_text(paragraph(185_000), encoding="utf-8")
    seconds, said = timed_add(work / "home", path)
    print(f"  reader add (185,000 sentences): {seconds:.1f} s: {said}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
