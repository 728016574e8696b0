"""A worker thread's transaction (the window's import) and the GUI thread's reads share
one Storage: each thread has its own connection and its own binding of the models, so
one thread ending its transaction never unbinds the other's."""

from __future__ import annotations

import threading
from datetime import timedelta

from tracker_desktop.core.models import SessionRecord
from tracker_desktop.core.service import Tracker


def test_a_worker_s_transaction_outlives_a_read_of_this_thread(tracker: Tracker) -> None:
    storage = tracker.storage
    started = tracker.now() - timedelta(hours=2)
    tracker.add("Before", started, started + timedelta(hours=1))
    inside, go_on = threading.Event(), threading.Event()
    seen: list[object] = []

    def worker() -> None:
        try:
            with storage.thread_connection(), storage.atomic():
                inside.set()
                go_on.wait()  # while this thread waits, the other ends its own read
                SessionRecord.update(name="After").execute()
                seen.append(SessionRecord.select().count())
        except Exception as error:  # the test says what went wrong, not a hang
            seen.append(error)
            inside.set()

    thread = threading.Thread(target=worker)
    with storage.snapshot():  # this thread's read began first, and ends first
        thread.start()
        inside.wait()
        assert SessionRecord.select().count() == 1
    go_on.set()
    thread.join()
    assert seen == [1]
    assert [s.name for s in tracker.sessions_between(started, tracker.now())] == ["After"]
