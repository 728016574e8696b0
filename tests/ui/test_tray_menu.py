"""The tray menu: it says what runs, keeps its width with long names, shows no keys
that do nothing there, and its Start/Stop icon shows on light and dark menus."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QAction, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, trigger
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.project_colors import contrast
from tracker_desktop.ui.theme import apply_theme

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
LONG = "Design review for the Acme website relaunch with the whole team " * 4


def tray_menu(window: MainWindow) -> QMenu:
    assert window.tray is not None
    menu = window.tray.contextMenu()
    assert menu is not None
    return menu


def named(menu: QMenu, name: str) -> QAction:
    return next(a for a in menu.actions() if a.objectName() == name)


def test_the_menu_says_what_runs_and_for_how_long(
    window: MainWindow, tracker: Tracker, clock: FakeClock
) -> None:
    state = named(tray_menu(window), "trayStateItem")
    assert tray_menu(window).actions()[0] is state
    assert not state.isEnabled()
    assert state.text().startswith("Not tracking")

    tracker.start("Writing")
    clock.advance(minutes=42)
    window.refresh()
    assert state.text() == "Running: Writing — 0:42:00"


def test_long_names_are_elided_to_about_forty_characters(
    tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.add(LONG, NOW - 2 * HOUR, NOW - HOUR)
    tracker.start(LONG)
    window = make_window()
    menu = tray_menu(window)
    continue_menu = menu.findChild(QMenu, "trayContinueMenu")
    (entry,) = continue_menu.actions()
    metrics = QFontMetrics(continue_menu.font())
    limit = metrics.averageCharWidth() * 40
    assert entry.text().endswith("…")
    assert metrics.horizontalAdvance(entry.text()) <= limit
    assert entry.toolTip() == LONG.strip()
    assert metrics.horizontalAdvance(named(menu, "trayStateItem").text()) <= limit * 1.5


def test_no_keys_are_shown_in_the_tray_menu(window: MainWindow) -> None:
    for entry in tray_menu(window).actions():
        assert not entry.shortcuts() or not entry.isShortcutVisibleInContextMenu(), entry.text()
    quit_item = named(tray_menu(window), "actionQuit")
    assert quit_item.shortcuts()  # still Ctrl+Q in the window


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    saved = QPalette(QApplication.palette())
    apply_theme(request.param)
    yield request.param
    QApplication.setPalette(saved)


def test_the_start_stop_icon_shows_on_the_menu(theme: str, make_window: WindowFactory) -> None:
    window = make_window()
    for _ in range(2):  # Start, then Stop
        start_stop = named(tray_menu(window), "actionStartStop")
        image = start_stop.icon().pixmap(16, 16).toImage()
        painted = [image.pixelColor(x, y) for x in range(16) for y in range(16)]
        ink = max(painted, key=lambda c: c.alpha())
        background = tray_menu(window).palette().color(QPalette.ColorRole.Window)
        assert contrast(ink, background) >= 3.0
        trigger(window, "actionStartStop")


def test_the_state_line_reads_though_it_cannot_be_clicked(
    theme: str, make_window: WindowFactory
) -> None:
    menu = tray_menu(make_window())
    palette = menu.palette()
    shown = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    assert contrast(shown, palette.color(QPalette.ColorRole.Window)) >= 4.5
