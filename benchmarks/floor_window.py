"""The widget floor: a PySide6 window made of the same kinds of widgets as the tracker's
first frame, with none of its work. It reports its first paint and quits, like the bare
window, so both floors are measured the same way.

What it shares with the tracker's window: a QMainWindow with a menu bar and a status bar,
a focused QLineEdit (which loads the fonts, and the input method), a large-font label,
tool buttons, a QTableView on a Python QAbstractTableModel (whose header calls make
PySide6 build its ``Qt`` namespace, 93 enum classes) and a total label. What it leaves out
is everything of the tracker's own: no database, no clock, no icons, no actions or
shortcuts, no settings, no core modules. The difference between this window and the
tracker is the cost of the tracker's own code; the difference between this window and
the bare one is what such a window costs in Qt, whoever writes it.
"""

import sys

from bare_window import ReportsFirstPaint
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ROWS = 30  # about a busy week
HEADINGS = ("Name", "Start", "End", "Duration")


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def data(self, index, role=0):
        if role != 0:  # DisplayRole
            return None
        return f"Session {index.row() + 1}" if index.column() == 0 else "12:00"

    def headerData(self, section, orientation, role=0):
        if role == 0 and orientation == Qt.Orientation.Horizontal:
            return HEADINGS[section]
        return None


class Window(ReportsFirstPaint, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Widget floor")
        for title in ("&File", "&Edit", "&View", "&Help"):
            self.menuBar().addMenu(title)
        central = QWidget(self)
        layout = QVBoxLayout(central)

        timer_bar = QHBoxLayout()
        self.name_edit = QLineEdit(central)
        self.name_edit.setPlaceholderText("What are you working on?")
        timer_bar.addWidget(self.name_edit, 1)
        elapsed = QLabel("0:00:00", central)
        font = elapsed.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        elapsed.setFont(font)
        timer_bar.addWidget(elapsed)
        start = QToolButton(central)
        start.setText("Start")
        timer_bar.addWidget(start)
        layout.addLayout(timer_bar)

        period_bar = QHBoxLayout()
        for text in ("Day", "Week", "Month", "‹", "›", "Today"):
            button = QToolButton(central)
            button.setText(text)
            period_bar.addWidget(button)
        period_bar.addStretch(1)
        period_bar.addWidget(QLabel("Week 48", central))
        layout.addLayout(period_bar)

        self.model = Model(self)
        table = QTableView(central)
        table.setModel(self.model)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(table, 1)
        layout.addWidget(QLabel("Total 0:00:00", central))

        self.setCentralWidget(central)
        self.statusBar()
        self.resize(900, 600)
        self.name_edit.setFocus()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = Window()
    window.show()
    sys.exit(app.exec())
