"""The entity panel: a colour legend and the article's entities grouped by label, with
mention counts and merged aliases. Picking one, or `n`/`N` on it, asks the reading screen
to move the cursor; the panel itself never touches the article view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from lettore.model import ENTITY_LABELS
from lettore.text_clean import inert

LABEL_NAMES = {
    "PER": "people",
    "ORG": "organisations",
    "LOC": "places",
    "MISC": "other names",
    "DATE": "dates",
    "MONEY": "money",
    "QUANTITY": "quantities",
    "PERCENT": "percentages",
}


def label_rank(label: str) -> tuple[int, str]:
    """Known labels in ENTITY_LABELS, unknown ones after them alphabetically."""
    return (ENTITY_LABELS.index(label) if label in ENTITY_LABELS else len(ENTITY_LABELS), label)


class PanelList(OptionList):
    """An option list that also moves with j/k, for vim hands."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="panel_down"),
        Binding("k", "cursor_up", "Up", show=False, id="panel_up"),
    ]


class EntityPanel(Vertical):
    """Legend plus grouped entities; posts EntityChosen, MentionRequested, LabelToggled."""

    DEFAULT_CSS = """
    EntityPanel { height: 1fr; }
    EntityPanel > #entity-legend { height: auto; padding: 0 1; background: $panel; }
    EntityPanel > PanelList { height: 1fr; border: none; }
    """

    BINDINGS = [
        Binding("n", "next_mention", "Next mention", id="entity_next_mention"),
        Binding("N", "previous_mention", "Previous mention", id="entity_previous_mention"),
        Binding("t,space", "toggle_label", "Toggle label", id="entity_toggle_label"),
        Binding("escape", "back", "Back to text", id="entity_panel_back"),
    ]

    class EntityChosen(Message):
        """The reader picked an entity group (enter or click)."""

        def __init__(self, group: Any) -> None:
            super().__init__()
            self.group = group

    class MentionRequested(Message):
        """`n`/`N` on a group: go to its next (+1) or previous (-1) mention."""

        def __init__(self, group: Any, step: int) -> None:
            super().__init__()
            self.group = group
            self.step = step

    class LabelToggled(Message):
        """`t` on a row: show or hide the highlighting of that row's label."""

        def __init__(self, label: str) -> None:
            super().__init__()
            self.label = label

    class BackRequested(Message):
        """Escape: give the focus back to the article."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.groups: list[Any] = []
        self._row_labels: list[str] = []
        # Made here, not in compose, so the panel can be filled in the same call that mounts it.
        self._legend = Static(id="entity-legend", markup=False)
        self._list = PanelList(id="entity-list", markup=False)

    def compose(self) -> ComposeResult:
        """Legend line and the list of groups."""
        yield self._legend
        yield self._list

    @property
    def option_list(self) -> PanelList:
        """The list of groups (focus goes here)."""
        return self._list

    def show_groups(self, groups: Sequence[Any], styles: Mapping[str, Style], hidden: set[str],
                    highlighting: bool) -> None:
        """Fill the legend and list; `groups` are EntityGroup-like (label, name, mentions, aliases)."""
        self.groups = sorted(groups, key=lambda g: (label_rank(g.label), -len(g.mentions), g.name.lower()))
        counts: dict[str, int] = {}
        for group in self.groups:
            counts[group.label] = counts.get(group.label, 0) + 1
        self._legend.update(legend(counts, styles, hidden, highlighting))
        options: list[Option] = []
        self._row_labels = []
        current = None
        for index, group in enumerate(self.groups):
            if group.label != current:
                current = group.label
                heading = Text(f"{current} · {LABEL_NAMES.get(current, current.lower())} ({counts[current]})",
                               style="bold")
                if current in hidden:
                    heading.append("  hidden", style="dim italic")
                options.append(Option(heading, disabled=True))
                self._row_labels.append(current)
            options.append(Option(group_row(group, styles.get(group.label)), id=f"group-{index}"))
            self._row_labels.append(group.label)
        if not options:
            options.append(Option(Text("No entities were found in this article.", style="italic"), disabled=True))
            self._row_labels.append("")
        highlighted = self.option_list.highlighted
        self.option_list.set_options(options)
        if highlighted is not None and highlighted < len(options) and not options[highlighted].disabled:
            self.option_list.highlighted = highlighted
        else:
            first = next((i for i, o in enumerate(options) if not o.disabled), None)
            self.option_list.highlighted = first

    def highlighted_group(self) -> Any | None:
        """The group under the list cursor, if any."""
        option = self.option_list.highlighted_option
        if option is None or not option.id or not option.id.startswith("group-"):
            return None
        return self.groups[int(option.id.removeprefix("group-"))]

    def highlight_group(self, group: Any) -> None:
        """Put the list cursor on `group` (no message is posted for it)."""
        for index, candidate in enumerate(self.groups):
            if candidate is group or candidate.key == group.key:
                self.option_list.highlighted = self.option_list.get_option_index(f"group-{index}")
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or click on a group."""
        event.stop()
        group = self.highlighted_group()
        if group is not None:
            self.post_message(self.EntityChosen(group))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Cursor moves inside the panel concern nobody else."""
        event.stop()

    def action_next_mention(self) -> None:
        """Next mention of the highlighted entity."""
        group = self.highlighted_group()
        if group is not None:
            self.post_message(self.MentionRequested(group, +1))

    def action_previous_mention(self) -> None:
        """Previous mention of the highlighted entity."""
        group = self.highlighted_group()
        if group is not None:
            self.post_message(self.MentionRequested(group, -1))

    def action_toggle_label(self) -> None:
        """Hide or show the highlighting of the label of the highlighted row."""
        index = self.option_list.highlighted
        if index is not None and index < len(self._row_labels) and self._row_labels[index]:
            self.post_message(self.LabelToggled(self._row_labels[index]))

    def action_back(self) -> None:
        """Back to the article."""
        self.post_message(self.BackRequested())


def group_row(group: Any, style: Style | None) -> Text:
    """One row: the name in its label colour, mention count, merged aliases dimmed."""
    row = Text("  ")
    row.append(inert(group.name), style=style or "")
    row.append(f"  ×{len(group.mentions)}", style="dim")
    aliases = [a for a in getattr(group, "aliases", ()) if a != group.name]
    if aliases:
        row.append("  also: " + inert(", ".join(aliases)), style="dim italic")
    return row


def legend(counts: Mapping[str, int], styles: Mapping[str, Style], hidden: set[str], highlighting: bool) -> Text:
    """The colour key: each label in its highlight style; hidden labels struck through."""
    text = Text()
    if not highlighting:
        text.append("highlighting off (h) · ", style="italic")
    for label in sorted(counts, key=label_rank):
        if text.plain and not text.plain.endswith("· "):
            text.append("  ")
        style = styles.get(label) or Style()
        if label in hidden or not highlighting:
            style = Style(dim=True, strike=label in hidden)
        text.append(label, style=style)
        text.append(f" {counts[label]}", style="dim")
    if not counts:
        text.append("no entities", style="dim italic")
    return text
