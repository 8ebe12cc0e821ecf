"""An article's web address, opened in the browser or copied: the same two keys in the
library and in the reader, with the same notices."""

from __future__ import annotations

from typing import Any

from textual.app import App

from lettore.text_clean import inert

NO_SOURCE = "this article was not imported from the web: it has no source URL"


def open_source(app: App[Any], url: str | None) -> None:
    """Open `url` in the browser ($BROWSER is honoured), or say there is none."""
    if not url:
        app.notify(NO_SOURCE, timeout=3)
        return
    import webbrowser  # lazy: only this key needs it

    webbrowser.open(url)
    app.notify(f"opening {inert(url)}", timeout=2, markup=False)


def copy_source(app: App[Any], url: str | None) -> None:
    """Copy `url` to the clipboard (OSC 52, through Textual), or say there is none."""
    if not url:
        app.notify(NO_SOURCE, timeout=3)
        return
    app.copy_to_clipboard(url)
    app.notify(f"copied {inert(url)}", timeout=2, markup=False)
