"""Reader features (search, lookup, entity and claims panels, ...) as mixins of the
ReaderScreen, one module each, so each feature owns its keys, actions and widgets.

A feature is a plain class listed in FEATURES with:
- `FEATURE_BINDINGS: list[Binding]` (every Binding with an `id`, for help/palette/keymap);
- `action_*` methods (they run on the ReaderScreen: `self.view`, `self.article`,
  `self.app.library`, `self.state` are there);
- optional `feature_mount(self) -> None`: called once the screen is mounted;
- optional `feature_highlights(self, block: int) -> tuple[list[Highlight], list[Highlight]]`:
  extra styled ranges for the original and translation text of a block;
- optional `feature_cursor_moved(self, position) -> None`: the sentence cursor moved;
- optional `feature_status(self, position) -> str | Text | None`: a piece of the status line.
Call `self.view.refresh_highlights()` when a feature's highlights change, and
`self.side_panel(PanelType, make)` for a panel in the side area (mounted, hidden, on
first use), `self.set_side_visible(bool)` to show the side area; panel visibility goes in
`self.state.panels[name]` (remembered per article).
"""

from __future__ import annotations

from lettore.tui.features.claims import ClaimsFeature
from lettore.tui.features.entities import EntitiesFeature
from lettore.tui.features.lookup import LookupFeature
from lettore.tui.features.search import SearchFeature
from lettore.tui.features.translation import TranslationFeature

FEATURES: tuple[type, ...] = (TranslationFeature, EntitiesFeature, ClaimsFeature, SearchFeature, LookupFeature)
