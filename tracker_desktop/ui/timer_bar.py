"""The timer bar: what you are working on (its name, project and tags), for how long,
and the Start/Stop button."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.names import MAX_NAME_LENGTH
from tracker_desktop.core.service import Session
from tracker_desktop.ui.icons import tinted_icon
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.project_colors import (
    color_dot,
    empty_dot,
    luminance,
    readable,
    readable_placeholder,
    start_stop_colors,
)
from tracker_desktop.ui.session_cells import tabular_font

if TYPE_CHECKING:
    from tracker_desktop.ui.live_state import Totals

LABEL_BUTTON_WIDTH = 210  # the widest the project and tags buttons grow (then elide)
NO_PROJECT = QT_TRANSLATE_NOOP("TimerBar", "No project")


class ShownLabels(NamedTuple):
    """What the project and tags buttons show: a project's label and colour (None: one
    to be made, no colour yet), or no project; and the tags."""

    project: str | None = None
    color: str | None = None
    tags: tuple[str, ...] = ()


NO_LABELS = ShownLabels()


class TimerBar(QWidget):
    """The name field (``sessionNameEdit``), the running time (``elapsedLabel``) and the
    Start/Stop button (``startStopButton``, driven by the Start/Stop action)."""

    name_submitted = Signal()  # Enter pressed in the name field
    name_editing_finished = Signal()  # Enter pressed, or the name field left
    name_too_long = Signal(str)  # typing or pasting went past the longest name: why

    def __init__(
        self,
        start_stop: QAction,
        choose_project: QAction,
        choose_tags: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timerBar")
        self._running: Session | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)

        self.name_edit = NameEdit(self)
        self.name_edit.setObjectName("sessionNameEdit")
        self.name_edit.reverted.connect(self.forget_edit)
        self.name_edit.setPlaceholderText(translate("TimerBar", "What are you working on?"))
        self.name_edit.setAccessibleName(translate("TimerBar", "Session name"))
        name_font = self.name_edit.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.3)
        self.name_edit.setFont(name_font)
        self.name_edit.setMinimumHeight(40)
        self.name_edit.returnPressed.connect(self.name_submitted)
        self.name_edit.editingFinished.connect(self.name_editing_finished)
        self.name_edit.too_long.connect(self._on_name_edit_too_long)
        row.addWidget(self.name_edit, 1)

        labels = QHBoxLayout()
        labels.setSpacing(2)
        self.project_button = self._label_button(
            "projectButton", translate("TimerBar", "Project"), choose_project
        )
        self.tags_button = self._label_button(
            "tagsButton", translate("TimerBar", "Tags"), choose_tags
        )
        labels.addWidget(self.project_button)
        labels.addWidget(self.tags_button)
        row.addLayout(labels)
        self._idle_labels = NO_LABELS
        self.show_labels(NO_LABELS)

        self.elapsed_label = QLabel("0:00:00", self)
        self.elapsed_label.setObjectName("elapsedLabel")
        self.elapsed_label.setAccessibleName(translate("TimerBar", "Running time"))
        font = tabular_font(self.elapsed_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setWeight(QFont.Weight.DemiBold)
        self.elapsed_label.setFont(font)
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Wide enough for 999 hours, so the bar never jumps while it ticks.
        self.elapsed_label.setMinimumWidth(
            self.elapsed_label.fontMetrics().horizontalAdvance("000:00:00") + 8
        )
        row.addWidget(self.elapsed_label)

        self.start_stop_button = QToolButton(self)
        self.start_stop_button.setObjectName("startStopButton")
        self.start_stop_button.setDefaultAction(start_stop)
        start_stop.changed.connect(self._paint_button_icon)  # the action brings its own
        self.start_stop_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.start_stop_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.start_stop_button.setMinimumSize(112, 40)
        button_font = self.start_stop_button.font()
        button_font.setBold(True)
        button_font.setPointSizeF(button_font.pointSizeF() * 1.15)
        self.start_stop_button.setFont(button_font)
        row.addWidget(self.start_stop_button)
        self.setTabOrder(self.name_edit, self.project_button)
        self.setTabOrder(self.project_button, self.tags_button)
        self.setTabOrder(self.tags_button, self.start_stop_button)

    def _label_button(self, name: str, accessible: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(action.toolTip())
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setMinimumHeight(32)
        button.clicked.connect(action.trigger)
        return button

    # -- the name field ------------------------------------------------------------------

    def typed_name(self) -> str:
        """What the name field holds: the next session's name."""
        return self.name_edit.text()

    def edited_name(self) -> str | None:
        """The name typed since the field last showed a stored one, if any."""
        return self.name_edit.text() if self.name_edit.isModified() else None

    def show_name(self, name: str) -> None:
        """Shows a stored name (no longer an edit), from its start unless being typed in."""
        self.name_edit.show_stored(name)

    def focus_name(self) -> None:
        """Ctrl+L: the name field, its text selected to type over."""
        self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name_edit.selectAll()

    def clear_name(self) -> None:
        self.name_edit.clear()

    def forget_edit(self) -> None:
        """Drops what was typed (Escape, an undo): the field shows the running session's
        stored name, or nothing while idle."""
        self.name_edit.setModified(False)
        self.name_edit.show_stored("" if self._running is None else self._running.name)

    def _on_name_edit_too_long(self) -> None:
        self.name_too_long.emit(
            translate("TimerBar", "A name holds at most {count} characters.").format(
                count=MAX_NAME_LENGTH
            )
        )

    def enable_clear_button(self) -> None:
        """A clear button in the name field (it waits for the first paint: it shows only
        once there is text)."""
        name_clear_button(
            self.name_edit, "clearNameButton", translate("TimerBar", "Clear the name")
        )

    # -- the project and tags buttons ----------------------------------------------------

    def show_labels(self, labels: ShownLabels) -> None:
        """Shows a project (with its colour dot) and tags on the buttons."""
        project = self.project_button
        if labels.project is None:
            project.setIcon(empty_dot())
            text = translate("TimerBar", NO_PROJECT)
        else:
            project.setIcon(empty_dot() if labels.color is None else color_dot(labels.color))
            text = labels.project
        self._set_elided(project, text)
        project.setAccessibleDescription(text)
        tags = " ".join(f"#{tag}" for tag in labels.tags) or translate("TimerBar", "# Tags")
        self._set_elided(self.tags_button, tags)
        self.tags_button.setAccessibleDescription(
            ", ".join(labels.tags) or translate("TimerBar", "No tags")
        )

    def set_idle_labels(self, labels: ShownLabels) -> None:
        """What the next session will be labelled with (shown while nothing runs)."""
        self._idle_labels = labels
        if self._running is None:
            self.show_labels(labels)

    def _set_elided(self, button: QToolButton, text: str) -> None:
        shown = button.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, LABEL_BUTTON_WIDTH
        )
        button.setText(shown.replace("&", "&&"))

    # -- showing the state ---------------------------------------------------------------

    def show_running(self, running: Session | None) -> None:
        """The running session's name (a new one replaces what was typed; a rename shows
        unless the name is being edited), and the button's colour."""
        changed = (running and running.id) != (self._running and self._running.id)
        self._running = running
        if running is None:
            if changed:
                self.name_edit.clear()
        elif changed or not self.name_edit.isModified():
            self.name_edit.show_stored(running.name)
        self.show_labels(self._idle_labels if running is None else shown_labels(running))
        self.restyle()

    def restyle(self) -> None:
        """The button's colours from the palette (blue Start, red Stop) at 4.5:1 or more,
        its focus ring in the window's text colour, and a readable placeholder."""
        palette = QApplication.palette()
        base, text = start_stop_colors(self._running is not None)
        hover, pressed = (shade(base, factor, text) for factor in (108, 116))
        ring = palette.color(QPalette.ColorRole.WindowText).name()
        style = (
            "#startStopButton {"
            f" background: {base.name()}; color: {text.name()};"
            " border: 3px solid transparent; border-radius: 20px; padding: 3px 17px 3px 11px; }"
            f"#startStopButton:hover {{ background: {hover.name()}; }}"
            f"#startStopButton:pressed {{ background: {pressed.name()}; }}"
            f"#startStopButton:focus {{ border-color: {ring}; }}"
        )
        if style != self.start_stop_button.styleSheet():
            self.start_stop_button.setStyleSheet(style)
        self._paint_button_icon()
        readable_placeholder(self.name_edit)

    def _paint_button_icon(self) -> None:
        """Play or stop in the button's text colour (the action's icon is for menus)."""
        text = start_stop_colors(self._running is not None)[1]
        icon = tinted_icon("play" if self._running is None else "stop", text)
        if self.start_stop_button.icon().cacheKey() != icon.cacheKey():
            self.start_stop_button.setIcon(icon)

    def show_totals(self, totals: Totals) -> None:
        """The running time (``0:00:00`` while idle)."""
        self.elapsed_label.setText(format_duration(totals.elapsed))


class NameEdit(QLineEdit):
    """The name field: Escape reverts what is being typed (``reverted``); typing or
    pasting past the longest name is refused as it happens (``too_long``); a stored name
    shows from its start while the field is not being typed in.

    Not ``setMaxLength``: Qt counts UTF-16 units (an emoji is two) and may cut a pasted
    text inside a character; names are counted in characters, as the core does."""

    reverted = Signal()
    too_long = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = ""  # the latest text within the limit
        self.textChanged.connect(self._on_text_changed)
        self.textEdited.connect(self._on_text_edited)

    def _on_text_changed(self, text: str) -> None:
        if len(text) <= MAX_NAME_LENGTH:
            self._fitting = text

    def _on_text_edited(self, text: str) -> None:
        if len(text) <= MAX_NAME_LENGTH:
            return
        cursor = self.cursorPosition() - (len(text) - len(self._fitting))
        self.setText(self._fitting)
        self.setModified(True)  # still the user's edit
        self.setCursorPosition(max(cursor, 0))
        self.too_long.emit()

    def show_stored(self, name: str) -> None:
        self.setText(name)
        if not self.hasFocus():
            self.setCursorPosition(0)  # a long name shows its beginning, not its end

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isModified():
            self.reverted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setCursorPosition(0)


def name_clear_button(edit: QLineEdit, name: str, text: str) -> None:
    """Turns on ``edit``'s clear button and gives it a name a screen reader can say (Qt
    makes it without one)."""
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setToolTip(text)


def shade(fill: QColor, factor: int, text: QColor) -> QColor:
    """``fill`` a step further from ``text`` (hover, pressed), still readable under it."""
    shaded = fill.lighter(factor) if luminance(text) < 0.5 else fill.darker(factor)
    return readable(shaded, text)


def shown_labels(session: Session) -> ShownLabels:
    """A session's project and tags, as the buttons show them."""
    project = session.project
    if project is None:
        return ShownLabels(tags=session.tags)
    return ShownLabels(project.label, project.color, session.tags)
