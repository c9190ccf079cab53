"""`kinerja certs`: office CA, personal certificates (PKCS#12) and the trust store.

Passphrases are asked for on the terminal, or read from the environment for scripts:
``KINERJA_CA_PASSPHRASE`` (the office CA), ``KINERJA_P12_PASSPHRASE`` (a person's .p12),
both falling back to ``KINERJA_PASSPHRASE``. They are never stored and never printed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import ValidationError

CA_ENV = ("KINERJA_CA_PASSPHRASE", "KINERJA_PASSPHRASE")
P12_ENV = ("KINERJA_P12_PASSPHRASE", "KINERJA_PASSPHRASE")


def read_secret(env: tuple[str, ...], prompt: str, *, confirm: bool = False) -> str:
    """A passphrase from the first set variable of ``env``, else from the terminal."""
    for name in env:
        value = os.environ.get(name)
        if value:
            return value
    if not sys.stdin.isatty():
        raise ValidationError(f"Kata sandi tidak diberikan: setel {env[0]} (atau {env[-1]}).")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Ulangi: ") != first:
        raise ValidationError("Kedua kata sandi tidak sama.")
    return first


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    certs = sub.add_parser("certs", help="sertifikat tanda tangan: CA kantor, PKCS#12 pegawai, CA tepercaya")
    csub = certs.add_subparsers(dest="certs_command", required=True, metavar="SUB")

    p = csub.add_parser("init-ca", help="buat CA kantor bernama instansi (admin)")
    p.add_argument("--instansi", metavar="NAMA", help="nama instansi (bawaan: dari pengaturan)")
    p.add_argument("--key", choices=("rsa3072", "ec-p256"), default="rsa3072", help="jenis kunci CA")
    p.add_argument("--years", type=int, default=10, metavar="N", help="masa berlaku (tahun, bawaan 10)")
    p.add_argument("--replace", action="store_true", help="ganti CA yang sudah ada")
    p.set_defaults(func=cmd_init_ca)

    p = csub.add_parser("issue", help="terbitkan sertifikat pegawai sebagai PKCS#12 (admin)")
    p.add_argument("--nip", required=True, metavar="NIP")
    p.add_argument("--out", required=True, metavar="FILE.p12")
    p.add_argument("--name", metavar="NAMA", help="nama pada sertifikat (bawaan: dari data pegawai)")
    p.add_argument("--key", choices=("rsa2048", "ec-p256"), default="rsa2048", help="jenis kunci")
    p.add_argument("--days", type=int, default=3 * 365, metavar="N", help="masa berlaku (hari, bawaan 1095)")
    p.add_argument("--email", metavar="EMAIL")
    p.add_argument("--replace", action="store_true", help="timpa berkas keluaran yang sudah ada")
    p.set_defaults(func=cmd_issue)

    p = csub.add_parser("show", help="tampilkan subjek, penerbit, masa berlaku dan peringatan sebuah .p12")
    p.add_argument("p12", metavar="FILE.p12")
    p.set_defaults(func=cmd_show)

    p = csub.add_parser("import", help="impor sertifikat pribadi (.p12, misalnya dari CA nasional)")
    p.add_argument("p12", metavar="FILE.p12")
    p.set_defaults(func=cmd_import)

    p = csub.add_parser("list", help="daftar sertifikat pribadi yang diimpor dan CA tepercaya")
    p.set_defaults(func=cmd_list)

    trust = csub.add_parser("trust", help="CA tepercaya (akar kepercayaan)")
    tsub = trust.add_subparsers(dest="trust_command", required=True, metavar="SUB")
    p = tsub.add_parser("add", help="percayai sertifikat CA dari berkas PEM/DER")
    p.add_argument("files", nargs="+", metavar="CERT.pem")
    p.set_defaults(func=cmd_trust_add)
    p = tsub.add_parser("export", help="ekspor semua CA tepercaya sebagai PEM")
    p.add_argument("--out", metavar="FILE.pem", help="berkas keluaran (bawaan: layar)")
    p.set_defaults(func=cmd_trust_export)
    p = tsub.add_parser("remove", help="hapus CA tepercaya menurut sidik jari (awalannya cukup)")
    p.add_argument("fingerprint", metavar="SIDIK_JARI")
    p.set_defaults(func=cmd_trust_remove)


def _pki():  # type: ignore[no-untyped-def]
    from kinerja_desktop.documents.certs import default_pki

    return default_pki()


def _require_admin(ctx: CliContext) -> None:
    from kinerja_desktop.domain.permissions import Action, require

    require(ctx.user.actor, Action.MANAGE_CERTS)


def cmd_init_ca(args: argparse.Namespace, ctx: CliContext) -> int:
    _require_admin(ctx)
    instansi = args.instansi
    if not instansi:
        from kinerja_desktop.services.settings_service import get_setting

        instansi = str(get_setting(ctx.db, "instansi.name") or "")
    pki = _pki()
    if pki.ca.exists() and not args.replace:
        raise ValidationError(f"CA kantor sudah ada di {pki.ca.directory}. Gunakan --replace untuk menggantinya.")
    secret = read_secret(CA_ENV, "Kata sandi baru untuk kunci CA: ", confirm=True)
    info = pki.ca.init(
        instansi, secret, key_type=args.key, valid_years=args.years, trust_store=pki.trust, overwrite=args.replace
    )
    del secret
    ctx.out(
        info.to_dict() | {"directory": str(pki.ca.directory)},
        "\n".join([f"CA kantor dibuat di {pki.ca.directory} (kunci terenkripsi dengan kata sandi).", *info.lines(),
                   "CA ini sudah ditambahkan ke daftar CA tepercaya."]),
    )
    return 0


def cmd_issue(args: argparse.Namespace, ctx: CliContext) -> int:
    _require_admin(ctx)
    out = Path(args.out)
    if out.exists() and not args.replace:
        raise ValidationError(f"Berkas {out} sudah ada. Gunakan --replace untuk menimpanya.")
    name = args.name
    if not name:
        from sqlalchemy import select

        from kinerja_desktop.store.models import Employee

        nip = "".join(args.nip.split())
        with ctx.db.reader() as s:
            emp = s.scalars(select(Employee).where(Employee.nip == nip, Employee.deleted.is_(False))).first()
        if emp is None:
            raise ValidationError(f"Pegawai dengan NIP {nip} tidak ditemukan; beri --name untuk orang di luar daftar.")
        name = emp.name
    pki = _pki()
    ca_secret = read_secret(CA_ENV, "Kata sandi CA kantor: ")
    p12_secret = read_secret(P12_ENV, f"Kata sandi baru untuk berkas .p12 {name}: ", confirm=True)
    data = pki.ca.issue(
        ca_secret, name=name, nip=args.nip, p12_passphrase=p12_secret, key_type=args.key, valid_days=args.days,
        email=args.email,
    )
    del ca_secret
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    os.chmod(out, 0o600)
    from kinerja_desktop.documents.certs import inspect_pkcs12

    info = inspect_pkcs12(data, p12_secret, trust=pki.trust)
    del p12_secret
    ctx.out(info.to_dict() | {"file": str(out)},
            "\n".join([f"Sertifikat {name} disimpan di {out}.", *info.lines(),
                       "Serahkan berkas dan kata sandinya secara terpisah kepada pemiliknya."]))
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.certs import inspect_pkcs12

    secret = read_secret(P12_ENV, f"Kata sandi {args.p12}: ")
    info = inspect_pkcs12(args.p12, secret, trust=_pki().trust)
    del secret
    ctx.out(info.to_dict(), "\n".join(info.lines()))
    return 1 if info.warnings else 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    pki = _pki()
    secret = read_secret(P12_ENV, f"Kata sandi {args.p12}: ")
    info = pki.identities.import_p12(args.p12, secret, trust=pki.trust)
    del secret
    ctx.out(info.to_dict(), "\n".join(["Sertifikat pribadi diimpor (tetap terenkripsi).", *info.lines()]))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    pki = _pki()
    identities = pki.identities.entries()
    roots = [i.to_dict() for i in pki.trust.describe()]
    lines = ["Sertifikat pribadi:"]
    lines += [f"  {e['common_name']} (NIP {e.get('nip') or '-'}), berlaku s.d. {str(e['not_after'])[:10]}"
              for e in identities] or ["  (belum ada)"]
    lines.append("CA tepercaya:")
    lines += [f"  {r['common_name']}  {str(r['fingerprint'])[:16]}…" for r in roots] or ["  (belum ada)"]
    ctx.out({"identities": identities, "trusted_roots": roots}, "\n".join(lines))
    return 0


def cmd_trust_add(args: argparse.Namespace, ctx: CliContext) -> int:
    trust = _pki().trust
    added = [info for path in args.files for info in trust.import_file(path)]
    ctx.out([a.to_dict() for a in added],
            "\n".join(f"Dipercaya: {a.common_name} ({a.fingerprint[:16]}…)" for a in added))
    return 0


def cmd_trust_export(args: argparse.Namespace, ctx: CliContext) -> int:
    pem = _pki().trust.export_pem()
    if args.out:
        Path(args.out).write_bytes(pem)
        ctx.out({"file": args.out, "bytes": len(pem)}, f"CA tepercaya diekspor ke {args.out}.")
    else:
        ctx.stdout.write(pem.decode("ascii"))
    return 0


def cmd_trust_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    removed = _pki().trust.remove(args.fingerprint)
    if not removed:
        raise ValidationError(f"Tidak ada CA tepercaya dengan sidik jari {args.fingerprint}.")
    ctx.out({"removed": args.fingerprint}, "CA dihapus dari daftar tepercaya.")
    return 0
