"""This product's own JSON export (``core/json_export.py``), read back: its clients,
projects and tags with their settings, and its sessions with where each came from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from tracker_desktop.core.catalog import parse_color
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.importers.entries import (
    ClientSpec,
    Entry,
    Item,
    Occurrences,
    Problem,
    ProjectSpec,
    Source,
    TagSpec,
    stable_key,
)
from tracker_desktop.core.importers.jsonstream import JsonStream
from tracker_desktop.core.json_export import FORMAT, NATIVE_SOURCE, VERSION
from tracker_desktop.core.money import parse_currency, parse_rate

MAX_KEY = 500  # characters of an origin's key


class _Bad(Exception):
    """A field of an entry that cannot be used; becomes a Problem."""


class NativeJson(Source):
    format = "json"
    description = "Tracker Desktop's JSON export"

    def __init__(self, path: Path) -> None:
        super().__init__(path, [path])

    def items(self) -> Iterator[Item]:
        file = self.open(self.path)
        stream = JsonStream(file)
        seen_format = False
        occurrences = Occurrences()
        lists: dict[str, tuple[str, Callable[[Any, str], Item]]] = {
            "clients": ("client", _client),
            "projects": ("project", _project),
            "tags": ("tag", _tag),
            "sessions": ("session", lambda v, w: _session(v, w, occurrences)),
        }
        for key, line in stream.members("the export"):
            if key in lists:
                item, read = lists[key]
                for number, item_line, value in stream.array(key, item):
                    where = f"{file.label}, {item} {number} (line {item_line})"
                    try:
                        yield read(value, where)
                    except (_Bad, InvalidInputError) as error:
                        yield Problem(where, str(error))
                continue
            value = stream.value(f"“{key}”")
            if key == "format":
                if value != FORMAT:
                    raise stream.error(f"“format” is {value!r}, not {FORMAT!r}", line)
                seen_format = True
            elif key == "version" and value != VERSION:
                raise stream.error(
                    f"version {value!r}: this Tracker Desktop reads version {VERSION} "
                    "(the file was written by a newer one? update Tracker Desktop)",
                    line,
                )
        stream.end()
        if not seen_format:
            raise stream.error(f"no “format”: {FORMAT!r}; this is not a Tracker Desktop export")
        self.finished(file)


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"not an object with the {what}'s fields")
    return value


def _text(data: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise _Bad(f"no “{key}”")
        return None
    if not isinstance(value, str):
        raise _Bad(f"“{key}” is {value!r}, not text")
    return value


def _flag(data: dict[str, Any], key: str, default: bool | None) -> bool | None:
    value = data.get(key, default)
    if value is not None and not isinstance(value, bool):
        raise _Bad(f"“{key}” is {value!r}, not true or false")
    return value


def _rate(data: dict[str, Any]) -> Decimal | None:
    text = _text(data, "rate")
    return None if text is None else parse_rate(text, what="rate")


def _client(value: Any, where: str) -> ClientSpec:
    data = _object(value, "client")
    currency = _text(data, "currency")
    return ClientSpec(
        name=_text(data, "name", required=True) or "",
        rate=_rate(data),
        currency=None if currency is None else parse_currency(currency, what="currency"),
        archived=bool(_flag(data, "archived", False)),
        where=where,
    )


def _project(value: Any, where: str) -> ProjectSpec:
    data = _object(value, "project")
    color = _text(data, "color")
    return ProjectSpec(
        name=_text(data, "name", required=True) or "",
        client=_text(data, "client"),
        color=None if color is None else parse_color(color, what="color"),
        rate=_rate(data),
        billable=bool(_flag(data, "billable", True)),
        archived=bool(_flag(data, "archived", False)),
        where=where,
    )


def _tag(value: Any, where: str) -> TagSpec:
    if isinstance(value, str):  # a plain list of names will do too
        return TagSpec(value, where)
    return TagSpec(_text(_object(value, "tag"), "name", required=True) or "", where)


def _instant(data: dict[str, Any], key: str) -> datetime | None:
    text = _text(data, key)
    if text is None:
        return None
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise _Bad(f"“{key}” is {text!r}, not a time (ISO 8601 with its offset)") from None
    if instant.tzinfo is None:
        raise _Bad(f"“{key}” is {text!r}, a time without its offset from UTC")
    return instant


def _session(value: Any, where: str, occurrences: Occurrences) -> Entry:
    data = _object(value, "session")
    start = _instant(data, "start")
    if start is None:
        raise _Bad("no “start”")
    end = _instant(data, "end")
    name = _text(data, "name") or ""
    project = data.get("project")
    project_name = client = None
    if project is not None:
        fields = _object(project, "project")
        project_name = _text(fields, "name", required=True)
        client = _text(fields, "client")
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _Bad(f"“tags” is {tags!r}, not a list of names")
    billable = _flag(data, "billable", None)
    origin = data.get("origin")
    if origin is not None:
        fields = _object(origin, "origin")
        source = _text(fields, "source", required=True) or ""
        key = _text(fields, "key", required=True) or ""
        if not 0 < len(source) <= 100 or not 0 < len(key) <= MAX_KEY:
            raise _Bad(f"“origin” {origin!r} is not a source and a key of at most {MAX_KEY}")
    else:  # written by hand: known by its fields
        source = NATIVE_SOURCE
        key = "sha:" + occurrences.numbered(
            stable_key(start, end, name, project_name, client, sorted(tags), billable)
        )
    return Entry(
        start=start,
        end=end,
        name=name,
        client=client,
        project=project_name,
        tags=tuple(tags),
        billable=billable,
        source=source,
        key=key,
        where=where,
    )
