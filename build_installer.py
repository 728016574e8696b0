"""Builds Tracker Desktop's standalone app and installers for the system it runs on.

    pip install -e '.[build]'           # PyInstaller, pinned together with its hooks
    python build_installer.py [--folder-only] [--clean]

Every system gets the one-folder app from resources/packaging/tracker-desktop.spec
(windowed, stripped, unused Qt parts left out) in dist/, then:

- Linux: dist/tracker-desktop/, dist/tracker-desktop-<version>-linux-<arch>.tar.gz and
  dist/tracker-desktop_<version>_<debian arch>.deb (installs to /opt/tracker-desktop with
  /usr/bin/tracker-desktop, a .desktop file and hicolor icons; no maintainer scripts, so
  removing it touches nobody's data). Needs binutils (objdump, strip), ldd, dpkg-deb and
  the libraries Qt's xcb plugin loads; the build stops with a clear message without them
  rather than leave a bundle that cannot start. Ends by running the bundle's --self-test.
- Windows: dist/tracker-desktop/tracker-desktop.exe and, with Inno Setup's iscc,
  dist/tracker-desktop-<version>-windows-<arch>-setup.exe.
- macOS: dist/Tracker Desktop.app and dist/tracker-desktop-<version>-macos-<arch>.dmg
  (hdiutil). Neither is signed or notarized.

Standard library only (plus PyInstaller, run as a subprocess); no Qt is imported here.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
SPEC = RESOURCES / "packaging" / "tracker-desktop.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_NAME = "tracker-desktop"
DISPLAY_NAME = "Tracker Desktop"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Session names often hold emoji; without a colour emoji font they show as empty boxes.
RECOMMENDS = ("fonts-noto-color-emoji",)
MAINTAINER = "Tracker Desktop maintainers <maintainers@tracker-desktop.invalid>"
SUMMARY = "desktop time tracker for freelancers"
DESCRIPTION = (
    "Start a work session in one keystroke, name it whenever you like, stop it to save it,\n"
    "and see where your day, week and month went. Sessions live in one local SQLite file\n"
    "in each user's data folder, which removing this package leaves alone."
)


class BuildError(Exception):
    """A build that cannot go on; the message says why and what to do."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--folder-only", action="store_true", help="build the app folder, no archives/installers"
    )
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        outputs = build(folder_only=args.folder_only, clean=args.clean)
    except BuildError as error:
        print(f"build_installer: {error}", file=sys.stderr)
        return 1
    print(f"\nBuilt in {time.monotonic() - started:.0f} s:")
    for path in outputs:
        print(f"  {path.relative_to(ROOT)}  {_size(path) / 1e6:.1f} MB")
    return 0


def build(*, folder_only: bool = False, clean: bool = False) -> list[Path]:
    """Builds this system's artifacts; returns their paths."""
    version = app_version()
    if sys.platform.startswith("linux"):
        return build_linux(version, folder_only=folder_only, clean=clean)
    if sys.platform == "win32":
        return build_windows(version, folder_only=folder_only, clean=clean)
    if sys.platform == "darwin":
        return build_macos(version, folder_only=folder_only, clean=clean)
    raise BuildError(f"no build recipe for {sys.platform}; Linux, Windows and macOS have one")


def app_version() -> str:
    """``__version__`` from the package, read as text (importing it is not needed)."""
    text = (ROOT / "tracker_desktop" / "__init__.py").read_text("utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise BuildError("tracker_desktop/__init__.py has no __version__")
    return match.group(1)


def run_pyinstaller(*, clean: bool) -> None:
    """Runs the committed spec: dist/tracker-desktop/ (and the .app on macOS)."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed in this Python: pip install -e '.[build]'")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        command.append("--clean")
    _run([*command, str(SPEC)], what="PyInstaller")


# -- Linux -----------------------------------------------------------------------------


def build_linux(version: str, *, folder_only: bool, clean: bool) -> list[Path]:
    check_binutils()
    xcb_plugin = qt_xcb_plugin()
    check_qt_xcb_libraries(xcb_plugin)
    if not folder_only and shutil.which("dpkg-deb") is None:
        raise BuildError(
            "dpkg-deb not found (Debian's dpkg package): it builds the .deb. "
            "Use --folder-only on systems without it."
        )
    run_pyinstaller(clean=clean)
    folder = DIST / APP_NAME
    unresolved = check_bundle(folder)
    self_test(folder / APP_NAME)
    if folder_only:
        return [folder]
    arch = platform.machine().lower()
    tarball = make_tarball(folder, DIST / f"{APP_NAME}-{version}-linux-{arch}.tar.gz")
    depends = debian_depends(folder, xcb_plugin, unresolved)
    deb = make_deb(folder, version, depends, DIST)
    return [folder, tarball, deb]


def check_binutils() -> None:
    """PyInstaller reads libraries with objdump and shrinks them with strip (binutils)."""
    missing = [tool for tool in ("objdump", "strip") if shutil.which(tool) is None]
    if missing:
        raise BuildError(
            f"{' and '.join(missing)} not found: install binutils (Debian/Ubuntu: "
            "sudo apt-get install binutils; Fedora: sudo dnf install binutils). PyInstaller "
            "needs objdump to find the libraries the app links to, and strip to shrink them."
        )
    if shutil.which("ldd") is None:
        raise BuildError("ldd not found (it comes with the C library, e.g. Debian's libc-bin)")


def qt_xcb_plugin() -> Path:
    """Qt's X11 platform plugin inside the installed PySide6 wheel."""
    try:
        import PySide6
    except ImportError:
        raise BuildError("PySide6 is not installed in this Python: pip install -e .") from None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        raise BuildError(f"Qt's xcb platform plugin is missing from PySide6 ({plugin})")
    return plugin


def missing_libraries(binary: Path, library_path: Path | None = None) -> list[str]:
    """The libraries ``binary`` needs (directly or not) that the dynamic loader cannot find."""
    return sorted(name for name, path in ldd(binary, library_path).items() if path is None)


def check_qt_xcb_libraries(plugin: Path) -> None:
    """Fails when Qt's xcb plugin could not load here: a bundle built now would bundle
    neither those libraries nor a working X11 window (Qt aborts at start)."""
    missing = missing_libraries(plugin)
    if missing:
        packages = " ".join(debian_package_guess(name) for name in missing)
        raise BuildError(
            f"Qt's X11 plugin ({plugin.name}) needs libraries this machine lacks: "
            f"{', '.join(missing)}. The app would not start on X11. Install them and build "
            f"again; on Debian/Ubuntu: sudo apt-get install {packages}"
        )


def ldd(binary: Path, library_path: Path | None = None) -> dict[str, str | None]:
    """``ldd``'s answer for ``binary``: library name -> resolved path (None: not found).

    With ``library_path``, libraries are looked up there first, as the frozen app's
    launcher arranges at run time (LD_LIBRARY_PATH)."""
    env = dict(os.environ)
    env.pop("LD_LIBRARY_PATH", None)
    if library_path is not None:
        env["LD_LIBRARY_PATH"] = str(library_path)
    result = subprocess.run(
        ["ldd", str(binary)], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0 and "not a dynamic executable" not in result.stderr:
        raise BuildError(f"ldd {binary} failed: {result.stderr.strip()}")
    libraries: dict[str, str | None] = {}
    for line in result.stdout.splitlines():
        name, arrow, target = line.strip().partition(" => ")
        if not arrow:
            continue
        if target.startswith("not found"):
            libraries[name] = None
        else:
            libraries[name] = target.rsplit(" (", 1)[0].strip() or None
    return libraries


def debian_package_guess(soname: str) -> str:
    """Debian's usual package name for a library: libxcb-cursor.so.0 -> libxcb-cursor0."""
    base, _, version = soname.partition(".so.")
    base = base.lower()
    if not version:
        return base
    major = version.split(".")[0]
    return f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"


def elf_files(folder: Path) -> list[Path]:
    """The ELF files in ``folder`` (not following symbolic links), sorted."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with open(path, "rb") as file:
            if file.read(4) == b"\x7fELF":
                found.append(path)
    return found


def check_bundle(folder: Path) -> dict[str, list[str]]:
    """Checks every library in the bundle against this machine's loader.

    Fails when the app or Qt's xcb plugin would not load; libraries only some other plugin
    needs (Wayland's, say) are reported and returned (name -> the files needing them):
    Qt then falls back to another plugin, and the .deb declares them."""
    internal = folder / "_internal"
    executable = folder / APP_NAME
    if not executable.is_file():
        raise BuildError(f"PyInstaller produced no {executable}")
    unresolved: dict[str, list[str]] = {}
    essential: dict[str, list[str]] = {}
    for binary in elf_files(folder):
        relative = binary.relative_to(folder).as_posix()
        # What the app always loads: the launcher, Python and its extension modules (and,
        # through them, Qt's libraries), and the X11 plugin. Other plugins are optional.
        always = relative.endswith("platforms/libqxcb.so") or not (
            "/plugins/" in relative or "/Qt/lib/" in relative
        )
        for name in missing_libraries(binary, internal):
            unresolved.setdefault(name, []).append(relative)
            if always:
                essential.setdefault(name, []).append(relative)
    if essential:
        shutil.rmtree(folder, ignore_errors=True)
        details = "; ".join(f"{name} (for {', '.join(users)})" for name, users in essential.items())
        raise BuildError(
            f"the bundle needs libraries this machine lacks, so it would not start: {details}. "
            "Install them and build again (the folder was removed)."
        )
    for name, users in sorted(unresolved.items()):
        shown = ", ".join(users[:3]) + (f" and {len(users) - 3} more" if len(users) > 3 else "")
        print(f"warning: {name} is missing here; {shown} will not load without it")
    return unresolved


def self_test(executable: Path) -> None:
    """Runs the frozen app's --self-test offscreen (no display needed)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(executable), "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise BuildError(
            f"the built app failed its self-test (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}"
        )
    print(f"self-test: {result.stdout.strip()}")


def _epoch() -> int:
    """Timestamp for archive members (SOURCE_DATE_EPOCH makes archives reproducible)."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))


def _normalized(info: tarfile.TarInfo, mtime: int) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = mtime
    if info.isdir() or info.mode & 0o111:
        info.mode = 0o755
    elif not info.issym():
        info.mode = 0o644
    return info


def _desktop_share_files() -> list[tuple[str, Path]]:
    """(path under share/, source) for the .desktop file and the icons."""
    files = [("applications/tracker-desktop.desktop", RESOURCES / "tracker-desktop.desktop")]
    for size in ICON_SIZES:
        files.append(
            (
                f"icons/hicolor/{size}x{size}/apps/{APP_NAME}.png",
                RESOURCES / "icons" / f"{APP_NAME}-{size}.png",
            )
        )
    files.append((f"icons/hicolor/scalable/apps/{APP_NAME}.svg", RESOURCES / f"{APP_NAME}.svg"))
    return files


def make_tarball(folder: Path, output: Path) -> Path:
    """``tracker-desktop/``: the app folder plus share/ with the .desktop file and icons."""
    mtime = _epoch()
    members: dict[str, Path | None] = {APP_NAME: folder}  # None: a folder made up here
    for path in folder.rglob("*"):
        members[f"{APP_NAME}/{path.relative_to(folder).as_posix()}"] = path
    for relative, icon_or_entry in _desktop_share_files():
        name = f"{APP_NAME}/share/{relative}"
        parent = name.rsplit("/", 1)[0]
        while parent != APP_NAME:
            members.setdefault(parent, None)
            parent = parent.rsplit("/", 1)[0]
        members[name] = icon_or_entry
    with (
        open(output, "wb") as raw,
        # Level 6: within 1% of level 9 at a third of the time.
        gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, mtime=mtime, compresslevel=6
        ) as compressed,
        tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for name in sorted(members):
            source = members[name]
            if source is None:
                info = tarfile.TarInfo(name)
                info.type = tarfile.DIRTYPE
            else:
                info = tar.gettarinfo(str(source), arcname=name)
            info = _normalized(info, mtime)
            if source is not None and info.isreg():
                with open(source, "rb") as file:
                    tar.addfile(info, file)
            else:
                tar.addfile(info)
    return output


def debian_architecture() -> str:
    result = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BuildError("dpkg --print-architecture failed: is this a Debian-based system?")
    return result.stdout.strip()


def debian_owners(paths: Iterable[str]) -> dict[str, str]:
    """path -> the Debian package that installed it (paths no package owns are left out)."""
    candidates: dict[str, str] = {}  # candidate path -> the path asked about
    for path in sorted(set(paths), reverse=True):
        # Merged /usr: the loader says /lib/..., dpkg may know /usr/lib/... (or the reverse).
        other = path[4:] if path.startswith("/usr/") else f"/usr{path}"
        for candidate in (path, os.path.realpath(path), other):
            candidates[candidate] = path
    if not candidates:
        return {}
    result = subprocess.run(
        ["dpkg-query", "-S", *candidates], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, separator, owned = line.partition(": ")
        if separator and owned in candidates and not line.startswith("diversion "):
            owners.setdefault(candidates[owned], packages.split(",")[0].strip().split(":")[0])
    return owners


def _needed(binary: Path) -> list[str]:
    """The libraries ``binary`` links to directly (its DT_NEEDED entries)."""
    result = subprocess.run(
        ["objdump", "-p", str(binary)], capture_output=True, text=True, check=False
    )
    return re.findall(r"^\s*NEEDED\s+(\S+)", result.stdout, re.MULTILINE)


def debian_depends(folder: Path, xcb_plugin: Path, unresolved: dict[str, list[str]]) -> list[str]:
    """The Depends field, as the packages owning (on this machine):

    - every system library that a bundled file links to directly and the bundle lacks;
    - every library that Qt's X11 stack (the xcb plugin and the Qt libraries under it)
      links to directly, bundled or not: the xcb libraries, fontconfig (whose package
      brings the font configuration and fonts), xkbcommon (and its keyboard data), D-Bus;

    plus the usual package names of libraries this machine lacks (only optional plugins,
    such as Wayland's, need those, or the build would have stopped)."""
    internal = folder / "_internal"
    bundled = {path.name for path in folder.rglob("*")}
    wanted: set[str] = set()
    for binary in elf_files(folder):
        resolved = ldd(binary, internal)
        for name in _needed(binary):
            path = resolved.get(name)
            if name not in bundled and path is not None:
                wanted.add(path)
    qt = xcb_plugin.parents[2]  # PySide6/Qt
    x11_stack = [xcb_plugin]
    for module in ("XcbQpa", "Gui", "Widgets", "Core", "DBus"):
        x11_stack.append(qt / "lib" / f"libQt6{module}.so.6")
    for binary in x11_stack:
        resolved = ldd(binary)
        for name in _needed(binary):
            path = resolved.get(name)
            if path is not None and not Path(path).resolve().is_relative_to(qt.parent):
                wanted.add(path)
    owners = debian_owners(wanted)
    for path in sorted(wanted - owners.keys()):
        print(f"warning: no Debian package owns {path}; it is not declared in Depends")
    packages = set(owners.values()) | {debian_package_guess(name) for name in unresolved}
    glibc = platform.libc_ver()[1]
    depends = []
    for package in sorted(packages):
        # Bundled libraries were linked against this machine's C library or a newer one.
        depends.append(f"{package} (>= {glibc})" if package == "libc6" and glibc else package)
    return depends


def make_deb(
    folder: Path,
    version: str,
    depends: Sequence[str],
    output_dir: Path,
    staging_root: Path = ROOT / "build" / "deb",
) -> Path:
    """A .deb of ``folder``: /opt/tracker-desktop, /usr/bin/tracker-desktop, the .desktop
    file and hicolor icons. No maintainer scripts: installing and removing it only adds
    and removes these files (icon and menu caches refresh through dpkg triggers)."""
    arch = debian_architecture()
    staging = staging_root / f"{APP_NAME}_{version}_{arch}"
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(folder, staging / "opt" / APP_NAME, symlinks=True)
    (staging / "usr" / "bin").mkdir(parents=True)
    # Absolute, as Debian policy wants for links between top-level folders. The frozen
    # launcher follows the link to find its _internal folder.
    (staging / "usr" / "bin" / APP_NAME).symlink_to(f"/opt/{APP_NAME}/{APP_NAME}")
    share = staging / "usr" / "share"
    for relative, source in _desktop_share_files():
        target = share / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    doc = share / "doc" / APP_NAME
    doc.mkdir(parents=True)
    shutil.copyfile(RESOURCES / "packaging" / "copyright", doc / "copyright")
    _normalize_modes(staging)
    installed_kib = sum(
        1 if path.is_symlink() else -(-path.stat().st_size // 1024)
        for path in staging.rglob("*")
        if path.is_file() or path.is_symlink()
    )
    control = staging / "DEBIAN"
    control.mkdir()
    sums = []
    for path in sorted(staging.rglob("*")):
        if path.is_file() and not path.is_symlink() and control not in path.parents:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            sums.append(f"{digest}  {path.relative_to(staging).as_posix()}\n")
    (control / "md5sums").write_text("".join(sums), encoding="utf-8")  # for dpkg --verify
    description = "\n".join(f" {line}" for line in DESCRIPTION.splitlines())
    (control / "control").write_text(
        f"Package: {APP_NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        f"Description: {SUMMARY}\n{description}\n",
        encoding="utf-8",
    )
    for member in control.iterdir():
        os.chmod(member, 0o644)
    mtime = _epoch()
    for path in [staging, *staging.rglob("*")]:
        os.utime(path, (mtime, mtime), follow_symlinks=False)
    output = output_dir / f"{APP_NAME}_{version}_{arch}.deb"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(mtime)}
    command = ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(output)]
    _run(command, what="dpkg-deb", env=env)
    return output


def _normalize_modes(root: Path) -> None:
    """0755 for folders and programs, 0644 for everything else (what dpkg expects)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        executable = path.is_dir() or mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        os.chmod(path, 0o755 if executable else 0o644)


# -- Windows and macOS (not buildable on this project's Linux CI) ---------------------


def build_windows(version: str, *, folder_only: bool, clean: bool) -> list[Path]:
    """dist/tracker-desktop/ and an Inno Setup installer (per user, no admin rights)."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    default_iscc = default / "Inno Setup 6" / "ISCC.exe"
    if iscc is None and default_iscc.is_file():
        iscc = str(default_iscc)
    if iscc is None and not folder_only:
        raise BuildError(
            "Inno Setup's compiler (ISCC.exe) not found: install Inno Setup 6 and put its "
            "folder on PATH, or use --folder-only for the app folder alone"
        )
    run_pyinstaller(clean=clean)
    folder = DIST / APP_NAME
    if folder_only or iscc is None:
        return [folder]
    arch = {"amd64": "x64", "x86_64": "x64"}.get(platform.machine().lower(), "arm64")
    name = f"{APP_NAME}-{version}-windows-{arch}-setup"
    _run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DSourceDir={folder}",
            f"/DOutputDir={DIST}",
            f"/DOutputBaseFilename={name}",
            f"/DIconFile={RESOURCES / 'icons' / 'tracker-desktop.ico'}",
            str(RESOURCES / "packaging" / "tracker-desktop.iss"),
        ],
        what="iscc",
    )
    return [folder, DIST / f"{name}.exe"]


def build_macos(version: str, *, folder_only: bool, clean: bool) -> list[Path]:
    """dist/Tracker Desktop.app (from the spec's BUNDLE step) and a compressed .dmg."""
    if shutil.which("hdiutil") is None and not folder_only:
        raise BuildError("hdiutil not found (it ships with macOS); use --folder-only")
    run_pyinstaller(clean=clean)
    app = DIST / f"{DISPLAY_NAME}.app"
    if folder_only:
        return [app]
    dmg = DIST / f"{APP_NAME}-{version}-macos-{platform.machine().lower()}.dmg"
    command = ["hdiutil", "create", "-volname", DISPLAY_NAME, "-srcfolder", str(app)]
    _run([*command, "-ov", "-format", "UDZO", str(dmg)], what="hdiutil")
    return [app, dmg]


# -- helpers ---------------------------------------------------------------------------


def _run(command: Sequence[str], *, what: str, env: dict[str, str] | None = None) -> None:
    print(f"+ {' '.join(command)}", flush=True)
    result = subprocess.run(list(command), env=env, check=False)
    if result.returncode != 0:
        raise BuildError(f"{what} failed (exit {result.returncode}); see its output above")


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return path.stat().st_size


if __name__ == "__main__":
    raise SystemExit(main())
