"""The one place that changes sessions: every write is a single transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import cast

from tracker_desktop.core.clock import Clock, SystemClock, local_zone, whole_seconds
from tracker_desktop.core.errors import InvalidInputError, NotFoundError
from tracker_desktop.core.formatting import local_minutes
from tracker_desktop.core.names import normalize_name
from tracker_desktop.core.periods import Period, PeriodKind, overlap, period_containing
from tracker_desktop.core.storage import SessionRecord, Storage


@dataclass(frozen=True)
class Session:
    """A work session as plain values; ``end`` is None while it runs."""

    id: int
    name: str
    start: datetime
    end: datetime | None

    @property
    def running(self) -> bool:
        return self.end is None

    def duration(self, now: datetime) -> timedelta:
        """Length of the whole session (a running one counts up to ``now``)."""
        return max((self.end or now) - self.start, timedelta(0))

    def overlaps(self, start: datetime, end: datetime, now: datetime) -> bool:
        """Whether this session (a running one lasting until ``now``) touches ``[start, end)``.

        A zero-length session counts where it stands.
        """
        until = self.end or max(now, self.start)
        return self.start < end and (until > start or self.start >= start)

    def time_within(self, start: datetime, end: datetime, now: datetime) -> timedelta:
        """The part of this session inside ``[start, end)``."""
        return overlap(self.start, self.end or max(now, self.start), start, end)


@dataclass(frozen=True)
class Switch:
    """What ``start`` did: the session it started and the one it stopped, if any."""

    started: Session
    stopped: Session | None


@dataclass(frozen=True)
class PeriodReport:
    """The sessions overlapping a period (newest first) and the time inside it."""

    period: Period
    sessions: tuple[Session, ...]
    now: datetime

    @property
    def total(self) -> timedelta:
        return clipped_total(self.sessions, self.period.start, self.period.end, self.now)


def clipped_total(
    sessions: Iterable[Session], start: datetime, end: datetime, now: datetime
) -> timedelta:
    """The time ``sessions`` spend inside ``[start, end)``."""
    return sum((s.time_within(start, end, now) for s in sessions), timedelta(0))


def _session(record: SessionRecord) -> Session:
    return Session(record.id, record.name, record.started_at, record.ended_at)


class Tracker:
    """Starts, stops, renames and reports sessions; the UI and CLI only call this."""

    def __init__(
        self, storage: Storage, clock: Clock | None = None, zone: tzinfo | None = None
    ) -> None:
        self.storage = storage
        self.clock: Clock = clock or SystemClock()
        self.zone: tzinfo = zone or local_zone()

    def now(self) -> datetime:
        """The current instant, in whole seconds."""
        return whole_seconds(self.clock.now())

    # -- queries -------------------------------------------------------------------

    def running(self) -> Session | None:
        """The running session, if any."""
        with self.storage.read():
            record = self._running_record()
        return _session(record) if record else None

    def get(self, session_id: int) -> Session:
        with self.storage.read():
            return _session(self._require(session_id))

    def sessions_between(self, start: datetime, end: datetime) -> list[Session]:
        """Sessions overlapping ``[start, end)``, newest first: one indexed range scan.

        A session overlapping the range starts at most "longest finished session" before
        it, a bound the database keeps; only the running session can start earlier.
        """
        with self.storage.read():
            lookback = timedelta(seconds=self.storage.longest_finished_seconds())
            query = SessionRecord.select().where(
                (SessionRecord.started_at >= start - lookback)
                & (SessionRecord.started_at < end)
                & (
                    (SessionRecord.started_at >= start)
                    | (SessionRecord.ended_at > start)
                    | SessionRecord.ended_at.is_null()
                )
            )
            found = {record.id: _session(record) for record in query}
            running = self._running_record()
        if running is not None:
            found[running.id] = _session(running)
        now = self.now()
        sessions = [s for s in found.values() if s.overlaps(start, end, now)]
        sessions.sort(key=lambda s: (s.start, s.id), reverse=True)
        return sessions

    def report(self, kind: PeriodKind, day: date, *, week_start: int = 0) -> PeriodReport:
        """The day, week or month containing local ``day``, with its sessions."""
        period = period_containing(kind, day, self.zone, week_start=week_start)
        return self.period_report(period)

    def period_report(self, period: Period) -> PeriodReport:
        sessions = self.sessions_between(period.start, period.end)
        return PeriodReport(period, tuple(sessions), self.now())

    def recent_names(self, limit: int = 50, *, scan: int = 2000) -> list[str]:
        """Distinct non-empty names of the latest sessions, most recent first.

        Looks at the newest ``scan`` sessions only, so it costs the same at any size.
        """
        with self.storage.read():
            query = (
                SessionRecord.select(SessionRecord.name)
                .order_by(SessionRecord.started_at.desc())
                .limit(scan)
                .tuples()
            )
            names = dict.fromkeys(name for (name,) in cast(Iterable[tuple[str]], query) if name)
        return list(names)[:limit]

    # -- changes -------------------------------------------------------------------

    def start(self, name: str = "", at: datetime | None = None) -> Switch:
        """Starts a session; a running one is stopped at the same instant (a switch)."""
        name = normalize_name(name)
        now = self.now()
        instant = self._checked_instant(at, now, what="start time")
        with self.storage.write():
            running = self._running_record()
            stopped = None
            if running is not None:
                if instant < running.started_at:
                    raise InvalidInputError(
                        f"start time {self._local(instant)} is before the running "
                        f"session's start ({self._local(running.started_at)})"
                    )
                running.ended_at = instant
                running.updated_at = now
                running.save()
                stopped = _session(running)
            record = SessionRecord.create(
                name=name, started_at=instant, created_at=now, updated_at=now
            )
        return Switch(_session(record), stopped)

    def stop(self, at: datetime | None = None) -> Session:
        """Stops (saves) the running session."""
        now = self.now()
        instant = self._checked_instant(at, now, what="stop time")
        with self.storage.write():
            record = self._require_running()
            if instant < record.started_at:
                raise InvalidInputError(
                    f"stop time {self._local(instant)} is before the session's start "
                    f"({self._local(record.started_at)})"
                )
            record.ended_at = instant
            record.updated_at = now
            record.save()
        return _session(record)

    def discard(self) -> Session:
        """Deletes the running session without saving it; returns what it was."""
        with self.storage.write():
            record = self._require_running()
            record.delete_instance()
        return _session(record)

    def rename(self, name: str, session_id: int | None = None) -> Session:
        """Renames session ``session_id``, or the running session."""
        name = normalize_name(name)
        with self.storage.write():
            record = self._require_running() if session_id is None else self._require(session_id)
            if record.name != name:
                record.name = name
                record.updated_at = self.now()
                record.save()
        return _session(record)

    # -- helpers -------------------------------------------------------------------

    def _running_record(self) -> SessionRecord | None:
        record: SessionRecord | None = SessionRecord.get_or_none(SessionRecord.ended_at.is_null())
        return record

    def _require(self, session_id: int) -> SessionRecord:
        record: SessionRecord | None = SessionRecord.get_or_none(SessionRecord.id == session_id)
        if record is None:
            raise NotFoundError(f"no session with id {session_id}")
        return record

    def _require_running(self) -> SessionRecord:
        record = self._running_record()
        if record is None:
            raise NotFoundError("no session is running")
        return record

    def _checked_instant(self, at: datetime | None, now: datetime, *, what: str) -> datetime:
        if at is None:
            return now
        if at.tzinfo is None:
            raise ValueError("naive datetime given to the tracker")
        instant = whole_seconds(at)
        if instant > now:
            raise InvalidInputError(f"{what} {self._local(instant)} is in the future")
        return instant

    def _local(self, instant: datetime) -> str:
        return local_minutes(instant, self.zone)
