"""The Projects window (``projectsWindow``): clients and their projects with this month's
time, rates and colours, to make, rename, recolour, re-rate, archive and delete; and the
tags (``tags_panel.py``). Every change goes through the catalog, so the main window's
Undo takes it back (its Undo and Redo work here too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QMenu,
    QStyle,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.catalog import PALETTE
from tracker_desktop.core.periods import PeriodKind, period_containing
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.actions import describe_shortcut
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.message_banner import MessageBanner, Messages
from tracker_desktop.ui.project_colors import color_dot, color_name
from tracker_desktop.ui.project_commands import Key, ProjectCommands
from tracker_desktop.ui.projects_model import (
    NAME,
    ClientRow,
    ProjectRow,
    ProjectsModel,
    Rate,
    build_rows,
)
from tracker_desktop.ui.roomy_rows import RoomyDelegate
from tracker_desktop.ui.session_cells import tabular_font
from tracker_desktop.ui.tags_panel import TagsPanel


class ProjectsWindow(QMainWindow):
    """Projects and tags, kept current by ``reload`` (the window calls it after every
    read of the database)."""

    def __init__(self, tracker: Tracker, undo: QAction, redo: QAction, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectsWindow")
        self.setWindowTitle(translate("ProjectsWindow", "Projects and Tags"))
        self.resize(760, 540)
        self.setMinimumSize(480, 320)
        self._tracker = tracker
        self._show_archived = False
        self.banner = MessageBanner(self)
        self.messages = Messages(self.banner, self.statusBar())
        self.commands = ProjectCommands(tracker, self.messages, self)
        self.model = ProjectsModel(self.commands.edit_in_place, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("projectsTree")
        self.tree.setAccessibleName(translate("ProjectsWindow", "Clients and projects"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(RoomyDelegate(self.tree))
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.activated.connect(lambda index: self.commands.edit(self.selected()))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):  # sized by _fit_columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.tree.selectionModel().selectionChanged.connect(self._enable)

        undo_keys = undo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.tags = TagsPanel(
            tracker,
            self.messages,
            translate("ProjectsWindow", "{keys} brings it back").format(keys=undo_keys),
            self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("projectsTabs")
        self.tabs.addTab(self.tree, translate("ProjectsWindow", "&Projects"))
        self.tabs.addTab(self.tags, translate("ProjectsWindow", "&Tags"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._make_actions(undo, redo)
        self._enable()

    # -- actions and menus --------------------------------------------------------------

    def _action(self, name: str, text: str, key: str | None, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        describe_shortcut(action)
        return action

    def _make_actions(self, undo: QAction, redo: QAction) -> None:
        commands = self.commands
        self.new_project = self._action(
            "actionNewProject",
            translate("ProjectsWindow", "New Project…"),
            "Ctrl+N",
            lambda: self._selecting(commands.add_project(self.selected())),
        )
        self.new_client = self._action(
            "actionNewClient",
            translate("ProjectsWindow", "New Client…"),
            "Ctrl+Shift+N",
            lambda: self._selecting(commands.add_client()),
        )
        self.edit = self._action(
            "actionEditProject",
            translate("ProjectsWindow", "Edit…"),
            "Ctrl+E",
            lambda: commands.edit(self.selected()),
        )
        self.archive = self._action(
            "actionArchive",
            translate("ProjectsWindow", "Archive"),
            "Ctrl+Shift+A",
            lambda: commands.toggle_archived(self.selected(), self._show_archived),
        )
        self.delete = self._action(
            "actionDeleteProject",
            translate("ProjectsWindow", "Delete…"),
            "Del",
            lambda: commands.delete(self.selected()),
        )
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.addAction(self.delete)
        self.show_archived = self._action(
            "actionShowArchived",
            translate("ProjectsWindow", "Show Archived"),
            "Ctrl+H",
            self._on_show_archived,
        )
        self.show_archived.setCheckable(True)
        self.colors = QMenu(translate("ProjectsWindow", "&Colour"), self)
        self.colors.setObjectName("projectColorMenu")
        for index, color in enumerate((*PALETTE, None)):
            if color is None:
                self.colors.addSeparator()
                swatch = self.colors.addAction(translate("ProjectsWindow", "Other…"))
            else:
                swatch = self.colors.addAction(color_dot(color), color_name(index))
            swatch.triggered.connect(
                lambda checked=False, c=color: commands.recolor(self.selected(), c)
            )
        # The Project menu's entries, and the tree's context menu.
        self._project_entries = [
            self.new_project,
            self.new_client,
            None,
            self.edit,
            self.colors.menuAction(),
            self.archive,
            self.delete,
        ]
        for title, entries in (
            (translate("ProjectsWindow", "&Project"), self._project_entries),
            (translate("ProjectsWindow", "&Edit"), [undo, redo]),
            (translate("ProjectsWindow", "&View"), [self.show_archived]),
        ):
            menu = self.menuBar().addMenu(title)
            for entry in entries:
                menu.addSeparator() if entry is None else menu.addAction(entry)
        self.addActions([undo, redo])  # Ctrl+Z here undoes like in the main window
        bar = self.addToolBar(translate("ProjectsWindow", "Projects"))
        bar.setObjectName("projectsToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_project, self.new_client, self.edit, self.archive, self.delete):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.show_archived)

    # -- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads clients, projects, this month's time per project and the defaults."""
        tracker, catalog = self._tracker, self._tracker.catalog
        today = tracker.now().astimezone(tracker.zone).date()
        month = period_containing(PeriodKind.MONTH, today, tracker.zone)
        archived = self._show_archived

        def read() -> tuple[Any, ...]:
            return (
                catalog.clients(archived=archived),
                catalog.projects(archived=archived),
                tracker.seconds_by_project(month.start, month.end),
                catalog.default_rate(),
                catalog.default_currency(),
            )

        found = self.messages.attempt(read)
        if found is None:
            return
        clients, projects, seconds, default_rate, currency = found
        kept = self._selected_key()
        groups = build_rows(clients, projects, seconds, default_rate, currency)
        default = Rate(default_rate, currency, "default" if default_rate is not None else "none")
        self.commands.show_rows(groups, default)
        self.model.set_rows(groups)
        self.tree.expandAll()
        self._fit_columns()
        if kept is not None:
            self.select(kept)
        if self.tabs.currentWidget() is self.tags:
            self.tags.reload()
        self._enable()

    def _fit_columns(self) -> None:
        """This month, Rate and Billable as wide as their widest text or heading,
        measured here: the header's ResizeToContents would ask the model for every cell
        of every row."""
        header = self.tree.header()
        figures = QFontMetrics(tabular_font(self.tree.font()))
        padding = 2 * self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        for column in range(1, self.model.columnCount()):
            widest = max(
                (figures.horizontalAdvance(t) for t in self.model.texts(column)), default=0
            )
            header.resizeSection(column, max(widest + padding, header.sectionSizeHint(column) + 12))

    def selected(self) -> ClientRow | ProjectRow | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.row_at(rows[0]) if rows else None

    def select(self, key: Key) -> None:
        index = self.model.index_of(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _selected_key(self) -> Key | None:
        row = self.selected()
        if isinstance(row, ProjectRow):
            return ("project", row.info.id)
        if row is not None:
            return ("client", row.info.id if row.info else None)
        return None

    # -- changes ------------------------------------------------------------------------

    # -- slots --------------------------------------------------------------------------

    def _enable(self) -> None:
        row = self.selected()
        project = isinstance(row, ProjectRow)
        real = row is not None and row.info is not None
        self.edit.setEnabled(real)
        self.archive.setEnabled(real)
        archived = real and row.info.archived  # type: ignore[union-attr]
        self.archive.setText(
            translate("ProjectsWindow", "Bring Back")
            if archived
            else translate("ProjectsWindow", "Archive")
        )
        describe_shortcut(self.archive)
        self.delete.setEnabled(project)
        self.colors.setEnabled(project)

    def _on_show_archived(self) -> None:
        self._show_archived = self.show_archived.isChecked()
        self.reload()

    def _selecting(self, key: Key | None) -> None:
        if key is not None:
            self.select(key)

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.tags:
            self.tags.reload()

    def _on_tree_context_menu_requested(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self._project_entries:
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.tree.setFocus()
