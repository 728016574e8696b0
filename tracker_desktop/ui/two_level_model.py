"""A tree of two levels for QTreeView (groups and their rows): the index bookkeeping that
the Projects window's and the Reports window's models share."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class TwoLevelModel(QAbstractItemModel):
    """Top-level rows, each with rows of its own; subclasses say how many."""

    def top_count(self) -> int:
        """How many top-level rows there are."""
        raise NotImplementedError

    def child_count(self, row: int) -> int:
        """How many rows top-level row ``row`` holds."""
        raise NotImplementedError

    @staticmethod
    def top_row(index: Index) -> int:
        """The top-level row that ``index`` is under; -1 when it is one itself."""
        return index.internalId() - 1

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        # The internal id says whose child a row is: 0 for top-level, n + 1 under row n.
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self.top_count()
        if parent.internalId() == 0 and parent.column() == 0:
            return self.child_count(parent.row())
        return 0
