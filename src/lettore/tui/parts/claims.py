"""Claims in the reader: the claims panel (`C`), linked both ways with the sentence cursor,
the chosen claim's cue and figures highlighted in both languages, and the number check that
flags sentences whose figures the translation dropped or changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding

from lettore.analyse.english import english_cue_spans, english_figure_spans
from lettore.analyse.spans import word_spans
from lettore.model import Claim
from lettore.store import Library
from lettore.tui.claim_tags import kind_tag, speaker
from lettore.tui.columns import BlockText, Highlight
from lettore.tui.parts.base import Action, Highlights, ReaderPart
from lettore.tui.parts.loading import indexed, load_analysis
from lettore.tui.parts.messages import EntityFocused
from lettore.tui.widgets.article_view import Position

if TYPE_CHECKING:  # the panel is imported when first opened, not at start-up
    from lettore.tui.screens.reader import ReaderScreen
    from lettore.tui.widgets.claims_panel import ClaimRow, ClaimsPanel

PANEL = "claims"


def read_claims(library: Library, article_id: int) -> tuple[list[Claim], dict[tuple[int, int], list[Claim]]]:
    """The article's stored claims, and the same indexed by sentence."""
    return indexed(library.claims(article_id), lambda claim: (claim.block, claim.sentence))


class ClaimsPart(ReaderPart):
    """Claims panel, cursor linking, claim highlights, number check."""

    NAME = "claims"
    BINDINGS = [Binding("C", "toggle_claims_panel", "Claims", id="claims_panel")]

    def __init__(self, screen: ReaderScreen) -> None:
        super().__init__(screen)
        self._claims: list[Claim] = []
        self._claims_at: dict[tuple[int, int], list[Claim]] = {}
        self._current: Claim | None = None
        self._mismatch_cache: dict[tuple[int, int], tuple[str, list[str]]] = {}
        self._mismatch_ready = False
        self._panel_filled = False
        self._names: dict[tuple[int, int], Any] = {}

    def actions(self) -> Mapping[str, Action]:
        """The panel toggle."""
        return {"toggle_claims_panel": self.toggle_panel}

    def mount(self) -> None:
        """Load the stored claims once and fill the panel; restore its visibility."""
        self.screen.listen(EntityFocused, self._entity_focused)
        self.screen.call_after_refresh(self._start_number_check)
        from lettore.translate.names import read_name_hints

        load_analysis(self.screen, read_name_hints, self._names_ready, group="load-name_hints")
        load_analysis(self.screen, read_claims, self._claims_ready, group="load-read_claims")

    def _names_ready(self, hints: dict[tuple[int, int], Any]) -> None:
        """The article's names per sentence, for the panel's name flags."""
        self._names = hints

    def _claims_ready(self, loaded: tuple[list[Claim], dict[tuple[int, int], list[Claim]]]) -> None:
        """The stored claims are read and indexed by sentence: restore the panel, follow
        the cursor."""
        self._claims, self._claims_at = loaded
        if self._panel_filled:
            self._panel_filled = False
            self._panel()
        if self.screen.state.panels.get(PANEL):
            self._show_panel(True, focus=False)
        current = self.view.current
        if current is not None:
            self.cursor_moved(current)
            self.screen.update_status()  # a long article's claims arrive after its first frame

    def _claim_row(self, claim: Claim) -> ClaimRow:
        """The panel row: English gist (the claim's, else its sentence's) and the figure flag."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.widgets.claims_panel import ClaimRow

        translation = self.view.translations.get((claim.block, claim.sentence))
        gist = translation.text if translation else claim.translation  # edits win over analysis time
        flagged = bool(self.sentence_mismatches(claim.block, claim.sentence))
        from lettore.translate.names import sentence_missing_names

        lost = bool(translation and sentence_missing_names(self._names, (claim.block, claim.sentence),
                                                           translation.text))
        return ClaimRow(claim, gist or claim.text, english=gist is not None, flagged=flagged, names_missing=lost)

    # ---- number check ----------------------------------------------------------------

    def _start_number_check(self) -> None:
        """Warm the number check in a worker."""
        self.screen.run_worker(self._warm_number_check, thread=True, exclusive=True, group="number-check")

    def _warm_number_check(self) -> None:
        """Compile the number patterns off the UI thread; sentences are then checked on
        demand (those on screen, the status line's, the panel's rows), each in well under
        a millisecond."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.analyse.claims.check import number_mismatches

        number_mismatches("almeno 2.000 unità", "at least 2,000 units")
        self.app.call_from_thread(self._numbers_checked)

    def _numbers_checked(self) -> None:
        """The checker is ready: show its flags."""
        self._mismatch_ready = True
        self.view.refresh_highlights()
        self.screen.update_status()

    def sentence_mismatches(self, block: int, sentence: int) -> list[str]:
        """Figures of the sentence not found in its translation (none if untranslated, and
        none yet while the start-up check runs in its worker)."""
        translation = self.view.translations.get((block, sentence))
        if translation is None:
            return []
        cached = self._mismatch_cache.get((block, sentence))
        if cached is not None and cached[0] == translation.text:
            return cached[1]
        if not self._mismatch_ready:
            return []
        original = self.screen.article.blocks[block].sentences[sentence].text
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.analyse.claims.check import number_mismatches

        found = number_mismatches(original, translation.text)
        self._mismatch_cache[(block, sentence)] = (translation.text, found)
        return found

    # ---- highlights ------------------------------------------------------------------

    def highlights(self, block: int) -> Highlights:
        """Figures the translation lost, and the chosen claim's cue and figures in both columns."""
        article = self.screen.article
        sentences = article.blocks[block].sentences
        original: list[Highlight] = []
        translation: list[Highlight] = []
        for sentence in sentences:
            for figure in self.sentence_mismatches(block, sentence.index):
                for start, end in word_spans(figure, sentence.text)[:1] or [(0, len(sentence.text))]:
                    original.append(Highlight(sentence.start + start, sentence.start + end, "article--number-mismatch"))
        claim = self._current
        if claim is None or claim.block != block or claim.sentence >= len(sentences):
            return original, translation
        sentence = sentences[claim.sentence]
        if claim.cue:
            for start, end in word_spans(claim.cue, sentence.text, ignore_case=True)[:1]:
                original.append(Highlight(sentence.start + start, sentence.start + end, "article--claim-cue"))
        for number in claim.numbers:
            for start, end in word_spans(number.text, sentence.text)[:1]:
                original.append(Highlight(sentence.start + start, sentence.start + end, "article--claim-number"))
        span = BlockText.build(article.blocks[block], self.view.translations).translation_spans[claim.sentence]
        english = self.view.translations.get((block, claim.sentence))
        if span is not None and english is not None:
            if claim.cue:
                translation += [Highlight(span[0] + s, span[0] + e, "article--claim-cue")
                                for s, e in english_cue_spans(claim.cue, english.text)]
            for number in claim.numbers:
                if isinstance(number.value, (int, float)):
                    translation += [Highlight(span[0] + s, span[0] + e, "article--claim-number")
                                    for s, e in english_figure_spans(number.value, english.text)]
        return original, translation

    # ---- panel and cursor linking ----------------------------------------------------

    def toggle_panel(self) -> None:
        """`C`: show the claims panel and focus it, or hide it."""
        panel = self._panel()
        self._show_panel(not panel.display, focus=True)
        self.app.remember_position(self.screen.article, self.screen.state)

    def _panel(self) -> ClaimsPanel:
        """The panel, its rows filled on first use: each row runs the number check, which
        is not worth paying for at start-up when the panel stays closed."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.widgets.claims_panel import ClaimsPanel

        def make() -> ClaimsPanel:
            self.screen.listen(ClaimsPanel.BackRequested, self._back_requested)
            self.screen.listen(ClaimsPanel.ClaimChosen, self._claim_chosen)
            return ClaimsPanel(id="claims-panel")

        panel = self.screen.side_panel(ClaimsPanel, make)
        if not self._panel_filled:
            self._panel_filled = True
            panel.show_rows([self._claim_row(c) for c in self._claims])
        return panel

    def _show_panel(self, visible: bool, focus: bool) -> None:
        """Show or hide the panel; the side area stays while any panel is open."""
        panel = self._panel()
        self.screen.state.panels[PANEL] = visible
        self.screen.show_panel(panel, visible)
        if visible:
            panel.show_claim(self._current)
            if focus:
                self.screen.focus_panel(panel.option_list)
        elif panel.has_focus_within:
            self.view.focus()

    def _back_requested(self, event: ClaimsPanel.BackRequested) -> None:
        """Escape in the panel: back to the text."""
        self.view.focus()

    def _claim_chosen(self, event: ClaimsPanel.ClaimChosen) -> None:
        """Go to the claim's sentence and light up its cue and figures."""
        self._set_claim(event.claim)
        self.view.move_to(Position(event.claim.block, event.claim.sentence), center=True)

    def cursor_moved(self, position: Position) -> None:
        """The cursor reached a sentence: its claim (if any) becomes the panel's selection."""
        here = self._claims_at.get((position.block, position.sentence), [])
        current = self._current
        if current is not None and current in here:
            if self._panel_filled:
                self._panel().show_claim(current)
            return
        self._set_claim(here[0] if here else None)

    def _set_claim(self, claim: Claim | None) -> None:
        """Make `claim` the current one: panel cursor and highlights follow."""
        if claim is not None and self._panel_filled:
            self._panel().show_claim(claim)
        if claim != self._current:
            touched = {c.block for c in (claim, self._current) if c is not None}
            self._current = claim
            self.view.refresh_blocks(touched)

    def _entity_focused(self, event: EntityFocused) -> None:
        """Only the claims that involve the entity chosen in the entity panel."""
        group = event.group
        panel = self._panel()
        if group is None:
            panel.set_entity_filter(None, None)
            return
        names = {group.name, *group.aliases, *(m.text for m in group.mentions)}
        places = {(m.block, m.sentence) for m in group.mentions}

        def involves(claim: Claim) -> bool:
            return bool(names.intersection(claim.entities)) or (claim.block, claim.sentence) in places or any(
                name in (claim.attributed_to or "") for name in names
            )

        panel.set_entity_filter(group.name, involves)

    def status(self, position: Position) -> Text | None:
        """The claim on this sentence, and a warning when its figures do not check out."""
        status = Text()
        here = self._claims_at.get((position.block, position.sentence), [])
        claim = self._current if self._current in here else (here[0] if here else None)
        if claim is not None:
            icon, tag, style = kind_tag(claim.kind)
            status.append(f"{icon} {tag}", style=style)
            status.append(f" {speaker(claim)} {claim.score:.2f}")
        missing = self.sentence_mismatches(position.block, position.sentence)
        if missing:
            if status.plain:
                status.append(" · ")
            status.append("⚠ not in translation: " + ", ".join(missing), style="bold red")
        return status if status.plain else None
