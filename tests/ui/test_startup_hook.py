"""The start-up timing hook: with TRACKER_DESKTOP_EXIT_AFTER_PAINT=1 the real app opens its
window, prints when it first painted, and quits (benchmarks/frozen_startup.py relies on it)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest


def launch_until_painted(arguments: list[str], mode: str = "1") -> subprocess.CompletedProcess[str]:
    """Python with ``arguments``, offscreen, the app quitting at its first paint (``1``) or
    once settled; it must succeed and print nothing on stderr."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRACKER_DESKTOP_EXIT_AFTER_PAINT": mode}
    result = subprocess.run(
        [sys.executable, *arguments], capture_output=True, text=True, env=env, timeout=120
    )
    assert (result.returncode, result.stderr) == (0, "")
    return result


@pytest.mark.parametrize("mode", ["1", "settled"])
def test_the_app_reports_its_first_paint_and_quits(data_dir: Path, mode: str) -> None:
    # "1" quits at the first paint; "settled" after the work that waits for it.
    launched = time.time()

    result = launch_until_painted(["-m", "tracker_desktop"], mode)

    match = re.fullmatch(r"first paint at (\d+\.\d+)\n", result.stdout)
    assert match, result.stdout
    assert launched < float(match.group(1)) < time.time()
    assert (data_dir / "tracker.db").is_file()  # the real start-up path, on the test's folder


@pytest.mark.parametrize("script", ["bare_window.py", "floor_window.py"])
def test_the_benchmark_floors_report_their_first_paint_and_quit(script: str) -> None:
    # benchmarks/run.py and frozen_startup.py time the app against these two windows.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    path = Path(__file__).resolve().parents[2] / "benchmarks" / script
    launched = time.time()

    result = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, env=env, timeout=120
    )

    # (The offscreen platform may note on stderr what it cannot do, e.g. size hints.)
    assert result.returncode == 0, result.stderr
    match = re.fullmatch(r"first paint at (\d+\.\d+)\n", result.stdout)
    assert match, result.stdout
    assert launched < float(match.group(1)) < time.time()


# What the window loads only when asked for, never before its first paint.
ON_DEMAND = (
    "tracker_desktop.core.reports",
    "tracker_desktop.core.importing",
    "tracker_desktop.core.importers.formats",
    "tracker_desktop.core.sync",
    "tracker_desktop.ui.reports_window",
    "tracker_desktop.ui.timesheet_pdf",
    "tracker_desktop.ui.import_dialog",
    "tracker_desktop.ui.projects_window",
    "tracker_desktop.ui.preferences_dialog",
    "tracker_desktop.ui.idle_watcher",
    "tracker_desktop.ui.gap_dialog",
    "tracker_desktop.ui.theme",  # the System theme costs nothing
    "tracker_desktop.ui.help_dialogs",
    "tracker_desktop.ui.session_dialog",
    "tracker_desktop.ui.dialog_parts",
    "tracker_desktop.core.cli",  # (argparse itself comes with PySide6)
    "psycopg",
    "keyring",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
)

FIRST_PAINT_SCRIPT = """
import json, sys
from tracker_desktop.main import main
code = main([])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded_at_first_paint() -> set[str]:
    """The modules the real app has loaded when its window first paints (it quits
    there), on the test's data folder."""
    result = launch_until_painted(["-c", FIRST_PAINT_SCRIPT])
    shown = json.loads(result.stdout.splitlines()[-1])
    assert shown["code"] == 0
    return set(shown["modules"])


def test_the_first_paint_loads_nothing_the_user_has_not_asked_for(data_dir: Path) -> None:
    loaded = loaded_at_first_paint()
    assert "tracker_desktop.ui.main_window" in loaded  # it did open the window
    early = sorted(
        name for name in loaded if any(name == m or name.startswith(m + ".") for m in ON_DEMAND)
    )
    assert early == []
