"""Packaging: the committed icons match their SVG, and build_installer.py refuses machines
that would produce a broken bundle and lays out its archives as promised. (The real
PyInstaller build runs in CI after the suite: .ci/run.)"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tarfile
from pathlib import Path

import pytest

import build_installer
from build_installer import BuildError

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_package_icon_is_the_one_svg_source() -> None:
    source = ROOT / "resources" / "tracker-desktop.svg"
    packaged = ROOT / "tracker_desktop" / "ui" / "icons" / "tracker-desktop.svg"
    assert packaged.read_bytes() == source.read_bytes(), "run resources/make_icons.py"


@pytest.mark.parametrize("size", build_installer.ICON_SIZES)
def test_each_hicolor_png_has_its_size(size: int) -> None:
    assert png_size((ICONS / f"tracker-desktop-{size}.png").read_bytes()) == (size, size)


def test_the_ico_holds_png_images_from_16_to_256() -> None:
    data = (ICONS / "tracker-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, _, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        image = data[offset : offset + length]
        assert png_size(image) == (width or 256, height or 256)
        assert bits == 32
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_the_icns_holds_png_images_up_to_1024() -> None:
    data = (ICONS / "tracker-desktop.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    offset, sizes = 8, {}
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        sizes[kind] = png_size(data[offset + 8 : offset + length])[0]
        offset += length
    assert offset == len(data)
    assert sizes[b"icp4"] == 16
    assert sizes[b"ic09"] == 512
    assert sizes[b"ic10"] == 1024


def test_the_desktop_file_launches_the_command_with_the_hicolor_icon() -> None:
    lines = (ROOT / "resources" / "tracker-desktop.desktop").read_text("utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    keys = dict(line.split("=", 1) for line in lines[1:] if line)
    assert keys["Type"] == "Application"
    assert keys["Exec"] == "tracker-desktop"
    assert keys["Icon"] == "tracker-desktop"
    assert keys["Terminal"] == "false"


def test_a_machine_without_binutils_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no objdump, no strip

    with pytest.raises(BuildError, match=r"objdump and strip not found: install binutils"):
        build_installer.check_binutils()


def test_a_qt_xcb_plugin_with_missing_libraries_is_refused(tmp_path: Path) -> None:
    # Away from the wheel, the plugin's own Qt libraries cannot be found either: exactly
    # what the loader says when the system's xcb libraries are missing.
    plugin = tmp_path / "libqxcb.so"
    shutil.copyfile(build_installer.qt_xcb_plugin(), plugin)

    assert "libQt6XcbQpa.so.6" in build_installer.missing_libraries(plugin)
    with pytest.raises(BuildError, match=r"libQt6XcbQpa\.so\.6.*apt-get install .*libqt6xcbqpa6"):
        build_installer.check_qt_xcb_libraries(plugin)


def fake_app(folder: Path) -> Path:
    """A stand-in for PyInstaller's output: a launcher and an _internal folder."""
    internal = folder / "_internal"
    internal.mkdir(parents=True)
    launcher = folder / "tracker-desktop"
    launcher.write_text("#!/bin/sh\necho fake\n")
    launcher.chmod(0o755)
    (internal / "data.txt").write_text("data")
    (internal / "link.txt").symlink_to("data.txt")
    return folder


def test_a_bundle_whose_x11_plugin_cannot_load_is_removed_not_shipped(tmp_path: Path) -> None:
    folder = fake_app(tmp_path / "tracker-desktop")
    platforms = folder / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    shutil.copyfile(build_installer.qt_xcb_plugin(), platforms / "libqxcb.so")

    with pytest.raises(BuildError, match=r"would not start: .*libQt6XcbQpa\.so\.6 \(for .*libqxcb"):
        build_installer.check_bundle(folder)
    assert not folder.exists()


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libEGL.so.1", "libegl1"),
        ("libwayland-cursor.so.0", "libwayland-cursor0"),
    ],
)
def test_debian_package_names_are_guessed_from_library_names(soname: str, package: str) -> None:
    assert build_installer.debian_package_guess(soname) == package


def test_the_tarball_holds_the_folder_and_its_desktop_files_reproducibly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    folder = fake_app(tmp_path / "tracker-desktop")
    first = build_installer.make_tarball(folder, tmp_path / "first.tar.gz")
    second = build_installer.make_tarball(folder, tmp_path / "second.tar.gz")

    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        members = {member.name: member for member in tar.getmembers()}
    launcher = members["tracker-desktop/tracker-desktop"]
    assert launcher.mode == 0o755
    assert (launcher.uid, launcher.mtime) == (0, 1764000000)
    assert members["tracker-desktop/_internal/link.txt"].issym()
    assert "tracker-desktop/share/applications/tracker-desktop.desktop" in members
    assert "tracker-desktop/share/icons/hicolor/256x256/apps/tracker-desktop.png" in members
    assert "tracker-desktop/share/icons/hicolor/scalable/apps/tracker-desktop.svg" in members
    assert all(name.startswith("tracker-desktop") for name in members)


def test_the_deb_installs_under_opt_with_a_command_and_no_maintainer_scripts(
    tmp_path: Path,
) -> None:
    folder = fake_app(tmp_path / "tracker-desktop")
    depends = ["libc6 (>= 2.36)", "libxcb-cursor0"]

    deb = build_installer.make_deb(folder, "9.8.7", depends, tmp_path, tmp_path / "staging")

    def dpkg_deb(option: str, *args: str) -> str:
        return subprocess.run(
            ["dpkg-deb", option, str(deb), *args], capture_output=True, text=True, check=True
        ).stdout

    assert deb.name.startswith("tracker-desktop_9.8.7_")
    assert dpkg_deb("--field", "Depends").strip() == "libc6 (>= 2.36), libxcb-cursor0"
    # Emoji in names show as empty boxes without a colour emoji font.
    assert dpkg_deb("--field", "Recommends").strip() == "fonts-noto-color-emoji"
    listing = dpkg_deb("--contents")
    assert "./opt/tracker-desktop/tracker-desktop\n" in listing
    assert "./opt/tracker-desktop/_internal/link.txt -> data.txt" in listing
    assert "./usr/bin/tracker-desktop -> /opt/tracker-desktop/tracker-desktop" in listing
    assert "./usr/share/applications/tracker-desktop.desktop" in listing
    assert "./usr/share/icons/hicolor/48x48/apps/tracker-desktop.png" in listing
    assert "root/root" in listing
    assert "/home" not in listing
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    # Only metadata: no preinst/postinst/prerm/postrm that could touch anyone's files.
    assert sorted(os.listdir(control)) == ["control", "md5sums"]
