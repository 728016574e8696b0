"""Renders the app icon from its one source, ``resources/tracker-desktop.svg``.

    python resources/make_icons.py

Writes, next to this script:

- ``icons/tracker-desktop-<N>.png`` for the freedesktop hicolor sizes (16 … 512);
- ``icons/tracker-desktop.ico`` (Windows: PNG-compressed entries, 16 … 256);
- ``icons/tracker-desktop.icns`` (macOS: PNG entries, 16 … 1024);

and copies the SVG into the package (``tracker_desktop/ui/icons/``), where the window
loads it. It also renders the window's own icons (the SVGs in that folder listed in
``WINDOW_ICONS`` below) as alpha masks at ``MASK_PIXELS`` into
``tracker_desktop/ui/icon_masks.py``: the window tints and shows those on its first
paint without an SVG renderer, a PNG decoder or a package-data lookup, each of which
costs start-up time. The outputs are committed, so building the app needs no image
tools; run this again after changing an SVG (unit tests notice when the outputs
disagree).
"""

from __future__ import annotations

import base64
import os
import shutil
import struct
import sys
import textwrap
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

RESOURCES = Path(__file__).resolve().parent
SOURCE = RESOURCES / "tracker-desktop.svg"
OUTPUT = RESOURCES / "icons"
PACKAGE_ICONS = RESOURCES.parent / "tracker_desktop" / "ui" / "icons"
PACKAGE_COPY = PACKAGE_ICONS / "tracker-desktop.svg"
MASKS_MODULE = RESOURCES.parent / "tracker_desktop" / "ui" / "icon_masks.py"

# The window's own icons (icons/<name>.svg, drawn in currentColor) and their mask sizes.
WINDOW_ICONS = ("play", "stop", "chevron-left", "chevron-right", "discard", "overlap")
MASK_PIXELS = (16, 32, 64)

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's PNG-based icon types and their pixel sizes (the "@2x" types are for Retina).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def render(svg: bytes, size: int) -> QImage:
    """The SVG drawn on a transparent ``size``×``size`` square."""
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit("make_icons: an icon source is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(svg, size).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def render_alpha(svg: bytes, size: int) -> bytes:
    """The SVG's coverage on a ``size``×``size`` square: one byte per pixel, rows top down."""
    image = render(svg, size)
    return bytes(image.pixelColor(x, y).alpha() for y in range(size) for x in range(size))


def masks_module(masks: bytes) -> str:
    """The source of icon_masks.py holding ``masks`` (in WINDOW_ICONS, MASK_PIXELS order)."""
    encoded = base64.b64encode(zlib.compress(masks, 9)).decode("ascii")
    lines = textwrap.wrap(encoded, 88)
    return (
        '"""The window\'s icons as alpha masks, made from icons/<name>.svg by\n'
        "resources/make_icons.py: do not edit, run it again after changing an SVG.\n\n"
        "DATA is base64 of zlib-compressed bytes: for each of ICONS in turn, each of PIXELS\n"
        'in turn, one byte of coverage per pixel, rows top down."""\n\n'
        f"ICONS = ({', '.join(f'{chr(34)}{name}{chr(34)}' for name in WINDOW_ICONS)})\n"
        f"PIXELS = {MASK_PIXELS!r}\n"
        "DATA = (\n" + "".join(f'    "{line}"\n' for line in lines) + ")\n"
    )


def ico_container(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte fields
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_container(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images (each entry: type, length including its header)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = SOURCE.read_bytes()
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render_png(svg, size) for size in sizes}
    OUTPUT.mkdir(exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = OUTPUT / f"tracker-desktop-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    ico = OUTPUT / "tracker-desktop.ico"
    ico.write_bytes(ico_container({size: pngs[size] for size in ICO_SIZES}))
    icns = OUTPUT / "tracker-desktop.icns"
    icns.write_bytes(icns_container(pngs))
    shutil.copyfile(SOURCE, PACKAGE_COPY)
    masks = b"".join(
        render_alpha(
            (PACKAGE_ICONS / f"{name}.svg").read_bytes().replace(b"currentColor", b"#000000"),
            size,
        )
        for name in WINDOW_ICONS
        for size in MASK_PIXELS
    )
    MASKS_MODULE.write_text(masks_module(masks), encoding="utf-8")
    written.append(MASKS_MODULE)
    for path in (*written, ico, icns, PACKAGE_COPY):
        print(f"wrote {path.relative_to(RESOURCES.parent)} ({path.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
