"""Build the extraction page set: real Italian local-news articles (title, subtitle, body)
wrapped in the page structures Italian news sites use, each with its gold body.

Run from the repository: `python benchmarks/pages/build_pages.py [SHARED_DATA]`; it writes
`tests/fixtures/pages/NAME.html` and `NAME.gold.txt` (standfirst + body, one block a line;
the title is not part of the body). Article texts: DICE / Gazzetta di Modena via
github federicarollo/Italian-Crime-News (CC BY-NC-SA 4.0), see tests/fixtures/pages/README.md.
"""

from __future__ import annotations

import json
import os
import re
import sys
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "tests" / "fixtures" / "pages"
# Pages built from these layouts are held out: never looked at while tuning the extractor.
HELD_OUT_LAYOUTS = ("wordpress", "amp", "cookie_wall")

NAV = """<header class="site-header"><a class="logo" href="/">Gazzetta della Bassa</a>
<nav><ul><li><a href="/">Prima pagina</a></li><li><a href="/cronaca">Cronaca</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/economia">Economia</a></li>
<li><a href="/login">Accedi</a></li><li><a href="/abbonati">Abbonati</a></li></ul></nav></header>"""
SIDEBAR = """<aside class="sidebar"><h3>I più letti</h3><ol>
<li><a href="/1">Incidente sulla tangenziale: due feriti</a></li>
<li><a href="/2">Nuovo parcheggio in centro, polemica in consiglio comunale</a></li>
<li><a href="/3">Maltempo, allerta arancione fino a domenica</a></li></ol>
<div class="adv">Scopri le offerte Black Friday: sconti fino al 50% su tutti gli abbonamenti digitali</div></aside>"""
COMMENTS = """<section id="comments" class="comments"><h3>Commenti</h3>
<div class="comment"><span class="author">marco_77</span><p>Era ora che intervenissero, in quella zona
non si può più stare tranquilli la sera.</p></div>
<div class="comment"><span class="author">Lucia B.</span><p>Sempre le solite notizie, e nessuno fa
niente per risolvere davvero il problema.</p></div><a href="#respond">Commenta per primo</a></section>"""
RELATED = """<div class="related"><h3>Leggi anche</h3><ul>
<li><a href="/r1">Furto in un negozio del centro, fermato un giovane</a></li>
<li><a href="/r2">Controlli dei carabinieri nel fine settimana: tre denunce</a></li></ul></div>"""
SHARE = """<div class="share-bar"><span>Condividi</span><a href="#">Facebook</a><a href="#">Twitter</a>
<a href="#">WhatsApp</a><a href="#">Email</a></div>"""
COOKIE = """<div id="cookie-banner" class="cookie-notice"><p>Questo sito utilizza cookie tecnici e, previo
tuo consenso, cookie di profilazione di terze parti per mostrarti pubblicità in linea con le tue
preferenze. Chiudendo questo banner o proseguendo la navigazione acconsenti all'uso dei cookie.</p>
<button>Accetta</button><button>Rifiuta</button><a href="/privacy">Cookie policy</a></div>"""
FOOTER = """<footer class="site-footer"><p>Gazzetta della Bassa - Testata registrata presso il Tribunale
di Modena - P.IVA 01234567890</p><p>© Riproduzione riservata</p></footer>"""


def read_article(path: Path) -> tuple[str, str | None, list[str]]:
    """(title, subtitle, body paragraphs) of a localnews text file."""
    parts = [" ".join(p.split()) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    title, rest = parts[0].rstrip(" ."), parts[1:]
    subtitle = rest.pop(0) if len(rest) > 1 and len(rest[0]) < 300 else None
    paragraphs: list[str] = []
    for text in rest:
        sentences = re.split(r"(?<=[.!?»”])\s+(?=[A-ZÀÈÉÌÒÙ«“])", text)
        for at in range(0, len(sentences), 3):
            paragraphs.append(" ".join(sentences[at:at + 3]))
    return title, subtitle, paragraphs


AMP_SCRIPT = '<script async src="https://cdn.ampproject.org/v0.js"></script>'


def head(title: str, meta: dict[str, str], amp: bool = False) -> str:
    """A <head> with OpenGraph, canonical and JSON-LD NewsArticle."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": meta["date"], "author": {"@type": "Person", "name": meta["author"]},
          "publisher": {"@type": "Organization", "name": "Gazzetta della Bassa"}}
    return f"""<head><meta charset="utf-8"><title>{escape(title)} | Gazzetta della Bassa</title>
<link rel="canonical" href="{meta['url']}">
<meta property="og:url" content="{meta['url']}"><meta property="og:site_name" content="Gazzetta della Bassa">
<meta property="og:title" content="{escape(title)}"><meta property="article:published_time" content="{meta['date']}">
<meta name="author" content="{meta['author']}">{AMP_SCRIPT if amp else ''}
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"event": "pageview"}});</script>
<style>.share-bar {{ display: flex }}</style></head>"""


def paragraphs_html(paragraphs: list[str], inner: str = "", insert_at: int = 2) -> str:
    """Body paragraphs with `inner` furniture (related box, figure) placed among them."""
    out = [f"<p>{escape(text)}</p>" for text in paragraphs]
    out.insert(min(insert_at, len(out)), inner)
    return "\n".join(out)


FIGURE = """<figure class="photo"><img src="/foto.jpg" alt="La zona"><figcaption>Il luogo dei fatti
(foto Fiorentini)</figcaption></figure>"""


def semantic(t, s, ps, m):
    sub = f'<p class="sommario">{escape(s)}</p>' if s else ""
    return f"""<!DOCTYPE html><html lang="it">{head(t, m)}<body>{COOKIE}{NAV}<main><article class="article">
<header><span class="occhiello">Cronaca</span><h1>{escape(t)}</h1>{sub}
<div class="byline">di {m['author']} · <time datetime="{m['date']}">12 marzo 2024</time></div></header>
{SHARE}<div class="article-body">{paragraphs_html(ps, FIGURE + RELATED)}</div>
<p class="rights">© Riproduzione riservata</p><div class="tags"><a href="/t/modena">Modena</a>
<a href="/t/carabinieri">Carabinieri</a></div></article>{COMMENTS}</main>{SIDEBAR}{FOOTER}</body></html>"""


def div_layout(t, s, ps, m):
    sub = f'<h2 class="td-post-sub-title">{escape(s)}</h2>' if s else ""
    return f"""<!DOCTYPE html><html lang="it">{head(t, m)}<body><div id="page">{NAV}
<div class="td-container"><div class="td-pb-row"><div class="td-pb-span8 td-main-content">
<div class="td-post-header"><ul class="td-category"><li><a href="/cronaca">Cronaca</a></li></ul>
<h1 class="entry-title">{escape(t)}</h1>{sub}<div class="td-module-meta-info"><span class="td-post-author-name">
{m['author']}</span> - <span class="td-post-date">12 Marzo 2024</span></div></div>{SHARE}
<div class="td-post-content">{paragraphs_html(ps, '<div class="adv-inread">Pubblicità</div>')}</div>
<div class="td-post-source-tags"><span>TAGS</span><a href="/t/cronaca">cronaca</a><a href="/t/modena">modena</a></div>
{RELATED}{COMMENTS}</div><div class="td-pb-span4">{SIDEBAR}</div></div></div>{FOOTER}</div></body></html>"""


def gedi(t, s, ps, m):
    sub = f'<h2 class="story__summary">{escape(s)}</h2>' if s else ""
    return f"""<!DOCTYPE html><html lang="it">{head(t, m)}<body>{NAV}<div class="story">
<div class="story__header"><h1 class="story__title">{escape(t)}</h1>{sub}
<div class="story__author">{m['author']}</div>
<time class="story__date" datetime="{m['date']}">12 Marzo 2024</time></div>
<div class="story__content"><div class="story__text">{paragraphs_html(ps, FIGURE, 1)}</div>
<div class="paywall-box"><p>Per continuare a leggere abbonati: 1 euro al mese per i primi tre mesi.</p></div>
<aside class="related-stories"><h3>Potrebbe interessarti anche</h3><ul><li><a href="/x">Rapina in farmacia
a Sassuolo, caccia ai due banditi</a></li><li><a href="/y">Truffa agli anziani, la polizia mette in guardia</a>
</li></ul></aside></div></div>{SIDEBAR}{FOOTER}{COOKIE}</body></html>"""


def itemprop(t, s, ps, m):
    sub = f'<p itemprop="description" class="subtitle">{escape(s)}</p>' if s else ""
    body = [f"<p>{escape(text)}</p>" for text in ps]
    if len(body) > 3:
        body.insert(2, "<h2>Le indagini</h2>")
    return f"""<!DOCTYPE html><html lang="it">{head(t, m)}<body>{NAV}<div class="container">
<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">{escape(t)}</h1>{sub}
<span itemprop="author">{m['author']}</span><div class="social">{SHARE}</div>
<div itemprop="articleBody">{''.join(body)}</div>
<div class="newsletter"><h3>Iscriviti alla newsletter</h3><p>Ricevi ogni mattina le notizie della tua
città direttamente nella tua casella di posta.</p><form><input type="email"><button>Iscriviti</button></form></div>
</div>{RELATED}</div>{SIDEBAR}{FOOTER}</body></html>"""


def wordpress(t, s, ps, m):
    sub = f'<p class="lead"><strong>{escape(s)}</strong></p>' if s else ""
    return f"""<!DOCTYPE html><html lang="it">{head(t, m)}<body class="single-post">{NAV}
<div id="primary" class="content-area"><main id="main"><article id="post-1234" class="post">
<header class="entry-header"><h1 class="entry-title">{escape(t)}</h1><div class="entry-meta">
<span class="posted-on">Pubblicato il 12 marzo 2024</span> da <span class="author">{m['author']}</span></div>
</header><div class="entry-content">{sub}{paragraphs_html(ps, '', 99)}
<div class="sharedaddy"><h3>Condividi:</h3><ul><li>Facebook</li><li>WhatsApp</li><li>Telegram</li></ul></div>
<div class="jp-relatedposts"><h3>Articoli correlati</h3><p><a href="/a">Spaccio in stazione, arrestato 30enne</a></p>
<p><a href="/b">Colpo nella notte in una tabaccheria</a></p></div></div></article>
<div id="comments"><h2>2 commenti</h2><ol class="comment-list"><li><p>Che vergogna, povera città.</p></li>
<li><p>Bravi i carabinieri, finalmente una buona notizia.</p></li></ol><div id="respond"><h3>Lascia un commento</h3>
<form><textarea></textarea></form></div></div></main></div>{SIDEBAR}{FOOTER}</body></html>"""


def amp(t, s, ps, m):
    sub = f'<h2 class="amp-subtitle">{escape(s)}</h2>' if s else ""
    return f"""<!doctype html><html amp lang="it">{head(t, m, amp=True)}<body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li>Prima pagina</li><li>Cronaca</li><li>Sport</li></ul></amp-sidebar>
<header class="amp-header"><a href="/">Gazzetta della Bassa</a></header><article class="amp-article">
<h1>{escape(t)}</h1>{sub}<p class="amp-byline">{m['author']} — 12 marzo 2024</p>
<amp-social-share type="facebook"></amp-social-share><amp-social-share type="whatsapp"></amp-social-share>
<amp-img src="/foto.jpg" width="600" height="400" layout="responsive"></amp-img><p class="caption">Foto di archivio</p>
{paragraphs_html(ps, '<amp-ad width="300" height="250" type="adsense"></amp-ad>')}
<p><em>© RIPRODUZIONE RISERVATA</em></p></article>{RELATED}{FOOTER}</body></html>"""


def cookie_wall(t, s, ps, m):
    sub = f'<div class="sottotitolo">{escape(s)}</div>' if s else ""
    consent = COOKIE.replace("cookie-banner", "consent-modal") * 2
    return f"""<!DOCTYPE html><html lang="it">{head(t, m)}<body>{consent}{NAV}<div class="wrapper">
<div class="col-main"><div class="articolo"><div class="titolo"><h1>{escape(t)}</h1></div>{sub}
<div class="data">Pubblicato il 12/03/2024 alle 10:30</div><div class="testo">
{''.join(f'<div class="par">{escape(text)}</div>' for text in ps)}</div>
<div class="fonte">Riproduzione riservata © Gazzetta della Bassa</div>{SHARE}</div>{COMMENTS}</div>
<div class="col-side">{SIDEBAR}</div></div>{FOOTER}</body></html>"""


LAYOUTS = {"semantic": semantic, "div_layout": div_layout, "gedi": gedi, "itemprop": itemprop,
           "wordpress": wordpress, "amp": amp, "cookie_wall": cookie_wall}


def main() -> None:
    default = os.environ.get("LETTORE_SHARED_DATA", REPO.parent / "shared" / "data")
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    files = sorted((shared / "localnews").glob("*.txt"))
    OUT.mkdir(parents=True, exist_ok=True)
    names = list(LAYOUTS)
    for number, path in enumerate(files):
        layout = names[number % len(names)]
        title, subtitle, paragraphs = read_article(path)
        meta = {"url": f"https://www.gazzettadellabassa.example/cronaca/{path.stem}",
                "date": f"2024-03-{10 + number:02d}T10:30:00+01:00", "author": "Redazione Cronaca"}
        html = LAYOUTS[layout](title, subtitle, paragraphs, meta)
        stem = f"{layout}-{path.stem}"
        (OUT / f"{stem}.html").write_text(html, encoding="utf-8")
        gold = ([subtitle] if subtitle else []) + paragraphs
        (OUT / f"{stem}.gold.txt").write_text("\n".join(gold) + "\n", encoding="utf-8")
        print(stem)


if __name__ == "__main__":
    main()
