"""The sections of the Preferences dialog that other parts of the window own: time away
and reminders (``idle_preferences.py``, applied by the idle watcher) and Sync
(``sync_preferences.py``, run by the window's sync)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker_desktop.ui.idle_watcher import IdleWatcher
    from tracker_desktop.ui.preferences_dialog import PreferencesDialog
    from tracker_desktop.ui.settings import WindowSettings
    from tracker_desktop.ui.sync_status import WindowSync


def add_sections(
    dialog: PreferencesDialog, settings: WindowSettings, idle: IdleWatcher, sync: WindowSync
) -> None:
    """Adds the time away and Sync sections under the dialog's own settings."""
    from tracker_desktop.ui.idle_preferences import IdlePreferences

    section = IdlePreferences(settings, idle.desktop.description, dialog)
    section.changed.connect(idle.apply_settings)
    dialog.add_section(section)
    sync.add_preferences(dialog)
