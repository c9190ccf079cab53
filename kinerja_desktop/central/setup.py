"""Setting up the central office's PostgreSQL database (``kinerja central init``).

One call, safe to repeat: it reaches the server (and says in Indonesian what is wrong when it
cannot), creates the database when it does not exist yet, creates or upgrades the schema through
the same Alembic migrations as every PC, creates the first admin account on a fresh database,
makes or pins the instansi's root key, and reports what it checked: server version, encoding,
schema revision, the root key's fingerprint and the backup command to schedule.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.store import signing
from kinerja_desktop.store.db import Database, head_revision, open_database

__all__ = ["CentralSetup", "CentralSetupError", "backup_command", "ensure_database", "init_central", "server_facts"]

#: The database a server always has, to connect to while creating ours.
MAINTENANCE_DB = "postgres"
_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,62}$")


class CentralSetupError(KinerjaError):
    """The server cannot be reached, or refuses what the set-up needs."""


@dataclass
class CentralSetup:
    """What ``central init`` found and did."""

    database: str  # the URL without its password
    server_version: str = ""
    encoding: str = ""
    created: bool = False
    schema: str = ""
    admin_created: str | None = None
    root_fingerprint: str | None = None
    holds_root: bool = False
    root_created: bool = False
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _postgres_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001  (sqlalchemy raises ArgumentError and ValueError alike)
        raise ValidationError("Alamat basis data tidak dapat dibaca. Contoh: "
                              "postgresql+psycopg://kinerja@127.0.0.1/kinerja", field="--db") from None
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError("Kantor pusat memakai PostgreSQL: berikan alamat seperti "
                              "postgresql+psycopg://kinerja@127.0.0.1/kinerja (bukan berkas SQLite).", field="--db")
    if not parsed.database:
        raise ValidationError("Alamat basis data belum menyebut nama database (…/kinerja).", field="--db")
    if not _DB_NAME.match(parsed.database):
        raise ValidationError(f"Nama database “{parsed.database}” tidak sah: huruf, angka, garis bawah atau tanda "
                              "hubung, diawali huruf, paling panjang 63.", field="--db")
    if parsed.drivername == "postgresql":  # the driver the package ships with (the `postgres` extra)
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _where(url: URL) -> str:
    return f"{url.host or 'soket lokal'}:{url.port or 5432}"


def _explain(exc: BaseException, url: URL) -> CentralSetupError:
    """One Indonesian sentence for a connection or permission failure (never the SQL or a password)."""
    raw = str(getattr(exc, "orig", None) or exc).lower()
    user = url.username or "(pengguna sistem)"
    if "password authentication failed" in raw or "no password supplied" in raw:
        why = (f"nama pengguna {user} atau kata sandinya ditolak server. Periksa pengguna PostgreSQL dan kata "
               "sandinya (atau berkas ~/.pgpass).")
    elif "no pg_hba.conf entry" in raw:
        why = ("server tidak mengizinkan sambungan dari komputer ini: tambahkan baris untuk alamat ini di "
               "pg_hba.conf, lalu muat ulang PostgreSQL.")
    elif "permission denied to create database" in raw:
        why = (f"pengguna {user} tidak berhak membuat database. Buat sekali sebagai admin server: "
               f"sudo -u postgres createdb -O {user} {url.database}")
    elif "does not exist" in raw and "role" in raw:
        why = (f"pengguna {user} belum ada di server. Buat sekali sebagai admin server: "
               f"sudo -u postgres createuser --pwprompt {user}")
    elif "connection refused" in raw or "could not connect" in raw or "connection failed" in raw:
        why = "server tidak menjawab (PostgreSQL belum berjalan, alamat atau port salah, atau diblokir firewall)."
    elif "timeout" in raw or "timed out" in raw:
        why = "server tidak menjawab dalam waktu yang wajar (jaringan atau firewall)."
    else:
        why = "server menolak permintaan. Lihat log PostgreSQL di server untuk rinciannya."
    return CentralSetupError(f"PostgreSQL di {_where(url)}: {why}", code="central.connect")


def _engine(url: URL):  # type: ignore[no-untyped-def]
    return create_engine(url, isolation_level="AUTOCOMMIT", hide_parameters=True,
                         connect_args={"connect_timeout": 10})


def ensure_database(url: str) -> bool:
    """Create the database named in ``url`` when the server does not have it yet; True when created."""
    target = _postgres_url(url)
    engine = _engine(target.set(database=MAINTENANCE_DB))
    try:
        with engine.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                  {"n": target.database}).scalar()
            if exists:
                return False
            # The name was checked against _DB_NAME; identifiers cannot be bound parameters.
            conn.exec_driver_sql(f"CREATE DATABASE \"{target.database}\" ENCODING 'UTF8' TEMPLATE template0")
            return True
    except (OperationalError, DBAPIError) as exc:
        raise _explain(exc, target) from None
    finally:
        engine.dispose()


def server_facts(url: str) -> tuple[str, str]:
    """(server version, database encoding) of the database at ``url``; a clear error when unreachable."""
    target = _postgres_url(url)
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            version = str(conn.exec_driver_sql("SHOW server_version").scalar() or "")
            encoding = str(conn.exec_driver_sql("SHOW server_encoding").scalar() or "")
            return version, encoding
    except (OperationalError, DBAPIError) as exc:
        raise _explain(exc, target) from None
    finally:
        engine.dispose()


def backup_command(url: str) -> str:
    """The pg_dump line an administrator schedules (custom format, restorable with pg_restore)."""
    target = _postgres_url(url)
    parts = ["pg_dump", "-Fc"]
    if target.host:
        parts += ["-h", target.host]
    if target.port:
        parts += ["-p", str(target.port)]
    if target.username:
        parts += ["-U", target.username]
    parts += ["-f", f"/var/backups/kinerja/{target.database}-$(date +%F).dump", str(target.database)]
    return " ".join(parts)


def init_central(url: str, *, admin: tuple[str, str] | None = None, root_passphrase: str | None = None,
                 root_public: str | None = None, replace_root: bool = False,
                 login: tuple[str, str] | None = None) -> tuple[CentralSetup, Database]:
    """Prepare the central database at ``url`` (see the module docstring); returns the report and the open database.

    ``admin`` (name, password) creates the first admin account of a database without accounts;
    ``root_passphrase`` makes the instansi's root key here (by that admin, or the admin of ``login``);
    ``root_public`` pins a root key made elsewhere (hex, from an enrolment file) instead.
    """
    from kinerja_desktop.services import trust_service
    from kinerja_desktop.services.auth_service import authenticate, create_first_admin, has_accounts

    target = _postgres_url(url)
    shown = target.render_as_string(hide_password=True)
    if root_passphrase is not None and root_public is not None:
        raise ValidationError("Pilih salah satu: buat kunci akar baru di sini, atau percayai kunci akar dari berkas "
                              "pendaftaran.", field="--akar-baru")
    report = CentralSetup(database=shown)
    report.created = ensure_database(url)
    report.server_version, report.encoding = server_facts(url)
    if report.encoding.upper() not in ("UTF8", "UTF-8"):
        report.notes.append(f"Encoding database {report.encoding}, bukan UTF8: nama dan teks berhuruf khusus bisa "
                            "rusak. Buat ulang database dengan ENCODING 'UTF8'.")
    try:
        db = open_database(target.render_as_string(hide_password=False))
    except (OperationalError, DBAPIError) as exc:
        raise _explain(exc, target) from None
    try:
        with db.engine.connect() as conn:
            report.schema = str(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or "")
        if report.schema != head_revision():
            raise CentralSetupError(f"Skema database {report.schema}, seharusnya {head_revision()}.")
        user = authenticate(db, *login) if login is not None else None
        if admin is not None:
            if has_accounts(db):
                report.notes.append(f"Akun admin tidak dibuat: database sudah memiliki akun (masuk dengan "
                                    f"--user untuk mengelolanya).")
            else:
                user = create_first_admin(db, admin[0], admin[1])
                report.admin_created = user.username
        if root_passphrase is not None:
            if trust_service.has_root_key(db):
                report.notes.append("Kunci akar tidak dibuat: database ini sudah memegangnya.")
            else:
                if user is None:
                    raise ValidationError("Membuat kunci akar memerlukan admin: sebutkan --admin (database baru) "
                                          "atau --user.", field="--akar-baru")
                trust_service.create_root_key(db, user, root_passphrase)
                report.root_created = True
        elif root_public is not None:
            try:
                trust_service.pin_root(db, root_public, replace=replace_root)
            except ValueError:
                raise ValidationError("Berkas pendaftaran tidak memuat kunci akar yang sah.") from None
        pinned = trust_service.pinned_root(db)
        report.root_fingerprint = signing.fingerprint(pinned) if pinned else None
        report.holds_root = trust_service.has_root_key(db)
        if pinned is None:
            report.notes.append("Belum ada kunci akar instansi: buat dengan --akar-baru (sekali per instansi) atau "
                                "percayai yang sudah ada dengan --daftar BERKAS.")
        if not has_accounts(db):
            report.notes.append("Belum ada akun: jalankan lagi dengan --admin NAMA untuk membuat admin pertama.")
    except BaseException:
        db.dispose()
        raise
    return report, db
