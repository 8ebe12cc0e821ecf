"""The app's theme: the one last picked (palette, or Textual's theme picker) is saved in
the library and used at the next start, unless config.yaml's `theme:` changed since."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lettore.store.app_state import get_value, set_value

if TYPE_CHECKING:
    from textual.theme import Theme

    from lettore.tui.app import LettoreApp

THEME_KEY = "theme"
# config.yaml's theme when the saved one was picked: a later edit of config.yaml wins.
CONFIG_THEME_KEY = "theme_config"


def start_theme(app: LettoreApp) -> str:
    """The theme to start in: the saved pick while config.yaml still says what it said then."""
    saved = get_value(app.library, THEME_KEY)
    if saved in app.available_themes and get_value(app.library, CONFIG_THEME_KEY) == app.settings.theme:
        return saved
    return app.settings.theme


def apply_theme(app: LettoreApp) -> None:
    """Start in the saved or configured theme, then save each change the user makes."""
    wanted = start_theme(app)
    ours: set[str] = set()
    if wanted not in app.available_themes:
        app.notify(f"unknown theme {wanted!r}; using {app.theme}", severity="warning")
    elif wanted != app.theme:  # the same theme again would restyle all for nothing
        app.theme = wanted
        ours.add(wanted)  # the signal of this change is not a pick

    def save(theme: Theme) -> None:
        if theme.name in ours:
            ours.discard(theme.name)
            return
        set_value(app.library, THEME_KEY, theme.name)
        set_value(app.library, CONFIG_THEME_KEY, app.settings.theme)

    app.theme_changed_signal.subscribe(app, save)
