"""Importing another tracker's history, or this product's own JSON export.

``Importer.preview`` is the dry run: it reads the whole file and tells what an import
would do (sessions to import, entries skipped as imported before, the clients, projects
and tags it would make, the dates covered, every problem with its line), and writes
nothing. ``Importer.run`` imports: one transaction, so everything or nothing, and one
change (one undo step in the window). Both report progress on large files.

Each imported session keeps its origin (the source and the entry's key there), so that
importing the same entries again adds nothing. Sessions are written a few hundred at a
time, and each client, project and tag is looked up once per distinct name: 100,000
entries take seconds, in memory that grows only with the names and the keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

import peewee

from tracker_desktop.core import catalog
from tracker_desktop.core.clock import check_supported
from tracker_desktop.core.errors import ConflictError, InvalidInputError
from tracker_desktop.core.importers.entries import (
    ClientSpec,
    Entry,
    Problem,
    ProjectSpec,
    Source,
    TagSpec,
    clean_tag,
    running_key,
)
from tracker_desktop.core.importers.formats import open_source
from tracker_desktop.core.json_export import NATIVE_SOURCE
from tracker_desktop.core.models import (
    DATABASE_ID,
    Client,
    Project,
    Record,
    SessionOrigin,
    SessionRecord,
    SessionTag,
    Stat,
)
from tracker_desktop.core.names import name_key, normalize_label, normalize_name
from tracker_desktop.core.service import Tracker, label
from tracker_desktop.core.writes import Recorder

# Problems listed in a preview (a broken file could have one per line).
MAX_PROBLEMS = 100
# Sessions written per statement.
_BATCH = 500
# Items read between two progress reports.
_PROGRESS_EVERY = 1000
# Session names remembered cleaned (a file of all different names needs none).
_NAMES_KEPT = 10_000

Progress = Callable[[int, int], None]
"""Told (bytes read, bytes in all) as a file is read; raising from it stops the import
(nothing is written)."""


class ImportSummary(NamedTuple):
    """What an import did, or (``dry_run``) would do."""

    format: str  # as --format names it
    path: Path
    imported: int
    skipped: int  # imported before (or twice in the file)
    clients_created: tuple[str, ...]
    projects_created: tuple[str, ...]  # "Acme ▸ Website"
    tags_created: tuple[str, ...]
    first_day: date | None  # the local dates the imported sessions cover
    last_day: date | None
    running: bool  # one of them runs
    problems: tuple[Problem, ...]  # the first MAX_PROBLEMS
    unlisted_problems: int  # problems beyond those
    notes: tuple[str, ...]  # what the reader chose where the file left a choice
    dry_run: bool

    def counts(self) -> dict[str, int]:
        """The summary as ``import --json`` prints it."""
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "clients_created": len(self.clients_created),
            "projects_created": len(self.projects_created),
            "tags_created": len(self.tags_created),
        }

    def error(self) -> InvalidInputError:
        """The problems as one line: the first, and how many more."""
        more = len(self.problems) - 1 + self.unlisted_problems
        also = (
            f" (and {more} more problem{'s' * (more != 1)}; --dry-run lists them)" if more else ""
        )
        return InvalidInputError(f"{self.problems[0]}{also}; nothing was imported", field="file")


class Importer:
    """Imports files into the tracker's database, through its writer."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker

    def preview(
        self,
        path: Path | None,
        format_name: str | None = None,
        zone: tzinfo | None = None,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """What importing ``path`` would do; writes nothing. Problems in entries are
        listed; a file that cannot be read as the format is invalid input."""
        source = open_source(path, format_name, zone or self.tracker.zone)
        try:
            with self.tracker.storage.snapshot():
                return _Pass(self.tracker, source, None, progress).run()
        finally:
            source.close()

    def run(
        self,
        path: Path | None,
        format_name: str | None = None,
        zone: tzinfo | None = None,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Imports ``path``: all of it in one transaction and one change, or nothing
        (any problem is invalid input, naming the first)."""
        source = open_source(path, format_name, zone or self.tracker.zone)
        try:
            with self.tracker.changing() as change:
                summary = _Pass(self.tracker, source, change, progress).run()
                if summary.problems:
                    raise summary.error()
                count = summary.imported
                change.description = (
                    f"Import {count} session{'s' * (count != 1)} from {source.path.name}"
                )
            return summary
        finally:
            source.close()


class _Row(NamedTuple):
    """A checked entry, ready to be written."""

    name: str
    start: datetime
    end: datetime | None
    project_id: int | None
    billable: bool
    tag_ids: tuple[int, ...]
    source: str
    key: str


class _Pass:
    """One reading of a source: checks each entry, skips what is imported already,
    finds or makes (or, in a dry run, counts) what the entries need, and, given a
    change to record into, writes the sessions."""

    def __init__(
        self, tracker: Tracker, source: Source, change: Recorder | None, progress: Progress | None
    ) -> None:
        self.tracker = tracker
        self.source = source
        self.change = change
        self.progress = progress
        self.now = tracker.now()
        self.keys: dict[str, set[str]] = {}  # the origins known, by source
        self.clients: dict[str, int] = {}  # by name key; a dry run's new ones are < 0
        self.projects: dict[tuple[int | None, str], tuple[int, bool]] = {}
        # The same, by the client and project names as the file spells them, and each
        # session name cleaned: entries repeat a few names many times.
        self.labels: dict[tuple[str | None, str], tuple[int | None, bool]] = {}
        self.names: dict[str, str] = {}
        self.tags: dict[str, int] = {}
        self.clients_created: list[str] = []
        self.projects_created: list[str] = []
        self.tags_created: list[str] = []
        self.problems: list[Problem] = []
        self.unlisted = 0
        self.imported = self.skipped = 0
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.running_entry: Entry | None = None
        self.running_here: SessionRecord | None = SessionRecord.get_or_none(
            SessionRecord.ended_at.is_null()
        )
        self.own_ids: set[int] | None = None
        database_id = Stat.select(Stat.value).where(Stat.key == DATABASE_ID).scalar()
        self.own_key = re.compile(rf"{int(database_id or 0):x}\.(\d+)")
        self.batch: list[_Row] = []
        self.next_ids = {
            model: (model.select(peewee.fn.max(model.id)).scalar() or 0) + 1
            for model in (SessionRecord, SessionOrigin, SessionTag)
        }

    def run(self) -> ImportSummary:
        self._report()
        for count, item in enumerate(self.source.items(), start=1):
            if isinstance(item, Entry):
                self._entry(item)
            elif isinstance(item, Problem):
                self._problem(item)
            else:
                try:
                    self._declared(item)
                except InvalidInputError as error:
                    self._problem(Problem(item.where, str(error)))
            if count % _PROGRESS_EVERY == 0:
                self._report()
        self._flush()
        self._report()
        zone = self.tracker.zone
        return ImportSummary(
            format=self.source.format,
            path=self.source.path,
            imported=self.imported,
            skipped=self.skipped,
            clients_created=tuple(self.clients_created),
            projects_created=tuple(self.projects_created),
            tags_created=tuple(self.tags_created),
            first_day=None if self.first is None else self.first.astimezone(zone).date(),
            last_day=None if self.last is None else self.last.astimezone(zone).date(),
            running=self.running_entry is not None,
            problems=tuple(self.problems),
            unlisted_problems=self.unlisted,
            notes=tuple(self.source.notes),
            dry_run=self.change is None,
        )

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.source.bytes_read(), self.source.total_bytes)

    def _problem(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.unlisted += 1

    # -- sessions ------------------------------------------------------------------

    def _entry(self, entry: Entry) -> None:
        keys = self._keys(entry.source)
        if (
            entry.key in keys
            or (entry.end is not None and running_key(entry.start) in keys)
            or self._made_here(entry)
        ):
            self.skipped += 1
            return
        try:
            row = self._checked(entry)
        except InvalidInputError as error:
            self._problem(Problem(entry.where, str(error)))
            return
        keys.add(entry.key)
        self.imported += 1
        if self.first is None or row.start < self.first:
            self.first = row.start
        until = row.end or row.start
        if self.last is None or until > self.last:
            self.last = until
        if self.change is not None and not self.problems:
            self.batch.append(row)
            if len(self.batch) >= _BATCH:
                self._flush()

    def _keys(self, source: str) -> set[str]:
        """The keys of the sessions imported from ``source`` so far (read once)."""
        found = self.keys.get(source)
        if found is None:
            query = SessionOrigin.select(SessionOrigin.key).where(SessionOrigin.source == source)
            found = {key for (key,) in SessionOrigin._meta.database.execute(query)}
            self.keys[source] = found
        return found

    def _made_here(self, entry: Entry) -> bool:
        """Whether ``entry`` is a session of this very database (its own export, read
        back) that still exists."""
        if entry.source != NATIVE_SOURCE:
            return False
        match = self.own_key.fullmatch(entry.key)
        if match is None:
            return False
        if self.own_ids is None:
            query = SessionRecord.select(SessionRecord.id)
            self.own_ids = {sid for (sid,) in SessionRecord._meta.database.execute(query)}
        return int(match.group(1)) in self.own_ids

    def _checked(self, entry: Entry) -> _Row:
        """``entry`` as a session, by the rules every session follows; the labels it
        needs are found or made."""
        start = check_supported(entry.start.replace(microsecond=0).astimezone(UTC), "start")
        end = None
        if entry.end is not None:
            end = check_supported(entry.end.replace(microsecond=0).astimezone(UTC), "end")
        for what, instant in (("start", start), ("end", end)):
            if instant is not None and instant > self.now:
                raise InvalidInputError(f"{what}: {self.tracker.local(instant)} is in the future")
        if end is not None and end < start:
            raise InvalidInputError(
                f"end: {self.tracker.local(end)} is before the start ({self.tracker.local(start)})"
            )
        name = self.names.get(entry.name)
        if name is None:
            name = normalize_name(entry.name)
            if len(self.names) < _NAMES_KEPT:
                self.names[entry.name] = name
        project_id, billable = None, True
        if entry.project is not None:
            labels = (entry.client, entry.project)
            found = self.labels.get(labels)
            if found is None:
                found = self.labels[labels] = self._project(entry.client, entry.project)
            project_id, billable = found
        tag_ids = self._tag_ids(entry.tags)
        if end is None:
            self._may_run(entry, name)
        if entry.billable is not None:
            billable = entry.billable
        return _Row(name, start, end, project_id, billable, tag_ids, entry.source, entry.key)

    def _may_run(self, entry: Entry, name: str) -> None:
        """A running entry starts the running session, where none runs."""
        if self.running_entry is not None:
            raise InvalidInputError(
                f"it runs, as {self.running_entry.where} does; at most one session runs"
            )
        if self.running_here is not None:
            here = self.running_here
            raise ConflictError(
                f"{entry.where}: this entry is still running (since "
                f"{self.tracker.local(entry.start)}), and a session runs here already "
                f"({label(here.name)}, since {self.tracker.local(here.started_at)}); stop "
                "that session, then import again. Nothing was imported"
            )
        self.running_entry = entry

    def _flush(self) -> None:
        """Writes the checked sessions waiting, with their origins and tags."""
        if not self.batch or self.change is None:
            return
        now = self.now
        ids = self.next_ids
        first = {model: ids[model] for model in ids}
        sessions, origins, links = [], [], []
        for row in self.batch:
            session_id = ids[SessionRecord]
            ids[SessionRecord] += 1
            sessions.append(
                (session_id, row.name, row.start, row.end, now, now, row.project_id, row.billable)
            )
            origins.append((ids[SessionOrigin], session_id, row.source, row.key))
            ids[SessionOrigin] += 1
            for tag_id in row.tag_ids:
                links.append((ids[SessionTag], session_id, tag_id))
                ids[SessionTag] += 1
        _S, _O, _T = SessionRecord, SessionOrigin, SessionTag
        insert = self.tracker.storage.insert_rows
        insert(_S, [_S.id, _S.name, _S.started_at, _S.ended_at, _S.created_at, _S.updated_at,
                    _S.project, _S.billable], sessions)  # fmt: skip
        insert(_O, [_O.id, _O.session, _O.source, _O.key], origins)
        insert(_T, [_T.id, _T.session, _T.tag], links)
        for model, start in first.items():
            self.change.watch_new_ids(model, range(start, ids[model]))
        self.batch.clear()

    # -- clients, projects, tags -------------------------------------------------------

    def _found_or_made(
        self,
        known: dict[str, int],
        name: str,
        created: list[str],
        find: Callable[[], Record | None],
        make: Callable[[], int],
    ) -> int:
        """The id of the client or tag ``name``: looked up once, made when missing (in
        a dry run, a number below zero stands for it)."""
        key = name_key(name)
        found = known.get(key)
        if found is None:
            record = find()
            if record is not None:
                found = int(record.id)
            else:
                created.append(name)
                found = -len(created) if self.change is None else make()
            known[key] = found
        return found

    def _client(self, name: str, spec: ClientSpec | None = None) -> int:
        name = normalize_label(name, "client")
        return self._found_or_made(
            self.clients,
            name,
            self.clients_created,
            lambda: catalog.find_client(name),
            lambda: self._make_client(name, spec),
        )

    def _make_client(self, name: str, spec: ClientSpec | None) -> int:
        rate, currency = (None, None) if spec is None else (spec.rate, spec.currency)
        record = catalog.create_client(self._recorder(), name, self.now, rate, currency)
        if spec is not None and spec.archived:
            record.archived = True
            record.save()
        return int(record.id)

    def _project(
        self, client: str | None, name: str, spec: ProjectSpec | None = None
    ) -> tuple[int | None, bool]:
        """The id and billable default of project ``name`` of ``client`` (None: among
        the projects without a client), made when missing; no project for a blank name."""
        if not name.strip():
            return None, True
        name = normalize_label(name, "project")
        owner = None if client is None or not client.strip() else normalize_label(client, "client")
        client_id = None if owner is None else self._client(owner)
        key = (client_id, name_key(name))
        found = self.projects.get(key)
        if found is None:
            record = (
                None
                if client_id is not None and client_id < 0
                else (catalog.find_project_in(name, client_id))
            )
            if record is not None:
                found = (record.id, record.billable)
            else:
                self.projects_created.append(f"{owner} ▸ {name}" if owner else name)
                billable = True if spec is None else spec.billable
                found = (-len(self.projects_created), billable)
                if self.change is not None:
                    found = (self._make_project(name, client_id, spec), billable)
            self.projects[key] = found
        return found

    def _make_project(self, name: str, client_id: int | None, spec: ProjectSpec | None) -> int:
        owner = None if client_id is None else Client.get_by_id(client_id)
        record: Project = catalog.create_project(
            self._recorder(),
            name,
            self.now,
            owner,
            color=None if spec is None else spec.color,
            rate=None if spec is None else spec.rate,
            billable=True if spec is None else spec.billable,
        )
        if spec is not None and spec.archived:
            record.archived = True
            record.save()
        return int(record.id)

    def _tag_ids(self, tags: tuple[str, ...]) -> tuple[int, ...]:
        ids: dict[int, None] = {}
        for text in tags:
            name = clean_tag(text)
            if name:
                ids[self._tag(name)] = None
        return tuple(ids)

    def _tag(self, name: str) -> int:
        return self._found_or_made(
            self.tags,
            name,
            self.tags_created,
            lambda: catalog.find_tag(name),
            lambda: int(catalog.create_tag(self._recorder(), name, self.now).id),
        )

    def _recorder(self) -> Recorder:
        assert self.change is not None  # only an import (not a dry run) makes anything
        return self.change

    def _declared(self, item: ClientSpec | ProjectSpec | TagSpec | Any) -> None:
        """A client, project or tag the file declares with its settings: made when
        missing (one that exists keeps its own settings)."""
        if isinstance(item, ClientSpec):
            self._client(item.name, item)
        elif isinstance(item, ProjectSpec):
            self._project(item.client, item.name, item)
        elif isinstance(item, TagSpec):
            name = clean_tag(item.name)
            if name:
                self._tag(name)
