"""Icons, crisp for 100 % and 200 % scaling.

The window's own icons (``WINDOW_ICONS``) are alpha masks at 16, 32 and 64 pixels,
rendered from their SVGs by ``resources/make_icons.py`` into ``icon_masks.py`` and tinted
here with a palette colour by plain byte arithmetic: the first paint needs no SVG
renderer, no PNG decoder, no painter and no package-data lookup. The tray and
application icons, shown after it, are drawn from their SVGs (package data, read through
``importlib.resources`` so source and frozen builds agree) by Qt's SVG image plugin,
which keeps the QtSvg Python module out of the process.
"""

from __future__ import annotations

import base64
import logging
import zlib
from functools import cache

from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from tracker_desktop.ui import icon_masks

log = logging.getLogger(__name__)

# The icons the window shows (icons/<name>.svg, as masks in icon_masks.py), and their
# sizes: QIcon scales the nearest larger one down for sizes in between.
WINDOW_ICONS: tuple[str, ...] = icon_masks.ICONS
MASK_PIXELS: tuple[int, ...] = icon_masks.PIXELS


@cache
def svg_text(name: str) -> str:
    from importlib import resources

    return (resources.files("tracker_desktop.ui") / "icons" / f"{name}.svg").read_text("utf-8")


@cache
def _masks() -> dict[tuple[str, int], bytes]:
    """Each window icon's alpha mask (one byte per pixel, rows top down) by name and size."""
    data = zlib.decompress(base64.b64decode(icon_masks.DATA))
    masks: dict[tuple[str, int], bytes] = {}
    offset = 0
    for name in icon_masks.ICONS:
        for pixels in icon_masks.PIXELS:
            masks[name, pixels] = data[offset : offset + pixels * pixels]
            offset += pixels * pixels
    if offset != len(data):
        raise ValueError("icon_masks.py does not match its own list: run make_icons.py")
    return masks


def mask(name: str, pixels: int) -> bytes:
    """Window icon ``name``'s alpha mask at ``pixels`` × ``pixels`` (KeyError if none)."""
    return _masks()[name, pixels]


def tinted_icon(name: str, color: QColor, selected: QColor | None = None) -> QIcon:
    """Window icon ``name`` (its masks) painted in ``color`` (in ``selected`` on a
    selected row, if given)."""
    return _tinted(name, color.rgba(), None if selected is None else selected.rgba())


@cache
def _tinted(name: str, rgba: int, selected_rgba: int | None = None) -> QIcon:
    icon = QIcon()
    for pixels in MASK_PIXELS:
        try:
            coverage = mask(name, pixels)
        except KeyError:
            log.warning("no mask for icon %s at %d pixels", name, pixels)
            continue
        icon.addPixmap(QPixmap.fromImage(_tint(coverage, pixels, QColor.fromRgba(rgba))))
        if selected_rgba is not None:
            selected = _tint(coverage, pixels, QColor.fromRgba(selected_rgba))
            icon.addPixmap(QPixmap.fromImage(selected), QIcon.Mode.Selected)
    return icon


def _tint(coverage: bytes, pixels: int, color: QColor) -> QImage:
    """``color`` where the mask covers, as a premultiplied RGBA image (what painting the
    colour over the mask with "source in" gives, byte for byte up to rounding)."""
    alpha = coverage.translate(_scaled(color.alpha()))
    rgba = bytearray(4 * len(coverage))
    rgba[0::4] = alpha.translate(_scaled(color.red()))
    rgba[1::4] = alpha.translate(_scaled(color.green()))
    rgba[2::4] = alpha.translate(_scaled(color.blue()))
    rgba[3::4] = alpha
    image = QImage(
        bytes(rgba), pixels, pixels, 4 * pixels, QImage.Format.Format_RGBA8888_Premultiplied
    )
    return image.copy()  # owns its pixels: the bytes above are gone after this returns


@cache
def _scaled(value: int) -> bytes:
    """A byte table taking a coverage 0–255 to ``value`` × coverage / 255, rounded."""
    return bytes((coverage * value + 127) // 255 for coverage in range(256))


def svg_icon(name: str) -> QIcon:
    """Icon ``name`` in its own colours, from its SVG."""
    return _icon(name)


def app_icon() -> QIcon:
    return svg_icon("tracker-desktop")


@cache
def _icon(name: str) -> QIcon:
    from PySide6.QtCore import QBuffer, QByteArray, QSize
    from PySide6.QtGui import QImageReader

    data = QByteArray(svg_text(name).encode())
    icon = QIcon()
    for pixels in MASK_PIXELS:
        buffer = QBuffer(data)
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(pixels, pixels))
        image = reader.read()
        if image.isNull():
            log.warning("cannot render icon %s: %s", name, reader.errorString())
            continue
        icon.addPixmap(QPixmap.fromImage(image))
    return icon
