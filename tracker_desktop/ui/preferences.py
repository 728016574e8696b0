"""Start at Login: a checkable action (in the File menu, and behind the Preferences
dialog's check box) whose check mark is this system's autostart entry."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from tracker_desktop.core import autostart as autostart_module
from tracker_desktop.core.autostart import Autostart
from tracker_desktop.ui.language import translate

log = logging.getLogger(__name__)


class StartAtLogin(QAction):
    """``actionStartAtLogin``; ``refresh`` reads the entry again into the check mark."""

    def __init__(self, parent: QMenu, refresh: Callable[[], None]) -> None:
        super().__init__(translate("Preferences", "Start at Login"), parent, checkable=True)
        self.refresh = refresh


def add_start_at_login_action(
    menu: QMenu,
    show_error: Callable[[str], None],
    *,
    before: QAction | None = None,
    autostart: Autostart | None = None,
) -> StartAtLogin:
    """Adds the checkable "Start at Login" action (``actionStartAtLogin``) to ``menu``
    (above ``before`` when given) and returns it.

    Checking it installs this system's autostart entry (see ``core/autostart.py``) for the
    running installation; unchecking removes it. The entry itself is the setting, so the
    check mark is re-read each time the menu opens. Failures go to ``show_error``.
    """
    entry = autostart or autostart_module.for_platform()

    def refresh() -> None:
        try:
            enabled = entry.is_enabled()
        except OSError as error:
            log.warning("cannot read the autostart entry %s: %s", entry.location, error)
            enabled = False
        action.setChecked(enabled)

    action = StartAtLogin(menu, refresh)
    action.setObjectName("actionStartAtLogin")
    action.setToolTip(
        translate("Preferences", "Open Tracker Desktop when you log in to this computer")
    )

    def on_triggered(checked: bool) -> None:
        try:
            if checked:
                entry.enable(autostart_module.launch_command())
            else:
                entry.disable()
        except (OSError, ValueError) as error:
            log.warning("cannot change the autostart entry %s: %s", entry.location, error)
            refresh()
            if checked:
                text = translate(
                    "Preferences", "Could not turn on Start at Login ({file}): {error}"
                )
            else:
                text = translate(
                    "Preferences", "Could not turn off Start at Login ({file}): {error}"
                )
            show_error(text.format(file=entry.location, error=error))
            return
        log.info("start at login %s: %s", "on" if checked else "off", entry.location)

    refresh()
    action.triggered.connect(on_triggered)
    menu.aboutToShow.connect(refresh)
    if before is None:
        menu.addAction(action)
    else:
        menu.insertAction(before, action)
    return action
