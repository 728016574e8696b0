"""Labelling a session from the keyboard, in its name field: ``@`` opens the project
picker and ``#`` the tag picker at the cursor, filtered as you type (Enter or Tab takes
the highlighted entry and the typed ``@…``/``#…`` leaves the name; Escape closes it and
keeps the text); while a name is typed, recent name, project and tags combinations are
offered (Down, then Enter starts one again). The project and tags buttons open the same
pickers with a search field of their own.

While nothing runs the choice waits for the next start; while a session runs, it is
changed at once (an undoable edit, asked for through ``relabel_requested``).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from tracker_desktop.core.catalog import ProjectInfo, ProjectName
from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.service import Labels, Session, Tracker
from tracker_desktop.ui.label_picker import LabelPicker
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.message_banner import Messages
from tracker_desktop.ui.picker_entries import (
    Entry,
    Kind,
    project_entries,
    recent_entries,
    tag_entries,
)
from tracker_desktop.ui.timer_bar import ShownLabels, TimerBar, shown_labels

PICKER_WIDTH = 340
RECENT_WIDTH = 560  # a name with its project and tags
_TAKE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_STEPS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 7,
    Qt.Key.Key_PageUp: -7,
}


class Mode(enum.Enum):
    PROJECT = "@"
    TAG = "#"
    RECENT = ""


class Token(NamedTuple):
    """``@query`` or ``#query`` ending at the cursor: its mode and where it starts."""

    mode: Mode
    start: int
    query: str


def code_points(text: str, utf16: int) -> int:
    """Qt's cursor position (UTF-16 units: an emoji is two) as an index into ``text``."""
    return len(text.encode("utf-16-le")[: 2 * utf16].decode("utf-16-le", errors="ignore"))


def utf16_units(text: str, index: int) -> int:
    """An index into ``text`` as Qt counts positions (UTF-16 units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def token_at(text: str, cursor: int) -> Token | None:
    """The ``@``/``#`` token the cursor ends, if any: the sign starts the text or follows
    white space, and what follows it does not start with a space (a tag has none)."""
    for at in range(cursor - 1, -1, -1):
        sign = text[at]
        if sign in "@#" and (at == 0 or text[at - 1].isspace()):
            query = text[at + 1 : cursor]
            if query[:1].isspace() or (sign == "#" and any(c.isspace() for c in query)):
                return None
            return Token(Mode(sign), at, query)
    return None


class Chosen(NamedTuple):
    """The labels chosen for the next session: a project (by id, or one to make), its
    label and colour as shown, and tags."""

    project: int | ProjectName | None = None
    label: str | None = None
    color: str | None = None
    tags: tuple[str, ...] = ()

    def labels(self) -> Labels:
        return Labels(self.project, self.tags)

    def shown(self) -> ShownLabels:
        return ShownLabels(self.label, self.color, self.tags)


def chosen_project(project: ProjectInfo | ProjectName | None, tags: tuple[str, ...]) -> Chosen:
    if isinstance(project, ProjectName):
        return Chosen(
            project, translate("LabelEntry", "{name} (new)").format(name=project.name), None, tags
        )
    if project is None:
        return Chosen(tags=tags)
    return Chosen(project.id, project.label, project.color, tags)


class LabelEntry(QObject):
    """The pickers of one timer bar."""

    relabel_requested = Signal(object)  # Labels: change the running session's
    running_edit_requested = Signal(str, object)  # name, Labels: the running session's
    start_requested = Signal()  # a recent combination was taken to start again

    def __init__(self, tracker: Tracker, timer_bar: TimerBar, messages: Messages) -> None:
        super().__init__(timer_bar)
        self._tracker = tracker
        self._bar = timer_bar
        self._field: QLineEdit = timer_bar.name_edit
        self._messages = messages
        self._window = timer_bar.window()
        self.picker = LabelPicker(self._window)
        self.picker.taken.connect(self._on_picker_taken)
        self.picker.search.textEdited.connect(self._on_search_text_edited)
        self._mode: Mode | None = None
        self._from_button = False
        self._token: Token | None = None
        self._escaped: tuple[Mode, int] | None = None
        self._anchor = QPoint()
        self._projects: list[ProjectInfo] = []
        self._tags: list[str] = []
        self._recent: list[Session] = []
        self._running: Session | None = None
        self._chosen = Chosen()
        self._busy = False
        for watched in (self._field, self.picker.search):
            watched.installEventFilter(self)
        self._field.textEdited.connect(self._on_field_text_edited)
        self._field.cursorPositionChanged.connect(self._on_field_cursor_moved)

    # -- what the rest of the window asks ---------------------------------------------

    def labels_for_start(self) -> Labels:
        """Before a start: a label picker's highlighted entry is taken (as Enter would),
        then the labels chosen for the new session."""
        if self._mode in (Mode.PROJECT, Mode.TAG) and self.picker.current() is not None:
            self._take(self.picker.current())  # type: ignore[arg-type]
        self.close()
        return self._chosen.labels()

    def show_running(self, running: Session | None) -> None:
        """A start or stop forgets the choice made for it."""
        if (running and running.id) != (self._running and self._running.id):
            self._set_chosen(Chosen())
            self.close()
        self._running = running

    def show_recent(self, recent: list[Session]) -> None:
        """The recent combinations, newest first."""
        self._recent = recent

    def open_from_button(self, mode: Mode) -> None:
        """The project or tags button: the picker under it, with its own search field."""
        button = self._bar.project_button if mode is Mode.PROJECT else self._bar.tags_button
        self._anchor = button.mapTo(self._window, button.rect().bottomLeft())
        self._open(mode, "", from_button=True)
        self.picker.search.setFocus()

    def close(self) -> None:
        """Closes the picker; what was typed stays."""
        if self._mode is None:
            return
        from_button = self._from_button
        self._mode, self._token, self._from_button = None, None, False
        self.picker.hide()
        self.picker.search.clear()
        if from_button and self.picker.search.hasFocus():
            self._field.setFocus()

    # -- opening and filtering --------------------------------------------------------

    def _open(
        self, mode: Mode, query: str, *, from_button: bool = False, current: int | None = 0
    ) -> None:
        changed = mode != self._mode or from_button != self._from_button
        if changed and not self._load(mode):
            return
        self._mode, self._from_button = mode, from_button
        self.picker.search.setVisible(from_button)
        self.picker.search.setPlaceholderText(
            {
                Mode.PROJECT: translate("LabelEntry", "Find a project"),
                Mode.TAG: translate("LabelEntry", "Find a tag"),
            }.get(mode, "")
        )
        self.picker.setAccessibleName(
            {
                Mode.PROJECT: translate("LabelEntry", "Projects"),
                Mode.TAG: translate("LabelEntry", "Tags"),
                Mode.RECENT: translate("LabelEntry", "Recent sessions"),
            }[mode]
        )
        self._filter(query, current)

    def _filter(self, query: str, current: int | None = 0) -> None:
        assert self._mode is not None
        project, tags = self._current()
        if self._mode is Mode.PROJECT:
            entries = project_entries(self._projects, query, project)
        elif self._mode is Mode.TAG:
            entries = tag_entries(self._tags, query, tags if self._from_button else ())
        else:
            entries = recent_entries(self._recent, query)
        if not entries:
            self.close()
            return
        self.picker.show_entries(entries, current)
        width = (
            max(self._field.width(), RECENT_WIDTH) if self._mode is Mode.RECENT else PICKER_WIDTH
        )
        self.picker.place(self._anchor, width)

    def _load(self, mode: Mode) -> bool:
        """Reads what the picker offers (projects not archived, or tags) afresh."""
        try:
            if mode is Mode.PROJECT:
                self._projects = self._tracker.catalog.projects()
            elif mode is Mode.TAG:
                self._tags = self._tracker.catalog.tag_names()
        except TrackerError as error:
            self._messages.show_error(str(error))
            return False
        return True

    def _current(self) -> tuple[int | None, Sequence[str]]:
        """The project id and tags of the running session, or chosen for the next one."""
        if self._running is not None:
            project = self._running.project
            return (project.id if project else None), self._running.tags
        chosen = self._chosen.project
        return (chosen if isinstance(chosen, int) else None), self._chosen.tags

    def _update(self, *, edited: bool) -> None:
        """Follows the field: a token at the cursor opens (or filters) its picker; a name
        being typed offers recent combinations."""
        if self._busy or self._from_button:
            return
        text = self._field.text()
        token = token_at(text, code_points(text, self._field.cursorPosition()))
        if token is not None and (token.mode, token.start) == self._escaped:
            self.close()
            return
        if token is None:
            self._escaped = None
        if token is not None and (edited or self._mode is token.mode):
            if self._token is None or self._token.start != token.start:
                rect = self._field.cursorRect()
                self._anchor = self._field.mapTo(self._window, rect.bottomLeft())
            self._token = token
            self._open(token.mode, token.query)
        elif token is None and edited and text.strip() and self._recent:
            self._token = None
            self._anchor = self._field.mapTo(self._window, self._field.rect().bottomLeft())
            self._open(Mode.RECENT, text, current=None)  # Down highlights one
        elif edited or self._mode is not Mode.RECENT:
            self.close()

    # -- taking an entry --------------------------------------------------------------

    def _take(self, entry: Entry, *, start: bool = False) -> None:
        if entry.kind is Kind.HINT:
            self.close()
            return
        if entry.kind is Kind.RECENT:
            assert entry.session is not None
            self._take_recent(entry.session, start=start)
            return
        if not self._from_button:
            self._remove_token()
        tags = self._current()[1]
        if entry.kind in (Kind.TAG, Kind.NEW_TAG):
            chosen_tags = tuple(tags)
            mine = [t.casefold() for t in chosen_tags]
            if entry.name.casefold() not in mine:
                chosen_tags += (entry.name,)
            elif self._from_button:  # the button's picker toggles
                chosen_tags = tuple(t for t in chosen_tags if t.casefold() != entry.name.casefold())
            self._apply(Labels(tags=chosen_tags), self._chosen._replace(tags=chosen_tags))
            if self._from_button:
                self.picker.search.clear()
                self._load(Mode.TAG)
                self._filter("", current=self.picker.list.currentIndex().row())
                return
        else:
            new: ProjectInfo | ProjectName | None = None
            if entry.kind is Kind.PROJECT:
                new = entry.project
            elif entry.kind is Kind.NEW_PROJECT:
                new = ProjectName(entry.name)
            chosen = chosen_project(new, self._chosen.tags)
            self._apply(Labels(project=chosen.project), chosen)
        self.close()

    def _apply(self, labels: Labels, chosen: Chosen) -> None:
        if self._running is not None:
            self.relabel_requested.emit(labels)
        else:
            self._set_chosen(chosen)

    def _take_recent(self, session: Session, *, start: bool) -> None:
        project = session.project.id if session.project else None
        self.close()
        if self._running is not None:
            self.running_edit_requested.emit(session.name, Labels(project, session.tags))
            return
        self._busy = True
        self._field.setText(session.name)
        self._busy = False
        shown = shown_labels(session)
        self._set_chosen(Chosen(project, shown.project, shown.color, session.tags))
        if start:
            self.start_requested.emit()

    def _remove_token(self) -> None:
        """Deletes the typed ``@…``/``#…`` as an edit of the field (kept undoable, and
        still an edit of the running session's name if it was one)."""
        token, text = self._token, self._field.text()
        if token is None:
            return
        end = token.start + 1 + len(token.query)
        if token.start > 0 and text[token.start - 1 : token.start] == " " and end < len(text):
            end += text[end] == " "
        self._busy = True
        start = utf16_units(text, token.start)
        self._field.setSelection(start, utf16_units(text, end) - start)
        self._field.del_()
        self._busy = False
        running = self._running
        if running is not None and self._field.text().strip() == running.name:
            self._field.setModified(False)  # nothing left to rename

    def _set_chosen(self, chosen: Chosen) -> None:
        self._chosen = chosen
        self._bar.set_idle_labels(chosen.shown())

    # -- events -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut and self._mode is not None:
            if (watched is self.picker.search) == self._from_button:
                self.close()
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self._mode is None:
            if key == Qt.Key.Key_Down and plain and self._recent and not self._field.text():
                self._anchor = self._field.mapTo(self._window, self._field.rect().bottomLeft())
                self._open(Mode.RECENT, "")
                return True
            return False
        if key in _STEPS and plain:
            self.picker.move_current(_STEPS[Qt.Key(key)])
            return True
        if key == Qt.Key.Key_Escape:
            if self._token is not None and not self._from_button:
                self._escaped = (self._token.mode, self._token.start)
            self.close()
            return True
        if key in _TAKE_KEYS and plain:
            entry = self.picker.current()
            if entry is None:  # nothing highlighted: the key is the field's
                self.close()
                return False
            self._take(entry, start=key != Qt.Key.Key_Tab)
            return True
        return False

    def _on_field_text_edited(self, text: str) -> None:
        self._update(edited=True)

    def _on_field_cursor_moved(self, old: int, new: int) -> None:
        if self._mode is not None:
            self._update(edited=False)

    def _on_search_text_edited(self, text: str) -> None:
        if self._mode is not None:
            self._filter(text)

    def _on_picker_taken(self, entry: Entry) -> None:
        self._take(entry, start=True)
