"""Rows with room to breathe in lists and trees (Qt's default row is as tall as its text,
which reads cramped next to the sessions table's taller rows)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

EXTRA_HEIGHT = 10


class RoomyDelegate(QStyledItemDelegate):
    """Qt's own delegate, its rows ``EXTRA_HEIGHT`` pixels taller."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + EXTRA_HEIGHT)
