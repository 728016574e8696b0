"""Every setting the window saves (``window.ini`` in the data folder), typed, in one place.

The keys are the file's format: an older file keeps working, and a value that cannot be
read falls back to its default instead of failing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QByteArray, QSettings

from tracker_desktop.core.periods import PeriodKind

DEFAULT_GAP_MINUTES = 30


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
