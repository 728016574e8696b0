"""The Qt-free heart of Tracker Desktop: storage, time rules, periods and the service.

Nothing in this package may import PySide6; the command line runs on it alone.
"""

import sys


def _import_peewee_without_postgresql() -> None:
    """Imports peewee with its PostgreSQL drivers hidden. peewee imports psycopg at its own
    import when it is installed (about 120 ms, more than the rest of a command's start);
    the local store is SQLite, and sync talks to its server through psycopg itself.
    (So peewee's own PostgreSQL classes cannot connect in this process: do not use them.)"""
    if "peewee" in sys.modules:
        return
    drivers = ("psycopg", "psycopg2", "psycopg2cffi")
    hidden = [name for name in drivers if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, "") is None:
                del sys.modules[name]


_import_peewee_without_postgresql()
