"""Which reader reads a file: the formats by name, the format told from a file's first
bytes when the user names none, and the default place of a program's own data."""

from __future__ import annotations

import re
from datetime import tzinfo
from pathlib import Path

from tracker_desktop.core.errors import InvalidInputError, NotFoundError
from tracker_desktop.core.importers import FORMATS, timewarrior, watson
from tracker_desktop.core.importers.csv_reports import ClockifyCsv, TogglCsv
from tracker_desktop.core.importers.entries import Source, TextFile
from tracker_desktop.core.importers.native import NativeJson
from tracker_desktop.core.json_export import FORMAT

# The formats whose program keeps its data in a known place, read when no file is given.
WITH_DEFAULT_PLACE = {"watson": watson.default_folder, "timewarrior": timewarrior.default_folder}
_PROGRAMS = {"watson": "Watson", "timewarrior": "Timewarrior"}
_HEAD = 65536
_NATIVE = re.compile(r'"format"\s*:\s*"' + re.escape(FORMAT) + '"')
_WATSON_STATE = re.compile(r'^\{\s*("(project|start|tags)"\s*:|\})')


def open_source(path: Path | None, format_name: str | None, zone: tzinfo) -> Source:
    """The reader of ``path`` as ``format_name`` (None: told from its content); without a
    path, the data of Watson or Timewarrior where that program keeps it. Local times
    (the CSV reports') are read in ``zone``."""
    if format_name is not None and format_name not in FORMATS:
        raise InvalidInputError(f"--format: {format_name!r} is not one of {', '.join(FORMATS)}")
    if path is None:
        if format_name not in WITH_DEFAULT_PLACE:
            raise InvalidInputError(
                "FILE: give the file to import (only --format watson and --format timewarrior "
                "read that program's own data without one)",
                field="file",
            )
        path = WITH_DEFAULT_PLACE[format_name]()
        if not path.exists():
            raise NotFoundError(
                f"no {_PROGRAMS[format_name]} data at {path}: give its folder or file, or "
                f"set {'WATSON_DIR' if format_name == 'watson' else 'TIMEWARRIORDB'}"
            )
    if not path.exists() and not path.is_symlink():
        raise InvalidInputError(f"{path}: no such file", field="file")
    first = "" if path.is_dir() else _first_char(path)
    if format_name is None:
        format_name = detect(path)
    if format_name == "watson":
        return watson.WatsonData.at(path, first)
    if format_name == "timewarrior":
        if first in "[{" and first:
            return timewarrior.TimewarriorExport(path)
        return timewarrior.TimewarriorData(path)
    if path.is_dir():
        raise InvalidInputError(f"{path} is a folder; give the exported file", field="file")
    if format_name == "json":
        return NativeJson(path)
    if format_name == "toggl-csv":
        return TogglCsv(path, zone)
    return ClockifyCsv(path, zone)


def detect(path: Path) -> str:
    """The format of ``path``, from its content (or, for a folder, what it holds)."""
    if path.is_dir():
        if (path / watson.FRAMES).exists() or (path / watson.STATE).exists():
            return "watson"
        if (path / "data").is_dir() or any(
            timewarrior.DATA_FILE.fullmatch(p.name) for p in path.iterdir()
        ):
            return "timewarrior"
        raise InvalidInputError(
            f"{path}: cannot tell whose data this folder holds; give --format", field="file"
        )
    head = _head(path).lstrip()
    found = None
    if head.startswith("{"):
        if _NATIVE.search(head):
            found = "json"
        elif _WATSON_STATE.match(head):
            found = "watson"
    elif head.startswith("["):
        after = head[1:].lstrip()
        if after.startswith(("[", "]")) or not after:
            found = "watson"  # a list of frames (or none)
        elif after.startswith("{"):
            found = "timewarrior"  # timew export
    elif head.startswith("inc "):
        found = "timewarrior"
    else:
        found = _csv_kind(head.partition("\n")[0])
    if found is None:
        raise InvalidInputError(
            f"{path}: cannot tell which format this is; give --format ({', '.join(FORMATS)})",
            field="file",
        )
    return found


def _csv_kind(header: str) -> str | None:
    """Toggl Track or Clockify, by the header row of a detailed report (one that lacks
    a column it needs is still told, so that the reader can say which is missing)."""
    columns = {c.strip().strip('"').strip() for c in header.split(",")}
    folded = {c.casefold() for c in columns}
    if not {"start date", "start time", "end date", "end time"} & folded:
        return None
    clockify = {"Start Date", "Start Time", "End Date", "End Time"}
    if clockify & columns or {"duration (h)", "duration (decimal)"} & folded:
        return "clockify-csv"
    return "toggl-csv"


def _head(path: Path) -> str:
    with TextFile(path) as file:
        return file.read(_HEAD)


def _first_char(path: Path) -> str:
    head = _head(path).lstrip()
    return head[:1]
