"""Correcting history from the window: the edit dialog, add, delete, continue, undo/redo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView, QToolButton
from pytestqt.qtbot import QtBot

from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, action, name_edit
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.session_dialog import SessionDialog, SessionFields
from tracker_desktop.ui.sessions_model import NAME

HOUR = timedelta(hours=1)
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def table_rows(storage: Storage) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in storage.database.execute_sql("SELECT * FROM session ORDER BY id").fetchall()
    ]


def sessions_table(window: MainWindow) -> QTableView:
    table = window.findChild(QTableView, "sessionsTable")
    assert table is not None
    return table


def row_of(window: MainWindow, name: str) -> int:
    model = sessions_table(window).model()
    for row in range(model.rowCount()):
        if model.index(row, NAME).data() == name:
            return row
    raise AssertionError(f"no row named {name}")


def select_row(table: QTableView, row: int) -> None:
    """Selects ``row`` alone, whatever modifier keys an earlier test left pressed (which
    selectRow() would heed)."""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    table.selectionModel().select(
        table.model().index(row, NAME), flags | QItemSelectionModel.SelectionFlag.Rows
    )


class FakeAsk:
    """Stands in for SessionDialog.ask: answers from a list, remembers each question.

    With ``checked``, each answer first passes the window's ``check``, as the dialog's OK
    button makes it (a refusal raises here).
    """

    def __init__(self, *answers: SessionFields | None, checked: bool = False) -> None:
        self.answers = list(answers)
        self.checked = checked
        self.questions: list[dict[str, Any]] = []

    def __call__(
        self,
        cls: type,
        parent: object,
        title: str,
        fields: SessionFields,
        zone: object,
        check: Any,
        **options: Any,
    ) -> SessionFields | None:
        self.questions.append({"title": title, "fields": fields, **options})
        answer = self.answers.pop(0)
        if self.checked and answer is not None:
            check(answer)
        return answer


@pytest.fixture
def seeded(tracker: Tracker) -> Tracker:
    tracker.add("Morning", NOW - 5 * HOUR, NOW - 4 * HOUR)
    tracker.add("Late", NOW - 3 * HOUR, NOW - 2 * HOUR)
    return tracker


def test_double_click_opens_the_dialog_and_saves_the_corrections(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, seeded: Tracker, window: MainWindow
) -> None:
    answer = SessionFields("Later", NOW - 3.5 * HOUR, NOW - 1.5 * HOUR)
    ask = FakeAsk(answer)
    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    window.activateWindow()
    qtbot.waitActive(window)
    table = sessions_table(window)
    row = row_of(window, "Late")
    rect = table.visualRect(table.model().index(row, NAME))
    # QTest's double-click alone does not reach the view's double-click handling; a real
    # double-click is a click followed by a double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert ask.questions[0]["title"] == "Edit Session"
    assert ask.questions[0]["fields"] == SessionFields("Late", NOW - 3 * HOUR, NOW - 2 * HOUR)
    saved = seeded.get(2)
    assert (saved.name, saved.start, saved.end) == ("Later", answer.start, answer.end)
    assert table.model().index(row_of(window, "Later"), NAME).isValid()


def test_a_refused_save_asks_again_with_the_typed_fields_and_the_reason(
    monkeypatch: pytest.MonkeyPatch, seeded: Tracker, storage: Storage, window: MainWindow
) -> None:
    typed = SessionFields("Late", NOW - 2 * HOUR, NOW - 3 * HOUR)  # end before start
    ask = FakeAsk(typed, None)
    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    before = table_rows(storage)
    sessions_table(window).selectRow(row_of(window, "Late"))
    action(window, "actionEditSession").trigger()

    assert len(ask.questions) == 2
    assert ask.questions[1]["fields"] == typed
    error = ask.questions[1]["error"]
    assert isinstance(error, InvalidInputError)
    assert error.field == "end"
    assert table_rows(storage) == before


def test_a_zero_length_session_is_renamed_through_the_edit_dialog(
    monkeypatch: pytest.MonkeyPatch, tracker: Tracker, clock: FakeClock, window: MainWindow
) -> None:
    blink = tracker.start("Blink").started  # stopped in the same second: zero length
    tracker.stop()
    clock.advance(minutes=1)
    # What the dialog runs on OK must not refuse the kept (equal) times.
    ask = FakeAsk(SessionFields("Blinked", blink.start, blink.start), checked=True)
    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    sessions_table(window).selectRow(row_of(window, "Blink"))
    action(window, "actionEditSession").trigger()

    assert len(ask.questions) == 1
    assert tracker.get(blink.id).name == "Blinked"


def dialog_for(tracker: Tracker, fields: SessionFields, qtbot: QtBot) -> SessionDialog:
    def check(f: SessionFields) -> None:
        tracker.check_fields(f.name, f.start, f.end)

    dialog = SessionDialog(None, "Edit Session", fields, tracker.zone, check)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_marks_an_end_before_the_start_and_keeps_what_was_typed(
    qtbot: QtBot, tracker: Tracker
) -> None:
    dialog = dialog_for(tracker, SessionFields("Call", NOW - 2 * HOUR, NOW - HOUR), qtbot)
    dialog.show()
    dialog.name_edit.setText("Call with Ann")
    dialog.set_wall_time("end", datetime(2026, 11, 26, 7, 30))  # before the 08:00 start
    dialog.accept()

    assert dialog.isVisible()
    assert dialog.result_fields is None
    end_error = dialog.findChild(QLabel, "endError")
    assert end_error.isVisible()
    assert end_error.text() == "The end must be after the start (08:00)."
    assert dialog.name_edit.text() == "Call with Ann"
    assert dialog.end_edit.dateTime().time().toString("HH:mm") == "07:30"

    dialog.set_wall_time("end", datetime(2026, 11, 26, 9, 15))
    assert not end_error.isVisible()  # corrected: the error goes at once
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.result_fields == SessionFields(
        "Call with Ann", NOW - 2 * HOUR, datetime(2026, 11, 26, 8, 15, tzinfo=UTC)
    )


@pytest.mark.parametrize(
    ("field", "wall", "words"),
    [
        ("start", datetime(2026, 3, 29, 2, 30), "does not exist"),  # Berlin skips 02:00–03:00
        ("end", datetime(2026, 11, 26, 11, 0), "in the future"),
    ],
)
def test_the_dialog_explains_impossible_times(
    qtbot: QtBot, tracker: Tracker, field: str, wall: datetime, words: str
) -> None:
    dialog = dialog_for(tracker, SessionFields("x", NOW - 2 * HOUR, NOW - HOUR), qtbot)
    dialog.set_wall_time(field, wall)
    dialog.accept()
    assert dialog.result_fields is None
    label = dialog.findChild(QLabel, f"{field}Error")
    assert words in label.text()


def test_the_dialog_refuses_a_too_long_name(qtbot: QtBot, tracker: Tracker) -> None:
    dialog = dialog_for(tracker, SessionFields("x", NOW - 2 * HOUR, NOW - HOUR), qtbot)
    dialog.name_edit.setText("y" * 501)
    dialog.accept()
    assert dialog.result_fields is None
    assert "too long" in dialog.findChild(QLabel, "nameError").text()
    assert dialog.name_edit.text() == "y" * 501


def test_ctrl_n_adds_a_forgotten_session_and_undo_redo_round_trip(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    seeded: Tracker,
    storage: Storage,
    window: MainWindow,
) -> None:
    before = table_rows(storage)
    monkeypatch.setattr(
        SessionDialog,
        "ask",
        classmethod(FakeAsk(SessionFields("Forgotten", NOW - 8 * HOUR, NOW - 7 * HOUR))),
    )
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    after = table_rows(storage)
    assert [r[1] for r in after] == ["Morning", "Late", "Forgotten"]
    assert action(window, "actionUndo").text() == "&Undo Add “Forgotten”"

    action(window, "actionUndo").trigger()
    assert table_rows(storage) == before
    action(window, "actionRedo").trigger()
    assert table_rows(storage) == after


def test_delete_key_removes_the_selected_sessions_and_undo_restores_them_exactly(
    qtbot: QtBot, seeded: Tracker, storage: Storage, window: MainWindow
) -> None:
    before = table_rows(storage)
    window.activateWindow()
    qtbot.waitActive(window)
    table = sessions_table(window)
    table.setFocus()
    table.selectAll()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert table_rows(storage) == []
    assert window.message_label.text() == "Deleted 2 sessions."

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert table_rows(storage) == before
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert table_rows(storage) == []


def test_the_undo_button_beside_the_deleted_message_brings_the_row_back_selected(
    qtbot: QtBot, seeded: Tracker, storage: Storage, window: MainWindow
) -> None:
    before = table_rows(storage)
    table = sessions_table(window)
    select_row(table, row_of(window, "Late"))
    action(window, "actionDeleteSessions").trigger()
    banner = window.message_banner
    undo = banner.findChild(QToolButton, "bannerUndoButton")
    assert banner.isVisible()
    assert window.message_label.text() == "Deleted “Late”."
    assert undo.isVisible()

    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)

    assert table_rows(storage) == before
    assert not banner.isVisible()
    selected = [index.row() for index in table.selectionModel().selectedRows()]
    assert selected == [row_of(window, "Late")]


def test_the_undo_button_goes_once_another_change_is_made(
    seeded: Tracker, window: MainWindow
) -> None:
    select_row(sessions_table(window), row_of(window, "Late"))
    action(window, "actionDeleteSessions").trigger()
    assert window.message_banner.isVisible()
    seeded.start("Next")  # the Undo would no longer undo the delete
    assert not window.message_banner.isVisible()


def test_delete_in_the_name_field_deletes_text_not_sessions(
    qtbot: QtBot, seeded: Tracker, storage: Storage, window: MainWindow
) -> None:
    before = table_rows(storage)
    window.activateWindow()
    qtbot.waitActive(window)
    sessions_table(window).selectAll()
    field = name_edit(window)
    field.setFocus()
    field.setText("abc")
    field.setCursorPosition(0)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == "bc"
    assert table_rows(storage) == before


def test_undo_and_redo_every_kind_of_change_made_in_the_window(
    monkeypatch: pytest.MonkeyPatch,
    seeded: Tracker,
    storage: Storage,
    clock: FakeClock,
    window: MainWindow,
) -> None:
    monkeypatch.setattr("tracker_desktop.ui.dialogs.Confirmation.ask", classmethod(lambda *a: True))
    field = name_edit(window)
    states = [table_rows(storage)]

    def step(do: Any) -> None:
        clock.advance(minutes=5)
        do()
        states.append(table_rows(storage))
        assert states[-1] != states[-2]

    step(lambda: (field.setText("First"), action(window, "actionStartStop").trigger()))
    step(
        lambda: (
            field.setText("Renamed"),
            field.setModified(True),
            field.returnPressed.emit(),
        )
    )
    step(lambda: action(window, "actionStartStop").trigger())  # stop
    step(lambda: (field.setText("Second"), action(window, "actionStartStop").trigger()))
    step(
        lambda: (
            sessions_table(window).selectRow(row_of(window, "Morning")),
            action(window, "actionContinueSession").trigger(),
        )
    )  # a switch
    step(lambda: action(window, "actionDiscard").trigger())

    for state in reversed(states[:-1]):
        action(window, "actionUndo").trigger()
        assert table_rows(storage) == state
    assert not action(window, "actionUndo").isEnabled()  # six changes, six undone
    for state in states[1:]:
        action(window, "actionRedo").trigger()
        assert table_rows(storage) == state
    assert not action(window, "actionRedo").isEnabled()


def test_an_undo_that_clashes_with_changes_made_elsewhere_is_refused_and_explained(
    seeded: Tracker, storage: Storage, window: MainWindow
) -> None:
    name_edit(window).setText("Mine")
    action(window, "actionStartStop").trigger()
    storage.database.execute_sql(
        "UPDATE session SET name = 'edited by the CLI' WHERE ended_at IS NULL"
    )
    state = table_rows(storage)
    action(window, "actionUndo").trigger()
    assert table_rows(storage) == state
    message = window.findChild(QLabel, "messageLabel")
    assert message.isVisible()
    assert "changed elsewhere" in message.text()
    # Dropped from the history: nothing left to undo or redo.
    assert not action(window, "actionUndo").isEnabled()
    assert not action(window, "actionRedo").isEnabled()


def test_continue_starts_the_selected_session_again(seeded: Tracker, window: MainWindow) -> None:
    sessions_table(window).selectRow(row_of(window, "Morning"))
    action(window, "actionContinueSession").trigger()
    running = seeded.running()
    assert running is not None
    assert running.name == "Morning"
    assert name_edit(window).text() == "Morning"


def test_overlapping_sessions_are_marked_and_name_each_other(
    tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.add("Workshop", NOW - 4 * HOUR, NOW - 2 * HOUR)
    tracker.add("Phone call", NOW - 3 * HOUR, NOW - 2.5 * HOUR)
    tracker.add("Alone", NOW - 2 * HOUR, NOW - HOUR)  # touches Workshop's end only
    window = make_window()
    model = sessions_table(window).model()

    def cell(name: str, role: Qt.ItemDataRole) -> Any:
        return model.index(row_of(window, name), NAME).data(role)

    assert cell("Workshop", Qt.ItemDataRole.DecorationRole) is not None
    assert "Overlaps “Phone call” (Thu, 26 Nov 07:00:00–07:30:00)" in cell(
        "Workshop", Qt.ItemDataRole.ToolTipRole
    )
    assert "Overlaps “Workshop”" in cell("Phone call", Qt.ItemDataRole.ToolTipRole)
    assert cell("Alone", Qt.ItemDataRole.DecorationRole) is None
    assert cell("Alone", Qt.ItemDataRole.ToolTipRole) == "Alone"
    assert QModelIndex().isValid() is False
