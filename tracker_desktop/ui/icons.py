"""Icons from the package (``importlib.resources``, so source and frozen builds agree),
crisp for 100 % and 200 % scaling.

The window's icons are black PNG masks at 16, 32 and 64 pixels, rendered from their SVGs
by ``resources/make_icons.py`` and tinted here with a palette colour: the first paint
needs no SVG renderer. The tray and application icons, shown after it, are drawn from
their SVGs through Qt's SVG image plugin (which keeps the QtSvg Python module, a
noticeable share of start-up time, out of the process).
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter, QPixmap

log = logging.getLogger(__name__)

# QIcon scales the nearest larger one down for sizes in between.
_PIXELS = (16, 32, 64)
MASK_PIXELS = _PIXELS
# The icons the window shows, each as PNG masks ``<name>-<pixels>.png``.
WINDOW_ICONS = ("play", "stop", "chevron-left", "chevron-right", "discard", "overlap")


@cache
def svg_text(name: str) -> str:
    return (resources.files("tracker_desktop.ui") / "icons" / f"{name}.svg").read_text("utf-8")


def tinted_icon(name: str, color: QColor) -> QIcon:
    """Window icon ``name`` (one of its PNG masks) painted in ``color``."""
    return _tinted(name, color.name(QColor.NameFormat.HexArgb))


@cache
def _tinted(name: str, color: str) -> QIcon:
    icons = resources.files("tracker_desktop.ui") / "icons"
    icon = QIcon()
    for pixels in _PIXELS:
        image = QImage()
        if not image.loadFromData((icons / f"{name}-{pixels}.png").read_bytes(), "PNG"):
            log.warning("cannot load icon %s at %d pixels", name, pixels)
            continue
        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        # Keep the mask's coverage (anti-aliased edges), take the colour (and alpha).
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), QColor(color))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def svg_icon(name: str) -> QIcon:
    """Icon ``name`` in its own colours, from its SVG."""
    return _icon(name)


def app_icon() -> QIcon:
    return svg_icon("tracker-desktop")


@cache
def _icon(name: str) -> QIcon:
    data = QByteArray(svg_text(name).encode())
    icon = QIcon()
    for pixels in _PIXELS:
        buffer = QBuffer(data)
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(pixels, pixels))
        image = reader.read()
        if image.isNull():
            log.warning("cannot render icon %s: %s", name, reader.errorString())
            continue
        icon.addPixmap(QPixmap.fromImage(image))
    return icon
