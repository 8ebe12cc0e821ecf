"""Translate whole articles ahead of reading: memory first, then the engine chain.

Progress is committed paragraph by paragraph, so a kill loses at most the paragraphs in
flight; sentences every engine failed are marked pending with the reason and are the
only ones the next run sends again. Rough (gist) results are kept but, when a better
engine is in the chain and failed, stay pending so a later run can replace them.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lettore.config import Settings
from lettore.model import Article, Translation
from lettore.store import Library
from lettore.translate.chain import Chain, Outcome
from lettore.translate.engines.base import BaseEngine, TextHints
from lettore.translate.engines.registry import check_names, engines_from_settings
from lettore.translate.glossary import merged_glossary
from lettore.translate.memory import fill_from_memory, remember

Key = tuple[int, int, int]  # (article id, block, sentence)
FLUSH_SECONDS = 0.2


@dataclass
class PrepareReport:
    """What a prepare run did, for the summary line and the exit code."""

    articles: int = 0
    total: int = 0
    done: int = 0
    translated: int = 0
    rough: int = 0
    from_memory: int = 0
    failed: int = 0
    fallback: int = 0
    seconds: float = 0.0
    engine: str = ""
    interrupted: bool = False
    busy: dict[int, int] = field(default_factory=dict)  # article id -> pid of the run preparing it
    by_engine: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def pending(self) -> int:
        """Sentences left for the next run: failed ones and rough stand-ins."""
        return self.failed + self.fallback

    @property
    def exit_code(self) -> int:
        """0 when everything is translated, 3 when some sentences are pending."""
        return 3 if self.pending else 0


Progress = Callable[[PrepareReport], None]


def articles_to_prepare(library: Library) -> list[int]:
    """Articles with an untranslated, pending or rough sentence."""
    ids = set(library.article_ids_needing_translation())
    for summary in library.list_articles():
        if summary.id in ids:
            continue
        if library.pending(summary.id) or any(
            t.rough for t in library.translations(summary.id).values()
        ):
            ids.add(summary.id)
    return sorted(ids)


def prepare_articles(
    library: Library,
    settings: Settings,
    article_ids: Sequence[int] | None = None,
    engine_names: Sequence[str] | None = None,
    engine_urls: dict[str, str] | None = None,
    engines: Sequence[BaseEngine] | None = None,
    on_progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> PrepareReport:
    """Translate what the memory does not hold; Ctrl-C keeps what finished and returns."""
    started = time.perf_counter()
    names = check_names(list(engine_names or settings.engines))
    cancel = cancel or threading.Event()
    chain = Chain(
        engines
        if engines is not None
        else engines_from_settings(settings, names, engine_urls, cancel),
        cancel,
    )
    from lettore.store.prepare_claims import claim_articles, release_articles

    wanted = list(article_ids) if article_ids is not None else articles_to_prepare(library)
    ids, busy = claim_articles(library, wanted)
    try:
        return _prepare_claimed(library, settings, ids, busy, names, chain, cancel, on_progress, started)
    finally:
        release_articles(library, ids)


def _prepare_claimed(
    library: Library, settings: Any, ids: list[int], busy: dict[int, int], names: list[str],
    chain: Chain, cancel: threading.Event, on_progress: Progress | None, started: float,
) -> PrepareReport:
    """prepare_articles on the articles this run has claimed."""
    report = PrepareReport(articles=len(ids), busy=busy)
    upgrade = any(not engine.rough for engine in chain.engines)
    writer = _Writer(library, report, settings)
    items: list[tuple[Key, str]] = []
    has_rough: set[Key] = set()
    hints: dict[Key, TextHints] = {}
    glossary = merged_glossary(settings, library.path.parent)
    for article_id in ids:
        article = library.get_article(article_id)
        hints.update(article_hints(library, article, glossary))
        before = _work(library, article, upgrade)
        report.total += len(before)
        if "memory" in names:
            report.from_memory += min(fill_from_memory(library, article), len(before))
        work = _work(library, article, upgrade)
        current = library.translations(article_id)
        for key, text in work.items():
            items.append(((article_id, *key), text))
            if key in current and current[key].rough:
                has_rough.add((article_id, *key))
        writer.expect(article_id, work)
    report.done = report.total - len(items)
    _notify(on_progress, report)

    def engine_started(name: str, count: int) -> None:
        report.engine = name
        _notify(on_progress, report)

    try:
        for outcome in chain.run(items, settings.source_lang, settings.target_lang,
                                 engine_started, has_rough, hints):
            writer.add(outcome, upgrade, outcome.key in has_rough)
            _notify(on_progress, report)
    except KeyboardInterrupt:
        cancel.set()
        report.interrupted = True
    finally:
        writer.flush()
        report.seconds = time.perf_counter() - started
    return report


def article_hints(library: Library, article: Article, glossary: dict[str, str]) -> dict[Key, TextHints]:
    """Per sentence: names to keep and place names to use (the stored analysis, and
    capitalised runs it missed), and the glossary's terms that occur in it."""
    from lettore.translate.names import hints_from_entities, sentence_hints

    assert article.id is not None
    found = hints_from_entities(library.entities(article.id))
    out: dict[Key, TextHints] = {}
    for block in article.blocks:
        for sentence in block.sentences:
            key = (block.index, sentence.index)
            hint = sentence_hints(sentence.text, found.get(key, TextHints()), glossary)
            if hint.keep or hint.terms:
                out[(article.id, *key)] = hint
    return out


def _work(library: Library, article: Article, upgrade: bool) -> dict[tuple[int, int], str]:
    """Sentences needing an engine: untranslated, pending, or rough when better is possible."""
    assert article.id is not None
    current = library.translations(article.id)
    pending = library.pending(article.id)
    work = {}
    for block in article.blocks:
        for sentence in block.sentences:
            key = (block.index, sentence.index)
            have = current.get(key)
            wanted = have is None or key in pending or (upgrade and have.rough)
            if wanted and sentence.text.strip():
                work[key] = sentence.text
    return work


def _notify(callback: Progress | None, report: PrepareReport) -> None:
    """Tell the progress display, if any."""
    if callback is not None:
        callback(report)


class _Writer:
    """Buffers outcomes and commits them when a paragraph completes or time passes."""

    def __init__(self, library: Library, report: PrepareReport, settings: Settings) -> None:
        self.library = library
        self.report = report
        self.src = settings.source_lang
        self.tgt = settings.target_lang
        self.open_blocks: dict[tuple[int, int], set[int]] = {}
        self.texts: dict[Key, str] = {}
        self.buffer: list[tuple[Outcome[Key], bool]] = []
        self.last_flush = time.monotonic()

    def expect(self, article_id: int, work: dict[tuple[int, int], str]) -> None:
        """Register the sentences still to come, grouped by paragraph."""
        for (block, sentence), text in work.items():
            self.open_blocks.setdefault((article_id, block), set()).add(sentence)
            self.texts[(article_id, block, sentence)] = text

    def add(self, outcome: Outcome[Key], upgrade: bool, had_rough: bool = False) -> None:
        """Count one outcome and commit if its paragraph is now complete.

        A failed upgrade of a sentence that already holds a rough translation keeps that
        translation: it counts as a rough stand-in, not as a failure.
        """
        report = self.report
        report.done += 1
        pending = not outcome.ok or (upgrade and outcome.fallback)
        if outcome.ok:
            report.by_engine[str(outcome.engine)] += 1
            report.translated += 1
            report.rough += outcome.rough
            report.fallback += pending
        elif had_rough:
            report.fallback += 1
        else:
            report.failed += 1
        if pending:
            for reason in outcome.errors:
                report.reasons[reason] += 1
        self.buffer.append((outcome, pending))
        article_id, block, sentence = outcome.key
        waiting = self.open_blocks.get((article_id, block), set())
        waiting.discard(sentence)
        if not waiting or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write the buffered outcomes: translations, then pending marks, then the memory."""
        if not self.buffer:
            return
        now = time.time()
        by_article: dict[int, list[tuple[Outcome[Key], bool]]] = {}
        for outcome, pending in self.buffer:
            by_article.setdefault(outcome.key[0], []).append((outcome, pending))
        memory: list[tuple[str, str, str, bool]] = []
        for article_id, group in by_article.items():
            done = [
                ((o.key[1], o.key[2]), Translation(str(o.text), str(o.engine), now, o.rough))
                for o, _ in group
                if o.ok
            ]
            self.library.set_translations(article_id, done)
            marks = [((o.key[1], o.key[2]), "; ".join(o.errors)) for o, p in group if p]
            if marks:
                self.library.set_pending(article_id, marks)
            memory.extend(
                (self.texts[o.key], str(o.text), str(o.engine), o.rough)
                for o, _ in group
                if o.ok
            )
        if memory:
            remember(self.library, memory, self.src, self.tgt)
        self.buffer.clear()
        self.last_flush = time.monotonic()


def next_engines(chain: Sequence[str], skip: str | None) -> list[str]:
    """The chain without memory, starting after `skip` and wrapping round (skip left out)."""
    names = [name for name in check_names(list(chain)) if name != "memory"]
    if skip not in names:
        return names
    at = names.index(skip)
    return names[at + 1 :] + names[:at]


def translate_sentences(
    library: Library,
    settings: Settings,
    article_id: int,
    keys: list[tuple[int, int]],
    engine_names: list[str] | None = None,
    skip: str | None = None,
    engines: Sequence[BaseEngine] | None = None,
    cancel: threading.Event | None = None,
) -> dict[str, Any]:
    """Re-translate some sentences with the next engines in the chain and store the results.

    For the reader's `t` key: `skip` is the engine that made the current translation.
    Each result becomes the sentence's newest version and is shown; earlier versions (a
    memory reference, a manual edit) stay, and an engine never replaces a human memory unit.
    Returns {"translations": {key: Translation}, "failed": {key: reason},
    "engines": [names that translated something], "tried": [names asked]}.
    Safe to call from a worker thread; no Textual here.
    """
    names = next_engines(engine_names or list(settings.engines), skip)
    cancel = cancel or threading.Event()
    chain = Chain(
        engines if engines is not None else engines_from_settings(settings, names, None, cancel),
        cancel,
    )
    article = library.get_article(article_id)
    texts = {
        (block.index, sentence.index): sentence.text
        for block in article.blocks
        for sentence in block.sentences
    }
    unknown = [key for key in keys if key not in texts]
    if unknown:
        raise ValueError(f"article {article_id} has no sentence {unknown[0]}")
    items = [(key, texts[key]) for key in keys if texts[key].strip()]
    now = time.time()
    translations: dict[tuple[int, int], Translation] = {}
    failed: dict[tuple[int, int], str] = {}
    glossary = merged_glossary(settings, library.path.parent)
    hints = {(b, s): h for (_, b, s), h in article_hints(library, article, glossary).items()}
    for outcome in chain.run(items, settings.source_lang, settings.target_lang, hints=hints):
        key = outcome.key
        if outcome.ok:
            translations[key] = Translation(str(outcome.text), str(outcome.engine), now, outcome.rough)
        else:
            failed[key] = "; ".join(outcome.errors)
    library.set_translations(article_id, translations.items())
    remember(
        library,
        [(texts[k], t.text, t.source, t.rough) for k, t in translations.items()],
        settings.source_lang,
        settings.target_lang,
    )
    current = library.translations(article_id)
    untranslated = [(key, reason) for key, reason in failed.items() if key not in current]
    if untranslated:
        library.set_pending(article_id, untranslated)
    succeeded = {t.source for t in translations.values()}
    return {
        "translations": translations,
        "failed": failed,
        "engines": [name for name in chain.names if name in succeeded],
        "tried": chain.names,
    }
