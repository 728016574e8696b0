"""The window's icons: alpha masks made from the SVGs, tinted on the way in."""

from __future__ import annotations

from importlib import resources

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QColor, QImage, QImageReader
from pytestqt.qtbot import QtBot

from tracker_desktop.ui.icons import MASK_PIXELS as MASK_SIZES
from tracker_desktop.ui.icons import WINDOW_ICONS, mask, svg_text, tinted_icon

TEAL = QColor("#1a7f8e")


def rendered_svg(name: str, color: QColor, pixels: int) -> QImage:
    """The icon's SVG drawn in ``color`` at ``pixels``, the way the masks were made."""
    data = QByteArray(svg_text(name).replace("currentColor", color.name()).encode())
    buffer = QBuffer(data)  # kept referenced: the reader does not own it
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(pixels, pixels))
    image = reader.read()
    assert not image.isNull(), reader.errorString()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize("name", WINDOW_ICONS)
@pytest.mark.parametrize("pixels", MASK_SIZES)
def test_each_tinted_icon_looks_like_its_svg_in_that_colour(
    qtbot: QtBot, name: str, pixels: int
) -> None:
    # Fails when an SVG changed without `python resources/make_icons.py`.
    icon = tinted_icon(name, TEAL)
    assert QSize(pixels, pixels) in icon.availableSizes()
    tinted = icon.pixmap(pixels, pixels).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    expected = rendered_svg(name, TEAL, pixels)
    worst = 0
    painted = 0
    for y in range(pixels):
        for x in range(pixels):
            have, want = tinted.pixelColor(x, y), expected.pixelColor(x, y)
            worst = max(worst, abs(have.alpha() - want.alpha()))
            if want.alpha() > 128:
                painted += 1
                # Within rounding of premultiplied alpha.
                channels = (have.red(), have.green(), have.blue())
                assert all(
                    abs(c - t) <= 2 for c, t in zip(channels, (0x1A, 0x7F, 0x8E), strict=True)
                )
    assert painted > 0, "the icon draws nothing"
    assert worst <= 8, f"{name} at {pixels} px differs from its SVG by up to {worst}/255"


def test_every_window_icon_has_a_mask_at_every_size_and_its_svg_ships() -> None:
    icons = resources.files("tracker_desktop.ui") / "icons"
    for name in WINDOW_ICONS:
        assert (icons / f"{name}.svg").is_file()
        for pixels in MASK_SIZES:
            assert len(mask(name, pixels)) == pixels * pixels
            assert max(mask(name, pixels)) == 255, f"{name} at {pixels} px covers nothing fully"


def test_a_translucent_colour_tints_translucently(qtbot: QtBot) -> None:
    half = QColor(TEAL)
    half.setAlpha(128)
    image = tinted_icon("stop", half).pixmap(16, 16).toImage()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    centre = image.pixelColor(8, 8)
    assert abs(centre.alpha() - 128) <= 2
    assert abs(centre.red() - 0x1A) <= 3
    assert abs(centre.green() - 0x7F) <= 3
    assert abs(centre.blue() - 0x8E) <= 3
