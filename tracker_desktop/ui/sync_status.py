"""Sync in the status bar (``syncStatusLabel``): "Synced 14:05", "Syncing…", "Offline since
14:02" or "Sync error: …", with the server and the reason in the tooltip; hidden while
this folder is not connected to a server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QLabel, QWidget

from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.message_banner import Messages
from tracker_desktop.ui.sync_runner import SyncKind, SyncRunner, SyncState
from tracker_desktop.ui.window_shell import WindowShell

if TYPE_CHECKING:
    from tracker_desktop.ui.backup_actions import BackupActions
    from tracker_desktop.ui.preferences_dialog import PreferencesDialog


def local_time(instant: datetime, zone: tzinfo, today: date) -> str:
    """``14:05`` in the locale's format, with the day in front when it was not today."""
    local = instant.astimezone(zone)
    locale = QLocale()
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if local.date() == today:
        return time
    day = locale.toString(QDate(local.year, local.month, local.day), "d MMM")
    return f"{day} {time}"


def describe(state: SyncState, zone: tzinfo, now: datetime) -> tuple[str, str]:
    """The status bar's text and tooltip for ``state`` (empty while sync is off)."""
    today = now.astimezone(zone).date()
    at = "" if state.at is None else local_time(state.at, zone, today)
    notes = []
    if state.last_sync is not None:
        last = local_time(state.last_sync, zone, today)
        notes.append(translate("SyncStatus", "Last synced {time}.").format(time=last))
    if state.pending:
        waiting = (
            translate("SyncStatus", "1 change here is not on the server yet.")
            if state.pending == 1
            else translate("SyncStatus", "{count} changes here are not on the server yet.")
        )
        notes.append(waiting.format(count=state.pending))
    more = "".join(f"\n{note}" for note in notes)
    server, reason = state.server, state.reason
    match state.kind:
        case SyncKind.OFF:
            return "", ""
        case SyncKind.SYNCING:
            syncing = translate("SyncStatus", "Syncing with {server}").format(server=server)
            return translate("SyncStatus", "Syncing…"), syncing
        case SyncKind.SYNCED:
            if at:
                text = translate("SyncStatus", "Synced {time}").format(time=at)
                tip = translate("SyncStatus", "Up to date with {server} at {time}.")
            else:
                text = translate("SyncStatus", "Synced")
                tip = translate("SyncStatus", "Up to date with {server}.")
            return text, tip.format(server=server, time=at) + more
        case SyncKind.OFFLINE:
            return (
                translate("SyncStatus", "Offline since {time}").format(time=at),
                translate(
                    "SyncStatus",
                    "{server} cannot be reached: {reason}\n"
                    "Your changes are kept here and sync once it is back.",
                ).format(server=server, reason=reason)
                + more,
            )
        case SyncKind.ERROR:
            return (
                translate("SyncStatus", "Sync error: {reason}").format(reason=reason),
                translate(
                    "SyncStatus",
                    "Sync with {server} failed: {reason}\n"
                    "To use another password: Preferences ▸ Sync, Disconnect, then Connect.",
                ).format(server=server, reason=reason)
                + more,
            )


class SyncStatusLabel(QLabel):
    """The status bar's word on sync (hidden while sync is off)."""

    MAX_TEXT = 72  # characters in the status bar; all of the reason is in the tooltip

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusLabel")
        self.setAccessibleName(translate("SyncStatus", "Sync status"))
        self._zone = zone
        self.hide()

    def show_state(self, state: SyncState, now: datetime) -> None:
        text, tooltip = describe(state, self._zone, now)
        if len(text) > self.MAX_TEXT:
            text = text[: self.MAX_TEXT - 1] + "…"
        self.setText(text)
        self.setToolTip(tooltip)
        self.setAccessibleDescription(tooltip)
        self.setVisible(bool(text))


class WindowSync:
    """Sync in the main window: the runner, its word in the status bar, its notices in
    the message banner, and its section in Preferences."""

    def __init__(
        self,
        tracker: Tracker,
        messages: Messages,
        backups: BackupActions,
        window: WindowShell,
        refresh: Callable[[], object],
    ) -> None:
        """``refresh`` reads what the window shows again (after a sync pulled changes)."""
        self.runner = runner = SyncRunner(tracker, window)
        runner.pulled.connect(refresh)
        status_bar = window.statusBar()
        window.closed.connect(self.shutdown)
        backups.restored.connect(self.reopened)
        self.label = label = SyncStatusLabel(tracker.zone, status_bar)
        status_bar.addPermanentWidget(label)
        runner.state_changed.connect(lambda state: label.show_state(state, tracker.now()))
        runner.notices.connect(lambda notices: messages.show_notice("\n".join(notices)))
        runner.start()

    def preferences_section(self, dialog: PreferencesDialog) -> QWidget:
        """Preferences ▸ Sync, for ``dialog``."""
        from tracker_desktop.ui.sync_preferences import SyncPreferences

        return SyncPreferences(self.runner, dialog)

    def reopened(self, *_: object) -> None:
        """The database file was replaced (a restore): its sync state may differ."""
        self.runner.sync_now()

    def shutdown(self) -> None:
        """The window closes: waits for (briefly) or leaves a sync under way."""
        self.runner.shutdown()
