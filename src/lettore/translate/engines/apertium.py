"""Offline gist translation with Apertium: Italian -> Spanish -> English, labelled rough.

One article goes through the two pipelines in a single call (each process start costs
about 0.35 s). Sentences are separated by blank lines, which Apertium's text format
keeps as they are, so the output splits back one for one; `-u` drops the `*` and `#`
marks of unknown words. With `protect` (the default) names and terms from the hints go
through as placeholders (`protect.py`) and the pivot's systematic errors are post-edited
(`postedit.py`).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator, Sequence

from lettore.apertium import PACKAGES, ApertiumFailed, ApertiumPipeline, run_apertium
from lettore.text_clean import clean_answer
from lettore.translate.engines.base import BaseEngine, Result, TextHints, is_echo
from lettore.translate.engines.errors import (
    EngineBadResponse,
    EngineError,
    EngineTimeout,
    EngineUnavailable,
)

INSTALL_HINT = f"install it with: sudo apt install {PACKAGES}"
PIVOT = "es"


class ApertiumEngine(BaseEngine):
    """Rule-based it->es->en translation through the `apertium` command."""

    name = "apertium"
    rough = True
    accepts_hints = True

    def __init__(
        self, timeout: float = 120.0, command: str = "apertium", protect: bool = True,
        post_edits: bool = True, look_up_unknown: bool = True,
    ) -> None:
        self.timeout = timeout
        self.command = command
        self.protect = protect
        self.post_edits = post_edits
        self.look_up_unknown = look_up_unknown
        self._modes: set[str] | None = None

    def modes(self) -> set[str]:
        """Language pairs the installed Apertium offers (`apertium -l`), cached."""
        if self._modes is None:
            path = shutil.which(self.command)
            try:
                listing = run_apertium([path, "-l"], "", timeout=30, check=False) if path else ""
            except ApertiumFailed:
                listing = ""
            self._modes = {line.strip() for line in listing.splitlines()}
        return self._modes

    def _pairs(self, src: str, tgt: str) -> list[str]:
        """The Apertium modes for src->tgt, through Spanish for Italian->English."""
        codes = {"it": "ita", "es": "spa", "en": "eng"}
        if src not in codes or tgt not in codes:
            return []
        if {src, tgt} == {"it", "en"}:
            return [f"{codes[src]}-spa", f"spa-{codes[tgt]}"]
        return [f"{codes[src]}-{codes[tgt]}"]

    def available(self, src: str = "it", tgt: str = "en") -> str | None:
        """Say what is missing and how to install it, or None when ready."""
        if shutil.which(self.command) is None:
            return f"Apertium is not installed; {INSTALL_HINT}"
        missing = [mode for mode in self._pairs(src, tgt) if mode not in self.modes()]
        if missing or not self._pairs(src, tgt):
            return f"Apertium lacks the {', '.join(missing) or src + '-' + tgt} pair; {INSTALL_HINT}"
        return None

    def translate_stream(
        self,
        texts: list[str],
        src: str,
        tgt: str,
        cancel: threading.Event | None = None,
        hints: Sequence[TextHints] | None = None,
    ) -> Iterator[tuple[int, Result]]:
        """Translate all texts in one pipeline run; a bad sentence fails alone."""
        try:
            results = self._translate_all(texts, src, tgt, hints)
        except EngineError as error:
            results = [error] * len(texts)
        yield from enumerate(results)

    def _translate_all(
        self, texts: list[str], src: str, tgt: str, hints: Sequence[TextHints] | None = None
    ) -> list[Result]:
        """One run through the pipeline, split back one output per input."""
        reason = self.available(src, tgt)
        if reason:
            raise EngineUnavailable(self.name, reason)
        if not texts:
            return []
        flat = [" ".join(text.split()) for text in texts]
        if self.protect:
            from lettore.translate.postedit import post_edit, pre_edit
            from lettore.translate.protect import protect, restore

            marks = list(hints) if hints is not None else [TextHints() for _ in flat]
            edited = [pre_edit(text) for text in flat] if self.post_edits else flat
            guarded = [protect(text, mark.keep, mark.terms) for text, mark in zip(edited, marks, strict=True)]
            pieces = self._pipe([text for text, _ in guarded], src, tgt, look_up=self.look_up_unknown)
            pieces = [restore(piece, slots) for piece, (_, slots) in zip(pieces, guarded, strict=True)]
            if self.post_edits:
                pieces = [post_edit(piece) for piece in pieces]
        else:
            pieces = self._pipe(flat, src, tgt)
        return [self._clean(source, piece) for source, piece in zip(flat, pieces, strict=True)]

    def _pipe(self, texts: list[str], src: str, tgt: str, look_up: bool = False) -> list[str]:
        """Texts joined by blank lines through the modes, split back; the count must match.
        With `look_up` (it->en), the Italian words the first stage does not know are looked
        up through the Catalan pair and put into the English (`unknown.py`)."""
        modes = self._pairs(src, tgt)
        joined = "\n\n".join(text or "." for text in texts) + "\n"
        if not (look_up and (src, tgt) == ("it", "en")):
            return [clean_answer(piece) for piece in self._split(self._run(joined, modes), len(texts))]
        from concurrent.futures import ThreadPoolExecutor  # lazy on purpose: only this path runs two at once

        from lettore.translate.unknown import fill, marked_words, strip_marks

        lookup = self._start_lookup()  # loads the Catalan pair while the first stage runs
        try:
            first = self._split(self._run(joined, modes[:1], marks=True), len(texts))
            words = [marked_words(piece) for piece in first]
            joined = "\n\n".join(strip_marks(piece, text) for piece, text in zip(first, texts, strict=True)) + "\n"
            with ThreadPoolExecutor(max_workers=1) as pool:  # the lookup runs beside the second stage
                found = pool.submit(self._look_up, lookup, [w for some in words for w in some])
                pieces = [clean_answer(piece) for piece in self._split(self._run(joined, modes[1:]), len(texts))]
        finally:
            if lookup is not None:
                lookup.close()
        return [fill(piece, some, found.result()) for piece, some in zip(pieces, words, strict=True)]

    def _split(self, output: str, count: int) -> list[str]:
        """One run's output split back at blank lines; `count` pieces or EngineBadResponse."""
        pieces = output.strip("\n").split("\n\n")
        if len(pieces) != count:
            raise EngineBadResponse(self.name, f"returned {len(pieces)} sentences for {count}")
        return pieces

    def _start_lookup(self) -> ApertiumPipeline | None:
        """The it->ca->en chain for unknown words, started now, when the Catalan pair is
        installed; None when it is not or cannot start (the words then stay as they are)."""
        from lettore.translate.unknown import CATALAN_MODES

        if not all(mode in self.modes() for mode in CATALAN_MODES):
            return None
        try:
            return ApertiumPipeline(self.command, list(CATALAN_MODES), ["-f", "txt"])
        except ApertiumFailed:
            return None

    def _look_up(self, lookup: ApertiumPipeline | None, words: list[str]) -> dict[str, str]:
        """The English of the words the pivot lacks through the started chain; nothing when
        there is none or it fails."""
        from lettore.translate.unknown import look_up

        if lookup is None:
            return {}
        try:
            return look_up(list(dict.fromkeys(words)), lambda text, modes: lookup.run(text, self.timeout))
        except ApertiumFailed:
            return {}

    def _clean(self, source: str, piece: str) -> Result:
        """Empty sources stay empty; empty or unchanged output is an error for that sentence."""
        if not source:
            return ""
        if not piece:
            return EngineBadResponse(self.name, "produced no text")
        if is_echo(source, piece):
            return EngineBadResponse(self.name, "left the sentence untranslated")
        return piece

    def _run(self, text: str, modes: list[str], marks: bool = False) -> str:
        """Pipe text through each mode in turn (`apertium -u -f txt MODE`; without `-u` when
        the unknown-word `marks` are wanted)."""
        flags = ["-f", "txt"] if marks else ["-u", "-f", "txt"]
        for mode in modes:
            try:
                text = run_apertium([self.command, *flags, mode], text, self.timeout)
            except ApertiumFailed as failed:
                if failed.timed_out:
                    raise EngineTimeout(self.name, failed.reason) from None
                raise EngineBadResponse(self.name, f"{mode} failed: {failed.reason}") from None
        return text
