"""Start at login: the XDG autostart entry (and the macOS LaunchAgent), on real files in a
private home (the autouse fixture points HOME and XDG_CONFIG_HOME into tmp_path)."""

from __future__ import annotations

import os
import plistlib
import sys
from pathlib import Path

import pytest

from tracker_desktop.core import autostart
from tracker_desktop.core.autostart import LaunchAgent, WindowsRunKey, XdgAutostart


def config_home() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"])


def entry_path() -> Path:
    return config_home() / "autostart" / "tracker-desktop.desktop"


def desktop_keys(path: Path) -> dict[str, str]:
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def exec_arguments(value: str) -> list[str]:
    """Reads an Exec value as the Desktop Entry spec says: string escapes first, then
    arguments split at spaces, double quotes grouping, and inside them a backslash
    before " ` $ or \\ standing for that character; %% is a literal %."""
    text = value.replace("\\\\", "\0").replace("\\t", "\t").replace("\0", "\\")
    arguments: list[str] = []
    current: str | None = None
    quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if quoted and char == "\\" and text[index + 1] in '"`$\\':
            current = (current or "") + text[index + 1]
            index += 1
        elif char == '"':
            quoted = not quoted
            current = current or ""
        elif char == " " and not quoted:
            if current is not None:
                arguments.append(current)
            current = None
        elif char == "%":
            assert text[index + 1] == "%", "a field code in a login command"
            current = (current or "") + "%"
            index += 1
        else:
            current = (current or "") + char
        index += 1
    assert not quoted
    if current is not None:
        arguments.append(current)
    return arguments


def test_enabling_writes_an_xdg_autostart_entry_under_xdg_config_home() -> None:
    entry = autostart.for_platform("linux")
    assert not entry.is_enabled()

    entry.enable(["/opt/tracker-desktop/tracker-desktop"])

    assert entry.location == str(entry_path())
    assert entry.is_enabled()
    keys = desktop_keys(entry_path())
    assert keys["Type"] == "Application"
    assert keys["Exec"] == "/opt/tracker-desktop/tracker-desktop"
    assert keys["TryExec"] == "/opt/tracker-desktop/tracker-desktop"
    assert keys["Icon"] == "tracker-desktop"
    assert keys["Name"] == "Tracker Desktop"


def test_disabling_removes_only_our_entry() -> None:
    entry = autostart.for_platform("linux")
    folder = entry_path().parent
    folder.mkdir(parents=True)
    neighbour = folder / "someone-else.desktop"
    neighbour.write_text("[Desktop Entry]\nType=Application\nExec=true\n")
    entry.enable(["tracker-desktop"])

    entry.disable()
    entry.disable()  # nothing to remove: still fine

    assert not entry.is_enabled()
    assert sorted(p.name for p in folder.iterdir()) == ["someone-else.desktop"]


def test_enabling_twice_leaves_one_entry_with_the_newest_command() -> None:
    entry = autostart.for_platform("linux")
    entry.enable(["/old/tracker-desktop"])
    entry.enable(["/new/tracker-desktop"])

    assert [p.name for p in entry_path().parent.iterdir()] == ["tracker-desktop.desktop"]
    assert desktop_keys(entry_path())["Exec"] == "/new/tracker-desktop"


@pytest.mark.parametrize(
    "command",
    [
        ["/home/ana maria/Apps/tracker-desktop"],
        ["/opt/100% sure/tracker-desktop", "--data-dir", "/data/$HOME/`x`"],
        ['/opt/"quoted"/back\\slash/tracker-desktop'],
        [sys.executable, "-m", "tracker_desktop"],
        ["/opt/émoji 🕒/tracker-desktop", "tab\there"],
    ],
)
def test_exec_quoting_round_trips_awkward_paths(command: list[str]) -> None:
    entry = autostart.for_platform("linux")
    entry.enable(command)

    assert exec_arguments(desktop_keys(entry_path())["Exec"]) == command


def test_a_line_break_in_the_command_is_refused_without_writing_anything() -> None:
    entry = autostart.for_platform("linux")
    with pytest.raises(ValueError, match="line break"):
        entry.enable(["/opt/two\nlines"])
    assert not entry_path().exists()


@pytest.mark.parametrize(
    "line", ["Hidden=true", "X-GNOME-Autostart-enabled=false"], ids=["hidden", "gnome-off"]
)
def test_an_entry_switched_off_by_the_desktop_counts_as_off(line: str) -> None:
    entry = autostart.for_platform("linux")
    entry.enable(["tracker-desktop"])
    with open(entry_path(), "a", encoding="utf-8") as file:
        file.write(f"{line}\n")

    assert not entry.is_enabled()


def test_without_xdg_config_home_the_entry_goes_to_dot_config(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    autostart.for_platform("linux").enable(["tracker-desktop"])

    assert (Path.home() / ".config" / "autostart" / "tracker-desktop.desktop").is_file()


def test_a_relative_xdg_config_home_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")

    assert autostart.xdg_config_home() == Path.home() / ".config"


def test_a_folder_that_cannot_be_made_raises_os_error_and_leaves_no_entry() -> None:
    config_home().mkdir(parents=True)
    (config_home() / "autostart").write_text("a file where the folder should be")
    entry = autostart.for_platform("linux")

    with pytest.raises(FileExistsError):  # an OSError, which the window reports
        entry.enable(["tracker-desktop"])
    assert not entry.is_enabled()


def test_launch_command_starts_this_installation() -> None:
    command = autostart.launch_command()

    # From a source checkout or a venv: the installed script, or this Python with -m.
    assert Path(command[0]).is_file()
    assert command == [command[0]] or command == [sys.executable, "-m", "tracker_desktop"]


def test_macos_launch_agent_is_a_property_list_run_at_load(tmp_path: Path) -> None:
    agents = tmp_path / "Library" / "LaunchAgents"
    agent = LaunchAgent(agents)
    app = "/Applications/Tracker Desktop.app/Contents/MacOS/tracker-desktop"

    agent.enable([app])

    assert agent.is_enabled()
    job = plistlib.loads((agents / "org.tracker-desktop.TrackerDesktop.plist").read_bytes())
    assert job["Label"] == "org.tracker-desktop.TrackerDesktop"
    assert job["ProgramArguments"] == [app]
    assert job["RunAtLoad"] is True
    agent.disable()
    assert not agent.is_enabled()
    assert list(agents.iterdir()) == []


def test_each_system_gets_its_own_kind_of_entry() -> None:
    assert isinstance(autostart.for_platform("linux"), XdgAutostart)
    assert isinstance(autostart.for_platform("freebsd14"), XdgAutostart)
    mac = autostart.for_platform("darwin")
    assert isinstance(mac, LaunchAgent)
    assert mac.location.startswith(str(Path.home() / "Library" / "LaunchAgents"))
    windows = autostart.for_platform("win32")
    assert isinstance(windows, WindowsRunKey)
    assert windows.location.endswith(r"CurrentVersion\Run\Tracker Desktop")


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows refusal")
def test_the_windows_registry_variant_refuses_clearly_elsewhere() -> None:
    with pytest.raises(OSError, match="only on Windows"):
        WindowsRunKey().enable(["tracker-desktop.exe"])
