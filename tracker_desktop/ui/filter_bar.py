"""The filter over the shown period (``sessionFilterEdit``): sessions whose name,
project, client or a tag hold the typed text, and what the filter keeps
(``filterSummaryLabel``: "Filtered: 3 of 42 sessions, 2:15:00")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.project_colors import readable_placeholder
from tracker_desktop.ui.sessions_model import FilterSummary
from tracker_desktop.ui.timer_bar import name_clear_button


def summary_text(summary: FilterSummary) -> str:
    """ "Filtered: 3 of 42 sessions, 2:15:00"."""
    if summary.of == 1:
        text = translate("FilterBar", "Filtered: {matched} of {of} session, {time}")
    else:
        text = translate("FilterBar", "Filtered: {matched} of {of} sessions, {time}")
    return text.format(matched=summary.matched, of=summary.of, time=format_duration(summary.time))


class FilterBar(QWidget):
    """A filter field (focused by ``focus_action``, Ctrl+F; Escape clears it) and what
    the filter keeps."""

    filter_changed = Signal(str)  # the typed text (empty: every session)

    def __init__(self, focus_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("sessionFilterEdit")
        self.edit.setPlaceholderText(
            translate("FilterBar", "Filter: name, project, client or tag (Ctrl+F)")
        )
        self.edit.setAccessibleName(translate("FilterBar", "Filter sessions"))
        self.edit.setAccessibleDescription(
            translate(
                "FilterBar",
                "Shows only the sessions of the shown period whose name, project, client or "
                "a tag contains the text; Escape clears it",
            )
        )
        self.edit.setMaximumWidth(420)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.installEventFilter(self)
        row.addWidget(self.edit, 1)
        self.restyle()
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("filterSummaryLabel")
        row.addWidget(self.summary_label, 1)
        focus_action.triggered.connect(self.focus_filter)

    def focus_filter(self) -> None:
        """Puts the cursor in the filter, its text selected to type over."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def restyle(self) -> None:
        """A placeholder that reads (4.5:1), again after a palette change."""
        readable_placeholder(self.edit)

    def _on_edit_text_changed(self, text: str) -> None:
        # The clear button (shown with text only) waits for the first text: its icon
        # would cost the first paint time.
        if text and not self.edit.isClearButtonEnabled():
            name_clear_button(self.edit, "clearFilterButton", "Clear the filter")
        self.filter_changed.emit(text)

    def show_summary(self, summary: FilterSummary | None) -> None:
        """What the filter keeps; nothing while the field is empty."""
        self.summary_label.setText("" if summary is None else summary_text(summary))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.edit.text()
        ):
            self.edit.clear()
            return True
        return False
