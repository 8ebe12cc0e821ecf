"""Start-up and screen figures as a person sees them (../shared/BENCHMARKING.md):
`reader` in a real terminal (tmux), polled until the expected text is on screen, against
a bare Textual app showing one line, medians of 5 interleaved runs.

Also the 5,000-paragraph article: first screen, `j` and PageDown repaint, resize, and
peak memory (/usr/bin/time -v, or ru_maxrss of the child when that is missing).

    python benchmarks/bench_startup.py [--runs 5] [--skip-large]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import make_large_article

SETTLE = 3.0  # seconds after the first paint for the large article's background work to end
BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    BINDINGS = [("j", "count", "count")]
    presses = 0
    def compose(self):
        yield Static("bare app ready")
    def action_count(self):
        self.presses += 1
        self.query_one(Static).update(f"bare app pressed {self.presses}")
Bare().run()
"""


def tmux(*args: str) -> str:
    """Run a tmux command and return its output."""
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def screen(name: str) -> str:
    """The visible pane text."""
    return tmux("capture-pane", "-p", "-t", name)


def wait_for(name: str, pattern: str, start: float, limit: float = 60.0) -> float:
    """Seconds from `start` until `pattern` shows on the pane."""
    while time.perf_counter() - start < limit:
        if pattern in screen(name):
            return time.perf_counter() - start
        time.sleep(0.003)
    raise TimeoutError(f"{pattern!r} never appeared:\n{screen(name)}")


def wait_for_change(name: str, before: str, gone: str | None = None, limit: float = 30.0) -> None:
    """Poll (one capture per poll, as wait_for does) until the pane differs from `before`
    and no longer shows `gone`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        now = screen(name)
        if now != before and (gone is None or gone not in now):
            return
        time.sleep(0.003)
    raise TimeoutError(f"the screen never changed:\n{screen(name)}")


def launch(name: str, command: str, width: int = 160, height: int = 48) -> float:
    """Start a tmux session running `command`; returns the launch instant."""
    tmux("kill-session", "-t", name)
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)
    return start


def time_first_screen(command: str, pattern: str) -> float:
    """Launch, wait for the pattern, kill; seconds to first paint."""
    name = f"bench{os.getpid()}"
    start = launch(name, command)
    try:
        return wait_for(name, pattern, start)
    finally:
        tmux("kill-session", "-t", name)


def compile_package() -> None:
    """Byte-compile lettore as `pip install` does for a regular install. An editable install
    writes its .pyc on first run, unless PYTHONDONTWRITEBYTECODE is set (as on the CI and
    sandbox machines): then every start would compile the sources again, which no user's
    second start pays and the bare app (Textual, compiled at install) never pays either."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("lettore")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def main() -> int:
    """Print the figures; exit 0."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed: apt-get install tmux")
        return 0
    work = Path(tempfile.mkdtemp(prefix="lettore-bench-"))
    env = f"TEXTUAL_ANIMATIONS=none LETTORE_HOME={work}/home"
    if os.environ.get("PYTHONPATH"):  # benchmark another checkout than the installed one
        env += f" PYTHONPATH={os.environ['PYTHONPATH']}"
    bare_script = work / "bare.py"
    bare_script.write_text(BARE_APP, encoding="utf-8")
    reader = f"{sys.executable} -m lettore"
    compile_package()
    # Prime the library (first run imports and analyses the seed), not timed.
    subprocess.run(f"{env} {reader} list", shell=True, check=True, capture_output=True)
    pattern = "recently appeared"
    bare_times, seed_times = [], []
    for _ in range(args.runs):
        bare_times.append(time_first_screen(f"{env} {sys.executable} {bare_script}", "bare app ready"))
        seed_times.append(time_first_screen(f"{env} {reader}", pattern))
    bare, seed = statistics.median(bare_times), statistics.median(seed_times)
    print(f"bare textual app first paint: {bare * 1000:.0f} ms (median of {args.runs})")
    print(f"reader seed first paint:      {seed * 1000:.0f} ms (median of {args.runs})")
    print(f"start-up ratio reader/bare:   {seed / bare:.2f}x (target <= 1.3x)")
    if not args.skip_large:
        large_figures(work, env, reader, bare, args.runs)
    return 0


def large_figures(work: Path, env: str, reader: str, bare: float, runs: int) -> None:
    """First screen, keypress repaint, resize and peak memory on the 5,000-paragraph article."""
    article = work / "grande.txt"
    make_large_article(article)
    t0 = time.perf_counter()
    subprocess.run(f"{env} {reader} add {article}", shell=True, check=True, capture_output=True)
    print(f"large article: {article.stat().st_size / 1e6:.1f} MB, import+analysis {time.perf_counter() - t0:.1f} s")
    firsts, keys_busy, keys_j, keys_page, keys_page_paused, resizes, bares = [], [], [], [], [], [], []
    name = f"large{os.getpid()}"
    for _ in range(runs):
        # the bare app again, interleaved, so the ratio compares runs made under the same load
        bares.append(time_first_screen(f"{env} {sys.executable} {work / 'bare.py'}", "bare app ready"))
        start = launch(name, f"{env} {reader} open {article}")
        firsts.append(wait_for(name, "sentence ", start))
        tmux("send-keys", "-t", name, "g")  # a previous run may have left the cursor elsewhere
        wait_for(name, "sentence 1/", time.perf_counter())
        time.sleep(0.3)  # entities, claims and exact heights are still loading in workers
        start = time.perf_counter()
        tmux("send-keys", "-t", name, "j")
        keys_busy.append(wait_for(name, "sentence 2/", start))
        time.sleep(SETTLE)  # the workers are done: the steady state a reader meets
        start = time.perf_counter()
        tmux("send-keys", "-t", name, "j")
        keys_j.append(wait_for(name, "sentence 3/", start))
        before = screen(name)
        start = time.perf_counter()
        tmux("send-keys", "-t", name, "NPage")  # right after `j`: its frame has just been drawn
        wait_for_change(name, before, gone="sentence 3/")
        keys_page.append(time.perf_counter() - start)
        time.sleep(0.5)  # a reader's pause: the next screen has been drawn ahead meanwhile
        before = screen(name)
        start = time.perf_counter()
        tmux("send-keys", "-t", name, "NPage")
        wait_for_change(name, before)
        keys_page_paused.append(time.perf_counter() - start)
        before = screen(name)
        start = time.perf_counter()
        tmux("resize-window", "-t", name, "-x", "120", "-y", "48")
        wait_for_change(name, before)
        resizes.append(time.perf_counter() - start)
        tmux("kill-session", "-t", name)
    bare_key = bare_keypress(work, env, runs)
    first, bare = statistics.median(firsts), statistics.median(bares)
    print(f"large first paint:            {first * 1000:.0f} ms, bare {bare * 1000:.0f} ms in the same runs:"
          f" {first / bare:.2f}x (target <= 2x)")
    print(f"bare app key repaint:         {bare_key * 1000:.0f} ms (median; the floor of tmux polling)")
    print(f"j repaint, settled (median):  {statistics.median(keys_j) * 1000:.0f} ms (target <= 30 ms)")
    print(f"j repaint, 0.3 s after open:  {statistics.median(keys_busy) * 1000:.0f} ms (workers still loading)")
    print(f"PageDown right after j:       {statistics.median(keys_page) * 1000:.0f} ms (target <= 30 ms)")
    print(f"PageDown after a 0.5 s pause: {statistics.median(keys_page_paused) * 1000:.0f} ms (target <= 30 ms)")
    print(f"resize to 120 cols (median):  {statistics.median(resizes) * 1000:.0f} ms (target <= 200 ms)")
    peak_memory(work, env, reader, article)


def bare_keypress(work: Path, env: str, runs: int) -> float:
    """Median seconds from `j` to the bare app's redrawn line: what tmux polling alone costs."""
    name = f"barekey{os.getpid()}"
    times = []
    for _ in range(runs):
        start = launch(name, f"{env} {sys.executable} {work / 'bare.py'}")
        wait_for(name, "bare app ready", start)
        time.sleep(SETTLE)
        start = time.perf_counter()
        tmux("send-keys", "-t", name, "j")
        times.append(wait_for(name, "bare app pressed 1", start))
        tmux("kill-session", "-t", name)
    return statistics.median(times)


def peak_memory(work: Path, env: str, reader: str, article: Path) -> None:
    """Peak RSS of a reader session that opens the large article, pages and quits."""
    name = f"mem{os.getpid()}"
    out = work / "time.txt"
    timer = "/usr/bin/time -v" if Path("/usr/bin/time").exists() else ""
    if not timer:
        print("peak memory: /usr/bin/time missing (apt-get install time)")
        return
    start = launch(name, f"{env} {timer} -o {out} {reader} open {article}")
    wait_for(name, "sentence ", start)
    for key in ("NPage", "NPage", "G", "g", "q"):
        tmux("send-keys", "-t", name, key)
        time.sleep(0.3)
    time.sleep(1)
    tmux("kill-session", "-t", name)
    for line in out.read_text().splitlines():
        if "Maximum resident" in line:
            kb = int(line.split(":")[1])
            print(f"peak memory:                  {kb / 1024:.0f} MB (target <= 150 MB)")


if __name__ == "__main__":
    raise SystemExit(main())
