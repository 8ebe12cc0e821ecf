"""Fetching pages: what a good answer gives, and one clear error for every bad one."""

from __future__ import annotations

import gzip

import pytest

from fakes.web_server import Page, WebServer
from lettore import __version__
from lettore.errors import UserError
from lettore.web.fetch import FetchLimits, fetch

PAGE = "<html><head><title>Notizia</title></head><body><p>Città più sicura.</p></body></html>"
QUICK = FetchLimits(connect_timeout=2, read_timeout=0.5, deadline=1.5, max_bytes=1_000_000)


@pytest.fixture
def site():
    with WebServer() as server:
        yield server


def test_a_page_is_fetched_with_lettores_user_agent_and_no_cookies_kept(site: WebServer) -> None:
    url = site.add("/a", PAGE, headers={"Set-Cookie": "tracker=1; Path=/"})
    site.redirect("/b", "/a", status=302)
    fetched = fetch(site.url("/b"))
    assert fetched.body.decode() == PAGE
    assert fetched.url == url
    assert site.hits("/a")[0].headers["user-agent"].startswith(f"lettore/{__version__}")
    fetch(url)
    assert "cookie" not in site.hits("/a")[1].headers


def test_gzip_answers_are_decoded(site: WebServer) -> None:
    site.add("/z", Page(PAGE.encode(), gzip=True))
    assert fetch(site.url("/z")).body.decode() == PAGE


@pytest.mark.parametrize(
    ("status", "words"),
    [(404, "not found (HTTP 404)"), (410, "not found (HTTP 410)"), (500, "server failed (HTTP 500)")],
)
def test_error_statuses_name_the_url_and_the_reason(site: WebServer, status: int, words: str) -> None:
    url = site.add("/e", Page(b"oops", status=status))
    with pytest.raises(UserError) as caught:
        fetch(url)
    assert url in str(caught.value) and words in str(caught.value)


def test_a_redirect_loop_is_detected(site: WebServer) -> None:
    site.redirect("/one", "/two")
    site.redirect("/two", "/one")
    with pytest.raises(UserError, match="redirect loop"):
        fetch(site.url("/one"))


def test_more_than_ten_redirects_are_refused(site: WebServer) -> None:
    for hop in range(12):
        site.redirect(f"/r{hop}", f"/r{hop + 1}")
    site.add("/r12", PAGE)
    with pytest.raises(UserError, match="more than 10 redirects"):
        fetch(site.url("/r0"))


def test_a_redirect_to_another_scheme_is_refused(site: WebServer) -> None:
    site.redirect("/f", "file:///etc/passwd")
    with pytest.raises(UserError, match="not an http"):
        fetch(site.url("/f"))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "data:text/html,x"]
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(UserError, match="give an http:// or https:// address"):
        fetch(url)


def test_a_hanging_server_times_out(site: WebServer) -> None:
    url = site.add("/hang", Page(fault="hang"))
    with pytest.raises(UserError, match="timed out"):
        fetch(url, QUICK)


def test_a_slow_answer_past_the_read_timeout_times_out(site: WebServer) -> None:
    url = site.add("/slow", Page(PAGE.encode(), delay=2.0))
    with pytest.raises(UserError, match="timed out"):
        fetch(url, QUICK)


def test_a_dripping_answer_is_cut_at_the_deadline(site: WebServer) -> None:
    url = site.add("/drip", Page(fault="drip"))
    with pytest.raises(UserError, match="still downloading"):
        fetch(url, QUICK)


def test_headers_trickled_byte_by_byte_are_cut_at_the_deadline(site: WebServer) -> None:
    url = site.add("/drip-headers", Page(fault="drip-headers"))  # every read answers within 50 ms
    with pytest.raises(UserError, match=r"(still downloading after|no complete answer within) 1.5 s"):
        fetch(url, QUICK)


def test_a_huge_body_is_refused(site: WebServer) -> None:
    url = site.add("/huge", Page(b"x" * 2_000_000))
    with pytest.raises(UserError, match="limit"):
        fetch(url, QUICK)


def test_a_huge_body_without_length_is_refused_while_reading(site: WebServer) -> None:
    body = gzip.compress(b"<p>" + b"y" * 3_000_000)
    url = site.add("/huge-gz", Page(body, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(UserError, match="once decompressed"):
        fetch(url, QUICK)


def test_a_gzip_bomb_is_refused(site: WebServer) -> None:
    url = site.add("/bomb", Page(fault="bomb"))
    with pytest.raises(UserError, match="once decompressed"):
        fetch(url)


def test_a_non_html_answer_is_refused(site: WebServer) -> None:
    url = site.add("/pic", Page(b"\x89PNG....", content_type="image/png"))
    with pytest.raises(UserError, match="not a web page or feed"):
        fetch(url)


def test_nothing_listening_is_a_connection_error() -> None:
    with WebServer() as server:
        url = server.url("/gone")
    with pytest.raises(UserError, match="cannot connect"):
        fetch(url, QUICK)


def test_a_tls_error_names_the_url(site: WebServer) -> None:
    url = site.url("/a").replace("http://", "https://")
    with pytest.raises(UserError) as caught:
        fetch(url, QUICK)
    assert url in str(caught.value)
    assert "TLS" in str(caught.value) or "cannot connect" in str(caught.value)


def test_a_conditional_request_gets_the_304(site: WebServer) -> None:
    url = site.add("/feed", Page(b"<rss/>", content_type="application/rss+xml", etag='"v1"'))
    first = fetch(url)
    assert first.etag == '"v1"' and not first.not_modified
    second = fetch(url, etag=first.etag)
    assert second.not_modified and second.body == b""


def test_last_modified_is_sent_back_and_gets_the_304(site: WebServer) -> None:
    stamp = "Wed, 21 Oct 2024 07:28:00 GMT"
    url = site.add("/atom", Page(b"<feed/>", content_type="application/atom+xml", last_modified=stamp))
    first = fetch(url)
    assert first.last_modified == stamp
    assert fetch(url, last_modified=first.last_modified).not_modified
