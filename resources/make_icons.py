"""Renders the app icon from its one source, ``resources/tracker-desktop.svg``.

    python resources/make_icons.py

Writes, next to this script:

- ``icons/tracker-desktop-<N>.png`` for the freedesktop hicolor sizes (16 … 512);
- ``icons/tracker-desktop.ico`` (Windows: PNG-compressed entries, 16 … 256);
- ``icons/tracker-desktop.icns`` (macOS: PNG entries, 16 … 1024);

and copies the SVG into the package (``tracker_desktop/ui/icons/``), where the window
loads it. It also renders the window's own icons (the SVGs listed in ``WINDOW_ICONS`` of
``tracker_desktop/ui/icons.py``,
in that folder) as black masks ``<name>-<N>.png``: the window tints and shows those on
its first paint without loading Qt's SVG module, which would cost start-up time and
memory. The outputs are committed, so building the app needs no image tools; run this
again after changing an SVG (unit tests notice when the outputs disagree).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
sys.path.insert(0, str(RESOURCES.parent))  # the package, for its list of window icons

from tracker_desktop.ui.icons import MASK_PIXELS as MASK_SIZES  # noqa: E402
from tracker_desktop.ui.icons import WINDOW_ICONS  # noqa: E402

SOURCE = RESOURCES / "tracker-desktop.svg"
OUTPUT = RESOURCES / "icons"
PACKAGE_ICONS = RESOURCES.parent / "tracker_desktop" / "ui" / "icons"
PACKAGE_COPY = PACKAGE_ICONS / "tracker-desktop.svg"

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


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
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
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


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
    for name in WINDOW_ICONS:
        mask = (PACKAGE_ICONS / f"{name}.svg").read_bytes().replace(b"currentColor", b"#000000")
        for size in MASK_SIZES:
            path = PACKAGE_ICONS / f"{name}-{size}.png"
            path.write_bytes(render_png(mask, size))
            written.append(path)
    for path in (*written, ico, icns, PACKAGE_COPY):
        print(f"wrote {path.relative_to(RESOURCES.parent)} ({path.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
