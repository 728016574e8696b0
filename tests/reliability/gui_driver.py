"""The real main window in its own process, worked by a script instead of a person.

    python -c "from tests.reliability.gui_driver import main; main()" MODE DATA_DIR [ARGS]

MODE ``random SEED COUNT``: COUNT random operations (tests/reliability/ledger.py) on a
clock of its own that starts after the latest stored time, through the window's actions,
fields, table and dialogs. ``live SEED``: starts, stops and adds on the real clock, until
its input closes. ``serve``: one JSON command per input line, answered with the window's
state. Prints JSON lines: ``begin`` (an operation starts), ``committed`` (a transaction
is saved, with the rows before and after it), ``refused`` (the window showed an error),
``state`` and ``finished``.
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QTableView, QToolButton

from tests.reliability.harness import read_rows
from tests.reliability.ledger import Generator, Ledger, Op, apply, latest_instant
from tracker_desktop.core.clock import SystemClock
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.history import Change, RowState
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_storage
from tracker_desktop.ui.dialogs import Confirmation
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.session_dialog import SessionDialog, SessionFields
from tracker_desktop.ui.sessions_model import NAME, SessionsModel


def emit(value: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


def _epoch(instant: datetime | None) -> int | None:
    return None if instant is None else int(instant.timestamp())


def _row(row: RowState) -> list[Any]:
    values = row.as_dict()
    return [row.id, values["name"], _epoch(values["started_at"]), _epoch(values["ended_at"])]


def _instant(epoch: int | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


class VirtualClock:
    def __init__(self, epoch: int) -> None:
        self.epoch = epoch

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.epoch, UTC)


class Script:
    """Drives one window through its widgets and actions (found by object name); reads
    its input without blocking the event loop."""

    def __init__(self, window: MainWindow, tracker: Tracker) -> None:
        self.window = window
        self.tracker = tracker
        self.name_edit = self._child(QLineEdit, "sessionNameEdit")
        self.banner = self._child(QFrame, "messageBanner")
        self.table = self._child(QTableView, "sessionsTable")
        model = self.table.model()
        assert isinstance(model, SessionsModel)
        self.model = model
        self.answers: list[SessionFields] = []
        self.input_closed = False
        self._input = b""
        self.commands: list[dict[str, Any]] = []
        self.committed = 0

        def report(change: Change) -> None:
            # Called after the transaction committed: what is printed is saved.
            self.committed += 1
            before, after = [*map(_row, change.before)], [*map(_row, change.after)]
            emit({"committed": {"before": before, "after": after}})

        tracker.changes.add(report)
        SessionDialog.ask = classmethod(self._answer)  # the seam tests replace
        Confirmation.ask = classmethod(lambda cls, *args: True)  # every "Discard?" is a yes
        self._notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._on_input)

    def _child(self, kind: type, name: str) -> Any:
        found = self.window.findChild(kind, name)
        assert found is not None, f"the window has no {name}"
        return found

    def trigger(self, name: str) -> None:
        self._child(QAction, name).trigger()

    def _text(self, kind: type, name: str) -> str:
        return str(self._child(kind, name).text())

    def _answer(
        self,
        cls: type,
        parent: object,
        title: str,
        fields: SessionFields,
        zone: object,
        check: Any,
        *,
        may_run: bool = False,
        error: InvalidInputError | None = None,
        **offered: Any,  # the projects and tags the dialog offers (left as they are)
    ) -> SessionFields | None:
        """What a person types into the edit dialog, checked as the dialog checks it."""
        if error is not None:  # checked, yet refused on saving
            emit({"refused": str(error)})
            return None
        if not self.answers:
            return None
        answer = self.answers.pop()
        try:
            check(answer)
        except InvalidInputError as refused:
            emit({"refused": str(refused)})
            return None
        return answer

    def _on_input(self) -> None:
        data = os.read(0, 65536)
        if not data:
            self.input_closed = True
            self._notifier.setEnabled(False)
            return
        self._input += data
        *lines, self._input = self._input.split(b"\n")
        self.commands += [json.loads(line) for line in lines if line.strip()]

    def refused(self) -> str | None:
        """The error the banner shows, if any (a message with an Undo button beside it,
        "Deleted …", is no error)."""
        undo = self.banner.findChild(QToolButton, "bannerUndoButton")
        if self.banner.isHidden() or (undo is not None and not undo.isHidden()):
            return None
        return self._text(QLabel, "messageLabel")

    def perform(self, op: Op) -> None:
        """Does ``op`` the way a person would in this window."""
        window, model, name_edit = self.window, self.model, self.name_edit
        self.banner.hide()
        if op.kind == "start":
            name_edit.setText(op.name or "")
            self.trigger("actionStartStop")
        elif op.kind == "continue":
            window.continue_from(op.id)  # as the tray's Continue menu does
        elif op.kind == "stop":
            self.trigger("actionStartStop")
        elif op.kind == "discard":
            self.trigger("actionDiscard")
        elif op.kind == "rename" and op.id is None:  # the running one: type, press Enter
            name_edit.setText(op.name or "")
            name_edit.setModified(True)
            QTest.keyClick(name_edit, Qt.Key.Key_Return)
        elif op.kind == "rename":
            model.setData(model.index(self._row(op.id), NAME), op.name)
        elif op.kind == "edit":
            session = model.session_at(self._row(op.id))
            assert session is not None
            start = _instant(op.start)
            assert start is not None
            self.answers.append(SessionFields(op.name or session.name, start, _instant(op.end)))
            window.edit_session(session)
        elif op.kind == "add":
            start, end = _instant(op.start), _instant(op.end)
            assert start is not None
            self.answers.append(SessionFields(op.name or "", start, end))
            self.trigger("actionAddSession")
        elif op.kind == "delete":
            self.table.clearSelection()
            self.table.selectRow(self._row(op.ids[0]))
            self.trigger("actionDeleteSessions")
        else:
            raise AssertionError(op)
        problem = self.refused()
        if problem is not None:
            emit({"refused": problem})

    def _row(self, session_id: int | None) -> int:
        row = self.model.row_of(session_id or 0)
        assert row >= 0, f"session {session_id} is not shown"
        return row

    def state(self) -> dict[str, Any]:
        return {
            "elapsed": self._text(QLabel, "elapsedLabel"),
            "button": self._text(QToolButton, "startStopButton"),
            "name": self.name_edit.text(),
            "total": self._text(QLabel, "periodTotalLabel"),
            "rows": self.model.rowCount(),
            "refused": self.refused(),
        }


def _random(script: Script, app: QApplication, seed: int, count: int) -> None:
    db = script.tracker.storage.path
    ledger: Ledger = read_rows(db)
    generator = Generator(seed, latest_instant(ledger), window=True)
    clock = script.tracker.clock
    assert isinstance(clock, VirtualClock)
    done = 0

    def step() -> None:
        nonlocal ledger, done
        if done == count:
            emit({"finished": done})
            app.quit()
            return
        op = generator.next(ledger)
        clock.epoch = generator.now
        emit({"begin": op.to_json()})
        before = script.committed
        script.perform(op)
        ledger = apply(ledger, op) if script.committed > before else read_rows(db)
        done += 1
        QTimer.singleShot(0, step)

    QTimer.singleShot(0, step)


def _live(script: Script, app: QApplication, seed: int) -> None:
    chance = random.Random(seed)
    done = 0
    # Sessions added by hand: whole hours of 2019, apart from the CLI's.
    base = int(datetime(2019, 1, 1, tzinfo=UTC).timestamp()) + seed * 100_000

    def step() -> None:
        nonlocal done
        if script.input_closed:
            emit({"finished": done})
            app.quit()
            return
        done += 1
        name = f"gui-{seed}-{done}"
        if script.state()["button"] == "Start":
            op = Op("start", name=name)
        elif chance.random() < 0.5:
            op = Op("stop")
        else:
            start = base + done * 3600
            op = Op("add", name=name, start=start, end=start + 1800)
        emit({"begin": op.to_json()})
        script.perform(op)
        QTimer.singleShot(10, step)

    QTimer.singleShot(0, step)


def _serve(script: Script, app: QApplication) -> None:
    def step() -> None:
        while script.commands:
            command = script.commands.pop(0)
            kind = command.pop("do")
            if kind != "state":
                script.perform(Op(kind, **command))
            emit({"state": script.state()})
        if script.input_closed:
            emit({"finished": True})
            app.quit()
            return
        QTimer.singleShot(5, step)

    QTimer.singleShot(0, step)


def main() -> None:
    mode, folder, *args = sys.argv[1:]
    data_dir = Path(folder)
    app = QApplication(sys.argv[:1])
    if mode == "random":
        epoch = latest_instant(read_rows(data_dir / "tracker.db"))
        tracker = Tracker(open_storage(data_dir), VirtualClock(epoch), ZoneInfo("Europe/Berlin"))
    else:
        tracker = Tracker(open_storage(data_dir), SystemClock())
    settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    # Virtual time leaps; the window must not take that for the computer sleeping.
    settings.setValue("gaps/threshold_minutes", 10**8)
    window = MainWindow(tracker, settings)
    window.show()
    window.finish_after_first_paint()
    script = Script(window, tracker)
    if mode == "random":
        script.trigger("actionShowMonth")
    if mode == "random":
        _random(script, app, int(args[0]), int(args[1]))
    elif mode == "live":
        _live(script, app, int(args[0]))
    else:
        _serve(script, app)
    emit({"ready": True})
    app.exec()
    tracker.storage.close()


if __name__ == "__main__":
    main()
