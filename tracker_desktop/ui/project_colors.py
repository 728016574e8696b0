"""The project colour dot, shown wherever a project is (table, pickers, tray, Projects
window): the project's colour with an outline in the palette's text colour, so that a
pale dot shows on a light background and a dark one on a dark background."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

# (canvas, dot diameter, outline width) in pixels; QIcon picks the size it is asked for.
_SIZES = ((16, 10.0, 1.0), (32, 20.0, 1.6), (64, 40.0, 3.0))
_OUTLINE_ALPHA = 130  # of the text colour: a visible edge, softer than text
# What the palette's colours (core.catalog.PALETTE, in its order) are called, for menus
# and for people who tell them apart by name.
COLOR_NAMES = (
    "Blue", "Orange", "Red", "Teal", "Green", "Yellow",
    "Purple", "Pink", "Brown", "Grey", "Sea green", "Rose",
)  # fmt: skip


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
