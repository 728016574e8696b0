"""What every reader yields: the sessions a file holds as plain entries, the clients,
projects and tags it declares, and the problems found on the way, each saying where in
the file it is; and the text file that readers read piece by piece."""

from __future__ import annotations

import functools
import hashlib
import io
import os
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import ClassVar, NamedTuple, TypeAlias

from tracker_desktop.core import files
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.names import normalize_tag

# The longest line a line-based file may have (CSV, Timewarrior data), in characters:
# longer is not a time tracker's file (a session name is at most 500 characters).
MAX_LINE = 100_000
# The largest single entry of a JSON file, in characters.
MAX_ENTRY = 1_000_000


class Entry(NamedTuple):
    """One session as its file keeps it."""

    start: datetime
    end: datetime | None  # None: it runs
    name: str
    client: str | None
    project: str | None
    tags: tuple[str, ...]
    billable: bool | None  # None: its project's default
    source: str  # where it comes from ("watson", "toggl", ...), with ``key`` its origin
    key: str  # the entry's own id there, or a stable hash of the entry
    where: str  # for messages: "frames, entry 12 (line 80)"


class ClientSpec(NamedTuple):
    """A client a file declares (this product's own JSON): made when missing."""

    name: str
    rate: Decimal | None
    currency: str | None
    archived: bool
    where: str


class ProjectSpec(NamedTuple):
    """A project a file declares, with its settings: made when missing."""

    name: str
    client: str | None
    color: str | None
    rate: Decimal | None
    billable: bool
    archived: bool
    where: str


class TagSpec(NamedTuple):
    name: str
    where: str


class Problem(NamedTuple):
    """Why an entry cannot be imported, and where it is."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item: TypeAlias = Entry | ClientSpec | ProjectSpec | TagSpec | Problem

RUNNING_PREFIX = "running:"


def running_key(start: datetime) -> str:
    """The key of a running entry, which has no id of its own yet: its start. The same
    entry finished later (with an id, or another hash) is known by it too."""
    return f"{RUNNING_PREFIX}{int(start.timestamp())}"


def stable_key(*fields: object) -> str:
    """A hash of an entry's fields, the same on every read of the same entry."""
    text = "\x1f".join("" if field is None else str(field) for field in fields)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Occurrences:
    """Numbers repeated hashes: two identical entries in one file are two sessions, and
    the second keeps its number (``…#2``) on every read."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def numbered(self, key: str) -> str:
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        return key if count == 1 else f"{key}#{count}"


def _separates(char: str) -> bool:
    return char == "," or char.isspace() or unicodedata.category(char) == "Cc"


@functools.lru_cache(maxsize=4096)
def clean_tag(text: str) -> str:
    """An imported tag as this product spells tags: white space (and commas, which
    separate tags here) inside it become ``-`` ("tag two" is ``tag-two``); "" when
    nothing is left. Too long is invalid input."""
    parts: list[str] = []
    current: list[str] = []
    for char in text:
        if _separates(char):
            if current:
                parts.append("".join(current))
                current = []
        else:
            current.append(char)
    if current:
        parts.append("".join(current))
    return normalize_tag("-".join(parts)) if parts else ""


def optional_text(value: str | None) -> str | None:
    """A label as a file gives it: None when absent or blank."""
    if value is None or not value.strip():
        return None
    return value


class TextFile:
    """A UTF-8 text file (a byte order mark is skipped), read piece by piece; knows how
    many of its bytes were read, for progress."""

    def __init__(self, path: Path, label: str | None = None) -> None:
        self.label = label or path.name
        self._binary = files.open_to_read(path)
        self.size = os.fstat(self._binary.fileno()).st_size
        self._text = io.TextIOWrapper(self._binary, encoding="utf-8-sig", newline="")

    @property
    def bytes_read(self) -> int:
        return os.lseek(self._binary.fileno(), 0, os.SEEK_CUR)

    def read(self, size: int) -> str:
        try:
            return self._text.read(size)
        except UnicodeDecodeError:
            raise self._not_utf8() from None

    def readline(self, limit: int) -> str:
        try:
            return self._text.readline(limit)
        except UnicodeDecodeError:
            raise self._not_utf8() from None

    def _not_utf8(self) -> InvalidInputError:
        return InvalidInputError(
            f"{self.label}: not UTF-8 text (near byte {self.bytes_read}); "
            "export the file again as UTF-8",
            field="file",
        )

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> TextFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def lines(file: TextFile) -> Iterator[tuple[int, str]]:
    """The lines of ``file`` (with their ends) and their numbers; a line longer than
    ``MAX_LINE`` is invalid input, found without reading all of it."""
    number = 0
    while True:
        line = file.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE and not line.endswith("\n"):
            raise InvalidInputError(
                f"{file.label}, line {number}: longer than {MAX_LINE:,} characters; "
                "this is not a file that format makes",
                field="file",
            )
        yield number, line


class Source(ABC):
    """A file, or a program's folder of files, read as one format."""

    format: ClassVar[str]  # as --format names it
    description: ClassVar[str]  # for messages: "Watson's frames"

    def __init__(self, path: Path, paths: Sequence[Path]) -> None:
        self.path = path
        # What the reader decided where the file leaves a choice (to tell the user).
        self.notes: list[str] = []
        self.total_bytes = sum(_size(p) for p in paths)
        self._open: list[TextFile] = []
        self._done = 0

    @abstractmethod
    def items(self) -> Iterator[Item]:
        """Everything the file holds, in its order (clients, projects and tags before
        the sessions that use them)."""

    def open(self, path: Path, label: str | None = None) -> TextFile:
        """Opens one of the source's files; what is read of it counts as progress."""
        file = TextFile(path, label)
        self._open.append(file)
        return file

    def finished(self, file: TextFile) -> None:
        """``file`` is read to its end."""
        self._done += file.size
        self._open.remove(file)
        file.close()

    def bytes_read(self) -> int:
        return min(self._done + sum(f.bytes_read for f in self._open), self.total_bytes)

    def close(self) -> None:
        for file in self._open:
            file.close()
        self._open.clear()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
