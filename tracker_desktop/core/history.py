"""What a change did to the stored rows, so it can be undone and redone exactly."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the models load with the first change only
    from tracker_desktop.core.models import SessionRecord


class RowState(NamedTuple):
    """Every column of one stored session row."""

    id: int
    name: str
    started_at: datetime
    ended_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, record: SessionRecord) -> RowState:
        return cls(
            record.id,
            record.name,
            record.started_at,
            record.ended_at,
            record.created_at,
            record.updated_at,
        )


class Change(NamedTuple):
    """The rows one operation touched, before and after it (absent = no such row)."""

    description: str
    before: tuple[RowState, ...]
    after: tuple[RowState, ...]

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(row.id for row in (*self.before, *self.after))

    def inverse(self) -> Change:
        return self._replace(before=self.after, after=self.before)

    @property
    def changed_anything(self) -> bool:
        return set(self.before) != set(self.after)
