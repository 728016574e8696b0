"""Timewarrior's data: ``timew export`` JSON, or its database folder (``data/YYYY-MM.data``
files of lines ``inc START - END # tags # "annotation"``, times in UTC), found where
Timewarrior keeps it. Timewarrior has tags but no projects; an annotation is the name."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.importers.entries import (
    Entry,
    Item,
    Occurrences,
    Problem,
    Source,
    lines,
    running_key,
    stable_key,
)
from tracker_desktop.core.importers.jsonstream import read_list

ORIGIN = "timewarrior"
DATA_FILE = re.compile(r"\d{4}-\d{2}\.data")
_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_UNICODE = re.compile(r"(?:\\u|U\+)([0-9a-fA-F]{4})")


def default_folder() -> Path:
    """Timewarrior's database folder, as it finds it: ``$TIMEWARRIORDB``; else
    ``~/.timewarrior`` when that exists (all that versions before 1.5 know); else, on
    Unix, ``$XDG_DATA_HOME/timewarrior`` (``~/.local/share/timewarrior``)."""
    override = os.environ.get("TIMEWARRIORDB")
    if override:
        return Path(override).expanduser()
    legacy = Path("~/.timewarrior").expanduser()
    if legacy.is_dir() or sys.platform == "win32":
        return legacy
    return Path(os.environ.get("XDG_DATA_HOME") or "~/.local/share").expanduser() / "timewarrior"


def data_files(path: Path) -> list[Path]:
    """The ``YYYY-MM.data`` files of a Timewarrior database folder (or of its ``data``
    folder), oldest first."""
    folder = path / "data" if (path / "data").is_dir() else path
    found = sorted(p for p in folder.iterdir() if DATA_FILE.fullmatch(p.name) and p.is_file())
    if not found:
        raise InvalidInputError(
            f"{path}: no Timewarrior data here (no data/YYYY-MM.data files)", field="file"
        )
    return found


def interval_key(start: datetime, end: datetime | None, tags: list[str], annotation: str) -> str:
    """An interval's key, the same from ``timew export`` and from the data files (an
    interval has no id of its own: ``@1`` is only its place in a listing)."""
    return stable_key(
        start.isoformat(), end and end.isoformat(), "\x1e".join(sorted(tags)), annotation
    )


def _entry(
    start: datetime,
    end: datetime | None,
    tags: list[str],
    annotation: str,
    where: str,
    occurrences: Occurrences,
) -> Entry:
    key = (
        running_key(start)
        if end is None
        else occurrences.numbered(interval_key(start, end, tags, annotation))
    )
    return Entry(start, end, annotation, None, None, tuple(tags), None, ORIGIN, key, where)


def _utc(text: str) -> datetime | None:
    """``20260301T090000Z`` (how Timewarrior writes times), or ISO 8601 with an offset."""
    try:
        if len(text) == 16 and text[8] == "T" and text[15] == "Z":
            digits = text[:8] + text[9:15]
            if not digits.isdigit() or not digits.isascii():
                return None
            year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
            hour, minute, second = int(digits[8:10]), int(digits[10:12]), int(digits[12:])
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        instant = datetime.fromisoformat(text)
    except ValueError:
        return None
    return instant if instant.tzinfo is not None else None


class TimewarriorData(Source):
    """A Timewarrior database folder, its data folder, or one ``YYYY-MM.data`` file."""

    format = "timewarrior"
    description = "Timewarrior's data"

    def __init__(self, path: Path) -> None:
        self.files = data_files(path) if path.is_dir() else [path]
        super().__init__(path, self.files)

    def items(self) -> Iterator[Item]:
        occurrences = Occurrences()
        for path in self.files:
            file = self.open(path)
            for number, text in lines(file):
                if not text.strip():
                    continue
                where = f"{file.label}, line {number}"
                yield _line(text, where, occurrences)
            self.finished(file)


def _line(text: str, where: str, occurrences: Occurrences) -> Entry | Problem:
    """One ``inc`` line, read as Timewarrior reads it."""
    tokens = _tokens(text)
    if not tokens or tokens[0] != "inc":
        return Problem(where, "not a Timewarrior interval (a line “inc START - END # tags”)")
    start = _utc(tokens[1]) if len(tokens) > 1 and len(tokens[1]) == 16 else None
    if start is None:
        return Problem(where, "an interval without a start time")
    index = 2
    end = None
    if len(tokens) > 3 and tokens[2] == "-" and len(tokens[3]) == 16:
        end = _utc(tokens[3])
        if end is None:
            return Problem(where, f"end {tokens[3]!r} is not a time")
        index = 4
    tags: list[str] = []
    annotation: list[str] = []
    if index < len(tokens) and tokens[index] == "#":
        index += 1
        while index < len(tokens) and tokens[index] != "#":
            tags.append(tokens[index])
            index += 1
        annotation = tokens[index + 1 :]
    elif index < len(tokens):
        return Problem(where, f"unexpected {tokens[index]!r} after the times")
    return _entry(start, end, tags, " ".join(annotation), where, occurrences)


def _tokens(text: str) -> list[str]:
    """The words of a line; a quoted word ("tag two") is one, without its quotes and
    with its escapes (``\\"``, ``\\t``, ``\\u00e9``) undone, as Timewarrior reads them."""
    tokens: list[str] = []
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if char.isspace():
            index += 1
            continue
        if char in "\"'":
            word: list[str] = []
            index += 1
            while index < end and text[index] != char:
                if text[index] == "\\" and index + 1 < end:
                    unicode = _UNICODE.match(text, index)
                    if unicode:
                        word.append(chr(int(unicode.group(1), 16)))
                        index = unicode.end()
                        continue
                    escaped = text[index + 1]
                    word.append(_ESCAPES.get(escaped, escaped))
                    index += 2
                    continue
                word.append(text[index])
                index += 1
            index += 1  # the closing quote
            tokens.append("".join(word))
            continue
        start = index
        while index < end and not text[index].isspace():
            index += 1
        tokens.append(text[start:index])
    return tokens


class TimewarriorExport(Source):
    """What ``timew export`` prints: a JSON list of intervals."""

    format = "timewarrior"
    description = "Timewarrior's export (timew export)"

    def __init__(self, path: Path) -> None:
        super().__init__(path, [path])

    def items(self) -> Iterator[Item]:
        return read_list(self, self.path, "intervals", "interval", _interval)


def _interval(value: Any, where: str, occurrences: Occurrences) -> Entry | Problem:
    if not isinstance(value, dict):
        return Problem(where, "not a Timewarrior interval (an object with start and end)")
    start_text, end_text = value.get("start"), value.get("end")
    start = _utc(start_text) if isinstance(start_text, str) else None
    end = _utc(end_text) if isinstance(end_text, str) else None
    if start is None:
        return Problem(where, f"start {start_text!r} is not a time")
    if end_text is not None and end is None:
        return Problem(where, f"end {end_text!r} is not a time")
    tags = value.get("tags") or []
    annotation = value.get("annotation") or ""
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return Problem(where, f"tags {tags!r} are not a list of names")
    if not isinstance(annotation, str):
        return Problem(where, f"annotation {annotation!r} is not text")
    return _entry(start, end, tags, annotation, where, occurrences)
