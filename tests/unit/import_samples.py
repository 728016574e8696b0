"""Files in the formats the import reads, built from their documented shapes, for the
import tests."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

TOGGL_HEADER = [
    "User", "Email", "Client", "Project", "Task", "Description", "Billable",
    "Start date", "Start time", "End date", "End time", "Duration", "Tags", "Amount (EUR)",
]  # fmt: skip
CLOCKIFY_HEADER = [
    "Project", "Client", "Description", "Task", "User", "Group", "Email", "Tags", "Billable",
    "Start Date", "Start Time", "End Date", "End Time", "Duration (h)", "Duration (decimal)",
    "Billable Rate (USD)", "Billable Amount (USD)",
]  # fmt: skip


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """RFC 4180 text with CRLF line ends, as both programs write it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def toggl_row(
    start: str,
    end: str,
    *,
    description: str = "",
    project: str = "",
    client: str = "",
    tags: str = "",
    billable: str = "Yes",
    task: str = "",
    duration: str | None = None,
) -> list[str]:
    """A row of Toggl Track's detailed report; ``start``/``end`` as "YYYY-MM-DD HH:MM:SS"."""
    start_date, start_time = start.split(" ")
    end_date, end_time = end.split(" ")
    if duration is None:
        seconds = int((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds())
        duration = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return [
        "Ada Lovelace", "ada@example.com", client, project, task, description, billable,
        start_date, start_time, end_date, end_time, duration, tags, "12.50",
    ]  # fmt: skip


def write_toggl(path: Path, rows: Iterable[Sequence[str]], *, bom: bool = True) -> Path:
    text = csv_text(TOGGL_HEADER, rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def clockify_row(
    start_date: str,
    start_time: str,
    end_date: str,
    end_time: str,
    *,
    description: str = "",
    project: str = "",
    client: str = "",
    tags: str = "",
    billable: str = "Yes",
    duration: str = "",
) -> list[str]:
    return [
        project, client, description, "", "Ada Lovelace", "", "ada@example.com", tags,
        billable, start_date, start_time, end_date, end_time, duration, "", "80.00", "",
    ]  # fmt: skip


def write_clockify(path: Path, rows: Iterable[Sequence[str]]) -> Path:
    path.write_text(csv_text(CLOCKIFY_HEADER, rows), encoding="utf-8", newline="")
    return path


def write_frames(path: Path, frames: list[list[Any]]) -> Path:
    """A Watson frames file, indented as Watson writes it."""
    path.write_text(json.dumps(frames, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def epoch(text: str) -> int:
    """Seconds since the epoch of an ISO time with its offset."""
    return int(datetime.fromisoformat(text).timestamp())
