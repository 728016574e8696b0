"""Desktop integration: the tray, closing and quitting, live refresh from other
processes, and sessions left running across sleep or shutdown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QSystemTrayIcon, QTableView
from pytestqt.qtbot import QtBot

from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, action, name_edit, trigger
from tracker_desktop.core.gaps import GapAnswer, GapKind, GapQuestion
from tracker_desktop.core.service import Labels, ProjectName, Tracker
from tracker_desktop.core.storage import Storage, open_storage
from tracker_desktop.ui.gap_dialog import GapDialog
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.sessions_model import NAME
from tracker_desktop.ui.tray import TrayIcon

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def tray(window: MainWindow) -> QSystemTrayIcon:
    found = window.findChild(QSystemTrayIcon, "trayIcon")
    assert found is not None
    return found


def timer(window: MainWindow, name: str) -> QTimer:
    found = window.findChild(QTimer, name)
    assert found is not None, name
    return found


def table_rows(storage: Storage) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in storage.database.execute_sql("SELECT * FROM session ORDER BY id").fetchall()
    ]


def shown_names(window: MainWindow) -> list[str]:
    model = window.findChild(QTableView, "sessionsTable").model()
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


# -- the tray -------------------------------------------------------------------------------


def test_the_tray_exists_offscreen_but_is_not_shown(window: MainWindow) -> None:
    icon = tray(window)
    assert not icon.isVisible()
    menu = icon.contextMenu()
    names = [a.objectName() for a in menu.actions()]
    assert {"actionStartStop", "actionShowWindow", "actionQuit"} <= set(names)
    assert menu.findChild(QMenu, "trayContinueMenu") is not None


def test_the_tray_menu_starts_and_stops(window: MainWindow, tracker: Tracker) -> None:
    start_stop = next(
        a for a in tray(window).contextMenu().actions() if a.objectName() == "actionStartStop"
    )
    start_stop.trigger()
    assert tracker.running() is not None
    assert start_stop.text() == "Stop"
    start_stop.trigger()
    assert tracker.running() is None


def test_continue_lists_the_five_latest_distinct_names_and_switches(
    tracker: Tracker, make_window: WindowFactory
) -> None:
    for hour, name in enumerate(["A", "B", "A", "C", "D", "E", "F", ""], start=1):
        tracker.add(name, NOW - (10 - hour) * HOUR, NOW - (10 - hour) * HOUR + 0.5 * HOUR)
    tracker.start("Running")
    window = make_window()
    menu = tray(window).contextMenu().findChild(QMenu, "trayContinueMenu")
    assert [a.text() for a in menu.actions()] == ["Running", "F", "E", "D", "C"]

    menu.actions()[2].trigger()  # "E"
    running = tracker.running()
    assert running is not None
    assert running.name == "E"
    assert name_edit(window).text() == "E"


def test_continue_entries_show_the_project_colour_and_label(
    tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.catalog.add_project("Website", "Acme", color="#e15759")
    tracker.add("Plain", NOW - 4 * HOUR, NOW - 3 * HOUR)
    tracker.add(
        "Header",
        NOW - 3 * HOUR,
        NOW - 2 * HOUR,
        Labels(ProjectName("Website", "Acme"), ("design", "ui")),
    )
    window = make_window()
    menu = tray(window).contextMenu().findChild(QMenu, "trayContinueMenu")
    header, plain = menu.actions()
    assert header.text() == "Header — Acme ▸ Website #design #ui"
    assert plain.text() == "Plain"
    dot = header.icon().pixmap(16, 16).toImage()
    assert dot.pixelColor(8, 8).name() == "#e15759"
    assert plain.icon().isNull()

    header.trigger()
    running = tracker.running()
    assert running is not None
    assert running.project is not None
    assert (running.name, running.project.label, running.tags) == (
        "Header",
        "Acme ▸ Website",
        ("design", "ui"),
    )


def test_the_tray_icon_tells_idle_from_running(window: MainWindow) -> None:
    icon = tray(window)
    icon.show_when_possible()  # what the app does after its first paint
    idle = icon.icon().pixmap(32, 32).toImage()
    assert not idle.isNull()
    trigger(window, "actionStartStop")
    running = icon.icon().pixmap(32, 32).toImage()
    assert not running.isNull()
    assert running != idle
    trigger(window, "actionStartStop")
    assert icon.icon().pixmap(32, 32).toImage() == idle


def test_the_tooltip_tells_what_runs_and_todays_total(
    qtbot: QtBot, tracker: Tracker, clock: FakeClock, make_window: WindowFactory
) -> None:
    tracker.add("Earlier today", NOW - 3 * HOUR, NOW - 2 * HOUR)
    tracker.add("Yesterday", NOW - 30 * HOUR, NOW - 29 * HOUR)
    window = make_window()
    assert tray(window).toolTip() == "Tracker Desktop — not tracking\nToday: 1:00:00"

    name_edit(window).setText("Design")
    trigger(window, "actionStartStop")
    assert tray(window).toolTip() == "Design — 0:00:00\nToday: 1:00:00"
    clock.advance(minutes=12, seconds=5)  # shown at the next tick of the running time
    qtbot.waitUntil(lambda: tray(window).toolTip() == "Design — 0:12:05\nToday: 1:12:05")


def test_clicking_the_tray_icon_shows_the_hidden_window(qtbot: QtBot, window: MainWindow) -> None:
    window.hide()
    tray(window).activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.isVisible()


def test_without_a_tray_closing_the_window_closes_it(window: MainWindow) -> None:
    assert window.close() is True
    assert not window.isVisible()


def test_with_a_tray_closing_hides_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tracker: Tracker
) -> None:
    monkeypatch.setattr(TrayIcon, "available", property(lambda self: True))
    messages: list[str] = []
    monkeypatch.setattr(
        TrayIcon, "showMessage", lambda self, title, text, *a: messages.append(text)
    )
    trigger(window, "actionStartStop")

    assert window.close() is False
    assert not window.isVisible()
    trigger(window, "actionShowWindow")
    assert window.close() is False
    assert len(messages) == 1
    assert "tray" in messages[0]
    assert tracker.running() is not None  # hiding changes nothing


# -- changes made by other processes ----------------------------------------------------------


def test_a_change_from_another_process_shows_within_two_seconds(
    qtbot: QtBot, window: MainWindow, data_dir: Path, clock: FakeClock, berlin: Any
) -> None:
    other = open_storage(data_dir)  # its own connection, as the CLI would have
    try:
        Tracker(other, clock, berlin).start("Started from a terminal")
    finally:
        other.close()
    qtbot.waitUntil(lambda: shown_names(window) == ["Started from a terminal"], timeout=2000)
    assert name_edit(window).text() == "Started from a terminal"
    assert action(window, "actionStartStop").text() == "Stop"
    assert tray(window).toolTip().startswith("Started from a terminal — ")


def test_nothing_is_reread_while_nothing_changed(
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    tracker: Tracker,
    data_dir: Path,
    clock: FakeClock,
    berlin: Any,
) -> None:
    reads: list[object] = []
    original = Tracker.period_report
    monkeypatch.setattr(
        Tracker,
        "period_report",
        lambda self, period: reads.append(period) or original(self, period),
    )
    poll = timer(window, "changePollTimer")
    for _ in range(3):
        poll.timeout.emit()
    assert reads == []

    other = open_storage(data_dir)
    try:
        Tracker(other, clock, berlin).add("Elsewhere", NOW - 2 * HOUR, NOW - HOUR)
    finally:
        other.close()
    poll.timeout.emit()
    poll.timeout.emit()
    assert len(reads) == 1
    assert shown_names(window) == ["Elsewhere"]


# -- sleep and shutdown ----------------------------------------------------------------------


class FakeGapAsk:
    def __init__(self, answer: GapAnswer | None) -> None:
        self.answer = answer
        self.questions: list[GapQuestion] = []

    def __call__(
        self, cls: type, parent: object, question: GapQuestion, zone: object, on_answer: Any
    ) -> None:
        self.questions.append(question)
        on_answer(self.answer)


def settings_for(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)


def save_setting(data_dir: Path, key: str, value: object) -> None:
    """Writes one window setting to disk, as an earlier run of the app would have."""
    settings = settings_for(data_dir)
    settings.setValue(key, value)
    settings.sync()


def answer_gaps_with(monkeypatch: pytest.MonkeyPatch, answer: GapAnswer | None) -> FakeGapAsk:
    """Every gap question is answered ``answer``; the returned fake records the questions."""
    ask = FakeGapAsk(answer)
    monkeypatch.setattr(GapDialog, "ask", classmethod(ask))
    return ask


def left_running_overnight(tracker: Tracker, data_dir: Path, clock: FakeClock) -> None:
    """Started at 06:00 UTC; the app last alive at 07:00; now it is 09:00."""
    clock.set(NOW - 3 * HOUR)
    tracker.start("Report")
    save_setting(data_dir, "app/last_alive", (NOW - 2 * HOUR).isoformat())
    clock.set(NOW)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, [("Report", NOW - 3 * HOUR, None)]),
        (GapAnswer.KEEP, [("Report", NOW - 3 * HOUR, None)]),
        (GapAnswer.STOP_AT_GAP, [("Report", NOW - 3 * HOUR, NOW - 2 * HOUR)]),
        (GapAnswer.STOP_NOW, [("Report", NOW - 3 * HOUR, NOW)]),
        (GapAnswer.SPLIT, [("Report", NOW - 3 * HOUR, NOW - 2 * HOUR), ("Report", NOW, None)]),
    ],
    ids=["no answer", "keep", "stop at gap", "stop now", "split"],
)
def test_a_session_left_running_while_the_app_was_gone_is_asked_about_once(
    monkeypatch: pytest.MonkeyPatch,
    tracker: Tracker,
    data_dir: Path,
    clock: FakeClock,
    make_window: WindowFactory,
    answer: GapAnswer | None,
    expected: list[tuple[str, datetime, datetime | None]],
) -> None:
    left_running_overnight(tracker, data_dir, clock)
    ask = answer_gaps_with(monkeypatch, answer)
    window = make_window()
    window.check_gap_since_last_run()
    window.check_gap_since_last_run()

    (question,) = ask.questions
    assert (question.gap_start, question.gap_end, question.kind) == (
        NOW - 2 * HOUR,
        NOW,
        GapKind.ABSENT,
    )
    sessions = tracker.sessions_between(NOW - 10 * HOUR, NOW + HOUR)
    assert sorted((s.name, s.start, s.end) for s in sessions) == sorted(
        expected, key=lambda e: (e[0], e[1], e[2] or NOW + HOUR)
    )


def test_a_short_absence_asks_nothing(
    monkeypatch: pytest.MonkeyPatch,
    tracker: Tracker,
    data_dir: Path,
    clock: FakeClock,
    make_window: WindowFactory,
) -> None:
    clock.set(NOW - 3 * HOUR)
    tracker.start("Report")
    save_setting(data_dir, "app/last_alive", (NOW - timedelta(minutes=20)).isoformat())
    clock.set(NOW)
    ask = answer_gaps_with(monkeypatch, GapAnswer.STOP_NOW)
    make_window().check_gap_since_last_run()
    assert ask.questions == []


def test_the_threshold_is_configurable(
    monkeypatch: pytest.MonkeyPatch,
    tracker: Tracker,
    data_dir: Path,
    clock: FakeClock,
    make_window: WindowFactory,
) -> None:
    left_running_overnight(tracker, data_dir, clock)
    save_setting(data_dir, "gaps/threshold_minutes", 180)
    ask = answer_gaps_with(monkeypatch, None)
    make_window().check_gap_since_last_run()
    assert ask.questions == []


def test_a_clock_jump_while_running_is_a_sleep_gap_split_on_request(
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    tracker: Tracker,
    storage: Storage,
    clock: FakeClock,
) -> None:
    ask = answer_gaps_with(monkeypatch, GapAnswer.SPLIT)
    name_edit(window).setText("Coding")
    trigger(window, "actionStartStop")
    alive = timer(window, "aliveTimer")
    clock.advance(seconds=5)
    alive.timeout.emit()
    assert ask.questions == []
    clock.advance(minutes=45)  # the lid was closed
    alive.timeout.emit()
    alive.timeout.emit()

    (question,) = ask.questions
    assert question.kind is GapKind.SLEEP
    assert (question.gap_start, question.gap_end) == (NOW + timedelta(seconds=5), clock.now())
    sessions = sorted(tracker.sessions_between(NOW - HOUR, NOW + 2 * HOUR), key=lambda s: s.id)
    assert [(s.name, s.start, s.end) for s in sessions] == [
        ("Coding", NOW, NOW + timedelta(seconds=5)),
        ("Coding", clock.now(), None),
    ]
    before_undo = table_rows(storage)
    trigger(window, "actionUndo")  # the answer is undoable
    assert table_rows(storage) != before_undo
    assert [row[3] for row in table_rows(storage)] == [None]


def test_the_heartbeat_is_written_at_most_once_a_minute(
    window: MainWindow, data_dir: Path, clock: FakeClock
) -> None:
    alive = timer(window, "aliveTimer")

    def last_alive() -> str:
        return str(settings_for(data_dir).value("app/last_alive"))

    first = last_alive()
    assert first == NOW.isoformat()
    clock.advance(seconds=30)
    alive.timeout.emit()
    assert last_alive() == first
    clock.advance(seconds=31)
    alive.timeout.emit()
    assert last_alive() == clock.now().isoformat()


def test_the_gap_dialog_answers_with_the_button_pressed_or_nothing(
    qtbot: QtBot, tracker: Tracker
) -> None:
    session = tracker.start("Report").started
    question = GapQuestion(session, NOW, NOW + 2 * HOUR, GapKind.SLEEP)
    answers: list[GapAnswer | None] = []
    GapDialog.ask(None, question, tracker.zone, answers.append)
    dialog = next(w for w in qtbot_top_levels() if isinstance(w, GapDialog))
    qtbot.addWidget(dialog)
    dialog.findChild(QPushButton, "gapAnswer-split").click()
    assert answers == [GapAnswer.SPLIT]

    GapDialog.ask(None, question, tracker.zone, answers.append)
    dialog = next(w for w in qtbot_top_levels() if isinstance(w, GapDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    dialog.reject()
    assert answers == [GapAnswer.SPLIT, None]


def qtbot_top_levels() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())


def test_window_actions_exist_for_the_tray(window: MainWindow) -> None:
    assert isinstance(action(window, "actionShowWindow"), QAction)
