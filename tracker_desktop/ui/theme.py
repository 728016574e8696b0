"""The light and dark palettes of Preferences ▸ Theme, and switching between them and
the system's own.

Loaded only when a theme other than System is chosen: the System theme costs nothing
at start-up. The palettes keep text at 4.5:1 or more on its background (the contrast
test renders the window in each and measures).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tracker_desktop.ui.language import QT_TRANSLATE_NOOP
from tracker_desktop.ui.project_colors import TEXT_CONTRAST, readable

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)
THEME_NAMES = {  # translated where shown
    SYSTEM: QT_TRANSLATE_NOOP("Theme", "System"),
    LIGHT: QT_TRANSLATE_NOOP("Theme", "Light"),
    DARK: QT_TRANSLATE_NOOP("Theme", "Dark"),
}

_system_palette: QPalette | None = None  # the palette before a theme replaced it

Role, Group = QPalette.ColorRole, QPalette.ColorGroup

_DARK = {
    Role.Window: "#25282d",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1c1f23",
    Role.AlternateBase: "#23272c",
    Role.Text: "#e8e8e8",
    Role.Button: "#31353b",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#2f67b8",
    Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#a3a8ae",
    Role.Link: "#7fb0ff",
    Role.LinkVisited: "#c29bff",
    Role.ToolTipBase: "#31353b",
    Role.ToolTipText: "#e8e8e8",
    Role.Light: "#4a4f56",
    Role.Midlight: "#3b4046",
    Role.Mid: "#2a2e33",
    Role.Dark: "#17191c",
    Role.Shadow: "#000000",
}
_DARK_DISABLED = {
    Role.WindowText: "#8a8f96",
    Role.Text: "#8a8f96",
    Role.ButtonText: "#8a8f96",
    Role.Highlight: "#3b4046",
    Role.HighlightedText: "#b8bcc2",
}


def dark_palette() -> QPalette:
    """Light text on dark greys, a blue selection that white text reads on."""
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(color))
    return palette


def light_palette() -> QPalette:
    """The style's own light palette (Fusion's, on Linux), its selection darkened until
    white text reads on it (Fusion's blue gives 3.7:1)."""
    palette = QApplication.style().standardPalette()
    for group in (Group.Active, Group.Inactive):
        text = palette.color(group, Role.HighlightedText)
        fill = readable(palette.color(group, Role.Highlight), text, TEXT_CONTRAST + 0.1)
        palette.setColor(group, Role.Highlight, fill)
    return palette


def apply_theme(theme: str) -> None:
    """Gives the application ``theme``'s palette (System: the one it started with)."""
    global _system_palette
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    if theme == DARK:
        app.setPalette(dark_palette())
    elif theme == LIGHT:
        app.setPalette(light_palette())
    else:
        app.setPalette(_system_palette)
