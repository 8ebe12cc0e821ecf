"""Mentions of one entity merged into a group ("Kim" with "Kim Jong Un", "KCNA" with
"Korean Central News Agency") so the entity panel lists each entity once, with a count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lettore.model import NAME_LABELS, Entity

__all__ = ["EntityGroup", "group_entities"]

_STOPWORDS = {"de", "di", "del", "della", "dello", "dei", "degli", "delle", "dell", "d",
              "of", "the", "and", "for", "e", "per", "la", "il", "lo", "le", "gli", "i", "l",
              "a", "al", "alla", "in", "da", "du", "des", "von", "van"}


@dataclass(frozen=True)
class EntityGroup:
    """One entity of the article: its longest name, every mention, the other forms used."""

    key: str
    label: str
    name: str
    mentions: tuple[Entity, ...]
    aliases: tuple[str, ...]


def _norm(text: str) -> str:
    """Case- and space-insensitive form of a mention."""
    return re.sub(r"\s+", " ", text.replace("’", "'").strip()).casefold()


def _tokens(text: str) -> list[str]:
    """Word tokens, hyphens and apostrophes split ("Jong-un" -> "jong", "un")."""
    return re.findall(r"\w+", _norm(text))


def _form(text: str) -> str:
    """Key of a surface form: "Kim Jong-un" and "kim jong un" are one form."""
    return " ".join(_tokens(text)) or _norm(text)


def _acronym(text: str) -> str | None:
    """"KCNA" or "U.E." -> "KCNA"/"UE" when the mention is an all-caps acronym."""
    bare = text.replace(".", "").strip()
    if 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper():
        return bare
    return None


def _initials(text: str) -> set[str]:
    """Initials of a long name, without and with its small words."""
    words = re.findall(r"[^\W\d_]+", text.replace("’", "'"))
    if len(words) < 2:
        return set()
    content = "".join(w[0] for w in words if w.casefold() not in _STOPWORDS).upper()
    every = "".join(w[0] for w in words).upper()
    return {content, every}


def _position(entity: Entity) -> tuple[int, int, int]:
    """Where a mention sits in the article, for ordering."""
    return (entity.block, entity.sentence, entity.start)


class _Union:
    """Union-find over the distinct surface forms."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _person_links(forms: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """A short PER form that begins or ends a single longer PER form ("Kim" -> "Kim Jong Un")."""
    links = []
    for i, (label, text) in enumerate(forms):
        if label != "PER":
            continue
        short = _tokens(text)
        matches = []
        for j, (other_label, other) in enumerate(forms):
            long = _tokens(other)
            if other_label == "PER" and len(long) > len(short) > 0 and (
                    long[:len(short)] == short or long[-len(short):] == short):
                matches.append(j)
        longest = [j for j in matches if not any(
            len(_tokens(forms[k][1])) > len(_tokens(forms[j][1])) and
            _tokens(forms[j][1]) in _windows(_tokens(forms[k][1])) for k in matches)]
        if len(longest) == 1:
            links.append((i, longest[0]))
    return links


def _windows(tokens: list[str]) -> list[list[str]]:
    """Every contiguous run of tokens."""
    return [tokens[a:b] for a in range(len(tokens)) for b in range(a + 1, len(tokens) + 1)]


def _acronym_links(forms: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """An acronym whose letters are the initials of exactly one longer ORG/LOC form."""
    links = []
    for i, (label, text) in enumerate(forms):
        acronym = _acronym(text)
        if acronym is None or label not in ("ORG", "LOC", "GPE", "MISC"):
            continue
        hits = [j for j, (other_label, other) in enumerate(forms)
                if j != i and other_label in ("ORG", "LOC", "GPE") and acronym in _initials(other)]
        if len(hits) == 1:
            links.append((i, hits[0]))
    return links


def _parenthesis_links(entities: list[Entity], index: dict[tuple[str, str], int]
                       ) -> list[tuple[int, int]]:
    """"Agenzia centrale coreana (KCNA)": an acronym in brackets right after a name."""
    links = []
    by_place = sorted(entities, key=_position)
    for first, second in zip(by_place, by_place[1:]):
        same = (first.block, first.sentence) == (second.block, second.sentence)
        if same and _acronym(second.text) and 1 <= second.start - first.end <= 2 and (
                first.label in ("ORG", "LOC", "GPE") and second.label in ("ORG", "LOC", "GPE", "MISC")):
            links.append((index[(second.label, _form(second.text))],
                          index[(first.label, _form(first.text))]))
    return links


def group_entities(entities: list[Entity]) -> list[EntityGroup]:
    """Entities grouped per real-world entity, sorted by label then by first mention."""
    index: dict[tuple[str, str], int] = {}
    forms: list[tuple[str, str]] = []
    for entity in sorted(entities, key=_position):
        key = (entity.label, _form(entity.text))
        if key not in index:
            index[key] = len(forms)
            forms.append((entity.label, entity.text))
    union = _Union(len(forms))
    named = [(label if label in NAME_LABELS else "", text) for label, text in forms]
    for a, b in _person_links(named) + _acronym_links(named) + _parenthesis_links(entities, index):
        union.join(a, b)
    members: dict[int, list[Entity]] = {}
    for entity in sorted(entities, key=_position):
        root = union.find(index[(entity.label, _form(entity.text))])
        members.setdefault(root, []).append(entity)
    groups = [_make_group(mentions) for mentions in members.values()]
    return sorted(groups, key=lambda g: (g.label, _position(g.mentions[0])))


def _make_group(mentions: list[Entity]) -> EntityGroup:
    """The group of some merged mentions: longest form as name, label of that form."""
    surfaces: list[str] = []
    for mention in mentions:
        if all(_form(mention.text) != _form(s) for s in surfaces):
            surfaces.append(mention.text)
    name = max(surfaces, key=lambda s: (len(s), -surfaces.index(s)))
    label = next(m.label for m in mentions if m.text == name)
    aliases = tuple(s for s in surfaces if s != name)
    return EntityGroup(f"{label}:{_form(name)}", label, name, tuple(mentions), aliases)
