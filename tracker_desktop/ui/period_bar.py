"""The period bar: Day | Week | Month, the arrows, the way back to today, the shown
period's title and its total (its time by project in the tooltip)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.periods import Period
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.period_text import period_titles
from tracker_desktop.ui.project_colors import PART_CONTRAST, accent, readable
from tracker_desktop.ui.session_cells import tabular_font

if TYPE_CHECKING:
    from tracker_desktop.ui.actions import Actions
    from tracker_desktop.ui.live_state import Totals
    from tracker_desktop.ui.sessions_model import FilterSummary


class PeriodBar(QWidget):
    """Buttons for the period actions, ``periodTitleLabel`` and ``periodTotalLabel``."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        segments = QHBoxLayout()
        segments.setSpacing(0)
        self._segments = []
        for place, action in zip(("first", "", "last"), actions.period_kinds.values(), strict=True):
            button = QToolButton(self)
            button.setObjectName(f"{action.objectName()}Button")
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setMinimumWidth(64)
            button.setProperty("segment", place)
            segments.addWidget(button)
            self._segments.append(button)
        row.addLayout(segments)
        row.addSpacing(10)
        for action in (actions.previous, actions.next):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            row.addWidget(button)
        current = QToolButton(self)
        current.setObjectName("currentPeriodButton")
        current.setDefaultAction(actions.current)
        current.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row.addWidget(current)
        row.addSpacing(10)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("periodTitleLabel")
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.installEventFilter(self)  # a new width may take another title
        self._titles: list[str] = []
        row.addWidget(self.title_label, 1)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("periodTotalLabel")
        self.total_label.setAccessibleName(translate("PeriodBar", "Total time in the shown period"))
        total_font = tabular_font(self.total_label.font())
        total_font.setPointSizeF(total_font.pointSizeF() * 1.5)
        total_font.setBold(True)
        self.total_label.setFont(total_font)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.total_label)
        self._total = ""
        self._filtered: FilterSummary | None = None
        self.restyle()

    def restyle(self) -> None:
        """Day | Week | Month as one segmented control whose chosen segment is filled
        with the accent (3:1 against the others, its text 4.5:1 on it)."""
        palette = QApplication.palette()
        button = palette.color(QPalette.ColorRole.Button)
        fill, text = accent(
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.HighlightedText),
            button,
        )
        edge = readable(palette.color(QPalette.ColorRole.Mid), button, PART_CONTRAST).name()
        ring = palette.color(QPalette.ColorRole.WindowText).name()
        style = (
            f"QToolButton {{ background: {button.name()}; border: 1px solid {edge};"
            f" color: {palette.color(QPalette.ColorRole.ButtonText).name()};"
            " padding: 4px 12px; margin: 0; border-radius: 0; }"
            "QToolButton[segment=first] { border-top-left-radius: 6px;"
            " border-bottom-left-radius: 6px; }"
            "QToolButton[segment=last] { border-top-right-radius: 6px;"
            " border-bottom-right-radius: 6px; }"
            'QToolButton[segment=""] { border-left: none; border-right: none; }'
            f"QToolButton:checked {{ background: {fill.name()}; color: {text.name()};"
            f" border-color: {fill.name()}; }}"
            f"QToolButton:focus {{ border: 2px solid {ring}; }}"
        )
        for segment in self._segments:
            if segment.styleSheet() != style:
                segment.setStyleSheet(style)

    def show_period(self, period: Period, is_current: bool) -> None:
        """The shown period's title: the longest form that fits (the whole one in the
        tooltip and for screen readers)."""
        self._titles = titles = period_titles(period)
        metrics = QFontMetricsF(self.title_label.font())
        # The shortest always has room, so no title is ever cut.
        self.title_label.setMinimumWidth(int(metrics.horizontalAdvance(titles[-1])) + 2)
        self.title_label.setAccessibleName(titles[0])
        self._fit_title()

    def _fit_title(self) -> None:
        if not self._titles:
            return
        metrics = QFontMetricsF(self.title_label.font())
        room = self.title_label.contentsRect().width()
        fits = [t for t in self._titles if metrics.horizontalAdvance(t) <= room]
        title = fits[0] if fits else self._titles[-1]
        self.title_label.setText(title)
        self.title_label.setToolTip("" if title == self._titles[0] else self._titles[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title_label and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return False

    def show_totals(self, totals: Totals) -> None:
        """The time inside the shown period."""
        self._total = translate("PeriodBar", "Total {time}").format(
            time=format_duration(totals.period)
        )
        self._show_total()

    def show_filtered(self, summary: FilterSummary | None) -> None:
        """While the filter keeps some sessions, their time instead of the period's."""
        self._filtered = summary
        self._show_total()

    def _show_total(self) -> None:
        summary = self._filtered
        if summary is None:
            self.total_label.setText(self._total)
            self.total_label.setAccessibleName(
                translate("PeriodBar", "Total time in the shown period")
            )
        else:
            self.total_label.setText(
                translate("PeriodBar", "Filtered {time}").format(time=format_duration(summary.time))
            )
            self.total_label.setAccessibleName(
                translate("PeriodBar", "Time of the filtered sessions")
            )

    def show_breakdown(self, tooltip: str) -> None:
        """The shown period's time (and earnings) by project, in the total's tooltip."""
        self.total_label.setToolTip(tooltip)
