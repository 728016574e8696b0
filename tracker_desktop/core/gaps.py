"""Sessions left running across a gap: the computer slept, or the app was not running.

Deciding when to ask and carrying out the answer are plain rules, kept here without Qt;
the window only shows the question.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker_desktop.core.errors import NotFoundError
from tracker_desktop.core.service import Session, Tracker, label


class GapKind(enum.Enum):
    SLEEP = "sleep"  # the app ran, but the clock jumped (suspend, hibernate)
    ABSENT = "absent"  # the app was not running (shut down, quit, crashed)


class GapAnswer(enum.Enum):
    KEEP = "keep"  # keep it running: the work went on
    STOP_AT_GAP = "stop-at-gap"  # it ended when the gap began
    STOP_NOW = "stop-now"
    SPLIT = "split"  # stop at the gap's start, continue at its end


@dataclass(frozen=True)
class GapQuestion:
    session: Session
    gap_start: datetime
    gap_end: datetime
    kind: GapKind


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


def apply_answer(tracker: Tracker, question: GapQuestion, answer: GapAnswer) -> str | None:
    """Carries out ``answer`` (one change, undoable); returns what happened, for the
    status bar, or None when nothing changed."""
    running = tracker.running()
    if running is None or running.id != question.session.id:
        raise NotFoundError(f"{label(question.session.name).capitalize()} is no longer running")
    if answer is GapAnswer.KEEP:
        return None
    if answer is GapAnswer.STOP_AT_GAP:
        tracker.stop(question.gap_start)
        return f"{label(running.name).capitalize()} stopped where the gap began"
    if answer is GapAnswer.STOP_NOW:
        tracker.stop()
        return f"{label(running.name).capitalize()} stopped"
    tracker.split(question.gap_start, question.gap_end)
    return f"{label(running.name).capitalize()}: the gap was left out"
