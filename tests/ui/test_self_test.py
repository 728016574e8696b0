"""``tracker-desktop --self-test``: the whole check on throw-away data, never the user's."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tracker_desktop import __version__
from tracker_desktop.ui.icons import MASK_PIXELS, WINDOW_ICONS
from tracker_desktop.ui.self_test import run_self_test


def packaged_icon_count() -> int:
    """The SVGs shipped as package data, and the window icons' masks at each size."""
    folder = resources.files("tracker_desktop.ui") / "icons"
    svgs = sum(1 for entry in folder.iterdir() if entry.name.endswith(".svg"))
    return svgs + len(WINDOW_ICONS) * len(MASK_PIXELS)


def test_self_test_passes_and_reports_one_json_line(
    qapp: QApplication, tmp_path: Path, data_dir: Path
) -> None:
    temp_parent = tmp_path / "temp"
    temp_parent.mkdir()
    out = io.StringIO()

    code = run_self_test(temp_parent, out)

    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert code == 0, report
    assert report["ok"] is True
    assert report["version"] == __version__
    assert report["platform"] == "offscreen"
    assert report["sessions"] == 1
    assert report["icons"] == packaged_icon_count()
    assert report["translations"] == ["de"]
    assert report["painted"] is True
    assert {"actionStartStop", "actionShowWindow", "actionQuit"} <= set(report["tray_menu"])
    assert report["frozen"] is False
    # The throw-away folder is gone, and the real data folder was never made.
    assert list(temp_parent.iterdir()) == []
    assert not data_dir.exists()


def test_a_failing_step_exits_1_with_the_reason(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("the temporary folder cannot be made inside a file")
    out = io.StringIO()

    code = run_self_test(not_a_folder, out)

    report = json.loads(out.getvalue())
    assert code == 1
    assert report["ok"] is False
    assert "NotADirectoryError" in report["error"]
    assert "self-test failed" in capsys.readouterr().err


def test_the_command_line_flag_runs_it_in_a_fresh_process(tmp_path: Path, data_dir: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp)}

    result = subprocess.run(
        [sys.executable, "-m", "tracker_desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["sessions"] == 1
    assert report["qt_warnings"] == []
    assert list(temp.iterdir()) == []
    assert not data_dir.exists()


def test_self_test_is_not_a_command_with_other_arguments() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tracker_desktop", "--self-test", "status"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert "--self-test" in result.stderr
