"""The "Start at Login" action: checking it installs the XDG autostart entry for this
installation, unchecking removes it, and a failure shows in the window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from tests.ui.conftest import child
from tracker_desktop.core.autostart import launch_command
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.preferences import add_start_at_login_action


def autostart_entry() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "tracker-desktop.desktop"


def refuse(message: str) -> None:
    raise AssertionError(f"unexpected error shown: {message}")


def test_checking_installs_and_unchecking_removes_the_autostart_entry(qapp: object) -> None:
    menu = QMenu()
    action = add_start_at_login_action(menu, refuse)

    assert action.objectName() == "actionStartAtLogin"
    assert action.parent() is menu  # found by findChild wherever the menu is
    assert menu.actions() == [action]
    assert action.isCheckable()
    assert not action.isChecked()

    action.trigger()

    assert action.isChecked()
    text = autostart_entry().read_text("utf-8")
    assert f"TryExec={launch_command()[0]}\n" in text

    action.trigger()

    assert not action.isChecked()
    assert not autostart_entry().exists()


def test_the_check_mark_follows_the_entry_each_time_the_menu_opens(qapp: object) -> None:
    menu = QMenu()
    action = add_start_at_login_action(menu, refuse)
    action.trigger()
    autostart_entry().unlink()  # removed by hand, or by the desktop's own settings

    menu.aboutToShow.emit()

    assert not action.isChecked()


def test_it_goes_above_the_given_action(qapp: object) -> None:
    menu = QMenu()
    quit_action = menu.addAction("Quit")

    action = add_start_at_login_action(menu, refuse, before=quit_action)

    assert menu.actions() == [action, quit_action]


def test_a_failure_leaves_it_unchecked_and_says_why_in_the_window(window: MainWindow) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    config.mkdir(parents=True)
    (config / "autostart").write_text("a file where the autostart folder should be")
    action = child(window, QAction, "actionStartAtLogin")  # the window's, in its File menu

    action.trigger()

    assert not action.isChecked()
    message = child(window, QLabel, "messageLabel").text()
    assert "Could not turn on Start at Login" in message
    assert str(config / "autostart") in message
