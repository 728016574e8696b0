"""The project colour dot, shown wherever a project is (table, pickers, tray, Projects
window): the project's colour with an outline in the palette's text colour, so that a
pale dot shows on a light background and a dark one on a dark background."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

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
