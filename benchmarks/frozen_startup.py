"""Start-up time of the frozen app against two floors frozen the same way.

    python build_installer.py --folder-only      # or a full build: dist/tracker-desktop/
    python benchmarks/frozen_startup.py [--runs 15] [--rebuild-floors] [--data-dir DIR]

Freezes (once, into build/bench/) the two floors with the very spec and trimming of the
real app: the bare window (bare_window.py, an empty QWidget: the target's floor) and the
widget floor (floor_window.py, the same kinds of widgets as the tracker's first frame,
with none of its work). Starts a private Xvfb, and times the three from launch to the
first paint of their window: with TRACKER_DESKTOP_EXIT_AFTER_PAINT=1 the tracker prints
the time of its first paint and quits, and the floors do the same. Runs alternate between
them after a warm-up of each, so all see the same page cache. Prints medians (to first
paint, and to exit) and the ratios of the first-paint medians (the target is at most 1.3
against the bare window). The data folder is a throw-away one (an empty database) unless
--data-dir is given.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "resources" / "packaging" / "tracker-desktop.spec"
BENCH = ROOT / "build" / "bench"
APP = ROOT / "dist" / "tracker-desktop" / "tracker-desktop"
HERE = Path(__file__).resolve().parent
# name in reports: (script, name of the frozen build)
FLOORS = {
    "bare PySide6 window": (HERE / "bare_window.py", "bare-window"),
    "widget floor": (HERE / "floor_window.py", "floor-window"),
}
TARGET_RATIO = 1.3


def frozen(name: str) -> Path:
    return BENCH / "dist" / name / name


def freeze(script: Path, name: str) -> None:
    """``script``, frozen through the tracker's own spec (same trimming and strip)."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(BENCH / "dist"), "--workpath", str(BENCH / "work"), str(SPEC)]
    command += ["--", "--entry", str(script), "--name", name]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private X server; returns it and its DISPLAY value."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb not found: apt-get install xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_end, 16)
        if not chunk:
            server.kill()
            raise SystemExit("Xvfb did not start")
        number += chunk
    os.close(read_end)
    return server, f":{number.decode().strip()}"


def time_once(executable: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to the first paint, and to the exit."""
    launched = time.time()
    started = time.perf_counter()
    result = subprocess.run([str(executable)], env=env, capture_output=True, timeout=60)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{executable} exited {result.returncode}: {result.stderr.decode()}")
    match = re.search(rb"^first paint at (\d+\.\d+)$", result.stdout, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{executable} did not report its first paint: {result.stdout!r}")
    return float(match.group(1)) - launched, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (default 15)")
    parser.add_argument(
        "--rebuild-floors", action="store_true", help="freeze the two floor windows again"
    )
    parser.add_argument("--data-dir", type=Path, help="the tracker's data folder (default: new)")
    args = parser.parse_args()
    if not APP.is_file():
        raise SystemExit(f"{APP} not found: run python build_installer.py --folder-only first")
    for script, name in FLOORS.values():
        if args.rebuild_floors or not frozen(name).is_file():
            freeze(script, name)

    server, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="tracker-bench-") as temp:
            env = {
                key: value
                for key, value in os.environ.items()
                if key not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}
            }
            env.update(
                DISPLAY=display,
                TRACKER_DESKTOP_EXIT_AFTER_PAINT="1",
                TRACKER_DESKTOP_DATA_DIR=str(args.data_dir or Path(temp) / "data"),
                HOME=temp,
                XDG_CONFIG_HOME=str(Path(temp) / "config"),
                XDG_RUNTIME_DIR=temp,
            )
            apps = {label: frozen(name) for label, (_, name) in FLOORS.items()}
            apps["tracker-desktop"] = APP
            for executable in apps.values():  # warm-up: page cache, and the new database
                time_once(executable, env)
            paint: dict[str, list[float]] = {name: [] for name in apps}
            exit_: dict[str, list[float]] = {name: [] for name in apps}
            for _ in range(args.runs):
                for name, executable in apps.items():
                    to_paint, to_exit = time_once(executable, env)
                    paint[name].append(to_paint)
                    exit_[name].append(to_exit)
    finally:
        server.terminate()
        server.wait()

    print(f"\nunder Xvfb, {args.runs} runs each (milliseconds):")
    print(f"  {'':20} {'first paint: median':>20} {'min':>6} {'max':>6}   {'exit: median':>12}")
    medians = {}
    for name, values in paint.items():
        medians[name] = statistics.median(values)
        print(
            f"  {name:20} {medians[name] * 1000:20.0f} {min(values) * 1000:6.0f}"
            f" {max(values) * 1000:6.0f}   {statistics.median(exit_[name]) * 1000:12.0f}"
        )
    bare, floor = (medians[label] for label in FLOORS)
    ratio = medians["tracker-desktop"] / bare
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(
        f"  first-paint ratio {ratio:.2f} to the bare window ({verdict} the {TARGET_RATIO} target)"
    )
    print(
        f"  the widget floor is {floor / bare:.2f}x the bare window; the tracker is "
        f"{medians['tracker-desktop'] / floor:.2f}x the widget floor"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
