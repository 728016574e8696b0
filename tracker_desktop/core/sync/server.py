"""Everything said to the PostgreSQL sync server, in one module: its schema (tables,
roles, row-level security) with its own version, and the statements of a sync.

The only PostgreSQL text of the product (the test that keeps SQL in the storage modules
knows this exception). The server keeps, per user (``owner``, the login role), the same
rows as every local file: clients, projects, tags and sessions by their global ``uid``,
with a ``deleted`` flag for rows deleted anywhere (tombstones, never removed) and
``changed``, the id of the transaction that last wrote the row: the server's own order,
from which pulls take what is new (never a device's clock).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

SCHEMA = "tracker"
USER_ROLE = "tracker_user"
MANAGER_ROLE = "tracker_manager"

# The synced columns of each server table, in the order of the local bits
# (``models.SYNCED_FIELDS``), with their types.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "client": (
        ("name", "text"),
        ("rate", "text"),
        ("currency", "text"),
        ("archived", "boolean"),
        ("created_at", "timestamptz"),
    ),
    "project": (
        ("name", "text"),
        ("client", "text"),  # the client's uid
        ("color", "text"),
        ("rate", "text"),
        ("billable", "boolean"),
        ("archived", "boolean"),
        ("created_at", "timestamptz"),
    ),
    "tag": (("name", "text"), ("created_at", "timestamptz")),
    "session": (
        ("name", "text"),
        ("started_at", "timestamptz"),
        ("ended_at", "timestamptz"),
        ("project", "text"),  # the project's uid
        ("billable", "boolean"),
        ("created_at", "timestamptz"),
        ("tags", "text[]"),  # the tags' uids, sorted
    ),
}
TABLES = tuple(COLUMNS)


def _table(table: str) -> str:
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS[table])
    extra = ", auto_end timestamptz" if table == "session" else ""
    return f"""CREATE TABLE {SCHEMA}.{table} (
        owner name NOT NULL DEFAULT current_user,
        uid text NOT NULL,
        {columns}{extra},
        deleted boolean NOT NULL DEFAULT false,
        changed xid8 NOT NULL DEFAULT pg_current_xact_id(),
        PRIMARY KEY (owner, uid))"""


def _policies(table: str) -> tuple[str, ...]:
    """Forced row-level security: a user reads and writes only rows it owns; a manager
    also reads everyone's. Forced: it binds the tables' owner too."""
    own = "owner = current_user"
    qualified = f"{SCHEMA}.{table}"
    return (
        f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {qualified} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY {table}_read ON {qualified} FOR SELECT "
        f"USING ({own} OR pg_has_role(current_user, '{MANAGER_ROLE}', 'member'))",
        f"CREATE POLICY {table}_insert ON {qualified} FOR INSERT WITH CHECK ({own})",
        f"CREATE POLICY {table}_update ON {qualified} FOR UPDATE USING ({own}) WITH CHECK ({own})",
        f"CREATE POLICY {table}_delete ON {qualified} FOR DELETE USING ({own})",
        f"CREATE INDEX {table}_changed ON {qualified} (owner, changed)",
        f"CREATE TRIGGER {table}_changed BEFORE UPDATE ON {qualified} "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.mark_changed()",
        f"GRANT SELECT, INSERT, UPDATE ON {qualified} TO {USER_ROLE}",
    )


# Server schema version 1. Steps are frozen like the local migrations: a later version
# adds a step, never edits one.
SERVER_V1: tuple[str, ...] = (
    f"""CREATE FUNCTION {SCHEMA}.mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.changed := pg_current_xact_id(); RETURN NEW; END $$""",
    *(statement for table in TABLES for statement in (_table(table), *_policies(table))),
    f"ALTER TABLE {SCHEMA}.meta ENABLE ROW LEVEL SECURITY",
    f"ALTER TABLE {SCHEMA}.meta FORCE ROW LEVEL SECURITY",
    f"CREATE POLICY meta_read ON {SCHEMA}.meta FOR SELECT USING (true)",
    f"GRANT SELECT ON {SCHEMA}.meta TO {USER_ROLE}",
)
# Server schema version 2: the meta table's row-level security no longer binds its owner
# (users may only read it anyway), so an administrator who owns the database without
# being a superuser (managed PostgreSQL) can record the version. And a database is no
# longer open to every login of the cluster: CONNECT is taken from PUBLIC and given to
# each user by add-user (the users who already have rows here keep it).
_OWNERS = " UNION ".join(f"SELECT owner FROM {SCHEMA}.{table}" for table in TABLES)
SERVER_V2: tuple[str, ...] = (
    f"ALTER TABLE {SCHEMA}.meta NO FORCE ROW LEVEL SECURITY",
    f"""DO $$ DECLARE who name; BEGIN
        EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
        FOR who IN {_OWNERS} LOOP
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = who) THEN
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), who);
            END IF;
        END LOOP;
    END $$""",
)
SERVER_MIGRATIONS: tuple[tuple[str, ...], ...] = (SERVER_V1, SERVER_V2)
SERVER_VERSION = len(SERVER_MIGRATIONS)

_ROLES = f"""DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{USER_ROLE}') THEN
        CREATE ROLE {USER_ROLE} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{MANAGER_ROLE}') THEN
        CREATE ROLE {MANAGER_ROLE} NOLOGIN IN ROLE {USER_ROLE};
    END IF;
END $$"""


def init(connection: psycopg.Connection[Any]) -> tuple[int, int]:
    """Prepares (or migrates) the database: returns the schema version before and after.
    Idempotent; two at once wait for each other (an advisory lock)."""
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(hashtext('tracker server init'))")
        connection.execute(_ROLES)
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        connection.execute(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {USER_ROLE}")
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {SCHEMA}.meta (key text PRIMARY KEY, value text NOT NULL)"
        )
        row = connection.execute(
            f"SELECT value FROM {SCHEMA}.meta WHERE key = 'version'"
        ).fetchone()
        before = int(row[0]) if row else 0
        for step in SERVER_MIGRATIONS[before:]:
            for statement in step:
                connection.execute(statement)
        connection.execute(
            f"INSERT INTO {SCHEMA}.meta (key, value) VALUES ('version', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(max(before, SERVER_VERSION)),),
        )
    return before, max(before, SERVER_VERSION)


def add_user(
    connection: psycopg.Connection[Any], name: str, password: str | None, *, manager: bool
) -> bool:
    """Creates the login role ``name`` in ``tracker_user`` (and ``tracker_manager`` for a
    manager), or updates a role that is already a tracker user: its password where one is
    given, its manager membership to match ``manager``. True if it was new.

    Any other existing role (the administrator, a superuser, the two group roles, an
    application's own role) is refused untouched: add-user must never take one over.
    The password travels as a SCRAM hash made here, never as text a server log could
    keep."""
    from psycopg import sql

    from tracker_desktop.core.errors import InvalidInputError

    if name in (USER_ROLE, MANAGER_ROLE):
        raise InvalidInputError(f"{name} is the group role of sync users, not a person")
    role = sql.Identifier(name)
    with connection.transaction():
        found = connection.execute(
            "SELECT r.rolsuper OR r.rolbypassrls, EXISTS (SELECT FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid AND g.rolname = %s), "
            "pg_has_role(r.oid, %s, 'member'), "
            "has_database_privilege(r.oid, current_database(), 'CONNECT') "
            "FROM pg_roles r WHERE r.rolname = %s",
            (USER_ROLE, MANAGER_ROLE, name),
        ).fetchone()
        if found is not None and (found[0] or not found[1]):
            raise InvalidInputError(
                f"the role {name} already exists and is not a sync user; add-user leaves it "
                "alone (choose another name)"
            )
        if found is not None and not found[3] and found[2] != manager:
            # The group roles are the cluster's: this would change what they are in the
            # other database they sync with.
            was = "a manager" if found[2] else "not a manager"
            raise InvalidInputError(
                f"{name} syncs with another database of this server as {was}; the roles are "
                "shared by the server's databases, so add them here as the same"
            )
        if found is None and password is None:
            raise InvalidInputError(f"{name} is a new user: give their password", field="password")
        secret = None
        if password is not None:
            hashed = connection.pgconn.encrypt_password(
                password.encode(), name.encode(), b"scram-sha-256"
            )
            secret = sql.SQL(" PASSWORD {}").format(sql.Literal(hashed.decode()))
        verb = sql.SQL("ALTER" if found else "CREATE")
        connection.execute(sql.SQL("{} ROLE {} LOGIN{}").format(verb, role, secret or sql.SQL("")))
        connection.execute(sql.SQL("GRANT " + USER_ROLE + " TO {}").format(role))
        # The roles are the cluster's, so this database lets in only its own users.
        connection.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(connection.info.dbname), role
            )
        )
        change = f"GRANT {MANAGER_ROLE} TO {{}}" if manager else f"REVOKE {MANAGER_ROLE} FROM {{}}"
        connection.execute(sql.SQL(change).format(role))
    return found is None


def server_version(connection: psycopg.Connection[Any]) -> int | None:
    """The server schema's version, None where ``server init`` was never run."""
    row = connection.execute("SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.meta",)).fetchone()
    if not row or not row[0]:
        return None
    found = connection.execute(f"SELECT value FROM {SCHEMA}.meta WHERE key = 'version'").fetchone()
    return int(found[0]) if found else None


def check(connection: psycopg.Connection[Any]) -> tuple[int | None, bool, bool]:
    """In one round trip: the server schema's version (None where ``server init`` was
    never run); whether the connected role is a superuser or bypasses row-level security
    (sync refuses to run as one: it would see and change everyone's rows); whether it
    may sync (a member of ``tracker_user``)."""
    row = connection.execute(
        f"""SELECT
            to_regclass('{SCHEMA}.meta') IS NOT NULL,
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user),
            CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = '{USER_ROLE}')
                 THEN pg_has_role(current_user, '{USER_ROLE}', 'member') END"""
    ).fetchone()
    assert row is not None
    version = server_version(connection) if row[0] else None
    return version, bool(row[1]), bool(row[2])


# -- push -----------------------------------------------------------------------------------


def lock_owner(connection: psycopg.Connection[Any]) -> str:
    """Serialises this user's pushes (held until the transaction ends); returns the
    transaction's id (the ``changed`` of every row it writes)."""
    connection.execute(
        "SELECT pg_advisory_xact_lock(hashtext('tracker push'), hashtext(current_user))"
    )
    row = connection.execute("SELECT pg_current_xact_id()::text").fetchone()
    assert row is not None
    return str(row[0])


def upsert(
    connection: psycopg.Connection[Any],
    table: str,
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    whole: bool,
) -> None:
    """Writes ``rows`` (uid, then every synced column) to ``table``: a row the server does
    not have is added whole; one it has gets only ``fields`` (the columns changed here).
    ``whole``: the row was made (or brought back) here, so it is written whole even over
    a tombstone; otherwise a deleted row stays deleted (a delete wins over an edit)."""
    columns = [name for name, _ in COLUMNS[table]]
    target = f"{SCHEMA}.{table}"
    sets = []
    for name in fields:
        if table == "session" and name == "ended_at":
            # A session the server stopped (two were running) ends there at the latest:
            # a stop pushed later from a stale machine cannot add hours to it.
            sets.append(
                f"ended_at = CASE WHEN {target}.auto_end IS NULL THEN excluded.ended_at "
                f"ELSE least(coalesce(excluded.ended_at, {target}.auto_end), {target}.auto_end) END"
            )
        else:
            sets.append(f"{name} = excluded.{name}")
    if whole:
        sets.append("deleted = false")
    if not sets:
        return
    statement = (
        f"INSERT INTO {target} (uid, {', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * (len(columns) + 1))}) "
        f"ON CONFLICT (owner, uid) DO UPDATE SET {', '.join(sets)}"
        + ("" if whole else f" WHERE NOT {target}.deleted")
    )
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)


def copy_new(
    connection: psycopg.Connection[Any], table: str, rows: Sequence[Sequence[Any]]
) -> list[Sequence[Any]]:
    """Adds the rows that the server does not have yet (a first sync's hundred thousand
    sessions: COPY into a temporary table, which row-level security allows, then one
    INSERT); returns the rows it already had."""
    if not rows:
        return []
    columns = ", ".join(name for name, _ in COLUMNS[table])
    types = ", ".join(f"{name} {kind}" for name, kind in COLUMNS[table])
    connection.execute(f"CREATE TEMPORARY TABLE incoming (uid text, {types}) ON COMMIT DROP")
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY incoming (uid, {columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
    added = {
        row[0]
        for row in connection.execute(
            f"INSERT INTO {SCHEMA}.{table} (uid, {columns}) SELECT uid, {columns} FROM incoming "
            "ON CONFLICT (owner, uid) DO NOTHING RETURNING uid"
        )
    }
    connection.execute("DROP TABLE incoming")
    return [row for row in rows if row[0] not in added]


def delete(connection: psycopg.Connection[Any], table: str, uids: Sequence[str]) -> None:
    """Marks the rows ``uids`` deleted (tombstones: every machine learns of the delete)."""
    if uids:
        connection.execute(
            f"UPDATE {SCHEMA}.{table} SET deleted = true "
            "WHERE owner = current_user AND uid = ANY(%s) AND NOT deleted",
            (list(uids),),
        )


def running_sessions(connection: psycopg.Connection[Any]) -> list[tuple[str, str, Any]]:
    """This user's running sessions (uid, name, start), the latest-started first."""
    rows = connection.execute(
        f"SELECT uid, name, started_at FROM {SCHEMA}.session "
        "WHERE owner = current_user AND ended_at IS NULL AND NOT deleted "
        "ORDER BY started_at DESC, uid DESC"
    ).fetchall()
    return [(str(r[0]), str(r[1]), r[2]) for r in rows]


def stop_session(connection: psycopg.Connection[Any], uid: str, at: Any) -> None:
    """Stops the running session ``uid`` at ``at`` (never before its start), remembering
    that the server stopped it there."""
    connection.execute(
        f"UPDATE {SCHEMA}.session SET ended_at = greatest(started_at, %s), "
        "auto_end = greatest(started_at, %s) WHERE owner = current_user AND uid = %s",
        (at, at, uid),
    )


# -- pull -----------------------------------------------------------------------------------


def pull_cursor(connection: psycopg.Connection[Any]) -> str:
    """The new pull cursor: the oldest transaction still running (every one before it
    has finished, so a row changed by a transaction that commits late is never skipped)."""
    row = connection.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()
    assert row is not None
    return str(row[0])


def identity(connection: psycopg.Connection[Any]) -> str:
    """What tells this server's database apart from any other (a restore into a new
    cluster, a database dropped and made again): the cluster's system identifier where
    this role may read it, and the database's oid. Outside a transaction."""
    import psycopg

    found = connection.execute(
        "SELECT oid::text FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    database = str(found[0]) if found else ""
    try:
        row = connection.execute("SELECT system_identifier::text FROM pg_control_system()")
        system = row.fetchone()
    except psycopg.errors.InsufficientPrivilege:
        system = None
    return f"{system[0] if system else ''}.{database}"


def changed_rows(
    connection: psycopg.Connection[Any], table: str, since: str, until: str
) -> Iterator[tuple[Any, ...]]:
    """This user's rows of ``table`` written by transactions in ``[since, until)``:
    (uid, every synced column, deleted, changed)."""
    columns = ", ".join(name for name, _ in COLUMNS[table])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT uid, {columns}, deleted, changed::text FROM {SCHEMA}.{table} "
            "WHERE owner = current_user AND changed >= %s::xid8 AND changed < %s::xid8",
            (since, until),
        )
        yield from cursor
