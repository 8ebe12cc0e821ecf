"""Decoding and cleaning: any encoding a user's file may have, no garbage, no escapes."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from lettore.errors import UserError
from lettore.ingest import load_bytes, load_path

ITALIAN = "Perché la città è già più forte: l’Italia “vince” — 20 €.\n\nSecondo paragrafo."


def paragraph_texts(data: bytes, name: str = "a.txt") -> list[str]:
    return [block.text for block in load_bytes(data, name).blocks]


@pytest.mark.parametrize(
    "data",
    [
        ITALIAN.encode("utf-8"),
        codecs.BOM_UTF8 + ITALIAN.encode("utf-8"),
        codecs.BOM_UTF16_LE + ITALIAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ITALIAN.encode("utf-16-be"),
        ITALIAN.encode("utf-16-le"),
        ITALIAN.encode("utf-16-be"),
        ITALIAN.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252"],
)
def test_every_encoding_reads_the_same_text(data: bytes) -> None:
    assert paragraph_texts(data) == ITALIAN.split("\n\n")


def test_latin1_accents_survive() -> None:
    text = "Perché è così, disse il perù. Già."
    assert paragraph_texts(text.encode("latin-1")) == [text]


def test_cyrillic_legacy_file_is_not_read_as_western() -> None:
    text = "Президент России заявил, что переговоры продолжатся на следующей неделе в Москве. " * 5
    decoded = paragraph_texts(text.encode("cp1251"))[0]
    assert "Президент" in decoded


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"PK\x03\x04" + b"\x00" * 200,
        b"Testo\x00con\x00nul" + bytes(range(32)) * 10,
        bytes(range(1, 9)) * 200,
    ],
    ids=["png", "zip", "nul", "controls"],
)
def test_binary_data_is_refused_with_a_message(data: bytes) -> None:
    with pytest.raises(UserError, match=r"doc\.txt looks like binary data, not an article: "
                                          r"give a \.txt, \.md or \.html file"):
        load_bytes(data, "doc.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", codecs.BOM_UTF8, "\u200b\u202e".encode()])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(UserError, match="empty"):
        load_bytes(data, "vuoto.txt")


def test_only_residue_is_no_readable_text() -> None:
    with pytest.raises(UserError, match="no readable text"):
        load_bytes(b"date 2025-05 Ascolta ora 00:00 00:00\n\nRiproduzione riservata \xc2\xa9\n", "x.txt")


def test_missing_file_directory_and_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        load_path(tmp_path / "manca.txt")
    with pytest.raises(UserError, match="is a directory"):
        load_path(tmp_path)
    locked = tmp_path / "chiuso.txt"
    locked.write_text("Testo.", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file")
        with pytest.raises(UserError, match="permission denied"):
            load_path(locked)
    finally:
        locked.chmod(0o600)


def test_escape_sequences_and_invisible_characters_are_removed() -> None:
    raw = (
        "\x1b[1;31mRosso\x1b[0m e \x1b]8;;https://x.it\x1b\\link\x1b]8;;\x1b\\ e \x1b]0;titolo\x07"
        "bidi\u202e\u2066x\u2069\u200f, zero\u200bwidth\ufeff\u2060, ctrl\x01\x07\x7f\x85\x9b, tab\tqui."
    )
    [text] = paragraph_texts(raw.encode("utf-8"))
    assert text == "Rosso e link e bidix, zerowidth, ctrl, tab qui."


def test_rich_markup_is_plain_text() -> None:
    assert paragraph_texts(b"Il tag [bold red]resta[/] com'era.") == ["Il tag [bold red]resta[/] com'era."]


def test_line_endings_and_unicode_composition_are_normalised() -> None:
    composed = "Perché è così.\n\nFine."
    decomposed = "Perche\u0301 e\u0300 cosi\u0300.\r\n\r\nFine."
    old_mac = "Perché è così.\r\rFine."
    assert paragraph_texts(decomposed.encode()) == paragraph_texts(composed.encode())
    assert paragraph_texts(old_mac.encode()) == ["Perché è così.", "Fine."]


def test_unknown_format_is_a_user_error() -> None:
    with pytest.raises(UserError, match="unknown format"):
        load_bytes(b"Testo.", fmt="docx")


def test_utf8_with_one_corrupt_byte_stays_utf8() -> None:
    data = ("Perché è così, già più forte. " * 20).encode() + b"\xff Fine."
    text = paragraph_texts(data)[0]
    assert text.startswith("Perché è così") and "Ã" not in text


def test_utf8_file_with_a_pasted_cp1252_piece_reads_both() -> None:
    data = "La città è pronta.".encode() + " Perché è così.".encode("cp1252")
    assert paragraph_texts(data) == ["La città è pronta. Perché è così."]
