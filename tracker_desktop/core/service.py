"""The one place that changes sessions: every write is a single transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

import peewee

from tracker_desktop.core import catalog
from tracker_desktop.core.catalog import ProjectName
from tracker_desktop.core.clock import check_supported, to_epoch
from tracker_desktop.core.errors import InvalidInputError, NotFoundError
from tracker_desktop.core.models import (
    LONGEST_FINISHED,
    Client,
    Project,
    SessionOrigin,
    SessionRecord,
    SessionTag,
    Stat,
    Tag,
)
from tracker_desktop.core.names import name_key, normalize_name
from tracker_desktop.core.periods import Period, PeriodKind, overlap, period_containing
from tracker_desktop.core.writes import UNCHANGED, Recorder, Writer, _Unchanged

__all__ = ["UNCHANGED", "Labels", "ProjectName", "ProjectRef", "Session", "Tracker"]

_S = SessionRecord
# What a Session is made of, in its field order: the session's columns, then its
# project's (joined; all None without one).
_SESSION_FIELDS = (
    _S.id,
    _S.name,
    _S.started_at,
    _S.ended_at,
    _S.billable,
    Project.id,
    Project.name,
    Client.name,
    Project.color,
)


class ProjectRef(NamedTuple):
    """A session's project as shown: its name, its client's and its colour."""

    id: int
    name: str
    client: str | None
    color: str

    @property
    def label(self) -> str:
        """``Acme ▸ Website``, or ``Website`` without a client."""
        return f"{self.client} ▸ {self.name}" if self.client else self.name


class Session(NamedTuple):
    """A work session as plain values; ``end`` is None while it runs."""

    id: int
    name: str
    start: datetime
    end: datetime | None
    project: ProjectRef | None = None
    tags: tuple[str, ...] = ()  # sorted case-insensitively
    billable: bool = True

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


def latest_free_slot(
    sessions: Iterable[Session], end: datetime, length: timedelta, floor: datetime, now: datetime
) -> datetime | None:
    """The latest end at or before ``end`` of a ``length`` that shares no time with
    ``sessions`` and starts at or after ``floor``; None if there is none (the add
    dialog's default: the last free hour, not one that overlaps silently)."""
    busy = [(s.start, s.end or max(now, s.start)) for s in sessions]
    candidate = end
    while candidate - length >= floor:
        clashing = [
            start for start, stop in busy if start < candidate and stop > candidate - length
        ]
        if not clashing:
            return candidate
        candidate = min(clashing)
    return None


class Labels(NamedTuple):
    """What a session is labelled with, as given to a change.

    ``project``: a project id, a ``ProjectName`` (found, or created with its client),
    None for none, or UNCHANGED (an edit keeps it; a new session has none).
    ``tags``: exactly these tags (found or created), or None to keep them (a new session:
    none). ``billable``: None keeps it (a new session: its project's default).
    """

    project: int | ProjectName | _Unchanged | None = UNCHANGED
    tags: tuple[str, ...] | None = None
    billable: bool | None = None


NO_LABELS = Labels()


if TYPE_CHECKING:  # generic in peewee's stubs only
    _Select: TypeAlias = peewee.ModelSelect[SessionRecord]


def _select() -> _Select:
    """Sessions with their projects and clients joined (for ``_SESSION_FIELDS``)."""
    return (
        _S.select(*_SESSION_FIELDS)
        .join(Project, peewee.JOIN.LEFT_OUTER, on=(_S.project == Project.id))
        .join(Client, peewee.JOIN.LEFT_OUTER, on=(Project.client == Client.id))
    )


def _sessions(query: _Select) -> list[Session]:
    """The Sessions a select of ``_SESSION_FIELDS`` yields, with their tags (one more
    query, over the same rows).

    The rows are read from the database's own cursor: peewee's result wrappers would
    triple the time of a month with many sessions, and this is the window's hot path.
    """
    make, instant, utc = Session._make, datetime.fromtimestamp, UTC  # (a hot loop)
    found = [
        make(
            (
                sid,
                name,
                instant(start, utc),
                None if end is None else instant(end, utc),
                None if pid is None else ProjectRef(pid, pname, client, color),
                (),
                billable == 1,
            )
        )
        for sid, name, start, end, billable, pid, pname, client, color in _S._meta.database.execute(
            query
        )
    ]
    if found:
        tags = _tags_of(query.select(_S.id))
        if tags:
            found = [s._replace(tags=tags[s.id]) if s.id in tags else s for s in found]
    return found


def _tags_of(ids: _Select) -> dict[int, tuple[str, ...]]:
    """The tags of the sessions that ``ids`` (a select of session ids) finds."""
    names: dict[int, list[str]] = {}
    query = (
        SessionTag.select(SessionTag.session, Tag.name)
        .join(Tag, on=(SessionTag.tag == Tag.id))
        .where(SessionTag.session.in_(ids))
    )
    for session_id, tag in SessionTag._meta.database.execute(query):
        names.setdefault(session_id, []).append(tag)
    return {sid: tuple(sorted(found, key=str.casefold)) for sid, found in names.items()}


def _first_session(query: _Select) -> Session | None:
    found = _sessions(query.limit(1))
    return found[0] if found else None


def _session_by_id(session_id: int) -> Session:
    found = _first_session(_select().where(_S.id == session_id))
    if found is None:
        raise NotFoundError(f"no session with id {session_id}")
    return found


class SessionFilter(NamedTuple):
    """Which sessions a listing keeps: of these projects, of this client, with this tag."""

    project_ids: tuple[int, ...] | None = None
    client_id: int | None = None
    tag: str | None = None

    def where(self, query: _Select) -> _Select:
        if self.project_ids is not None:
            query = query.where(_S.project.in_(self.project_ids))
        if self.client_id is not None:
            query = query.where(Project.client == self.client_id)
        if self.tag is not None:
            tagged = (
                SessionTag.select(SessionTag.session)
                .join(Tag, on=(SessionTag.tag == Tag.id))
                .where(Tag.name_key == name_key(self.tag))
            )
            query = query.where(_S.id.in_(tagged))
        return query


EVERY_SESSION = SessionFilter()


class Tracker(Writer):
    """Starts, stops, renames and reports sessions; the UI and CLI only call this (and
    its ``catalog``, for clients, projects and tags)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog = catalog.Catalog(self)

    # -- queries -------------------------------------------------------------------

    def running(self) -> Session | None:
        """The running session, if any."""
        with self.storage.snapshot():
            return self._running_session()

    def get(self, session_id: int) -> Session:
        with self.storage.snapshot():
            return _session_by_id(session_id)

    def sessions_between(
        self, start: datetime, end: datetime, only: SessionFilter = EVERY_SESSION
    ) -> list[Session]:
        """Sessions overlapping ``[start, end)``, newest first: one indexed range scan.

        A session overlapping the range starts at most "longest finished session" before
        it, a bound the database keeps; only the running session can start earlier.
        """
        with self.storage.snapshot():
            lookback = timedelta(seconds=self._longest_finished_seconds())
            query = _select().where(
                (_S.started_at >= start - lookback)
                & (_S.started_at < end)
                & ((_S.started_at >= start) | (_S.ended_at > start) | _S.ended_at.is_null())
            )
            found = {session.id: session for session in _sessions(only.where(query))}
            running = _first_session(only.where(_select().where(_S.ended_at.is_null())))
        if running is not None:
            found[running.id] = running
        now = self.now()
        sessions = [s for s in found.values() if s.overlaps(start, end, now)]
        sessions.sort(key=lambda s: (s.start, s.id), reverse=True)
        return sessions

    def report(
        self,
        kind: PeriodKind,
        day: date,
        *,
        week_start: int | None = None,
        only: SessionFilter = EVERY_SESSION,
    ) -> PeriodReport:
        """The day, week or month containing local ``day``, with its sessions (weeks
        start on the preferred weekday unless ``week_start`` says otherwise)."""
        if week_start is None:
            week_start = self.catalog.week_start()
        period = period_containing(kind, day, self.zone, week_start=week_start)
        return self.period_report(period, only)

    def period_report(self, period: Period, only: SessionFilter = EVERY_SESSION) -> PeriodReport:
        sessions = self.sessions_between(period.start, period.end, only)
        return PeriodReport(period, tuple(sessions), self.now())

    def seconds_by_project(
        self, start: datetime, end: datetime, *, billable_only: bool = False
    ) -> dict[int | None, int]:
        """Time inside ``[start, end)`` per project (None: sessions without one), summed
        by the database over the same indexed range a period's listing reads."""
        now = self.now()
        first, after = to_epoch(start), to_epoch(end)
        # The part of each finished session inside the range: from the later of the
        # starts to the earlier of the ends, never below nothing.
        inside = peewee.fn.max(
            peewee.fn.min(_S.ended_at, after) - peewee.fn.max(_S.started_at, first), 0
        )
        with self.storage.snapshot():
            lookback = timedelta(seconds=self._longest_finished_seconds())
            query = (
                _S.select(_S.project, peewee.fn.sum(inside))
                .where(
                    (_S.started_at >= start - lookback)
                    & (_S.started_at < end)
                    & (_S.ended_at > start)
                )
                .group_by(_S.project)
            )
            if billable_only:
                query = query.where(_S.billable)
            totals = {
                project: int(seconds)
                for project, seconds in _S._meta.database.execute(query)
                if seconds
            }
            running = self._running_session()
        # The running session (its own index, not the range) lasts until now.
        if running is not None and (running.billable or not billable_only):
            seconds = int(running.time_within(start, end, now).total_seconds())
            key = running.project.id if running.project else None
            if seconds:
                totals[key] = totals.get(key, 0) + seconds
        return totals

    def recent_names(self, limit: int = 50, *, scan: int = 2000) -> list[str]:
        """Distinct non-empty names of the latest sessions, most recent first.

        Looks at the newest ``scan`` sessions only, so it costs the same at any size.
        """
        names = dict.fromkeys(s.name for s in self.recent_distinct(limit, scan=scan))
        return list(names)[:limit]

    def recent_distinct(self, limit: int = 5, *, scan: int = 2000) -> list[Session]:
        """The latest session of each of the ``limit`` most recent distinct combinations
        of name, project and tags (unnamed sessions left out), newest first; reads at
        most ``scan`` rows."""
        latest: dict[tuple[str, int | None, tuple[str, ...]], Session] = {}
        with self.storage.snapshot():
            for session in _sessions(self._newest_first().limit(scan)):
                key = (session.name, session.project and session.project.id, session.tags)
                if session.name and key not in latest:
                    latest[key] = session
                    if len(latest) == limit:
                        break
        return list(latest.values())

    def most_recent(self) -> Session | None:
        """The session that started last, if any."""
        with self.storage.snapshot():
            return self._most_recent_session()

    def _newest_first(self) -> _Select:
        return _select().order_by(_S.started_at.desc(), _S.id.desc())

    def _most_recent_session(self) -> Session | None:
        return _first_session(self._newest_first())

    def _running_session(self) -> Session | None:
        return _first_session(_select().where(_S.ended_at.is_null()))

    def earliest_reaching(self, start: datetime) -> datetime:
        """The earliest start a session reaching into ``start`` can have: the longest
        finished session bounds it, and the running session (whose start is read through
        its own index) may start earlier still. Inside a snapshot."""
        earliest = start - timedelta(seconds=self._longest_finished_seconds())
        running = self._running_session()
        return earliest if running is None else min(earliest, running.start)

    def _longest_finished_seconds(self) -> int:
        value = Stat.select(Stat.value).where(Stat.key == LONGEST_FINISHED).scalar()
        return int(value or 0)

    # -- changes -------------------------------------------------------------------
    # Each change runs in one transaction (``changing``) and is reported to
    # ``changes`` with the rows it touched before and after, all an undo needs.

    def start(
        self, name: str = "", at: datetime | None = None, labels: Labels = NO_LABELS
    ) -> Switch:
        """Starts a session; a running one is stopped at the same instant (a switch)."""
        name = normalize_name(name)
        with self.changing() as change:
            return self._start(change, name, at, labels)

    def _start(self, change: Recorder, name: str, at: datetime | None, labels: Labels) -> Switch:
        # "Now" is read inside the write transaction: a command that waited for
        # another process's write must not start before what that process started.
        now = self.now()
        instant = self._checked_instant(at, now, what="start")
        running = self._running_record()
        stopped = None
        if running is not None:
            self._end(running, instant, now, change, "start time", "start")
            stopped = running.id
        record = self._create(change, name, instant, None, labels, now)
        verb = "Switch to" if stopped else "Start"
        change.description = f"{verb} {label(name)}"
        return Switch(
            _session_by_id(record.id), None if stopped is None else _session_by_id(stopped)
        )

    def _create(
        self,
        change: Recorder,
        name: str,
        start: datetime,
        end: datetime | None,
        labels: Labels,
        now: datetime,
    ) -> SessionRecord:
        """A new session labelled with ``labels`` (its project's billable default)."""
        record: SessionRecord = SessionRecord.create(
            name=name, started_at=start, ended_at=end, created_at=now, updated_at=now
        )
        change.watch_new(record)
        self._label(change, record, labels, now, new=True)
        return record

    def _label(
        self, change: Recorder, record: SessionRecord, labels: Labels, now: datetime, *, new: bool
    ) -> None:
        """Gives ``record`` the project, tags and billable flag ``labels`` ask for."""
        changed = False
        if not isinstance(labels.project, _Unchanged):
            project = labels.project
            if isinstance(project, ProjectName):
                project = catalog.resolve_project(change, project, now).id
            elif project is not None and Project.get_or_none(Project.id == project) is None:
                raise NotFoundError(f"no project with id {project}")
            if record.project_id != project:
                record.project_id = project
                changed = True
        billable = labels.billable
        if billable is None and new and record.project_id is not None:
            billable = Project.get_by_id(record.project_id).billable
        if billable is not None and record.billable != billable:
            record.billable = billable
            changed = True
        if changed:
            record.updated_at = now
            record.save()
        if labels.tags is not None:
            tags = catalog.resolve_tags(change, labels.tags, now)
            catalog.set_session_tags(change, record.id, tags)

    def continue_session(self, session_id: int | None = None, labels: Labels = NO_LABELS) -> Switch:
        """Starts a new session named and labelled like ``session_id`` (default: the
        most recent one); ``labels`` override what it is labelled with."""
        if session_id is None:
            latest = self.most_recent()
            if latest is None:
                raise NotFoundError("there is no session to continue yet")
        else:
            latest = self.get(session_id)
        return self.start(latest.name, labels=_labels_like(latest, labels))

    def toggle(self) -> tuple[Session | None, Switch | None]:
        """Stops the running session, or, when idle, starts one named and labelled like
        the most recent.

        Returns (stopped session, None) or (None, the start); one transaction, so a
        concurrent command cannot slip between the check and the change.
        """
        with self.changing() as change:
            if self._running_session() is not None:
                return self._stop(change, None), None
            latest = self._most_recent_session()
            if latest is None:
                return None, self._start(change, "", None, NO_LABELS)
            return None, self._start(change, latest.name, None, _labels_like(latest, NO_LABELS))

    def split(self, stop_at: datetime, resume_at: datetime) -> Switch:
        """Cuts a gap out of the running session: it stops at ``stop_at`` and a new one
        like it starts at ``resume_at`` (one change)."""
        now = self.now()
        stop_at = self._checked_instant(stop_at, now, what="stop")
        resume_at = self._checked_instant(resume_at, now, what="start")
        if resume_at < stop_at:
            raise InvalidInputError("the gap ends before it starts", field="start")
        with self.changing() as change:
            record = self._require_running()
            running = _session_by_id(record.id)
            self._end(record, stop_at, now, change)
            resumed = self._create(
                change, record.name, resume_at, None, _labels_like(running, NO_LABELS), now
            )
            change.description = f"Split {label(record.name)}"
            return Switch(_session_by_id(resumed.id), _session_by_id(record.id))

    def stop(self, at: datetime | None = None) -> Session:
        """Stops (saves) the running session."""
        with self.changing() as change:
            return self._stop(change, at)

    def _stop(self, change: Recorder, at: datetime | None) -> Session:
        now = self.now()  # inside the transaction, as in _start
        instant = self._checked_instant(at, now, what="stop")
        record = self._require_running()
        self._end(record, instant, now, change)
        change.description = f"Stop {label(record.name)}"
        return _session_by_id(record.id)

    def discard(self) -> Session:
        """Deletes the running session without saving it; returns what it was."""
        with self.changing() as change:
            record = self._require_running()
            session = _session_by_id(record.id)
            self._delete(change, record)
            change.description = f"Discard {label(record.name)}"
        return session

    def rename(self, name: str, session_id: int | None = None) -> Session:
        """Renames session ``session_id``, or the running session."""
        name = normalize_name(name)
        with self.changing() as change:
            record = self._require_running() if session_id is None else self._require(session_id)
            change.watch(record)
            if record.name != name:
                record.name = name
                record.updated_at = self.now()
                record.save()
            change.description = f"Rename to {label(name)}"
            return _session_by_id(record.id)

    def add(self, name: str, start: datetime, end: datetime, labels: Labels = NO_LABELS) -> Session:
        """Records a session that was never timed."""
        name, start, checked_end = self.check_fields(name, start, end)
        now = self.now()
        with self.changing() as change:
            record = self._create(change, name, start, checked_end, labels, now)
            change.description = f"Add {label(name)}"
            return _session_by_id(record.id)

    def edit(
        self,
        session_id: int,
        *,
        name: str | None = None,
        start: datetime | None = None,
        end: datetime | _Unchanged | None = UNCHANGED,
        labels: Labels = NO_LABELS,
    ) -> Session:
        """Corrects a session; ``end=None`` is allowed only for the running session."""
        with self.changing() as change:
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
            self._label(change, record, labels, self.now(), new=False)
            change.description = f"Edit {label(new_name)}"
            return _session_by_id(record.id)

    def delete(
        self,
        session_ids: Iterable[int],
        before_commit: Callable[[list[Session]], None] | None = None,
    ) -> list[Session]:
        """Deletes sessions (all or none: an unknown id deletes nothing).

        ``before_commit`` is given the sessions about to go, inside the transaction: if it
        fails (their record could not be written down), nothing is deleted."""
        ids = list(dict.fromkeys(session_ids))
        with self.changing() as change:
            records = [self._require(session_id) for session_id in ids]
            sessions = [_session_by_id(r.id) for r in records]
            for record in records:
                self._delete(change, record)
            if len(records) == 1:
                change.description = f"Delete {label(records[0].name)}"
            else:
                change.description = f"Delete {len(records)} sessions"
            if before_commit is not None:
                before_commit(sessions)
        return sessions

    def _delete(self, change: Recorder, record: SessionRecord) -> None:
        """Deletes ``record`` with its tags and origin (recorded, so that undo brings them
        back)."""
        for link in SessionTag.select().where(SessionTag.session == record.id):
            change.watch(link)
        for origin in SessionOrigin.select().where(SessionOrigin.session == record.id):
            change.watch(origin)
        change.watch(record)
        record.delete_instance()

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
                f"end: {self.local(end)} is not after the start ({self.local(start)}){hint}",
                field="end",
            )
        return name, start, end

    # -- helpers -------------------------------------------------------------------

    def _end(
        self,
        record: SessionRecord,
        instant: datetime,
        now: datetime,
        change: Recorder,
        what: str = "stop time",
        field: str = "end",
    ) -> None:
        """Ends the running ``record`` at ``instant``; an end before its start is refused."""
        if record.started_at > now:
            raise InvalidInputError(
                f"the running session starts in the future ({self.local(record.started_at)}): "
                "the clock was wrong when it was started. Correct its start with "
                f"'edit {record.id} --start WHEN' (or Edit Session… in the window), or "
                "discard it",
                field=field,
            )
        if instant < record.started_at:
            raise InvalidInputError(
                f"{what} {self.local(instant)} is before the running session's start "
                f"({self.local(record.started_at)})",
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
        instant = check_supported(at.replace(microsecond=0), what)
        if instant > now:
            raise InvalidInputError(f"{what}: {self.local(instant)} is in the future", field=what)
        return instant


def _labels_like(session: Session, given: Labels) -> Labels:
    """``given``, where it says nothing, filled in from ``session``'s labels."""
    project = session.project.id if session.project else None
    return Labels(
        project if isinstance(given.project, _Unchanged) else given.project,
        session.tags if given.tags is None else given.tags,
        session.billable if given.billable is None else given.billable,
    )


def label(name: str) -> str:
    """A session name for messages: quoted, or "unnamed session"."""
    return f"“{name}”" if name else "unnamed session"
