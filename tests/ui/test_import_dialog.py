"""File ▸ Import… in the window: the preview of a real file (read off the GUI thread),
the import with its progress, one undo step for all of it, a second import that adds
nothing, broken files that say where and import nothing, and Cancel that leaves nothing.

Files are real ones: Watson frames written as Watson writes them (and one history made
by the real ``watson`` program), Toggl Track reports built from their documented columns;
the database is a real SQLite file in tmp_path; the dialog is driven by its buttons."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QProgressBar, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import child, trigger
from tests.unit.import_samples import toggl_row, write_frames, write_toggl
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.import_dialog import ImportDialog, ImportFile
from tracker_desktop.ui.main_window import MainWindow

# The tests' clock says Thursday 26 Nov 2026, 10:00 in Berlin (tests/conftest.py).
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
from tests.unit.test_import_real_programs import WATSON  # noqa: E402


def frames_file(folder: Path, count: int, *, first: datetime = MONDAY, hours: int = 1) -> Path:
    """``count`` frames of Watson's, one every ``hours`` hours (half an hour each),
    across three projects and two tags."""
    start = int(first.timestamp())
    rows = [
        [start + i * hours * 3600, start + i * hours * 3600 + 1800,
         ("Website", "Server", "Design")[i % 3], f"{i:032x}",
         ["client", "late"][: i % 3], start + i * hours * 3600 + 1800]
        for i in range(count)
    ]  # fmt: skip
    return write_frames(folder / "frames", rows)


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    """The file chooser answers ``path``."""
    monkeypatch.setattr(ImportFile, "ask", classmethod(lambda cls, parent, folder: path))


def open_import(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: Path):
    """File ▸ Import… on ``path``; the dialog, once its preview is shown."""
    choose(monkeypatch, path)
    trigger(window, "actionImport")
    (dialog,) = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: not progress(dialog).isVisible())
    return dialog


def value(dialog: ImportDialog, name: str) -> str:
    return child(dialog, QLabel, f"import{name}Value").text()


def button(dialog: ImportDialog, name: str) -> QPushButton:
    return child(dialog, QPushButton, name)


def progress(dialog: ImportDialog) -> QProgressBar:
    return child(dialog, QProgressBar, "importProgressBar")


def message(dialog: ImportDialog) -> str:
    label = child(dialog, QLabel, "importMessageLabel")
    return label.text() if label.isVisibleTo(dialog) else ""


def status(dialog: ImportDialog) -> str:
    return child(dialog, QLabel, "importStatusLabel").text()


def problems(dialog: ImportDialog) -> list[str]:
    listed = child(dialog, QListWidget, "importProblemsList")
    return [listed.item(i).text() for i in range(listed.count())]


def import_and_wait(dialog: ImportDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        button(dialog, "importButton").click()


def session_count(tracker: Tracker) -> int:
    return len(tracker.sessions_between(MONDAY - timedelta(days=1000), MONDAY + timedelta(days=9)))


def test_the_preview_says_what_the_file_holds_and_the_import_is_one_undo_step(
    window: MainWindow, tracker: Tracker, qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    path = frames_file(tmp_path, 60)  # Monday 09:00 to Wednesday 20:00, Berlin time
    assert child(window, type(window.action_set.import_file), "actionImport").text() == "Import…"
    dialog = open_import(window, qtbot, monkeypatch, path)

    assert value(dialog, "Sessions") == "60"
    assert value(dialog, "Dates") == "23 Nov 2026 – 25 Nov 2026"
    assert value(dialog, "Skipped") == "None"
    assert value(dialog, "Clients") == "None"
    assert value(dialog, "Projects") == "3: Website, Server, Design"
    assert value(dialog, "Tags") == "2: client, late"
    assert child(dialog, QComboBox, "importFormatCombo").currentText().startswith("Watson")
    assert not child(dialog, QComboBox, "importZoneCombo").isEnabled()  # UTC in the file
    assert session_count(tracker) == 0  # a preview writes nothing
    assert button(dialog, "importButton").text() == "Import 60 Sessions"

    seen: list[int] = []
    progress(dialog).valueChanged.connect(seen.append)
    import_and_wait(dialog, qtbot)
    assert 1000 in seen  # the bar went to its end
    assert window.statusBar().currentMessage() == "Imported 60 sessions from Watson frames"
    assert session_count(tracker) == 60
    window.show_period_kind(window.live.period.kind.WEEK)
    qtbot.waitUntil(lambda: window.period_total_label.text() == "Total 30:00:00")  # 60 × ½ h

    trigger(window, "actionUndo")  # Edit ▸ Undo: all sixty at once
    assert session_count(tracker) == 0
    qtbot.waitUntil(lambda: window.period_total_label.text() == "Total 0:00:00")
    trigger(window, "actionRedo")
    assert session_count(tracker) == 60


def test_a_second_import_adds_nothing_and_says_so(
    window: MainWindow, tracker: Tracker, qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    path = frames_file(tmp_path, 12)
    import_and_wait(open_import(window, qtbot, monkeypatch, path), qtbot)
    frames_file(tmp_path, 14)  # the same twelve, and two more
    dialog = open_import(window, qtbot, monkeypatch, path)
    assert (value(dialog, "Sessions"), value(dialog, "Skipped")) == ("2", "12, skipped")
    import_and_wait(dialog, qtbot)
    assert window.statusBar().currentMessage() == (
        "Imported 2 sessions from Watson frames (12 skipped as already imported)"
    )

    dialog = open_import(window, qtbot, monkeypatch, path)
    assert status(dialog) == (
        "Nothing new to import: all 14 sessions in this file were imported before."
    )
    assert not button(dialog, "importButton").isEnabled()
    assert session_count(tracker) == 14


def test_a_broken_file_shows_its_problems_with_their_lines_and_imports_nothing(
    window: MainWindow, tracker: Tracker, qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    rows = [toggl_row("2026-11-23 09:00:00", "2026-11-23 10:00:00", description="Fine")] * 3
    rows[1] = toggl_row("2026-11-23 11:00:00", "2026-11-23 10:00:00", description="Backwards")
    rows.append(toggl_row("2026-12-24 09:00:00", "2026-12-24 10:00:00", description="Later"))
    dialog = open_import(window, qtbot, monkeypatch, write_toggl(tmp_path / "toggl.csv", rows))

    assert message(dialog).startswith("2 problems in this file: correct them there")
    assert problems(dialog) == [
        "line 3: end: 2026-11-23 10:00 is before the start (2026-11-23 11:00)",
        "line 5: start: 2026-12-24 09:00 is in the future",
    ]
    assert not button(dialog, "importButton").isEnabled()
    zone = child(dialog, QComboBox, "importZoneCombo")
    assert zone.isEnabled()  # Toggl's local times
    assert zone.currentText() == "This computer's (Europe/Berlin)"
    zone.setCurrentIndex(zone.findData("UTC"))  # as --timezone UTC: read again
    qtbot.waitUntil(
        lambda: problems(dialog)[0].endswith("11:00 is before the start (2026-11-23 12:00)")
    )
    button(dialog, "importCancelButton").click()
    assert session_count(tracker) == 0


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('[\n [1, 2, "p", "a"],\n [3, 4, "p', "frames, line 3: the file ends inside frame 2"),
        ("Dear diary,\n", "frames: cannot tell which format this is; choose it under Format"),
        ('[[1, 2, "' + "x" * 10_000_000 + '", "a"]]', "frames, line 1: frame 1 is longer than"),
    ],
    ids=["truncated JSON", "no known format", "a 10 MB line"],
)
def test_an_unreadable_file_is_one_sentence_naming_its_line(
    window: MainWindow, tracker: Tracker, qtbot: QtBot, monkeypatch, tmp_path: Path,
    content: str, said: str,
) -> None:  # fmt: skip
    path = tmp_path / "frames"
    path.write_text(content, encoding="utf-8")
    dialog = open_import(window, qtbot, monkeypatch, path)
    assert message(dialog).startswith("This file cannot be imported: ")
    assert said in message(dialog)
    assert "Traceback" not in message(dialog)
    assert not button(dialog, "importButton").isEnabled()
    assert button(dialog, "importCancelButton").text() == "Close"


def test_the_format_can_be_chosen_as_with_format(
    window: MainWindow, qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    path = frames_file(tmp_path, 3)
    dialog = open_import(window, qtbot, monkeypatch, path)
    formats = child(dialog, QComboBox, "importFormatCombo")
    formats.setCurrentIndex(formats.findData("toggl-csv"))  # a wrong choice: said so
    qtbot.waitUntil(lambda: "cannot be imported" in message(dialog))
    assert "frames, line 1" in message(dialog)
    formats.setCurrentIndex(formats.findData("watson"))
    qtbot.waitUntil(lambda: button(dialog, "importButton").isEnabled())
    assert value(dialog, "Sessions") == "3"
    assert message(dialog) == ""


def test_a_running_entry_while_a_session_runs_is_refused_with_the_reason(
    window: MainWindow, tracker: Tracker, qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    tracker.start("Writing")
    state = tmp_path / "state"
    state.write_text(f'{{"project": "Server", "start": {int(MONDAY.timestamp())}, "tags": []}}')
    dialog = open_import(window, qtbot, monkeypatch, state)
    assert "this entry is still running (since 2026-11-23 09:00)" in message(dialog)
    assert "a session runs here already (“Writing”, since 2026-11-26 10:00)" in message(dialog)
    assert "stop that session, then import again" in message(dialog)
    assert not button(dialog, "importButton").isEnabled()


def test_cancel_during_the_import_leaves_nothing(
    window: MainWindow, tracker: Tracker, qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    path = frames_file(tmp_path, 20_000, first=MONDAY - timedelta(days=900), hours=1)
    dialog = open_import(window, qtbot, monkeypatch, path)
    assert value(dialog, "Sessions") == "20,000"
    # Cancel clicked right after Import: the worker stops at its first progress report,
    # inside its transaction (reading 20,000 frames takes it far longer than a click).
    button(dialog, "importButton").click()
    button(dialog, "importCancelButton").click()
    assert dialog.isVisible()  # it stays to say what happened
    qtbot.waitUntil(lambda: status(dialog) == "Import cancelled: nothing was imported.")
    assert session_count(tracker) == 0
    assert not window.undo_history.canUndo()
    import_and_wait(dialog, qtbot)  # and the import can still be made
    assert session_count(tracker) == 20_000


def test_a_history_made_by_watson_imports_from_the_window(
    window: MainWindow, tracker: Tracker, qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    assert WATSON.exists(), "Watson (td-watson) is in the test extra: pip install -e '.[test]'"
    folder = tmp_path / "watson"
    env = {**os.environ, "WATSON_DIR": str(folder), "TZ": "Europe/Berlin"}
    for args in (
        ["Website", "+design", "--from", "2026-11-23 09:00", "--to", "2026-11-23 12:30"],
        ["Server", "+late", "--from", "2026-11-24 22:00", "--to", "2026-11-25 01:30"],
    ):
        subprocess.run([str(WATSON), "add", *args], env=env, check=True, capture_output=True)
    dialog = open_import(window, qtbot, monkeypatch, folder / "frames")
    assert (value(dialog, "Sessions"), value(dialog, "Dates")) == (
        "2",
        "23 Nov 2026 – 25 Nov 2026",
    )
    assert value(dialog, "Projects") == "2: Website, Server"
    import_and_wait(dialog, qtbot)
    window.show_period_kind(window.live.period.kind.WEEK)
    qtbot.waitUntil(lambda: window.period_total_label.text() == "Total 7:00:00")
