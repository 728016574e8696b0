"""SVG icons from the package (``importlib.resources``, so source and frozen builds agree),
tinted with a palette colour, rendered crisp for 100 % and 200 % scaling.

Rendering goes through Qt's SVG image plugin, which keeps the QtSvg Python module (a
noticeable share of start-up time) out of the process.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImageReader, QPixmap

log = logging.getLogger(__name__)

# QIcon scales the nearest larger one down for sizes in between.
_PIXELS = (16, 32, 64)


@cache
def svg_text(name: str) -> str:
    return (resources.files("tracker_desktop.ui") / "icons" / f"{name}.svg").read_text("utf-8")


def tinted_icon(name: str, color: QColor) -> QIcon:
    """Icon ``name`` with its ``currentColor`` painted in ``color``."""
    return _icon(name, color.name(QColor.NameFormat.HexArgb))


def svg_icon(name: str) -> QIcon:
    """Icon ``name`` in its own colours."""
    return _icon(name, None)


def app_icon() -> QIcon:
    return svg_icon("tracker-desktop")


@cache
def _icon(name: str, color: str | None) -> QIcon:
    text = svg_text(name)
    if color is not None:
        # SVG wants #RRGGBB plus an opacity, not Qt's #AARRGGBB.
        alpha = int(color[1:3], 16) / 255
        text = text.replace("currentColor", f"#{color[3:]}").replace(
            "<svg ", f'<svg opacity="{alpha:.3f}" ', 1
        )
    data = QByteArray(text.encode())
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
