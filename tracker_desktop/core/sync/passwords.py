"""Where the sync password is kept: the system keyring (Secret Service, Windows
Credential Locker, macOS Keychain, through the ``keyring`` package), never a file of
ours. Without a keyring, libpq's own ~/.pgpass is the place, which the user fills."""

from __future__ import annotations

from typing import Any

from tracker_desktop.core.sync import KeyringUnavailable

SERVICE = "tracker-desktop sync"


def _key(server: str, user: str) -> tuple[str, str]:
    """The keyring entry of ``user`` on ``server`` (the URL without password)."""
    return f"{SERVICE} {server}", user


def _keyring() -> Any:
    """The usable keyring, or KeyringUnavailable saying what to do instead."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise KeyringUnavailable(
            "no system keyring is available to keep the password; put it in libpq's "
            "password file instead (~/.pgpass, one line host:port:database:user:password, "
            "mode 0600) and run the command again without a password"
        )
    return keyring


def stored_password(server: str, user: str) -> str | None:
    """The password kept for ``user`` on ``server``, if any."""
    from keyring.errors import KeyringError

    ring = _keyring()
    try:
        password: str | None = ring.get_password(*_key(server, user))
    except KeyringError as error:
        raise KeyringUnavailable(f"the system keyring cannot be read: {error}") from error
    return password


def store_password(server: str, user: str, password: str) -> None:
    from keyring.errors import KeyringError

    ring = _keyring()
    try:
        ring.set_password(*_key(server, user), password)
    except KeyringError as error:
        raise KeyringUnavailable(f"the system keyring refused the password: {error}") from error
