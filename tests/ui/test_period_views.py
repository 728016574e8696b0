"""The day, week and month views as a user reads and drives them: a session across
midnight under each of its days, week subtotals, collapsing groups, the filter, the
keyboard in and out of the table, a title that fits, and what an empty day offers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from tests.ui.conftest import child, name_edit, trigger
from tracker_desktop.core.catalog import ProjectName
from tracker_desktop.core.service import Labels, Tracker
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.period_text import period_titles
from tracker_desktop.ui.session_dialog import SessionDialog, SessionFields
from tracker_desktop.ui.sessions_model import DURATION, NAME, START

Role = Qt.ItemDataRole


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def seconds(text: str) -> int:
    hours, minutes, secs = (int(part) for part in text.split(":"))
    return hours * 3600 + minutes * 60 + secs


@pytest.fixture
def month(tracker: Tracker) -> Tracker:
    """November 2026 (the clock: Thursday 26 Nov, 10:00 in Berlin): a session across
    Wednesday's midnight, one that overlaps it, and sessions in three other weeks."""
    acme = Labels(ProjectName("Website", "Acme"), ("ops",))
    tracker.add("Overnight", at("2026-11-25T23:00+01:00"), at("2026-11-26T02:15+01:00"), acme)
    tracker.add("Design", at("2026-11-26T08:00+01:00"), at("2026-11-26T09:00+01:00"))
    tracker.add(
        "Call", at("2026-11-23T10:00+01:00"), at("2026-11-23T11:00+01:00"), Labels(tags=("UX",))
    )
    tracker.add("Kickoff", at("2026-11-02T09:00+01:00"), at("2026-11-02T10:30+01:00"))
    tracker.add("Review", at("2026-11-01T14:00+01:00"), at("2026-11-01T15:00+01:00"))
    return tracker


def table(window: MainWindow) -> QTableView:
    return child(window, QTableView, "sessionsTable")


def rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """Each row's name, start and duration."""
    model = table(window).model()
    return [
        tuple(str(model.index(r, c).data() or "") for c in (NAME, START, DURATION))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def is_heading(window: MainWindow, row: int) -> bool:
    return window.model.heading_at(row) is not None


def groups(window: MainWindow, kind: str) -> dict[str, list[str]]:
    """Day (or week) headings with the durations of the rows under them."""
    found: dict[str, list[str]] = {}
    current = None
    for number, (name, _start, duration) in enumerate(rows(window)):
        heading = window.model.heading_at(number)
        if heading is not None:
            current = name if type(heading).__name__ == kind else current
            if current == name:
                found[name] = [duration]
        elif current is not None:
            found[current].append(duration)
    return found


def total_text(window: MainWindow) -> str:
    return child(window, QLabel, "periodTotalLabel").text()


def test_day_view_rows_add_up_to_the_day_total(month: Tracker, window: MainWindow) -> None:
    assert rows(window) == [
        ("Design", "08:00:00", "1:00:00"),
        ("Overnight", "Wed, 25 Nov 23:00:00", "2:15:00"),
    ]
    assert total_text(window) == "Total 3:15:00"
    tip = window.model.index(1, NAME).data(Role.ToolTipRole)
    assert "Whole session: Wed, 25 Nov 23:00:00–Thu, 26 Nov 02:15:00, 3:15:00" in tip
    assert "changes the whole session" in tip


def test_week_view_lists_a_session_under_both_its_days(month: Tracker, window: MainWindow) -> None:
    trigger(window, "actionShowWeek")
    days = groups(window, "DayRow")
    assert list(days) == ["Thursday, 26 November", "Wednesday, 25 November", "Monday, 23 November"]
    for heading, durations in days.items():
        total, *parts = durations
        assert seconds(total) == sum(map(seconds, parts)), heading
    assert [n for n, *_ in rows(window)].count("Overnight") == 2
    assert days["Wednesday, 25 November"] == ["1:00:00", "1:00:00"]
    assert total_text(window) == "Total 5:15:00"


def test_month_view_has_week_subtotals(month: Tracker, window: MainWindow) -> None:
    trigger(window, "actionShowMonth")
    weeks = {
        name: duration
        for number, (name, _, duration) in enumerate(rows(window))
        if type(window.model.heading_at(number)).__name__ == "WeekRow"
    }
    assert weeks == {
        "Week 23 Nov – 29 Nov": "5:15:00",
        "Week 2 Nov – 8 Nov": "1:30:00",
        "Week 1 Nov": "1:00:00",
    }
    assert sum(map(seconds, weeks.values())) == seconds(total_text(window).split()[-1])
    days = groups(window, "DayRow")
    assert seconds(weeks["Week 23 Nov – 29 Nov"]) == sum(
        seconds(days[d][0])
        for d in ("Thursday, 26 November", "Wednesday, 25 November", "Monday, 23 November")
    )


def row_named(window: MainWindow, name: str) -> int:
    return next(number for number, row in enumerate(rows(window)) if row[0] == name)


def focus_row(qtbot: QtBot, window: MainWindow, name: str) -> QTableView:
    view = table(window)
    view.setFocus()
    view.setCurrentIndex(view.model().index(row_named(window, name), NAME))
    return view


def test_groups_collapse_and_expand_from_the_keyboard_and_stay_so(
    qtbot: QtBot, qtmodeltester: Any, month: Tracker, window: MainWindow
) -> None:
    trigger(window, "actionShowMonth")
    names = lambda: [row[0] for row in rows(window)]  # noqa: E731
    view = focus_row(qtbot, window, "Thursday, 26 November")
    qtbot.keyClick(view, Qt.Key.Key_Left)  # collapses the day
    assert "Design" not in names()
    thursday = view.model().index(row_named(window, "Thursday, 26 November"), NAME)
    assert (
        thursday.data(Role.AccessibleTextRole) == "Thursday, 26 November, total 3:15:00, collapsed"
    )
    qtbot.keyClick(view, Qt.Key.Key_Left)  # on a collapsed day: up to its week
    assert view.currentIndex().data() == "Week 23 Nov – 29 Nov"
    qtbot.keyClick(view, Qt.Key.Key_Left)  # collapses the week
    assert "Wednesday, 25 November" not in names()
    qtmodeltester.check(window.model)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # expands the week: Thursday stays collapsed
    assert "Wednesday, 25 November" in names()
    assert "Design" not in names()

    trigger(window, "actionPreviousPeriod")
    trigger(window, "actionNextPeriod")
    month.add("Later", at("2026-11-26T09:10+01:00"), at("2026-11-26T09:20+01:00"))  # a reread
    assert "Design" not in names()
    assert "Later" not in names()

    rect = view.visualRect(view.model().index(row_named(window, "Thursday, 26 November"), NAME))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "Design" in names()
    assert "Later" in names()
    view.setCurrentIndex(view.model().index(row_named(window, "Design"), NAME))
    qtbot.keyClick(view, Qt.Key.Key_Left)  # from a session: to its day
    assert view.currentIndex().data() == "Thursday, 26 November"
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter toggles a heading
    assert "Design" not in names()
    qtmodeltester.check(window.model)


def filter_edit(window: MainWindow) -> QLineEdit:
    return child(window, QLineEdit, "sessionFilterEdit")


def test_the_filter_keeps_matching_sessions_and_says_what_they_add_up_to(
    qtbot: QtBot, qtmodeltester: Any, month: Tracker, window: MainWindow
) -> None:
    trigger(window, "actionShowWeek")
    window.activateWindow()
    qtbot.waitActive(window)
    name_edit(window).setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is filter_edit(window)

    qtbot.keyClicks(filter_edit(window), "aCmE")  # the client, any case
    assert [row[0] for row in rows(window)] == [
        "Thursday, 26 November", "Overnight", "Wednesday, 25 November", "Overnight"
    ]  # fmt: skip
    summary = child(window, QLabel, "filterSummaryLabel").text()
    assert summary == "Filtered: 1 of 3 sessions, 3:15:00"
    assert total_text(window) == "Filtered 3:15:00"
    qtmodeltester.check(window.model)

    for text, kept in (("ux", ["Call"]), ("websITE", ["Overnight"]), ("sign", ["Design"])):
        filter_edit(window).setText(text)  # a tag, a project, part of a name
        assert [r[0] for n, r in enumerate(rows(window)) if not is_heading(window, n)][:1] == kept

    filter_edit(window).setText("nothing like it")
    empty = child(window, QLabel, "emptyStateLabel")
    assert empty.isVisible()
    assert (
        "No session in the week Mon, 23 Nov – Sun, 29 Nov 2026 matches “nothing like it”"
        in empty.text()
    )
    assert total_text(window) == "Filtered 0:00:00"

    qtbot.keyClick(filter_edit(window), Qt.Key.Key_Escape)
    assert filter_edit(window).text() == ""
    assert len(rows(window)) == 7
    assert child(window, QLabel, "filterSummaryLabel").text() == ""
    assert total_text(window) == "Total 5:15:00"


def test_tab_leaves_the_table_and_arrows_move_inside_it(
    qtbot: QtBot, month: Tracker, window: MainWindow
) -> None:
    trigger(window, "actionShowWeek")
    window.activateWindow()
    qtbot.waitActive(window)
    view = focus_row(qtbot, window, "Design")
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # Thursday's part of Overnight, then Wednesday
    assert view.currentIndex().data() == "Wednesday, 25 November"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is filter_edit(window)

    # The whole way round, from the name field: the filter just before the table,
    # the table once, and back to the name field within a few presses.
    name_edit(window).setFocus()
    order = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
        if order[-1] is name_edit(window):
            break
    assert order[-1] is name_edit(window)
    assert order.count(view) == 1
    assert order[order.index(view) - 1] is filter_edit(window)


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_shift_f10_and_the_menu_key_open_the_row_menu_at_the_row(
    qtbot: QtBot, month: Tracker, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    view = focus_row(qtbot, window, "Overnight")
    view.selectRow(row_named(window, "Overnight"))
    qtbot.keyClick(view, key, modifier)
    menu = window.findChild(QMenu, "sessionRowMenu")
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    row_rect = view.visualRect(view.currentIndex())
    row_bottom = view.viewport().mapToGlobal(QPoint(row_rect.left(), row_rect.bottom()))
    assert abs(menu.geometry().top() - row_bottom.y()) <= 4
    assert abs(menu.geometry().left() - row_bottom.x()) <= 20
    assert "Edit Session…" in [a.text() for a in menu.actions()]
    menu.close()


@pytest.mark.parametrize("kind", ["actionShowDay", "actionShowWeek", "actionShowMonth"])
@pytest.mark.parametrize("size", [(640, 480), (560, 400)])
def test_the_title_shortens_to_fit_and_is_never_cut(
    qtbot: QtBot, month: Tracker, window: MainWindow, kind: str, size: tuple[int, int]
) -> None:
    trigger(window, kind)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == max(size[0], window.minimumWidth()))
    label = child(window, QLabel, "periodTitleLabel")
    titles = period_titles(window.live.period)
    qtbot.waitUntil(lambda: label.text() in titles[1:] or label.text() == titles[0])
    width = QFontMetricsF(label.font()).horizontalAdvance(label.text())
    assert width <= label.contentsRect().width()
    assert label.accessibleName() == titles[0]
    if kind == "actionShowDay":
        assert label.text() != titles[0]  # "Thursday, 26 November 2026" has no room here
        assert label.toolTip() == titles[0]


class FakeAsk:
    """SessionDialog.ask replaced: records the question, answers Cancel."""

    def __init__(self) -> None:
        self.fields: list[SessionFields] = []

    def __call__(
        self,
        cls: type,
        parent: object,
        title: str,
        fields: SessionFields,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        self.fields.append(fields)


def test_a_past_empty_day_says_so_and_offers_to_add_a_session(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tracker: Tracker, window: MainWindow
) -> None:
    empty = child(window, QLabel, "emptyStateLabel")
    assert window.findChild(QPushButton, "emptyStateAddButton") is None  # today: type a name
    trigger(window, "actionPreviousPeriod")
    trigger(window, "actionPreviousPeriod")
    assert empty.text().startswith("Nothing tracked on Tuesday, 24 November 2026.")
    button = child(window, QPushButton, "emptyStateAddButton")
    assert button.isVisible()
    ask = FakeAsk()
    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ask.fields[0].start == at("2026-11-24T09:00+01:00")
    trigger(window, "actionCurrentPeriod")
    assert not button.isVisible()
    trigger(window, "actionNextPeriod")  # tomorrow: nothing to add yet
    assert empty.text() == "Nothing tracked on Friday, 27 November 2026."
    assert not button.isVisible()


def test_the_overlap_sign_is_read_out(tracker: Tracker, window: MainWindow) -> None:
    tracker.add("Workshop", at("2026-11-26T08:00+01:00"), at("2026-11-26T09:30+01:00"))
    tracker.add("Call", at("2026-11-26T09:00+01:00"), at("2026-11-26T09:15+01:00"))
    index = window.model.index(row_named(window, "Call"), NAME)
    assert index.data(Role.DecorationRole) is not None
    assert index.data(Role.AccessibleTextRole) == "Call, overlaps another session"
    assert index.data(Role.AccessibleDescriptionRole).startswith("Overlaps “Workshop” (Thu, 26 Nov")
    plain = window.model.index(row_named(window, "Workshop"), START)
    assert plain.data(Role.AccessibleTextRole) is None
    assert window.model.index(0, NAME).parent() == QModelIndex()
