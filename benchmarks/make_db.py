"""Fill a data folder with N realistic sessions through the real schema, fast: 15
clients, 300 projects (one per session name), 50 tags on a third of the sessions.

    python benchmarks/make_db.py --sessions 1000000 --data-dir /tmp/td-1m

Sessions: 4–9 a working day (some on weekends), 15 min – 3 h each with gaps, a few
hundred distinct names, an evening session now and then that runs past midnight; they
end before now, going back as many years as N needs. Nothing runs afterwards.

That pace (about 5 a day, 1,800 a year) puts 100,000 sessions back to the 1970s but a
million back to the 1500s, which other trackers cannot hold (Timewarrior refuses dates
before 1969). So the most recent --recent-years (default 10) always keep that pace, and
only when the rest would not fit after --since (default 1971-01-01) is the older
history packed denser, evenly, just enough to fit (an archive: about 60 shorter,
non-overlapping sessions a day for a million). The current day, week and month look
the same at every size.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker_desktop.core.storage import open_storage

CLIENTS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
    "Vandelay",
    "Pied Piper",
    "Dunder",
]
TASKS = [
    "design",
    "code review",
    "meeting",
    "emails",
    "invoicing",
    "bug fixing",
    "planning",
    "research",
    "support",
    "deployment",
    "testing",
    "writing docs",
    "call",
    "workshop",
    "refactoring",
    "prototype",
    "onboarding",
    "estimates",
    "retro",
    "copy edits",
]


TAGS = [
    f"{word}-{n}" for word in ("focus", "billable", "travel", "remote", "urgent") for n in range(10)
]


def _catalog(cursor: Any, any_sessions: bool) -> dict[str, int]:
    """The 15 clients, a project for each of their 300 "client: task" names (the names the
    sessions get) and 50 tags; returns each name's project id. None for an empty folder."""
    if not any_sessions:
        return {}
    now = int(time.time())
    projects: dict[str, int] = {}
    for client_id, client in enumerate(CLIENTS, start=1):
        cursor.execute(
            "INSERT INTO client (id, name, name_key, rate, currency, archived, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, 'EUR', 0, ?, ?)",
            (client_id, client, client.casefold(), str(60 + client_id * 5), now, now),
        )
        for task in TASKS:
            projects[f"{client}: {task}"] = project_id = len(projects) + 1
            color = f"#{(project_id * 2654435761) % 0xFFFFFF:06x}"
            cursor.execute(
                "INSERT INTO project (id, name, name_key, client_id, color, rate, billable, "
                "archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, 1, 0, ?, ?)",
                (project_id, task, task.casefold(), client_id, color, now, now),
            )
    cursor.executemany(
        "INSERT INTO tag (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)",
        ((tag, tag.casefold(), now, now) for tag in TAGS),
    )
    return projects


# Sessions a day at the realistic pace, on average (weekends included). Past the recent
# years, as soon as the rest would need more than that, the packing starts.
REALISTIC_PER_DAY = 5.0
Row = tuple[str, int, int, int, int]


def sessions(count: int, seed: int, *, recent_years: int = 10, since: date) -> list[Row]:
    """``count`` rows (name, start, end, created, updated), newest first."""
    rng = random.Random(seed)
    names = [f"{c}: {t}" for c in CLIENTS for t in TASKS]  # 300 names
    rows: list[Row] = []
    day_start = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0)
    day_start -= timedelta(days=1)
    recent_until = day_start - timedelta(days=round(365.25 * recent_years))
    packed = False
    while len(rows) < count:
        if day_start < recent_until and not packed:
            days_left = (day_start.date() - since).days + 1
            packed = count - len(rows) > REALISTIC_PER_DAY * max(days_left, 1)
        if packed:
            days_left = max((day_start.date() - since).days + 1, 1)
            _packed_day(rng, names, day_start, math.ceil((count - len(rows)) / days_left), rows)
        else:
            _realistic_day(rng, names, day_start, rows)
        day_start -= timedelta(days=1)
    return rows[:count]


def _realistic_day(
    rng: random.Random, names: list[str], day_start: datetime, rows: list[Row]
) -> None:
    weekend = day_start.weekday() >= 5
    per_day = rng.randint(0, 2) if weekend else rng.randint(4, 9)
    cursor = int(day_start.timestamp()) + rng.randint(0, 90 * 60)
    day_rows = []
    for _ in range(per_day):
        length = rng.randint(15 * 60, 3 * 3600)
        day_rows.append((rng.choice(names), cursor, cursor + length))
        cursor += length + rng.randint(5 * 60, 60 * 60)
    if day_rows and rng.random() < 0.08:  # an evening that runs past midnight
        evening = int((day_start + timedelta(hours=14)).timestamp()) + rng.randint(0, 3600)
        cursor = max(cursor, evening)
        day_rows.append((rng.choice(names), cursor, cursor + rng.randint(2, 5) * 3600))
    for name, start, end in reversed(day_rows):
        rows.append((name, start, end, end, end))


def _packed_day(
    rng: random.Random, names: list[str], day_start: datetime, per_day: int, rows: list[Row]
) -> None:
    """``per_day`` sessions in equal slots of the (UTC) day, each 30–70 % of its slot."""
    midnight = int(day_start.replace(hour=0).timestamp())
    slot = 86400 // per_day
    for index in reversed(range(per_day)):
        start = midnight + index * slot + rng.randint(0, slot // 5)
        end = start + max(60, rng.randint(slot * 3 // 10, slot * 7 // 10))
        rows.append((rng.choice(names), start, end, end, end))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, required=True, metavar="N")
    parser.add_argument("--data-dir", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--recent-years", type=int, default=10, metavar="Y", help="kept at a realistic pace"
    )
    parser.add_argument(
        "--since",
        type=date.fromisoformat,
        default=date(1971, 1, 1),
        metavar="YYYY-MM-DD",
        help="no session starts earlier (older history is packed denser to fit)",
    )
    args = parser.parse_args()
    if (args.data_dir / "tracker.db").exists():
        parser.error(f"{args.data_dir / 'tracker.db'} exists; choose an empty folder")
    began = time.perf_counter()
    storage = open_storage(args.data_dir)
    rows = sessions(args.sessions, args.seed, recent_years=args.recent_years, since=args.since)
    rows.reverse()  # oldest first, as a real database grows
    with storage.atomic():
        cursor = storage.database.cursor()
        cursor.execute("PRAGMA cache_size = -200000")
        projects = _catalog(cursor, args.sessions > 0)
        cursor.executemany(
            "INSERT INTO session (name, started_at, ended_at, created_at, updated_at, "
            "project_id, billable) VALUES (?, ?, ?, ?, ?, ?, 1)",
            ((*row, projects[row[0]]) for row in rows),
        )
        # A third of the sessions carry one of the 50 tags.
        rng = random.Random(args.seed)
        cursor.executemany(
            "INSERT INTO session_tag (session_id, tag_id) VALUES (?, ?)",
            (
                (session_id, rng.randint(1, len(TAGS)))
                for session_id in range(1, len(rows) + 1)
                if rng.random() < 1 / 3
            ),
        )
    storage.close()
    seconds = time.perf_counter() - began
    since = f" since {datetime.fromtimestamp(rows[0][1], UTC):%Y-%m-%d}" if rows else ""
    print(f"{len(rows)} sessions{since} in {args.data_dir} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
