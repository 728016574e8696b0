"""One error hierarchy for everything the core refuses or cannot do.

The CLI maps each class to an exit code, the window to a message; anything else that
escapes is a bug.
"""


class TrackerError(Exception):
    """Base of every expected failure; ``str(error)`` is a one-line message for users."""

    exit_code = 1


class NotFoundError(TrackerError):
    """Nothing to act on: no running session, an unknown id."""

    exit_code = 1


class ConflictError(TrackerError):
    """The change clashes with what is stored now (changed elsewhere, another running)."""

    exit_code = 1


class InvalidInputError(TrackerError):
    """The user gave something the rules refuse; the message says which input and why.

    ``field`` names the refused input ("name", "start", "end") so a form can mark it.
    """

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class StorageError(TrackerError):
    """The database file cannot be used; the message names the file and what to do.

    ``damaged`` marks a file that is not a usable database at all (corrupt, foreign,
    cut short), for which restoring a backup or starting afresh are the remedies, as
    opposed to a locked, read-only or full disk, which a backup would not fix.
    """

    exit_code = 3

    def __init__(self, message: str, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged
