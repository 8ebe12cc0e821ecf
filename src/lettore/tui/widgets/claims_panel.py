"""The claims panel: one row per claim (kind icon and tag, who said it, score, English gist),
opening on the claims worth checking (score at or above the threshold) by score, with a key
for every claim; sorted by position or score, filtered by kind, by speaker, or by an entity
chosen in the entity panel; the highlighted claim's reasons below. Picking a row asks the
reading screen to move the cursor there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from lettore.analyse.claims.scoring import PANEL_THRESHOLD
from lettore.model import Claim
from lettore.text_clean import inert
from lettore.tui.claim_tags import kind_tag, speaker
from lettore.tui.widgets.entity_panel import PanelList

GIST_CHARS = 160


@dataclass(frozen=True)
class ClaimRow:
    """A claim as the panel shows it: the English gist and whether its figures check out."""

    claim: Claim
    gist: str
    english: bool = True
    flagged: bool = False
    names_missing: bool = False


def claim_row_text(row: ClaimRow) -> Text:
    """Two or more lines: icon, tag, speaker, score, flag; then the gist."""
    icon, tag, style = kind_tag(row.claim.kind)
    text = Text()
    text.append(f"{icon} {tag}", style=style)
    text.append(" · ")
    text.append(inert(speaker(row.claim)), style="italic" if row.claim.attributed_to is None else "bold")
    text.append(f" · {row.claim.score:.2f}", style="dim")
    if row.claim.hedged:
        text.append(" · hedged", style="dim italic")
    if row.flagged:
        text.append(" ⚠ figures", style="bold red")
    if row.names_missing:
        text.append(" ⚠ names", style="bold red")
    gist = row.gist if len(row.gist) <= GIST_CHARS else row.gist[: GIST_CHARS - 1].rstrip() + "…"
    text.append("\n  ")
    text.append(inert(gist), style="" if row.english else "dim italic")
    return text


class ClaimsPanel(Vertical):
    """Status line of sort and filters, then the claim rows; posts ClaimChosen."""

    DEFAULT_CSS = """
    ClaimsPanel { height: 1fr; }
    ClaimsPanel > #claims-header { height: auto; padding: 0 1; background: $panel; }
    ClaimsPanel > PanelList { height: 1fr; border: none; }
    ClaimsPanel > #claims-why { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("s", "toggle_sort", "Sort", id="claims_sort"),
        Binding("e", "toggle_every", "Every claim", id="claims_every"),
        Binding("f", "cycle_kind", "Kind filter", id="claims_kind_filter"),
        Binding("a", "cycle_speaker", "Speaker filter", id="claims_speaker_filter"),
        Binding("x", "clear_filters", "Clear filters", id="claims_clear_filters"),
        Binding("escape", "back", "Back to text", id="claims_panel_back"),
    ]

    class ClaimChosen(Message):
        """The reader picked a claim (enter or click)."""

        def __init__(self, claim: Claim) -> None:
            super().__init__()
            self.claim = claim

    class BackRequested(Message):
        """Escape: give the focus back to the article."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: list[ClaimRow] = []
        self.shown: list[ClaimRow] = []
        self.sort_by = "score"
        self.every = False  # False: only claims scoring PANEL_THRESHOLD or more
        self.kind: str | None = None
        self.speaker: str | None = None
        self.entity_name: str | None = None
        self._involves: Callable[[Claim], bool] | None = None
        # Made here, not in compose, so the panel can be filled in the same call that mounts it.
        self._header = Static(id="claims-header", markup=False)
        self._list = PanelList(id="claims-list", markup=False)
        self._why = Static(id="claims-why", markup=False)

    def compose(self) -> ComposeResult:
        """Header, rows, and why the highlighted claim scores what it does."""
        yield self._header
        yield self._list
        yield self._why

    @property
    def option_list(self) -> PanelList:
        """The rows (focus goes here)."""
        return self._list

    def show_rows(self, rows: Sequence[ClaimRow]) -> None:
        """Replace every row (claims loaded or translations changed)."""
        self.rows = list(rows)
        self.refill()

    def set_entity_filter(self, name: str | None, involves: Callable[[Claim], bool] | None) -> None:
        """Only claims involving an entity (None clears it)."""
        self.entity_name, self._involves = name, involves
        self.refill()

    def _matching(self, kind: str | None, who: str | None) -> list[ClaimRow]:
        """Rows passing a kind filter, a speaker filter and the entity filter."""
        return [
            r for r in self.rows
            if (kind is None or r.claim.kind == kind)
            and (who is None or speaker(r.claim) == who)
            and (self._involves is None or self._involves(r.claim))
            and (self.every or r.claim.score >= PANEL_THRESHOLD)
        ]

    def visible_rows(self) -> list[ClaimRow]:
        """Rows after filters, in the chosen order."""
        rows = self._matching(self.kind, self.speaker)
        if self.sort_by == "score":
            return sorted(rows, key=lambda r: (-r.claim.score, r.claim.block, r.claim.sentence))
        return sorted(rows, key=lambda r: (r.claim.block, r.claim.sentence, r.claim.start))

    def refill(self) -> None:
        """Redraw header and rows, keeping the cursor on the same claim when it stays."""
        before = self.highlighted_claim()
        self.shown = self.visible_rows()
        self._header.update(self.header())
        options: list[Option] = [Option(claim_row_text(r), id=f"claim-{i}") for i, r in enumerate(self.shown)]
        if not options:
            options = [Option(Text(self._empty_message(), style="italic"), disabled=True)]
        self.option_list.set_options(options)
        if before is None or not self.show_claim(before):
            self.option_list.highlighted = 0 if self.shown else None
        self._show_why()

    def _empty_message(self) -> str:
        """Why no row shows."""
        if not self.rows:
            return "No claims in this article."
        if self.kind or self.speaker or self.entity_name:
            return "No claims match these filters (x clears them)."
        return f"No claim scores {PANEL_THRESHOLD:.2f} or more (e shows every claim)."

    def _show_why(self) -> None:
        """The highlighted claim's reasons, in words."""
        claim = self.highlighted_claim()
        self._why.update(f"why {claim.score:.2f}: {claim.why}" if claim is not None and claim.why else "")

    def header(self) -> Text:
        """Order, active filters and the keys that change them."""
        text = Text()
        text.append(f"{len(self.shown)}/{len(self.rows)} claims", style="bold")
        text.append(" · every claim (e)" if self.every else f" · worth checking, ≥{PANEL_THRESHOLD:.2f} (e: every)")
        text.append(f" · by {self.sort_by} (s)")
        text.append(f" · kind: {self.kind or 'all'} (f)")
        text.append(f" · speaker: {inert(self.speaker or 'all')} (a)")
        if self.entity_name:
            text.append(" · about: ")
            text.append(inert(self.entity_name), style="bold")
        if self.kind or self.speaker or self.entity_name:
            text.append(" · x clears", style="dim")
        return text

    def highlighted_claim(self) -> Claim | None:
        """The claim under the list cursor."""
        index = self.option_list.highlighted
        if index is None or index >= len(self.shown):
            return None
        return self.shown[index].claim

    def show_claim(self, claim: Claim | None) -> bool:
        """Put the list cursor on `claim` without choosing it; False when it is filtered out."""
        if claim is None:
            return False
        for index, row in enumerate(self.shown):
            if row.claim.id == claim.id:
                if self.option_list.highlighted != index:
                    self.option_list.highlighted = index
                return True
        return False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or click on a row."""
        event.stop()
        claim = self.highlighted_claim()
        if claim is not None:
            self.post_message(self.ClaimChosen(claim))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Cursor moves inside the panel concern nobody else; the reasons follow them."""
        event.stop()
        self._show_why()

    def action_toggle_every(self) -> None:
        """Only the claims worth checking, or every claim."""
        self.every = not self.every
        self.refill()

    def action_toggle_sort(self) -> None:
        """By position in the article, or by score (highest first)."""
        self.sort_by = "score" if self.sort_by == "position" else "position"
        self.refill()

    def action_cycle_kind(self) -> None:
        """All kinds, then each kind among the claims the other filters leave, in turn."""
        self.kind = _next_value(self.kind, sorted({r.claim.kind for r in self._matching(None, self.speaker)}))
        self.refill()

    def action_cycle_speaker(self) -> None:
        """All speakers, then each speaker among the claims the other filters leave, in turn."""
        self.speaker = _next_value(self.speaker, sorted({speaker(r.claim) for r in self._matching(self.kind, None)}))
        self.refill()

    def action_clear_filters(self) -> None:
        """Every claim again (entity filter included)."""
        self.kind = self.speaker = self.entity_name = None
        self._involves = None
        self.refill()

    def action_back(self) -> None:
        """Back to the article."""
        self.post_message(self.BackRequested())


def _next_value(current: str | None, values: list[str]) -> str | None:
    """None -> first -> ... -> last -> None."""
    if not values:
        return None
    if current is None or current not in values:
        return values[0]
    index = values.index(current) + 1
    return values[index] if index < len(values) else None
