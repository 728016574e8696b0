"""Sessions left running across a gap: the computer slept, the app was not running, or
nobody was at the keyboard.

Deciding when to ask, keeping one question open at a time and carrying out the answer
are plain rules, kept here without Qt; the window only shows the question.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from tracker_desktop.core.errors import NotFoundError
from tracker_desktop.core.service import Session, Tracker, label


class GapKind(enum.Enum):
    SLEEP = "sleep"  # the app ran, but the clock jumped (suspend, hibernate)
    ABSENT = "absent"  # the app was not running (shut down, quit, crashed)
    IDLE = "idle"  # no keyboard or mouse input, or the screen locked (core/idle/away.py)


class GapAnswer(enum.Enum):
    KEEP = "keep"  # keep it running: the work went on
    STOP_AT_GAP = "stop_at_gap"  # it ended when the gap began
    STOP_NOW = "stop_now"
    SPLIT = "split"  # stop at the gap's start, continue at its end


@dataclass(frozen=True)
class GapQuestion:
    session: Session
    gap_start: datetime
    gap_end: datetime
    kind: GapKind
    absences: int = 1  # more than one: it grew over a later absence, the user back between


def question_for(
    running: Session | None,
    gap_start: datetime,
    gap_end: datetime,
    kind: GapKind,
    threshold: timedelta,
) -> GapQuestion | None:
    """The question to ask when ``running`` spans ``[gap_start, gap_end)`` for longer
    than ``threshold`` (only the part after the session's start counts)."""
    if running is None:
        return None
    start = max(gap_start, running.start)
    if gap_end - start <= threshold:
        return None
    return GapQuestion(running, start, gap_end, kind)


def still_about(question: GapQuestion, running: Session | None) -> bool:
    """Whether ``question`` still speaks of the running session: the same one, with the
    same start (a new name or labels do not change what the gap means)."""
    return (
        running is not None
        and running.id == question.session.id
        and running.start == question.session.start
    )


def grown(asked: GapQuestion, later: GapQuestion) -> GapQuestion:
    """One question covering both gaps of the same session: from the earlier start to
    the later end, named after the gap that came first."""
    first = asked if asked.gap_start <= later.gap_start else later
    apart = later.gap_start > asked.gap_end or asked.gap_start > later.gap_end
    return replace(
        first,
        session=later.session,
        gap_start=min(asked.gap_start, later.gap_start),
        gap_end=max(asked.gap_end, later.gap_end),
        absences=asked.absences + later.absences if apart else asked.absences,
    )


class Offer(enum.Enum):
    """What a new gap does to the open question."""

    ASK = "ask"  # a new question: show it
    GROW = "grow"  # the open question now covers more: show it again, updated
    NOTHING = "nothing"  # asked about before, or already covered


class OpenQuestion:
    """The one unanswered gap question, if any. Each gap is asked about once; a new gap
    of the same session grows the open question rather than replacing it (so suspend
    and idle make one question); a question whose session stopped or changed is dropped,
    never applied to another session."""

    def __init__(self) -> None:
        self.question: GapQuestion | None = None
        self._asked: set[tuple[int, datetime]] = set()

    def offer(self, question: GapQuestion) -> Offer:
        """Takes a new gap's question; says whether to ask, show the grown question, or
        do nothing."""
        key = (question.session.id, question.gap_start)
        if key in self._asked:
            return Offer.NOTHING
        self._asked.add(key)
        open_ = self.question
        if open_ is None or not still_about(open_, question.session):
            self.question = question
            return Offer.ASK
        merged = grown(open_, question)
        if merged == open_:
            return Offer.NOTHING
        self.question = merged
        return Offer.GROW

    def drop_if_changed(self, running: Session | None) -> bool:
        """Drops the open question when its session is no longer the running one as it
        was; True when one was dropped."""
        if self.question is None or still_about(self.question, running):
            return False
        self.question = None
        return True

    def take(self) -> GapQuestion | None:
        """The open question, now answered or dismissed (None if it was dropped)."""
        question, self.question = self.question, None
        return question


def subject(name: str) -> str:
    """A session name starting a sentence: “Client report”, or Unnamed session (only the
    first letter raised: ``str.capitalize`` would lower the rest of the name)."""
    text = label(name)
    return text[:1].upper() + text[1:]


def apply_answer(tracker: Tracker, question: GapQuestion, answer: GapAnswer) -> str | None:
    """Carries out ``answer`` (one change, undoable); returns what happened, for the
    status bar, or None when nothing changed."""
    running = tracker.running()
    if not still_about(question, running):
        name = subject(question.session.name)
        raise NotFoundError(
            f"{name} is no longer running as it was when asked; nothing was changed"
        )
    assert running is not None
    if answer is GapAnswer.KEEP:
        return None
    if answer is GapAnswer.STOP_AT_GAP:
        tracker.stop(question.gap_start)
        return f"{subject(running.name)} stopped where the gap began"
    if answer is GapAnswer.STOP_NOW:
        tracker.stop()
        return f"{subject(running.name)} stopped"
    tracker.split(question.gap_start, question.gap_end)
    return f"{subject(running.name)}: the gap was left out"
