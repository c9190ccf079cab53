"""The `kinerja` command line: the same services as the GUI, from a terminal.

Each command module exposes ``register(subparsers)``; the sub-parser it adds sets
``func=run`` where ``run(args, ctx) -> int`` does the work. ``ctx`` is a
:class:`~kinerja_desktop.cli.context.CliContext` that opens the database and
signs the user in lazily, so commands that need neither stay fast.

Exit codes: 0 ok; 1 a check failed or the input is invalid; 2 usage or system error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from pathlib import Path

from kinerja_desktop import __version__

# Command modules, in the order their help is listed. Append, do not reorder.
COMMAND_MODULES = [
    "kinerja_desktop.cli.admin_cmd",
    "kinerja_desktop.cli.certs_cmd",
    "kinerja_desktop.cli.sign_cmd",
    "kinerja_desktop.cli.verify_cmd",
    "kinerja_desktop.cli.roster_cmd",
    "kinerja_desktop.cli.print_cmd",
    "kinerja_desktop.cli.sync_cmd",
    "kinerja_desktop.cli.dokumen_cmd",
    "kinerja_desktop.cli.skm_cmd",
    "kinerja_desktop.cli.siasn_cmd",
    "kinerja_desktop.cli.tpp_cmd",
    "kinerja_desktop.cli.instansi_cmd",
    "kinerja_desktop.cli.backup_cmd",
    "kinerja_desktop.cli.central_cmd",
    "kinerja_desktop.cli.panduan_cmd",
    "kinerja_desktop.cli.penghargaan_cmd",
    "kinerja_desktop.cli.kompetensi_cmd",
    "kinerja_desktop.cli.pengembangan_cmd",
    "kinerja_desktop.cli.matriks_cmd",
    "kinerja_desktop.cli.harian_cmd",
    "kinerja_desktop.cli.workflow_cmd",
    "kinerja_desktop.cli.pohon_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja",
        description="Kinerja Desktop — pengelolaan kinerja pegawai ASN (PermenPAN-RB 6/2022). "
        "Tanpa perintah: membuka aplikasi desktop.",
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help="berkas SQLite atau URL SQLAlchemy (atau env KINERJA_DB)")
    parser.add_argument("--user", metavar="NAMA",
                        help="nama pengguna; kata sandi dari KINERJA_PASSWORD atau ditanyakan")
    parser.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="tampilkan versi program lalu keluar")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def quiet_dependency_warnings() -> None:
    """Hide the one dependency warning a user can do nothing about, and only that one.

    cryptography 51 deprecates DSA with a ``CryptographyDeprecationWarning`` raised when pyHanko
    (and its certificate validator) merely import the DSA key classes; Kinerja never makes or
    accepts DSA keys. Filtered by category, message and the importing module, not globally.
    """
    try:
        from cryptography.utils import CryptographyDeprecationWarning
    except ImportError:  # pragma: no cover - cryptography is a declared dependency
        return
    warnings.filterwarnings("ignore", message="DSA is deprecated", category=CryptographyDeprecationWarning,
                            module=r"pyhanko(_certvalidator)?(\.|$)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    quiet_dependency_warnings()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from kinerja_desktop.cli.gui_cmd import run_gui

        return run_gui(args)
    from kinerja_desktop.cli.context import CliContext
    from kinerja_desktop.domain.errors import KinerjaError
    from kinerja_desktop.services.error_log import file_log_during

    ctx = CliContext(args)
    with file_log_during() as log:  # the GUI's log file: <data>/log/kinerja.log
        try:
            return int(args.func(args, ctx) or 0)
        except KinerjaError as exc:
            ctx.error(str(exc))
            return 1
        except KeyboardInterrupt:
            ctx.error("Dibatalkan.")
            return 2
        except Exception as exc:  # never a traceback, SQL or stored value on the terminal
            if os.environ.get("KINERJA_DEBUG"):
                raise
            ctx.error(unexpected_error(exc, getattr(args, "db", None), log, argv))
            return 2
        finally:
            ctx.close()


def unexpected_error(exc: BaseException, db: str | None, log: Path | None, argv: list[str]) -> str:
    """Log ``exc`` with its traceback to ``log``; one sentence for the terminal saying where the detail is.

    The sentence comes from :func:`~kinerja_desktop.services.error_log.plain_message`, as in the GUI
    (the exception's own text may hold SQL or stored values, so it is never shown).
    """
    from kinerja_desktop.services.error_log import plain_message, redact, report

    where = redact(db or os.environ.get("KINERJA_DB") or "aplikasi")
    if log is None:  # the user data folder cannot be written
        detail_at = "tampil bila perintah dijalankan lagi dengan KINERJA_DEBUG=1"
        pointer = "Untuk melihat rinciannya, jalankan lagi dengan KINERJA_DEBUG=1."
    else:
        report(exc, "kinerja " + " ".join(argv), logger=__name__)
        detail_at = f"tercatat di {log}"
        pointer = f"Rinciannya tercatat di {log}."
    message = plain_message(exc, where, detail_at=detail_at, restore_with="perintah kinerja restore")
    return message if detail_at in message else f"{message} {pointer}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
