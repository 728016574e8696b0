"""The sessions of a Tracker Desktop database in Watson's and Timewarrior's own formats,
so that benchmarks/run.py can ask those trackers the same questions on the same data.

    python benchmarks/peers.py DATA_DIR          # writes DATA_DIR/watson and DATA_DIR/timew

- Watson (td-watson) keeps every frame in one JSON file, ``$WATSON_DIR/frames``: a list
  of ``[start, stop, project, id, tags, updated_at]`` (Unix seconds), oldest first, and
  the running frame in ``$WATSON_DIR/state`` (``{}`` when none runs). A session named
  "Client: task" becomes project "Client" with tag "task"; other names are the project.
- Timewarrior keeps one file per month, ``$TIMEWARRIORDB/data/YYYY-MM.data``, a line per
  interval, ``inc 20201010T100000Z - 20201010T110000Z # "tag"`` (UTC), in the file of
  the month it starts in, plus ``data/tags.data`` (JSON, each tag's count; without it
  the first command rebuilds it) and a ``timewarrior.cfg``. The session's name is its one
  tag. Timewarrior cannot represent dates before 1969 (it aborts), so sessions that start
  earlier are refused here.

Reads the database file directly (read-only), a row at a time; nothing runs afterwards.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

TIMEWARRIOR_EARLIEST = int(datetime(1970, 1, 1, tzinfo=UTC).timestamp())
QUERY = "SELECT id, name, started_at, ended_at, updated_at FROM session ORDER BY started_at, id"


def _rows(database: Path) -> sqlite3.Cursor:
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    return connection.execute(QUERY)


def _watson_id(session_id: int) -> str:
    """32 hex digits, like Watson's uuid4().hex, distinct from their first digits on
    (Watson shows seven): the id times an odd constant, modulo 2**128."""
    return f"{session_id * 0x9E3779B97F4A7C15 % (1 << 128):032x}"


def export_watson(database: Path, target: Path) -> int:
    """Writes ``target/frames`` and ``target/state``; returns the number of frames."""
    target.mkdir(parents=True, exist_ok=True)
    frames = []
    state: dict[str, object] = {}
    for session_id, name, start, end, updated in _rows(database):
        project, _, task = name.partition(": ")
        tags = [task] if task else []
        if end is None:
            state = {"project": project or "unnamed", "start": start, "tags": tags}
            continue
        frames.append([start, end, project or "unnamed", _watson_id(session_id), tags, updated])
    partial = target / "frames.partial"
    with partial.open("w", encoding="utf-8") as file:
        json.dump(frames, file, separators=(",", ":"))
    partial.replace(target / "frames")
    (target / "state").write_text(json.dumps(state), encoding="utf-8")
    return len(frames)


def _tw_time(seconds: int) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(seconds))


def _tw_tag(name: str) -> str:
    if not name:
        return ""
    if '"' in name or "\\" in name:
        name = name.replace("\\", "\\\\").replace('"', '\\"')
    return f' # "{name}"'


def export_timewarrior(database: Path, target: Path) -> int:
    """Writes ``target/data/YYYY-MM.data``, ``tags.data`` and ``target/timewarrior.cfg``;
    returns the number of intervals."""
    data = target / "data"
    data.mkdir(parents=True, exist_ok=True)
    (target / "timewarrior.cfg").write_text("", encoding="utf-8")
    tags: Counter[str] = Counter()
    month = ""
    lines: list[str] = []
    count = 0

    def flush() -> None:
        if month:
            (data / f"{month}.data").write_text("".join(lines), encoding="utf-8")

    for _session_id, name, start, end, _updated in _rows(database):
        if start < TIMEWARRIOR_EARLIEST:
            raise SystemExit(
                f"{database}: a session starts in {_tw_time(start)[:4]}; Timewarrior "
                "cannot hold dates before 1969 (make_db.py --since keeps them out)"
            )
        began = _tw_time(start)
        if began[:6] != month.replace("-", ""):
            flush()
            month, lines = f"{began[:4]}-{began[4:6]}", []
        stop = f" - {_tw_time(end)}" if end is not None else ""
        lines.append(f"inc {began}{stop}{_tw_tag(name)}\n")
        if name:
            tags[name] += 1
        count += 1
    flush()
    (data / "tags.data").write_text(
        json.dumps({tag: {"count": n} for tag, n in sorted(tags.items())}, indent=1),
        encoding="utf-8",
    )
    return count


def main() -> int:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.split("\n\n")[1])
    folder = Path(sys.argv[1])
    database = folder / "tracker.db"
    if not database.is_file():
        raise SystemExit(f"{database} not found")
    began = time.perf_counter()
    frames = export_watson(database, folder / "watson")
    intervals = export_timewarrior(database, folder / "timew")
    print(
        f"{frames} Watson frames in {folder / 'watson'}, {intervals} Timewarrior intervals "
        f"in {folder / 'timew'} ({time.perf_counter() - began:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
