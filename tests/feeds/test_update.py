"""`feed update` with its analysis in worker processes: every article stored with the same
analysis `reader add` gives it, or not at all; Ctrl-C, duplicates and progress stay right."""

from __future__ import annotations

import multiprocessing

import pytest

from fakes.news_site import article_html, publish, rss2
from fakes.web_server import Page, WebServer
from lettore.config import Settings
from lettore.feeds import analysis_pool, store
from lettore.feeds.update import UpdateSummary, update_feeds
from lettore.pipeline import import_url
from lettore.store import Library

SETTINGS = Settings(analysis_jobs=1)


@pytest.fixture
def site():
    with WebServer() as server:
        yield server


@pytest.fixture(params=["calling thread", "workers"])
def where(request, monkeypatch) -> str:
    """Each test twice: the analysis kept on the calling thread, and sent to worker processes
    (which one `feed update` picks depends on how fast the analysis is on this machine)."""
    forced = request.param == "workers"
    monkeypatch.setattr(analysis_pool, "workers_pay_off", lambda *facts: forced)
    return request.param


def subscribe(library: Library, site: WebServer, feeds: int, items: int) -> None:
    for feed in range(feeds):
        store.add_feed(library.conn, f"feed{feed}", publish(site, feed, range(items)))


def update(library: Library, on_progress=None) -> UpdateSummary:
    return update_feeds(library, store.list_feeds(library.conn), SETTINGS, on_progress)


def test_articles_are_stored_with_the_analysis_reader_add_gives_them(site: WebServer, library: Library,
                                                                     tmp_path, where: str) -> None:
    subscribe(library, site, 1, 2)
    summary = update(library)
    assert len(summary.new) == 2 and not summary.failed
    other = Library.open(tmp_path / "other.sqlite3")
    for article_id in summary.new:
        assert library.is_analysed(article_id)
        url = library.get_article(article_id).source_url
        assert url is not None
        added, _ = import_url(other, url)  # analysed on the calling thread
        assert library.entities(article_id) == other.entities(added) != []
        assert library.claims(article_id) == other.claims(added)
    other.close()
    assert multiprocessing.active_children() == []  # the workers stopped with the update


def test_workers_start_only_once_they_pay_off(site: WebServer, library: Library, monkeypatch) -> None:
    decisions: list[tuple[int, int]] = []

    def after_three(remaining: int) -> bool:
        decisions.append(remaining)
        return len(decisions) > 3

    monkeypatch.setattr(analysis_pool, "workers_pay_off", after_three)
    subscribe(library, site, 1, 5)
    workers: list[int] = []
    summary = update(library, lambda s: workers.append(len(multiprocessing.active_children())))
    assert len(summary.new) == 5 and all(library.is_analysed(i) for i in summary.new)
    assert decisions == [5, 4, 3, 2]  # articles still to come, asked until it said yes, never after
    assert workers[0] == 0 and max(workers) == 1  # none while the feed was read, then the one asked for


def test_workers_start_for_more_than_a_few_articles() -> None:
    assert not analysis_pool.workers_pay_off(1) and analysis_pool.workers_pay_off(400)


def test_one_core_is_left_to_the_calling_process(monkeypatch) -> None:
    monkeypatch.setattr(analysis_pool.os, "cpu_count", lambda: 4)
    assert (analysis_pool.worker_count(0), analysis_pool.worker_count(2)) == (3, 2)
    monkeypatch.setattr(analysis_pool.os, "cpu_count", lambda: 1)
    assert analysis_pool.worker_count(0) == 1


def test_ctrl_c_keeps_what_is_stored_analysed_and_the_next_update_imports_the_rest(
    site: WebServer, library: Library, where: str
) -> None:
    subscribe(library, site, 2, 3)

    def interrupt_after_two(summary: UpdateSummary) -> None:
        if len(summary.new) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        update(library, interrupt_after_two)
    ids = [row[0] for row in library.conn.execute("SELECT id FROM articles")]
    assert len(ids) == 2 and all(library.is_analysed(i) for i in ids)
    rest = update(library)  # both feeds answer 304: the items left are retried all the same
    assert (len(rest.new), rest.unchanged_feeds, rest.failed) == (4, 2, [])
    assert library.conn.execute("SELECT COUNT(*) FROM articles WHERE analysed_at IS NULL").fetchone()[0] == 0


def test_the_same_article_at_two_addresses_is_analysed_and_stored_once(
    site: WebServer, library: Library, where: str
) -> None:
    page = article_html(7, 7, site.url("/story"))  # its canonical URL is /story
    site.add("/story", page)
    site.add("/story-amp", page)
    site.add("/copy", page.replace(site.url("/story"), site.url("/copy")))  # same text, own canonical URL
    for name, link in (("one", "/story"), ("two", "/story-amp"), ("three", "/copy")):
        feed = site.add(f"/{name}.xml", Page(rss2(name, [site.url(link)]), content_type="application/rss+xml"))
        store.add_feed(library.conn, name, feed)
    summary = update(library)
    assert (len(summary.new), summary.already, summary.failed) == (1, 2, [])
    assert library.find_by_url(site.url("/story-amp")) == library.find_by_url(site.url("/story")) == summary.new[0]


def test_progress_counts_every_feed_and_item_and_ends_full(site: WebServer, library: Library) -> None:
    subscribe(library, site, 2, 2)
    site.add("/f1/a1", Page(b"rotto", status=500))
    seen: list[tuple[int, int]] = []
    summary = update(library, lambda s: seen.append((s.done, s.total)))
    assert (len(summary.new), len(summary.failed)) == (3, 1)
    assert seen[-1] == (6, 6) and [done for done, _ in seen] == list(range(1, 7))


def test_an_unchanged_update_starts_no_analysis_workers(site: WebServer, library: Library) -> None:
    subscribe(library, site, 1, 1)
    update(library)
    children: list[int] = []
    summary = update(library, lambda s: children.append(len(multiprocessing.active_children())))
    assert summary.unchanged_feeds == 1 and children == [0]
