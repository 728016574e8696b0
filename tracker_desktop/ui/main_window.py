"""The main window of Tracker Desktop: its parts made and connected, in this one place.

Each part has one job and its own module, and none knows another; they meet here:

- ``actions.py``: every QAction (texts, shortcuts, icons, when enabled);
- ``live_state.py``: the one reader of the database for the views, with signals;
- ``timer_bar.py``, ``period_bar.py``, ``message_banner.py``, ``sessions_view.py``: the
  widgets, in the shell of ``window_shell.py`` (layout, menus, geometry, tray closing);
- ``session_commands.py`` and ``undo.py``: what the user does to sessions, and undo;
- after the first paint: ``gap_watcher.py``, ``backup_actions.py``, ``tray.py``,
  ``preferences.py``, the pickers (``label_entry.py``), the period's earnings
  (``period_earnings.py``), idle detection (``idle_watcher.py``), sync (``sync_status.py``);
- on first use: the Projects window (``projects_window.py``), the Reports window
  (``reports_window.py``), import (``import_dialog.py``), export (``report_export.py``)
  and the Preferences dialog (``preferences_dialog.py``).

All state comes from the database (through the Tracker) plus the clock; the window
keeps nothing that a restart could lose.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.periods import PeriodKind
from tracker_desktop.core.service import Session, Tracker
from tracker_desktop.ui.actions import Actions
from tracker_desktop.ui.live_state import LiveState, Totals
from tracker_desktop.ui.message_banner import MessageBanner, Messages
from tracker_desktop.ui.period_bar import PeriodBar
from tracker_desktop.ui.session_commands import SessionCommands
from tracker_desktop.ui.sessions_view import SessionsView
from tracker_desktop.ui.settings import WindowSettings
from tracker_desktop.ui.timer_bar import TimerBar
from tracker_desktop.ui.undo import UndoHistory
from tracker_desktop.ui.window_shell import WindowShell, bring_up

if TYPE_CHECKING:  # made after the first paint (finish_after_first_paint)
    from tracker_desktop.ui.backup_actions import BackupActions
    from tracker_desktop.ui.gap_watcher import GapWatcher
    from tracker_desktop.ui.idle_watcher import IdleWatcher
    from tracker_desktop.ui.label_entry import LabelEntry
    from tracker_desktop.ui.preferences import StartAtLogin
    from tracker_desktop.ui.preferences_dialog import PreferencesDialog
    from tracker_desktop.ui.projects_window import ProjectsWindow
    from tracker_desktop.ui.report_export import Exporter
    from tracker_desktop.ui.reports_window import ReportsWindow
    from tracker_desktop.ui.sync_status import WindowSync

TRAY_RECENT = 5  # names in the tray's Continue menu


class MainWindow(WindowShell):
    """Start, stop and name sessions; browse days, weeks and months."""

    def __init__(self, tracker: Tracker, settings: QSettings) -> None:
        window_settings = WindowSettings(settings)
        super().__init__(window_settings)
        self.settings = window_settings
        self._tracker = tracker
        self.data_dir = tracker.storage.data_dir
        self.undo_history = UndoHistory(tracker, self)
        self.action_set = actions = Actions(self, self.undo_history)
        self.live = LiveState(tracker, window_settings.period_kind, self)
        # Made in the order the eye (and the Tab key) goes through them.
        self.timer_bar = TimerBar(
            actions.start_stop, actions.choose_project, actions.choose_tags, self
        )
        self.banner = MessageBanner(self)
        self.messages = Messages(self.banner, self.statusBar())
        self.commands = SessionCommands(
            tracker, self.live, self.timer_bar, self.messages, actions.undo, self
        )
        self.period_bar = PeriodBar(actions, self)
        self.sessions_view = sessions = SessionsView(
            tracker.zone, self.commands.rename, actions, lambda: self.live.week_start, self
        )
        self.lay_out(self.timer_bar, self.banner, self.period_bar, sessions.filter_bar, sessions)
        self.restyled = [actions, self.timer_bar, self.period_bar, sessions, self.banner]
        self.restyled.append(sessions.filter_bar)
        self._file_menu = self.build_menus(actions)
        self.restore_geometry()
        self._connect_parts()
        self.gaps: GapWatcher | None = None
        self.backups: BackupActions | None = None
        self.labels: LabelEntry | None = None
        self.start_at_login: StartAtLogin | None = None
        self.projects: ProjectsWindow | None = None
        self.reports: ReportsWindow | None = None
        self.exporter: Exporter | None = None
        self.preferences: PreferencesDialog | None = None
        self.idle: IdleWatcher | None = None
        self.sync: WindowSync  # made after the first paint (finish_after_first_paint)
        self._totals: Totals | None = None
        self.live.start()

        # The parts' widgets by the names scripts and tests/reliability drive them with.
        self.name_edit = self.timer_bar.name_edit
        self.start_stop_button = self.timer_bar.start_stop_button
        self.elapsed_label = self.timer_bar.elapsed_label
        self.period_total_label = self.period_bar.total_label
        self.message_banner = self.banner
        self.message_label = self.banner.label
        self.model = self.sessions_view.model
        self.action_start_stop = actions.start_stop
        self.action_previous = actions.previous

    def _connect_parts(self) -> None:
        live, actions, commands = self.live, self.action_set, self.commands
        timer_bar, period_bar, sessions_view = self.timer_bar, self.period_bar, self.sessions_view
        for signal, slot in (
            (live.running_changed, actions.show_running),
            (live.running_changed, timer_bar.show_running),
            (live.period_changed, actions.show_period),
            (live.period_changed, period_bar.show_period),
            (live.period_changed, sessions_view.show_period),
            (live.sessions_changed, sessions_view.show_sessions),
            (live.sessions_changed, self._on_live_sessions_changed),
            (sessions_view.filtered, period_bar.show_filtered),
            (live.totals_changed, timer_bar.show_totals),
            (live.totals_changed, period_bar.show_totals),
            (live.totals_changed, sessions_view.show_totals),
            (live.totals_changed, self.show_totals),
            (live.totals_changed, self._on_live_totals_changed),
            (live.recent_changed, self._on_live_recent_changed),
            (live.read_failed, self.messages.show_error),
            (timer_bar.name_submitted, commands.submit_name),
            (timer_bar.name_editing_finished, commands.commit_name),
            (timer_bar.name_too_long, self.messages.show_note),
            (sessions_view.selection_changed, self._on_sessions_view_selection_changed),
            (sessions_view.session_activated, commands.edit),
            (self.undo_history.applied, self._on_undo_history_applied),
            (self.undo_history.refused, self._on_undo_history_refused),
            (self.undo_history.restored, sessions_view.select_sessions),
            (self.close_requested, commands.commit_name),
            (self.closed, self._on_closed),
            # What the actions do.
            (actions.start_stop.triggered, commands.start_or_stop),
            (actions.discard.triggered, commands.discard),
            (actions.add.triggered, commands.add),
            (actions.edit.triggered, self._on_action_edit_triggered),
            (actions.rename.triggered, sessions_view.rename_selected),
            (actions.focus_name.triggered, timer_bar.focus_name),
            (actions.delete.triggered, self._on_action_delete_triggered),
            (actions.continue_session.triggered, self._on_action_continue_triggered),
            (actions.quit.triggered, self.quit),
            (actions.show_window.triggered, self.show_and_raise),
            (actions.previous.triggered, lambda: live.move(-1)),
            (actions.next.triggered, lambda: live.move(1)),
            (actions.current.triggered, live.show_current),
            (actions.show_projects.triggered, self.show_projects),
            (actions.show_reports.triggered, self.show_reports),
            (actions.import_file.triggered, self.import_file),
            (actions.export.triggered, self.export_shown_period),
            (actions.preferences.triggered, self.show_preferences),
        ):
            signal.connect(slot)
        for kind, action in actions.period_kinds.items():
            action.triggered.connect(partial(self.show_period_kind, kind))

    def finish_after_first_paint(self) -> None:
        """What the first paint does without, as it costs start-up time: the heartbeat
        (a write to disk) and gap questions, backups, completion of recent names (a
        query), the Start at Login preference in the File menu, and the tray icon (shown
        by show_tray_when_possible)."""
        if self.gaps is not None:
            return
        from tracker_desktop.ui import tray  # deferred with the icon it makes
        from tracker_desktop.ui.backup_actions import BackupActions
        from tracker_desktop.ui.gap_watcher import GapWatcher
        from tracker_desktop.ui.preferences import add_start_at_login_action
        from tracker_desktop.ui.sync_status import WindowSync  # not the sync engine itself

        tracker, actions = self._tracker, self.action_set
        self.gaps = GapWatcher(tracker, self.live, self.settings, self.messages, self)
        self.gaps.save_heartbeat(tracker.now())
        self.gaps.answered.connect(self._on_gaps_answered)
        self.backups = BackupActions(tracker, self.messages, self)
        self.backups.restoring.connect(self.commands.commit_name)
        self.backups.restored.connect(self._on_backups_restored)
        actions.backup.triggered.connect(self.backups.back_up_now)
        actions.restore.triggered.connect(self.backups.choose_and_restore)
        self.timer_bar.enable_clear_button()
        self._add_label_entry()
        self._add_period_earnings()
        self.start_at_login = add_start_at_login_action(
            self._file_menu, self.messages.show_error, before=actions.quit
        )
        self.set_tray(
            tray.TrayIcon(
                self,
                actions.start_stop,
                actions.show_window,
                actions.quit,
                self.continue_from,
                (actions.show_reports,),
            )
        )
        self._update_tray()
        self.live.watch_recent()
        self._add_idle_watcher()
        self.sync = WindowSync(tracker, self.messages, self.backups, self, self.live.refresh)

    def _add_idle_watcher(self) -> None:
        """Time away asked about on return, and reminders to track (idle_watcher.py)."""
        from tracker_desktop.ui.idle_watcher import watch_idle

        assert self.gaps is not None
        assert self.tray is not None
        actions = self.action_set
        self.idle = watch_idle(
            self._tracker, self.live, self.settings, self.gaps, self.tray,
            actions.start_stop, actions.show_window, self,
        )  # fmt: skip

    def _add_label_entry(self) -> None:
        """The project and tag pickers, and recent combinations offered in the name."""
        from tracker_desktop.ui.label_entry import LabelEntry, Mode

        commands, actions = self.commands, self.action_set
        self.labels = labels = LabelEntry(self._tracker, self.timer_bar, self.messages)
        labels.show_running(self.live.running)
        commands.labels_for_start = labels.labels_for_start
        self.live.running_changed.connect(labels.show_running)
        labels.relabel_requested.connect(commands.relabel)
        labels.running_edit_requested.connect(commands.edit_running)
        labels.start_requested.connect(commands.start)
        actions.choose_project.triggered.connect(lambda: labels.open_from_button(Mode.PROJECT))
        actions.choose_tags.triggered.connect(lambda: labels.open_from_button(Mode.TAG))

    def _add_period_earnings(self) -> None:
        """The shown period's earnings (in the status bar) and time by project."""
        from tracker_desktop.ui.period_earnings import PeriodEarnings

        earnings = PeriodEarnings(self._tracker, self.period_bar, self.statusBar(), self)
        self.live.sessions_changed.connect(earnings.show_sessions)
        self.live.totals_changed.connect(earnings.show_totals)
        earnings.show_sessions(self.live.report)

    def show_tray_when_possible(self) -> None:
        """Shows the tray icon once a tray host is there (see TrayIcon)."""
        self.finish_after_first_paint()
        assert self.tray is not None
        self.tray.show_when_possible()

    def check_gap_since_last_run(self) -> None:
        """At start-up: asks about a running session that the app was not there to see."""
        self.finish_after_first_paint()
        assert self.gaps is not None
        self.gaps.check_since_last_run()

    def start_upkeep(self) -> None:
        """The integrity check and the day's backup, off the GUI thread."""
        self.finish_after_first_paint()
        assert self.backups is not None
        self.backups.start_upkeep()

    # -- the other windows -------------------------------------------------------------

    def show_projects(self) -> None:
        """The Projects window (made the first time), read afresh."""
        if self.projects is None:
            from tracker_desktop.ui.projects_window import ProjectsWindow

            actions = self.action_set
            self.projects = ProjectsWindow(self._tracker, actions.undo, actions.redo, self)
        bring_up(self.projects, self.projects.reload)

    def show_reports(self) -> None:
        """The Reports window (made the first time), read afresh."""
        if self.reports is None:
            from tracker_desktop.ui.reports_window import ReportsWindow

            self.reports = ReportsWindow(self._tracker, self.settings, self)
        bring_up(self.reports, self.reports.reload)

    def export_shown_period(self) -> None:
        """File ▸ Export…: the shown day, week or month, every session of it."""
        from tracker_desktop.ui.report_export import Exporter, period_request

        if self.exporter is None:
            self.exporter = Exporter(self._tracker, self.messages, self, self.action_set.export)
        self.exporter.export(period_request(self.live.period, self._tracker.zone))

    def import_file(self) -> None:
        """File ▸ Import…: a file, what importing it would do, the import (import_dialog.py)."""
        from tracker_desktop.ui.import_dialog import start_import

        start_import(self._tracker, self.messages, self)

    def show_preferences(self) -> None:
        """The Preferences dialog (made the first time); its changes apply at once."""
        self.finish_after_first_paint()  # Start at Login is made there
        assert self.start_at_login is not None
        if self.preferences is None:
            from tracker_desktop.ui.preferences_dialog import PreferencesDialog

            self.preferences = PreferencesDialog(
                self._tracker, self.settings, self.start_at_login, self
            )
            self.preferences.week_start_changed.connect(self.live.set_week_start)
            self.preferences.pricing_changed.connect(self.live.refresh)
            self.preferences.theme_changed.connect(self.set_theme)
            assert self.idle is not None
            self.preferences.add_section(self.idle.preferences_section(self.preferences))
            self.preferences.add_section(self.sync.preferences_section(self.preferences))
        bring_up(self.preferences, self.preferences.show_saved)

    # -- what the parts ask of each other ------------------------------------------------

    def refresh(self) -> None:
        """Reads everything shown from the database again."""
        self.live.refresh()

    def show_period_kind(self, kind: PeriodKind) -> None:
        """Switches to the day, week or month containing the first day now shown."""
        self.settings.period_kind = kind
        self.live.show_kind(kind)

    def edit_session(self, session: Session) -> None:
        """Asks for corrected fields of ``session`` until saved or cancelled."""
        self.commands.edit(session)

    def continue_from(self, session_id: int | None) -> None:
        """Starts a new session named like ``session_id`` (default: the most recent)."""
        self.commands.continue_from(session_id)

    def _show_stored_state(self) -> None:
        """After a change not typed into the name field: what was typed gives way to
        what is stored."""
        self.timer_bar.forget_edit()
        self.live.refresh()

    def _update_tray(self) -> None:
        totals = self._totals
        if self.tray is not None and totals is not None:
            elapsed, today = format_duration(totals.elapsed), format_duration(totals.today)
            self.tray.update_state(totals.running, elapsed, today)

    # -- slots ---------------------------------------------------------------------------

    def _on_live_totals_changed(self, totals: Totals) -> None:
        self._totals = totals
        self._update_tray()

    def _on_live_recent_changed(self, recent: list[Session]) -> None:
        if self.labels is not None:
            self.labels.show_recent(recent)
        if self.tray is not None:
            self.tray.set_recent(recent[:TRAY_RECENT])

    def _on_live_sessions_changed(self, report: object) -> None:
        # A change, an undo, or another process's write: the other windows read again.
        for window in (self.projects, self.reports):
            if window is not None and window.isVisible():
                window.reload()

    def _on_sessions_view_selection_changed(self) -> None:
        self.action_set.show_selection(len(self.sessions_view.selected_sessions()))

    def _on_action_edit_triggered(self) -> None:
        selected = self.sessions_view.selected_sessions()
        if len(selected) == 1:
            self.commands.edit(selected[0])

    def _on_action_delete_triggered(self) -> None:
        selected = self.sessions_view.selected_sessions()
        if selected:
            self.commands.delete(selected)

    def _on_action_continue_triggered(self) -> None:
        selected = self.sessions_view.selected_sessions()
        self.commands.continue_from(selected[0].id if selected else None)

    def _on_undo_history_applied(self, note: str) -> None:
        self.messages.clear_error()
        self.messages.show_note(note)
        self._show_stored_state()

    def _on_undo_history_refused(self, error: str) -> None:
        self.messages.show_error(error)
        self._show_stored_state()

    def _on_gaps_answered(self, note: str) -> None:
        self.timer_bar.forget_edit()
        self.messages.show_note(note)

    def _on_backups_restored(self, note: str) -> None:
        self.undo_history.clear()  # the history no longer matches the rows
        self.timer_bar.forget_edit()
        self.live.reopened()
        self.messages.show_note(note)

    def _on_closed(self) -> None:
        if self.gaps is not None:
            self.gaps.save_heartbeat(self._tracker.now(), force=True)
