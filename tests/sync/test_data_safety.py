"""Changes that must never be lost or undone by syncing: deletes and edits arriving in one
pull, a restart pulled while a session runs here, a retry after a lost reply, setting up
again, working while sync is off (the review's reproductions, against the real server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest import mock

import psycopg
import pytest

from tests.sync.helpers import EVER, labels, sessions, sync_all
from tracker_desktop.core.catalog import Catalog
from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.models import SyncOutbox, SyncState
from tracker_desktop.core.service import Labels
from tracker_desktop.core.storage import make_backup
from tracker_desktop.core.sync import engine, incoming, local, sync_now, sync_status

T = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def test_a_tag_deleted_and_another_renamed_together_are_both_synced(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("s", T, T + timedelta(hours=1), Labels(tags=["t1", "t2"]))
    sync_all(a, b)
    catalog = Catalog(a)
    catalog.delete_tag("t1")
    catalog.rename_tag("t2", "t2b")
    sync_all(a, b)
    assert labels(b)[2] == labels(a)[2] == ["t2b"]
    assert sessions(b) == sessions(a)
    assert sessions(b)[0][4] == ("t2b",)


def test_a_project_deleted_and_another_renamed_together_are_both_synced(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    catalog = Catalog(a)
    catalog.add_project("p1")
    catalog.add_project("p2")
    sync_all(a, b)
    catalog.edit_project(catalog.find_project("p2").id, name="p2-renamed")
    catalog.delete_project(catalog.find_project("p1").id)
    sync_all(a, b)
    assert labels(b)[1] == labels(a)[1] == ["p2-renamed"]


def test_a_pulled_restart_stops_the_session_started_later_here(machines, user, db) -> None:
    b = machines.new(user)
    b.add("x", T, T + timedelta(minutes=30))
    sync_now(b)
    b.start("y", at=T + timedelta(hours=1))  # started while another machine resumed "x"
    ((uid, name, started, created),) = db.sql(
        "SELECT uid, name, started_at, created_at FROM tracker.session"
    )
    resumed = (uid, name, started, None, None, True, created, [], False, "999")
    incoming.apply(b, {"session": [resumed]}, local.cursor(b))
    found = sessions(b)
    assert [(row[0], row[2]) for row in found] == [("x", T + timedelta(hours=1)), ("y", None)]


def test_setting_up_again_with_an_ssl_option_keeps_a_rename_waiting_to_be_sent(
    machines, user, db
) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("s", T, T + timedelta(hours=1))
    sync_all(a, b)
    a.rename("renamed offline", a.sessions_between(*EVER)[0].id)
    engine.connect(a, db.url(user) + "?sslmode=disable", "secret")
    assert sync_status(a).pending_changes == 1
    sync_all(a, b)
    assert sessions(b)[0][0] == sessions(a)[0][0] == "renamed offline"
    assert "sslmode=disable" in local.settings(a)[local.SERVER]


def test_sync_off_in_one_folder_leaves_the_other_folder_syncing(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    sync_all(a, b)
    engine.disconnect(a)
    b.add("s", T, T + timedelta(hours=1))
    assert sync_now(b).pushed == 1  # the password came from the keyring as before


def test_a_password_given_in_the_url_options_is_not_stored(machines, user, db) -> None:
    a = machines.new(user, connect=False)
    engine.connect(a, db.url(user) + "?password=secret&sslmode=disable", None)
    stored = local.settings(a)[local.SERVER]
    assert "secret" not in stored
    assert "sslmode=disable" in stored
    a.add("s", T, T + timedelta(hours=1))
    assert sync_now(a).pushed == 1


def _push_with_lost_reply(tracker) -> None:
    """A sync whose push commits on the server but whose reply never arrives."""
    lost = psycopg.OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(local, "sent", side_effect=lost), pytest.raises(TrackerError):
        sync_now(tracker)


def test_a_retry_after_a_lost_reply_does_not_bring_back_a_session_deleted_elsewhere(
    machines, user
) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("s", T, T + timedelta(hours=1))
    _push_with_lost_reply(a)
    sync_now(b)
    b.delete([b.sessions_between(*EVER)[0].id])
    sync_now(b)
    sync_all(a, b)
    assert sessions(a) == sessions(b) == []


def test_a_retry_after_a_lost_reply_keeps_a_rename_made_elsewhere(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("s", T, T + timedelta(hours=1))
    _push_with_lost_reply(a)
    sync_now(b)
    b.rename("renamed on b", b.sessions_between(*EVER)[0].id)
    sync_now(b)
    sync_all(a, b)
    assert [row[0] for row in sessions(a)] == [row[0] for row in sessions(b)] == ["renamed on b"]


def test_a_retry_after_a_failed_push_still_adds_the_session(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("s", T, T + timedelta(hours=1))
    failed = psycopg.OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(engine, "_one_running", side_effect=failed), pytest.raises(TrackerError):
        sync_now(a)  # the push's transaction is rolled back on the server
    assert sync_status(a).pending_changes == 1
    sync_all(a, b)
    assert sessions(b) == sessions(a) != []


def test_an_edit_made_after_setting_up_again_before_the_first_sync_is_sent(
    machines, user, db
) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("s", T, T + timedelta(hours=1))
    sync_all(a, b)
    engine.disconnect(a)
    engine.connect(a, db.url(user), "secret")  # offers every row
    a.rename("renamed after setup", a.sessions_between(*EVER)[0].id)
    sync_all(a, b)
    assert [row[0] for row in sessions(b)] == ["renamed after setup"]
    assert sessions(a) == sessions(b)


def test_a_rename_and_a_delete_made_while_sync_is_off_are_sent_on_reconnecting(
    machines, user, db
) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("kept", T, T + timedelta(hours=1))
    a.add("deleted", T - timedelta(hours=3), T - timedelta(hours=2))
    sync_all(a, b)
    engine.disconnect(a)
    deleted, kept = a.sessions_between(*EVER)
    a.rename("renamed while off", kept.id)
    a.delete([deleted.id])
    assert not sync_status(a).configured
    engine.connect(a, db.url(user), "secret")
    sync_all(a, b)
    assert [row[0] for row in sessions(b)] == ["renamed while off"]
    assert sessions(a) == sessions(b)


def test_sessions_added_after_the_server_was_restored_elsewhere_still_arrive(
    machines, user
) -> None:
    a, b = machines.new(user), machines.new(user)
    sync_all(a, b)
    # Restored into a new cluster, the server's transaction ids are lower than the
    # cursor a kept (here: a cursor far ahead of them).
    with a.storage.atomic():
        SyncState.update(value="999999999").where(SyncState.key == local.CURSOR).execute()
    b.add("after the restore", T, T + timedelta(hours=1))
    sync_now(b)
    sync_now(a)
    assert sessions(a) == sessions(b) != []


def test_a_cursor_taken_on_another_server_starts_a_full_pull(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    b.add("before", T, T + timedelta(hours=1))
    sync_all(a, b)
    a.delete([a.sessions_between(*EVER)[0].id])  # unsynced: the full pull brings it back
    with a.storage.atomic():
        SyncOutbox.delete().execute()
        cursor = local.cursor(a).rpartition("/")[2]
        SyncState.update(value=f"another.1/{cursor}").where(SyncState.key == local.CURSOR).execute()
    sync_now(a)
    assert sessions(a) == sessions(b) != []


def test_restoring_a_backup_does_not_bring_back_a_session_deleted_elsewhere(machines, user) -> None:
    a, b = machines.new(user), machines.new(user)
    a.add("kept", T - timedelta(hours=3), T - timedelta(hours=2))
    sync_all(a, b)
    a.add("deleted on b", T, T + timedelta(hours=1))
    backup = make_backup(a.storage.data_dir, "manual")  # its outbox holds the add
    sync_all(a, b)
    b.delete([session.id for session in b.sessions_between(*EVER) if session.name != "kept"])
    sync_all(a, b)
    a.storage.restore(backup.path)
    assert [row[0] for row in sessions(a)] == ["kept", "deleted on b"]
    sync_all(a, b)
    assert [row[0] for row in sessions(a)] == [row[0] for row in sessions(b)] == ["kept"]
