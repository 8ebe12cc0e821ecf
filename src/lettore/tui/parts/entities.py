"""Entities in the reader: one colour per label in the original, the same names found again
in the translation (places by their English name), `h` to toggle highlighting, labels
toggled one by one from the panel, and the entity panel (`E`) with mention navigation.

Everything comes from the analysis stored at import time; opening an article tags nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.binding import Binding

from lettore.analyse.english import entity_translation_span
from lettore.model import Entity
from lettore.store import Library
from lettore.tui.columns import BlockText, Highlight
from lettore.tui.highlight_styles import HIGHLIGHTS as HIGHLIGHT_SPECS
from lettore.tui.parts.base import Action, Highlights, ReaderPart
from lettore.tui.parts.loading import indexed, load_analysis
from lettore.tui.parts.messages import EntityFocused
from lettore.tui.widgets.article_view import Position

if TYPE_CHECKING:  # the panel is imported when first opened, not at start-up
    from lettore.tui.screens.reader import ReaderScreen
    from lettore.tui.widgets.entity_panel import EntityPanel

PANEL = "entities"
HIGHLIGHTS = "entity-highlights"
HIDDEN_PREFIX = "entity-hidden:"


def entity_groups(entities: list[Entity]) -> list[Any]:
    """Mentions merged into entities (Kim Jong Un, Kim) by the analysis' grouping."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.analyse.grouping import group_entities

    return list(group_entities(entities))


def read_entities(library: Library, article_id: int) -> tuple[list[Entity], dict[int, list[Entity]]]:
    """The article's stored entities, and the same indexed by block."""
    return indexed(library.entities(article_id), lambda entity: entity.block)


class EntitiesPart(ReaderPart):
    """Entity highlighting, legend and the entity panel."""

    NAME = "entities"
    BINDINGS = [
        Binding("E", "toggle_entity_panel", "Entities", id="entity_panel"),
        Binding("h", "toggle_entity_highlights", "Highlight", show=False, id="entity_highlights"),
    ]

    def __init__(self, screen: ReaderScreen) -> None:
        super().__init__(screen)
        self._by_block: dict[int, list[Entity]] = {}
        self._loaded: list[Entity] = []
        self._groups_cache: list[Any] | None = None
        self._chosen: Any | None = None
        self._translation_cache: dict[int, tuple[str, list[Highlight]]] = {}
        self._highlighting = True
        self._hidden: set[str] = set()
        self._panel_filled = False

    def actions(self) -> Mapping[str, Action]:
        """Panel and highlighting toggles."""
        return {"toggle_entity_panel": self.toggle_panel, "toggle_entity_highlights": self.toggle_highlights}

    def mount(self) -> None:
        """Read the stored analysis once, group mentions, restore highlighting and panel."""
        panels = self.screen.state.panels
        self._highlighting = panels.get(HIGHLIGHTS, self.app.settings.highlight_entities)
        self._hidden = {k.removeprefix(HIDDEN_PREFIX) for k, v in panels.items()
                        if k.startswith(HIDDEN_PREFIX) and v}
        if panels.get(PANEL):
            self._show_panel(True, focus=False)
        load_analysis(self.screen, read_entities, self._entities_ready, group="load-read_entities")

    def _entities_ready(self, loaded: tuple[list[Entity], dict[int, list[Entity]]]) -> None:
        """The stored entities are read and indexed by block: redraw."""
        self._loaded, self._by_block = loaded
        self._groups_cache = None
        self._translation_cache.clear()
        self._refresh_panel()
        self.view.refresh_highlights()

    def sentence_entities(self, position: Position) -> tuple[Entity, ...]:
        """The stored entities of one sentence (offsets into its text), for word lookup."""
        return tuple(e for e in self._by_block.get(position.block, []) if e.sentence == position.sentence)

    # ---- highlights ------------------------------------------------------------------

    def _shown(self, entity: Entity) -> bool:
        """Highlighting is on and the entity's label is not hidden."""
        return self._highlighting and entity.label not in self._hidden

    def highlights(self, block: int) -> Highlights:
        """Entity ranges in the block's original and, where found, in its translation."""
        entities = [e for e in self._by_block.get(block, []) if self._shown(e)]
        if not entities:
            return [], []
        sentences = self.screen.article.blocks[block].sentences
        original = [
            Highlight(sentences[e.sentence].start + e.start, sentences[e.sentence].start + e.end,
                      entity_style_name(e.label))
            for e in entities if e.sentence < len(sentences)
        ]
        return original, self._translation_highlights(block, entities)

    def _translation_highlights(self, block: int, entities: list[Entity]) -> list[Highlight]:
        """Entities found in the translation, cached per block until its translation changes."""
        text = BlockText.build(self.screen.article.blocks[block], self.view.translations)
        key = f"{text.translation.text}\0{sorted(self._hidden)}"
        cached = self._translation_cache.get(block)
        if cached is not None and cached[0] == key:
            return cached[1]
        found: list[Highlight] = []
        taken: dict[int, list[tuple[int, int]]] = {}
        for entity in entities:
            spans = text.translation_spans
            span = spans[entity.sentence] if entity.sentence < len(spans) else None
            if span is None:
                continue
            used = taken.setdefault(entity.sentence, [])
            where = entity_translation_span(entity, text.translation.text[span[0]:span[1]], used)
            if where is not None:
                used.append(where)
                found.append(Highlight(span[0] + where[0], span[0] + where[1], entity_style_name(entity.label)))
        self._translation_cache[block] = (key, found)
        return found

    def toggle_highlights(self) -> None:
        """`h`: entity colours on or off (remembered with the article)."""
        self._highlighting = not self._highlighting
        self.screen.state.panels[HIGHLIGHTS] = self._highlighting
        self._changed()
        self.screen.notify(f"entity highlighting {'on' if self._highlighting else 'off'}", timeout=1.5)

    def _label_toggled(self, event: EntityPanel.LabelToggled) -> None:
        """`t` in the panel: hide or show one label's colour."""
        label = event.label
        hidden = label not in self._hidden
        if hidden:
            self._hidden.add(label)
        else:
            self._hidden.discard(label)
        self.screen.state.panels[HIDDEN_PREFIX + label] = hidden
        self._changed()

    def _changed(self) -> None:
        """Redraw highlights and legend, remember the choice."""
        self._translation_cache.clear()
        self.view.refresh_highlights()
        self._refresh_panel()
        self.app.remember_position(self.screen.article, self.screen.state)

    @property
    def _groups(self) -> list[Any]:
        """Mentions grouped into entities, computed when the panel first needs them."""
        if self._groups_cache is None:
            self._groups_cache = entity_groups(self._loaded)
        return self._groups_cache

    def _label_styles(self) -> dict[str, Style]:
        """Each label's highlight style, as the article view draws it."""
        labels = {g.label for g in self._groups}
        return {label: self.view.style_for(entity_style_name(label)) for label in labels}

    # ---- panel -----------------------------------------------------------------------

    def _panel(self) -> EntityPanel:
        """The panel, mounted the first time it is needed (and its messages heard)."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.widgets.entity_panel import EntityPanel

        def make() -> EntityPanel:
            self.screen.listen(EntityPanel.LabelToggled, self._label_toggled)
            self.screen.listen(EntityPanel.BackRequested, self._back_requested)
            self.screen.listen(EntityPanel.EntityChosen, self._entity_chosen)
            self.screen.listen(EntityPanel.MentionRequested, self._mention_requested)
            return EntityPanel(id="entity-panel")

        return self.screen.side_panel(EntityPanel, make)

    def _refresh_panel(self) -> None:
        """Refill legend and groups (once the panel has been shown: grouping a long
        article's mentions is not worth doing at start-up for a closed panel)."""
        if not self._panel_filled:
            return
        panel = self._panel()
        panel.show_groups(self._groups, self._label_styles(), self._hidden, self._highlighting)

    def toggle_panel(self) -> None:
        """`E`: show the panel and focus it, or hide it."""
        panel = self._panel()
        self._show_panel(not panel.display, focus=True)
        self.app.remember_position(self.screen.article, self.screen.state)

    def _show_panel(self, visible: bool, focus: bool) -> None:
        """Show or hide the panel; the side area stays while any panel is open."""
        panel = self._panel()
        if visible and not self._panel_filled:
            self._panel_filled = True
            self._refresh_panel()
        self.screen.state.panels[PANEL] = visible
        self.screen.show_panel(panel, visible)
        if visible and focus:
            self.screen.focus_panel(panel.option_list)
        elif not visible and panel.has_focus_within:
            self.view.focus()
        self.screen.update_status()

    def _back_requested(self, event: EntityPanel.BackRequested) -> None:
        """Escape in the panel: back to the text."""
        self.view.focus()

    def _entity_chosen(self, event: EntityPanel.EntityChosen) -> None:
        """Go to the first mention; the other parts hear which entity it is."""
        self._chosen = event.group
        positions = mention_positions(event.group)
        if positions:
            self.view.move_to(positions[0], center=True)
        self.screen.post_message(EntityFocused(event.group))
        self.screen.update_status()

    def _mention_requested(self, event: EntityPanel.MentionRequested) -> None:
        """`n`/`N` in the panel: the next or previous sentence mentioning the entity (wrapping)."""
        self._chosen = event.group
        positions = [self.view.index_of(p) for p in mention_positions(event.group)]
        indexes = sorted({i for i in positions if i is not None})
        if not indexes:
            return
        cursor = self.view.cursor
        if event.step > 0:
            target = next((i for i in indexes if i > cursor), indexes[0])
        else:
            target = next((i for i in reversed(indexes) if i < cursor), indexes[-1])
        self.view.move_to(target)
        self.screen.update_status()

    def status(self, position: Position) -> str | None:
        """Which mention of the chosen entity the cursor is on, while the panel (whose n/N
        walk the mentions) is open."""
        group = self._chosen
        if group is None or not self.screen.state.panels.get(PANEL):
            return None
        positions = mention_positions(group)
        if position in positions:
            return f"{group.name}: mention {positions.index(position) + 1}/{len(positions)}"
        return f"{group.name}: {len(positions)} mentions (n/N in the panel)"


def entity_style_name(label: str) -> str:
    """The highlight that colours a label (unknown labels look like MISC)."""
    name = f"article--entity-{label}"
    return name if name in HIGHLIGHT_SPECS else "article--entity-MISC"


def mention_positions(group: Any) -> list[Position]:
    """The sentences that mention the entity, in text order, once each."""
    seen = sorted({(m.block, m.sentence) for m in group.mentions})
    return [Position(b, s) for b, s in seen]
