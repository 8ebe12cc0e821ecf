"""Entities in the reader: one colour per label in the original, the same names found again
in the translation (places by their English name), `h` to toggle highlighting, labels
toggled one by one from the panel, and the entity panel (`E`) with mention navigation.

Everything comes from the analysis stored at import time; opening an article tags nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.binding import Binding

from lettore.model import Entity
from lettore.store import Library
from lettore.tui.columns import BlockText, Highlight
from lettore.tui.features.loading import indexed, load_analysis
from lettore.tui.highlight_styles import HIGHLIGHTS as HIGHLIGHT_SPECS
from lettore.tui.widgets.article_view import Position
from lettore.tui.word_spans import figure_spans, word_spans

if TYPE_CHECKING:  # the panel is imported when first opened, not at start-up
    from lettore.tui.widgets.entity_panel import EntityPanel

NAME_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
FIGURE_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT"})
PANEL = "entities"
HIGHLIGHTS = "entity-highlights"
HIDDEN_PREFIX = "entity-hidden:"
NARROW_WIDTH = 120


def entity_groups(entities: list[Entity]) -> list[Any]:
    """Mentions merged into entities (Kim Jong Un, Kim) by the analysis' grouping."""
    from lettore.analyse.grouping import group_entities

    return list(group_entities(entities))


def read_entities(library: Library, article_id: int) -> tuple[list[Entity], dict[int, list[Entity]]]:
    """The article's stored entities, and the same indexed by block."""
    return indexed(library.entities(article_id), lambda entity: entity.block)


def place_side(screen: Any, width: int) -> None:
    """Panels beside the article when wide, below it (full width) when narrower than 120."""
    body, side = screen.query_one("#body"), screen.query_one("#side")
    if width >= NARROW_WIDTH:
        for rule in ("layout",):
            body.styles.clear_rule(rule)
        for rule in ("width", "max_width", "height", "border_left", "border_top"):
            side.styles.clear_rule(rule)
        return
    edge = side.styles.border_top if side.styles.border_top[0] else side.styles.border_left
    body.styles.layout = "vertical"
    side.styles.width = "100%"
    side.styles.max_width = "100%"
    side.styles.height = "45%"
    side.styles.border_left = ("none", edge[1])
    side.styles.border_top = edge


def translation_ranges(entity: Entity, sentence_text: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where an entity shows in its sentence's translation: name as written, English place
    name, or (for money and quantities) the figure in English; None when not found."""
    needles: list[str] = []
    if entity.english:
        needles.append(entity.english)
    if entity.label in NAME_LABELS or not needles:
        needles.append(entity.text)
    candidates = [word_spans(n, sentence_text) for n in needles if n]
    if entity.label in FIGURE_LABELS and isinstance(entity.value, (int, float)):
        from lettore.analyse.numbers_english import english_number_forms

        forms = sorted(english_number_forms(entity.value), key=len, reverse=True)
        candidates += [figure_spans(f, sentence_text) for f in forms]
    for spans in candidates:
        for span in spans:
            if not any(span[0] < end and start < span[1] for start, end in taken):
                return span
    return None


class EntitiesFeature:
    """Mixin of ReaderScreen: entity highlighting, legend and the entity panel."""

    FEATURE_BINDINGS = [
        Binding("E", "toggle_entity_panel", "Entities", id="entity_panel"),
        Binding("h", "toggle_entity_highlights", "Highlight", show=False, id="entity_highlights"),
    ]

    def feature_mount(self) -> None:
        """Read the stored analysis once, group mentions, restore highlighting and panel."""
        self._entity_by_block: dict[int, list[Entity]] = {}
        self._entities_loaded: list[Entity] = []
        self._entity_groups_cache: list[Any] | None = None
        self._entity_chosen: Any | None = None
        self._entity_translation_cache: dict[int, tuple[str, list[Highlight]]] = {}
        panels = self.state.panels
        self._entity_highlighting = panels.get(HIGHLIGHTS, self.app.settings.highlight_entities)
        self._entity_hidden = {k.removeprefix(HIDDEN_PREFIX) for k, v in panels.items()
                               if k.startswith(HIDDEN_PREFIX) and v}
        self._entity_panel_filled = False
        if panels.get(PANEL):
            self._show_entity_panel(True, focus=False)
        load_analysis(self, read_entities, self._entities_ready)

    def _entities_ready(self, loaded: tuple[list[Entity], dict[int, list[Entity]]]) -> None:
        """The stored entities are read and indexed by block: redraw."""
        self._entities_loaded, self._entity_by_block = loaded
        self._entity_groups_cache = None
        self._entity_translation_cache.clear()
        self._refresh_entity_panel()
        self.view.refresh_highlights()

    def on_resize(self, event: Any) -> None:
        """Panels go below the article on narrow terminals."""
        place_side(self, self.size.width)

    # ---- highlights ------------------------------------------------------------------

    def _entity_shown(self, entity: Entity) -> bool:
        """Highlighting is on and the entity's label is not hidden."""
        return self._entity_highlighting and entity.label not in self._entity_hidden

    def entity_style_name(self, label: str) -> str:
        """The highlight that colours a label (unknown labels look like MISC)."""
        name = f"article--entity-{label}"
        return name if name in HIGHLIGHT_SPECS else "article--entity-MISC"

    def feature_highlights(self, block: int) -> tuple[list[Highlight], list[Highlight]]:
        """Entity ranges in the block's original and, where found, in its translation."""
        entities = [e for e in getattr(self, "_entity_by_block", {}).get(block, []) if self._entity_shown(e)]
        if not entities:
            return [], []
        sentences = self.article.blocks[block].sentences
        original = [
            Highlight(sentences[e.sentence].start + e.start, sentences[e.sentence].start + e.end,
                      self.entity_style_name(e.label))
            for e in entities if e.sentence < len(sentences)
        ]
        return original, self._entity_translation_highlights(block, entities)

    def _entity_translation_highlights(self, block: int, entities: list[Entity]) -> list[Highlight]:
        """Entities found in the translation, cached per block until its translation changes."""
        text = BlockText.build(self.article.blocks[block], self.view.translations)
        key = f"{text.translation.text}\0{sorted(self._entity_hidden)}"
        cached = self._entity_translation_cache.get(block)
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
            where = translation_ranges(entity, text.translation.text[span[0]:span[1]], used)
            if where is not None:
                used.append(where)
                found.append(Highlight(span[0] + where[0], span[0] + where[1], self.entity_style_name(entity.label)))
        self._entity_translation_cache[block] = (key, found)
        return found

    def action_toggle_entity_highlights(self) -> None:
        """`h`: entity colours on or off (remembered with the article)."""
        self._entity_highlighting = not self._entity_highlighting
        self.state.panels[HIGHLIGHTS] = self._entity_highlighting
        self._entity_changed()
        self.notify(f"entity highlighting {'on' if self._entity_highlighting else 'off'}", timeout=1.5)

    def on_entity_panel_label_toggled(self, event: EntityPanel.LabelToggled) -> None:
        """`t` in the panel: hide or show one label's colour."""
        label = event.label
        hidden = label not in self._entity_hidden
        if hidden:
            self._entity_hidden.add(label)
        else:
            self._entity_hidden.discard(label)
        self.state.panels[HIDDEN_PREFIX + label] = hidden
        self._entity_changed()

    def _entity_changed(self) -> None:
        """Redraw highlights and legend, remember the choice."""
        self._entity_translation_cache.clear()
        self.view.refresh_highlights()
        self._refresh_entity_panel()
        self.app.remember_position(self.article, self.state)

    @property
    def _entity_groups(self) -> list[Any]:
        """Mentions grouped into entities, computed when the panel first needs them."""
        if self._entity_groups_cache is None:
            self._entity_groups_cache = entity_groups(self._entities_loaded)
        return self._entity_groups_cache

    def _label_styles(self) -> dict[str, Style]:
        """Each label's highlight style, as the article view draws it."""
        labels = {g.label for g in self._entity_groups}
        return {label: self.view.style_for(self.entity_style_name(label))
                for label in labels}

    # ---- panel -----------------------------------------------------------------------

    def _entity_panel(self) -> EntityPanel:
        """The panel, mounted the first time it is needed."""
        from lettore.tui.widgets.entity_panel import EntityPanel

        return self.side_panel(EntityPanel, lambda: EntityPanel(id="entity-panel"))

    def _refresh_entity_panel(self) -> None:
        """Refill legend and groups (once the panel has been shown: grouping a long
        article's mentions is not worth doing at start-up for a closed panel)."""
        if not self._entity_panel_filled:
            return
        panel = self._entity_panel()
        panel.show_groups(self._entity_groups, self._label_styles(), self._entity_hidden, self._entity_highlighting)

    def action_toggle_entity_panel(self) -> None:
        """`E`: show the panel and focus it, or hide it."""
        panel = self._entity_panel()
        self._show_entity_panel(not panel.display, focus=True)
        self.app.remember_position(self.article, self.state)

    def _show_entity_panel(self, visible: bool, focus: bool) -> None:
        """Show or hide the panel; the side area stays while any panel is open."""
        panel = self._entity_panel()
        if visible and not self._entity_panel_filled:
            self._entity_panel_filled = True
            self._refresh_entity_panel()
        panel.display = visible
        self.state.panels[PANEL] = visible
        place_side(self, self.size.width)
        self.set_side_visible(any(child.display for child in self.query_one("#side").children))
        if visible and focus:
            self.focus_panel(panel.option_list)
        elif not visible and panel.has_focus_within:
            self.view.focus()

    def on_entity_panel_back_requested(self, event: EntityPanel.BackRequested) -> None:
        """Escape in the panel: back to the text."""
        self.view.focus()

    def on_entity_panel_entity_chosen(self, event: EntityPanel.EntityChosen) -> None:
        """Go to the first mention and narrow the claims to this entity."""
        self._entity_chosen = event.group
        positions = self._mention_positions(event.group)
        if positions:
            self.view.move_to(positions[0], center=True)
        claims_filter = getattr(self, "claims_filter_entity", None)
        if claims_filter is not None:
            claims_filter(event.group)
        self.update_status()

    def on_entity_panel_mention_requested(self, event: EntityPanel.MentionRequested) -> None:
        """`n`/`N` in the panel: the next or previous sentence mentioning the entity (wrapping)."""
        self._entity_chosen = event.group
        positions = [self.view.index_of(p) for p in self._mention_positions(event.group)]
        indexes = sorted({i for i in positions if i is not None})
        if not indexes:
            return
        cursor = self.view.cursor
        if event.step > 0:
            target = next((i for i in indexes if i > cursor), indexes[0])
        else:
            target = next((i for i in reversed(indexes) if i < cursor), indexes[-1])
        self.view.move_to(target)
        self.update_status()

    def _mention_positions(self, group: Any) -> list[Position]:
        """The sentences that mention the entity, in text order, once each."""
        seen = sorted({(m.block, m.sentence) for m in group.mentions})
        return [Position(b, s) for b, s in seen]

    def feature_status(self, position: Position) -> str | None:
        """Which mention of the chosen entity the cursor is on."""
        group = getattr(self, "_entity_chosen", None)
        if group is None:
            return None
        positions = self._mention_positions(group)
        if position in positions:
            return f"{group.name}: mention {positions.index(position) + 1}/{len(positions)}"
        return f"{group.name}: {len(positions)} mentions (n/N in the panel)"
