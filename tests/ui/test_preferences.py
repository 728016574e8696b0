"""The "Start at Login" action: checking it installs the XDG autostart entry for this
installation, unchecking removes it, and a failure shows in the window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMenu

from tracker_desktop.core.autostart import launch_command
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.preferences import add_start_at_login_action


def autostart_entry() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "tracker-desktop.desktop"


def test_checking_installs_and_unchecking_removes_the_autostart_entry(
    window: MainWindow,
) -> None:
    menu = QMenu(window)
    action = add_start_at_login_action(window, menu)

    assert action.objectName() == "actionStartAtLogin"
    assert action.parent() is window  # found by findChild once the window adds its own
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


def test_the_check_mark_follows_the_entry_each_time_the_menu_opens(window: MainWindow) -> None:
    menu = QMenu(window)
    action = add_start_at_login_action(window, menu)
    action.trigger()
    autostart_entry().unlink()  # removed by hand, or by the desktop's own settings

    menu.aboutToShow.emit()

    assert not action.isChecked()


def test_it_goes_above_the_given_action(window: MainWindow) -> None:
    menu = QMenu(window)
    quit_action = menu.addAction("Quit")

    action = add_start_at_login_action(window, menu, before=quit_action)

    assert menu.actions() == [action, quit_action]


def test_a_failure_leaves_it_unchecked_and_says_why(window: MainWindow) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    config.mkdir(parents=True)
    (config / "autostart").write_text("a file where the autostart folder should be")
    menu = QMenu(window)
    action = add_start_at_login_action(window, menu)

    action.trigger()

    assert not action.isChecked()
    message = window.findChild(QLabel, "messageLabel").text()
    assert "Could not turn on Start at Login" in message
    assert str(config / "autostart") in message
