"""The Qt-free heart of Tracker Desktop: storage, time rules, periods and the service.

Nothing in this package may import PySide6; the command line runs on it alone.
"""

import sys

# peewee imports psycopg, when installed, for a PostgreSQL support this product does not
# use (sync talks to its server through psycopg itself, imported only when it syncs).
# That import would cost every command and the window's first paint tens of
# milliseconds: peewee is imported here with psycopg hidden from it.
if "peewee" not in sys.modules and "psycopg" not in sys.modules:
    sys.modules["psycopg"] = None  # type: ignore[assignment]
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]
