"""Asking what to do with a session that kept running while the computer slept or was off,
or while its user was away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.gaps import GapAnswer, GapKind, GapQuestion
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, session_subject, translate
from tracker_desktop.ui.locale_format import time_text

AnswerHandler = Callable[[GapAnswer | None], None]

# What the question says happened, in a whole sentence each (the cause changes the
# sentence's grammar in other languages).
QUESTIONS = {
    GapKind.SLEEP: QT_TRANSLATE_NOOP(
        "GapDialog",
        "{session} kept running while the computer seems to have been asleep, from {start} "
        "to {end} ({gap}).",
    ),
    GapKind.ABSENT: QT_TRANSLATE_NOOP(
        "GapDialog",
        "{session} kept running while Tracker Desktop was not running, from {start} to {end} "
        "({gap}).",
    ),
    GapKind.IDLE: QT_TRANSLATE_NOOP(
        "GapDialog",
        "{session} kept running while you were away (no keyboard or mouse input, or the "
        "screen locked), from {start} to {end} ({gap}).",
    ),
}


class GapDialog(QDialog):
    """Offers the answers as buttons; closing it answers nothing and changes nothing.
    ``show_question`` shows a question that grew while it was open."""

    def __init__(self, parent: QWidget | None, question: GapQuestion, zone: tzinfo) -> None:
        super().__init__(parent)
        self.setObjectName("gapDialog")
        self.setWindowTitle(translate("GapDialog", "Session kept running"))
        self.answer: GapAnswer | None = None
        self._zone = zone
        self._text = QLabel(self)
        self._text.setObjectName("gapText")
        self._text.setWordWrap(True)
        buttons = QDialogButtonBox(Qt.Orientation.Vertical, self)
        self._buttons: dict[GapAnswer, QPushButton] = {}
        for answer in GapAnswer.SPLIT, GapAnswer.STOP_AT_GAP, GapAnswer.STOP_NOW, GapAnswer.KEEP:
            button = QPushButton(self)
            button.setObjectName(f"gapAnswer-{answer.value}")
            button.clicked.connect(self._answer_slot(answer))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            self._buttons[answer] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self._text)
        layout.addWidget(buttons)
        self.show_question(question)

    def show_question(self, question: GapQuestion) -> None:
        """Says what happened and what each answer does, in local times."""
        start, end = (
            time_text(t.astimezone(self._zone)) for t in (question.gap_start, question.gap_end)
        )
        gap = format_duration(question.gap_end - question.gap_start)
        said = translate("GapDialog", QUESTIONS[question.kind]).format(
            session=session_subject(question.session.name), start=start, end=end, gap=gap
        )
        if question.absences > 1:
            said = said[:-1] + translate("GapDialog", " (you were back briefly in between).")
        asked = translate("GapDialog", "What should happen to that time?")
        self._text.setText(f"{said}\n\n{asked}")
        for answer, caption in (
            (
                GapAnswer.SPLIT,
                translate(
                    "GapDialog", "Leave out the gap (stop at {start}, continue from {end})"
                ).format(start=start, end=end),
            ),
            (
                GapAnswer.STOP_AT_GAP,
                translate("GapDialog", "Stop it at {start}").format(start=start),
            ),
            (GapAnswer.STOP_NOW, translate("GapDialog", "Stop it now")),
            (GapAnswer.KEEP, translate("GapDialog", "Keep it running (I was working)")),
        ):
            self._buttons[answer].setText(caption)

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
    ) -> GapDialog | None:
        """Shows the question without blocking anything (not even the window: stopping
        the session there drops the question) and returns the dialog, to grow or drop the
        question while it is open; ``on_answer`` gets the choice (None when the dialog is
        closed without one)."""
        dialog = cls(parent, question, zone)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: on_answer(dialog.answer))
        dialog.setModal(False)
        dialog.show()
        return dialog
