"""Who is acting (no database imports: the start-up path builds it before SQLAlchemy loads)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja_desktop.domain.permissions import Actor

__all__ = ["CurrentUser"]


@dataclass(frozen=True)
class CurrentUser:
    """Who is acting: the account and the domain actor used for permission checks."""

    username: str
    actor: Actor
    display_name: str = ""
    #: The password this account signed in with does not meet the policy (outside demo offices):
    #: it must be changed before anything else is done.
    must_change_password: bool = field(default=False, compare=False)

    @property
    def employee_id(self) -> str | None:
        return self.actor.employee_id

    @property
    def is_admin(self) -> bool:
        return self.actor.is_admin

    def role_label(self) -> str:
        return "ADMIN" if self.is_admin else "PEGAWAI"
