"""Import benchmark: Watson frames (a make_db.py database written out by peers.py)
imported by ``python -m tracker_desktop import`` into an empty data folder, as a user
runs it; each case in a fresh process, several runs (medians, with min–max).

    python benchmarks/import_bench.py [--frames 100000] [--runs 3]

Cases: the import into an empty folder; the same file again (every frame skipped as
imported); ``--dry-run``; and in-process with a listener that keeps the change, as the
window's undo does (the command line has none). Reports wall time and the process's
peak resident memory (its ru_maxrss, from os.wait4). Targets: 100,000 frames in at most
10 s and 200 MB.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

import peers  # noqa: E402  (a sibling script)

WITH_UNDO = """
import sys
from pathlib import Path
from tracker_desktop.core.importing import Importer
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_storage

storage = open_storage(Path(sys.argv[1]))
tracker = Tracker(storage)
kept = []
tracker.changes.add(kept.append)  # what the window's undo stack does
summary = Importer(tracker).run(Path(sys.argv[2]))
if len(sys.argv) > 3:  # and undo it, and redo it
    tracker.apply(kept[0].inverse())
    tracker.apply(kept[0])
storage.close()
print(summary.imported, len(kept[0].after))
"""


def measure(command: list[str]) -> tuple[float, float, str]:
    """Runs ``command``; its wall time (s), peak resident memory (MB) and output."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    return seconds, usage.ru_maxrss / 1024, output.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frames", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="import-bench-") as temporary:
        work = Path(temporary)
        subprocess.run(
            [python, str(HERE / "make_db.py"), "--sessions", str(args.frames),
             "--data-dir", str(work / "source")],
            check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        frames = peers.export_watson(work / "source" / "tracker.db", work / "watson")
        frames_file = work / "watson" / "frames"
        size = frames_file.stat().st_size / 1e6
        print(f"{frames} Watson frames ({size:.1f} MB), {args.runs} runs each, median (min–max)")
        print()
        print("| case | time (s) | peak memory (MB) |")
        print("| --- | --- | --- |")
        cli = [python, "-m", "tracker_desktop"]
        results: dict[str, list[tuple[float, float]]] = {}
        for run in range(args.runs):
            folder = work / f"data-{run}"
            cases = {
                "import into an empty folder": [
                    *cli, "--data-dir", str(folder), "import", str(frames_file), "--json"],
                "the same file again (all skipped)": [
                    *cli, "--data-dir", str(folder), "import", str(frames_file), "--json"],
                "--dry-run on an empty folder": [
                    *cli, "--data-dir", str(work / f"dry-{run}"), "import", str(frames_file),
                    "--dry-run", "--json"],
                "in-process, change kept for undo": [
                    python, "-c", WITH_UNDO, str(work / f"undo-{run}"), str(frames_file)],
                "the same, then undone and redone": [
                    python, "-c", WITH_UNDO, str(work / f"redo-{run}"), str(frames_file), "1"],
            }  # fmt: skip
            for case, command in cases.items():
                seconds, megabytes, _ = measure(command)
                results.setdefault(case, []).append((seconds, megabytes))
            shutil.rmtree(folder)
        for case, values in results.items():
            times = [t for t, _ in values]
            memory = [m for _, m in values]
            print(
                f"| {case} | {statistics.median(times):.2f} ({min(times):.2f}–{max(times):.2f}) "
                f"| {statistics.median(memory):.0f} ({min(memory):.0f}–{max(memory):.0f}) |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
