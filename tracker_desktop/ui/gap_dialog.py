"""Asking what to do with a session that kept running while the computer slept or was off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.gaps import GapAnswer, GapKind, GapQuestion
from tracker_desktop.core.service import label

AnswerHandler = Callable[[GapAnswer | None], None]


class GapDialog(QDialog):
    """Offers the answers as buttons; closing it answers nothing and changes nothing."""

    def __init__(self, parent: QWidget | None, question: GapQuestion, zone: tzinfo) -> None:
        super().__init__(parent)
        self.setObjectName("gapDialog")
        self.setWindowTitle("Session kept running")
        self.answer: GapAnswer | None = None
        locale = QLocale()

        def clock(instant: datetime) -> str:
            local = instant.astimezone(zone)
            return locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)

        gap = format_duration(question.gap_end - question.gap_start)
        cause = (
            "the computer seems to have been asleep"
            if question.kind is GapKind.SLEEP
            else "Tracker Desktop was not running"
        )
        text = QLabel(
            f"{label(question.session.name).capitalize()} kept running while {cause}, "
            f"from {clock(question.gap_start)} to {clock(question.gap_end)} ({gap}).\n\n"
            "What should happen to that time?",
            self,
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox(Qt.Orientation.Vertical, self)
        for answer, caption in (
            (
                GapAnswer.SPLIT,
                f"Leave out the gap (stop at {clock(question.gap_start)}, "
                f"continue from {clock(question.gap_end)})",
            ),
            (GapAnswer.STOP_AT_GAP, f"Stop it at {clock(question.gap_start)}"),
            (GapAnswer.STOP_NOW, "Stop it now"),
            (GapAnswer.KEEP, "Keep it running (I was working)"),
        ):
            button = QPushButton(caption, self)
            button.setObjectName(f"gapAnswer-{answer.value}")
            button.clicked.connect(self._answer_slot(answer))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def _answer_slot(self, answer: GapAnswer) -> Callable[[], None]:
        def choose() -> None:
            self.answer = answer
            self.accept()

        return choose

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        question: GapQuestion,
        zone: tzinfo,
        on_answer: AnswerHandler,
    ) -> None:
        """Shows the question without blocking; ``on_answer`` gets the choice (None when
        the dialog is closed without one)."""
        dialog = cls(parent, question, zone)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: on_answer(dialog.answer))
        dialog.open()
