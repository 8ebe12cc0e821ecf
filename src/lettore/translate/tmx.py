"""TMX 1.4 reading and writing, so reference and memory translations travel between
lettore and other CAT tools in the standard exchange format."""

from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lettore import __version__
from lettore.errors import UserError
from lettore.text_clean import clean_line, clean_text
from lettore.userfiles import read_user_bytes

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is native markup (e.g. "<b>"), not text to translate.
_CODE_TAGS = frozenset({"bpt", "ept", "ph", "it", "ut"})
# DTDs and entity declarations are refused: they enable entity-expansion attacks.
_UNSAFE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# Characters XML 1.0 cannot carry; dropped on write so the file stays readable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class TmxUnit:
    """One source sentence and its translation, with where the translation came from."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    origin: str | None = None


def primary_subtag(lang: str) -> str:
    """'it-IT', 'IT', 'it_it' -> 'it': languages are matched on their primary subtag."""
    return re.split(r"[-_]", lang.strip(), maxsplit=1)[0].lower()


def read_tmx(path: str | Path, source_lang: str | None = None) -> list[TmxUnit]:
    """Read every translation unit; the source language is the header's srclang
    (or `source_lang`, or Italian when the header says *all*), targets are the other tuvs."""
    path = Path(path)
    root = _parse(path)
    if root.tag != "tmx":
        raise UserError(f"{path} is not a TMX file (its root element is <{root.tag}>)")
    header = root.find("header")
    header_src = header.get("srclang", "") if header is not None else ""
    default_src = source_lang or header_src
    if not default_src or default_src == "*all*":
        default_src = "it"
    units: list[TmxUnit] = []
    body = root.find("body")
    for tu in body.iter("tu") if body is not None else ():
        units.extend(_read_unit(tu, source_lang or tu.get("srclang"), default_src))
    return units


def write_tmx(path: str | Path, units: Iterable[TmxUnit], srclang: str = "it") -> None:
    """Write units as TMX 1.4 (atomically: a crash leaves the old file intact)."""
    path = Path(path)
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "lettore",
            "creationtoolversion": __version__,
            "datatype": "plaintext",
            "segtype": "sentence",
            "adminlang": "en",
            "srclang": srclang,
            "o-tmf": "lettore",
        },
    )
    body = ET.SubElement(root, "body")
    for number, unit in enumerate(units, start=1):
        tu = ET.SubElement(body, "tu", tuid=str(number))
        if unit.origin:
            prop = ET.SubElement(tu, "prop", type="x-origin")
            prop.text = _xml_safe(unit.origin)
        for lang, text in ((unit.source_lang, unit.source), (unit.target_lang, unit.target)):
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = _xml_safe(text)
    ET.indent(root, space="  ")
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    _write_atomically(path, data)


def _parse(path: Path) -> ET.Element:
    """Parse the file, turning every way it can fail into a one-line UserError."""
    data = read_user_bytes(path, "a TMX file")
    unsafe = _UNSAFE.search(data)
    if unsafe:
        line = data.count(b"\n", 0, unsafe.start()) + 1
        raise UserError(f"{path}: line {line}: DOCTYPE/ENTITY declarations are not accepted in TMX")
    from defusedxml import DefusedXmlException  # lazy on purpose: only TMX reading needs it

    # lazy: heavy, loaded only by the command that needs it
    from defusedxml.ElementTree import fromstring

    try:
        # The byte check above cannot see a DTD in UTF-16 or another encoding; the parser,
        # refusing DTDs, entities and external references, can.
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise UserError(f"{path}: DOCTYPE/ENTITY declarations are not accepted in TMX") from None
    except ET.ParseError as error:
        line = error.position[0]
        reason = str(error).split(":")[0]
        raise UserError(f"{path}: malformed TMX at line {line}: {reason}") from None
    except (LookupError, ValueError) as error:  # an encoding Python does not know, and the like
        raise UserError(f"{path}: cannot read this TMX ({error}); save it as UTF-8") from None


def _read_unit(tu: ET.Element, tu_src: str | None, default_src: str) -> list[TmxUnit]:
    """Turn one <tu> into a unit per target language."""
    src = primary_subtag(tu_src or default_src)
    if src == "*all*":
        src = primary_subtag(default_src)
    origin = None
    for prop in tu.findall("prop"):
        if prop.get("type") == "x-origin" and prop.text:
            origin = clean_line(prop.text)
            break
    origin = origin or clean_line(tu.get("changeid") or tu.get("creationid") or "") or None
    source: tuple[str, str] | None = None
    targets: list[tuple[str, str]] = []
    for tuv in tu.findall("tuv"):
        lang = tuv.get(_XML_LANG) or tuv.get("lang") or ""
        seg = tuv.find("seg")
        if seg is None:
            continue
        text = _seg_text(seg)
        if source is None and primary_subtag(lang) == src:
            source = (lang, text)
        else:
            targets.append((lang, text))
    if source is None:
        return []
    return [TmxUnit(source[1], text, source[0], lang, origin) for lang, text in targets]


def _seg_text(seg: ET.Element) -> str:
    """The text of a <seg>: <hi>/<sub> content kept, native codes (<bpt>, <ph>...) left out."""
    parts: list[str] = []
    stack: list[ET.Element | str] = [seg]
    while stack:  # iterative walk: nesting depth cannot exhaust the call stack
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item.tag in _CODE_TAGS:
            continue  # its tail is already on the stack
        parts.append(item.text or "")
        for child in reversed(item):
            stack.append(child.tail or "")
            stack.append(child)
    return clean_text("".join(parts))


def _xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot represent."""
    return _XML_ILLEGAL.sub("", text)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
