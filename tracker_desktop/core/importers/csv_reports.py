"""Toggl Track's and Clockify's detailed reports as CSV: one row per time entry, with
local dates and times in the exporting account's time zone and date format.

The two share their columns but for case and the duration's name, so one reader serves
both; each program is a subclass naming its own choices.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import ClassVar

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.importers.entries import (
    Entry,
    Item,
    Occurrences,
    Problem,
    Source,
    TextFile,
    lines,
    optional_text,
    running_key,
    stable_key,
)
from tracker_desktop.core.importers.localtimes import (
    DateFormat,
    choose_date_format,
    offset_text,
    parse_clock,
    parse_duration,
    readings,
)

# Column names (compared case-insensitively), each with the other spellings met.
START_DATE, START_TIME, END_DATE, END_TIME = "Start date", "Start time", "End date", "End time"
REQUIRED = (START_DATE, START_TIME, END_DATE, END_TIME)
OPTIONAL = {
    "user": ("User", "Member"),
    "email": ("Email",),
    "client": ("Client",),
    "project": ("Project",),
    "task": ("Task",),
    "description": ("Description",),
    "billable": ("Billable",),
    "tags": ("Tags",),
    "duration": ("Duration", "Duration (h)"),
}
_YES = {"yes", "true", "1", "y"}
_NO = {"no", "false", "0", "n"}


def csv_records(file: TextFile) -> Iterator[tuple[int, list[str]]]:
    """The records of a CSV file, each with the line it starts on (a quoted field may
    span lines); blank lines are left out."""
    current = 0

    def physical() -> Iterator[str]:
        nonlocal current
        for number, text in lines(file):
            current = number
            yield text

    reader = csv.reader(physical(), strict=True)
    first = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InvalidInputError(
                f"{file.label}, line {current}: not valid CSV ({error})", field="file"
            ) from None
        if row:
            yield first, row
        first = current + 1


class Header:
    """Where each column is in the header row."""

    def __init__(self, row: list[str], label: str, program: str) -> None:
        self.width = len(row)
        self._index = {name.strip().casefold(): i for i, name in reversed(list(enumerate(row)))}
        missing = [name for name in REQUIRED if name.casefold() not in self._index]
        if missing:
            names = ", ".join(f"“{name}”" for name in missing)
            raise InvalidInputError(
                f"{label}, line 1: no {names} column; this is not {program}'s detailed "
                "report as CSV (export it from Reports ▸ Detailed ▸ Export ▸ CSV)",
                field="file",
            )
        self.columns = {name: self._index[name.casefold()] for name in REQUIRED}
        for field, spellings in OPTIONAL.items():
            for name in spellings:
                if name.casefold() in self._index:
                    self.columns[field] = self._index[name.casefold()]
                    break

    def get(self, row: list[str], field: str) -> str:
        index = self.columns.get(field)
        return row[index] if index is not None and index < len(row) else ""


class CsvReport(Source):
    """A detailed report as CSV, its local times read in ``zone``."""

    program: ClassVar[str]  # "Toggl Track"
    origin: ClassVar[str]  # the origin's source
    preferred_dates: ClassVar[tuple[str, ...]]  # where several formats fit

    def __init__(self, path: Path, zone: tzinfo) -> None:
        super().__init__(path, [path])
        self.zone = zone
        self._twelve_hour = False

    def items(self) -> Iterator[Item]:
        date_format = self._date_format()
        zone_name = str(self.zone)
        self.notes.append(f"local times read in {zone_name} (--timezone to change)")
        file = self.open(self.path)
        records = csv_records(file)
        _, row = next(records, (1, []))
        header = Header(row, file.label, self.program)
        occurrences = Occurrences()
        for line, row in records:
            where = f"{file.label}, line {line}"
            if len(row) != header.width:
                yield Problem(
                    where, f"{len(row)} fields where the header has {header.width} (cut short?)"
                )
                continue
            yield self._entry(header, row, where, date_format, occurrences)
        self.finished(file)
        if self._twelve_hour:
            self.notes.append("times read in the 12-hour clock (AM/PM)")

    def _date_format(self) -> DateFormat:
        """Reads the file's dates once to tell which format they are written in."""
        distinct: set[str] = set()
        in_order: list[str] = []
        with TextFile(self.path) as file:
            records = csv_records(file)
            _, row = next(records, (1, []))
            header = Header(row, file.label, self.program)
            for _, row in records:
                for field in (START_DATE, END_DATE):
                    value = header.get(row, field).strip()
                    if value:
                        distinct.add(value)
                        if not in_order or in_order[-1] != value:
                            in_order.append(value)
        choice = choose_date_format(distinct, in_order, self.preferred_dates, self.program)
        self.notes.append(choice.note)
        return choice.format

    def _entry(
        self,
        header: Header,
        row: list[str],
        where: str,
        date_format: DateFormat,
        occurrences: Occurrences,
    ) -> Entry | Problem:
        def value(field: str) -> str:
            return header.get(row, field).strip()

        if "m" in value(START_TIME).casefold():
            self._twelve_hour = True
        start_wall = _wall(value(START_DATE), value(START_TIME), date_format)
        if isinstance(start_wall, str):
            return Problem(where, f"start: {start_wall}")
        end_wall: datetime | None = None
        if value(END_DATE) or value(END_TIME):
            end_text = value(END_DATE) or value(START_DATE)
            found = _wall(end_text, value(END_TIME), date_format)
            if isinstance(found, str):
                return Problem(where, f"end: {found}")
            end_wall = found
        duration = parse_duration(value("duration"))
        span = self._span(start_wall, end_wall, duration, where)
        if isinstance(span, Problem):
            return span
        start, end = span
        description = header.get(row, "description")
        task = value("task")
        name = f"{task}: {description}" if task and description.strip() else task or description
        tags = tuple(t for t in header.get(row, "tags").split(",") if t.strip())
        billable = value("billable").casefold()
        key = stable_key(
            value("email") or value("user"),
            start.isoformat(),
            end and end.isoformat(),
            value("client"),
            value("project"),
            task,
            description,
            ",".join(sorted(t.strip() for t in tags)),
            billable,
        )
        return Entry(
            start=start,
            end=end,
            name=name,
            client=optional_text(header.get(row, "client")),
            project=optional_text(header.get(row, "project")),
            tags=tags,
            billable=True if billable in _YES else False if billable in _NO else None,
            source=self.origin,
            key=occurrences.numbered(key) if end is not None else running_key(start),
            where=where,
        )

    def _span(
        self,
        start_wall: datetime,
        end_wall: datetime | None,
        duration: timedelta | None,
        where: str,
    ) -> tuple[datetime, datetime | None] | Problem:
        """The instants of a row's local start and end. Where a DST change repeats one
        of them, the reading that agrees with the row's duration wins (else the first
        occurrence), and a note says which was taken."""
        starts = readings(start_wall, self.zone)
        ends = [None] if end_wall is None else readings(end_wall, self.zone)
        for what, wall, found in (("start", start_wall, starts), ("end", end_wall, ends)):
            if not found:
                return Problem(
                    where,
                    f"{what}: {wall:%Y-%m-%d %H:%M} does not exist in {self.zone} (the clocks "
                    "skip it for daylight saving time); was the file exported in another "
                    "time zone? Give it with --timezone",
                )
        pairs = [(s, e) for s in starts for e in ends if e is None or e >= s]
        if not pairs:
            return starts[0], ends[0]  # the end before the start is refused later
        matching = [(s, e) for s, e in pairs if e is not None and e - s == duration]
        start, end = (matching or pairs)[0]
        if len(starts) > 1 or len(ends) > 1:
            walls = [
                f"{wall:%Y-%m-%d %H:%M}" for wall, found in ((start_wall, starts), (end_wall, ends))
                if wall is not None and len(found) > 1
            ]  # fmt: skip
            taken = " to ".join(
                f"{instant.astimezone(self.zone):%H:%M} ({offset_text(instant, self.zone)})"
                for instant in (start, end)
                if instant is not None
            )
            why = "the one its duration gives" if matching else "the first occurrence"
            self.notes.append(
                f"{where}: {' and '.join(walls)} happened twice in {self.zone} (the clocks "
                f"went back); read as {taken}, {why}"
            )
        return start, end


def _wall(day_text: str, clock_text: str, date_format: DateFormat) -> datetime | str:
    """The naive local date and time of two cells, or why they are not one."""
    day: date | None = date_format.parse(day_text)
    if day is None:
        shown = f"“{day_text}”" if day_text else "nothing"
        return f"{shown} is not a date in {date_format.label}"
    clock = parse_clock(clock_text)
    if clock is None:
        shown = f"“{clock_text}”" if clock_text else "nothing"
        return f"{shown} is not a time of day (HH:MM:SS, or with AM/PM)"
    moment: time = clock[0]
    return datetime.combine(day, moment)


class TogglCsv(CsvReport):
    """Toggl Track: Reports ▸ Detailed ▸ Export ▸ Download CSV."""

    format = "toggl-csv"
    description = "Toggl Track's detailed report (CSV)"
    program = "Toggl Track"
    origin = "toggl"
    preferred_dates = ("YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY")


class ClockifyCsv(CsvReport):
    """Clockify: Reports ▸ Detailed ▸ Export ▸ Save as CSV."""

    format = "clockify-csv"
    description = "Clockify's detailed report (CSV)"
    program = "Clockify"
    origin = "clockify"
    # Clockify's default is the US format.
    preferred_dates = ("MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD")
