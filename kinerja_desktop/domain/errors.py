"""Error types shared by every layer.

Every error carries a user-facing message in Bahasa Indonesia; ``str(error)`` is exactly
that message. ``describe()`` adds the location (row/field) for import reports and forms.
"""

from __future__ import annotations

__all__ = [
    "ConflictError",
    "FrozenError",
    "KinerjaError",
    "NipError",
    "NotFound",
    "PermissionDenied",
    "StorageError",
    "ValidationError",
]


class KinerjaError(Exception):
    """Base class of all expected (user-facing) errors.

    Attributes:
        message: Indonesian message shown to the user.
        code: optional machine-readable code (e.g. ``"nip.length"``).
        field: optional field/column name the error refers to.
        row: optional 1-based row number (imports, tables).
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        row: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.row = row

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        extras = "".join(
            f", {name}={value!r}"
            for name, value in (("code", self.code), ("field", self.field), ("row", self.row))
            if value is not None
        )
        return f"{type(self).__name__}({self.message!r}{extras})"

    def location(self) -> str:
        """The location prefix, e.g. ``"Baris 3, kolom NIP"``; empty when unknown."""
        parts: list[str] = []
        if self.row is not None:
            parts.append(f"Baris {self.row}")
        if self.field:
            parts.append(f"kolom {self.field}")
        return ", ".join(parts)

    def describe(self) -> str:
        """The message prefixed with its location, e.g. ``"Baris 3, kolom NIP: ..."``."""
        where = self.location()
        return f"{where}: {self.message}" if where else self.message

    def with_location(self, *, field: str | None = None, row: int | None = None) -> KinerjaError:
        """Fill in a missing field/row (e.g. when an importer catches a parse error); returns self."""
        if field is not None and self.field is None:
            self.field = field
        if row is not None and self.row is None:
            self.row = row
        return self


class ValidationError(KinerjaError):
    """Input that breaks a rule (format, range, consistency)."""


class PermissionDenied(KinerjaError):
    """The actor may not perform the action."""


class NotFound(KinerjaError):
    """A requested record does not exist (or is deleted)."""


class ConflictError(KinerjaError):
    """Concurrent or inconsistent change (e.g. a sync conflict, a duplicate)."""


class FrozenError(KinerjaError):
    """The record is signed/finalised and may no longer change."""


class NipError(ValidationError):
    """An NIP / NI PPPK that is not well-formed; the message names the position."""


class StorageError(KinerjaError):
    """The database or the disk under it cannot do what was asked (read-only, locked, full, unreadable).

    The message is one sentence saying what to do; it never carries SQL or stored values.
    """
