"""Rows for the stored analyses (entities, claims): written at import/prepare time,
read when an article opens, so the reader never tags text itself."""

from __future__ import annotations

import json
import sqlite3

from lettore.model import Claim, ClaimNumber, Entity


def write(conn: sqlite3.Connection, article_id: int, entities: list[Entity], claims: list[Claim]) -> None:
    """Replace the article's entities and claims (caller holds the transaction)."""
    conn.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO entities (article_id, seq, block, sentence, start, end, text, label, value,"
        " english) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, seq, e.block, e.sentence, e.start, e.end, e.text, e.label,
             None if e.value is None else json.dumps(e.value), e.english)
            for seq, e in enumerate(entities)
        ],
    )
    conn.executemany(
        "INSERT INTO claims (article_id, seq, data) VALUES (?, ?, ?)",
        [(article_id, seq, json.dumps(_claim_fields(c), ensure_ascii=False)) for seq, c in enumerate(claims)],
    )


def _claim_fields(claim: Claim) -> dict[str, object]:
    """A claim as stored: its fields by name, its numbers as objects of theirs."""
    return {**claim._asdict(), "numbers": [number._asdict() for number in claim.numbers]}


def read_entities(conn: sqlite3.Connection, article_id: int) -> list[Entity]:
    """Entities in text order."""
    return [
        Entity(text, label, block, sentence, start, end,
               None if value is None else json.loads(value), english)
        for block, sentence, start, end, text, label, value, english in conn.execute(
            "SELECT block, sentence, start, end, text, label, value, english FROM entities"
            " WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
    ]


def read_claims(conn: sqlite3.Connection, article_id: int) -> list[Claim]:
    """Claims in stored order."""
    claims = []
    for (data,) in conn.execute("SELECT data FROM claims WHERE article_id = ? ORDER BY seq", (article_id,)):
        fields = json.loads(data)
        fields["numbers"] = tuple(ClaimNumber(**n) for n in fields.get("numbers", ()))
        fields["hedges"] = tuple(fields.get("hedges", ()))
        fields["entities"] = tuple(fields.get("entities", ()))
        claims.append(Claim(**fields))
    return claims
