"""The one place that changes sessions: every write is a single transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

import peewee

from tracker_desktop.core.clock import (
    Clock,
    SystemClock,
    check_supported,
    local_zone,
    whole_seconds,
)
from tracker_desktop.core.errors import ConflictError, InvalidInputError, NotFoundError
from tracker_desktop.core.formatting import local_minutes
from tracker_desktop.core.history import Change, Listeners, RowState
from tracker_desktop.core.models import (
    LONGEST_FINISHED,
    RECORDS,
    RECORDS_BY_TABLE,
    Record,
    SessionRecord,
    Stat,
)
from tracker_desktop.core.names import normalize_name
from tracker_desktop.core.periods import Period, PeriodKind, overlap, period_containing
from tracker_desktop.core.storage import Storage

_S = SessionRecord
# What a Session is made of, in its field order.
_SESSION_FIELDS = (_S.id, _S.name, _S.started_at, _S.ended_at)


class Session(NamedTuple):
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


class Switch(NamedTuple):
    """What ``start`` did: the session it started and the one it stopped, if any."""

    started: Session
    stopped: Session | None


class PeriodReport(NamedTuple):
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


def find_overlaps(sessions: Iterable[Session], now: datetime) -> dict[int, list[Session]]:
    """For each session sharing time with others, those others.

    Sessions that only touch (one ends as the next starts) or last no time do not count.
    """
    ordered = sorted(sessions, key=lambda s: (s.start, s.id))
    found: dict[int, list[Session]] = {}
    open_sessions: list[tuple[datetime, Session]] = []
    for session in ordered:
        end = session.end or max(now, session.start)
        open_sessions = [(e, s) for e, s in open_sessions if e > session.start]
        if end > session.start:
            for _, other in open_sessions:
                found.setdefault(session.id, []).append(other)
                found.setdefault(other.id, []).append(session)
        open_sessions.append((end, session))
    return found


def _session(record: SessionRecord) -> Session:
    return Session(record.id, record.name, record.started_at, record.ended_at)


if TYPE_CHECKING:  # generic in peewee's stubs only
    _Select: TypeAlias = peewee.ModelSelect[SessionRecord]


def _sessions(query: _Select) -> Iterator[Session]:
    """The Sessions a select of ``_SESSION_FIELDS`` yields."""
    rows: Iterable[tuple[int, str, datetime, datetime | None]] = query.tuples()  # type: ignore[assignment]
    return map(Session._make, rows)


def _first_session(query: _Select) -> Session | None:
    return next(_sessions(query.limit(1)), None)


class _Unchanged:
    """Marks an argument that was not given (where None is a meaningful value)."""


UNCHANGED = _Unchanged()


class Tracker:
    """Starts, stops, renames and reports sessions; the UI and CLI only call this."""

    def __init__(
        self, storage: Storage, clock: Clock | None = None, zone: tzinfo | None = None
    ) -> None:
        self.storage = storage
        self.clock: Clock = clock or SystemClock()
        self.zone: tzinfo = zone or local_zone()
        # Told of every change made through this tracker (undo, the window's views).
        self.changes: Listeners[Change] = Listeners()

    def now(self) -> datetime:
        """The current instant, in whole seconds."""
        return whole_seconds(self.clock.now())

    # -- queries -------------------------------------------------------------------

    def running(self) -> Session | None:
        """The running session, if any."""
        with self.storage.snapshot():
            return self._running_session()

    def get(self, session_id: int) -> Session:
        with self.storage.snapshot():
            found = _first_session(_S.select(*_SESSION_FIELDS).where(_S.id == session_id))
        if found is None:
            raise NotFoundError(f"no session with id {session_id}")
        return found

    def sessions_between(self, start: datetime, end: datetime) -> list[Session]:
        """Sessions overlapping ``[start, end)``, newest first: one indexed range scan.

        A session overlapping the range starts at most "longest finished session" before
        it, a bound the database keeps; only the running session can start earlier.
        """
        with self.storage.snapshot():
            lookback = timedelta(seconds=self._longest_finished_seconds())
            query = _S.select(*_SESSION_FIELDS).where(
                (_S.started_at >= start - lookback)
                & (_S.started_at < end)
                & ((_S.started_at >= start) | (_S.ended_at > start) | _S.ended_at.is_null())
            )
            found = {session.id: session for session in _sessions(query)}
            running = self._running_session()
        if running is not None:
            found[running.id] = running
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
        return [session.name for session in self.recent_distinct(limit, scan=scan)]

    def recent_distinct(self, limit: int = 5, *, scan: int = 2000) -> list[Session]:
        """The latest session of each of the ``limit`` most recent distinct names
        (unnamed sessions left out), newest first; reads at most ``scan`` rows."""
        latest: dict[str, Session] = {}
        with self.storage.snapshot():
            for session in _sessions(self._newest_first().limit(scan)):
                if session.name and session.name not in latest:
                    latest[session.name] = session
                    if len(latest) == limit:
                        break
        return list(latest.values())

    def most_recent(self) -> Session | None:
        """The session that started last, if any."""
        with self.storage.snapshot():
            return self._most_recent_session()

    def _newest_first(self) -> _Select:
        return _S.select(*_SESSION_FIELDS).order_by(_S.started_at.desc(), _S.id.desc())

    def _most_recent_session(self) -> Session | None:
        return _first_session(self._newest_first())

    def _running_session(self) -> Session | None:
        return _first_session(_S.select(*_SESSION_FIELDS).where(_S.ended_at.is_null()))

    def _longest_finished_seconds(self) -> int:
        value = Stat.select(Stat.value).where(Stat.key == LONGEST_FINISHED).scalar()
        return int(value or 0)

    # -- changes -------------------------------------------------------------------
    # Each change runs in one transaction and is reported to ``changes`` with the
    # rows it touched before and after, which is all an undo needs.

    @contextlib.contextmanager
    def _changing(self) -> Iterator[_Recorder]:
        recorder = _Recorder()
        with self.storage.atomic():
            yield recorder
            after = tuple(_current_rows(recorder.keys))
        change = Change(recorder.description, tuple(recorder.before.values()), after)
        if change.changed_anything:
            self.changes(change)

    def start(self, name: str = "", at: datetime | None = None) -> Switch:
        """Starts a session; a running one is stopped at the same instant (a switch)."""
        name = normalize_name(name)
        with self._changing() as change:
            return self._start(change, name, at)

    def _start(self, change: _Recorder, name: str, at: datetime | None) -> Switch:
        # "Now" is read inside the write transaction: a command that waited for
        # another process's write must not start before what that process started.
        now = self.now()
        instant = self._checked_instant(at, now, what="start")
        running = self._running_record()
        stopped = None
        if running is not None:
            self._end(running, instant, now, change, "start time", "start")
            stopped = _session(running)
        record = SessionRecord.create(name=name, started_at=instant, created_at=now, updated_at=now)
        change.watch_new(record)
        verb = "Switch to" if stopped else "Start"
        change.description = f"{verb} {label(name)}"
        return Switch(_session(record), stopped)

    def continue_session(self, session_id: int | None = None) -> Switch:
        """Starts a new session named like ``session_id`` (default: the most recent one)."""
        if session_id is None:
            latest = self.most_recent()
            if latest is None:
                raise NotFoundError("there is no session to continue yet")
            name = latest.name
        else:
            name = self.get(session_id).name
        return self.start(name)

    def toggle(self) -> tuple[Session | None, Switch | None]:
        """Stops the running session, or, when idle, starts one named like the most recent.

        Returns (stopped session, None) or (None, the start); one transaction, so a
        concurrent command cannot slip between the check and the change.
        """
        with self._changing() as change:
            if self._running_session() is not None:
                return self._stop(change, None), None
            latest = self._most_recent_session()
            return None, self._start(change, latest.name if latest else "", None)

    def split(self, stop_at: datetime, resume_at: datetime) -> Switch:
        """Cuts a gap out of the running session: it stops at ``stop_at`` and a new one
        with its name starts at ``resume_at`` (one change)."""
        now = self.now()
        stop_at = self._checked_instant(stop_at, now, what="stop")
        resume_at = self._checked_instant(resume_at, now, what="start")
        if resume_at < stop_at:
            raise InvalidInputError("the gap ends before it starts", field="start")
        with self._changing() as change:
            record = self._require_running()
            self._end(record, stop_at, now, change)
            resumed = SessionRecord.create(
                name=record.name, started_at=resume_at, created_at=now, updated_at=now
            )
            change.watch_new(resumed)
            change.description = f"Split {label(record.name)}"
        return Switch(_session(resumed), _session(record))

    def stop(self, at: datetime | None = None) -> Session:
        """Stops (saves) the running session."""
        with self._changing() as change:
            return self._stop(change, at)

    def _stop(self, change: _Recorder, at: datetime | None) -> Session:
        now = self.now()  # inside the transaction, as in _start
        instant = self._checked_instant(at, now, what="stop")
        record = self._require_running()
        self._end(record, instant, now, change)
        change.description = f"Stop {label(record.name)}"
        return _session(record)

    def discard(self) -> Session:
        """Deletes the running session without saving it; returns what it was."""
        with self._changing() as change:
            record = self._require_running()
            change.watch(record)
            record.delete_instance()
            change.description = f"Discard {label(record.name)}"
        return _session(record)

    def rename(self, name: str, session_id: int | None = None) -> Session:
        """Renames session ``session_id``, or the running session."""
        name = normalize_name(name)
        with self._changing() as change:
            record = self._require_running() if session_id is None else self._require(session_id)
            change.watch(record)
            if record.name != name:
                record.name = name
                record.updated_at = self.now()
                record.save()
            change.description = f"Rename to {label(name)}"
        return _session(record)

    def add(self, name: str, start: datetime, end: datetime) -> Session:
        """Records a session that was never timed."""
        name, start, checked_end = self.check_fields(name, start, end)
        now = self.now()
        with self._changing() as change:
            record = SessionRecord.create(
                name=name, started_at=start, ended_at=checked_end, created_at=now, updated_at=now
            )
            change.watch_new(record)
            change.description = f"Add {label(name)}"
        return _session(record)

    def edit(
        self,
        session_id: int,
        *,
        name: str | None = None,
        start: datetime | None = None,
        end: datetime | _Unchanged | None = UNCHANGED,
    ) -> Session:
        """Corrects a session; ``end=None`` is allowed only for the running session."""
        with self._changing() as change:
            record = self._require(session_id)
            new_end = record.ended_at if isinstance(end, _Unchanged) else end
            new_name, new_start, new_end = self.check_fields(
                record.name if name is None else name,
                record.started_at if start is None else start,
                new_end,
                running=record.ended_at is None,
                stored=(record.started_at, record.ended_at),
            )
            change.watch(record)
            if (new_name, new_start, new_end) != (record.name, record.started_at, record.ended_at):
                record.name, record.started_at, record.ended_at = new_name, new_start, new_end
                record.updated_at = self.now()
                record.save()
            change.description = f"Edit {label(new_name)}"
        return _session(record)

    def delete(
        self,
        session_ids: Iterable[int],
        before_commit: Callable[[list[Session]], None] | None = None,
    ) -> list[Session]:
        """Deletes sessions (all or none: an unknown id deletes nothing).

        ``before_commit`` is given the sessions about to go, inside the transaction: if it
        fails (their record could not be written down), nothing is deleted."""
        ids = list(dict.fromkeys(session_ids))
        with self._changing() as change:
            records = [self._require(session_id) for session_id in ids]
            for record in records:
                change.watch(record)
                record.delete_instance()
            if len(records) == 1:
                change.description = f"Delete {label(records[0].name)}"
            else:
                change.description = f"Delete {len(records)} sessions"
            if before_commit is not None:
                before_commit([_session(r) for r in records])
        return [_session(r) for r in records]

    def apply(self, change: Change) -> None:
        """Moves the touched rows from ``change.before`` to ``change.after`` exactly.

        Refused (ConflictError) when those rows are no longer as ``change.before`` says,
        for example because another program edited them meanwhile.
        """
        try:
            with self.storage.atomic():
                if set(_current_rows(change.keys)) != set(change.before):
                    raise ConflictError(
                        f"{change.description} cannot be reversed: those sessions were "
                        "changed elsewhere since"
                    )
                # Rows that refer to others go first, and come back last.
                ids = _ids_by_table(change.keys)
                for model in reversed(RECORDS):
                    if model._meta.table_name in ids:
                        model.delete().where(model.id.in_(ids[model._meta.table_name])).execute()
                for model in RECORDS:
                    for row in change.after:
                        if row.table == model._meta.table_name:
                            model.insert(**row.as_dict()).execute()
        except ConflictError as error:
            if error.__cause__ is None:
                raise
            raise ConflictError(
                f"{change.description} cannot be reversed: another session is running now"
            ) from error

    def check_fields(
        self,
        name: str,
        start: datetime,
        end: datetime | None,
        *,
        running: bool = False,
        stored: tuple[datetime, datetime | None] | None = None,
    ) -> tuple[str, datetime, datetime | None]:
        """The rules for a session's fields (as typed in an edit form): the cleaned name,
        start and end; refuses future times, an end not after the start, and a missing
        end unless the session is ``running``.

        ``stored`` are the edited session's saved times: keeping them is always allowed,
        so a zero-length session (a stop in the second of its start) can be renamed.
        """
        name = normalize_name(name)
        now = self.now()
        kept_start, kept_end = stored or (None, None)
        # A saved time kept as it is needs no check: a wrong clock may have put it in the
        # future, and the session must stay editable (to rename it, or to correct it).
        if start != kept_start:
            start = self._checked_instant(start, now, what="start")
        if end is None:
            if not running:
                raise InvalidInputError("end: a finished session needs an end", field="end")
            return name, start, None
        if end != kept_end:
            end = self._checked_instant(end, now, what="end")
        if end < start or (end == start and (start, end) != stored):
            hint = (
                ", which is in the future: the clock was wrong when it was saved; correct the "
                "start too"
                if start > now
                else ""
            )
            raise InvalidInputError(
                f"end: {self._local(end)} is not after the start ({self._local(start)}){hint}",
                field="end",
            )
        return name, start, end

    # -- helpers -------------------------------------------------------------------

    def _end(
        self,
        record: SessionRecord,
        instant: datetime,
        now: datetime,
        change: _Recorder,
        what: str = "stop time",
        field: str = "end",
    ) -> None:
        """Ends the running ``record`` at ``instant``; an end before its start is refused."""
        if record.started_at > now:
            raise InvalidInputError(
                f"the running session starts in the future ({self._local(record.started_at)}): "
                "the clock was wrong when it was started. Correct its start with "
                f"'edit {record.id} --start WHEN' (or Edit Session… in the window), or "
                "discard it",
                field=field,
            )
        if instant < record.started_at:
            raise InvalidInputError(
                f"{what} {self._local(instant)} is before the running session's start "
                f"({self._local(record.started_at)})",
                field=field,
            )
        change.watch(record)
        record.ended_at = instant
        record.updated_at = now
        record.save()

    def _running_record(self) -> SessionRecord | None:
        record: SessionRecord | None = _S.get_or_none(_S.ended_at.is_null())
        return record

    def _require(self, session_id: int) -> SessionRecord:
        record: SessionRecord | None = _S.get_or_none(_S.id == session_id)
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
        instant = check_supported(whole_seconds(at), what)
        if instant > now:
            raise InvalidInputError(f"{what}: {self._local(instant)} is in the future", field=what)
        return instant

    def _local(self, instant: datetime) -> str:
        return local_minutes(instant, self.zone)


class _Recorder:
    """Collects the rows a change touches, as they were before it."""

    def __init__(self) -> None:
        self.before: dict[tuple[str, int], RowState] = {}
        self.keys: list[tuple[str, int]] = []
        self.description = ""

    def watch(self, record: Record) -> None:
        """Remember ``record`` as it is now, before it is changed or deleted."""
        state = RowState.of(record)
        if state.key not in self.before:
            self.before[state.key] = state
            self.keys.append(state.key)

    def watch_new(self, record: Record) -> None:
        """Remember that ``record`` did not exist before."""
        self.keys.append((record._meta.table_name, record.id))


def _ids_by_table(keys: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    ids: dict[str, list[int]] = {}
    for table, row_id in keys:
        ids.setdefault(table, []).append(row_id)
    return ids


def _current_rows(keys: Iterable[tuple[str, int]]) -> Iterator[RowState]:
    """The stored state of the rows ``keys`` name (those that exist)."""
    for table, ids in _ids_by_table(keys).items():
        model = RECORDS_BY_TABLE[table]
        yield from map(RowState.of, model.select().where(model.id.in_(ids)))


def label(name: str) -> str:
    """A session name for messages: quoted, or "unnamed session"."""
    return f"“{name}”" if name else "unnamed session"
