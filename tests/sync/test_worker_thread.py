"""The window syncs on a worker thread with its own Tracker (its own Storage on the same
folder) while the GUI thread keeps writing: neither's queries reach the other's file
connection, and nothing is lost."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from tests.sync.helpers import sessions
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_storage
from tracker_desktop.core.sync import SyncResult, sync_now

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_a_sync_on_a_worker_thread_while_this_thread_writes(machines, user) -> None:
    window = machines.new(user)
    results: list[SyncResult] = []
    errors: list[BaseException] = []
    writing = threading.Event()
    done = threading.Event()

    def worker() -> None:
        storage = open_storage(window.storage.data_dir)
        try:
            background = Tracker(storage, window.clock, window.zone)
            writing.wait(timeout=60)
            while not done.is_set():
                results.append(sync_now(background))
            results.append(sync_now(background))
        except BaseException as error:
            errors.append(error)
        finally:
            storage.close()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        for index in range(60):
            window.add(f"Written while syncing {index}", T0 - timedelta(minutes=100 - index),
                       T0 - timedelta(minutes=99 - index))  # fmt: skip
            writing.set()
    finally:
        done.set()
        thread.join(timeout=120)
    assert errors == []
    assert sum(result.pushed for result in results) >= 60
    other = machines.new(user)
    sync_now(other)
    assert sessions(other) == sessions(window)
    assert len(sessions(other)) == 60
