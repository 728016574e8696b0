"""The one set of QActions behind the window's buttons, menus, shortcuts and the tray.

Texts, shortcuts, icons and when each is enabled live here; what an action does is
connected where the window is put together (``main_window.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from tracker_desktop.core.periods import Period, PeriodKind
from tracker_desktop.core.service import Session
from tracker_desktop.ui.icons import tinted_icon
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.period_text import current_label

Shortcut = QKeySequence | QKeySequence.StandardKey | str


class Actions(QObject):
    """Every action of the window, found by object name (``actionStartStop`` …)."""

    def __init__(self, parent: QWidget, undo_stack: QUndoStack) -> None:
        super().__init__(parent)
        self.start_stop = self._action(
            "actionStartStop", translate("Actions", "Start"), ("Ctrl+Return", "Ctrl+Enter")
        )
        self.discard = self._action(
            "actionDiscard",
            translate("Actions", "Discard Running Session…"),
            ("Ctrl+Shift+Backspace",),
        )
        self.quit = self._action("actionQuit", translate("Actions", "Quit"), ("Ctrl+Q",))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.show_window = self._action("actionShowWindow", translate("Actions", "Show Window"))
        self._period_group = QActionGroup(self)
        self.period_kinds: dict[PeriodKind, QAction] = {}
        for kind, name, text, key in (
            (PeriodKind.DAY, "actionShowDay", translate("Actions", "Day"), "Ctrl+1"),
            (PeriodKind.WEEK, "actionShowWeek", translate("Actions", "Week"), "Ctrl+2"),
            (PeriodKind.MONTH, "actionShowMonth", translate("Actions", "Month"), "Ctrl+3"),
        ):
            action = self._action(name, text, (key,))
            action.setCheckable(True)
            self._period_group.addAction(action)
            self.period_kinds[kind] = action
        self.previous = self._action(
            "actionPreviousPeriod", translate("Actions", "Previous"), ("Alt+Left",)
        )
        self.next = self._action("actionNextPeriod", translate("Actions", "Next"), ("Alt+Right",))
        self.current = self._action(
            "actionCurrentPeriod", translate("Actions", "Today"), ("Alt+Home",)
        )
        self.add = self._action(
            "actionAddSession", translate("Actions", "Add Session…"), ("Ctrl+N",)
        )
        self.edit = self._action(
            "actionEditSession", translate("Actions", "Edit Session…"), ("Ctrl+E",)
        )
        self.delete = self._action("actionDeleteSessions", translate("Actions", "Delete"), ("Del",))
        # Delete only while the sessions table itself has focus: never while typing a name.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.rename = self._action("actionRenameSession", translate("Actions", "Rename"), ("F2",))
        self.rename.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the table's
        self.continue_session = self._action(
            "actionContinueSession", translate("Actions", "Continue Session")
        )
        self.focus_name = self._action(
            "actionFocusName", translate("Actions", "Type a Name"), ("Ctrl+L",)
        )
        self.choose_project = self._action(
            "actionChooseProject", translate("Actions", "Project…"), ("Ctrl+P",)
        )
        self.choose_tags = self._action(
            "actionChooseTags", translate("Actions", "Tags…"), ("Ctrl+T",)
        )
        self.show_projects = self._action(
            "actionShowProjects", translate("Actions", "Projects and Tags…"), ("Ctrl+Shift+P",)
        )
        self.show_reports = self._action(
            "actionShowReports", translate("Actions", "Reports…"), ("Ctrl+R",)
        )
        self.import_file = self._action(
            "actionImport", translate("Actions", "Import…"), ("Ctrl+Shift+I",)
        )
        self.export = self._action(
            "actionExport", translate("Actions", "Export…"), ("Ctrl+Shift+E",)
        )
        self.filter = self._action(
            "actionFilterSessions", translate("Actions", "Filter Sessions"), ("Ctrl+F",)
        )
        self.preferences = self._action(
            "actionPreferences", translate("Actions", "Preferences…"), ("Ctrl+,",)
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.backup = self._action("actionBackupNow", translate("Actions", "Back Up Now"))
        self.restore = self._action(
            "actionRestoreBackup", translate("Actions", "Restore from Backup…")
        )
        self.shortcuts = self._action(
            "actionKeyboardShortcuts", translate("Actions", "Keyboard Shortcuts"), ("F1",)
        )
        self.about = self._action("actionAbout", translate("Actions", "About Tracker Desktop"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.undo = undo_stack.createUndoAction(self, translate("Actions", "&Undo"))
        self.undo.setObjectName("actionUndo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = undo_stack.createRedoAction(self, translate("Actions", "&Redo"))
        self.redo.setObjectName("actionRedo")
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:  # the platform may say Ctrl+Y only
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.redo.setShortcuts(redo_keys)

        self._running = False
        self.restyle()
        for action in (
            *self.period_kinds.values(),
            self.previous,
            self.next,
            self.current,
            self.discard,
            self.add,
            self.edit,
            self.delete,
            self.rename,
            self.focus_name,
            self.show_projects,
            self.show_reports,
            self.import_file,
            self.export,
            self.preferences,
            self.filter,
        ):
            describe_shortcut(action)
        self.choose_project.setToolTip(
            translate("Actions", "Choose the project (Ctrl+P, or type @ in the name)")
        )
        self.choose_tags.setToolTip(
            translate("Actions", "Choose tags (Ctrl+T, or type # in the name)")
        )

    def _action(self, name: str, text: str, shortcuts: tuple[Shortcut, ...] = ()) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        return action

    def window_wide(self) -> list[QAction]:
        """The actions whose shortcuts work anywhere in the window (even while the menu
        bar is hidden): all but Delete and Rename, which belong to the sessions table."""
        return [a for a in self.findChildren(QAction) if a not in (self.delete, self.rename)]

    def restyle(self) -> None:
        """Icons in the palette's colours (again when the palette changes)."""
        text_color = QApplication.palette().color(QPalette.ColorRole.ButtonText)
        self.previous.setIcon(tinted_icon("chevron-left", text_color))
        self.next.setIcon(tinted_icon("chevron-right", text_color))
        self.discard.setIcon(tinted_icon("discard", text_color))
        # In the menus and the tray menu, in the menu's text colour (the button paints its
        # own, in the colour of its text: timer_bar.py).
        menu_text = QApplication.palette().color(QPalette.ColorRole.WindowText)
        self.start_stop.setIcon(tinted_icon("stop" if self._running else "play", menu_text))

    def row_menu(self) -> list[QAction | None]:
        """The sessions table's context menu (None: a separator)."""
        return [self.edit, self.rename, self.continue_session, None, self.delete, None, self.add]

    # -- enabled rules and texts ---------------------------------------------------------

    def show_running(self, running: Session | None) -> None:
        """Start or Stop, and Discard only while a session runs."""
        action = self.start_stop
        action.setText(
            translate("Actions", "Start") if running is None else translate("Actions", "Stop")
        )
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if running is None:
            verb = translate("Actions", "Start a session")
        else:
            verb = translate("Actions", "Stop and save the running session")
        action.setToolTip(f"{verb} ({shortcut})")
        self._running = running is not None
        self.restyle()
        self.discard.setEnabled(running is not None)

    def show_period(self, period: Period, is_current: bool) -> None:
        """The shown kind checked, the way back to the current one, and the arrows' names."""
        self.period_kinds[period.kind].setChecked(True)
        self.current.setText(current_label(period.kind))
        self.current.setEnabled(not is_current)
        self.previous.setText(translate("Actions", PREVIOUS[period.kind]))
        self.next.setText(translate("Actions", NEXT[period.kind]))
        for action in (self.current, self.previous, self.next):
            describe_shortcut(action)

    def show_selection(self, selected: int) -> None:
        """Edit and Rename need one selected session, Delete at least one."""
        self.edit.setEnabled(selected == 1)
        self.rename.setEnabled(selected == 1)
        self.delete.setEnabled(selected > 0)
        self.delete.setText(
            translate("Actions", "Delete {count} Sessions").format(count=selected)
            if selected > 1
            else translate("Actions", "Delete")
        )


PREVIOUS = {
    PeriodKind.DAY: QT_TRANSLATE_NOOP("Actions", "Previous Day"),
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("Actions", "Previous Week"),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("Actions", "Previous Month"),
}
NEXT = {
    PeriodKind.DAY: QT_TRANSLATE_NOOP("Actions", "Next Day"),
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("Actions", "Next Week"),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("Actions", "Next Month"),
}


def describe_shortcut(action: QAction) -> None:
    """Shows an action's shortcut in its tooltip, as menus do."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = action.text().replace("&", "").rstrip("…")
    action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
