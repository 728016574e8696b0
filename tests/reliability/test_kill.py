"""Processes killed with SIGKILL at random (seeded) moments: what was committed survives,
and nothing is ever half-done.

After every operation the file must hold exactly the state before it or exactly the state
after it (never, say, a switch that stopped one session without starting the other); an
operation that reported success must be there; and at the end the file passes SQLite's
integrity check, opens, and every backup in it is whole.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability.harness import (
    ROOT,
    Driver,
    assert_clean,
    cli_command,
    environment,
    integrity,
    read_rows,
    run_cli,
)
from tests.reliability.ledger import EPOCH, Generator, Ledger, Op, apply, cli_args, iso
from tracker_desktop.core.backups import list_backups
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.storage import APPLICATION_ID, check_header

SEED = 20261126


@dataclass
class Tally:
    """What a run did, for the failure message and the -s summary."""

    operations: int = 0
    completed: int = 0
    killed_before_commit: int = 0
    killed_after_commit: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def count(self, op: Op) -> None:
        self.operations += 1
        self.kinds[op.kind] = self.kinds.get(op.kind, 0) + 1


class KillClock:
    """When to kill the next process: at any moment of its life, but half the time in its
    last part, where it opens the file and writes. Its life is measured on the way: some
    commands run unkilled (those must succeed, and show how long a command lives)."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.lifetimes: list[float] = []

    def delay(self) -> float | None:
        """Seconds until the kill, or None to let the command finish."""
        if len(self.lifetimes) < 3 or self.random.random() < 0.15:
            return None
        lifetime = statistics.median(self.lifetimes[-15:])
        if self.random.random() < 0.5:
            return self.random.uniform(0.0, 1.05 * lifetime)
        return self.random.uniform(0.6 * lifetime, 1.0 * lifetime)

    def observed(self, seconds: float) -> None:
        self.lifetimes.append(seconds)


def run_maybe_killed(data_dir: Path, args: list[str], delay: float | None) -> tuple[bool, int, str]:
    """Runs a CLI command, SIGKILLing it if it still runs after ``delay`` seconds (if any).

    Returns (killed, exit code, stderr); waits on the process itself, never a sleep.
    """
    process = subprocess.Popen(
        cli_command(data_dir, *args),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
        cwd=ROOT,
    )
    try:
        _, err = process.communicate(timeout=delay)
        return False, process.returncode, err.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
        return True, process.returncode, err.decode("utf-8", "replace")


def assert_whole(db: Path, where: str) -> None:
    assert integrity(db) == ["ok"], where


def assert_backups_whole(data_dir: Path) -> int:
    """Every file under a backup's name is a complete, healthy database."""
    found = list_backups(data_dir)
    for backup in found:
        check_header(backup.path)
        assert integrity(backup.path) == ["ok"], backup.path
    return len(found)


@pytest.mark.parametrize(
    "count",
    [pytest.param(15, id="15-ops"), pytest.param(300, id="300-ops", marks=pytest.mark.reliability)],
)
def test_cli_commands_killed_at_random_moments_lose_nothing(data_dir: Path, count: int) -> None:
    db = data_dir / DATABASE_FILENAME
    generator = Generator(SEED, EPOCH, window=False)
    kill = KillClock(SEED + 1)
    ledger: Ledger = {}
    tally = Tally()
    for number in range(count):
        op = generator.next(ledger)
        expected = apply(ledger, op)
        started, delay = time.monotonic(), kill.delay()
        killed, code, err = run_maybe_killed(data_dir, cli_args(op), delay)
        actual = read_rows(db)
        where = f"operation {number} {op} (seed {SEED}, killed={killed})"
        tally.count(op)
        if killed:
            assert actual in (ledger, expected), where
            if actual == expected and actual != ledger:
                tally.killed_after_commit += 1
            else:
                tally.killed_before_commit += 1
        else:
            if delay is None:
                kill.observed(time.monotonic() - started)
            assert (code, err) == (0, ""), where
            assert actual == expected, where
            tally.completed += 1
        if db.exists():
            assert_whole(db, where)
        ledger = actual
    print(f"\nCLI under SIGKILL: {tally}")

    assert tally.killed_before_commit + tally.killed_after_commit > 0
    listed = run_cli(data_dir, "list", "--period", "month", "--date", "2020-01-15", "--json")
    assert_clean(listed)
    assert db.exists()
    assert_whole(db, "at the end")
    assert read_rows(db) == ledger
    assert_backups_whole(data_dir)


@pytest.mark.parametrize(
    "count",
    [
        pytest.param(6, id="6-folders"),
        pytest.param(60, id="60-folders", marks=pytest.mark.reliability),
    ],
)
def test_a_kill_while_the_database_is_created_leaves_none_or_a_whole_one(
    tmp_path: Path, count: int
) -> None:
    kill = KillClock(SEED + 2)
    outcomes = {"none": 0, "empty": 0, "with the session": 0, "completed": 0}
    first = ("First", EPOCH, None)
    for number in range(count):
        folder = tmp_path / f"fresh-{number}"
        started, delay = time.monotonic(), kill.delay()
        args = ["start", "--at", iso(EPOCH), "--", "First"]
        killed, code, err = run_maybe_killed(folder, args, delay)
        db = folder / DATABASE_FILENAME
        if delay is None:
            kill.observed(time.monotonic() - started)
        if not killed:
            assert (code, err) == (0, "")
            outcomes["completed"] += 1
        if not db.exists():
            outcomes["none"] += 1
        else:
            check_header(db)  # complete from its first byte: ours, current schema
            assert integrity(db) == ["ok"]
            rows = read_rows(db)
            assert rows in ({}, {1: first})
            outcomes["empty" if not rows else "with the session"] += 1
        # Whatever the kill left behind, the next command simply works.
        status = run_cli(folder, "status", "--json")
        assert_clean(status)
        assert read_rows(db) in ({}, {1: first})
        assert int.from_bytes(db.read_bytes()[68:72], "big") == APPLICATION_ID
    print(f"\ncreation under SIGKILL: {outcomes}")


def committed_rows(line: dict[str, object]) -> dict[int, tuple[object, ...]]:
    change = line["committed"]
    assert isinstance(change, dict)
    return {row[0]: tuple(row[1:]) for row in change["after"]}


@pytest.mark.parametrize(
    "runs",
    [pytest.param(3, id="3-kills"), pytest.param(16, id="16-kills", marks=pytest.mark.reliability)],
)
def test_a_window_killed_at_random_moments_loses_nothing(data_dir: Path, runs: int) -> None:
    db = data_dir / DATABASE_FILENAME
    chance = random.Random(SEED + 3)
    tally = Tally()
    for run in range(runs):
        ledger = read_rows(db)
        driver = Driver("random", data_dir, str(SEED + 100 + run), "100000")
        try:
            assert driver.read_line() == {"ready": True}
            wanted = chance.randint(8, 40)
            while sum("committed" in line for line in driver.lines) < wanted:
                driver.read_line()
            if run % 2:  # the moment an operation begins, or a little after
                while "begin" not in driver.read_line():
                    pass
                driver.read_for(chance.uniform(0.0, 0.005))
            else:  # any moment
                driver.read_for(chance.uniform(0.0, 0.2))
            driver.kill()
        finally:
            driver.close()

        in_flight: Op | None = None
        for line in driver.lines:
            assert "refused" not in line, line  # every generated operation is valid
            if "begin" in line:
                in_flight = Op.from_json(line["begin"])
                tally.count(in_flight)
            elif "committed" in line:
                assert in_flight is not None, f"two changes saved by one operation: {line}"
                ledger = apply(ledger, in_flight)
                # What the window reported saving is what the model says it saved.
                for session_id, row in committed_rows(line).items():
                    assert ledger[session_id] == row, (in_flight, row)
                tally.completed += 1
                in_flight = None
        actual = read_rows(db)
        where = f"run {run}: killed during {in_flight} (seed {SEED + 100 + run})"
        if in_flight is None:
            assert actual == ledger, where
        else:
            assert actual in (ledger, apply(ledger, in_flight)), where
            if actual != ledger:
                tally.killed_after_commit += 1
            else:
                tally.killed_before_commit += 1
        assert_whole(db, where)
    print(f"\nwindow under SIGKILL: {tally}")

    assert tally.completed >= 8 * runs
    listed = run_cli(data_dir, "list", "--period", "month", "--date", "2020-01-15", "--json")
    assert_clean(listed)
    assert_whole(db, "at the end")
