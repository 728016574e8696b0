"""What the user can do to sessions from the window: start, stop, rename, label,
discard, add, edit, delete and continue.

Each is one tracker operation; a refusal shows as an error, success as a note in the
status bar. The views follow by themselves (the tracker tells them of every change),
and each change lands on the undo stack the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as dt_time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from tracker_desktop.core.errors import InvalidInputError, TrackerError
from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.names import normalize_name
from tracker_desktop.core.service import (
    NO_LABELS,
    Labels,
    Session,
    Tracker,
    latest_free_slot,
)
from tracker_desktop.core.timeparse import local_instant
from tracker_desktop.ui.language import (
    QT_TRANSLATE_NOOP,
    session_label,
    session_subject,
    translate,
)

if TYPE_CHECKING:
    from tracker_desktop.ui.live_state import LiveState
    from tracker_desktop.ui.message_banner import Messages
    from tracker_desktop.ui.session_dialog import SessionFields
    from tracker_desktop.ui.timer_bar import TimerBar

# What a saved dialog says, by its verb.
DONE = {
    "Saved": QT_TRANSLATE_NOOP("SessionCommands", "Saved {session}"),
    "Added": QT_TRANSLATE_NOOP("SessionCommands", "Added {session}"),
}
FieldCheck = Callable[["SessionFields"], None]
FieldSave = Callable[["SessionFields"], Session]


class SessionCommands(QObject):
    """The session commands of one window; dialogs open over ``parent``."""

    def __init__(
        self,
        tracker: Tracker,
        live: LiveState,
        name_field: TimerBar,
        messages: Messages,
        undo: QAction,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._live = live
        self._name = name_field
        self._messages = messages
        self._undo = undo
        self._dialog_parent = parent
        # The labels of the next session; the pickers say, once they are there.
        self.labels_for_start: Callable[[], Labels] = lambda: NO_LABELS

    # -- the running session -------------------------------------------------------------

    def start_or_stop(self) -> None:
        """The Start/Stop button."""
        self.start() if self._live.running is None else self.stop()

    def start(self) -> None:
        """Starts a session named and labelled as typed (a running one is saved: a
        switch)."""
        labels = self.labels_for_start()
        name = self._name.typed_name()
        switch = self._messages.attempt(lambda: self._tracker.start(name, labels=labels))
        if switch is None:
            return
        self._name.show_name(switch.started.name)
        note = translate("SessionCommands", "Started {session}").format(
            session=described(switch.started)
        )
        if switch.stopped is not None:
            note = translate("SessionCommands", "Saved {stopped} and started {started}").format(
                stopped=session_label(switch.stopped.name), started=described(switch.started)
            )
        self._messages.show_note(note)

    def relabel(self, labels: Labels) -> None:
        """Gives the running session the project or tags ``labels`` says."""
        running = self._live.running
        if running is None:
            return
        session = self._messages.attempt(lambda: self._tracker.edit(running.id, labels=labels))
        if session is not None:
            self._messages.show_note(
                translate("SessionCommands", "{session}: {labels}").format(
                    session=session_subject(session.name), labels=labels_text(session)
                )
            )

    def edit_running(self, name: str, labels: Labels) -> None:
        """Names and labels the running session like a recent one."""
        running = self._live.running
        if running is None:
            return
        session = self._messages.attempt(
            lambda: self._tracker.edit(running.id, name=name, labels=labels)
        )
        if session is not None:
            self._name.show_name(session.name)
            self._messages.show_note(
                translate("SessionCommands", "Now {session}").format(session=described(session))
            )

    def stop(self) -> None:
        """Saves the running session (with the name being typed, if any)."""
        self.commit_name()
        session = self._messages.attempt(self._tracker.stop)
        if session is None:
            return
        self._name.clear_name()
        duration = format_duration(session.duration(session.start))
        self._messages.show_note(
            translate("SessionCommands", "Saved {session} — {duration}").format(
                session=session_label(session.name), duration=duration
            )
        )

    def submit_name(self) -> None:
        """Enter in the name field: starts a session, or renames the running one."""
        self.start() if self._live.running is None else self.commit_name()

    def commit_name(self) -> None:
        """Renames the running session to the name field's text, if it was edited."""
        running, edited = self._live.running, self._name.edited_name()
        if running is None or edited is None:
            return
        if same_name(edited, running.name):  # typed back to what it was (or cleared)
            self._name.forget_edit()
            return
        session = self._messages.attempt(lambda: self._tracker.rename(edited, running.id))
        if session is not None:
            self._name.show_name(session.name)  # the cleaned name, no longer an edit
            self._messages.show_note(
                translate("SessionCommands", "Renamed to {session}").format(
                    session=session_label(session.name)
                )
            )

    def discard(self) -> None:
        """Deletes the running session without saving it, once the user confirms."""
        running = self._live.running
        if running is None:
            return
        elapsed = format_duration(running.duration(self._tracker.now()))
        from tracker_desktop.ui.dialogs import Confirmation  # its QMessageBox waits till asked

        if not Confirmation.ask(
            self._dialog_parent,
            translate("SessionCommands", "Discard running session?"),
            translate(
                "SessionCommands",
                "{session} has been running for {elapsed}.\nDiscarding deletes it without saving.",
            ).format(session=session_subject(running.name), elapsed=elapsed),
            translate("SessionCommands", "Discard"),
        ):
            return
        session = self._messages.attempt(self._tracker.discard)
        if session is not None:
            self._name.clear_name()
            self._messages.show_undoable(
                translate("SessionCommands", "Discarded {session}.").format(
                    session=session_label(session.name)
                ),
                self._undo,
            )

    # -- any session ---------------------------------------------------------------------

    def rename(self, session_id: int, text: str) -> Session | None:
        """Renames session ``session_id`` (the table's name cell); None if refused."""
        session = self._messages.attempt(lambda: self._tracker.rename(text, session_id))
        if session is not None:
            self._messages.show_note(
                translate("SessionCommands", "Renamed to {session}").format(
                    session=session_label(session.name)
                )
            )
        return session

    def delete(self, sessions: list[Session]) -> None:
        """Deletes ``sessions`` at once (one undo brings them all back)."""
        deleted = self._messages.attempt(lambda: self._tracker.delete(s.id for s in sessions))
        if not deleted:
            return
        if any(s.running for s in deleted):
            self._name.clear_name()
        if len(deleted) == 1:
            what = session_label(deleted[0].name)
        else:
            what = translate("SessionCommands", "{count} sessions").format(count=len(deleted))
        self._messages.show_undoable(
            translate("SessionCommands", "Deleted {what}.").format(what=what), self._undo
        )

    def continue_from(self, session_id: int | None) -> None:
        """Starts a new session named like ``session_id`` (default: the most recent)."""
        switch = self._messages.attempt(lambda: self._tracker.continue_session(session_id))
        if switch is not None:
            self._name.show_name(switch.started.name)
            self._messages.show_note(
                translate("SessionCommands", "Continued {session}").format(
                    session=session_label(switch.started.name)
                )
            )

    def edit(self, session: Session) -> None:
        """Asks for corrected fields until they are saved or the user cancels."""

        def check(fields: SessionFields) -> None:
            self._tracker.check_fields(
                fields.name,
                fields.start,
                fields.end,
                running=session.running,
                stored=(session.start, session.end),
            )

        def save(fields: SessionFields) -> Session:
            return self._tracker.edit(
                session.id,
                name=fields.name,
                start=fields.start,
                end=fields.end,
                labels=Labels(fields.project, fields.tags, fields.billable),
            )

        from tracker_desktop.ui.session_dialog import SessionFields

        project = session.project.id if session.project else None
        fields = SessionFields(
            session.name, session.start, session.end, project, session.tags, session.billable
        )
        self._ask_and_save(
            translate("SessionCommands", "Edit Session"),
            fields,
            check,
            save,
            session.running,
            "Saved",
            session.id,
        )

    def add(self) -> None:
        """Asks for a forgotten session and records it. By default the hour before now
        (or 9–10 on the first day of a past period), or else the latest free hour of that
        day before it, so the default does not overlap silently."""
        now, period, zone = self._tracker.now(), self._live.period, self._tracker.zone
        if period.start <= now < period.end:
            end = now.replace(second=0)
        else:
            end = local_instant(datetime.combine(period.first_day, dt_time(10)), zone)
        day_start = local_instant(datetime.combine(end.astimezone(zone).date(), dt_time()), zone)
        sessions = self._live.report.sessions
        end = latest_free_slot(sessions, end, timedelta(hours=1), day_start, now) or end

        def check(fields: SessionFields) -> None:
            self._tracker.check_fields(fields.name, fields.start, fields.end)

        def save(fields: SessionFields) -> Session:
            assert fields.end is not None  # the add dialog offers no "still running"
            labels = Labels(fields.project, fields.tags, fields.billable)
            return self._tracker.add(fields.name, fields.start, fields.end, labels)

        from tracker_desktop.ui.session_dialog import SessionFields

        fields = SessionFields("", end - timedelta(hours=1), end)
        self._ask_and_save(
            translate("SessionCommands", "Add Session"), fields, check, save, False, "Added"
        )

    def _ask_and_save(
        self,
        title: str,
        fields: SessionFields,
        check: FieldCheck,
        save: FieldSave,
        may_run: bool,
        verb: str,
        session_id: int | None = None,
    ) -> None:
        from tracker_desktop.ui.dialog_parts import CalendarLimits
        from tracker_desktop.ui.session_dialog import SessionDialog

        today = self._tracker.now().astimezone(self._tracker.zone).date()
        calendar = CalendarLimits(today, self._live.week_start)

        def overlapping(start: datetime, end: datetime | None) -> list[Session]:
            """The other sessions sharing time with ``start``–``end`` (a warning)."""
            until = end or self._tracker.now()
            if until <= start:
                return []
            found = self._tracker.sessions_between(start, until)
            return [s for s in found if s.id != session_id and s.duration(until) > timedelta(0)]

        catalog = self._tracker.catalog
        offered = self._messages.attempt(
            lambda: (catalog.projects(archived=True), catalog.tag_names())
        )
        if offered is None:
            return
        error: InvalidInputError | None = None
        while True:
            answer = SessionDialog.ask(
                self._dialog_parent,
                title,
                fields,
                self._tracker.zone,
                check,
                may_run=may_run,
                error=error,
                projects=offered[0],
                tags=offered[1],
                new=verb == "Added",
                overlapping=overlapping,
                calendar=calendar,
            )
            if answer is None:
                return
            try:
                session = save(answer)
            except InvalidInputError as refused:  # checked, yet refused: ask again
                fields, error = answer, refused
                continue
            except TrackerError as failure:
                self._messages.show_error(str(failure))
                return
            self._messages.clear_error()
            said = translate("SessionCommands", DONE[verb])
            self._messages.show_note(said.format(session=described(session)))
            return


def same_name(typed: str, stored: str) -> bool:
    """Whether ``typed`` is ``stored`` once cleaned as names are (a refused name is not)."""
    try:
        return normalize_name(typed) == stored
    except InvalidInputError:
        return False


def described(session: Session) -> str:
    """“Design” in Acme ▸ Website, for notes."""
    if session.project is None:
        return session_label(session.name)
    return translate("SessionCommands", "{session} in {project}").format(
        session=session_label(session.name), project=session.project.label
    )


def labels_text(session: Session) -> str:
    """Its project and tags, for notes: ``Acme ▸ Website, #design #api``."""
    if session.project is not None:
        project = session.project.label
    else:
        project = translate("SessionCommands", "no project")
    tags = " ".join(f"#{tag}" for tag in session.tags) or translate("SessionCommands", "no tags")
    return f"{project}, {tags}"
