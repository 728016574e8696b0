"""What a change did to the stored rows, so it can be undone and redone exactly, and the
listeners that are told of every change (undo, the window's views, later sync)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")


class RowState(NamedTuple):
    """Every column of one stored row: its table, its id and each field's value."""

    table: str
    id: int
    # The field names in order, one tuple shared by all the rows of a table (an import
    # keeps a few hundred thousand rows for its undo), and the row's Python values.
    fields: tuple[str, ...]
    values: tuple[Any, ...]

    @classmethod
    def of(cls, record: Any) -> RowState:
        """The state of a model instance (``core/models.py``); a foreign key as its id."""
        meta, data = record._meta, record.__data__
        names = field_names(meta.fields)
        return cls(meta.table_name, record.id, names, tuple(data.get(n) for n in names))

    @property
    def key(self) -> tuple[str, int]:
        return self.table, self.id

    def as_dict(self) -> dict[str, Any]:
        return dict(zip(self.fields, self.values, strict=True))


_FIELD_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}


def field_names(fields: Iterable[str]) -> tuple[str, ...]:
    """The field names of a model as one shared tuple."""
    names = tuple(fields)
    return _FIELD_NAMES.setdefault(names, names)


class Change(NamedTuple):
    """The rows one operation touched, before and after it (absent = no such row)."""

    description: str
    before: tuple[RowState, ...]
    after: tuple[RowState, ...]
    # Brought from the sync server: views refresh, but it is nobody's to undo here.
    from_server: bool = False

    @property
    def keys(self) -> frozenset[tuple[str, int]]:
        """(table, id) of every row the change touched."""
        return frozenset(row.key for row in (*self.before, *self.after))

    def inverse(self) -> Change:
        return self._replace(before=self.after, after=self.before)

    @property
    def changed_anything(self) -> bool:
        return set(self.before) != set(self.after)


class Listeners(Generic[T]):
    """Any number of callbacks, each told of every event in the order they were added."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], None]] = []

    def add(self, callback: Callable[[T], None]) -> None:
        self._callbacks.append(callback)

    def remove(self, callback: Callable[[T], None]) -> None:
        self._callbacks.remove(callback)

    def __len__(self) -> int:
        return len(self._callbacks)

    def __call__(self, event: T) -> None:
        for callback in list(self._callbacks):
            callback(event)
