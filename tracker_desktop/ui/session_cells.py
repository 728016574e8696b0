"""What each cell of the sessions table shows, role by role: texts, fonts, colours,
icons and tooltips of a session's row and of a day heading."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from typing import Any

from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.periods import Period
from tracker_desktop.core.service import Session
from tracker_desktop.ui.icons import tinted_icon
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, session_label, translate
from tracker_desktop.ui.locale_format import day_text, time_text
from tracker_desktop.ui.project_colors import PART_CONTRAST, color_dot, muted_text, readable
from tracker_desktop.ui.session_rows import DayRow, Heading, WeekRow, day_bounds

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
DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole.value
ANSWERED = frozenset(
    (
        DISPLAY,
        EDIT,
        DECORATION,
        TOOLTIP,
        ALIGNMENT,
        FONT,
        FOREGROUND,
        BACKGROUND,
        ACCESSIBLE,
        DESCRIPTION,
    )
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
# Amber reads as "look here"; darkened on light backgrounds (overlap_icon).
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


def disclosure_icon(expanded: bool) -> QIcon:
    """A small triangle in the text colour: pointing down while a heading is expanded,
    towards the text while collapsed (drawn, not loaded: no image file to decode)."""
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    color = QApplication.palette().color(QPalette.ColorRole.Text).rgba()
    return _triangle("down" if expanded else "left" if rtl else "right", color)


@cache
def _triangle(pointing: str, rgba: int) -> QIcon:
    """Made once per direction and colour (a palette change makes new ones)."""
    points = {
        "down": [QPointF(4, 6), QPointF(12, 6), QPointF(8, 11)],
        "left": [QPointF(10, 4), QPointF(10, 12), QPointF(5, 8)],
        "right": [QPointF(6, 4), QPointF(6, 12), QPointF(11, 8)],
    }[pointing]
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor.fromRgba(rgba))
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    return QIcon(pixmap)


def muted() -> QColor:
    """The palette's placeholder colour made readable (4.5:1): text that steps back."""
    palette = QApplication.palette()
    return _muted(palette.cacheKey())


@cache
def _muted(palette_key: int) -> QColor:
    return muted_text(QApplication.palette(), QPalette.ColorRole.Base)


def overlap_icon() -> QIcon:
    """The overlap sign in amber that reads on the table (3:1), and in the selection's
    text colour on a selected row."""
    palette = QApplication.palette()
    amber = readable(OVERLAP_COLOR, palette.color(QPalette.ColorRole.Base), PART_CONTRAST + 0.2)
    selected = palette.color(QPalette.ColorRole.HighlightedText)
    return tinted_icon("overlap", amber, selected)


class SessionCells:
    """The cells of one table, given the shown period, the clock and the overlaps."""

    def __init__(
        self,
        zone: tzinfo,
        day_total: Callable[[date], timedelta],
        week_total: Callable[[WeekRow], timedelta],
        collapsed: set[Heading],
    ) -> None:
        self.zone = zone
        self.period: Period | None = None
        self.now = datetime.now().astimezone()
        self.overlaps: dict[int, list[Session]] = {}
        self.day_notes: Callable[[date], str] = lambda day: ""
        self._day_total = day_total
        self._week_total = week_total
        self._collapsed = collapsed  # the model's, read as it changes
        self._bounds: dict[date, tuple[datetime, datetime]] = {}
        self._locale = QLocale()

    # -- a day heading -----------------------------------------------------------------

    def day(self, day: date, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == NAME:
                return day_text(day, self._locale, year=False)
            if column == DURATION:
                return format_duration(self._day_total(day))
            return None
        if role == TOOLTIP and column in (NAME, DURATION):
            return self.day_notes(day) or None
        return self._heading(DayRow(day), column, role, self.day)

    # -- a week heading (month view) -------------------------------------------------------

    def week(self, week: WeekRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == NAME:
                return self.week_title(week)
            if column == DURATION:
                return format_duration(self._week_total(week))
            return None
        if role == BACKGROUND:
            color = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
            color.setAlpha(28)
            return color
        return self._heading(week, column, role, self.week)

    def week_title(self, week: WeekRow) -> str:
        """ "Week 23 Nov – 29 Nov" ("Woche 23. Nov. – 29. Nov."): the week's days inside
        the month, in the locale's order."""
        first, last = week.first_day, week.end_day - timedelta(days=1)
        days = day_text(last, self._locale, year=False, short=True, weekday=False)
        if first != last:
            start = day_text(first, self._locale, year=False, short=True, weekday=False)
            days = f"{start} – {days}"
        return translate("SessionCells", "Week {days}").format(days=days)

    def _heading(self, heading: Heading, column: int, role: int, cell: Callable[..., Any]) -> Any:
        """What day and week headings share: bold, a disclosure sign, read out with
        their total and whether they are collapsed."""
        key: Any = heading.day if isinstance(heading, DayRow) else heading
        if role == FONT:
            return table_font(bold=True)
        if role == BACKGROUND:  # apart from the rows' Base and AlternateBase stripes
            return QApplication.palette().color(QPalette.ColorRole.Window)
        if role == ALIGNMENT:
            return ALIGNMENTS[column]
        if role == DECORATION and column == NAME:
            return disclosure_icon(heading not in self._collapsed)
        if role == ACCESSIBLE and column == NAME:
            said = translate("SessionCells", "{day}, total {total}").format(
                day=cell(key, NAME, DISPLAY), total=cell(key, DURATION, DISPLAY)
            )
            if heading in self._collapsed:
                return translate("SessionCells", "{heading}, collapsed").format(heading=said)
            return said
        if role == DESCRIPTION and column == NAME:
            return translate("SessionCells", "Left collapses, Right expands")
        return None

    # -- a session -----------------------------------------------------------------------

    def session(self, session: Session, day: date, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self.text(session, day, column)
        if role == EDIT:
            return session.name if column == NAME else self.text(session, day, column)
        if role == DECORATION:
            if column == NAME and session.id in self.overlaps:
                return overlap_icon()
            if column == PROJECT and session.project is not None:
                return color_dot(session.project.color)
            return None
        if role == TOOLTIP:
            return self._tooltip(session, day, column)
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
        if role == ACCESSIBLE:
            if column == DURATION and not session.billable:
                return translate("SessionCells", "{duration}, not billable").format(
                    duration=self.text(session, day, DURATION)
                )
            if column == NAME and session.id in self.overlaps:
                return translate("SessionCells", "{name}, overlaps another session").format(
                    name=self.text(session, day, NAME)
                )
            return None
        if role == DESCRIPTION and column == NAME:
            return "\n".join(self._notes(session, day)) or None
        return None

    def _notes(self, session: Session, day: date) -> list[str]:
        """What a row's tooltip adds: the other sessions it overlaps, and the whole
        session when only part of it lies in the row's day."""
        notes = [
            translate("SessionCells", "Overlaps {session}").format(session=self._describe(o))
            for o in self.overlaps.get(session.id, [])
        ]
        start, end = self._day_bounds(day)
        if session.start < start or (session.end or self.now) > end:
            whole = format_duration(session.duration(self.now))
            notes.append(
                translate(
                    "SessionCells",
                    "Whole session: {span}, {whole}; {part} of it on this day. Editing or "
                    "deleting it changes the whole session.",
                ).format(
                    span=self._span(session), whole=whole, part=self.text(session, day, DURATION)
                )
            )
        return notes

    def _tooltip(self, session: Session, day: date, column: int) -> str | None:
        if column == NAME:
            name = session.name or translate("SessionCells", UNNAMED)
            return "\n".join([name, *self._notes(session, day)])
        if column in LABEL_COLUMNS:
            return self.text(session, day, column) or None
        notes = self._notes(session, day)[len(self.overlaps.get(session.id, [])) :]
        if column == END and session.running:
            return "\n".join([translate("SessionCells", "Running"), *notes])
        if column == DURATION and not session.billable:
            return "\n".join([translate("SessionCells", NOT_BILLABLE), *notes])
        return "\n".join(notes) or None

    def text(self, session: Session, day: date, column: int) -> str:
        """A cell's text for ``session`` as listed under ``day``: times on another day
        show their date; the duration is the part inside the day."""
        if column == NAME:
            return session.name or translate("SessionCells", UNNAMED)
        if column == PROJECT:
            return session.project.label if session.project else ""
        if column == TAGS:
            return ", ".join(session.tags)
        if column == START:
            return self._time_text(session.start, day)
        if column == END:
            if session.end is None:
                return translate("SessionCells", "running")
            return self._time_text(session.end, day)
        return format_duration(session.time_within(*self._day_bounds(day), self.now))

    def _day_bounds(self, day: date) -> tuple[datetime, datetime]:
        if day not in self._bounds:
            self._bounds[day] = day_bounds(day, self.zone)
        return self._bounds[day]

    def _describe(self, session: Session) -> str:
        """“Name” (Tue 24 Nov 09:00–10:30), for tooltips."""
        return f"{session_label(session.name)} ({self._span(session)})"

    def _span(self, session: Session) -> str:
        """Tue 24 Nov 09:00–10:30 (the end's date too when on another day)."""
        local_start = session.start.astimezone(self.zone)
        day = day_text(local_start.date(), self._locale, year=False, short=True)
        start = self._time_text(session.start, local_start.date())
        if session.end is None:
            end = translate("SessionCells", "now")
        else:
            end = self._time_text(session.end, local_start.date())
        return f"{day} {start}–{end}"

    def _time_text(self, instant: datetime, same_day: date) -> str:
        """Local time in the locale's format, with the day when it is not ``same_day``."""
        local = instant.astimezone(self.zone)
        text = time_text(local, self._locale)
        if local.date() != same_day:
            text = f"{day_text(local.date(), self._locale, year=False, short=True)} {text}"
        return text
