"""Correcting history: add, edit, delete, continue, and exact undo/redo of every change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.support import FakeClock
from tracker_desktop.core.errors import ConflictError, InvalidInputError, NotFoundError
from tracker_desktop.core.history import Change
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)

Table = list[tuple[object, ...]]


def table(storage: Storage) -> Table:
    """The full session table (every column), plus the stored "longest session" bound."""
    rows = storage.database.execute_sql("SELECT * FROM session ORDER BY id").fetchall()
    return [tuple(row) for row in rows]


@pytest.fixture
def changes(tracker: Tracker) -> list[Change]:
    recorded: list[Change] = []
    tracker.changes.add(recorded.append)
    return recorded


def seed(tracker: Tracker) -> None:
    """Two finished sessions and one running, made before recording starts."""
    tracker.add("Morning", NOW - 5 * HOUR, NOW - 4 * HOUR)
    tracker.add("Late", NOW - 3 * HOUR, NOW - 2 * HOUR)
    tracker.start("Now", NOW - HOUR)


OPERATIONS: dict[str, Callable[[Tracker], object]] = {
    "start (switch)": lambda t: t.start("Next"),
    "stop": lambda t: t.stop(),
    "discard": lambda t: t.discard(),
    "rename running": lambda t: t.rename("Renamed"),
    "rename by id": lambda t: t.rename("Renamed", 1),
    "add": lambda t: t.add("Forgotten", NOW - 8 * HOUR, NOW - 7 * HOUR),
    "edit times": lambda t: t.edit(2, start=NOW - 3.5 * HOUR, end=NOW - 1.5 * HOUR),
    "edit stops the running one": lambda t: t.edit(3, end=NOW - 0.5 * HOUR),
    "delete several": lambda t: t.delete([1, 2]),
    "delete the running one": lambda t: t.delete([3]),
    "continue": lambda t: t.continue_session(1),
}


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_undo_and_redo_round_trip_the_whole_table(
    tracker: Tracker,
    storage: Storage,
    clock: FakeClock,
    changes: list[Change],
    operation: Callable[[Tracker], object],
) -> None:
    seed(tracker)
    changes.clear()
    clock.advance(minutes=7)  # so "updated" times differ from the seed's
    before = table(storage)
    operation(tracker)
    after = table(storage)
    assert after != before
    (change,) = changes

    clock.advance(minutes=3)
    tracker.apply(change.inverse())
    assert table(storage) == before
    tracker.apply(change)
    assert table(storage) == after
    tracker.apply(change.inverse())
    assert table(storage) == before


def test_each_change_says_what_it_did(tracker: Tracker, changes: list[Change]) -> None:
    tracker.start("Design")
    tracker.start("Review")
    tracker.rename("Code review")
    tracker.stop()
    tracker.add("", NOW - 3 * HOUR, NOW - 2 * HOUR)
    tracker.delete([1, 2])
    assert [c.description for c in changes] == [
        "Start “Design”",
        "Switch to “Review”",
        "Rename to “Code review”",
        "Stop “Code review”",
        "Add unnamed session",
        "Delete 2 sessions",
    ]


def test_a_change_that_changes_nothing_is_not_recorded(
    tracker: Tracker, changes: list[Change]
) -> None:
    tracker.start("Same")
    tracker.rename("Same")
    assert len(changes) == 1


def test_undo_refuses_when_the_rows_changed_elsewhere(
    tracker: Tracker, storage: Storage, changes: list[Change]
) -> None:
    tracker.start("Mine")
    storage.database.execute_sql("UPDATE session SET name = 'changed by another program'")
    state = table(storage)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        tracker.apply(changes[0].inverse())
    assert table(storage) == state


def test_undoing_a_stop_refuses_while_another_session_runs(
    tracker: Tracker, storage: Storage, changes: list[Change], clock: FakeClock
) -> None:
    tracker.start("First")
    clock.advance(minutes=5)
    tracker.stop()
    stop = changes[-1]
    tracker.start("Second")
    state = table(storage)
    with pytest.raises(ConflictError, match="another session is running"):
        tracker.apply(stop.inverse())
    assert table(storage) == state


def test_add_records_a_finished_session(tracker: Tracker) -> None:
    session = tracker.add("  Call \t with  Ann ", NOW - 2 * HOUR, NOW - HOUR)
    assert (session.name, session.start) == ("Call with Ann", NOW - 2 * HOUR)
    assert session.end == NOW - HOUR
    assert tracker.get(session.id) == session
    assert tracker.running() is None


@pytest.mark.parametrize(
    ("start", "end", "field", "words"),
    [
        (NOW - HOUR, NOW - HOUR, "end", "not after the start"),
        (NOW - HOUR, NOW - 2 * HOUR, "end", "not after the start"),
        (NOW - HOUR, NOW + HOUR, "end", "in the future"),
        (NOW + HOUR, NOW + 2 * HOUR, "start", "in the future"),
    ],
)
def test_add_refuses_impossible_times(
    tracker: Tracker,
    storage: Storage,
    start: datetime,
    end: datetime,
    field: str,
    words: str,
) -> None:
    with pytest.raises(InvalidInputError, match=words) as caught:
        tracker.add("x", start, end)
    assert caught.value.field == field
    assert table(storage) == []


def test_add_refuses_a_too_long_name(tracker: Tracker, storage: Storage) -> None:
    with pytest.raises(InvalidInputError) as caught:
        tracker.add("x" * 501, NOW - 2 * HOUR, NOW - HOUR)
    assert caught.value.field == "name"
    assert table(storage) == []


def test_edit_changes_only_what_is_given(tracker: Tracker, clock: FakeClock) -> None:
    session = tracker.add("Draft", NOW - 3 * HOUR, NOW - 2 * HOUR)
    clock.advance(minutes=1)
    edited = tracker.edit(session.id, name="Final")
    assert (edited.name, edited.start, edited.end) == ("Final", session.start, session.end)
    edited = tracker.edit(session.id, start=NOW - 4 * HOUR)
    assert (edited.start, edited.end) == (NOW - 4 * HOUR, session.end)


def test_edit_can_stop_the_running_session_but_not_restart_a_finished_one(
    tracker: Tracker, storage: Storage
) -> None:
    running = tracker.start("Running", NOW - HOUR).started
    finished = tracker.add("Done", NOW - 5 * HOUR, NOW - 4 * HOUR)
    with pytest.raises(InvalidInputError, match="needs an end"):
        tracker.edit(finished.id, end=None)
    stopped = tracker.edit(running.id, end=NOW - 0.5 * HOUR)
    assert stopped.end == NOW - 0.5 * HOUR
    assert tracker.running() is None


def test_edit_refuses_an_end_before_the_start_and_keeps_the_row(
    tracker: Tracker, storage: Storage
) -> None:
    session = tracker.add("Keep", NOW - 3 * HOUR, NOW - 2 * HOUR)
    state = table(storage)
    with pytest.raises(InvalidInputError, match="not after the start") as caught:
        tracker.edit(session.id, start=NOW - HOUR)
    assert caught.value.field == "end"
    assert table(storage) == state


def test_a_zero_length_session_can_be_renamed_but_not_made(
    tracker: Tracker, clock: FakeClock, storage: Storage
) -> None:
    # A stop in the second of its start leaves a zero-length session.
    blink = tracker.start("Blink").started
    tracker.stop()
    clock.advance(minutes=5)
    assert tracker.edit(blink.id, name="Blinked").name == "Blinked"
    state = table(storage)
    with pytest.raises(InvalidInputError, match="not after the start"):
        tracker.edit(blink.id, start=NOW - HOUR, end=NOW - HOUR)
    with pytest.raises(InvalidInputError, match="not after the start"):
        tracker.add("Another blink", NOW - HOUR, NOW - HOUR)
    assert table(storage) == state


def test_delete_is_all_or_nothing(tracker: Tracker, storage: Storage) -> None:
    tracker.add("One", NOW - 3 * HOUR, NOW - 2 * HOUR)
    state = table(storage)
    with pytest.raises(NotFoundError, match="id 99"):
        tracker.delete([1, 99])
    assert table(storage) == state


def test_continue_starts_a_new_session_with_the_same_name(
    tracker: Tracker, clock: FakeClock
) -> None:
    with pytest.raises(NotFoundError, match="no session to continue"):
        tracker.continue_session()
    old = tracker.add("Client A", NOW - 3 * HOUR, NOW - 2 * HOUR)
    tracker.add("Client B", NOW - 5 * HOUR, NOW - 4 * HOUR)
    switch = tracker.continue_session()
    assert switch.started.name == "Client A"  # the most recent by start, not by id
    assert switch.started.id not in (old.id,)
    clock.advance(minutes=10)
    switch = tracker.continue_session(2)
    assert switch.started.name == "Client B"
    assert switch.stopped is not None
    assert switch.stopped.name == "Client A"
