"""The service: starting, stopping, switching, renaming and finding sessions in SQLite."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from tracker_desktop.core.errors import ConflictError, InvalidInputError, NotFoundError
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.periods import PeriodKind, period_containing
from tracker_desktop.core.service import Session, Tracker
from tracker_desktop.core.storage import Storage, open_storage

if TYPE_CHECKING:
    from tests.support import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # the `clock` fixture's start: 10:00 Berlin
HOUR = timedelta(hours=1)

Row = tuple[int, str, int, int | None, int, int]


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def rows(storage: Storage) -> list[Row]:
    """Every session row exactly as stored, oldest id first."""
    cursor = storage.database.execute_sql(
        "SELECT id, name, started_at, ended_at, created_at, updated_at FROM session ORDER BY id"
    )
    return [tuple(row) for row in cursor.fetchall()]


def finished(tracker: Tracker, start: datetime, end: datetime, name: str = "") -> Session:
    tracker.start(name, start)
    return tracker.stop(end)


# -- start ------------------------------------------------------------------------------


def test_start_creates_a_running_session_now(tracker: Tracker, storage: Storage) -> None:
    switch = tracker.start("  Design \n review ")
    assert switch.stopped is None
    session = switch.started
    assert session.name == "Design review"
    assert session.start == NOW
    assert session.end is None
    assert session.running
    assert tracker.running() == session
    now = int(NOW.timestamp())
    assert rows(storage) == [(session.id, "Design review", now, None, now, now)]


def test_start_stores_whole_seconds(tracker: Tracker, clock: FakeClock) -> None:
    clock.set(utc(2026, 11, 26, 9, 0, 5).replace(microsecond=999_999))
    session = tracker.start("x").started
    assert session.start == utc(2026, 11, 26, 9, 0, 5)
    assert tracker.running() == session


def test_start_at_a_past_time(tracker: Tracker) -> None:
    at = utc(2026, 11, 26, 7, 15, 30)
    session = tracker.start("Earlier", at).started
    assert session.start == at
    assert session.duration(tracker.now()) == timedelta(hours=1, minutes=44, seconds=30)


def test_start_in_the_future_is_refused_and_creates_nothing(
    tracker: Tracker, storage: Storage
) -> None:
    with pytest.raises(InvalidInputError, match="future"):
        tracker.start("Later", NOW + timedelta(seconds=1))
    assert tracker.running() is None
    assert rows(storage) == []


def test_start_with_a_too_long_name_is_refused_and_creates_nothing(
    tracker: Tracker, storage: Storage
) -> None:
    with pytest.raises(InvalidInputError, match="name"):
        tracker.start("x" * 501)
    assert rows(storage) == []


def test_start_accepts_500_characters_of_any_script(tracker: Tracker) -> None:
    name = "👩\u200d💻" * 166 + "ab"  # 500 code points with joiners
    assert tracker.start(name).started.name == name
    running = tracker.running()
    assert running is not None
    assert running.name == name


# -- switch -----------------------------------------------------------------------------


def test_start_while_running_switches_at_the_same_instant(
    tracker: Tracker, clock: FakeClock, storage: Storage
) -> None:
    first = tracker.start("First").started
    clock.advance(minutes=90)
    switch = tracker.start("Second")
    assert switch.stopped is not None
    assert switch.stopped.id == first.id
    assert switch.stopped.end == switch.started.start == NOW + 90 * timedelta(minutes=1)
    assert tracker.running() == switch.started
    assert tracker.get(first.id).end == switch.started.start
    stored = rows(storage)
    assert len(stored) == 2
    assert stored[0][3] == stored[1][2]  # old ended_at == new started_at
    assert stored[1][3] is None


def test_switch_at_a_past_time_stops_the_old_one_then(tracker: Tracker) -> None:
    first = tracker.start("First", utc(2026, 11, 26, 6, 0)).started
    at = utc(2026, 11, 26, 8, 0)
    switch = tracker.start("Second", at)
    assert switch.stopped == Session(first.id, "First", first.start, at)
    assert switch.started.start == at


def test_switch_before_the_running_start_is_refused_and_changes_nothing(
    tracker: Tracker, storage: Storage
) -> None:
    tracker.start("First", utc(2026, 11, 26, 8, 0))
    before = rows(storage)
    with pytest.raises(InvalidInputError, match="before"):
        tracker.start("Second", utc(2026, 11, 26, 7, 59, 59))
    assert rows(storage) == before


def test_switch_is_one_transaction(tracker: Tracker, storage: Storage) -> None:
    # Make the insert of the new session fail after the old one was (to be) stopped.
    first = tracker.start("First", utc(2026, 11, 26, 8, 0)).started
    before = rows(storage)
    storage.database.execute_sql(
        "CREATE TRIGGER refuse_insert BEFORE INSERT ON session "
        "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
    )
    with pytest.raises(ConflictError, match="refused by test"):
        tracker.start("Second")
    assert rows(storage) == before
    assert tracker.running() == first


def test_switch_at_the_same_second_gives_a_zero_length_session(tracker: Tracker) -> None:
    first = tracker.start("First").started
    switch = tracker.start("Second")
    assert switch.stopped is not None
    assert switch.stopped.duration(tracker.now()) == timedelta(0)
    assert tracker.get(first.id).end == NOW


class _RacingClock:
    """A clock read by a command while another process writes: each reading taken
    outside a write transaction lets that process start a session a second later."""

    def __init__(self, mine: Storage, other: Tracker, clock: FakeClock) -> None:
        # ``other`` shares the clock, not this wrapper: its writes are not racing.
        self.mine, self.other, self.clock = mine, other, clock

    def now(self) -> datetime:
        reading = self.clock.now()
        if not self.mine.database.in_transaction():
            # The other process writes a second later, before this one gets the lock.
            self.clock.advance(seconds=1)
            self.other.start("Other process")
        return reading


@pytest.mark.parametrize("command", ["start", "stop", "toggle"])
def test_a_command_that_waited_for_another_write_acts_after_it(
    command: str, tracker: Tracker, clock: FakeClock, berlin: ZoneInfo
) -> None:
    # Six `start`s at once failed with "start time 21:50 is before the running
    # session's start (21:50)": each read "now" before waiting for the write lock.
    tracker.start("Mine")
    racing = Tracker(tracker.storage, _RacingClock(tracker.storage, tracker, clock), berlin)
    if command == "start":
        assert racing.start("Late").started.start == clock.now()
    elif command == "stop":
        assert racing.stop().end == clock.now()
    else:
        stopped, _ = racing.toggle()
        assert stopped is not None
        assert stopped.end == clock.now()
    assert all(row[3] is None or row[3] >= row[2] for row in rows(tracker.storage))


# -- stop -------------------------------------------------------------------------------


def test_stop_saves_the_running_session(tracker: Tracker, clock: FakeClock) -> None:
    started = tracker.start("Work").started
    clock.advance(hours=1, minutes=30, seconds=15)
    stopped = tracker.stop()
    assert stopped == Session(started.id, "Work", NOW, NOW + timedelta(hours=1.5, seconds=15))
    assert tracker.running() is None
    assert tracker.get(started.id) == stopped
    clock.advance(hours=5)
    assert stopped.duration(tracker.now()) == timedelta(hours=1, minutes=30, seconds=15)


def test_stop_at_a_past_time(tracker: Tracker) -> None:
    tracker.start("Work", utc(2026, 11, 26, 6, 0))
    stopped = tracker.stop(utc(2026, 11, 26, 8, 30))
    assert stopped.end == utc(2026, 11, 26, 8, 30)
    assert stopped.duration(tracker.now()) == 2.5 * HOUR


def test_stop_with_nothing_running_is_not_found(tracker: Tracker) -> None:
    with pytest.raises(NotFoundError, match="no session is running"):
        tracker.stop()


def test_stop_after_stop_is_not_found(tracker: Tracker) -> None:
    tracker.start("Work")
    tracker.stop()
    with pytest.raises(NotFoundError):
        tracker.stop()


def test_stop_before_start_is_refused_and_changes_nothing(
    tracker: Tracker, storage: Storage
) -> None:
    started = tracker.start("Work", utc(2026, 11, 26, 8, 0)).started
    before = rows(storage)
    with pytest.raises(InvalidInputError, match="before"):
        tracker.stop(utc(2026, 11, 26, 7, 59))
    assert rows(storage) == before
    assert tracker.running() == started


def test_stop_in_the_future_is_refused_and_changes_nothing(
    tracker: Tracker, storage: Storage
) -> None:
    started = tracker.start("Work").started
    before = rows(storage)
    with pytest.raises(InvalidInputError, match="future"):
        tracker.stop(NOW + timedelta(minutes=1))
    assert rows(storage) == before
    assert tracker.running() == started


def test_zero_length_stop_is_allowed_and_kept(tracker: Tracker) -> None:
    started = tracker.start("Blink").started
    stopped = tracker.stop()
    assert stopped.start == stopped.end == NOW
    assert stopped.duration(NOW) == timedelta(0)
    assert tracker.get(started.id) == stopped
    assert stopped in tracker.report(PeriodKind.DAY, date(2026, 11, 26)).sessions


def test_naive_datetimes_are_a_programming_error(tracker: Tracker) -> None:
    with pytest.raises(ValueError, match="naive"):
        tracker.start("x", datetime(2026, 11, 26, 8, 0))


# -- discard ----------------------------------------------------------------------------


def test_discard_deletes_the_running_session(
    tracker: Tracker, storage: Storage, clock: FakeClock
) -> None:
    kept = finished(tracker, utc(2026, 11, 26, 6, 0), utc(2026, 11, 26, 7, 0), "Kept")
    running = tracker.start("Oops").started
    clock.advance(minutes=10)
    discarded = tracker.discard()
    assert discarded == running
    assert tracker.running() is None
    assert [row[0] for row in rows(storage)] == [kept.id]
    assert tracker.report(PeriodKind.DAY, date(2026, 11, 26)).sessions == (kept,)
    with pytest.raises(NotFoundError):
        tracker.get(running.id)


def test_discard_with_nothing_running_is_not_found(tracker: Tracker) -> None:
    finished(tracker, utc(2026, 11, 26, 6, 0), utc(2026, 11, 26, 7, 0))
    with pytest.raises(NotFoundError):
        tracker.discard()


# -- rename -----------------------------------------------------------------------------


def test_rename_the_running_session(tracker: Tracker, clock: FakeClock, storage: Storage) -> None:
    started = tracker.start("Draft").started
    clock.advance(minutes=5)
    renamed = tracker.rename("  Final\tversion ")
    assert renamed == Session(started.id, "Final version", started.start, None)
    assert tracker.running() == renamed
    assert rows(storage)[0][5] == int((NOW + timedelta(minutes=5)).timestamp())  # updated_at


def test_rename_by_id(tracker: Tracker) -> None:
    old = finished(tracker, utc(2026, 11, 25, 8, 0), utc(2026, 11, 25, 9, 0), "Old")
    running = tracker.start("Current").started
    renamed = tracker.rename("Older", old.id)
    assert renamed == Session(old.id, "Older", old.start, old.end)
    assert tracker.get(old.id).name == "Older"
    assert tracker.running() == running


def test_rename_to_empty_is_allowed(tracker: Tracker) -> None:
    tracker.start("Something")
    assert tracker.rename(" \n ").name == ""


def test_rename_unknown_id_is_not_found(tracker: Tracker, storage: Storage) -> None:
    tracker.start("Current")
    before = rows(storage)
    with pytest.raises(NotFoundError, match="42"):
        tracker.rename("New", 42)
    assert rows(storage) == before


def test_rename_with_nothing_running_is_not_found(tracker: Tracker) -> None:
    with pytest.raises(NotFoundError):
        tracker.rename("New")


def test_rename_too_long_is_refused_and_keeps_the_name(tracker: Tracker) -> None:
    tracker.start("Keep me")
    with pytest.raises(InvalidInputError):
        tracker.rename("y" * 501)
    running = tracker.running()
    assert running is not None
    assert running.name == "Keep me"


def test_get_unknown_id_is_not_found(tracker: Tracker) -> None:
    with pytest.raises(NotFoundError, match="no session with id 7"):
        tracker.get(7)


# -- recent names -----------------------------------------------------------------------


def test_recent_names_are_distinct_newest_first_without_empty(tracker: Tracker) -> None:
    for hour, name in [(1, "A"), (2, "B"), (3, ""), (4, "A"), (5, "C"), (6, "B")]:
        finished(tracker, utc(2026, 11, 25, hour, 0), utc(2026, 11, 25, hour, 30), name)
    assert tracker.recent_names() == ["B", "C", "A"]
    assert tracker.recent_names(limit=2) == ["B", "C"]


def test_recent_names_follow_start_time_not_insertion_order(tracker: Tracker) -> None:
    finished(tracker, utc(2026, 11, 25, 10, 0), utc(2026, 11, 25, 11, 0), "Late")
    finished(tracker, utc(2026, 11, 24, 10, 0), utc(2026, 11, 24, 11, 0), "Early")
    tracker.start("Running", utc(2026, 11, 26, 8, 0))
    assert tracker.recent_names() == ["Running", "Late", "Early"]


def test_recent_names_empty_database(tracker: Tracker) -> None:
    assert tracker.recent_names() == []


# -- sessions between -------------------------------------------------------------------


def day_bounds(day: date) -> tuple[datetime, datetime]:
    period = period_containing(PeriodKind.DAY, day, BERLIN)
    return period.start, period.end


def test_running_session_started_long_before_the_period_is_included(
    tracker: Tracker,
) -> None:
    # Only short finished sessions exist, so the lookback alone would not reach it.
    finished(tracker, utc(2026, 9, 1, 8, 0), utc(2026, 9, 1, 8, 5), "Short")
    running = tracker.start("Marathon", utc(2026, 9, 2, 8, 0)).started
    start, end = day_bounds(date(2026, 11, 26))
    assert tracker.sessions_between(start, end) == [running]
    report = tracker.report(PeriodKind.DAY, date(2026, 11, 26))
    assert report.sessions == (running,)
    assert report.total == 10 * HOUR  # Berlin midnight (23:00 UTC) to now


def test_long_session_that_started_weeks_before_is_included(tracker: Tracker) -> None:
    long = finished(tracker, utc(2026, 10, 1, 8, 0), utc(2026, 11, 26, 0, 30), "Long")
    short = finished(tracker, utc(2026, 11, 26, 1, 0), utc(2026, 11, 26, 2, 0), "Short")
    start, end = day_bounds(date(2026, 11, 26))
    assert tracker.sessions_between(start, end) == [short, long]
    # 1.5 h of the long one (from midnight, 23:00 UTC) and the short one.
    assert tracker.report(PeriodKind.DAY, date(2026, 11, 26)).total == 2.5 * HOUR
    # And in a week in the middle of it, where it is the only session.
    week = tracker.report(PeriodKind.WEEK, date(2026, 10, 21))
    assert week.sessions == (long,)
    assert week.total == week.period.end - week.period.start


def test_lookback_follows_sessions_lengthened_behind_the_services_back(
    tracker: Tracker, storage: Storage
) -> None:
    session = finished(tracker, utc(2026, 11, 26, 6, 0), utc(2026, 11, 26, 7, 0))
    # Another writer moves its start three weeks back.
    storage.database.execute_sql(
        "UPDATE session SET started_at = ? WHERE id = ?",
        (int(utc(2026, 11, 5, 6, 0).timestamp()), session.id),
    )
    start, end = day_bounds(date(2026, 11, 15))
    assert [s.id for s in tracker.sessions_between(start, end)] == [session.id]


def test_sessions_entirely_outside_are_excluded(tracker: Tracker) -> None:
    start, end = day_bounds(date(2026, 11, 25))  # 24 Nov 23:00 UTC to 25 Nov 23:00 UTC
    finished(tracker, utc(2026, 11, 24, 10, 0), utc(2026, 11, 24, 11, 0), "day before")
    finished(tracker, utc(2026, 11, 24, 22, 0), start, "ends at the start")
    inside = finished(tracker, utc(2026, 11, 25, 10, 0), utc(2026, 11, 25, 11, 0), "inside")
    finished(tracker, end, utc(2026, 11, 25, 23, 30), "starts at the end")
    finished(tracker, end, end, "zero length at the end")
    finished(tracker, utc(2026, 11, 26, 1, 0), utc(2026, 11, 26, 2, 0), "day after")
    assert tracker.sessions_between(start, end) == [inside]
    assert tracker.report(PeriodKind.DAY, date(2026, 11, 25)).total == HOUR


def test_zero_length_session_at_the_exact_period_start_is_included(tracker: Tracker) -> None:
    start, end = day_bounds(date(2026, 11, 25))
    blink = finished(tracker, start, start, "blink")
    assert tracker.sessions_between(start, end) == [blink]
    previous_start, _ = day_bounds(date(2026, 11, 24))
    assert tracker.sessions_between(previous_start, start) == []


def test_sessions_between_is_newest_first(tracker: Tracker) -> None:
    a = finished(tracker, utc(2026, 11, 25, 12, 0), utc(2026, 11, 25, 13, 0), "a")
    b = finished(tracker, utc(2026, 11, 25, 8, 0), utc(2026, 11, 25, 9, 0), "b")
    c = finished(tracker, utc(2026, 11, 25, 10, 0), utc(2026, 11, 25, 10, 0), "c")
    d = tracker.start("d", utc(2026, 11, 25, 14, 0)).started
    start, end = day_bounds(date(2026, 11, 25))
    assert tracker.sessions_between(start, end) == [d, a, c, b]


def test_overlapping_session_starting_before_the_period_is_included(tracker: Tracker) -> None:
    start, end = day_bounds(date(2026, 11, 25))
    night = finished(tracker, start - 2 * HOUR, start + 2 * HOUR, "night")
    assert tracker.sessions_between(start, end) == [night]
    assert tracker.report(PeriodKind.DAY, date(2026, 11, 25)).total == 2 * HOUR


# -- the database's own rules ------------------------------------------------------------


def insert(storage: Storage, started: int, ended: int | None, name: str = "raw") -> None:
    """A row written by another program, straight into the file (not through the app)."""
    connection = sqlite3.connect(storage.path, isolation_level=None)
    try:
        connection.execute(
            "INSERT INTO session (name, started_at, ended_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (name, started, ended, started, started),
        )
    finally:
        connection.close()


def test_database_refuses_a_second_running_session(tracker: Tracker, storage: Storage) -> None:
    tracker.start("Running")
    before = rows(storage)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        insert(storage, int(NOW.timestamp()) - 60, None)
    assert rows(storage) == before


def test_database_refuses_a_second_running_session_even_without_the_service(
    storage: Storage,
) -> None:
    insert(storage, 1_700_000_000, None)
    insert(storage, 1_700_000_100, 1_700_000_200)  # finished ones are fine
    with pytest.raises(sqlite3.IntegrityError):
        insert(storage, 1_700_000_300, None)
    assert len(rows(storage)) == 2


def test_database_refuses_an_end_before_the_start(storage: Storage) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        insert(storage, 1_700_000_000, 1_699_999_999)
    insert(storage, 1_700_000_000, None)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        sqlite3.connect(storage.path).execute("UPDATE session SET ended_at = started_at - 1")
    assert rows(storage)[0][3] is None


def test_database_refuses_names_over_500_characters(storage: Storage) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        insert(storage, 1_700_000_000, 1_700_000_001, "z" * 501)
    assert rows(storage) == []


# -- durability ---------------------------------------------------------------------------


def test_running_session_survives_reopening(
    tracker: Tracker, storage: Storage, data_dir: Path, clock: FakeClock
) -> None:
    started = tracker.start("Persist 👩\u200d💻", utc(2026, 11, 26, 7, 12, 34)).started
    storage.close()
    reopened = open_storage(data_dir)
    try:
        clock.advance(hours=3)
        again = Tracker(reopened, clock, BERLIN)
        running = again.running()
        assert running == started
        assert running is not None
        assert running.duration(again.now()) == timedelta(hours=4, minutes=47, seconds=26)
    finally:
        reopened.close()


def test_committed_changes_are_visible_to_another_connection_at_once(
    tracker: Tracker, data_dir: Path
) -> None:
    session = finished(tracker, utc(2026, 11, 26, 6, 0), utc(2026, 11, 26, 7, 0), "Done")
    running = tracker.start("Now").started
    other = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        seen = other.execute("SELECT id, name, started_at, ended_at FROM session").fetchall()
    finally:
        other.close()
    assert sorted(seen) == [
        (
            session.id,
            "Done",
            int(utc(2026, 11, 26, 6).timestamp()),
            int(utc(2026, 11, 26, 7).timestamp()),
        ),
        (running.id, "Now", int(NOW.timestamp()), None),
    ]


def test_running_session_is_not_listed_in_a_period_after_now(tracker: Tracker) -> None:
    # Now is Thu 26 Nov 10:00 Berlin: the running session cannot overlap Friday yet.
    tracker.start("Running", utc(2026, 11, 26, 7, 0))
    friday = tracker.report(PeriodKind.DAY, date(2026, 11, 27))
    assert friday.sessions == ()
    assert friday.total == timedelta(0)
    next_week = tracker.report(PeriodKind.WEEK, date(2026, 12, 1))
    assert next_week.sessions == ()


def test_running_session_from_long_ago_is_ordered_by_its_start(tracker: Tracker) -> None:
    # A finished session today, then a session started (after the fact) days earlier.
    today = finished(tracker, utc(2026, 11, 26, 6, 0), utc(2026, 11, 26, 7, 0), "Today")
    old = tracker.start("Since Monday", utc(2026, 11, 23, 8, 0)).started
    start, end = day_bounds(date(2026, 11, 26))
    # Newest first means by start, as for finished sessions, whatever the lookback.
    assert tracker.sessions_between(start, end) == [today, old]
