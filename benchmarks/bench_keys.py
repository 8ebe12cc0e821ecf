"""Keypress cost inside the process: median time of a `j` and a PageDown through
Textual's Pilot on the 5,000-paragraph article and on the seed, against a bare app whose
key updates one line (the same Pilot overhead is in both, so the difference is ours).

    python benchmarks/bench_keys.py
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.widgets import Static

from _common import make_large_article, use_source_tree

use_source_tree()


class Bare(App):
    """One line that a key rewrites."""

    BINDINGS = [Binding("j,pagedown", "bump", "bump")]
    count = 0

    def compose(self):
        yield Static("bare 0", id="line")

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#line", Static).update(f"bare {self.count}")


async def key_times(app: App, key: str, presses: int = 15) -> float:
    """Median seconds for one press of `key`, from the top of the article."""
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("g")
        times = []
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press(key)
            times.append(time.perf_counter() - start)
        return statistics.median(times)


async def main() -> None:
    """Print per-key medians and the reader's extra cost over the bare app."""
    from lettore.config import Settings
    from lettore.store import Library
    from lettore.tui.app import make_app

    work = Path(tempfile.mkdtemp(prefix="lettore-keys-"))
    article = work / "grande.txt"
    make_large_article(article)
    env_home = str(work / "home")
    subprocess.run([sys.executable, "-m", "lettore", "--home", env_home, "list"], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "lettore", "--home", env_home, "add", str(article)], check=True,
                   capture_output=True)
    library = Library.open(Path(env_home) / "library.sqlite3")
    ids = {row.title[:9]: row.id for row in library.list_articles()}
    large = next(i for t, i in ids.items() if t.startswith("Capitolo"))
    seed = next(i for t, i in ids.items() if not t.startswith("Capitolo"))
    for key in ("j", "pagedown"):
        bare = await key_times(Bare(), key)
        for name, article_id in (("seed", seed), ("5,000 paragraphs", large)):
            ours = await key_times(make_app(Settings(), library, article_id), key)
            print(f"{key:>8} on {name:<16}: {ours * 1000:5.1f} ms per press, bare app {bare * 1000:5.1f} ms,"
                  f" reader's own cost {max(0.0, ours - bare) * 1000:5.1f} ms (target <= 30 ms)")


if __name__ == "__main__":
    asyncio.run(main())
