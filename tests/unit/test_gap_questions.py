"""One open gap question at a time (issue 16): asked once, grown by a later absence of the
same session, merged with a sleep inside it, dropped when its session stopped or
changed, and every answer one undoable change to the session it was asked about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.support import FakeClock
from tracker_desktop.core.errors import NotFoundError
from tracker_desktop.core.gaps import (
    GapAnswer,
    GapKind,
    GapQuestion,
    Offer,
    OpenQuestion,
    apply_answer,
    grown,
    question_for,
    still_about,
)
from tracker_desktop.core.history import Change
from tracker_desktop.core.service import Session, Tracker

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
SESSION = Session(7, "Design", NOW - 60 * MINUTE, None)


def gap(start: float, end: float, kind: GapKind = GapKind.IDLE) -> GapQuestion:
    """A question about SESSION from ``start`` to ``end`` minutes after NOW."""
    return GapQuestion(SESSION, NOW + start * MINUTE, NOW + end * MINUTE, kind)


def test_a_gap_is_asked_about_once() -> None:
    desk = OpenQuestion()
    assert desk.offer(gap(0, 20)) is Offer.ASK
    assert desk.offer(gap(0, 20)) is Offer.NOTHING
    assert desk.take() == gap(0, 20)
    assert desk.offer(gap(0, 20)) is Offer.NOTHING  # answered: not asked again


def test_an_unanswered_question_grows_when_the_user_leaves_again() -> None:
    desk = OpenQuestion()
    desk.offer(gap(0, 20))
    assert desk.offer(gap(25, 50)) is Offer.GROW
    assert desk.question == GapQuestion(SESSION, NOW, NOW + 50 * MINUTE, GapKind.IDLE, 2)


def test_suspend_and_idle_make_one_question_from_whichever_came_first() -> None:
    desk = OpenQuestion()
    desk.offer(gap(10, 40, GapKind.SLEEP))  # the clock jump, seen first on waking
    assert desk.offer(gap(3, 41)) is Offer.GROW  # idle since before the lid closed
    assert desk.question == GapQuestion(SESSION, NOW + 3 * MINUTE, NOW + 41 * MINUTE, GapKind.IDLE)
    desk2 = OpenQuestion()
    desk2.offer(gap(3, 12))
    desk2.offer(gap(5, 40, GapKind.SLEEP))
    assert desk2.question == GapQuestion(SESSION, NOW + 3 * MINUTE, NOW + 40 * MINUTE, GapKind.IDLE)


def test_a_gap_inside_the_open_question_changes_nothing() -> None:
    desk = OpenQuestion()
    desk.offer(gap(0, 30))
    assert desk.offer(gap(5, 20, GapKind.SLEEP)) is Offer.NOTHING
    assert desk.question == gap(0, 30)


def test_a_question_about_a_stopped_or_changed_session_is_dropped() -> None:
    for running in (
        None,  # stopped
        SESSION._replace(start=SESSION.start + MINUTE),  # its start edited
        Session(8, "Design", NOW, None),  # another one runs
    ):
        desk = OpenQuestion()
        desk.offer(gap(0, 20))
        assert desk.drop_if_changed(running)
        assert desk.take() is None


def test_a_new_name_or_labels_keep_the_question() -> None:
    desk = OpenQuestion()
    desk.offer(gap(0, 20))
    assert not desk.drop_if_changed(SESSION._replace(name="Design review", tags=("ui",)))
    assert desk.question == gap(0, 20)


def test_a_gap_of_another_session_replaces_the_open_question() -> None:
    desk = OpenQuestion()
    desk.offer(gap(0, 20))
    other = GapQuestion(
        Session(8, "Mail", NOW, None), NOW + 30 * MINUTE, NOW + 45 * MINUTE, GapKind.IDLE
    )
    assert desk.offer(other) is Offer.ASK
    assert desk.question == other


def test_only_the_part_after_the_session_start_counts() -> None:
    running = Session(7, "Design", NOW + 15 * MINUTE, None)
    assert question_for(running, NOW, NOW + 24 * MINUTE, GapKind.IDLE, 10 * MINUTE) is None
    question = question_for(running, NOW, NOW + 30 * MINUTE, GapKind.IDLE, 10 * MINUTE)
    assert question == GapQuestion(running, NOW + 15 * MINUTE, NOW + 30 * MINUTE, GapKind.IDLE)
    assert question_for(None, NOW, NOW + 60 * MINUTE, GapKind.IDLE, MINUTE) is None


def test_grown_keeps_the_newest_look_of_the_session() -> None:
    renamed = SESSION._replace(name="Design review")
    later = GapQuestion(renamed, NOW + 30 * MINUTE, NOW + 45 * MINUTE, GapKind.IDLE)
    assert grown(gap(0, 20), later).session == renamed
    assert still_about(grown(gap(0, 20), later), renamed)


# -- answers, on a real database ----------------------------------------------------------


@pytest.fixture
def away_from_design(tracker: Tracker, clock: FakeClock) -> GapQuestion:
    """Design started at 10:00; away from 10:20 to 10:50; now 10:52."""
    session = tracker.start("Design").started
    clock.advance(minutes=52)
    return GapQuestion(session, NOW + 20 * MINUTE, NOW + 50 * MINUTE, GapKind.IDLE)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (GapAnswer.KEEP, [(NOW, None)]),
        (GapAnswer.STOP_AT_GAP, [(NOW, NOW + 20 * MINUTE)]),
        (GapAnswer.STOP_NOW, [(NOW, NOW + 52 * MINUTE)]),
        (GapAnswer.SPLIT, [(NOW, NOW + 20 * MINUTE), (NOW + 50 * MINUTE, None)]),
    ],
    ids=["keep", "stop at idle start", "stop now", "split: continue from the return"],
)
def test_each_answer_is_one_change_and_undoes_in_one_step(
    tracker: Tracker,
    away_from_design: GapQuestion,
    answer: GapAnswer,
    expected: list[tuple[datetime, datetime | None]],
) -> None:
    changes: list[Change] = []
    tracker.changes.add(changes.append)
    apply_answer(tracker, away_from_design, answer)
    sessions = tracker.sessions_between(NOW - MINUTE, NOW + 2 * 60 * MINUTE)
    assert sorted((s.start, s.end) for s in sessions) == expected
    assert len(changes) == (0 if answer is GapAnswer.KEEP else 1)
    for change in changes:
        tracker.apply(change.inverse())
    after_undo = tracker.sessions_between(NOW - MINUTE, NOW + 2 * 60 * MINUTE)
    assert [(s.start, s.end) for s in after_undo] == [(NOW, None)]


def test_an_answer_about_a_session_that_changed_is_refused_and_changes_nothing(
    tracker: Tracker, clock: FakeClock, away_from_design: GapQuestion
) -> None:
    tracker.stop()
    clock.advance(minutes=1)
    tracker.start("Mail")
    with pytest.raises(NotFoundError, match="no longer running as it was"):
        apply_answer(tracker, away_from_design, GapAnswer.SPLIT)
    running = tracker.running()
    assert running is not None
    assert (running.name, running.end) == ("Mail", None)
