"""JSON files read one entry at a time: the elements of a top-level array (or of the
arrays of a top-level object) are decoded one by one, so a file of 100,000 entries never
sits in memory whole, and each entry's number and line can be named in a message."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.importers.entries import (
    MAX_ENTRY,
    Item,
    Occurrences,
    Source,
    TextFile,
)

_CHUNK = 65536
_WHITESPACE = " \t\r\n"
_DECODER = json.JSONDecoder()


class JsonStream:
    """A JSON document in ``file``, read from its start to its end in pieces."""

    def __init__(self, file: TextFile) -> None:
        self.file = file
        self._buffer = ""
        self._pos = 0
        self._eof = False
        self.line = 1  # of the next character to read

    # -- the document's structure --------------------------------------------------

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            end = len(self._buffer)
            pos = self._pos
            while pos < end and self._buffer[pos] in _WHITESPACE:
                pos += 1
            self._advance(pos)
            if pos < end or not self._fill():
                return self._buffer[pos] if pos < end else ""

    def expect(self, char: str, what: str) -> None:
        found = self.peek()
        if found != char:
            raise self.error(f"expected {what}, found {_shown(found)}")
        self._advance(self._pos + 1)

    def end(self) -> None:
        """Only white space may follow the document."""
        found = self.peek()
        if found:
            raise self.error(f"unexpected {_shown(found)} after the end of the document")

    def array(self, what: str, item: str) -> Iterator[tuple[int, int, Any]]:
        """The elements of the array that comes next: (number from 1, line, value);
        ``what`` names the list and ``item`` an element in messages."""
        self.expect("[", f"a list of {what}")
        number = 0
        if self.peek() == "]":
            self._advance(self._pos + 1)
            return
        while True:
            number += 1
            line = self._line_of_next()
            yield number, line, self.value(f"{item} {number}")
            found = self.peek()
            if found == "]":
                self._advance(self._pos + 1)
                return
            if found != ",":
                if not found:
                    raise self.error(f"the file ends inside the list of {what} (cut short?)")
                raise self.error(f"expected , or ] after {item} {number}, found {_shown(found)}")
            self._advance(self._pos + 1)

    def members(self, what: str) -> Iterator[tuple[str, int]]:
        """The keys of the object that comes next, with their lines; the caller reads
        each member's value (``value`` or ``array``) before asking for the next key."""
        self.expect("{", what)
        if self.peek() == "}":
            self._advance(self._pos + 1)
            return
        while True:
            line = self._line_of_next()
            key = self.value(f"a key of {what}")
            if not isinstance(key, str):
                raise self.error(f"expected a key in quotes in {what}", line)
            self.expect(":", f": after {key!r}")
            yield key, line
            found = self.peek()
            if found == "}":
                self._advance(self._pos + 1)
                return
            if found != ",":
                if not found:
                    raise self.error(f"the file ends inside {what} (cut short?)")
                raise self.error(f"expected , or }} after {key!r}, found {_shown(found)}")
            self._advance(self._pos + 1)

    def value(self, what: str) -> Any:
        """The next complete JSON value; ``what`` names it in messages."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as error:
                incomplete = error.msg.startswith("Unterminated string") or (
                    error.pos >= len(self._buffer) - 6
                )
                if incomplete and len(self._buffer) - self._pos > MAX_ENTRY:
                    raise self.error(
                        f"{what} is longer than {MAX_ENTRY:,} characters; "
                        "this is not a file that format makes"
                    ) from None
                if incomplete and self._fill():
                    continue
                if incomplete:
                    raise self.error(f"the file ends inside {what} (cut short?)") from None
                line = self.line + self._buffer.count("\n", self._pos, error.pos)
                raise self.error(f"{what} is not valid JSON ({error.msg})", line) from None
            except (ValueError, RecursionError) as error:  # digits beyond int's limit, nesting
                raise self.error(f"{what} cannot be read ({error})") from None
            # A number at the end of the piece may go on in the next.
            if end >= len(self._buffer) and _open_ended(value) and self._fill():
                continue
            self._advance(end)
            return value

    def error(self, message: str, line: int | None = None) -> InvalidInputError:
        return InvalidInputError(
            f"{self.file.label}, line {line or self.line}: {message}", field="file"
        )

    # -- the buffer ----------------------------------------------------------------

    def _line_of_next(self) -> int:
        self.peek()
        return self.line

    def _advance(self, pos: int) -> None:
        self.line += self._buffer.count("\n", self._pos, pos)
        self._pos = pos

    def _fill(self) -> bool:
        """Reads the next piece of the file; False at its end."""
        if self._eof:
            return False
        piece = self.file.read(_CHUNK)
        if not piece:
            self._eof = True
            return False
        self._buffer = self._buffer[self._pos :] + piece
        self._pos = 0
        return True


def read_list(
    source: Source,
    path: Path,
    what: str,
    item: str,
    read: Callable[[Any, str, Occurrences], Item],
) -> Iterator[Item]:
    """What ``read`` makes of each element of the JSON list in ``path`` (``what``:
    "frames"; ``item``: "frame"), given where it is; an empty file is an empty list."""
    file = source.open(path)
    stream = JsonStream(file)
    if stream.peek():
        occurrences = Occurrences()
        for number, line, value in stream.array(what, item):
            yield read(value, f"{file.label}, {item} {number} (line {line})", occurrences)
        stream.end()
    source.finished(file)


def _open_ended(value: Any) -> bool:
    """Whether ``value``'s text could go on (a number cut by the end of a piece)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _shown(char: str) -> str:
    return repr(char) if char else "the end of the file"
