"""The Help menu's windows: every keyboard shortcut (read from the menus themselves, so
the list cannot fall behind them) and About (the version and the data folder).

Made on first use: nothing here is loaded before the main window's first paint.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop import __version__
from tracker_desktop.ui.dialog_parts import plain_buttons
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate

# Keys that belong to a field rather than to a menu command.
TYPING_KEYS = (  # translated where listed
    (QT_TRANSLATE_NOOP("HelpDialogs", "Start a session, or rename the running one"), "Enter"),
    (QT_TRANSLATE_NOOP("HelpDialogs", "Undo what was typed in the name"), "Esc"),
    (QT_TRANSLATE_NOOP("HelpDialogs", "Choose a project or a tag while typing a name"), "@  #"),
    (
        QT_TRANSLATE_NOOP("HelpDialogs", "Edit the selected session"),
        QT_TRANSLATE_NOOP("HelpDialogs", "Enter (in the sessions)"),
    ),
)


# Keys that few keyboards have (Sun's F13–F35, a dedicated Undo key): the platform's
# standard shortcuts include them, the list leaves them out.
_RARE_KEYS = {Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Help, Qt.Key.Key_Copy}
_RARE_KEYS |= {Qt.Key(Qt.Key.Key_F13.value + n) for n in range(23)}


def shortcut_text(action: QAction) -> str:
    """An action's shortcuts as the platform writes them (``Ctrl+Return``), but for
    keys few keyboards have."""
    native = QKeySequence.SequenceFormat.NativeText
    keys = [key for key in action.shortcuts() if first_key(key) not in _RARE_KEYS]
    return ", ".join(key.toString(native) for key in keys)


def first_key(sequence: QKeySequence) -> Qt.Key | None:
    """The key of a sequence's first chord (no modifiers), if it has one."""
    return sequence[0].key() if sequence.count() else None  # type: ignore[index]


def command_text(action: QAction) -> str:
    """An action's text without its mnemonic and trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each menu's title with its commands that have a shortcut, in menu order."""
    found = []
    for entry in menu_bar.actions():
        menu = entry.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = [
            (command_text(action), shortcut_text(action))
            for action in menu.actions()
            if not action.isSeparator() and action.menu() is None and action.shortcuts()
        ]
        if rows:
            found.append((command_text(entry), rows))
    return found


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts (``shortcutsDialog``): a list by menu, then the keys of
    the name field and the table. Not modal: it can stay open while trying them."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("HelpDialogs", "Keyboard Shortcuts"))
        self._menu_bar = menu_bar
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(translate("HelpDialogs", "Keyboard shortcuts"))
        self.tree.setHeaderLabels(
            [translate("HelpDialogs", "Command"), translate("HelpDialogs", "Shortcut")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = plain_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(480, 560)

    def read(self) -> None:
        """Lists the shortcuts as the menus hold them now."""
        self.tree.clear()
        typing = [
            (translate("HelpDialogs", a), translate("HelpDialogs", b)) for a, b in TYPING_KEYS
        ]
        groups = [*menu_shortcuts(self._menu_bar), (translate("HelpDialogs", "Typing"), typing)]
        for title, rows in groups:
            heading = QTreeWidgetItem(self.tree, [title])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFirstColumnSpanned(True)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, keys in rows:
                QTreeWidgetItem(heading, [text, keys])
        self.tree.expandAll()

    def listed(self) -> dict[str, str]:
        """Every listed command with its keys (what tests compare with the actions)."""
        shown = {}
        for group in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(group)
            assert heading is not None
            for row in range(heading.childCount()):
                item = heading.child(row)
                assert item is not None
                shown[item.text(0)] = item.text(1)
        return shown


class AboutDialog(QDialog):
    """Help ▸ About (``aboutDialog``): the version, Qt's, and the data folder with a
    button that opens it."""

    def __init__(self, data_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("HelpDialogs", "About Tracker Desktop"))
        title = QLabel(f"<h2>Tracker Desktop {__version__}</h2>", self)
        title.setObjectName("aboutVersionLabel")
        blurb = QLabel(
            translate(
                "HelpDialogs",
                "Tracks the time you work, on this computer: your sessions stay in a file of "
                "your own.",
            ),
            self,
        )
        blurb.setWordWrap(True)
        folder = str(data_dir) if data_dir is not None else translate("HelpDialogs", "unknown")
        self.folder_label = QLabel(
            translate("HelpDialogs", "Data folder: {folder}").format(folder=folder), self
        )
        self.folder_label.setObjectName("aboutDataFolderLabel")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        versions = QLabel(f"Qt {qVersion()}, PySide6 {pyside_version}", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        open_folder = buttons.addButton(
            translate("HelpDialogs", "Open Data Folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        open_folder.setObjectName("openDataFolderButton")
        open_folder.setEnabled(data_dir is not None)
        if data_dir is not None:
            url = QUrl.fromLocalFile(str(data_dir))
            open_folder.clicked.connect(lambda: QDesktopServices.openUrl(url))
        plain_buttons(buttons)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (title, blurb, self.folder_label, versions):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
