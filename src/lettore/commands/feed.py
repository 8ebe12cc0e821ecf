"""`reader feed add|list|update|remove|import|export`: news feeds, newsboat-style."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from lettore.errors import UserError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `feed` and its verbs."""
    parser = subparsers.add_parser(
        "feed", help="subscribe to RSS/Atom feeds and import their articles",
        description="Subscribe to news feeds; `feed update` imports every new item in full from its page.",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", help="subscribe to a feed")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", help="short name (default: the feed's title)")
    listing = verbs.add_parser("list", help="feeds with article and unread counts, last update and error")
    listing.add_argument("--json", action="store_true", help="print JSON")
    update = verbs.add_parser("update", help="fetch feeds and import their new items")
    update.add_argument("names", nargs="*", metavar="NAME", help="feeds to update (default: all)")
    update.add_argument("--prepare", action="store_true", help="translate the new articles too")
    remove = verbs.add_parser("remove", help="unsubscribe (the articles stay)")
    remove.add_argument("name", metavar="NAME")
    opml_in = verbs.add_parser("import", help="subscribe to every feed of an OPML file")
    opml_in.add_argument("file", metavar="FILE.opml")
    opml_out = verbs.add_parser("export", help="write the subscriptions as OPML")
    opml_out.add_argument("file", metavar="FILE.opml")


def run(args: argparse.Namespace, ctx: Any) -> int:
    """Dispatch the verb."""
    library = ctx.library()
    verb = {"add": _add, "list": _list, "update": _update, "remove": _remove, "import": _import, "export": _export}
    return verb[args.verb](args, ctx, library)


def _add(args: argparse.Namespace, ctx: Any, library: Any) -> int:
    """Check the URL is a readable feed (or a page naming one), then subscribe under its name."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.parse import parse_feed

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.store import add_feed

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.fetch import fetch

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.page import limits_from

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.urls import check_url

    url = check_url(args.url)
    limits = limits_from(ctx.settings)
    try:
        fetched = fetch(url, limits)
    except UserError:
        if not args.name:
            raise
        fetched = None  # named by the user: subscribed as given, `feed update` reports the problem
    if fetched is not None and fetched.media_type in ("text/html", "application/xhtml+xml"):
        url, fetched = _discovered(url, fetched, limits)
    name = args.name
    if not name:
        assert fetched is not None
        name = parse_feed(fetched.body, url, fetched.content_type).title or url
    add_feed(library.conn, _one_line(name), url)
    print(f"subscribed to {_one_line(name)}: {url}")
    return 0


def _discovered(url: str, fetched: Any, limits: Any) -> tuple[str, Any]:
    """The first feed a web page names (the others are listed), fetched; a UserError when
    the page names none."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.discover import feed_links

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.charset import decode_page

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.fetch import fetch

    links = feed_links(decode_page(fetched.body, fetched.content_type, url), fetched.url)
    if not links:
        raise UserError(
            f"{url}: a web page that names no RSS or Atom feed (no <link rel=\"alternate\"> to one);"
            " give the feed's own address"
        )
    many = f"names {len(links)} feeds; subscribing to the first" if len(links) > 1 else "names one feed"
    print(f"{_one_line(url)} is a web page that {many}: {_one_line(links[0])}")
    for other in links[1:]:
        print(f"  also named: {_one_line(other)} (`reader feed add` it too if you want it)")
    return links[0], fetch(links[0], limits)


def _list(args: argparse.Namespace, ctx: Any, library: Any) -> int:
    """One line per feed (or JSON)."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.store import list_feeds

    feeds = list_feeds(library.conn)
    if args.json:
        rows = [{"name": f.name, "url": f.url, "articles": f.articles, "unread": f.unread,
                 "last_update": _iso(f.last_update), "last_error": f.last_error} for f in feeds]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not feeds:
        print("No feeds: subscribe with `reader feed add URL`.")
    for f in feeds:
        when = _iso(f.last_update) or "never updated"
        error = f"  error: {_one_line(f.last_error)}" if f.last_error else ""
        print(f"{_one_line(f.name)}  {_one_line(f.url)}  {f.articles} articles, {f.unread} unread, {when}{error}")
    return 0


def _update(args: argparse.Namespace, ctx: Any, library: Any) -> int:
    """Update, with a progress bar on stderr and a summary; exit 0 even when items failed."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.store import find_feeds

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.update import update_feeds

    feeds = find_feeds(library.conn, args.names)
    if not feeds:
        print("No feeds: subscribe with `reader feed add URL`.")
        return 0
    with _ProgressBar() as bar:
        summary = update_feeds(library, feeds, ctx.settings, on_progress=bar.update)
    print(
        f"Updated {len(feeds)} feed{'s' * (len(feeds) != 1)} in {summary.seconds:.1f} s: {len(summary.new)} new,"
        f" {summary.already} already there, {len(summary.failed)} failed"
        + (f", {summary.unchanged_feeds} unchanged" if summary.unchanged_feeds else "") + "."
    )
    for note in summary.notes:
        print(f"  note: {_one_line(note)}")
    for what, why in summary.failed:
        print(f"  failed: {_one_line(why) if why.startswith(what) else _one_line(what + ': ' + why)}")
    if summary.failed:
        print("Run `reader feed update` again to retry what failed.")
    if args.prepare and summary.new:
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.commands.prepare import engine_chain

        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.commands.prepare import summary as prepare_summary

        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.translate.prepare import prepare_articles

        chain = engine_chain(None, ctx.settings.engines)
        report = prepare_articles(library, ctx.settings, summary.new, chain, dict(ctx.settings.engine_urls))
        print(prepare_summary(report))
    return 0


def _remove(args: argparse.Namespace, ctx: Any, library: Any) -> int:
    """Unsubscribe."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.store import remove_feed

    remove_feed(library.conn, args.name)
    print(f"unsubscribed from {args.name} (its articles stay in the library)")
    return 0


def _import(args: argparse.Namespace, ctx: Any, library: Any) -> int:
    """Subscribe to each feed of an OPML file; ones already subscribed are skipped."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.opml import read_opml

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.store import add_feed

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.urls import check_url

    added = skipped = 0
    for name, url in read_opml(Path(args.file)):
        try:
            add_feed(library.conn, _one_line(name), check_url(url))
            added += 1
        except UserError as exc:
            skipped += 1
            print(f"  skipped: {_one_line(str(exc))}", file=sys.stderr)
    extra = f", {skipped} skipped" if skipped else ""
    print(f"subscribed to {added} feed{'s' * (added != 1)} from {args.file}{extra}")
    return 0


def _export(args: argparse.Namespace, ctx: Any, library: Any) -> int:
    """Write every subscription to an OPML file."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.opml import write_opml

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.feeds.store import list_feeds

    feeds = list_feeds(library.conn)
    write_opml(Path(args.file), [(f.name, f.url) for f in feeds])
    print(f"wrote {len(feeds)} feed{'s' * (len(feeds) != 1)} to {args.file}")
    return 0


def _iso(stamp: float | None) -> str | None:
    """A timestamp as local ISO 8601 to the minute."""
    return time.strftime("%Y-%m-%dT%H:%M", time.localtime(stamp)) if stamp else None


def _one_line(text: str) -> str:
    """Outside text (feed titles, errors) on one line, with nothing a terminal would act on."""
    from lettore.text_clean import clean_line

    return clean_line(text)


class _ProgressBar:
    """A Rich progress bar on stderr: feeds and pages done / found, failures."""

    def __enter__(self) -> _ProgressBar:
        # lazy: heavy, loaded only by the command that needs it
        from rich.console import Console

        # lazy: heavy, loaded only by the command that needs it
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("[bold]feeds"), BarColumn(), MofNCompleteColumn(),
            TextColumn("requests, {task.fields[new]} new, {task.fields[failed]} failed"), TimeElapsedColumn(),
            console=Console(file=sys.stderr), transient=False,
        )
        self.progress.start()
        self.task = self.progress.add_task("update", total=None, new=0, failed=0)
        return self

    def update(self, summary: Any) -> None:
        """Redraw from the running summary."""
        self.progress.update(self.task, total=summary.total, completed=summary.done,
                             new=len(summary.new), failed=len(summary.failed))

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()
