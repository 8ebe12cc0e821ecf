"""TMX exchange and the translation-memory key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lettore.errors import UserError
from lettore.translate.normalise import normalise_key
from lettore.translate.tmx import TmxUnit, read_tmx, write_tmx

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
    '<header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence"'
    ' adminlang="en" srclang="{src}" o-tmf="t"/>\n<body>\n'
)


def tmx_file(tmp_path: Path, body: str, src: str = "it-IT") -> Path:
    path = tmp_path / "memory.tmx"
    path.write_text(HEADER.format(src=src) + body + "\n</body>\n</tmx>\n", encoding="utf-8")
    return path


def test_round_trip_keeps_text_languages_and_origin(tmp_path: Path) -> None:
    units = [
        TmxUnit("Il gatto è nero.", "The cat is black.", "it", "en", "reference"),
        TmxUnit('«Sì» & <no>', '"Yes" & <no>', "it-IT", "en-GB", None),
        TmxUnit("  spazi  ", "  spaces  ", "it", "en", "google"),
    ]
    path = tmp_path / "out" / "units.tmx"
    write_tmx(path, units)
    assert read_tmx(path) == units
    assert 'tuid="3"' in path.read_text(encoding="utf-8")


def xml_expected(text: str) -> str:
    """What survives XML and the memory's cleaning: no control, bidi or zero-width
    character, line ends normalised, NFC."""
    from lettore.text_clean import clean_text

    kept = "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))
    return clean_text(kept.replace("\r\n", "\n").replace("\r", "\n"))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1), st.text(min_size=1)), max_size=5))
def test_round_trip_any_text(tmp_path_factory: pytest.TempPathFactory, pairs: list) -> None:
    path = tmp_path_factory.mktemp("tmx") / "any.tmx"
    write_tmx(path, [TmxUnit(s, t, "it", "en", "x") for s, t in pairs])
    got = [(unit.source, unit.target) for unit in read_tmx(path)]
    assert got == [(xml_expected(s), xml_expected(t)) for s, t in pairs]


def test_languages_match_on_primary_subtag_and_source_may_come_second(tmp_path: Path) -> None:
    path = tmx_file(
        tmp_path,
        '<tu><tuv xml:lang="EN-us"><seg>Hello.</seg></tuv><tuv xml:lang="IT"><seg>Ciao.</seg></tuv></tu>',
    )
    [unit] = read_tmx(path)
    assert (unit.source, unit.target, unit.source_lang, unit.target_lang) == ("Ciao.", "Hello.", "IT", "EN-us")


def test_inline_codes_are_left_out_and_highlighted_text_kept(tmp_path: Path) -> None:
    path = tmx_file(
        tmp_path,
        '<tu creationid="anna"><tuv xml:lang="it"><seg>Il <bpt i="1">&lt;b&gt;</bpt>gatto'
        '<ept i="1">&lt;/b&gt;</ept> <hi type="x">nero</hi>.<ph>&lt;br/&gt;</ph></seg></tuv>'
        '<tuv xml:lang="en"><seg>The <hi>black <hi>cat</hi></hi>.</seg></tuv></tu>',
    )
    [unit] = read_tmx(path)
    assert (unit.source, unit.target, unit.origin) == ("Il gatto nero.", "The black cat.", "anna")


def test_origin_prefers_the_x_origin_property(tmp_path: Path) -> None:
    path = tmx_file(
        tmp_path,
        '<tu creationid="anna" changeid="bruno"><prop type="x-origin">reference</prop>'
        '<tuv xml:lang="it"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>'
        '<tu changeid="bruno" creationid="anna">'
        '<tuv xml:lang="it"><seg>c</seg></tuv><tuv xml:lang="en"><seg>d</seg></tuv></tu>',
    )
    assert [unit.origin for unit in read_tmx(path)] == ["reference", "bruno"]


def test_unit_without_the_source_language_is_skipped(tmp_path: Path) -> None:
    path = tmx_file(
        tmp_path, '<tu><tuv xml:lang="fr"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>'
    )
    assert read_tmx(path) == []


def test_malformed_tmx_names_file_and_line(tmp_path: Path) -> None:
    path = tmx_file(tmp_path, '<tu>\n<tuv xml:lang="it"><seg>a</seg></tuv>\n</body>')
    with pytest.raises(UserError, match=r"memory\.tmx.*line 7"):
        read_tmx(path)


def test_doctype_and_entities_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">]>\n'
        '<tmx version="1.4"><header srclang="it"/><body><tu><tuv xml:lang="it"><seg>&a;</seg>'
        '</tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="DOCTYPE"):
        read_tmx(path)


def test_missing_file_and_wrong_root_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such"):
        read_tmx(tmp_path / "absent.tmx")
    other = tmp_path / "other.xml"
    other.write_text("<html/>", encoding="utf-8")
    with pytest.raises(UserError, match="not a TMX"):
        read_tmx(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ('" Sono stato lieto ... Kursk ", ha detto', '"Sono stato lieto ... Kursk", ha detto'),
        ("«Sono stato lieto», ha detto", '"Sono stato lieto", ha detto'),
        ("“Basta”, ha detto", '"Basta", ha detto'),
        ("l’aria dell`Italia", "l'aria dell'Italia"),
        ("  due   spazi\n e\ta capo ", "due spazi e a capo"),
        ("perche\u0301", "perché"),
    ],
)
def test_memory_key_ignores_quote_space_and_composition_differences(one: str, other: str) -> None:
    assert normalise_key(one) == normalise_key(other)


def test_memory_key_keeps_case_and_words() -> None:
    assert normalise_key("Roma") != normalise_key("roma")
    assert normalise_key("Il gatto.") != normalise_key("Il gatto!")
    assert normalise_key('Ha detto " no " e poi "sì"') == 'Ha detto "no" e poi "sì"'


def test_memory_key_is_fast_on_many_sentences() -> None:
    import time

    sentences = [f"Il presidente «{i}» ha detto: “sì”, perché l’accordo è più forte." for i in range(100_000)]
    began = time.perf_counter()
    keys = {normalise_key(s) for s in sentences}
    assert len(keys) == 100_000
    assert time.perf_counter() - began < 3


def test_entities_in_utf16_are_refused_too(tmp_path: Path) -> None:
    """A byte search for <!DOCTYPE cannot see it in UTF-16; the parser refuses it anyway."""
    path = tmp_path / "u16.tmx"
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE tmx [<!ENTITY a "ESPANSO">]>\n'
        '<tmx version="1.4"><header srclang="it"/><body><tu><tuv xml:lang="it"><seg>&a;</seg></tuv>'
        '<tuv xml:lang="en"><seg>&a;</seg></tuv></tu></body></tmx>'
    )
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(UserError, match="DOCTYPE"):
        read_tmx(path)


def test_unknown_encoding_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "klingon.tmx"
    path.write_text('<?xml version="1.0" encoding="klingon"?><tmx version="1.4"/>', encoding="utf-8")
    with pytest.raises(UserError, match=r"klingon\.tmx"):
        read_tmx(path)


def test_controls_and_markup_inside_seg_are_data(tmp_path: Path) -> None:
    path = tmx_file(
        tmp_path,
        '<tu><tuv xml:lang="it"><seg>Ciao\u0085 &#x202e;mondo&#x202c;</seg></tuv>'
        '<tuv xml:lang="en"><seg>Hello <b>bold</b> \u202eworld\u200b &lt;script&gt;</seg></tuv></tu>',
    )
    [unit] = read_tmx(path)
    assert unit.source == "Ciao mondo" and unit.target == "Hello bold world <script>"
