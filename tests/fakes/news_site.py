"""Article pages and RSS 2.0 / RSS 1.0 / Atom feeds for the fake web server."""

from __future__ import annotations

from html import escape

from fakes.web_server import Page, WebServer

PLACES = ("Modena", "Carpi", "Sassuolo", "Mirandola", "Vignola", "Formigine", "Castelfranco", "Pavullo")


def article_html(feed: int, item: int, url: str) -> str:
    """A small but complete news page, its text unique to (feed, item)."""
    place = PLACES[(feed + item) % len(PLACES)]
    body = "".join(
        f"<p>Notizia {feed}-{item}, paragrafo {n}: a {place} il consiglio comunale ha discusso per la"
        f" {n + 1}ª volta il progetto numero {feed * 100 + item}, con {n * 7 + item} interventi dei cittadini.</p>"
        for n in range(4)
    )
    return (
        f'<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Notizia {feed}-{item}</title>'
        f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="Gazzetta {feed}">'
        f'<meta property="article:published_time" content="2024-04-{1 + item % 28:02d}T08:00:00+02:00"></head>'
        f"<body><nav><a>Prima pagina</a> <a>Cronaca</a></nav><article><h1>Notizia {feed}-{item} da {place}</h1>"
        f"{body}</article><section class='comments'><p>Commenta per primo</p></section></body></html>"
    )


def rss2(title: str, links: list[str]) -> bytes:
    items = "".join(f"<item><title>Voce {n}</title><link>{escape(link)}</link></item>" for n, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


def rss1(title: str, links: list[str]) -> bytes:
    items = "".join(
        f'<item rdf:about="{escape(link)}"><title>Voce {n}</title><link>{escape(link)}</link></item>'
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        f' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>{title}</title></channel>{items}</rdf:RDF>'
    ).encode()


def atom(title: str, links: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Voce {n}</title><link href="{escape(link)}"/><id>{escape(link)}</id></entry>'
        for n, link in enumerate(links)
    )
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"{entries}</feed>").encode()


def publish(site: WebServer, feed: int, items: range | list[int], kind: str = "rss2", etag: bool = True) -> str:
    """Serve feed number `feed` with its item pages; returns the feed URL."""
    links = []
    for item in items:
        path = f"/f{feed}/a{item}"
        url = site.url(path)
        site.add(path, article_html(feed, item, url))
        links.append(url)
    make = {"rss2": rss2, "rss1": rss1, "atom": atom}[kind]
    content_type = {"rss2": "application/rss+xml", "rss1": "application/rdf+xml", "atom": "application/atom+xml"}[kind]
    body = make(f"Gazzetta {feed}", links)
    tag = f'"{feed}-{len(links)}-{hash(tuple(links)) & 0xffff}"' if etag else None
    return site.add(f"/f{feed}.xml", Page(body, content_type=content_type, etag=tag))
