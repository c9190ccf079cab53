"""`kinerja sign`: PAdES signatures with a PKCS#12 (B-B offline, B-T with a timestamp server).

Two forms:
  kinerja sign FILE.pdf --p12 FILE.p12 --role pegawai|penilai|pimpinan [--out PATH]
  kinerja --user NAMA sign --nip NIP --year Y --doc evaluasi|skp|dokumen-evaluasi [--period P] --p12 FILE.p12
  kinerja --user NAMA sign --unit KODE [--recursive] --year Y --doc penetapan --period P --p12 FILE.p12
  kinerja --user NAMA sign [--unit KODE] --year Y --doc penghargaan|rekap-jp [--period P] --p12 FILE.p12
The second and third render the sheet from the database (or take the stored, partly signed PDF),
sign it, store it content-addressed and freeze the record. Every form first checks the certificate
(valid now, allowed to sign, issued by a CA this PC trusts) and refuses a KONSEP sheet.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.certs_cmd import P12_ENV, read_secret
from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import ValidationError

CERTIFIED_HINT = (
    "Catatan: tanda tangan ini memakai sertifikat lokal dan TIDAK tersertifikasi. "
    "Tanda tangan elektronik tersertifikasi (TTE) hanya diberikan server penandatanganan instansi (BSrE)."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sign", help="tanda tangani lembar PDF (PAdES) dengan sertifikat .p12")
    p.add_argument("pdf", nargs="?", metavar="FILE.pdf", help="PDF lembar dari aplikasi ini")
    p.add_argument("--p12", required=True, metavar="FILE.p12", help="sertifikat penanda tangan")
    p.add_argument("--role", choices=("pegawai", "penilai", "pimpinan", "pengelola"),
                   help="peran penanda tangan: pegawai, penilai, pimpinan (penetapan predikat) atau pengelola "
                        "(pengelola kepegawaian: daftar penghargaan, rekap 20 JP); bawaan: dari akun")
    p.add_argument("--out", metavar="PATH", help="berkas keluaran (bawaan: <nama>-ttd.pdf)")
    p.add_argument("--nip", metavar="NIP", help="pegawai yang dinilai (mode database)")
    p.add_argument("--year", type=int, metavar="Y", help="tahun penilaian (mode database)")
    p.add_argument("--doc", choices=("evaluasi", "skp", "dokumen-evaluasi", "penetapan", "penghargaan", "rekap-jp"),
                   help="jenis lembar (mode database); penetapan: dengan --unit KODE; penghargaan dan rekap-jp "
                        "(pengelola kepegawaian): instansi, atau --unit KODE")
    p.add_argument("--period", metavar="P", help="periode evaluasi, mis. TW1 atau TAHUNAN")
    p.add_argument("--subordinates", action="store_true",
                   help="pejabat penilai: tanda tangani lembar semua bawahan (dengan --year, --doc, --period)")
    p.add_argument("--unit", metavar="KODE",
                   help="--doc penetapan: unit yang ditetapkan; dengan --subordinates: hanya bawahan di unit ini")
    p.add_argument("--recursive", action="store_true", help="--doc penetapan: beserta sub-unit")
    p.add_argument("--tz", metavar="ZONA", help="WIB, WITA atau WIT (bawaan: pengaturan, atau WIB)")
    p.add_argument("--tsa", metavar="URL", help="server cap waktu RFC 3161 untuk PAdES B-T (atau KINERJA_TSA_URL)")
    p.add_argument("--location", metavar="TEMPAT", help="tempat penandatanganan")
    p.add_argument("--allow-other-signer", action="store_true",
                   help="izinkan sertifikat yang NIP-nya berbeda dari nama di kolom tanda tangan (mis. Plt.)")
    p.set_defaults(func=cmd_sign)

    p = sub.add_parser("ltv", help="validasi jangka panjang (PAdES B-LTA): cap waktu dokumen dan data validasi, "
                                   "agar tanda tangan tetap dapat diperiksa setelah sertifikat kedaluwarsa")
    p.add_argument("pdf", metavar="FILE.pdf", help="PDF bertanda tangan yang sah hari ini")
    p.add_argument("--tsa", metavar="URL", help="server cap waktu RFC 3161 (atau KINERJA_TSA_URL)")
    p.add_argument("--trust", action="append", default=[], metavar="CA.pem",
                   help="CA tambahan yang dipercaya (mis. CA server cap waktu); boleh berulang")
    p.add_argument("--out", metavar="PATH", help="berkas keluaran (bawaan: <nama>-ltv.pdf)")
    p.set_defaults(func=cmd_ltv)

    tte = sub.add_parser("tte", help="antrean tanda tangan elektronik tersertifikasi (server BSrE instansi)")
    tsub = tte.add_subparsers(dest="tte_command", required=True, metavar="SUB")
    p = tsub.add_parser("list", help="daftar dokumen dalam antrean TTE")
    p.set_defaults(func=cmd_tte_list)
    p = tsub.add_parser("add", help="antrekan dokumen tersimpan untuk TTE tersertifikasi")
    p.add_argument("--nip", required=True, metavar="NIP", help="pegawai yang dinilai")
    p.add_argument("--year", required=True, type=int, metavar="Y")
    p.add_argument("--doc", required=True, choices=("evaluasi", "skp", "dokumen-evaluasi"))
    p.add_argument("--period", metavar="P")
    p.add_argument("--nik", required=True, metavar="NIK", help="NIK penanda tangan di server TTE")
    p.add_argument("--role", choices=("pegawai", "penilai"), help="peran (bawaan: dari akun)")
    p.set_defaults(func=cmd_tte_add)
    p = tsub.add_parser("send", help="kirim antrean ke server TTE instansi (saat daring)")
    p.add_argument("--url", metavar="URL", help="alamat server esign-client (atau KINERJA_TTE_URL)")
    p.add_argument("--client-user", metavar="NAMA", help="akun aplikasi di server TTE (atau KINERJA_TTE_CLIENT_USER)")
    p.add_argument("--totp", action="store_true", help="pakai kode TOTP, bukan passphrase")
    p.set_defaults(func=cmd_tte_send)


def _options(args: argparse.Namespace, timezone: str | None, tsa_url: str | None = None):  # type: ignore[no-untyped-def]
    from kinerja_desktop.documents.signing import SignOptions

    return SignOptions(
        timezone=args.tz or timezone or "WIB",
        timestamp_url=args.tsa or os.environ.get("KINERJA_TSA_URL") or tsa_url or None,
        location=args.location,
        require_nip_match=not args.allow_other_signer,
    )


def _identity(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kinerja_desktop.documents.signing import SigningIdentity

    p12 = Path(args.p12)
    data = _read(p12, "Berkas sertifikat")
    secret = read_secret(P12_ENV, f"Kata sandi {p12.name}: ")
    try:
        return SigningIdentity.from_pkcs12(data, secret)
    finally:
        del secret


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"{what} tidak ditemukan: {path}") from None
    except IsADirectoryError:
        raise ValidationError(f"{what} adalah folder, bukan berkas: {path}") from None


def _report(ctx: CliContext, result: Any, out: str | None, extra: dict[str, Any] | None = None) -> None:
    from kinerja_desktop.documents.signing import ROLE_LABELS

    data = {
        "file": out, "role": result.role, "signer": result.signer_name, "nip": result.signer_nip,
        "signed_at": result.signed_at.isoformat(), "level": result.level, "sha256": result.sha256,
        "notes": result.notes, "certified": False, **(extra or {}),
    }
    lines = [
        f"Ditandatangani sebagai {ROLE_LABELS[result.role]} oleh {result.signer_name} (NIP {result.signer_nip or '-'}) "
        f"pada {result.signed_at:%d-%m-%Y %H:%M} {result.signed_at.tzname()} — PAdES {result.level}.",
        *(f"Catatan: {n}" for n in result.notes),
    ]
    if out:
        lines.append(f"Disimpan: {out}")
    if extra and "status_label" in extra:
        lines.append(f"Status dokumen: {extra['status_label']}.")
    lines.append(CERTIFIED_HINT)
    ctx.out(data, "\n".join(lines))


def cmd_sign(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.subordinates:
        return _sign_subordinates(args, ctx)
    db_mode = any(v is not None for v in (args.nip, args.year, args.doc)) or (args.unit is not None and not args.pdf)
    if db_mode == bool(args.pdf):
        raise ValidationError("Beri FILE.pdf, atau --nip, --year dan --doc (mode database), tetapi tidak keduanya.")
    return _sign_database(args, ctx) if db_mode else _sign_file(args, ctx)


def _sign_file(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.signing import sign_pdf

    if not args.role:
        raise ValidationError("Beri --role pegawai, --role penilai, --role pimpinan atau --role pengelola.")
    src = Path(args.pdf)
    pdf = _read(src, "Berkas PDF")
    identity = _identity(args)
    identity.check()  # before anything is written: expired, untrusted or non-signing certificates are refused
    result = sign_pdf(pdf, identity, args.role, options=_options(args, None))
    out = Path(args.out) if args.out else src.with_name(f"{src.stem}-ttd.pdf")
    out.write_bytes(result.pdf)
    _report(ctx, result, str(out))
    return 0


def cmd_ltv(args: argparse.Namespace, ctx: CliContext) -> int:
    """Add a document timestamp and validation data to a signed file (while its certificates are valid)."""
    from kinerja_desktop.documents.certs import default_pki, load_certificates
    from kinerja_desktop.documents.long_term import extend_long_term
    from kinerja_desktop.documents.signing import UrllibTimeStamper

    url = args.tsa or os.environ.get("KINERJA_TSA_URL")
    if not url:
        raise ValidationError("Beri --tsa URL server cap waktu (atau atur KINERJA_TSA_URL).", field="tsa")
    src = Path(args.pdf)
    pdf = _read(src, "Berkas PDF")
    roots = default_pki().trust.certificates()
    for extra in args.trust:
        roots.extend(load_certificates(extra))
    result = extend_long_term(pdf, UrllibTimeStamper(url), roots)
    out = Path(args.out) if args.out else src.with_name(f"{src.stem}-ltv.pdf")
    out.write_bytes(result.pdf)
    when = result.timestamp.astimezone().strftime("%d-%m-%Y %H:%M")
    lines = [f"Validasi jangka panjang ({result.level}) ditambahkan: {result.signatures} tanda tangan, "
             f"cap waktu dokumen {when}.", f"Disimpan: {out}", *result.notes]
    ctx.out({"file": str(out), "level": result.level, "timestamp": result.timestamp.isoformat(),
             "signatures": result.signatures, "notes": result.notes}, "\n".join(lines))
    return 0


def _sign_database(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.signed_documents import PENGELOLA_KINDS, resolve_target, sign_record

    if args.doc in PENGELOLA_KINDS:
        if args.nip or not args.year:
            raise ValidationError(f"{args.doc} ditandatangani pengelola kepegawaian per instansi atau unit: beri "
                                  "--year (dan --unit KODE untuk satu unit), tanpa --nip.")
    elif args.doc == "penetapan":
        if not (args.unit and args.year and args.period) or args.nip:
            raise ValidationError(
                "Penetapan ditandatangani per unit: beri --unit KODE, --year dan --period (tanpa --nip).")
    elif not (args.nip and args.year and args.doc):
        raise ValidationError("Mode database memerlukan --nip, --year dan --doc.")
    if args.doc not in ("skp", "rekap-jp") and not args.period:
        raise ValidationError("Beri --period untuk lembar evaluasi (mis. TW1 atau TAHUNAN).")
    user, db = ctx.user, ctx.db
    if args.doc in PENGELOLA_KINDS:
        from kinerja_desktop.documents.signed_documents import pengelola_target

        target = pengelola_target(db, user, args.doc, year=args.year, period=args.period, unit_code=args.unit)
    elif args.doc == "penetapan":
        from kinerja_desktop.documents.signed_documents import resolve_penetapan

        target = resolve_penetapan(db, args.unit, year=args.year, period=args.period, recursive=args.recursive)
    else:
        target = resolve_target(db, args.doc, nip=args.nip, year=args.year, period=args.period)
        _check_readiness(ctx, target, args.role)
    from kinerja_desktop.services.settings_service import get_setting

    options = _options(args, get_setting(db, "timezone"), get_setting(db, "signing.tsa_url"))
    identity = _identity(args)
    view, result = sign_record(
        db, user, identity, target, role=args.role, options=options, render=lambda: render_sheet(ctx, target)
    )
    if args.out:
        Path(args.out).write_bytes(result.pdf)
    _report(ctx, result, args.out, {"document_id": view.id, "status": view.status,
                                    "status_label": view.status_label, "stored_sha256": view.sha256})
    return 0


def _check_readiness(ctx: CliContext, target: Any, role: str | None) -> None:
    """What the GUI's sign dialog lists: refuse a record that is not settled, warn about the rest."""
    from kinerja_desktop.documents.signed_documents import role_of
    from kinerja_desktop.services.readiness_service import before_signing

    found = before_signing(ctx.db, ctx.user, target.kind, target.plan_id, target.period,
                           role=role or role_of(ctx.db, ctx.user, target))
    if not found.ready:
        raise ValidationError(found.summary())
    if found.gaps:
        ctx.stderr.write(found.summary() + "\n")


def _sign_subordinates(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.batch_signing import sign_subordinates, subordinates
    from kinerja_desktop.services.settings_service import get_setting

    if args.pdf or args.nip or not (args.year and args.doc):
        raise ValidationError("--subordinates memerlukan --year dan --doc (tanpa FILE.pdf atau --nip).")
    if args.doc == "penetapan":
        raise ValidationError(
            "Penetapan ditandatangani pimpinan unit per unit: --doc penetapan --unit KODE (tanpa --subordinates).")
    if args.doc in ("penghargaan", "rekap-jp"):
        raise ValidationError(f"{args.doc} ditandatangani pengelola kepegawaian sekali per instansi atau unit "
                              "(tanpa --subordinates).")
    if args.doc != "skp" and not args.period:
        raise ValidationError("Beri --period untuk lembar evaluasi (mis. TW1 atau TAHUNAN).")
    user, db = ctx.user, ctx.db
    total = len(subordinates(db, user, args.year, args.unit))
    options = _options(args, get_setting(db, "timezone"), get_setting(db, "signing.tsa_url"))
    identity = _identity(args)
    outcomes = []
    with ctx.progress(total, "Menandatangani") as bar:
        for outcome in sign_subordinates(db, user, identity, kind=args.doc, year=args.year, period=args.period,
                                         unit_code=args.unit, options=options):
            outcomes.append(outcome)
            bar.update()
    signed = [o for o in outcomes if o.signed]
    skipped = [o for o in outcomes if not o.signed]
    lines = [f"{len(signed)} dari {total} lembar ditandatangani sebagai Pejabat Penilai Kinerja."]
    lines += [f"  tidak ditandatangani: {o.name} (NIP {o.nip}) — {o.message}" for o in skipped]
    lines.append(CERTIFIED_HINT)
    data = {"total": total, "signed": len(signed),
            "results": [{"nip": o.nip, "name": o.name, "signed": o.signed, "message": o.message,
                         "document_id": o.document.id if o.document else None} for o in outcomes]}
    ctx.out(data, "\n".join(lines))
    return 0


def render_sheet(ctx: CliContext, target: Any) -> tuple[bytes, str]:
    """Render a record's sheet with the documents layer (PDF bytes and its data hash)."""
    from kinerja_desktop.documents.signed_documents import render_record

    return render_record(ctx.db, ctx.user, target)


# --------------------------------------------------------------------------- certified signatures (TTE)


def _queue():  # type: ignore[no-untyped-def]
    from kinerja_desktop.documents.certs import default_pki
    from kinerja_desktop.documents.tte import FileTteQueue

    return FileTteQueue(default_pki().root / "tte-queue.json")


def cmd_tte_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.tte import CERTIFIED_NOTICE

    jobs = _queue().all()
    lines = [f"{j.status:9s} {j.role:8s} dokumen {j.document_key[:8]}… NIK {j.nik} "
             f"(percobaan {j.attempts}){' — ' + j.last_error if j.last_error else ''}" for j in jobs]
    ctx.out([j.to_json() for j in jobs], "\n".join(lines or ["Antrean TTE kosong."]) + "\n" + CERTIFIED_NOTICE)
    return 0


def cmd_tte_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.signed_documents import resolve_target, role_of
    from kinerja_desktop.documents.tte import TteCredentials

    TteCredentials(args.nik, totp="000000")  # checks the NIK only
    target = resolve_target(ctx.db, args.doc, nip=args.nip, year=args.year, period=args.period)
    role = args.role or role_of(ctx.db, ctx.user, target)
    from sqlalchemy import select

    from kinerja_desktop.store.models import Document

    with ctx.db.reader() as s:
        query = select(Document.id).where(Document.plan_id == target.plan_id, Document.kind == target.kind,
                                          Document.deleted.is_(False))
        if target.evaluation_id:
            query = query.where(Document.evaluation_id == target.evaluation_id)
        doc_id = s.execute(query).scalar()
    if doc_id is None:
        raise ValidationError("Dokumen ini belum ditandatangani secara lokal; tanda tangani dahulu, lalu antrekan.")
    job = _queue().enqueue(doc_id, role, args.nik)
    ctx.out(job.to_json(), f"Dokumen masuk antrean TTE tersertifikasi ({job.status}).")
    return 0


def cmd_tte_send(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.signed_documents import certified_request, document_pdf, record_certified
    from kinerja_desktop.documents.tte import BsreClient, TteCredentials, process_queue
    from kinerja_desktop.services.settings_service import get_setting

    url = args.url or os.environ.get("KINERJA_TTE_URL") or get_setting(ctx.db, "tte.url")
    if not url:
        raise ValidationError("Beri --url server TTE instansi (atau setel KINERJA_TTE_URL).")
    client_user = args.client_user or os.environ.get("KINERJA_TTE_CLIENT_USER")
    client_password = (read_secret(("KINERJA_TTE_CLIENT_PASSWORD",), "Kata sandi akun aplikasi di server TTE: ")
                       if client_user else None)
    client = BsreClient(url, username=client_user, password=client_password)
    user, db = ctx.user, ctx.db
    timezone = get_setting(db, "timezone")
    env = ("KINERJA_TTE_TOTP",) if args.totp else ("KINERJA_TTE_PASSPHRASE",)
    prompt = "Kode TOTP: " if args.totp else "Passphrase TTE: "

    def credentials(job):  # type: ignore[no-untyped-def]
        secret = read_secret(env, f"{prompt}(NIK {job.nik}) ")
        return TteCredentials(job.nik, totp=secret) if args.totp else TteCredentials(job.nik, passphrase=secret)

    run = process_queue(
        _queue(), client,
        load_pdf=lambda job: document_pdf(db, user, job.document_key),
        store_pdf=lambda job, pdf: record_certified(db, user, job.document_key, pdf, role=job.role).sha256,
        credentials_for=credentials,
        prepare=lambda job, pdf: certified_request(db, user, job.document_key, job.role, pdf, timezone=timezone),
    )
    lines = [f"Selesai: {len(run.done)}, gagal: {len(run.failed)}, dilewati: {len(run.skipped)}."]
    lines += [f"  gagal: dokumen {j.document_key[:8]}… — {j.last_error}" for j in run.failed]
    if run.offline:
        lines.append(run.offline)
    ctx.out({"done": len(run.done), "failed": len(run.failed), "offline": run.offline,
             "jobs": [j.to_json() for j in run.done + run.failed]}, "\n".join(lines))
    return 0 if not run.failed and not run.offline else 1
