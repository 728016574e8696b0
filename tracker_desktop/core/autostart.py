"""Start at login: an autostart entry for the current user, one kind per operating system.

- Linux and other freedesktop systems: a desktop entry in ``$XDG_CONFIG_HOME/autostart``
  (``~/.config/autostart`` by default), per the XDG Autostart specification.
- Windows: a value named after the app under
  ``HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
- macOS: a LaunchAgent property list in ``~/Library/LaunchAgents`` with ``RunAtLoad``
  (macOS 13 and later list it under Login Items as a background item).

The entry itself is the preference: nothing else remembers it, so removing the file (or
the registry value) by hand turns it off too. The Windows variant can only run on Windows;
the other two are plain files and work (and are tested) anywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from tracker_desktop import APP_NAME

DISPLAY_NAME = "Tracker Desktop"
DESKTOP_FILENAME = f"{APP_NAME}.desktop"
LAUNCH_AGENT_LABEL = "org.tracker-desktop.TrackerDesktop"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

# Characters that make an Exec argument need quoting (XDG Desktop Entry spec, "Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


class Autostart(Protocol):
    """One operating system's way of starting a program when the user logs in."""

    @property
    def location(self) -> str:
        """Where the entry lives, for messages."""
        ...

    def is_enabled(self) -> bool: ...

    def enable(self, command: Sequence[str]) -> None:
        """Starts ``command`` (the program and its arguments) at each login."""
        ...

    def disable(self) -> None:
        """Removes the entry; nothing happens when there is none."""
        ...


def launch_command() -> list[str]:
    """How to start this same installation again (for the autostart entry)."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: the executable itself
        return [sys.executable]
    scripts = Path(sys.executable).parent
    for script in (scripts / APP_NAME, scripts / f"{APP_NAME}.exe"):
        if script.is_file():
            return [str(script)]
    return [sys.executable, "-m", "tracker_desktop"]


def for_platform(platform: str | None = None) -> Autostart:
    """The autostart kind for ``platform`` (a ``sys.platform`` value; default: this one)."""
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return WindowsRunKey()
    if platform == "darwin":
        return LaunchAgent(Path.home() / "Library" / "LaunchAgents")
    return XdgAutostart(xdg_config_home() / "autostart")


def xdg_config_home() -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config`` when it is unset or not absolute (the spec
    says to ignore relative paths)."""
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    if configured and os.path.isabs(configured):
        return Path(configured)
    return Path.home() / ".config"


class XdgAutostart:
    """A desktop entry in an XDG autostart folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / DESKTOP_FILENAME

    @property
    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        """The entry exists and is not switched off (``Hidden=true``, or GNOME's own
        ``X-GNOME-Autostart-enabled=false``, which session settings may write into it)."""
        try:
            text = self.path.read_text("utf-8", errors="replace")
        except (FileNotFoundError, NotADirectoryError):
            return False
        keys = _desktop_entry_keys(text)
        return (
            keys.get("Hidden", "false") != "true"
            and keys.get("X-GNOME-Autostart-enabled", "true") != "false"
        )

    def enable(self, command: Sequence[str]) -> None:
        if not command:
            raise ValueError("no command to start at login")
        entry = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={DISPLAY_NAME}\n"
            "Comment=Start Tracker Desktop when you log in\n"
            f"Exec={desktop_exec(command)}\n"
            # Without the program (uninstalled), desktops skip the entry instead of failing.
            f"TryExec={_desktop_string(command[0])}\n"
            f"Icon={APP_NAME}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        _write_atomically(self.path, entry.encode("utf-8"))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class LaunchAgent:
    """A per-user launchd job that runs the program once at login (macOS)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"{LAUNCH_AGENT_LABEL}.plist"

    @property
    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        if not command:
            raise ValueError("no command to start at login")
        job = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        import plistlib  # macOS only; kept out of every start-up

        _write_atomically(self.path, plistlib.dumps(job))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class WindowsRunKey:
    """A value in the current user's ``Run`` registry key (Windows only)."""

    def __init__(self, value_name: str = DISPLAY_NAME) -> None:
        self.value_name = value_name

    @property
    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{WINDOWS_RUN_KEY}\\{self.value_name}"

    def is_enabled(self) -> bool:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                winreg.QueryValueEx(key, self.value_name)
        except FileNotFoundError:
            return False
        return True

    def enable(self, command: Sequence[str]) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            import subprocess  # Windows only; kept out of every start-up

            value = subprocess.list2cmdline(list(command))
            winreg.SetValueEx(key, self.value_name, 0, winreg.REG_SZ, value)

    def disable(self) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.DeleteValue(key, self.value_name)
        except FileNotFoundError:
            pass


def desktop_exec(command: Sequence[str]) -> str:
    """``command`` as the value of a desktop entry's ``Exec`` key.

    Arguments with reserved characters are double-quoted (with ``"``, `````, ``$`` and
    ``\\`` backslash-escaped inside), ``%`` is doubled (it starts field codes), and then
    the value as a whole gets the desktop-entry string escaping (``\\`` doubled).
    """
    quoted = []
    for argument in command:
        if "\n" in argument or "\r" in argument:
            raise ValueError(f"a line break cannot be part of a login command: {argument!r}")
        if argument and not (_EXEC_RESERVED & set(argument)):
            quoted.append(argument)
        else:
            escaped = "".join(f"\\{c}" if c in _EXEC_ESCAPED_IN_QUOTES else c for c in argument)
            quoted.append(f'"{escaped}"')
    return _desktop_string(" ".join(quoted).replace("%", "%%"))


def _desktop_string(value: str) -> str:
    """A desktop-entry string value: backslash escapes for backslash and control spaces."""
    return value.replace("\\", "\\\\").replace("\t", "\\t")


def _desktop_entry_keys(text: str) -> dict[str, str]:
    """The keys of the ``[Desktop Entry]`` group (later duplicates win)."""
    keys: dict[str, str] = {}
    group = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line:
            key, value = line.split("=", 1)
            keys[key.strip()] = value.strip()
    return keys


def _write_atomically(path: Path, data: bytes) -> None:
    """Writes ``data`` to ``path`` through a temporary file, so no half entry is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with open(temporary, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
