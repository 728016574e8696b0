"""The add dialog's default: the latest free stretch of a length before a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker_desktop.core.service import Session, latest_free_slot

DAY = datetime(2026, 12, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)
NOW = DAY + 18 * HOUR


def at(hours: float) -> datetime:
    return DAY + hours * HOUR


def test_a_free_hour_before_the_time_is_kept() -> None:
    sessions = [Session(1, "a", at(8), at(9))]
    assert latest_free_slot(sessions, at(10), HOUR, DAY, NOW) == at(10)


def test_touching_is_not_overlapping() -> None:
    sessions = [Session(1, "a", at(8), at(9)), Session(2, "b", at(10), at(11))]
    assert latest_free_slot(sessions, at(10), HOUR, DAY, NOW) == at(10)


def test_the_slot_moves_before_each_clash_in_turn() -> None:
    sessions = [Session(1, "a", at(9.5), at(9.75)), Session(2, "b", at(8.25), at(8.75))]
    assert latest_free_slot(sessions, at(10), HOUR, DAY, NOW) == at(8.25)


def test_a_running_session_lasts_until_now() -> None:
    sessions = [Session(1, "a", at(17), None)]
    assert latest_free_slot(sessions, NOW, HOUR, DAY, NOW) == at(17)


def test_no_room_before_the_floor_gives_none() -> None:
    sessions = [Session(1, "a", at(0.5), at(10))]
    assert latest_free_slot(sessions, at(10), HOUR, DAY, NOW) is None
