"""What each cell of the sessions table shows, role by role: texts, fonts, colours,
icons and tooltips of a session's row and of a day heading."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.periods import Period
from tracker_desktop.core.service import Session
from tracker_desktop.ui.icons import tinted_icon
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, session_label, translate
from tracker_desktop.ui.locale_format import day_text, time_text
from tracker_desktop.ui.project_colors import color_dot

# The view asks each cell for a dozen roles on every paint: they are compared as plain
# ints, and the roles this model never answers return at once.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
EDIT = Qt.ItemDataRole.EditRole.value
DECORATION = Qt.ItemDataRole.DecorationRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
FONT = Qt.ItemDataRole.FontRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
ANSWERED = frozenset(
    (DISPLAY, EDIT, DECORATION, TOOLTIP, ALIGNMENT, FONT, FOREGROUND, BACKGROUND, ACCESSIBLE)
)

NAME, PROJECT, TAGS, START, END, DURATION = range(6)
TIME_COLUMNS = (START, END, DURATION)
LABEL_COLUMNS = (PROJECT, TAGS)
HEADERS = (
    QT_TRANSLATE_NOOP("SessionCells", "Name"),
    QT_TRANSLATE_NOOP("SessionCells", "Project"),
    QT_TRANSLATE_NOOP("SessionCells", "Tags"),
    QT_TRANSLATE_NOOP("SessionCells", "Start"),
    QT_TRANSLATE_NOOP("SessionCells", "End"),
    QT_TRANSLATE_NOOP("SessionCells", "Duration"),
)
UNNAMED = QT_TRANSLATE_NOOP("SessionCells", "Unnamed session")
NOT_BILLABLE = QT_TRANSLATE_NOOP("SessionCells", "Not billable")
# Amber reads as "look here" on light and dark backgrounds alike.
OVERLAP_COLOR = QColor("#d08a00")


def tabular_font(base: QFont | None = None) -> QFont:
    """``base`` with tabular (fixed-width) digits, so ticking numbers never jump."""
    font = QFont(base) if base is not None else QFont()
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


@cache
def table_font(*, bold: bool = False, italic: bool = False) -> QFont:
    """The table's tabular font, made once per style (the view asks for it per cell)."""
    font = tabular_font()
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _alignment(column: int) -> int:
    horizontal = Qt.AlignmentFlag.AlignRight if column == DURATION else Qt.AlignmentFlag.AlignLeft
    return int(horizontal | Qt.AlignmentFlag.AlignVCenter)


ALIGNMENTS = tuple(_alignment(column) for column in range(len(HEADERS)))


def muted() -> QColor:
    """The palette's placeholder colour: text that steps back."""
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


class SessionCells:
    """The cells of one table, given the shown period, the clock and the overlaps."""

    def __init__(self, zone: tzinfo, day_total: Callable[[date], timedelta]) -> None:
        self.zone = zone
        self.period: Period | None = None
        self.now = datetime.now().astimezone()
        self.overlaps: dict[int, list[Session]] = {}
        self.day_notes: Callable[[date], str] = lambda day: ""
        self._day_total = day_total
        self._overlap_icon = tinted_icon("overlap", OVERLAP_COLOR)
        self._locale = QLocale()

    # -- a day heading -----------------------------------------------------------------

    def day(self, day: date, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == NAME:
                return day_text(day, self._locale, year=False)
            if column == DURATION:
                return format_duration(self._day_total(day))
            return None
        if role == FONT:
            return table_font(bold=True)
        if role == BACKGROUND:
            return QApplication.palette().color(QPalette.ColorRole.AlternateBase)
        if role == ALIGNMENT:
            return ALIGNMENTS[column]
        if role == TOOLTIP and column in (NAME, DURATION):
            return self.day_notes(day) or None
        if role == ACCESSIBLE and column == NAME:
            return translate("SessionCells", "{day}, total {total}").format(
                day=self.day(day, NAME, DISPLAY), total=self.day(day, DURATION, DISPLAY)
            )
        return None

    # -- a session -----------------------------------------------------------------------

    def session(self, session: Session, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self.text(session, column)
        if role == EDIT:
            return session.name if column == NAME else self.text(session, column)
        if role == DECORATION:
            if column == NAME and session.id in self.overlaps:
                return self._overlap_icon
            if column == PROJECT and session.project is not None:
                return color_dot(session.project.color)
            return None
        if role == TOOLTIP:
            return self._tooltip(session, column)
        if role == ALIGNMENT:
            return ALIGNMENTS[column]
        if role == FONT:
            return table_font(bold=session.running, italic=column == NAME and not session.name)
        if role == FOREGROUND:
            if (column == NAME and not session.name) or (
                column == DURATION and not session.billable
            ):
                return muted()
            return None
        if role == BACKGROUND and session.running:
            highlight = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(48)
            return highlight
        if role == ACCESSIBLE and column == DURATION and not session.billable:
            return translate("SessionCells", "{duration}, not billable").format(
                duration=self.text(session, DURATION)
            )
        return None

    def _tooltip(self, session: Session, column: int) -> str | None:
        if column == NAME:
            return "\n".join(
                [session.name or translate("SessionCells", UNNAMED)]
                + [
                    translate("SessionCells", "Overlaps {session}").format(
                        session=self._describe(o)
                    )
                    for o in self.overlaps.get(session.id, [])
                ]
            )
        if column in LABEL_COLUMNS:
            return self.text(session, column) or None
        if column == END and session.running:
            return translate("SessionCells", "Running")
        if column == DURATION and not session.billable:
            return translate("SessionCells", NOT_BILLABLE)
        return None

    def text(self, session: Session, column: int) -> str:
        if column == NAME:
            return session.name or translate("SessionCells", UNNAMED)
        if column == PROJECT:
            return session.project.label if session.project else ""
        if column == TAGS:
            return ", ".join(session.tags)
        # Times on another day than the row's (the day it is listed under) show their date.
        row_day = session.start.astimezone(self.zone).date()
        if self.period is not None:
            row_day = max(row_day, self.period.first_day)
        if column == START:
            return self._time_text(session.start, row_day)
        if column == END:
            if session.end is None:
                return translate("SessionCells", "running")
            return self._time_text(session.end, row_day)
        return format_duration(session.duration(self.now))

    def _describe(self, session: Session) -> str:
        """“Name” (Tue 24 Nov 09:00–10:30), for tooltips."""
        local_start = session.start.astimezone(self.zone)
        day = day_text(local_start.date(), self._locale, year=False, short=True)
        start = self._time_text(session.start, local_start.date())
        if session.end is None:
            end = translate("SessionCells", "now")
        else:
            end = self._time_text(session.end, local_start.date())
        return f"{session_label(session.name)} ({day} {start}–{end})"

    def _time_text(self, instant: datetime, same_day: date) -> str:
        """Local time in the locale's format, with the day when it is not ``same_day``."""
        local = instant.astimezone(self.zone)
        text = time_text(local, self._locale)
        if local.date() != same_day:
            text = f"{day_text(local.date(), self._locale, year=False, short=True)} {text}"
        return text
