"""Every setting the window saves (``window.ini`` in the data folder), typed, in one place.

The keys are the file's format: an older file keeps working, and a value that cannot be
read falls back to its default instead of failing.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from tracker_desktop.core.periods import PeriodKind

if TYPE_CHECKING:  # read after the first paint only: not loaded before it
    from tracker_desktop.core.idle.reminders import ReminderSchedule

DEFAULT_GAP_MINUTES = 30
DEFAULT_IDLE_SECONDS = 600
MIN_IDLE_SECONDS = 10


class WindowSettings:
    """Typed reads and writes of the window's saved settings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def period_kind(self) -> PeriodKind:
        """Day, week or month: what the window showed when it was last switched."""
        kind = str(self._settings.value("view/period", PeriodKind.DAY.value))
        return PeriodKind(kind) if kind in set(PeriodKind) else PeriodKind.DAY

    @period_kind.setter
    def period_kind(self, kind: PeriodKind) -> None:
        self._settings.setValue("view/period", kind.value)

    @property
    def theme(self) -> str:
        """``system``, ``light`` or ``dark`` (``[appearance] theme``; anything else is
        the system's)."""
        theme = str(self._settings.value("appearance/theme", "system"))
        return theme if theme in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, theme: str) -> None:
        self._settings.setValue("appearance/theme", theme)

    @property
    def geometry(self) -> QByteArray | None:
        """The window's size and place when it was last closed."""
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    @property
    def last_alive(self) -> datetime | None:
        """When the app last said it was running (the heartbeat); None if unknown."""
        value = self._settings.value("app/last_alive")
        try:
            saved = datetime.fromisoformat(str(value)) if value else None
        except ValueError:
            return None
        return saved if saved is not None and saved.tzinfo is not None else None

    @last_alive.setter
    def last_alive(self, instant: datetime) -> None:
        """Written to disk at once: after a crash or power cut it is what is left."""
        self._settings.setValue("app/last_alive", instant.isoformat())
        self._settings.sync()

    @property
    def gap_threshold(self) -> timedelta:
        """How long a running session may go unwatched before the app asks about it
        (at least a minute)."""
        minutes = self._settings.value("gaps/threshold_minutes", DEFAULT_GAP_MINUTES)
        try:
            return timedelta(minutes=max(float(minutes), 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return timedelta(minutes=DEFAULT_GAP_MINUTES)

    @gap_threshold.setter
    def gap_threshold(self, threshold: timedelta) -> None:
        """Saved in whole minutes (``[gaps] threshold_minutes``), at least one."""
        minutes = max(int(threshold.total_seconds() // 60), 1)
        self._settings.setValue("gaps/threshold_minutes", minutes)

    @property
    def idle_enabled(self) -> bool:
        """Whether time away from the computer is asked about (``[idle] enabled``)."""
        return bool(self._settings.value("idle/enabled", True, type=bool))

    @idle_enabled.setter
    def idle_enabled(self, enabled: bool) -> None:
        self._settings.setValue("idle/enabled", enabled)

    @property
    def idle_threshold(self) -> timedelta:
        """How long without input counts as away (``[idle] threshold_seconds``, at least
        ten seconds)."""
        seconds = self._int("idle/threshold_seconds", DEFAULT_IDLE_SECONDS)
        return timedelta(seconds=max(seconds, MIN_IDLE_SECONDS))

    @idle_threshold.setter
    def idle_threshold(self, threshold: timedelta) -> None:
        seconds = max(int(threshold.total_seconds()), MIN_IDLE_SECONDS)
        self._settings.setValue("idle/threshold_seconds", seconds)

    @property
    def reminders(self) -> ReminderSchedule:
        """When to remind the user to track (``[reminders]``: enabled, minutes, days as
        ISO weekday numbers 1-7, from and until as HH:MM)."""
        from tracker_desktop.core.idle.reminders import ReminderSchedule

        default = ReminderSchedule()
        days = self._settings.value("reminders/days", "1,2,3,4,5")
        # Written by hand without quotes, the list comes back as a list.
        days = ",".join(days) if isinstance(days, list) else str(days)
        return ReminderSchedule(
            enabled=bool(self._settings.value("reminders/enabled", False, type=bool)),
            every=timedelta(minutes=max(self._int("reminders/minutes", 15), 1)),
            weekdays=frozenset(
                "1234567".index(d)
                for d in days.replace(" ", "").split(",")
                if len(d) == 1 and d in "1234567"
            ),
            start=self._time("reminders/from", default.start),
            end=self._time("reminders/until", default.end),
        )

    @reminders.setter
    def reminders(self, schedule: ReminderSchedule) -> None:
        self._settings.setValue("reminders/enabled", schedule.enabled)
        self._settings.setValue("reminders/minutes", int(schedule.every.total_seconds() // 60))
        days = ",".join(str(day + 1) for day in sorted(schedule.weekdays))
        self._settings.setValue("reminders/days", days)
        self._settings.setValue("reminders/from", schedule.start.strftime("%H:%M"))
        self._settings.setValue("reminders/until", schedule.end.strftime("%H:%M"))

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._settings.value(key, default)))
        except ValueError:
            return default

    def _time(self, key: str, default: time) -> time:
        try:
            return time.fromisoformat(str(self._settings.value(key, default.isoformat())))
        except ValueError:
            return default

    @property
    def close_hint_shown(self) -> bool:
        """Whether the user was told once that closing the window leaves it in the tray."""
        return bool(self._settings.value("tray/close_hint_shown", False, type=bool))

    @close_hint_shown.setter
    def close_hint_shown(self, shown: bool) -> None:
        self._settings.setValue("tray/close_hint_shown", shown)

    @property
    def report_choices(self) -> dict[str, str]:
        """The Reports window's last choices as text by key (``[reports]``: range,
        from, to, group_by, client, project, tag, billable_only, rounding), read and
        checked by ``report_choices.py``."""
        self._settings.beginGroup("reports")
        try:
            return {key: str(self._settings.value(key, "")) for key in self._settings.childKeys()}
        finally:
            self._settings.endGroup()

    @report_choices.setter
    def report_choices(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            self._settings.setValue(f"reports/{key}", value)

    @property
    def reports_geometry(self) -> QByteArray | None:
        """The Reports window's size and place when it was last closed."""
        value = self._settings.value("reports_window/geometry")
        return value if isinstance(value, QByteArray) else None

    @reports_geometry.setter
    def reports_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("reports_window/geometry", geometry)

    def sync(self) -> None:
        """Writes what was set to disk now."""
        self._settings.sync()
