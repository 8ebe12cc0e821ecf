"""HTML pages: the article's text, none of the page around it."""

from __future__ import annotations

import time

from lettore.ingest import load_bytes
from lettore.ingest.html import parse_html

PAGE = """<!DOCTYPE html>
<html><head>
<title>Kim e i carri armati | Il Quotidiano</title>
<meta property="article:published_time" content="2025-05-12T08:30:00+02:00">
<style>p { color: red }</style>
<script>document.write("<p>Script text</p>");</script>
</head><body>
<header><h1>Il Quotidiano</h1><p>Abbonati</p></header>
<nav><ul><li>Home</li><li>Esteri</li></ul></nav>
<article>
  <header><h1>Kim &amp; i carri armati</h1><p class="byline">di Mario Rossi</p></header>
  <p>Kim ha visitato una fabbrica&nbsp;di carri armati.
     Ha elogiato i progressi &ldquo;enormi&rdquo; &#8212; dice l&#39;agenzia.</p>
  <aside><p>Pubblicità</p></aside>
  <h2>La Russia</h2>
  <p>Mosca riceve <a href="x">munizioni</a><br>e <b>missili</b>.</p>
  <ul><li>Primo punto</li><li>Secondo punto</ul>
  <blockquote>Una citazione.</blockquote>
  <form><p>Iscriviti</p></form><iframe src="x">frame</iframe><noscript>abilita js</noscript>
  <svg><title>icona</title><text>svg text</text></svg>
  <p>Leggi anche: un altro articolo</p>
</article>
<footer><p>© 2025 Il Quotidiano</p></footer>
</body></html>"""


def blocks(html: str) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in load_bytes(html.encode(), "page.html").blocks]


def fallback_blocks(html: str) -> list[tuple[str, str]]:
    """The plain block parser, used where trafilatura finds no article (fragments, odd pages)."""
    return parse_html(html).blocks


def test_article_text_without_page_chrome() -> None:
    assert blocks(PAGE) == [
        ("heading", "Kim & i carri armati"),
        ("paragraph",
         "Kim ha visitato una fabbrica di carri armati. Ha elogiato i progressi “enormi” — dice l'agenzia."),
        ("heading", "La Russia"),
        ("paragraph", "Mosca riceve munizioni e missili."),
        ("paragraph", "Primo punto"),
        ("paragraph", "Secondo punto"),
        ("paragraph", "Una citazione."),
    ]


def test_title_and_date_come_from_the_page() -> None:
    article = load_bytes(PAGE.encode(), "page.html")
    assert article.title == "Kim & i carri armati"
    assert article.date == "2025-05-12"
    assert article.sentence_count() == 8


def test_without_article_element_the_body_is_used_and_title_tag_gives_the_title() -> None:
    html = (
        "<html><head><title>Notizia del giorno</title></head><body><div>Testo libero.</div>"
        "<p>Un paragrafo.</p><time datetime='2024-02-29'>29 febbraio</time></body></html>"
    )
    parsed = parse_html(html)
    assert [text for _, text in parsed.blocks] == ["Testo libero.", "Un paragrafo.", "29 febbraio"]
    assert parsed.title == "Notizia del giorno"
    assert parsed.date == "2024-02-29"


def test_main_element_is_preferred() -> None:
    html = "<body><div><p>Menu laterale</p></div><main><h2>Sezione</h2><p>Contenuto.</p></main></body>"
    assert fallback_blocks(html) == [("heading", "Sezione"), ("paragraph", "Contenuto.")]


def test_unclosed_and_stray_tags_are_tolerated() -> None:
    html = "<p>Uno<p>Due</span></div><li>Tre<script>x<p>no</p>"
    assert [t for _, t in fallback_blocks(html)] == ["Uno", "Due", "Tre"]


def test_deeply_nested_html_does_not_crash() -> None:
    depth = 100_000
    html = "<div>" * depth + "<p>Profondo.</p>" + "</div>" * depth
    began = time.process_time()
    assert blocks(html) == [("paragraph", "Profondo.")]
    unclosed = "<span><i>" * depth + "Ancora."
    assert blocks(unclosed) == [("paragraph", "Ancora.")]
    mismatched = "<div>" * depth + "Testo." + "</span>" * depth
    assert blocks(mismatched) == [("paragraph", "Testo.")]
    assert time.process_time() - began < 10


def test_html_is_sniffed_without_a_suffix() -> None:
    article = load_bytes(b"<html><body><p>Ciao <b>mondo</b>.</p><style>x</style></body></html>", "pagina")
    assert [b.text for b in article.blocks] == ["Ciao mondo."]
