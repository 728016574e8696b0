"""Several command-line processes and a window writing to one file at once: every command
waits its turn (no "database is locked"), never two sessions run, nothing is lost."""

from __future__ import annotations

import json
import random
import re
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.reliability.harness import (
    NEVER_IN_OUTPUT,
    ROOT,
    Driver,
    Result,
    assert_clean,
    cli_command,
    environment,
    integrity,
    read_rows,
    run_cli,
    running_count,
)
from tests.reliability.ledger import iso
from tracker_desktop.core.backups import list_backups
from tracker_desktop.core.layout import DATABASE_FILENAME

SEED = 4242
STOPPED = re.compile(r'^Stopped "(.*)": ', re.MULTILINE)
# Sessions added by the command line: whole hours of 2018, one worker's apart from another's.
ADD_BASE = int(datetime(2018, 1, 1, tzinfo=UTC).timestamp())


@dataclass(frozen=True)
class Call:
    kind: str
    name: str
    result: Result
    began: float
    ended: float
    added: tuple[int, int] | None = None  # the span an add gave


def worker(data_dir: Path, number: int, count: int) -> list[Call]:
    """``count`` random commands, one after the other, as a script or a shortcut would."""
    chance = random.Random(SEED + number)
    calls = []
    for index in range(count):
        name = f"cli-{number}-{index}"
        kind = chance.choices(["start", "stop", "add", "status", "list"], [4, 3, 2, 1, 1])[0]
        added = None
        if kind == "start":
            args = ["start", "--", name]
        elif kind == "add":
            start = ADD_BASE + (number * 1000 + index) * 3600
            added = (start, start + 1800)
            args = ["add", "--start", iso(start), "--end", iso(start + 1800), "--json", "--", name]
        else:
            args = {"stop": ["stop"], "status": ["status", "--json"], "list": ["list", "--json"]}[
                kind
            ]
        began = time.time()
        result = run_cli(data_dir, *args)
        calls.append(Call(kind, name, result, began, time.time(), added))
    return calls


def single(rows: dict[int, tuple[str, int, int | None]], name: str) -> tuple[int, int | None]:
    """The (start, end) of the one row called ``name``."""
    found = [(start, end) for row_name, start, end in rows.values() if row_name == name]
    assert len(found) == 1, (name, found)
    return found[0]


@pytest.mark.parametrize(
    ("workers", "count"),
    [
        pytest.param(2, 6, id="2x6-cli"),
        pytest.param(4, 40, id="4x40-cli", marks=pytest.mark.reliability),
    ],
)
def test_command_lines_and_a_window_writing_at_once(
    data_dir: Path, workers: int, count: int
) -> None:
    db = data_dir / DATABASE_FILENAME
    # The file and today's backup exist already, as on any day but the first.
    assert_clean(run_cli(data_dir, "start", "--", "seed"))
    driver = Driver("live", data_dir, "1")
    try:
        assert driver.read_line() == {"ready": True}
        with ThreadPoolExecutor(workers) as pool:
            futures = [pool.submit(worker, data_dir, n, count) for n in range(workers)]
            calls = [call for future in futures for call in future.result()]
        driver.finish()
    finally:
        driver.close()
    assert driver.process.returncode == 0, driver.stderr_text()

    # Every command waited its turn: done, or nothing to act on; never an error.
    for call in calls:
        for word in NEVER_IN_OUTPUT:
            assert word not in call.result.err, call
        if call.kind == "stop" and call.result.code == 1:
            assert call.result.err.strip() == "tracker-desktop: no session is running", call
        else:
            assert_clean(call.result)
    gui_changes = [line["committed"] for line in driver.lines if "committed" in line]
    for line in driver.lines:
        if "refused" in line:  # the window's view was a moment old: allowed, nothing else
            assert line["refused"] == "no session is running", line

    assert integrity(db) == ["ok"]
    assert running_count(db) <= 1
    rows = read_rows(db)
    created = ["seed"]
    for call in calls:
        if call.result.code != 0:
            continue
        stopped = STOPPED.findall(call.result.out)
        if call.kind == "start":
            start, _ = single(rows, call.name)
            assert int(call.began) - 1 <= start <= call.ended + 1, call
            created.append(call.name)
            # A switch: the one it stopped ended exactly when this one started.
            for name in stopped:
                assert single(rows, name)[1] == start, call
        elif call.kind == "stop":
            assert len(stopped) == 1, call
            _, end = single(rows, stopped[0])
            assert end is not None
            assert int(call.began) - 1 <= end <= call.ended + 1, call
        elif call.kind == "add":
            assert call.added is not None
            session_id = json.loads(call.result.out)["id"]
            assert rows[session_id] == (call.name, *call.added), call
            created.append(call.name)
    for change in gui_changes:
        before_ids = {row[0] for row in change["before"]}
        for session_id, name, start, end in change["after"]:
            saved = rows[session_id]
            assert saved[:2] == (name, start), (change, saved)
            if end is not None:  # what the window saved stays; a running one may end later
                assert saved[2] == end, (change, saved)
            if session_id not in before_ids:
                created.append(name)
    # Nothing lost and nothing made up: one row per successful start or add.
    assert Counter(name for name, _, _ in rows.values()) == Counter(created)
    cli_writes = sum(c.kind in {"start", "stop", "add"} and c.result.code == 0 for c in calls)
    print(
        f"\n{workers} CLI workers: {len(calls)} commands ({cli_writes} writes done); "
        f"window: {len(gui_changes)} changes saved; {len(rows)} sessions in the end"
    )
    assert gui_changes


def test_the_first_writes_of_a_day_at_once_all_succeed_quietly(tmp_path: Path) -> None:
    """Each write checks whether the day's backup is due; several at once must neither
    fail nor warn about a backup another one is making."""
    for round_number in range(3):
        data_dir = tmp_path / f"round-{round_number}"
        assert_clean(run_cli(data_dir, "status"))  # the file exists, no backup yet
        processes = [
            subprocess.Popen(
                cli_command(data_dir, "start", "--", f"at once {n}"),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=environment(),
                cwd=ROOT,
            )
            for n in range(6)
        ]
        results = []
        for process in processes:
            out, err = process.communicate(timeout=120)
            results.append(Result(process.returncode, out.decode(), err.decode()))
        for result in results:
            assert_clean(result)
        daily = [b for b in list_backups(data_dir) if b.reason == "daily"]
        assert len(daily) >= 1
        for backup in daily:
            assert integrity(backup.path) == ["ok"]
        db = data_dir / DATABASE_FILENAME
        assert len(read_rows(db)) == 6
        assert running_count(db) == 1
