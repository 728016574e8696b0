"""Watson's data: its ``frames`` file (every finished frame: ``[start, stop, project, id,
tags, updated_at]``, times in UTC epoch seconds; older frames lack the last fields) and
its ``state`` file (the running frame, if any), in the folder Watson keeps them in."""

from __future__ import annotations

import os
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
    running_key,
    stable_key,
)
from tracker_desktop.core.importers.jsonstream import JsonStream, read_list

ORIGIN = "watson"
FRAMES, STATE = "frames", "state"


def default_folder() -> Path:
    """Where Watson keeps its files: ``$WATSON_DIR``, else the folder its command-line
    library (click) gives an application called "watson": ``$XDG_CONFIG_HOME/watson``
    (``~/.config/watson``) on Linux and BSD, ``~/Library/Application Support/watson``
    on macOS, ``%APPDATA%\\watson`` on Windows."""
    override = os.environ.get("WATSON_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or "~").expanduser() / "watson"
    if sys.platform == "darwin":
        return Path("~/Library/Application Support/watson").expanduser()
    return Path(os.environ.get("XDG_CONFIG_HOME") or "~/.config").expanduser() / "watson"


class WatsonData(Source):
    """A Watson folder (frames and state), or one of those two files."""

    format = "watson"
    description = "Watson's frames"

    def __init__(self, path: Path, frames: Path | None, state: Path | None) -> None:
        super().__init__(path, [p for p in (frames, state) if p is not None])
        self.frames, self.state = frames, state

    @classmethod
    def at(cls, path: Path, first_char: str | None = None) -> WatsonData:
        """The Watson data at ``path``: a folder, or a frames or state file (told apart
        by their first character, ``first_char``: a list or an object)."""
        if path.is_dir():
            frames, state = path / FRAMES, path / STATE
            if not frames.exists() and not state.exists():
                raise InvalidInputError(
                    f"{path}: no Watson data here (no “frames” or “state” file)", field="file"
                )
            return cls(path, frames if frames.exists() else None, state if state.exists() else None)
        if first_char == "{":
            return cls(path, None, path)
        return cls(path, path, None)

    def items(self) -> Iterator[Item]:
        if self.frames is not None:  # (Watson reads an empty file as no frames)
            yield from read_list(self, self.frames, "frames", "frame", _frame)
        if self.state is not None:
            yield from self._state(self.state)

    def _state(self, path: Path) -> Iterator[Item]:
        file = self.open(path)
        stream = JsonStream(file)
        if stream.peek() == "":
            self.finished(file)
            return
        line = stream.line
        state = stream.value("the running frame")
        stream.end()
        self.finished(file)
        where = f"{file.label} (the running frame)"
        if not isinstance(state, dict):
            raise stream.error("not Watson's state (an object with the running frame)", line)
        if "project" not in state:
            return  # nothing runs
        start = _instant(state.get("start"))
        project = state.get("project")
        tags = state.get("tags") or []
        if start is None:
            yield Problem(where, f"start {state.get('start')!r} is not a time (epoch seconds)")
        elif not isinstance(project, str) or not _names(tags):
            yield Problem(where, "its project or tags are not text")
        else:
            yield Entry(start, None, "", None, project or None, tuple(tags), None, ORIGIN,
                        running_key(start), where)  # fmt: skip


def _frame(frame: Any, where: str, occurrences: Occurrences) -> Entry | Problem:
    if not isinstance(frame, list) or not 3 <= len(frame) <= 6:
        return Problem(where, "not a Watson frame ([start, stop, project, id, tags, updated])")
    start, stop, project = frame[:3]
    frame_id = frame[3] if len(frame) > 3 else None
    tags = frame[4] if len(frame) > 4 else []
    begin, end = _instant(start), _instant(stop)
    if begin is None or end is None:
        return Problem(where, f"start {start!r} or stop {stop!r} is not a time (epoch seconds)")
    if not isinstance(project, str) or not _names(tags or []):
        return Problem(where, "its project or tags are not text")
    if frame_id is not None and (not isinstance(frame_id, str) or not 0 < len(frame_id) <= 200):
        return Problem(where, f"its id {frame_id!r} is not a Watson id")
    key = frame_id or occurrences.numbered(stable_key(start, stop, project, sorted(tags or [])))
    return Entry(begin, end, "", None, project or None, tuple(tags or ()), None, ORIGIN, key, where)


def _names(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def _instant(value: Any) -> datetime | None:
    """An epoch time as Watson writes it (whole seconds; a fraction is dropped)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (OverflowError, OSError, ValueError):
        return datetime.max.replace(tzinfo=UTC)  # far beyond the kept years: refused
