"""The one way rows change: a transaction that records the rows it touches, tells every
listener what changed (undo, the views, later sync), and can be reversed exactly."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import datetime, tzinfo
from typing import Any

import peewee

from tracker_desktop.core.clock import Clock, SystemClock, local_zone, whole_seconds
from tracker_desktop.core.errors import ConflictError
from tracker_desktop.core.formatting import local_minutes
from tracker_desktop.core.history import Change, Listeners, RowState, field_names
from tracker_desktop.core.models import RECORDS, RECORDS_BY_TABLE, Record
from tracker_desktop.core.storage import Storage


class _Unchanged:
    """Marks an argument that was not given (where None is a meaningful value)."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()


class Recorder:
    """Collects the rows a change touches, as they were before it."""

    def __init__(self) -> None:
        self.before: dict[tuple[str, int], RowState] = {}
        self.keys: list[tuple[str, int]] = []
        self.description = ""
        self.from_server = False  # the change came from the sync server (see Change)

    def watch(self, record: Record) -> None:
        """Remember ``record`` as it is now, before it is changed or deleted."""
        state = RowState.of(record)
        if state.key not in self.before:
            self.before[state.key] = state
            self.keys.append(state.key)

    def watch_new(self, record: Record) -> None:
        """Remember that ``record`` did not exist before."""
        self.keys.append((record._meta.table_name, record.id))

    def watch_new_ids(self, model: type[Record], ids: Iterable[int]) -> None:
        """Remember that the rows ``ids`` of ``model`` did not exist before (rows added
        many at a time)."""
        table = model._meta.table_name
        self.keys.extend((table, row_id) for row_id in ids)


class Writer:
    """Storage, clock and zone, with the change listeners every writer shares."""

    def __init__(
        self, storage: Storage, clock: Clock | None = None, zone: tzinfo | None = None
    ) -> None:
        self.storage = storage
        self.clock: Clock = clock or SystemClock()
        self.zone: tzinfo = zone or local_zone()
        # Told of every change made through this writer (undo, the window's views).
        self.changes: Listeners[Change] = Listeners()

    def now(self) -> datetime:
        """The current instant, in whole seconds."""
        return whole_seconds(self.clock.now())

    def local(self, instant: datetime) -> str:
        """``instant`` for messages: local date and minutes."""
        return local_minutes(instant, self.zone)

    @contextlib.contextmanager
    def changing(self) -> Iterator[Recorder]:
        """One write transaction whose touched rows are recorded and, once committed,
        reported to ``changes`` (before and after: all an undo needs)."""
        recorder = Recorder()
        with self.storage.atomic():
            yield recorder
            # Nobody listening (the command line): the rows need not be read back.
            after = tuple(_current_rows(recorder.keys)) if self.changes else ()
        change = Change(
            recorder.description, tuple(recorder.before.values()), after, recorder.from_server
        )
        if self.changes and change.changed_anything:
            self.changes(change)

    def apply(self, change: Change) -> None:
        """Moves the touched rows from ``change.before`` to ``change.after`` exactly.

        Refused (ConflictError) when those rows are no longer as ``change.before`` says,
        for example because another program edited them meanwhile.
        """
        try:
            with self.storage.atomic():
                # The stored rows are compared as they are read, none kept: an import's
                # change names a few hundred thousand.
                before = {row.key: row for row in change.before}
                wanted = {row.key: row for row in change.after}
                current: set[tuple[str, int]] = set()
                differ: set[tuple[str, int]] = set()
                for row in _current_rows(change.keys):
                    if before.get(row.key) != row:
                        raise self._conflict(change)
                    current.add(row.key)
                    if row.key in wanted and wanted[row.key] != row:
                        differ.add(row.key)
                if len(current) != len(before):
                    raise self._conflict(change)
                # Row by row: gone rows first, then changed ones, then new ones (so that
                # a running session stops before another starts); references between
                # them are checked at the commit, when all are in place.
                self.storage.defer_foreign_keys()
                for model in reversed(RECORDS):
                    table = model._meta.table_name
                    gone = [key[1] for key in current if key not in wanted and key[0] == table]
                    for rows in _id_groups(model, gone):
                        model.delete().where(rows).execute()
                missing = {key for key in wanted if key not in current}
                for key, row in wanted.items():
                    if key in differ:
                        model = RECORDS_BY_TABLE[key[0]]
                        values = row.as_dict()
                        del values["id"]
                        if not model.update(**values).where(model.id == row.id).execute():
                            # Deleting a gone row took it along (ON DELETE CASCADE): a
                            # row that pointed at a tag the change made, say.
                            missing.add(key)
                for model in RECORDS:
                    table = model._meta.table_name
                    new = [row for key, row in wanted.items() if key in missing and key[0] == table]
                    if new:
                        fields = [model._meta.fields[name] for name in new[0].fields]
                        self.storage.insert_rows(model, fields, [row.values for row in new])
        except ConflictError as error:
            if error.__cause__ is None:
                raise
            raise ConflictError(
                f"{change.description} cannot be reversed: another session is running now, "
                "or a name it needs is taken"
            ) from error

    @staticmethod
    def _conflict(change: Change) -> ConflictError:
        return ConflictError(
            f"{change.description} cannot be reversed: what it changed was changed elsewhere since"
        )


# Ids per statement when rows are named by id (SQLite allows a limited number of variables).
_CHUNK = 500
# Consecutive ids from which a range is cheaper than a list.
_RUN = 16


def _id_groups(model: type[Record], ids: Iterable[int]) -> Iterator[peewee.Expression]:
    """Conditions that together pick the rows ``ids`` of ``model``: a range for each run
    of consecutive ids (the rows of an import), lists of at most ``_CHUNK`` for the rest."""
    ordered = sorted(set(ids))
    scattered: list[int] = []
    first = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index] != ordered[index - 1] + 1:
            if index - first >= _RUN:
                yield model.id.between(ordered[first], ordered[index - 1])
            else:
                scattered.extend(ordered[first:index])
            first = index
    for chunk in range(0, len(scattered), _CHUNK):
        yield model.id.in_(scattered[chunk : chunk + _CHUNK])


def _ids_by_table(keys: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    ids: dict[str, list[int]] = {}
    for table, row_id in keys:
        ids.setdefault(table, []).append(row_id)
    return ids


def _current_rows(keys: Iterable[tuple[str, int]]) -> Iterator[RowState]:
    """The stored state of the rows ``keys`` name (those that exist), read as tuples
    (no model objects: an import touches a few hundred thousand rows)."""
    for table, ids in _ids_by_table(keys).items():
        model = RECORDS_BY_TABLE[table]
        names = field_names(model._meta.fields)
        columns = [model._meta.fields[name] for name in names]
        for group in _id_groups(model, ids):
            query = model.select(*columns).where(group)
            rows: Iterable[tuple[Any, ...]] = query.tuples()  # type: ignore[assignment]
            for row in rows:
                yield RowState(table, row[0], names, row)
