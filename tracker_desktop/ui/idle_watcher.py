"""Watching for time away from the computer and for work without a session.

A timer reads this desktop's idle source (``idle_sources.py``) as often as the away rule
asks (``core/idle/away.py``: every 10 s while the user is there, every second while
away) and at once when the screen locks or unlocks. A stretch away that ended goes to
the gap watcher as an ``IDLE`` gap (one question, grown or dropped there); a reminder
that is due becomes a notification with a Start action. It starts after the first paint
and reads ``window.ini``'s ``[idle]`` and ``[reminders]`` again when Preferences change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QWidget

from tracker_desktop.core.clock import whole_seconds
from tracker_desktop.core.gaps import GapKind
from tracker_desktop.core.idle.away import AwayRule
from tracker_desktop.core.idle.reminders import ReminderRule
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.idle_sources import DesktopIdle, open_desktop_idle
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.notifications import Notifier

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from tracker_desktop.ui.gap_watcher import GapWatcher
    from tracker_desktop.ui.live_state import LiveState
    from tracker_desktop.ui.settings import WindowSettings

REMINDER_WAIT = timedelta(seconds=10)  # between checks when only reminders are on


class IdleWatcher(QObject):
    """Reads idle time for the away rule and the reminder rule, on one timer that stops
    when both are off."""

    def __init__(
        self,
        tracker: Tracker,
        live: LiveState,
        settings: WindowSettings,
        gaps: GapWatcher,
        notifier: Notifier,
        start: QAction,
        desktop: DesktopIdle,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.desktop = desktop
        self._live, self._settings, self._gaps = live, settings, gaps
        self._notifier, self._start = notifier, start
        # The tracker's clock itself: its now() drops the fraction of a second that the
        # idle time subtracted from it needs (results are cut to whole seconds after).
        self._away = AwayRule(tracker.clock, settings.idle_threshold)
        self._reminders = ReminderRule(
            tracker.clock, tracker.zone, settings.reminders, settings.idle_threshold
        )
        self._watching_away = False
        self._timer = QTimer(self)
        self._timer.setObjectName("idleTimer")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.check)
        if desktop.locks is not None:
            desktop.locks.changed.connect(self.check)  # a lock counts from its moment
        self.apply_settings()

    def preferences_section(self, parent: QWidget) -> QWidget:
        """Time away and reminders, for the Preferences dialog: applied as changed."""
        from tracker_desktop.ui.idle_preferences import IdlePreferences

        section = IdlePreferences(self._settings, self.desktop.description, parent)
        section.changed.connect(self.apply_settings)
        return section

    def apply_settings(self) -> None:
        """Takes the saved ``[idle]`` and ``[reminders]`` settings, and checks now."""
        settings = self._settings
        watching = settings.idle_enabled and self.desktop.available
        if watching and not self._watching_away:
            self._away.reset()
        self._watching_away = watching
        self._away.threshold = settings.idle_threshold
        self._reminders.schedule = settings.reminders
        self._reminders.active_within = settings.idle_threshold
        self.check()

    def check(self) -> None:
        """Reads the desktop once, acts on what the rules say, and plans the next read."""
        reminding = self._reminders.schedule.enabled
        if not self._watching_away and not reminding:
            self._timer.stop()
            return
        reading = self.desktop.read()
        waits = []
        if self._watching_away:
            away = self._away.observe(reading)
            if away is not None:
                self._gaps.report_gap(
                    whole_seconds(away.start), whole_seconds(away.end), GapKind.IDLE,
                    self._away.threshold,
                )  # fmt: skip
            waits.append(self._away.next_check())
        if reminding:
            if self._reminders.observe(reading, tracking=self._live.running is not None):
                self._remind()
            waits.append(REMINDER_WAIT)
        self._timer.start(int(min(waits).total_seconds() * 1000))

    def _remind(self) -> None:
        minutes = int(self._reminders.schedule.every.total_seconds() // 60)
        self._notifier.notify(
            translate("IdleWatcher", "Not tracking — start?"),
            translate(
                "IdleWatcher",
                "You have been working for {minutes} minutes without a running session.",
            ).format(minutes=minutes),
            translate("IdleWatcher", "Start"),
            self._on_reminder_start,
        )

    def _on_reminder_start(self) -> None:
        if self._live.running is None:
            self._start.trigger()

    def close(self) -> None:
        """Stops reading and lets go of the source."""
        self._timer.stop()
        self.desktop.close()


def watch_idle(
    tracker: Tracker,
    live: LiveState,
    settings: WindowSettings,
    gaps: GapWatcher,
    tray: QSystemTrayIcon,
    start_stop: QAction,
    show_window: QAction,
    parent: QObject,
    desktop: DesktopIdle | None = None,
) -> IdleWatcher:
    """Builds and connects the idle watcher after the first paint: this desktop's idle
    source (``desktop`` in tests), notifications for reminders and for questions that
    wait while the window is hidden."""
    if desktop is None:
        desktop = open_desktop_idle(QGuiApplication.platformName(), parent)
    notifier = Notifier(tray, desktop.bus, parent)
    gaps.notify_hidden = _notify_hidden(notifier, show_window)
    return IdleWatcher(tracker, live, settings, gaps, notifier, start_stop, desktop, parent)


def _notify_hidden(notifier: Notifier, show_window: QAction) -> Callable[[str, str], None]:
    def notify(title: str, text: str) -> None:
        notifier.notify(title, text, translate("IdleWatcher", "Show"), show_window.trigger)

    return notify
