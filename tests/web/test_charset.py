"""Decoding pages: header, then <meta>, then detection; a wrong declaration is not trusted."""

from __future__ import annotations

from lettore.web.charset import decode_page

TEXT = "Perché la città è più sicura: l’assessore “soddisfatto”."


def test_the_header_charset_is_used() -> None:
    assert decode_page(TEXT.encode("cp1252"), "text/html; charset=windows-1252") == TEXT


def test_the_meta_charset_is_used_without_a_header() -> None:
    page = f'<html><head><meta charset="iso-8859-15"></head><body>{"Perché più città"}</body></html>'
    assert "Perché più città" in decode_page(page.encode("iso-8859-15"), "text/html")


def test_a_wrong_utf8_declaration_falls_back_to_detection() -> None:
    plain = TEXT.replace("’", "'").replace("“", '"').replace("”", '"')
    page = ("<html><body>" + f"<p>{plain}</p>" * 3).encode("cp1252")
    assert "Perché la città è più sicura" in decode_page(page, "text/html; charset=utf-8")


def test_a_latin1_label_on_utf8_bytes_reads_utf8() -> None:
    assert decode_page(TEXT.encode("utf-8"), "text/html; charset=iso-8859-1") == TEXT


def test_an_unknown_charset_name_is_ignored() -> None:
    assert decode_page(TEXT.encode("utf-8"), "text/html; charset=klingon") == TEXT
