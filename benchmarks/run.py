"""Whole-process benchmarks against the floors (a bare Qt window, a bare Python import) and
against peer trackers, printed as a Markdown table of medians and ratios.

    python benchmarks/run.py [--runs 5] [--rebuild] [--output FILE]

Measures, several runs each (medians, with min–max to show the noise):

- GUI start-up under a private Xvfb: ``python -m tracker_desktop --data-dir DIR`` showing
  the current week, on 0, 100k and 1M sessions, from launch to the first paint of the main
  window (``TRACKER_DESKTOP_EXIT_AFTER_PAINT=1`` prints its time and quits, before the
  work that waits for the first paint) and to the exit; next to two floors measured the
  same way in the same rounds: a bare PySide6 window (bare_window.py, the targets' floor)
  and the widget floor (floor_window.py: the same kinds of widgets as the tracker's first
  frame, with none of its work, to tell Qt's cost for such a window from the tracker's
  own); and the largest once more,
  quitting only after that deferred work (``=settled``). Rounds alternate between all
  of them, after one warm-up launch each.
- Peak resident memory (the child's ru_maxrss, from os.wait4) of those same launches.
- CLI ``status`` and ``list --period month`` on the same data, next to
  ``python -c "import peewee, sqlite3"`` (the floor) and, when installed, Watson
  (``watson status``, ``watson log --month``) and Timewarrior (``timew``,
  ``timew summary :month``) on the same sessions in their own formats (peers.py).
- Sync (sync_bench.py; ``--no-sync`` skips it): a private PostgreSQL server, the first
  sync of 100k sessions, a sync with nothing to do, a change seen on a second machine.
- In-process, on a copy of the largest database: start and stop through the service
  (commit included) and period queries for the current month, a month five years back
  (same pace) and one thirty years back (make_db.py's denser archive).

Databases are made once by make_db.py into build/bench-data/ and reused (``--rebuild``
makes them again); each run works on fresh copies, so the app's daily backup and its
files never touch the cache. Peers: Timewarrior is ``timew`` on PATH (Debian:
``apt-get install timewarrior``); Watson is ``--watson PATH``, else
build/peers/watson/bin/watson (``python3 -m venv build/peers/watson &&
build/peers/watson/bin/pip install td-watson``), else ``watson`` on PATH. A command that
takes longer than ``--peer-budget`` seconds in all is run fewer times (at least once).
Needs Xvfb (``apt-get install xvfb``) for the GUI part; ``--no-gui`` skips it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from frozen_startup import FLOORS, start_xvfb  # noqa: E402
from peers import export_timewarrior, export_watson  # noqa: E402
from sync_bench import sync_part  # noqa: E402

CACHE = ROOT / "build" / "bench-data"
SIZES = (0, 100_000, 1_000_000)
PAINTED = re.compile(rb"^first paint at (\d+\.\d+)$", re.MULTILINE)
# peewee imports psycopg at its own import when installed; the app hides it (the local
# store is SQLite, see tracker_desktop/core/__init__.py), and so does the floor.
FLOOR_IMPORT = "import sys; sys.modules.update(psycopg=None); import peewee, sqlite3"

# The targets of issue 6, as ratios measured in one run (or absolute times).
GUI_RATIO = 1.3
MEMORY_RATIO = 1.4
CLI_RATIO = 1.5
PERIOD_MS = 10.0
START_STOP_MS = 5.0
# Issue 13's targets for reports (in-process, at the largest size).
REPORT_TARGETS_MS = {
    "report of this year by project": 150.0,
    "report of this year by client and project": 150.0,
    "CSV export of this year": 2000.0,
}


def size_label(size: int) -> str:
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1000 and size % 1000 == 0:
        return f"{size // 1000}k"
    return str(size)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- processes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    seconds: float  # launch to exit
    paint: float | None  # launch to the reported first paint
    peak_kib: int  # the child's peak resident set (ru_maxrss)
    cpu: float  # the child's user + system CPU seconds (less sensitive to a busy machine)
    returncode: int
    stdout: bytes
    stderr: bytes


def run_process(
    argv: Sequence[str], env: dict[str, str], cwd: Path = ROOT, timeout: float = 300
) -> Sample:
    """Runs ``argv`` to its end; its wall time, first paint (if printed) and peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        launched = time.time()
        began = time.perf_counter()
        # From the checkout's root, so ``python -m tracker_desktop`` runs this checkout's code.
        process = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    match = PAINTED.search(stdout)
    paint = float(match.group(1)) - launched if match else None
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, paint, usage.ru_maxrss, cpu, process.returncode, stdout, stderr)


@dataclass
class Subject:
    """One command measured several times."""

    name: str
    argv: list[str]
    env: dict[str, str]
    ok_codes: tuple[int, ...] = (0,)
    needs_paint: bool = False
    before: Callable[[], None] | None = None  # run before each launch
    cwd: Path = ROOT  # ``python -m tracker_desktop`` runs the code of this checkout
    warmup: Sample | None = None
    samples: list[Sample] = field(default_factory=list)

    def run(self) -> Sample:
        if self.before is not None:
            self.before()
        sample = run_process(self.argv, self.env, self.cwd)
        if sample.returncode not in self.ok_codes or (self.needs_paint and sample.paint is None):
            raise SystemExit(
                f"{self.name}: {' '.join(self.argv)} exited {sample.returncode}"
                f"{'' if sample.paint or not self.needs_paint else ' without painting'}:\n"
                f"{sample.stdout.decode(errors='replace')[-2000:]}"
                f"{sample.stderr.decode(errors='replace')[-2000:]}"
            )
        return sample

    @property
    def spent(self) -> float:
        return sum(s.seconds for s in self.samples)

    def median(self, what: Callable[[Sample], float]) -> float:
        return statistics.median(what(s) for s in self.samples)

    def spread(self, what: Callable[[Sample], float]) -> tuple[float, float]:
        values = [what(s) for s in self.samples]
        return min(values), max(values)


def measure(subjects: list[Subject], runs: int, budget: float | None = None) -> None:
    """A warm-up launch of each, then ``runs`` rounds through all of them, so that every
    subject sees the same noise. With ``budget``, a subject that has taken longer than
    that many seconds stops early (a warm-up that alone exceeds it becomes its sample)."""
    for subject in subjects:
        progress(f"  warm-up: {subject.name}")
        subject.warmup = subject.run()
        if budget is not None and subject.warmup.seconds > budget:
            subject.samples.append(subject.warmup)
    for round_ in range(runs):
        progress(f"  round {round_ + 1}/{runs}")
        for subject in subjects:
            if budget is not None and subject.samples and subject.spent > budget:
                continue
            subject.samples.append(subject.run())


# -- data ------------------------------------------------------------------------------


def ensure_data(size: int, rebuild: bool, root: Path = ROOT) -> Path:
    """build/bench-data/<size>/ with tracker.db of ``size`` sessions (made once), by the
    make_db.py of the checkout ``root`` (an earlier checkout writes its own schema)."""
    folder = root / CACHE.relative_to(ROOT) / size_label(size)
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    if not (folder / "tracker.db").is_file():
        partial = folder.with_name(f"{folder.name}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        progress(f"making {size_label(size)} sessions in {folder}")
        command = [sys.executable, str(root / "benchmarks" / "make_db.py"), "--sessions", str(size)]
        subprocess.run(
            [*command, "--data-dir", str(partial)], check=True, stdout=sys.stderr, cwd=root
        )
        partial.rename(folder)
    return folder


def ensure_peer_data(folder: Path) -> tuple[Path, Path]:
    """The sessions of ``folder`` for Watson and for Timewarrior (exported once)."""
    watson, timew = folder / "watson", folder / "timew"
    database = folder / "tracker.db"
    if not (watson / "frames").is_file():
        progress(f"exporting {database} for Watson")
        export_watson(database, watson)
    if not (timew / "data" / "tags.data").is_file():
        progress(f"exporting {database} for Timewarrior")
        export_timewarrior(database, timew)
    return watson, timew


def working_copy(folder: Path, into: Path) -> Path:
    """A fresh data folder holding a copy of ``folder``'s database, showing the week."""
    into.mkdir(mode=0o700, parents=True)
    shutil.copy2(folder / "tracker.db", into / "tracker.db")
    show_week(into)
    return into


def show_week(data_dir: Path) -> None:
    (data_dir / "window.ini").write_text("[view]\nperiod=week\n", encoding="utf-8")


def find_watson(given: Path | None) -> Path | None:
    if given is not None:
        return given
    local = ROOT / "build" / "peers" / "watson" / "bin" / "watson"
    if local.is_file():
        return local
    found = shutil.which("watson")
    return Path(found) if found else None


# -- the machine -----------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
        ram = f"{kib / 1024**2:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        ram = "RAM unknown"
    qt = subprocess.run(
        [
            sys.executable,
            "-c",
            "import PySide6, PySide6.QtCore as q; print(PySide6.__version__, q.qVersion())",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()
    pyside = f"PySide6 {qt[0]} (Qt {qt[1]})" if len(qt) == 2 else "PySide6 not found"
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {pyside}; peewee {metadata.version('peewee')}; "
        f"SQLite {sqlite3.sqlite_version}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )


def code_version(root: Path = ROOT) -> str:
    """The commit measured, and whether the app's files differ from it."""
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%h %cs"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "tracker_desktop"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "not a git checkout"
    if not commit:
        return "not a git checkout"
    return f"commit {commit}" + (" with uncommitted changes to tracker_desktop/" if changed else "")


def compile_sources(root: Path) -> None:
    """Writes the bytecode of the checkout's package, as an installed app has it."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(root / "tracker_desktop")], check=True
    )


def load_average() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


# -- the parts -------------------------------------------------------------------------


def base_env(home: Path) -> dict[str, str]:
    # As a user's launches: bytecode cached (an environment that forbids writing it
    # would have every launch compile the app's modules again; see compile_sources).
    skipped = {
        "QT_QPA_PLATFORM",
        "WAYLAND_DISPLAY",
        "TRACKER_DESKTOP_DATA_DIR",
        "PYTHONDONTWRITEBYTECODE",
    }
    env = {key: value for key, value in os.environ.items() if key not in skipped}
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "share"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    return env


@dataclass
class Baseline:
    """An earlier checkout of the app, measured in the same rounds (``--baseline``)."""

    root: Path
    folders: dict[int, Path]  # its own databases, made by its own make_db.py

    def env(self, env: dict[str, str]) -> dict[str, str]:
        return {**env, "PYTHONPATH": str(self.root)}


@dataclass
class GuiResult:
    bare: Subject
    floor: Subject  # the widget floor
    peewee: Subject  # the bare window importing peewee first
    apps: dict[int, Subject]
    earlier: dict[int, Subject]  # the baseline checkout's launches, if any
    settled: Subject
    notes: list[str]


def gui_part(
    sizes: list[int],
    folders: dict[int, Path],
    work: Path,
    runs: int,
    baseline: Baseline | None = None,
) -> GuiResult:
    progress("GUI start-up under Xvfb")
    server, display = start_xvfb()
    try:
        env = base_env(work / "home")
        env.update(DISPLAY=display, TRACKER_DESKTOP_EXIT_AFTER_PAINT="1")
        bare, floor = (
            Subject(label, [sys.executable, str(script)], env, needs_paint=True)
            for label, (script, _) in FLOORS.items()
        )
        bare_script = FLOORS["bare PySide6 window"][0]
        peewee = Subject(
            "bare PySide6 window importing peewee",
            [sys.executable, str(bare_script), "--import", "peewee"],
            env,
            needs_paint=True,
        )
        earlier: dict[int, Subject] = {}
        for size in sizes if baseline is not None else ():
            assert baseline is not None
            data_dir = working_copy(baseline.folders[size], work / f"gui-baseline-{size}")
            earlier[size] = Subject(
                f"baseline, {size_label(size)} sessions",
                [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)],
                baseline.env(env),
                needs_paint=True,
                before=_logged_launch(data_dir),
                cwd=baseline.root,
            )
        apps: dict[int, Subject] = {}
        for size in sizes:
            data_dir = working_copy(folders[size], work / f"gui-{size_label(size)}")
            apps[size] = Subject(
                f"tracker-desktop, {size_label(size)} sessions",
                [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)],
                env,
                needs_paint=True,
                before=_logged_launch(data_dir),
            )
        # The same largest launch, quitting only after the work that waits for the first
        # paint (app icon, tray, instance socket, upkeep started): its memory is what
        # the running app holds once settled, beyond what the first paint needed.
        largest = max(sizes)
        settled_env = {**env, "TRACKER_DESKTOP_EXIT_AFTER_PAINT": "settled"}
        settled_dir = working_copy(folders[largest], work / "gui-settled")
        settled = Subject(
            f"tracker-desktop, {size_label(largest)} sessions, quitting once settled",
            [sys.executable, "-m", "tracker_desktop", "--data-dir", str(settled_dir)],
            settled_env,
            needs_paint=True,
            before=_logged_launch(settled_dir),
        )
        measure([bare, floor, peewee, *earlier.values(), *apps.values(), settled], runs)
    finally:
        server.terminate()
        server.wait()
    notes = [
        _launch_note(size_label(size), apps[size], work / f"gui-{size_label(size)}")
        for size in sizes
    ]
    notes.append(_launch_note("settled", settled, settled_dir))
    return GuiResult(bare, floor, peewee, apps, earlier, settled, notes)


def _logged_launch(data_dir: Path) -> Callable[[], None]:
    """Before each launch: the week view again, and a mark in the log to count from."""

    def before() -> None:
        show_week(data_dir)
        with (data_dir / "tracker-desktop.log").open("a", encoding="utf-8") as log:
            log.write("--- bench launch\n")

    return before


def _launch_note(label: str, subject: Subject, data_dir: Path) -> str:
    """What the launches left behind: tracebacks, and what the start-up upkeep
    (integrity check, daily backup; started after the first paint) finished."""
    log = (data_dir / "tracker-desktop.log").read_text(encoding="utf-8", errors="replace")
    launches = log.split("--- bench launch\n")[1:]
    finished = sum("start-up upkeep:" in launch for launch in launches)
    backups = len(list((data_dir / "backups").glob("*.db")))
    launched = [*([subject.warmup] if subject.warmup else []), *subject.samples]
    errors = sum(b"Traceback" in sample.stderr for sample in launched)
    return (
        f"{label}: {len(launches)} launches, {errors} printed a traceback; the upkeep "
        f"finished before the exit in {finished} of them; {backups} backup(s) made"
    )


BASELINE_PREFIX = "baseline "


@dataclass
class CliResult:
    floor: Subject
    rows: dict[str, dict[int, Subject]]  # command label -> size -> subject


def cli_part(
    sizes: list[int],
    folders: dict[int, Path],
    work: Path,
    runs: int,
    peers: bool,
    watson: Path | None,
    budget: float,
    baseline: Baseline | None = None,
) -> CliResult:
    progress("command line")
    env = base_env(work / "home")
    floor = Subject("import floor", [sys.executable, "-c", FLOOR_IMPORT], env)
    rows: dict[str, dict[int, Subject]] = {
        "tracker-desktop status": {},
        "tracker-desktop list --period month": {},
    }
    if baseline is not None:
        for size in sizes:
            data_dir = working_copy(baseline.folders[size], work / f"cli-baseline-{size}")
            app = [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)]
            for label, arguments in (
                ("status", ["status"]),
                ("list --period month", ["list", "--period", "month"]),
            ):
                rows.setdefault(f"{BASELINE_PREFIX}{label}", {})[size] = Subject(
                    f"baseline {label} {size}",
                    [*app, *arguments],
                    baseline.env(env),
                    cwd=baseline.root,
                )
    timew = shutil.which("timew")
    if peers and watson is not None:
        rows["watson status"] = {}
        rows["watson log --month"] = {}
    if peers and timew is not None:
        rows["timew (status)"] = {}
        rows["timew summary :month"] = {}
    for size in sizes:
        data_dir = working_copy(folders[size], work / f"cli-{size_label(size)}")
        app = [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)]
        rows["tracker-desktop status"][size] = Subject(f"status {size}", [*app, "status"], env)
        rows["tracker-desktop list --period month"][size] = Subject(
            f"list month {size}", [*app, "list", "--period", "month"], env
        )
        if not peers or (watson is None and timew is None):
            continue
        watson_dir, timew_dir = ensure_peer_data(folders[size])
        if watson is not None:
            watson_env = {**env, "WATSON_DIR": str(watson_dir)}
            rows["watson status"][size] = Subject(
                f"watson status {size}", [str(watson), "status"], watson_env
            )
            rows["watson log --month"][size] = Subject(
                f"watson log {size}", [str(watson), "log", "--month", "--no-pager"], watson_env
            )
        if timew is not None:
            timew_env = {**env, "TIMEWARRIORDB": str(timew_dir)}
            rows["timew (status)"][size] = Subject(
                f"timew {size}", [timew], timew_env, ok_codes=(0, 1)
            )
            rows["timew summary :month"][size] = Subject(
                f"timew summary {size}", [timew, "summary", ":month"], timew_env
            )
    subjects = [floor, *(s for by_size in rows.values() for s in by_size.values())]
    measure(subjects, runs, budget)
    return CliResult(floor, rows)


@dataclass
class Timing:
    label: str
    values: list[float]  # seconds
    returned: int | None = None  # sessions a query returned

    @property
    def median_ms(self) -> float:
        return statistics.median(self.values) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def service_part(size: int, folder: Path, work: Path, iterations: int) -> list[Timing]:
    """Start, stop and period queries through the service, on a copy of ``folder``."""
    progress(f"service, in-process, {size_label(size)} sessions")
    from tracker_desktop.core.periods import PeriodKind, period_containing
    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage

    data_dir = working_copy(folder, work / "service")
    storage = open_storage(data_dir)
    try:
        tracker = Tracker(storage)
        today = tracker.now().astimezone(tracker.zone).date()
        timings = []
        for label, years in (("current month", 0), ("5 years ago", 5), ("30 years ago", 30)):
            period = period_containing(
                PeriodKind.MONTH, date(today.year - years, today.month, 1), tracker.zone
            )
            values = []
            for n in range(iterations + 3):
                began = time.perf_counter()
                report = tracker.period_report(period)
                if n >= 3:  # the first few warm SQLite's page cache
                    values.append(time.perf_counter() - began)
            timings.append(
                Timing(
                    f"month query, {label} ({period.first_day:%Y-%m})", values, len(report.sessions)
                )
            )
        timings += report_timings(tracker, today, max(iterations // 10, 5))
        starts, stops = [], []
        for n in range(iterations):
            began = time.perf_counter()
            tracker.start(f"Benchmark {n % 7}")
            started = time.perf_counter()
            tracker.stop()
            starts.append(started - began)
            stops.append(time.perf_counter() - started)
        timings[:0] = [Timing("start (commit included)", starts), Timing("stop", stops)]
        return timings
    finally:
        storage.close()


def report_timings(tracker: Any, today: date, iterations: int) -> list[Timing]:
    """A year's report by project and by client and project, and the CSV export of a
    year (to memory), through the core."""
    import io

    from tracker_desktop.core.cli_report import export_csv
    from tracker_desktop.core.reports import ReportFilter, make_report, range_of_period

    year = range_of_period("year", today, tracker.zone)
    timings = []
    for label, work in (
        ("report of this year by project", lambda: make_report(tracker, year, ("project",))),
        (
            "report of this year by client and project",
            lambda: make_report(tracker, year, ("client", "project")),
        ),
        (
            "CSV export of this year",
            lambda: export_csv(tracker, year, ReportFilter(), io.StringIO()),
        ),
    ):
        values = []
        for n in range(iterations + 2):
            began = time.perf_counter()
            work()
            if n >= 2:
                values.append(time.perf_counter() - began)
        timings.append(Timing(label, values))
    return timings


# -- the report ------------------------------------------------------------------------


def to_paint(sample: Sample) -> float:
    return sample.paint or 0.0


def to_exit(sample: Sample) -> float:
    return sample.seconds


def peak(sample: Sample) -> float:
    return float(sample.peak_kib)


def cpu(sample: Sample) -> float:
    return sample.cpu


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def with_spread(subject: Subject, what: Callable[[Sample], float]) -> str:
    low, high = subject.spread(what)
    return f"{ms(subject.median(what))} ({ms(low)}–{ms(high)})"


Target = tuple[str, str, bool]


def gui_table(gui: GuiResult) -> tuple[list[str], list[Target]]:
    bare_paint, bare_peak = gui.bare.median(to_paint), gui.bare.median(peak)
    floor_paint, floor_peak = gui.floor.median(to_paint), gui.floor.median(peak)
    lines = [
        "GUI start-up under Xvfb: launch to the first paint of the main window (week view) "
        "and to the exit; the CPU time (user + system) and peak resident memory of the same "
        "launches.",
        "",
        "| | first paint, ms | × bare | × widget floor | exit, ms | CPU, ms | × bare "
        "| peak memory, MB | × bare | × widget floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    subjects = [gui.bare, gui.floor, gui.peewee, *gui.earlier.values(), *gui.apps.values()]
    for subject in [*subjects, gui.settled]:
        lines.append(
            f"| {subject.name} | {with_spread(subject, to_paint)} "
            f"| {subject.median(to_paint) / bare_paint:.2f} "
            f"| {subject.median(to_paint) / floor_paint:.2f} "
            f"| {with_spread(subject, to_exit)} | {ms(subject.median(cpu))} "
            f"| {subject.median(cpu) / gui.bare.median(cpu):.2f} "
            f"| {subject.median(peak) / 1024:.1f} | {subject.median(peak) / bare_peak:.2f} "
            f"| {subject.median(peak) / floor_peak:.2f} |"
        )
    lines += [
        "",
        "The tracker's launches quit right after the first paint "
        "(`TRACKER_DESKTOP_EXIT_AFTER_PAINT=1`), before the work that waits for it; the "
        "last row quits only after that work (`=settled`). The widget floor "
        "(benchmarks/floor_window.py) is a window of the same kinds of widgets as the "
        "tracker's first frame (menu bar, focused line edit, large label, tool buttons, a "
        "table on a Python model, status bar) doing none of its work: what any such "
        "window costs in PySide6, against which the tracker's own cost shows.",
        "",
        *(f"- {note}" for note in gui.notes),
    ]
    targets: list[Target] = []
    for size, subject in gui.apps.items():
        ratio = subject.median(to_paint) / bare_paint
        name = f"GUI first paint ≤ {GUI_RATIO}× bare window, {size_label(size)}"
        targets.append((name, f"{ratio:.2f}×", ratio <= GUI_RATIO))
    largest = max(gui.apps)
    ratio = gui.apps[largest].median(peak) / bare_peak
    name = f"peak memory ≤ {MEMORY_RATIO}× bare window, {size_label(largest)}"
    targets.append((name, f"{ratio:.2f}×", ratio <= MEMORY_RATIO))
    # Issue 11: against the earlier code, the first paint may rise by what importing
    # peewee costs a launch, and by nothing else.
    peewee_cost = gui.peewee.median(to_paint) - bare_paint
    for size, earlier in gui.earlier.items():
        rise = gui.apps[size].median(to_paint) - earlier.median(to_paint)
        name = f"first paint rise over the baseline ≤ peewee's import, {size_label(size)}"
        measured = f"{rise * 1000:+.0f} ms (peewee {peewee_cost * 1000:.0f} ms)"
        targets.append((name, measured, rise <= peewee_cost))
    return lines, targets


def cli_table(cli: CliResult, sizes: list[int]) -> tuple[list[str], list[Target]]:
    floor = cli.floor.median(to_exit)
    last = sizes[-1]
    lines = [
        "Command line, launch to exit, in ms (each peer answers the same question on the same "
        "sessions in its own format).",
        "",
        "| command | "
        + " | ".join(f"{size_label(size)}" for size in sizes)
        + f" | × floor at {size_label(last)} | CPU at {size_label(last)}, ms "
        + "| CPU × floor | runs |",
        "| --- |" + " ---: |" * (len(sizes) + 4),
        f'| floor: `python -c "{FLOOR_IMPORT}"` | '
        + " | ".join([with_spread(cli.floor, to_exit)] * len(sizes))
        + f" | 1.00 | {ms(cli.floor.median(cpu))} | 1.00 | {len(cli.floor.samples)} |",
    ]
    targets: list[Target] = []
    for label, by_size in cli.rows.items():
        if not by_size:
            continue
        cells = [with_spread(by_size[size], to_exit) if size in by_size else "–" for size in sizes]
        if last not in by_size:
            continue
        ratio = by_size[last].median(to_exit) / floor
        cpu_ms = by_size[last].median(cpu)
        cpu_ratio = cpu_ms / cli.floor.median(cpu)
        runs = "/".join(str(len(subject.samples)) for subject in by_size.values())
        lines.append(
            f"| `{label}` | {' | '.join(cells)} | {ratio:.2f} | {ms(cpu_ms)} | {cpu_ratio:.2f} "
            f"| {runs} |"
        )
        if label.startswith("tracker-desktop "):
            name = f"`{label.removeprefix('tracker-desktop ')}` ≤ {CLI_RATIO}× import floor, "
            measured = f"{ratio:.2f}× (CPU {cpu_ratio:.2f}×)"
            targets.append((name + size_label(last), measured, ratio <= CLI_RATIO))
    return lines, targets


def service_table(service: list[Timing], size: int) -> tuple[list[str], list[Target]]:
    lines = [
        f"Service, in-process, on a copy of the {size_label(size)} database "
        f"({len(service[0].values)} iterations each):",
        "",
        "| operation | median, ms | p95, ms | sessions returned |",
        "| --- | ---: | ---: | ---: |",
    ]
    targets: list[Target] = []
    for timing in service:
        returned = "" if timing.returned is None else str(timing.returned)
        lines.append(
            f"| {timing.label} | {timing.median_ms:.2f} | {timing.p95_ms:.2f} | {returned} |"
        )
        measured = f"{timing.median_ms:.2f} ms"
        if timing.label in REPORT_TARGETS_MS:
            limit = REPORT_TARGETS_MS[timing.label]
            name = f"{timing.label} ≤ {limit:g} ms, {size_label(size)}"
            targets.append((name, measured, timing.median_ms <= limit))
        elif timing.returned is None:
            name = f"{timing.label.split(' ')[0]} ≤ {START_STOP_MS:g} ms, {size_label(size)}"
            targets.append((name, measured, timing.median_ms <= START_STOP_MS))
        else:
            name = f"{timing.label.split(' (')[0]} ≤ {PERIOD_MS:g} ms, {size_label(size)}"
            targets.append((name, measured, timing.median_ms <= PERIOD_MS))
    return lines, targets


def render(
    runs: str,
    parts: list[tuple[list[str], list[Target]]],
    about: str,
    loads: tuple[str, str],
) -> str:
    lines = [
        f"Machine: {about}.",
        "",
        f"Load average (1/5/15 min) before: {loads[0]}; after: {loads[1]}. "
        f"Medians (min–max) of {runs}, after a warm-up launch of each.",
        "",
    ]
    targets: list[Target] = []
    for part_lines, part_targets in parts:
        lines += [*part_lines, ""]
        targets += part_targets
    lines += [
        "Targets (issue 6; and issue 11 against the baseline, when given):",
        "",
        "| target | measured | |",
        "| --- | ---: | --- |",
        *(
            f"| {name} | {value} | {'met' if ok else '**not met**'} |"
            for name, value, ok in targets
        ),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument(
        "--cli-runs", type=int, default=10, help="timed runs of each command (default 10)"
    )
    parser.add_argument("--rebuild", action="store_true", help="make the databases again")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="session counts (default 0,100000,1000000)",
    )
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI start-up part")
    parser.add_argument("--no-peers", action="store_true", help="skip Watson and Timewarrior")
    parser.add_argument(
        "--no-sync", action="store_true", help="skip the sync part (needs PostgreSQL's initdb)"
    )
    parser.add_argument("--watson", type=Path, help="the watson command to compare with")
    parser.add_argument(
        "--peer-budget",
        type=float,
        default=20,
        metavar="S",
        help="seconds a command may take in all before its runs stop (default 20)",
    )
    parser.add_argument(
        "--iterations", type=int, default=200, help="in-process iterations (default 200)"
    )
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="a checkout of earlier code (git worktree add DIR COMMIT) to launch in the same "
        "rounds, on databases made by its own make_db.py",
    )
    args = parser.parse_args()
    sizes = sorted({int(size) for size in args.sizes.split(",")})

    loads_before = load_average()
    about = f"{machine()}. Code: {code_version()}"
    folders = {size: ensure_data(size, args.rebuild) for size in sizes}
    compile_sources(ROOT)
    baseline = None
    if args.baseline is not None:
        root = args.baseline.resolve()
        baseline_folders = {size: ensure_data(size, args.rebuild, root) for size in sizes}
        baseline = Baseline(root, baseline_folders)
        compile_sources(root)
        about += f"; baseline: {root.name} at {code_version(root)}"
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as temp:
        work = Path(temp)
        (work / "home").mkdir(mode=0o700)
        gui = None if args.no_gui else gui_part(sizes, folders, work, args.runs, baseline)
        cli = cli_part(
            sizes,
            folders,
            work,
            args.cli_runs,
            not args.no_peers,
            find_watson(args.watson),
            args.peer_budget,
            baseline,
        )
        service = service_part(sizes[-1], folders[sizes[-1]], work, args.iterations)
        sync = None
        if not args.no_sync:
            progress("sync: a private PostgreSQL server and 100k sessions")
            sync = sync_part(ensure_data(100_000, args.rebuild), work, args.iterations // 10)
    parts = [] if gui is None else [gui_table(gui)]
    parts += [cli_table(cli, sizes), service_table(service, sizes[-1])]
    if sync is not None:
        parts.append(sync)
    runs = f"{args.runs} runs of each launch of the window, {args.cli_runs} of each command"
    table = render(runs, parts, about, (loads_before, load_average()))
    print(table)
    if args.output is not None:
        args.output.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
