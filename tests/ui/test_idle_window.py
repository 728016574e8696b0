"""Time away and reminders in the window (issue 16), with a stand-in idle source on the
test clock: the question on return with the right times, each answer one undo step, a
question that grows or is dropped, a hidden window's notification, suspend and idle as
one question, Preferences, and reminders with a Start action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, child, name_edit, trigger
from tracker_desktop.core.idle import IdleReading
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui import idle_watcher
from tracker_desktop.ui.gap_dialog import GapDialog
from tracker_desktop.ui.idle_sources import DesktopIdle
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.notifications import Notifier

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
MINUTE = timedelta(minutes=1)


class FakeIdle:
    """The desktop's idle counter on the test clock; ``touch`` is the user's input."""

    description = "a stand-in desktop"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.last_input = clock.now()
        self.locked = False

    def read(self) -> IdleReading:
        return IdleReading(self.clock.now() - self.last_input, self.locked)

    def touch(self) -> datetime:
        self.last_input = self.clock.now()
        return self.last_input

    def close(self) -> None:
        """Nothing held."""


Notes = list[tuple[str, str, str, Callable[[], None]]]


@pytest.fixture
def idle(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> FakeIdle:
    fake = FakeIdle(clock)
    monkeypatch.setattr(
        idle_watcher, "open_desktop_idle", lambda platform, parent: DesktopIdle(fake)
    )
    return fake


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> Notes:
    """Every notification shown: title, text, action and what the action does."""
    shown: Notes = []

    def record(self: Notifier, title: str, text: str, action: str, run: Callable[[], None]) -> None:
        shown.append((title, text, action, run))

    monkeypatch.setattr(Notifier, "notify", record)
    return shown


def idle_timer(window: MainWindow) -> QTimer:
    found = window.findChild(QTimer, "idleTimer")
    assert found is not None
    return found


def pass_time(window: MainWindow, clock: FakeClock, span: timedelta, *, working: bool) -> None:
    """Lets ``span`` pass, the idle timer firing when it is due (the user giving input
    before each check when ``working``)."""
    end = clock.now() + span
    timer = idle_timer(window)
    while timer.isActive() and clock.now() + timedelta(milliseconds=timer.interval()) <= end:
        clock.advance(milliseconds=timer.interval())
        if working:
            window_idle(window).touch()
        timer.timeout.emit()
    clock.set(end)


def window_idle(window: MainWindow) -> FakeIdle:
    assert window.idle is not None
    source = window.idle.desktop.source
    assert isinstance(source, FakeIdle)
    return source


def start(window: MainWindow, name: str) -> None:
    name_edit(window).setText(name)
    trigger(window, "actionStartStop")


def come_back(window: MainWindow, idle: FakeIdle, clock: FakeClock) -> datetime:
    """The mouse moves; the check due next (at most a second later while away, at once
    after a sleep) sees it. Returns the moment of return as stored (whole seconds)."""
    returned = idle.touch()
    clock.advance(seconds=0.5)
    idle_timer(window).timeout.emit()
    return returned.replace(microsecond=0)


def question(window: MainWindow) -> GapDialog:
    dialogs = [d for d in window.findChildren(GapDialog) if d.isVisible()]
    assert len(dialogs) == 1, f"{len(dialogs)} questions shown"
    return dialogs[0]


def question_text(window: MainWindow) -> str:
    return str(child(question(window), QLabel, "gapText").text())


def spans(tracker: Tracker) -> list[tuple[str, datetime, datetime | None]]:
    sessions = tracker.sessions_between(NOW - MINUTE, NOW + 5 * 60 * MINUTE)
    return sorted((s.name, s.start, s.end) for s in sessions)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("split", [(NOW, NOW + 3 * MINUTE), (NOW + 33 * MINUTE, None)]),
        ("stop_at_gap", [(NOW, NOW + 3 * MINUTE)]),
        ("stop_now", [(NOW, NOW + 35 * MINUTE)]),  # two minutes after the return
        ("keep", [(NOW, None)]),
    ],
)
def test_coming_back_asks_with_the_right_times_and_each_answer_undoes_in_one_step(
    idle: FakeIdle,
    make_window: WindowFactory,
    tracker: Tracker,
    clock: FakeClock,
    answer: str,
    expected: list[tuple[datetime, datetime | None]],
) -> None:
    window = make_window()
    start(window, "Coding")
    pass_time(window, clock, 3 * MINUTE, working=True)
    pass_time(window, clock, 30 * MINUTE, working=False)
    assert not [d for d in window.findChildren(GapDialog) if d.isVisible()]  # away: silence
    come_back(window, idle, clock)

    assert question_text(window) == (
        "“Coding” kept running while you were away (no keyboard or mouse input, or the "
        "screen locked), from 10:03:00 to 10:33:00 (0:30:00).\n\nWhat should happen to that time?"
    )
    assert not question(window).isModal()  # nothing is blocked while it waits
    clock.set(NOW + 35 * MINUTE)  # the answer comes later: the split resumes at 10:33
    undo_steps = window.undo_history.count()
    child(question(window), QPushButton, f"gapAnswer-{answer}").click()
    assert [(s, e) for _, s, e in spans(tracker)] == expected

    assert window.undo_history.count() == undo_steps + (answer != "keep")
    if answer != "keep":
        trigger(window, "actionUndo")  # one step takes the whole answer back
    assert spans(tracker) == [("Coding", NOW, None)]


def test_a_question_about_a_session_stopped_meanwhile_is_dropped(
    idle: FakeIdle, make_window: WindowFactory, tracker: Tracker, clock: FakeClock, qtbot: QtBot
) -> None:
    window = make_window()
    start(window, "Coding")
    pass_time(window, clock, 20 * MINUTE, working=False)
    come_back(window, idle, clock)
    dialog = question(window)
    trigger(window, "actionStartStop")  # stopped in the window instead of answering
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert spans(tracker) == [("Coding", NOW, tracker.now())]


def test_an_unanswered_question_grows_when_the_user_leaves_again(
    idle: FakeIdle, make_window: WindowFactory, tracker: Tracker, clock: FakeClock
) -> None:
    window = make_window()
    start(window, "Coding")
    pass_time(window, clock, 20 * MINUTE, working=False)
    come_back(window, idle, clock)
    first = question(window)
    pass_time(window, clock, MINUTE, working=True)
    pass_time(window, clock, 15 * MINUTE, working=False)
    returned = come_back(window, idle, clock)

    assert question(window) is first  # the same question, now covering both absences
    assert "from 10:00:00 to 10:36:00" in question_text(window)
    assert "you were back briefly in between" in question_text(window)
    child(first, QPushButton, "gapAnswer-split").click()
    assert spans(tracker) == [("Coding", NOW, NOW), ("Coding", returned, None)]


def test_while_hidden_a_notification_says_so_and_the_question_waits_for_the_window(
    idle: FakeIdle, make_window: WindowFactory, clock: FakeClock, notes: Notes, qtbot: QtBot
) -> None:
    window = make_window()
    start(window, "Coding")
    window.hide()  # in the tray
    pass_time(window, clock, 20 * MINUTE, working=False)
    come_back(window, idle, clock)

    assert not window.findChildren(GapDialog)
    ((title, text, action, show),) = notes
    assert (title, action) == ("“Coding” kept running", "Show")
    assert text.startswith("Away 10:00–10:20.")
    show()  # the notification's action: the window's Show
    qtbot.waitUntil(lambda: bool([d for d in window.findChildren(GapDialog) if d.isVisible()]))
    assert window.isVisible()
    assert "from 10:00:00 to 10:20:00" in question_text(window)


def test_suspend_and_idle_make_one_question_starting_at_whichever_came_first(
    idle: FakeIdle, make_window: WindowFactory, tracker: Tracker, clock: FakeClock
) -> None:
    window = make_window()
    start(window, "Coding")
    alive = window.findChild(QTimer, "aliveTimer")
    assert alive is not None
    pass_time(window, clock, 3 * MINUTE, working=False)  # idle from 10:00, then asleep
    alive.timeout.emit()
    clock.advance(minutes=45)
    alive.timeout.emit()  # the clock jumped: a sleep question, 10:03 to 10:48
    assert "asleep, from 10:03:00 to 10:48:00" in question_text(window)
    returned = come_back(window, idle, clock)

    assert "away" in question_text(window)
    assert "from 10:00:00 to 10:48:00" in question_text(window)  # one question, from the idle start
    child(question(window), QPushButton, "gapAnswer-split").click()
    assert spans(tracker) == [("Coding", NOW, NOW), ("Coding", returned, None)]


def open_idle_preferences(window: MainWindow) -> QWidget:
    trigger(window, "actionPreferences")
    return child(window, QWidget, "idlePreferences")


def test_preferences_turn_idle_detection_off_and_set_the_threshold_in_minutes(
    idle: FakeIdle, make_window: WindowFactory, data_dir: Path, clock: FakeClock
) -> None:
    window = make_window()
    section = open_idle_preferences(window)
    assert child(section, QLabel, "idleSourceLabel").text() == (
        "Time away is told by a stand-in desktop."
    )
    spin = child(section, QSpinBox, "idleThresholdSpin")
    assert spin.value() == 10
    spin.setValue(25)
    saved = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    assert saved.value("idle/threshold_seconds") in (1500, "1500")
    assert idle_timer(window).isActive()

    child(section, QCheckBox, "idleEnabledCheck").setChecked(False)
    saved.sync()
    assert saved.value("idle/enabled") in (False, "false")
    assert not idle_timer(window).isActive()  # nothing is read while it is off
    assert not spin.isEnabled()


def test_preferences_say_plainly_when_this_desktop_cannot_tell(
    monkeypatch: pytest.MonkeyPatch, make_window: WindowFactory
) -> None:
    monkeypatch.setattr(
        idle_watcher, "open_desktop_idle", lambda platform, parent: DesktopIdle(None)
    )
    window = make_window()
    label = child(open_idle_preferences(window), QLabel, "idleSourceLabel")
    assert label.text() == (
        "This desktop tells apps neither how long you have been away nor when the screen "
        "locks, so time away cannot be noticed here."
    )
    assert not idle_timer(window).isActive()


def test_a_reminder_comes_after_n_minutes_of_work_without_a_session_and_start_starts(
    idle: FakeIdle, make_window: WindowFactory, tracker: Tracker, clock: FakeClock, notes: Notes
) -> None:
    window = make_window()
    section = open_idle_preferences(window)
    child(section, QCheckBox, "remindersCheck").setChecked(True)  # 15 min, Mon-Fri 9-18
    child(section, QSpinBox, "reminderMinutesSpin").setValue(20)
    pass_time(window, clock, 19 * MINUTE, working=True)
    assert notes == []
    pass_time(window, clock, 2 * MINUTE, working=True)

    ((title, text, action, run),) = notes
    assert (title, action) == ("Not tracking — start?", "Start")
    assert "20 minutes" in text
    run()
    assert tracker.running() is not None
    pass_time(window, clock, 30 * MINUTE, working=True)
    assert len(notes) == 1  # tracking now: no more reminders
