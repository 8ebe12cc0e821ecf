"""`reader prepare [ID_OR_PATH ...]`: translate articles ahead of reading, with a progress bar.

Exit codes: 0 everything translated, 2 user error, 3 partial (some sentences pending:
run it again to retry only those), 130 interrupted (finished paragraphs are kept).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from lettore.errors import UserError

if TYPE_CHECKING:
    from lettore.cli import Context

EXIT_PARTIAL = 3
EXIT_INTERRUPTED = 130


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `prepare`."""
    parser = subparsers.add_parser(
        "prepare",
        help="translate articles now, so reading is offline",
        description="Translate every sentence the memory does not hold, through the engine"
        " chain of config.yaml (or --engine). Without arguments: every article with"
        " untranslated or pending sentences. Exit code 3 means some sentences failed and"
        " are pending; running prepare again retries only those.",
    )
    parser.add_argument("articles", nargs="*", metavar="ID_OR_PATH",
                        help="article ids or files (a file not in the library is imported)")
    parser.add_argument("--engine", "-e", action="append", metavar="NAME", dest="engines",
                        help="engine to use, in order (repeatable); replaces the configured"
                        " chain, with the memory still consulted first")
    parser.add_argument("--engine-url", action="append", metavar="[NAME=]URL", dest="engine_urls",
                        help="base URL of a self-hosted engine (LibreTranslate by default)")
    parser.add_argument("--model", metavar="NAME",
                        help="model the openai engine asks for (overrides openai.model)")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="requests at the same time")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="per-request timeout")


def engine_chain(engines: list[str] | None, configured: Any) -> list[str]:
    """The run's chain: --engine names (memory first unless named) or the configured one."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.engines.registry import check_names

    if not engines:
        return check_names(list(configured))
    names = check_names(engines)
    return names if "memory" in names else ["memory", *names]


def engine_urls(values: list[str] | None, chain: list[str]) -> dict[str, str]:
    """Parse --engine-url: `NAME=URL`, or a bare URL for libre (or the one online engine)."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.engines.registry import check_names

    urls: dict[str, str] = {}
    online = [name for name in chain if name not in ("memory", "apertium")]
    for value in values or []:
        name, sep, url = value.partition("=")
        if sep and "://" not in name:
            urls[check_names([name])[0]] = url
            continue
        url = value
        if not url.startswith(("http://", "https://")):
            raise UserError(f"--engine-url {value!r} is not an http(s) URL")
        target = "libre" if "libre" in chain or len(online) != 1 else online[0]
        urls[target] = url
    return urls


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Translate, show progress on stderr, print the summary; exit 0, 3 or 130."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.config_ranges import check_range

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.pipeline import open_or_import

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.prepare import prepare_articles

    settings = ctx.settings
    if args.jobs is not None:
        check_range("jobs", args.jobs, "--jobs")
        settings = replace(settings, jobs=args.jobs)
    if args.timeout is not None:
        check_range("timeout", args.timeout, "--timeout")
        settings = replace(settings, timeout=args.timeout,
                           openai={**settings.openai, "timeout": args.timeout})
    if args.model is not None:
        if not args.model.strip():
            raise UserError("--model needs a model name, e.g. --model llama3.1")
        settings = replace(settings, openai={**settings.openai, "model": args.model.strip()})
    chain = engine_chain(args.engines, settings.engines)
    urls = engine_urls(args.engine_urls, chain)
    library = ctx.library()
    ids = [open_or_import(library, item) for item in args.articles] if args.articles else None
    with _ProgressBar() as bar:
        report = prepare_articles(library, settings, ids, chain, urls, on_progress=bar.update)
    print(summary(report))
    if report.interrupted:
        return EXIT_INTERRUPTED
    return report.exit_code


def summary(report: Any) -> str:
    """The closing lines: translated, from memory, failed, time, and what failed why."""
    busy = "".join(
        f"\nArticle {article_id} is being prepared by another run (pid {pid}): left to it."
        for article_id, pid in sorted(getattr(report, "busy", {}).items())
    )
    if report.total == 0:
        return "Nothing to translate: every sentence already has a translation." + busy
    return _summary(report) + busy


def _summary(report: Any) -> str:
    """The closing lines for the sentences this run had to translate."""
    engines = ", ".join(f"{name} {count}" for name, count in report.by_engine.most_common())
    rough = f", {report.rough} rough" if report.rough else ""
    lines = [
        f"{'Interrupted' if report.interrupted else 'Done'} in {report.seconds:.1f} s:"
        f" {report.translated} translated" + (f" ({engines}{rough})" if engines else "")
        + f", {report.from_memory} from memory, {tally(report)}"
        + f" (of {report.total} in {report.articles} article{'s' * (report.articles != 1)})."
    ]
    for reason, count in report.reasons.most_common(5):
        lines.append(f"  {count} × {reason}")
    if report.pending or report.interrupted:
        lines.append("Run `reader prepare` again to retry only what is left.")
    return "\n".join(lines)


def tally(report: Any) -> str:
    """"3 failed" or "0 failed, 13 rough stand-ins pending": the bar and the summary say the same."""
    text = f"{report.failed} failed"
    if report.fallback:
        text += f", {report.fallback} rough stand-ins pending"
    return text


class _ProgressBar:
    """A Rich progress bar on stderr: sentences done / total, engine, failures, ETA."""

    def __enter__(self) -> _ProgressBar:
        # lazy: heavy, loaded only by the command that needs it
        from rich.console import Console

        # lazy: heavy, loaded only by the command that needs it
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("[bold]{task.fields[engine]:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("sentences, {task.fields[tally]}"),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=False,
        )
        self.progress.start()
        self.task = self.progress.add_task("prepare", total=None, engine="memory", tally="0 failed")
        return self

    def update(self, report: Any) -> None:
        """Redraw from the running report."""
        self.progress.update(
            self.task,
            total=report.total or None,
            completed=report.done,
            engine=report.engine or "memory",
            tally=tally(report),
        )

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()
