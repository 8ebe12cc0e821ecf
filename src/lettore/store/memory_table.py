"""The translation-memory table of the library, as a mixin of Library: exact matches
on normalised source text, shared by every article; a rough unit never replaces a good one."""

from __future__ import annotations

import time
from collections.abc import Iterable

from lettore.store.table import LibraryTable


class MemoryTable(LibraryTable):
    """`tm` table access; Library provides `conn` and `transaction()`."""

    def tm_lookup(
        self, keys: Iterable[str], source_lang: str = "it", target_lang: str = "en"
    ) -> dict[str, tuple[str, str, bool]]:
        """Memory hits for normalised keys: key -> (target, origin, rough)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, tuple[str, str, bool]] = {}
        for chunk_start in range(0, len(wanted), 500):
            chunk = wanted[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for key, target, origin, rough in self.conn.execute(
                f"SELECT key, target, origin, rough FROM tm WHERE source_lang = ? AND"
                f" target_lang = ? AND key IN ({marks})",
                (source_lang, target_lang, *chunk),
            ):
                found[key] = (target, origin, bool(rough))
        return found

    def tm_add(
        self,
        units: Iterable[tuple[str, str, str, str, bool]],
        source_lang: str = "it",
        target_lang: str = "en",
        machine: frozenset[str] = frozenset(),
    ) -> int:
        """Add (key, source, target, origin, rough) units; a rough unit never replaces a good one,
        and a unit whose origin is in `machine` (an engine) never replaces a human one."""
        now = time.time()
        rows = [(source_lang, target_lang, k, s, t, o, int(r), now) for k, s, t, o, r in units]
        marks = ",".join("?" * len(machine))
        names = tuple(sorted(machine))
        human_wins = (
            f" AND (excluded.origin NOT IN ({marks}) OR tm.origin IN ({marks}))" if names else ""
        )
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO tm (source_lang, target_lang, key, source, target, origin, rough,"
                " created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (source_lang, target_lang, key) DO UPDATE SET"
                " source = excluded.source, target = excluded.target, origin = excluded.origin,"
                " rough = excluded.rough, created = excluded.created"
                " WHERE excluded.rough <= tm.rough" + human_wins,
                [(*row, *names, *names) for row in rows],
            )
        return len(rows)

    def tm_units(
        self, source_lang: str = "it", target_lang: str = "en", keys: Iterable[str] | None = None
    ) -> list[tuple[str, str, str, bool]]:
        """Memory units (source, target, origin, rough), all or only those with `keys`."""
        query = "SELECT key, source, target, origin, rough FROM tm WHERE source_lang = ? AND target_lang = ?"
        rows = self.conn.execute(query + " ORDER BY created, key", (source_lang, target_lang))
        wanted = set(keys) if keys is not None else None
        return [
            (source, target, origin, bool(rough))
            for key, source, target, origin, rough in rows
            if wanted is None or key in wanted
        ]

    def tm_remove(self, key: str, source_lang: str, target_lang: str, origin: str) -> None:
        """Forget the unit for `key` if it has this origin (an undone manual edit)."""
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM tm WHERE source_lang = ? AND target_lang = ? AND key = ? AND origin = ?",
                (source_lang, target_lang, key, origin),
            )

    def tm_size(self) -> int:
        """How many units the memory holds, all language pairs together."""
        return int(self.conn.execute("SELECT COUNT(*) FROM tm").fetchone()[0])
