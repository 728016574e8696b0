"""The main window as a user drives it: typing, clicking, shortcuts, what it shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QTableView, QToolButton
from pytestqt.qtbot import QtBot

from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, child, name_edit, trigger
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.dialogs import Confirmation
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.project_colors import contrast
from tracker_desktop.ui.sessions_model import DURATION, END, NAME, START


def label_text(window: MainWindow, name: str) -> str:
    return child(window, QLabel, name).text()


def table_texts(window: MainWindow) -> list[list[str]]:
    model = child(window, QTableView, "sessionsTable").model()
    return [
        [str(model.index(row, column).data() or "") for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_typing_a_name_and_pressing_enter_starts_a_saved_session(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    qtbot.keyClicks(name_edit(window), "  Design   homepage ")
    qtbot.keyClick(name_edit(window), Qt.Key.Key_Return)

    running = tracker.running()
    assert running is not None
    assert running.name == "Design homepage"
    assert running.start == tracker.now()
    assert name_edit(window).text() == "Design homepage"
    assert child(window, QToolButton, "startStopButton").text() == "Stop"
    assert table_texts(window)[0][NAME] == "Design homepage"
    assert table_texts(window)[0][END] == "running"


def test_the_button_stops_and_saves_and_clears_the_name(
    qtbot: QtBot, window: MainWindow, tracker: Tracker, clock: FakeClock
) -> None:
    qtbot.keyClicks(name_edit(window), "Report")
    qtbot.mouseClick(child(window, QToolButton, "startStopButton"), Qt.MouseButton.LeftButton)
    clock.advance(minutes=25)
    qtbot.mouseClick(child(window, QToolButton, "startStopButton"), Qt.MouseButton.LeftButton)

    assert tracker.running() is None
    rows = table_texts(window)
    assert rows[0][NAME] == "Report"
    assert rows[0][DURATION] == "0:25:00"
    assert name_edit(window).text() == ""
    assert child(window, QToolButton, "startStopButton").text() == "Start"
    assert "Saved “Report”" in window.statusBar().currentMessage()


def test_ctrl_return_starts_and_stops(qtbot: QtBot, window: MainWindow, tracker: Tracker) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tracker.running() is not None
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tracker.running() is None


def test_elapsed_time_ticks_only_while_running(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    timer = child(window, QTimer, "tickTimer")
    assert label_text(window, "elapsedLabel") == "0:00:00"
    assert not timer.isActive()

    trigger(window, "actionStartStop")
    assert timer.isActive()
    clock.advance(hours=1, minutes=2, seconds=3)
    qtbot.waitUntil(lambda: label_text(window, "elapsedLabel") == "1:02:03", timeout=3000)
    assert table_texts(window)[0][DURATION] == "1:02:03"
    assert "1:02:03" in label_text(window, "periodTotalLabel")
    assert window.windowTitle() == "Unnamed session — 1:02:03"

    trigger(window, "actionStartStop")
    assert not timer.isActive()
    assert label_text(window, "elapsedLabel") == "0:00:00"


def test_renaming_the_running_session_from_the_name_field(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    qtbot.keyClicks(name_edit(window), "Draft")
    qtbot.keyClick(name_edit(window), Qt.Key.Key_Return)
    name_edit(window).selectAll()
    qtbot.keyClicks(name_edit(window), "Final copy")
    qtbot.keyClick(name_edit(window), Qt.Key.Key_Return)

    running = tracker.running()
    assert running is not None
    assert running.name == "Final copy"
    assert table_texts(window)[0][NAME] == "Final copy"


def test_an_edited_name_is_saved_when_stopping(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    trigger(window, "actionStartStop")
    qtbot.keyClicks(name_edit(window), "Named late")
    trigger(window, "actionStartStop")

    assert tracker.running() is None
    assert table_texts(window)[0][NAME] == "Named late"


def test_renaming_by_editing_the_name_cell(
    qtbot: QtBot, window: MainWindow, tracker: Tracker, clock: FakeClock
) -> None:
    tracker.start("Old", at=at("2026-11-26T08:00:00+01:00"))
    tracker.stop(at=at("2026-11-26T09:00:00+01:00"))  # the window shows it at once
    table = child(window, QTableView, "sessionsTable")
    index = table.model().index(0, NAME)
    table.setCurrentIndex(index)
    table.edit(index)
    (editor,) = table.findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "New name")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn

    def saved_name() -> str:
        (session,) = tracker.sessions_between(at("2026-11-26T00:00:00+01:00"), tracker.now())
        return session.name

    qtbot.waitUntil(lambda: saved_name() == "New name")
    assert table_texts(window)[0][NAME] == "New name"


def test_a_name_past_500_characters_is_refused_as_it_is_typed(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    trigger(window, "actionStartStop")
    name_edit(window).setFocus()
    qtbot.keyClicks(name_edit(window), "x" * 499)
    assert "at most" not in window.statusBar().currentMessage()
    qtbot.keyClicks(name_edit(window), "yz")  # the 501st character is not taken

    assert name_edit(window).text() == "x" * 499 + "y"
    assert window.statusBar().currentMessage() == "A name holds at most 500 characters."
    qtbot.keyClick(name_edit(window), Qt.Key.Key_Return)
    running = tracker.running()
    assert running is not None
    assert running.name == "x" * 499 + "y"


@pytest.mark.parametrize("confirmed", [False, True])
def test_discarding_asks_first(
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    tracker: Tracker,
    confirmed: bool,
) -> None:
    questions: list[str] = []

    def ask(cls: type, parent: object, title: str, text: str, confirm: str) -> bool:
        questions.append(title)
        return confirmed

    monkeypatch.setattr(Confirmation, "ask", classmethod(ask))
    name_edit(window).setText("Oops")
    trigger(window, "actionStartStop")
    trigger(window, "actionDiscard")

    assert questions == ["Discard running session?"]
    if confirmed:
        assert tracker.running() is None
        assert table_texts(window) == []
        assert name_edit(window).text() == ""
    else:
        running = tracker.running()
        assert running is not None
        assert running.name == "Oops"


def test_empty_day_says_what_to_do(window: MainWindow) -> None:
    label = child(window, QLabel, "emptyStateLabel")
    assert label.isVisible()
    assert "Nothing tracked today" in label.text()
    assert "0:00:00" in label_text(window, "periodTotalLabel")


def test_period_navigation_titles_and_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    assert label_text(window, "periodTitleLabel") == "Thursday, 26 November 2026"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert label_text(window, "periodTitleLabel") == "Mon, 23 Nov – Sun, 29 Nov 2026"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert label_text(window, "periodTitleLabel") == "Mon, 16 Nov – Sun, 22 Nov 2026"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert label_text(window, "periodTitleLabel") == "November 2026"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert label_text(window, "periodTitleLabel") == "December 2026"
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert label_text(window, "periodTitleLabel") == "November 2026"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert label_text(window, "periodTitleLabel") == "Wednesday, 25 November 2026"


def test_week_view_groups_by_day_with_clipped_subtotals(
    tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.start("Late night", at=at("2026-11-24T22:00:00+01:00"))
    tracker.start("Early", at=at("2026-11-25T01:00:00+01:00"))
    tracker.stop(at=at("2026-11-25T01:30:00+01:00"))
    window = make_window()
    trigger(window, "actionShowWeek")

    # The session past midnight is listed under both days, with each day's part.
    assert table_texts(window) == [
        ["Wednesday, 25 November", "", "", "", "", "1:30:00"],
        ["Early", "", "", "01:00:00", "01:30:00", "0:30:00"],
        ["Late night", "", "", "Tue, 24 Nov 22:00:00", "01:00:00", "1:00:00"],
        ["Tuesday, 24 November", "", "", "", "", "2:00:00"],
        ["Late night", "", "", "22:00:00", "Wed, 25 Nov 01:00:00", "2:00:00"],
    ]
    assert label_text(window, "periodTotalLabel") == "Total 3:30:00"


def test_day_view_counts_only_the_part_inside_the_day(
    tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.start("Overnight", at=at("2026-11-25T23:00:00+01:00"))
    tracker.stop(at=at("2026-11-26T02:15:00+01:00"))
    window = make_window()

    # The row shows the part inside the day, so the rows add up to the day's total;
    # the tooltip gives the whole session.
    rows = table_texts(window)
    assert rows == [["Overnight", "", "", "Wed, 25 Nov 23:00:00", "02:15:00", "2:15:00"]]
    assert label_text(window, "periodTotalLabel") == "Total 2:15:00"
    tip = window.model.index(0, DURATION).data(Qt.ItemDataRole.ToolTipRole)
    assert "Whole session: Wed, 25 Nov 23:00:00–Thu, 26 Nov 02:15:00, 3:15:00" in tip
    assert "2:15:00 of it on this day" in tip


def test_a_running_session_is_shown_running_after_a_restart(
    qtbot: QtBot, make_window: WindowFactory, tracker: Tracker, clock: FakeClock
) -> None:
    first = make_window()
    qtbot.keyClicks(name_edit(first), "Survives")
    qtbot.keyClick(name_edit(first), Qt.Key.Key_Return)
    started = tracker.now()
    first.close()

    clock.advance(hours=2)
    second = make_window()
    assert name_edit(second).text() == "Survives"
    assert label_text(second, "elapsedLabel") == "2:00:00"
    assert child(second, QToolButton, "startStopButton").text() == "Stop"
    running = tracker.running()
    assert running is not None
    assert running.start == started


def test_window_size_and_position_are_remembered(qtbot: QtBot, make_window: WindowFactory) -> None:
    first = make_window()
    first.resize(700, 480)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (700, 480)


def test_chosen_period_kind_is_remembered(make_window: WindowFactory) -> None:
    first = make_window()
    trigger(first, "actionShowMonth")
    first.close()
    second = make_window()
    assert label_text(second, "periodTitleLabel") == "November 2026"


def test_table_model_passes_qt_model_checks(
    qtmodeltester, tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.start("A", at=at("2026-11-23T09:00:00+01:00"))
    tracker.start("B", at=at("2026-11-24T09:00:00+01:00"))
    tracker.stop(at=at("2026-11-24T10:00:00+01:00"))
    tracker.start("")
    window = make_window()
    trigger(window, "actionShowWeek")
    model = child(window, QTableView, "sessionsTable").model()
    qtmodeltester.check(model)
    # Thursday, the running one; Tuesday, B, A's end; Monday, A's start.
    assert model.rowCount(QModelIndex()) == 7
    assert model.index(1, START).data() != ""


def test_the_file_menu_offers_start_at_login_above_quit(window: MainWindow) -> None:
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    entries = [action.text() for action in menus["&File"].actions() if not action.isSeparator()]
    assert entries == [
        "Import…",
        "Export…",
        "Back Up Now",
        "Restore from Backup…",
        "Start at Login",
        "Quit",
    ]


def test_the_empty_state_text_is_muted_yet_readable(window: MainWindow) -> None:
    label = child(window, QLabel, "emptyStateLabel")
    shown = label.palette().color(label.foregroundRole())
    background = window.palette().color(QPalette.ColorRole.Window)
    text = window.palette().color(QPalette.ColorRole.WindowText)
    assert 4.5 <= contrast(shown, background) < contrast(text, background)


def test_an_error_shows_in_a_tinted_banner_until_dismissed(
    qtbot: QtBot, window: MainWindow
) -> None:
    banner = child(window, QFrame, "messageBanner")
    assert not banner.isVisible()
    window.messages.show_error("The database is locked.")
    assert banner.isVisible()
    assert label_text(window, "messageLabel") == "The database is locked."
    inside = banner.grab().toImage().pixelColor(8, banner.height() // 2)
    backdrop = window.palette().color(QPalette.ColorRole.Window)
    assert inside != backdrop
    assert inside.red() > inside.green()  # the warning red shows through
    qtbot.mouseClick(child(window, QToolButton, "dismissMessageButton"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_start_end_and_duration_show_their_whole_text(
    qtbot: QtBot, window: MainWindow, tracker: Tracker, clock: FakeClock
) -> None:
    """The time columns fit their widest text (Qt's own measure of it), in a week with
    a month with a session across midnight (its end shows its date), a running one
    (bold) and day and week totals (bold), and still once the week passes 100 hours."""
    tracker.add("Across midnight", at("2026-11-24T22:30:00+01:00"), at("2026-11-25T01:15:00+01:00"))
    tracker.add("Morning", at("2026-11-26T07:00:00+01:00"), at("2026-11-26T08:30:00+01:00"))
    tracker.add("Workshop", at("2026-11-23T08:00:00+01:00"), at("2026-11-23T21:45:00+01:00"))
    tracker.start("Since Monday", clock.now() - timedelta(hours=81, minutes=55))
    table = child(window, QTableView, "sessionsTable")
    header = table.horizontalHeader()
    header.setMinimumSectionSize(0)  # so the texts, not the minimum, decide
    trigger(window, "actionShowMonth")

    def fits() -> bool:
        return all(
            header.sectionSize(column) >= table.sizeHintForColumn(column)
            for column in (START, END, DURATION)
        )

    assert fits()
    assert "Wed, 25 Nov 01:15:00" in [row[END] for row in table_texts(window)]
    narrow = header.sectionSize(DURATION)
    clock.advance(minutes=10)  # the same day: the view is not rebuilt, the clock ticks
    qtbot.waitUntil(lambda: "100:05:00" in [row[DURATION] for row in table_texts(window)])
    assert fits()
    assert header.sectionSize(DURATION) > narrow
    widest = max(table.sizeHintForColumn(column) for column in (START, END, DURATION))
    assert max(header.sectionSize(column) for column in (START, END, DURATION)) <= widest + 3


def test_after_midnight_the_current_day_moves_on_even_with_nothing_running(
    qtbot: QtBot, tracker: Tracker, clock: FakeClock, make_window: WindowFactory
) -> None:
    clock.set(at("2026-11-26T23:59:30+01:00"))
    tracker.add("Late", at("2026-11-26T22:00:00+01:00"), at("2026-11-26T23:00:00+01:00"))
    window = make_window()
    assert label_text(window, "periodTotalLabel") == "Total 1:00:00"
    assert label_text(window, "periodTitleLabel") == "Thursday, 26 November 2026"
    clock.set(at("2026-11-27T00:00:30+01:00"))
    qtbot.waitUntil(lambda: label_text(window, "periodTitleLabel") == "Friday, 27 November 2026")
    assert "Nothing tracked today" in label_text(window, "emptyStateLabel")
    assert label_text(window, "periodTotalLabel") == "Total 0:00:00"


def test_after_midnight_a_past_day_stays_and_today_is_offered(
    qtbot: QtBot, clock: FakeClock, window: MainWindow
) -> None:
    trigger(window, "actionPreviousPeriod")  # Wednesday 25
    today = child(window, QToolButton, "currentPeriodButton")
    assert today.isEnabled()
    trigger(window, "actionNextPeriod")
    assert not today.isEnabled()
    trigger(window, "actionNextPeriod")  # Friday 27, tomorrow
    assert today.isEnabled()
    clock.advance(days=1)
    qtbot.waitUntil(lambda: not today.isEnabled())  # tomorrow became today
    assert label_text(window, "periodTitleLabel") == "Friday, 27 November 2026"


def test_renaming_in_the_table_keeps_the_row_selected(
    qtbot: QtBot, tracker: Tracker, window: MainWindow
) -> None:
    tracker.add("First", at("2026-11-26T07:00:00+01:00"), at("2026-11-26T08:00:00+01:00"))
    tracker.add("Second", at("2026-11-26T08:00:00+01:00"), at("2026-11-26T09:00:00+01:00"))
    table = child(window, QTableView, "sessionsTable")
    table.selectRow(1)
    assert table.model().setData(table.model().index(1, NAME), "First, renamed")

    assert [index.row() for index in table.selectionModel().selectedRows()] == [1]
    assert table_texts(window)[1][NAME] == "First, renamed"
    assert "Renamed to “First, renamed”" in window.statusBar().currentMessage()
