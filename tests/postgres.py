"""A throw-away PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder, on
a free port of 127.0.0.1, never a system cluster. As root, the server runs as the
``postgres`` user (PostgreSQL refuses to run as root)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

BIN_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
ADMIN = "postgres"
ADMIN_PASSWORD = "admin-secret"


class Server(NamedTuple):
    host: str
    port: int
    folder: Path

    def url(
        self, user: str = ADMIN, password: str | None = ADMIN_PASSWORD, db: str = "tracker"
    ) -> str:
        secret = f":{password}" if password is not None else ""
        return f"postgresql://{user}{secret}@{self.host}:{self.port}/{db}"


def _tool(name: str) -> str:
    for folder in BIN_FOLDERS:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    assert found, f"PostgreSQL's {name} is needed (Debian: apt-get install postgresql)"
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user() -> list[str]:
    """How to run the server's programs: as ``postgres`` when this is root."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    """Starts a private server (password login over TCP) and stops it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    password_file = folder / "password"
    password_file.write_text(ADMIN_PASSWORD + "\n")
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for path in (folder, sockets, password_file):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    prefix = _as_server_user()
    subprocess.run(
        [*prefix, _tool("initdb"), "-D", str(data), "-U", ADMIN, "--pwfile", str(password_file),
         "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
         "--locale=C.UTF-8"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    port = _free_port()
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*prefix, _tool("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
         "-w", "start"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server = Server("127.0.0.1", port, folder)
    try:
        create_database(server, "tracker")
        yield server
    finally:
        subprocess.run(
            [*prefix, _tool("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def admin_sql(server: Server, sql: str, db: str = "tracker") -> list[tuple[object, ...]]:
    """Runs ``sql`` as the administrator (for test set-up and checks)."""
    import psycopg

    with psycopg.connect(server.url(db=db), autocommit=True) as connection:
        cursor = connection.execute(sql)
        return list(cursor.fetchall()) if cursor.description else []


def create_database(server: Server, name: str) -> None:
    admin_sql(server, f'CREATE DATABASE "{name}"', db="postgres")


def stop(server: Server) -> None:
    """Stops the server (its data kept), as a machine whose server went away."""
    subprocess.run(
        [*_as_server_user(), _tool("pg_ctl"), "-D", str(server.folder / "data"), "-m", "fast",
         "-w", "stop"],
        check=True,
        capture_output=True,
    )  # fmt: skip


def start(server: Server) -> None:
    options = f"-p {server.port} -k {server.folder / 'sockets'} -c listen_addresses=127.0.0.1"
    subprocess.run(
        [*_as_server_user(), _tool("pg_ctl"), "-D", str(server.folder / "data"), "-o", options,
         "-l", str(server.folder / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )  # fmt: skip
