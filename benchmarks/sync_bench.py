"""Sync benchmark: a private PostgreSQL server (tests/postgres.py: initdb and pg_ctl in a
temporary folder), a data folder of N sessions (make_db.py), and the sync engine as the
window's background sync calls it (in-process), plus ``sync now`` as a user runs it.

    python benchmarks/sync_bench.py [--sessions 100000] [--runs 20]

Cases: the first sync of N sessions to an empty server (machine A); the first sync of a
second, empty machine B (pulling N); a sync with nothing to do (median of --runs, in
process, and the whole ``python -m tracker_desktop sync now`` command); a session renamed
on A, A syncs, B syncs: the time until B shows it. Targets (issue 15): the first sync of
100,000 sessions in at most 30 s; a sync with nothing to do in at most 50 ms; a change
visible on the other machine within 5 s of its next sync.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from tests import postgres  # noqa: E402

Target = tuple[str, str, bool]
FIRST_SYNC_S = 30.0
NOTHING_TO_DO_MS = 50.0
VISIBLE_S = 5.0


def _timed(action):  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def sync_part(folder: Path, work: Path, runs: int) -> tuple[list[str], list[Target]]:
    """Runs the cases on a copy of ``folder`` (a data folder made by make_db.py)."""
    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage
    from tracker_desktop.core.sync import connect, engine, sync_now

    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    machine_a, machine_b = work / "sync-a", work / "sync-b"
    shutil.copytree(folder, machine_a)
    with postgres.running_server() as server:
        admin = server.url()
        engine.server_init(admin, None)
        engine.add_user(admin, None, "bench", "bench-secret", manager=False)
        url = server.url(user="bench", password=None)
        pgpass = work / "pgpass"
        pgpass.write_text(f"{server.host}:{server.port}:tracker:bench:bench-secret\n")
        pgpass.chmod(0o600)
        os.environ["PGPASSFILE"] = str(pgpass)
        a = Tracker(open_storage(machine_a))
        b = Tracker(open_storage(machine_b))
        try:
            connect(a, url, None)
            connect(b, url, None)
            first, pushed = _timed(lambda: sync_now(a))
            pulled_s, pulled = _timed(lambda: sync_now(b))
            nothing = [_timed(lambda: sync_now(a))[0] for _ in range(runs)]
            command = [sys.executable, "-m", "tracker_desktop", "--data-dir", str(machine_a)]
            cli = [
                _timed(lambda: subprocess.run([*command, "sync", "now"], check=True,
                                              capture_output=True, cwd=ROOT))[0]
                for _ in range(max(3, runs // 4))
            ]  # fmt: skip
            newest = a.sessions_between(datetime(1900, 1, 1, tzinfo=UTC), a.now())[0]
            a.rename("Renamed on A", newest.id)
            began = time.perf_counter()
            sync_now(a)
            sync_now(b)
            visible = time.perf_counter() - began
            shown = b.get(_id_of(b, "Renamed on A")).name
            assert shown == "Renamed on A"
        finally:
            a.storage.close()
            b.storage.close()
    count = pushed.pushed
    nothing_ms = statistics.median(nothing) * 1000
    lines = [
        f"Sync (a private PostgreSQL 15 on this machine; {count:,} rows):",
        "",
        "| case | time |",
        "| --- | ---: |",
        f"| first sync of machine A ({count:,} rows sent) | {first:.1f} s |",
        f"| first sync of an empty machine B ({pulled.pulled:,} rows received) | "
        f"{pulled_s:.1f} s |",
        f"| sync with nothing to do, in process (median of {runs}) | {nothing_ms:.1f} ms "
        f"({min(nothing) * 1000:.1f}–{max(nothing) * 1000:.1f}) |",
        f"| `sync now` with nothing to do, whole command (median of {len(cli)}) | "
        f"{statistics.median(cli) * 1000:.0f} ms |",
        f"| a rename on A shown on B: A syncs, then B | {visible * 1000:.0f} ms |",
    ]
    targets: list[Target] = [
        (f"first sync of {count:,} sessions ≤ {FIRST_SYNC_S:g} s", f"{first:.1f} s",
         first <= FIRST_SYNC_S),
        (f"sync with nothing to do ≤ {NOTHING_TO_DO_MS:g} ms", f"{nothing_ms:.1f} ms",
         nothing_ms <= NOTHING_TO_DO_MS),
        (f"a change visible on the other machine within {VISIBLE_S:g} s of its sync",
         f"{visible:.2f} s", visible <= VISIBLE_S),
    ]  # fmt: skip
    return lines, targets


def _id_of(tracker, name: str) -> int:  # type: ignore[no-untyped-def]
    found = [
        s for s in tracker.sessions_between(datetime(1900, 1, 1, tzinfo=UTC), tracker.now())
        if s.name == name
    ]  # fmt: skip
    return found[0].id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tracker-sync-bench-") as temp:
        work = Path(temp)
        data = work / "made"
        subprocess.run(
            [sys.executable, str(HERE / "make_db.py"), "--sessions", str(args.sessions),
             "--data-dir", str(data)],
            check=True, stdout=sys.stderr, cwd=ROOT,
        )  # fmt: skip
        lines, targets = sync_part(data, work, args.runs)
    print("\n".join(lines))
    print()
    for name, value, ok in targets:
        print(f"- {name}: {value} ({'met' if ok else 'NOT MET'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
