"""What the user can do to clients and projects from the Projects window: make, change
(in a dialog or in place), recolour, archive or bring back, and delete (moving the
project's sessions first). Each is one catalog change, so Undo takes it back; a refusal
shows as an error, success as a note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from tracker_desktop.core.catalog import ClientInfo, ProjectInfo
from tracker_desktop.core.errors import InvalidInputError, TrackerError
from tracker_desktop.core.money import parse_rate
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.catalog_dialogs import ClientDialog, ClientFields, MoveSessionsDialog
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.message_banner import Messages
from tracker_desktop.ui.project_dialog import ColorChooser, ProjectDialog, ProjectFields
from tracker_desktop.ui.projects_model import BILLABLE, NAME, RATE, ClientRow, ProjectRow, Rate

T = TypeVar("T")
Row = ClientRow | ProjectRow
Key = tuple[str, int | None]  # ("client", id) or ("project", id): what to select after


class ProjectCommands(QObject):
    """The changes of one Projects window; dialogs open over ``parent``."""

    def __init__(self, tracker: Tracker, messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._catalog = tracker.catalog
        self._messages = messages
        self._parent = parent
        self._groups: list[ClientRow] = []
        self._default = Rate(None, "EUR", "none")

    def show_rows(self, groups: list[ClientRow], default: Rate) -> None:
        """What the window shows: the clients offered, and the rates inherited."""
        self._groups, self._default = groups, default

    # -- in dialogs ---------------------------------------------------------------------

    def add_project(self, near: Row | None) -> Key | None:
        """A new project, of the client of ``near`` (the selected row) if it has one."""
        client = near.info.client if isinstance(near, ProjectRow) else None
        if isinstance(near, ClientRow) and near.info is not None:
            client = near.info.name
        made = self._ask_project(
            translate("ProjectCommands", "New Project"), ProjectFields("", client, None, None), None
        )
        if made is None:
            return None
        self._messages.show_note(
            translate("ProjectCommands", "Added project “{name}”").format(name=made.label)
        )
        return ("project", made.id)

    def add_client(self) -> Key | None:
        made = self._ask_client(
            translate("ProjectCommands", "New Client"),
            ClientFields("", None, None),
            lambda f: self._catalog.add_client(*f),
        )
        if made is None:
            return None
        self._messages.show_note(
            translate("ProjectCommands", "Added client “{name}”").format(name=made.name)
        )
        return ("client", made.id)

    def edit(self, row: Row | None) -> None:
        """The dialog of the selected project or client, until saved or cancelled."""
        if isinstance(row, ProjectRow):
            info = row.info
            fields = ProjectFields(info.name, info.client, info.color, info.rate, info.billable)
            if (
                self._ask_project(translate("ProjectCommands", "Edit Project"), fields, info)
                is not None
            ):
                self._messages.show_note(
                    translate("ProjectCommands", "Saved project “{name}”").format(name=info.name)
                )
        elif isinstance(row, ClientRow) and row.info is not None:
            client = row.info
            now = ClientFields(client.name, client.rate, client.currency)

            def save(f: ClientFields) -> ClientInfo:
                edit = self._catalog.edit_client
                return edit(client.id, name=f.name, rate=f.rate, currency=f.currency)

            if self._ask_client(translate("ProjectCommands", "Edit Client"), now, save) is not None:
                self._messages.show_note(
                    translate("ProjectCommands", "Saved client “{name}”").format(name=client.name)
                )

    def delete(self, row: Row | None) -> None:
        """Deletes a project; its sessions, if any, move to a project the user picks."""
        if not isinstance(row, ProjectRow):
            return
        project, catalog = row.info, self._catalog
        sessions = self._messages.attempt(lambda: catalog.project_sessions(project.id))
        if sessions is None:
            return
        target = None
        if sessions:
            others = self._messages.attempt(
                lambda: [p for p in catalog.projects() if p.id != project.id]
            )
            if not others:
                self._messages.show_error(
                    translate(
                        "ProjectCommands",
                        "“{name}” has sessions and there is no other project to move them to: "
                        "archive it instead",
                    ).format(name=project.label)
                )
                return
            target = MoveSessionsDialog.ask(self._parent, project.label, sessions, others)
            if target is None:
                return
        if self._messages.attempt(lambda: catalog.delete_project(project.id, target)) is not None:
            self._messages.show_note(
                translate("ProjectCommands", "Deleted project “{name}”").format(name=project.label)
            )

    # -- at once ------------------------------------------------------------------------

    def recolor(self, row: Row | None, color: str | None = None) -> None:
        """A colour of the palette, or (``None``) any other the user picks."""
        if not isinstance(row, ProjectRow):
            return
        if color is None:
            color = ColorChooser.ask(self._parent, row.info.color)
            if color is None:
                return
        project_id = row.info.id
        self._messages.attempt(lambda: self._catalog.edit_project(project_id, color=color))

    def toggle_archived(self, row: Row | None, shown: bool) -> None:
        """Archives or brings back; ``shown``: archived ones are shown."""
        if row is None or row.info is None:
            return
        info, catalog = row.info, self._catalog
        edit = catalog.edit_project if isinstance(row, ProjectRow) else catalog.edit_client
        if self._messages.attempt(lambda: edit(info.id, archived=not info.archived)) is None:
            return
        if info.archived:
            self._messages.show_note(
                translate("ProjectCommands", "Brought back “{name}”").format(name=info.name)
            )
        else:
            if shown:
                text = translate("ProjectCommands", "Archived “{name}”")
            else:
                text = translate(
                    "ProjectCommands", "Archived “{name}” (View ▸ Show Archived shows it)"
                )
            self._messages.show_note(text.format(name=info.name))

    def edit_in_place(self, row: Row, column: int, value: Any) -> bool:
        """A name or rate typed into the tree (an empty rate: inherited), or Billable
        checked on or off."""
        info, catalog = row.info, self._catalog
        if info is None:
            return False
        edit = catalog.edit_project if isinstance(row, ProjectRow) else catalog.edit_client
        if column == NAME:
            return self._messages.attempt(lambda: edit(info.id, name=value)) is not None
        if column == RATE:

            def rerate() -> object:
                rate = parse_rate(value, what="rate") if value.strip() else None
                return edit(info.id, rate=rate)

            return self._messages.attempt(rerate) is not None
        if column == BILLABLE:
            billable = bool(value)
            return (
                self._messages.attempt(lambda: catalog.edit_project(info.id, billable=billable))
                is not None
            )
        return False

    # -- the dialogs' loops -------------------------------------------------------------

    def _ask_project(
        self, title: str, fields: ProjectFields, project: ProjectInfo | None
    ) -> ProjectInfo | None:
        clients = [g.info.name for g in self._groups if g.info is not None and not g.info.archived]

        def save(f: ProjectFields) -> ProjectInfo:
            catalog = self._catalog
            if project is None:
                return catalog.add_project(
                    f.name, f.client, color=f.color, rate=f.rate, billable=f.billable
                )
            return catalog.edit_project(
                project.id,
                name=f.name,
                client=f.client,
                color=f.color,
                rate=f.rate,
                billable=f.billable,
            )

        return self._ask_until_saved(
            lambda shown, error: ProjectDialog.ask(
                self._parent, title, shown, clients, self._inherited, error
            ),
            save,
            fields,
        )

    def _ask_client(
        self, title: str, fields: ClientFields, save: Callable[[ClientFields], T]
    ) -> T | None:
        default = self._default
        said = (
            default.explained(None)
            if default.amount is None
            else translate("ProjectCommands", "Default: {rate}").format(rate=default.text())
        )
        return self._ask_until_saved(
            lambda shown, error: ClientDialog.ask(self._parent, title, shown, said, error),
            save,
            fields,
        )

    def _ask_until_saved(
        self,
        ask: Callable[[Any, InvalidInputError | None], Any],
        save: Callable[[Any], T],
        fields: object,
    ) -> T | None:
        """Asks (again, with what was typed and the reason, while the catalog refuses)
        and saves; None when cancelled or nothing changed."""
        shown, error = fields, None
        while True:
            answer = ask(shown, error)
            if answer is None or answer == fields:
                return None
            try:
                saved = save(answer)
            except InvalidInputError as refused:
                shown, error = answer, refused
                continue
            except TrackerError as failure:
                self._messages.show_error(str(failure))
                return None
            self._messages.clear_error()
            return saved

    def _inherited(self, client: str | None) -> str:
        """What a project of ``client`` is paid without a rate of its own."""
        for group in self._groups:
            info = group.info
            if info is not None and info.name == client and info.rate is not None:
                return translate("ProjectCommands", "Inherits {rate} from {client}").format(
                    rate=group.rate.text(), client=client
                )
        if self._default.amount is not None:
            return translate("ProjectCommands", "Inherits the default rate, {rate}").format(
                rate=self._default.text()
            )
        return translate("ProjectCommands", "No rate (none on the client, none by default)")
