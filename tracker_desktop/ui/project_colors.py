"""The project colour dot, shown wherever a project is (table, pickers, tray, Projects
window): the project's colour with an outline in the palette's text colour, so that a
pale dot shows on a light background and a dark one on a dark background."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit

from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate

# (canvas, dot diameter, outline width) in pixels; QIcon picks the size it is asked for.
_SIZES = ((16, 10.0, 1.0), (32, 20.0, 1.6), (64, 40.0, 3.0))
_OUTLINE_ALPHA = 130  # of the text colour: a visible edge, softer than text
# What the palette's colours (core.catalog.PALETTE, in its order) are called, for menus
# and for people who tell them apart by name.
_NAMES = (
    QT_TRANSLATE_NOOP("Colors", "Blue"), QT_TRANSLATE_NOOP("Colors", "Orange"),
    QT_TRANSLATE_NOOP("Colors", "Red"), QT_TRANSLATE_NOOP("Colors", "Teal"),
    QT_TRANSLATE_NOOP("Colors", "Green"), QT_TRANSLATE_NOOP("Colors", "Yellow"),
    QT_TRANSLATE_NOOP("Colors", "Purple"), QT_TRANSLATE_NOOP("Colors", "Pink"),
    QT_TRANSLATE_NOOP("Colors", "Brown"), QT_TRANSLATE_NOOP("Colors", "Grey"),
    QT_TRANSLATE_NOOP("Colors", "Sea green"), QT_TRANSLATE_NOOP("Colors", "Rose"),
)  # fmt: skip


def color_name(index: int) -> str:
    """The name of the palette's colour ``index``, in the interface's language."""
    return translate("Colors", _NAMES[index])


def color_dot(color: str) -> QIcon:
    """A dot in ``color`` (``#RRGGBB``), outlined to stand out on the window's palette."""
    return _dot(QColor(color).rgba(), _outline().rgba())


def empty_dot() -> QIcon:
    """The outline alone: "no project"."""
    return _dot(QColor(Qt.GlobalColor.transparent).rgba(), _outline().rgba())


def _outline() -> QColor:
    outline = QColor(QApplication.palette().color(QPalette.ColorRole.Text))
    outline.setAlpha(_OUTLINE_ALPHA)
    return outline


@cache
def _dot(fill: int, outline: int) -> QIcon:
    icon = QIcon()
    for canvas, diameter, width in _SIZES:
        image = QImage(canvas, canvas, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor.fromRgba(outline), width))
        painter.setBrush(QColor.fromRgba(fill))
        inset = (canvas - diameter) / 2
        painter.drawEllipse(QRectF(inset, inset, diameter, diameter))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


# -- colours that read (WCAG 2.2: 4.5:1 for text, 3:1 for large text and controls) -------

WARNING_RED = "#d64541"  # Stop, errors: adjusted to the palette before use
TEXT_CONTRAST = 4.5
PART_CONTRAST = 3.0


def luminance(color: QColor) -> float:
    """The relative luminance WCAG defines (0 black … 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours (1 … 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(color: QColor, background: QColor) -> QColor:
    """``color`` as painted over ``background`` (its alpha blended away)."""
    alpha = color.alphaF()
    return QColor.fromRgbF(
        color.redF() * alpha + background.redF() * (1 - alpha),
        color.greenF() * alpha + background.greenF() * (1 - alpha),
        color.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def readable(color: QColor, background: QColor, ratio: float = TEXT_CONTRAST) -> QColor:
    """``color`` (over ``background``), darkened on a light background or lightened on a
    dark one, in small steps, until the two differ by ``ratio``: the hue is kept."""
    color = over(color, background)
    toward = QColor("black") if luminance(background) > 0.18 else QColor("white")
    for step in range(21):
        mixed = QColor.fromRgbF(
            *(c + (t - c) * step / 20 for c, t in zip(_rgb(color), _rgb(toward), strict=True))
        )
        if contrast(mixed, background) >= ratio:
            return mixed
    return toward


def accent(fill: QColor, text: QColor, surround: QColor) -> tuple[QColor, QColor]:
    """A fill near ``fill`` with ``text`` on it at 4.5:1, standing out from ``surround``
    at 3:1 (the selected segment, Start and Stop). Where ``text`` cannot have both (white
    on a dark window), the text turns black and the fill light."""
    shown = readable(fill, text, TEXT_CONTRAST + 0.1)
    if contrast(shown, surround) >= PART_CONTRAST + 0.1:
        return shown, text
    text = QColor("black") if luminance(text) > 0.18 else QColor("white")
    shown = readable(readable(fill, surround, PART_CONTRAST + 0.1), text, TEXT_CONTRAST + 0.1)
    return shown, text


def muted_text(palette: QPalette, background: QPalette.ColorRole) -> QColor:
    """The palette's placeholder colour on ``background``, made readable: text that
    steps back without fading below 4.5:1."""
    back = palette.color(background)
    placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
    return readable(placeholder, back, TEXT_CONTRAST + 0.1)


def readable_placeholder(edit: QLineEdit) -> None:
    """``edit``'s placeholder in the muted colour at 4.5:1 (the palette's own is half
    transparent: about 3.9:1 on white). Again after a palette change."""
    palette = edit.palette()
    muted = muted_text(QApplication.palette(), QPalette.ColorRole.Base)
    palette.setColor(QPalette.ColorRole.PlaceholderText, muted)
    edit.setPalette(palette)


def start_stop_colors(running: bool) -> tuple[QColor, QColor]:
    """The Start/Stop button's fill and text: the palette's selection colour to start, a
    red to stop, each adjusted to read on the window's palette."""
    palette = QApplication.palette()
    if running:
        fill, text = QColor(WARNING_RED), QColor("white")
    else:
        fill = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.HighlightedText)
    return accent(fill, text, palette.color(QPalette.ColorRole.Window))


def error_color(ratio: float = TEXT_CONTRAST) -> QColor:
    """The warning red, readable on the window's background (error text, borders)."""
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return readable(QColor(WARNING_RED), window, ratio + 0.1)


def _rgb(color: QColor) -> tuple[float, float, float]:
    return color.redF(), color.greenF(), color.blueF()
