"""Preferences ▸ Sync (``syncPreferences``): the server's address, your user name and
password, Test Connection, Connect and Disconnect.

Everything that talks to the server runs on the sync thread (``sync_runner.py``), so the
dialog never freezes and never overlaps a sync. The password goes to the system keyring
(by the core's ``connect``); when there is none, the section says so and explains libpq's
own password file instead of writing one. The password is never put in ``window.ini``,
the log, or the address shown.
"""

from __future__ import annotations

import sys
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tracker_desktop.core.errors import InvalidInputError, TrackerError
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.project_colors import error_color
from tracker_desktop.ui.sync_runner import SyncKind, SyncRunner, SyncState

SCHEMES = ("postgresql", "postgres")


def server_url(address: str, user: str) -> tuple[str, str | None]:
    """The server's URL as ``user`` (``postgresql://user@host:port/db``) and a password
    found in ``address``, if one was typed there (it is taken out of the URL)."""
    address, user = address.strip(), user.strip()
    if "://" not in address and address:
        address = f"postgresql://{address}"
    parts = urlsplit(address)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise InvalidInputError(
            translate(
                "SyncPreferences",
                "Server: type the server's address, e.g. postgresql://db.example.com:5432/tracker",
            )
        )
    user = user or unquote(parts.username or "")
    if not user:
        raise InvalidInputError(
            translate("SyncPreferences", "User: type your user name on the server")
        )
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    port = f":{parts.port}" if parts.port else ""
    netloc = f"{quote(user, safe='')}@{host}{port}"
    typed = unquote(parts.password) if parts.password is not None else None
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), typed


def split_user(server: str) -> tuple[str, str]:
    """``postgresql://alice@host/db`` as the address without the user, and the user."""
    parts = urlsplit(server)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, "")), unquote(
        parts.username or ""
    )


def password_file_help(url: str) -> str:
    """Why the password was not kept, and the line for libpq's own password file."""
    parts = urlsplit(url)
    line = ":".join(
        (parts.hostname or "", str(parts.port or 5432), parts.path.strip("/") or "*",
         unquote(parts.username or ""), "YOUR-PASSWORD")
    )  # fmt: skip
    where = r"%APPDATA%\postgresql\pgpass.conf" if sys.platform == "win32" else "~/.pgpass"
    private = (
        ""
        if sys.platform == "win32"
        else translate("SyncPreferences", " (then: chmod 600 ~/.pgpass)")
    )
    return translate(
        "SyncPreferences",
        "No system keyring is available to keep your password safely, and Tracker Desktop "
        "will not write it to a file. Add this line to {where}{private} and press Connect "
        "with the Password field empty:\n\n{line}",
    ).format(where=where, private=private, line=line)


class SyncPreferences(QGroupBox):
    """Connects this data folder to a sync server, or disconnects it."""

    def __init__(self, runner: SyncRunner, parent: QWidget | None = None) -> None:
        super().__init__(translate("SyncPreferences", "Sync"), parent)
        self.setObjectName("syncPreferences")
        self._runner = runner
        self._busy = self._connecting = False
        self.server_edit = QLineEdit(self)
        self.server_edit.setObjectName("syncServerEdit")
        self.server_edit.setPlaceholderText("postgresql://db.example.com:5432/tracker")
        self.server_edit.setToolTip(
            translate("SyncPreferences", "The PostgreSQL server your machines share (its URL)")
        )
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("syncUserEdit")
        self.user_edit.setPlaceholderText(
            translate("SyncPreferences", "Your user name on the server")
        )
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("syncPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            translate("SyncPreferences", "Kept in the system keyring")
        )
        self.test_button = self._button(
            translate("SyncPreferences", "Test Connection"), "syncTestButton", self._on_test
        )
        self.connect_button = self._button(
            translate("SyncPreferences", "Connect"), "syncConnectButton", self._on_connect
        )
        self.disconnect_button = self._button(
            translate("SyncPreferences", "Disconnect"), "syncDisconnectButton", self._on_disconnect
        )
        self.disconnect_button.setToolTip(
            translate("SyncPreferences", "Stop syncing this folder; its sessions stay here")
        )
        self.result_label = QLabel(self)
        self.result_label.setObjectName("syncResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        for widget, name in (
            (self.server_edit, translate("SyncPreferences", "Sync server")),
            (self.user_edit, translate("SyncPreferences", "Sync user")),
            (self.password_edit, translate("SyncPreferences", "Sync password")),
            (self.result_label, translate("SyncPreferences", "Sync connection")),
        ):
            widget.setAccessibleName(name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.connect_button)
        buttons.addStretch()
        buttons.addWidget(self.disconnect_button)
        self._form = form = QFormLayout(self)
        form.addRow(translate("SyncPreferences", "&Server"), self.server_edit)
        form.addRow(translate("SyncPreferences", "&User"), self.user_edit)
        form.addRow(translate("SyncPreferences", "Pass&word"), self.password_edit)
        form.addRow(buttons)
        form.addRow(self.result_label)
        runner.state_changed.connect(self.show_state)
        self.show_state(runner.state)

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def showEvent(self, event: QShowEvent) -> None:
        if not self._busy:
            self._say("")
        self.show_state(self._runner.state)  # the command line may have connected meanwhile
        super().showEvent(event)

    def show_state(self, state: SyncState) -> None:
        """Connected: the server, read-only, and Disconnect; else the fields to connect."""
        connected = state.kind is not SyncKind.OFF
        if connected:
            address, user = split_user(state.server)
            self.server_edit.setText(address)
            self.user_edit.setText(user)
            self.password_edit.clear()
            if not self._busy and not self.result_label.text():
                self._say(
                    translate("SyncPreferences", "Connected to {server}.").format(
                        server=state.server
                    )
                )
        for edit in (self.server_edit, self.user_edit):
            edit.setEnabled(not connected)
        self._form.setRowVisible(self.password_edit, not connected)
        self._enable(connected)

    def _enable(self, connected: bool) -> None:
        """Test and Connect while not connected, Disconnect while connected; none of them
        while one is under way."""
        for button, shown in (
            (self.test_button, not connected),
            (self.connect_button, not connected),
            (self.disconnect_button, connected),
        ):
            button.setVisible(shown)
            button.setEnabled(shown and not self._busy)

    # -- the buttons -----------------------------------------------------------------------

    def _typed(self) -> tuple[str, str | None] | None:
        """The URL and password typed, or None (the reason shown)."""
        try:
            url, in_url = server_url(self.server_edit.text(), self.user_edit.text())
        except InvalidInputError as error:
            self._say(str(error), error=True)
            return None
        password = self.password_edit.text() or in_url
        return url, password or None

    def _on_test(self) -> None:
        typed = self._typed()
        if typed is not None:
            self._start(
                translate("SyncPreferences", "Testing the connection to {server}…").format(
                    server=typed[0]
                ),
                _test_job(*typed),
            )

    def _on_connect(self) -> None:
        typed = self._typed()
        if typed is not None:
            self._start(
                translate("SyncPreferences", "Connecting to {server}…").format(server=typed[0]),
                _connect_job(*typed),
                connecting=True,
            )

    def _on_disconnect(self) -> None:
        self._start(translate("SyncPreferences", "Disconnecting…"), _disconnect_job)

    def _start(self, doing: str, job: Any, *, connecting: bool = False) -> None:
        self._busy = True
        self._connecting = connecting
        self._enable(self._runner.state.kind is not SyncKind.OFF)
        self._say(doing)
        self._runner.run(job, self._on_job_done)

    def _on_job_done(self, value: tuple[bool, str] | None, error: BaseException | None) -> None:
        self._busy = False
        if value is None:
            ok, message = (
                False,
                str(error)
                if isinstance(error, TrackerError)
                else translate(
                    "SyncPreferences", "Something unexpected went wrong (details in the log)."
                ),
            )
        else:
            ok, message = value
        if ok and self._connecting:
            self.password_edit.clear()  # kept in the keyring now, nowhere else
        self._say(message, error=not ok)
        self._enable(self._runner.state.kind is not SyncKind.OFF)
        self._runner.sync_now()  # connected: the first sync; disconnected: the status goes

    def _say(self, message: str, *, error: bool = False) -> None:
        self.result_label.setText(message)
        self.result_label.setStyleSheet(f"color: {error_color().name()};" if error else "")
        self.result_label.setVisible(bool(message))
        if message:
            # Once the layout has taken the message in (the next turn of the event loop).
            QTimer.singleShot(0, self._make_room)

    def _make_room(self) -> None:
        """A long message needs room: the dialog grows to show it (it never shrinks)."""
        window = self.window()
        if window is not self and window.isVisible():
            layout = window.layout()
            needed = (
                layout.totalHeightForWidth(window.width())
                if layout is not None and layout.hasHeightForWidth()
                else window.sizeHint().height()
            )
            window.resize(window.width(), max(window.height(), needed))


# -- on the sync thread ------------------------------------------------------------------


def _test_job(url: str, password: str | None) -> Any:
    def job(tracker: Tracker) -> tuple[bool, str]:
        from tracker_desktop.core import sync

        try:
            sync.check_connection(url, password)
        except sync.SyncUnavailable as error:
            return False, translate("SyncPreferences", "Cannot connect: {reason}").format(
                reason=error.reason
            )
        return True, translate("SyncPreferences", "The connection to {server} works.").format(
            server=url
        )

    return job


def _connect_job(url: str, password: str | None) -> Any:
    def job(tracker: Tracker) -> tuple[bool, str]:
        from tracker_desktop.core import sync

        try:
            sync.connect(tracker, url, password)
        except sync.KeyringUnavailable:
            return False, password_file_help(url)
        except sync.SyncUnavailable as error:
            return False, translate("SyncPreferences", "Cannot connect: {reason}").format(
                reason=error.reason
            )
        if password:
            said = translate(
                "SyncPreferences",
                "Connected to {server}, with your password in the system keyring. Syncing now.",
            )
        else:
            said = translate(
                "SyncPreferences",
                "Connected to {server}, with your password from PostgreSQL's password file. "
                "Syncing now.",
            )
        return True, said.format(server=url)

    return job


def _disconnect_job(tracker: Tracker) -> tuple[bool, str]:
    from tracker_desktop.core import sync

    sync.disconnect(tracker)
    return True, translate(
        "SyncPreferences",
        "Disconnected. This folder's sessions stay here; nothing is synced any more.",
    )
