"""SVG icons from the package (``importlib.resources``, so source and frozen builds agree),
tinted with a palette colour and rendered crisp at every device pixel ratio."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_SIZES = (16, 20, 24, 32, 48)
_RATIOS = (1.0, 2.0)


@cache
def svg_text(name: str) -> str:
    return (resources.files("tracker_desktop.ui") / "icons" / f"{name}.svg").read_text("utf-8")


def tinted_icon(name: str, color: QColor) -> QIcon:
    """Icon ``name`` with its ``currentColor`` painted in ``color``."""
    data = QByteArray(svg_text(name).replace("currentColor", color.name()).encode())
    return _render(data)


def svg_icon(name: str) -> QIcon:
    """Icon ``name`` in its own colours."""
    return _render(QByteArray(svg_text(name).encode()))


def app_icon() -> QIcon:
    return svg_icon("tracker-desktop")


def _render(data: QByteArray) -> QIcon:
    renderer = QSvgRenderer(data)
    icon = QIcon()
    for size in _SIZES:
        for ratio in _RATIOS:
            pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            icon.addPixmap(pixmap)
    return icon
