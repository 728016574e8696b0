"""Fill a data folder with N realistic sessions through the real schema, fast.

    python benchmarks/make_db.py --sessions 1000000 --data-dir /tmp/td-1m

Sessions: 4–9 a working day (some on weekends), 15 min – 3 h each with gaps, a few
hundred distinct names, an evening session now and then that runs past midnight; they
end before now, going back as many years as N needs. Nothing runs afterwards.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

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


def sessions(count: int, seed: int) -> list[tuple[str, int, int, int, int]]:
    rng = random.Random(seed)
    names = [f"{c}: {t}" for c in CLIENTS for t in TASKS]  # 300 names
    rows: list[tuple[str, int, int, int, int]] = []
    day_start = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0)
    day_start -= timedelta(days=1)
    while len(rows) < count:
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
        day_start -= timedelta(days=1)
    return rows[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, required=True, metavar="N")
    parser.add_argument("--data-dir", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if (args.data_dir / "tracker.db").exists():
        parser.error(f"{args.data_dir / 'tracker.db'} exists; choose an empty folder")
    began = time.perf_counter()
    storage = open_storage(args.data_dir)
    rows = sessions(args.sessions, args.seed)
    rows.reverse()  # oldest first, as a real database grows
    with storage.write():
        storage.execute("PRAGMA cache_size = -200000")
        cursor = storage.database.cursor()
        cursor.executemany(
            "INSERT INTO session (name, started_at, ended_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
    storage.close()
    seconds = time.perf_counter() - began
    first = datetime.fromtimestamp(rows[0][1], UTC) if rows else None
    print(f"{len(rows)} sessions since {first:%Y-%m-%d} in {args.data_dir} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
