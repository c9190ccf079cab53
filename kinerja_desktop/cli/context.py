"""Shared state of one `kinerja` invocation: database, signed-in user, output, progress."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError

if TYPE_CHECKING:
    from kinerja_desktop.services.common import CurrentUser
    from kinerja_desktop.store.db import Database


class Progress:
    """A one-line progress bar on a terminal; silent in a pipe or with --json."""

    def __init__(self, total: int, label: str, stream: TextIO, enabled: bool) -> None:
        self.total, self.label, self.stream, self.enabled = max(total, 0), label, stream, enabled
        self.done = 0
        self._started = time.monotonic()
        self._last = 0.0

    def update(self, n: int = 1, *, total: int | None = None) -> None:
        self.done += n
        if total is not None:
            self.total = total
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.1 or self.done >= self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        frac = self.done / self.total if self.total else 0.0
        bar = "#" * int(frac * width)
        elapsed = now - self._started
        eta = f" sisa ~{elapsed / frac - elapsed:.0f} dtk" if 0 < frac < 1 else ""
        self.stream.write(f"\r{self.label} [{bar:<{width}}] {self.done}/{self.total}{eta}   ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


class CliContext:
    """Lazily opens the database and signs the user in, so light commands stay fast."""

    def __init__(self, args: argparse.Namespace, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.args = args
        self.json = bool(getattr(args, "json", False))
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._db: Database | None = None
        self._user: CurrentUser | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from kinerja_desktop.store.db import open_database

            self._db = open_database(getattr(self.args, "db", None))
        return self._db

    @property
    def user(self) -> CurrentUser:
        """The signed-in user: --user with KINERJA_PASSWORD or a prompt."""
        if self._user is None:
            from kinerja_desktop.services.auth_service import authenticate

            name = getattr(self.args, "user", None) or os.environ.get("KINERJA_USER")
            if not name:
                raise PermissionDenied("Perintah ini memerlukan --user NAMA (kata sandi dari KINERJA_PASSWORD).")
            password = os.environ.get("KINERJA_PASSWORD")
            if password is None:
                if not sys.stdin.isatty():
                    raise PermissionDenied("Kata sandi tidak diberikan: setel KINERJA_PASSWORD.")
                password = getpass.getpass(f"Kata sandi {name}: ")
            user = authenticate(self.db, name, password)
            if user.must_change_password and getattr(self.args, "func", None).__name__ != "cmd_account_password":
                raise PermissionDenied(
                    f"Kata sandi akun {user.username} harus diganti dulu (terlalu pendek, memuat nama pengguna atau "
                    f"NIP, atau terlalu umum): kinerja --user {user.username} akun sandi")
            self._user = user
        return self._user

    def employee_id(self, nip: str | None) -> str:
        """The employee with this NIP (spaces ignored); without one, the signed-in user's own."""
        if not nip:
            if not self.user.employee_id:
                raise ValidationError("Akun ini tidak terhubung dengan pegawai; beri --nip.", field="nip")
            return self.user.employee_id
        from sqlalchemy import select

        from kinerja_desktop.store.models import Employee

        clean = "".join(nip.split())
        with self.db.reader() as s:
            eid = s.scalars(select(Employee.id).where(Employee.nip == clean, Employee.deleted.is_(False))).first()
        if eid is None:
            raise ValidationError(f"NIP {clean} tidak ada di daftar pegawai.", field="nip")
        return str(eid)

    def out(self, data: Any, text: str | None = None) -> None:
        """Print ``data`` as JSON with --json, otherwise ``text`` (or str(data))."""
        if self.json:
            json.dump(data, self.stdout, ensure_ascii=False, indent=1, default=str)
            self.stdout.write("\n")
        else:
            self.stdout.write((text if text is not None else str(data)) + "\n")

    def error(self, message: str) -> None:
        if self.json:
            json.dump({"error": message}, self.stdout, ensure_ascii=False)
            self.stdout.write("\n")
        self.stderr.write(f"kinerja: {message}\n")

    @contextmanager
    def progress(self, total: int, label: str) -> Iterator[Progress]:
        bar = Progress(total, label, self.stderr, enabled=self.stderr.isatty() and not self.json)
        try:
            yield bar
        finally:
            bar.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
