"""Core commands: init, demo, nip check, predikat, kurva, stats, akun."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="siapkan database (dan akun admin pertama)")
    p.add_argument("--admin", metavar="NAMA", help="buat akun admin pertama (kata sandi dari KINERJA_PASSWORD)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="buat kantor demo yang realistis di database kosong")
    p.add_argument("--employees", type=int, default=200, metavar="N", help="jumlah pegawai (bawaan 200)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="benih acak (hasil sama untuk benih sama)")
    p.add_argument("--year", type=int, metavar="Y", help="tahun penilaian (bawaan: tahun ini)")
    p.add_argument("--open", action="store_true",
                   help="lalu buka aplikasi; bila database sudah berisi data, langsung dibuka apa adanya")
    p.set_defaults(func=cmd_demo)

    nip = sub.add_parser("nip", help="periksa NIP / NI PPPK")
    nsub = nip.add_subparsers(dest="nip_command", required=True, metavar="SUB")
    p = nsub.add_parser("check", help="uraikan dan periksa satu atau beberapa NIP")
    p.add_argument("nips", nargs="+", metavar="NIP")
    p.set_defaults(func=cmd_nip_check)

    p = sub.add_parser("predikat", help="predikat kinerja pegawai dari dua rating (kuadran)")
    p.add_argument("hasil", metavar="HASIL", help="rating hasil kerja: DI_ATAS, SESUAI, DI_BAWAH")
    p.add_argument("perilaku", metavar="PERILAKU", help="rating perilaku kerja: DI_ATAS, SESUAI, DI_BAWAH")
    p.set_defaults(func=cmd_predikat)

    p = sub.add_parser("kurva", help="periksa kurva distribusi predikat sebuah unit")
    p.add_argument("--unit", required=True, metavar="KODE")
    p.add_argument("--year", type=int, required=True, metavar="Y")
    p.add_argument("--period", default="TAHUNAN", metavar="P")
    p.add_argument("--org-predikat", metavar="P", help="predikat organisasi unit (bawaan: yang tercatat)")
    p.add_argument("--no-recursive", action="store_true", help="tanpa sub-unit")
    p.set_defaults(func=cmd_kurva)

    p = sub.add_parser("stats", help="jumlah baris per tabel")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("pengaturan", help="lihat atau ubah pengaturan instansi (ubah: admin)")
    p.add_argument("--set", action="append", default=[], metavar="KUNCI=NILAI",
                   help="ubah satu pengaturan, mis. instansi.name=\"DINAS X\" atau periods=TW1,TW2,TW3,TW4,TAHUNAN")
    p.add_argument("--logo", metavar="BERKAS", help="pasang logo instansi (PNG atau JPEG)")
    p.set_defaults(func=cmd_settings)

    acc = sub.add_parser("akun", help="kelola akun pengguna (admin)")
    asub = acc.add_subparsers(dest="akun_command", required=True, metavar="SUB")
    p = asub.add_parser("list", help="daftar akun")
    p.set_defaults(func=cmd_account_list)
    p = asub.add_parser("add", help="tambah akun; kata sandi dari KINERJA_NEW_PASSWORD atau ditanyakan")
    p.add_argument("username")
    p.add_argument("--nip", help="tautkan ke pegawai dengan NIP ini")
    p.add_argument("--admin", action="store_true", help="beri hak admin kepegawaian")
    p.set_defaults(func=cmd_account_add)
    p = asub.add_parser("sandi", help="ganti kata sandi sendiri, atau (admin) setel ulang kata sandi akun lain; "
                                      "kata sandi baru dari KINERJA_NEW_PASSWORD atau ditanyakan")
    p.add_argument("username", nargs="?", help="akun yang disetel ulang (admin); tanpa ini: akun sendiri")
    p.set_defaults(func=cmd_account_password)
    p = asub.add_parser("buka-kunci", help="buka akun yang terkunci karena terlalu banyak percobaan masuk")
    p.add_argument("username")
    p.set_defaults(func=cmd_account_unlock)


def _new_password(prompt: str) -> str:
    value = os.environ.get("KINERJA_NEW_PASSWORD") or os.environ.get("KINERJA_PASSWORD")
    if value:
        return value
    if not sys.stdin.isatty():
        from kinerja_desktop.domain.errors import ValidationError

        raise ValidationError("Kata sandi baru tidak diberikan: setel KINERJA_NEW_PASSWORD.")
    import getpass

    first = getpass.getpass(prompt)
    if getpass.getpass("Ulangi: ") != first:
        from kinerja_desktop.domain.errors import ValidationError

        raise ValidationError("Kedua kata sandi tidak sama.")
    return first


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.db
    if args.admin:
        from kinerja_desktop.services.auth_service import create_first_admin

        create_first_admin(db, args.admin, _new_password(f"Kata sandi admin {args.admin}: "))
    ctx.out({"database": db.describe(), "admin": args.admin}, f"Database siap: {db.describe()}")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    import time

    from kinerja_desktop.services.demo_service import DEMO_ADMIN, build_demo, has_employees

    if args.open and has_employees(ctx.db):
        ctx.out({"database": ctx.db.describe(), "built": False},
                f"Database {ctx.db.describe()} sudah berisi data; membukanya apa adanya. "
                f"Masuk sebagai {DEMO_ADMIN[0]} / {DEMO_ADMIN[1]} (demo).")
        return _open_gui(args, ctx)
    started = time.perf_counter()
    state: dict[str, Any] = {}
    with ctx.progress(args.employees, "Membuat kantor demo") as bar:
        def report(stage: str, done: int, total: int) -> None:
            if state.get("stage") != stage:
                state["stage"] = stage
                bar.label = stage
            bar.done = 0
            bar.update(done, total=total)

        summary = build_demo(ctx.db, employees=args.employees, seed=args.seed, year=args.year, progress=report)
    elapsed = time.perf_counter() - started
    size = ctx.db.path.stat().st_size if ctx.db.path else 0
    data = summary.as_dict() | {"seconds": round(elapsed, 2), "database": ctx.db.describe(), "bytes": size}
    periods = ", ".join(summary.periods_evaluated) or "-"
    text = (
        f"Kantor demo tahun {summary.year} siap di {ctx.db.describe()} ({elapsed:.1f} dtk, {size / 1e6:.1f} MB)\n"
        f"  {summary.employees} pegawai di {summary.units} unit; {summary.plans} SKP, {summary.rhk} RHK, "
        f"{summary.indicators} indikator\n"
        f"  {summary.realisations} realisasi, {summary.attachments} bukti dukung, {summary.evaluations} evaluasi "
        f"(periode: {periods})\n"
        f"  Masuk sebagai admin: {DEMO_ADMIN[0]} / {DEMO_ADMIN[1]}; pegawai: NIP sebagai nama pengguna dan kata sandi."
    )
    ctx.out(data, text)
    return _open_gui(args, ctx) if args.open else 0


def _open_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.cli.gui_cmd import run_gui

    location = ctx.db.url
    ctx.close()
    args.db = location
    return run_gui(args)


def cmd_nip_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.domain.nip import parse_nip

    results, lines, bad = [], [], 0
    for raw in args.nips:
        try:
            info = parse_nip(raw)
        except ValidationError as exc:
            bad += 1
            results.append({"input": raw, "valid": False, "reason": str(exc)})
            lines.append(f"{raw}: TIDAK SAH — {exc}")
            continue
        item = {
            "input": raw, "valid": True, "nip": info.nip, "kind": info.kind, "birth_date": info.birth_date.isoformat(),
            "tmt_year": info.tmt_year, "tmt_month": info.tmt_month, "pppk_code": info.pppk_code, "sex": info.sex,
            "sequence": info.sequence, "warnings": list(info.warnings),
        }
        results.append(item)
        tmt = f"{info.tmt_year}-{info.tmt_month:02d}" if info.tmt_month else f"{info.tmt_year} (kode {info.pppk_code})"
        sex = "laki-laki" if info.sex == "L" else "perempuan"
        line = (f"{info.nip}: sah ({info.kind}); lahir {info.birth_date:%Y-%m-%d}, "
                f"{'TMT CPNS' if info.kind == 'PNS' else 'tahun'} {tmt}, {sex}, nomor urut {info.sequence:03d}")
        lines.extend([line, *[f"  peringatan: {w}" for w in info.warnings]])
    ctx.out(results, "\n".join(lines))
    return 1 if bad else 0


def cmd_predikat(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.domain.penilaian import Rating, explain_predikat, predikat_for

    try:
        hasil, perilaku = Rating(args.hasil.strip().upper()), Rating(args.perilaku.strip().upper())
    except ValueError as exc:
        raise ValidationError("Rating harus DI_ATAS, SESUAI atau DI_BAWAH.") from exc
    p = predikat_for(hasil, perilaku)
    ctx.out({"predikat": p.value, "label": p.label, "print_label": p.print_label,
             "explanation": explain_predikat(hasil, perilaku)},
            f"{p.value}\t{p.label}\n{explain_predikat(hasil, perilaku)}")
    return 0


def cmd_kurva(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import NotFound, ValidationError
    from kinerja_desktop.domain.penilaian import PredikatOrganisasi
    from kinerja_desktop.services.query_service import unit_distribution, unit_id_by_code

    unit_id = unit_id_by_code(ctx.db, args.unit)
    if unit_id is None:
        raise NotFound(f"Unit {args.unit} tidak ditemukan.")
    org = None
    if args.org_predikat:
        try:
            org = PredikatOrganisasi(args.org_predikat.strip().upper()).value
        except ValueError as exc:
            raise ValidationError(
                "Predikat organisasi: ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG.") from exc
    dist = unit_distribution(ctx.db, ctx.user, unit_id, args.year, args.period, org_predikat=org,
                             recursive=not args.no_recursive)
    if dist.org_predikat is None:
        raise ValidationError("Predikat organisasi unit belum tercatat; berikan --org-predikat.")
    data = {
        "unit": args.unit, "year": args.year, "period": dist.period, "org_predikat": dist.org_predikat,
        "employees": dist.total_employees, "evaluated": dist.evaluated,
        "counts": {p.value: n for p, n in dist.counts.items()},
        "violations": [{"rule": v.rule, "message": v.message} for v in dist.violations],
        "ok": not dist.violations,
    }
    lines = [f"Unit {args.unit}, {dist.period} {args.year}, predikat organisasi {dist.org_predikat}: "
             f"{dist.evaluated} dari {dist.total_employees} pegawai sudah dinilai"]
    lines += [f"  {p.label}: {n}" for p, n in dist.counts.items()]
    if not dist.evaluated:  # nobody rated yet: nothing to compare with the curve
        data["ok"] = False
        lines.append("  Belum ada pegawai yang dinilai; kurva distribusi belum dapat diperiksa.")
    else:
        lines += [f"  MELANGGAR: {v.message}" for v in dist.violations] or ["  Sesuai kurva distribusi."]
    ctx.out(data, "\n".join(lines))
    return 1 if dist.violations or not dist.evaluated else 0


def cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.query_service import table_stats

    stats = table_stats(ctx.db)
    ctx.out(stats, "\n".join(f"{k:<22}{v:>10}" for k, v in stats.items()))
    return 0


def cmd_settings(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.settings_service import SPECS, get_settings, set_logo, set_setting

    for item in args.set:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in SPECS:
            raise ValidationError(f"Pengaturan tidak dikenal: {key or item}. Pilihan: {', '.join(SPECS)}.")
        default = SPECS[key].default
        parsed: Any = value
        if isinstance(default, list):
            parsed = [v.strip() for v in value.split(",") if v.strip()]
        elif isinstance(default, int):
            try:
                parsed = int(value)
            except ValueError as exc:
                raise ValidationError(f"{SPECS[key].title} harus berupa bilangan bulat.") from exc
        set_setting(ctx.db, ctx.user, key, parsed)
    if args.logo:
        set_logo(ctx.db, ctx.user, args.logo)
    values = get_settings(ctx.db)
    ctx.out(values, "\n".join(f"{key:<22} {values[key]!s:<40} {spec.title}" for key, spec in SPECS.items()))
    return 0


def cmd_account_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.auth_service import list_accounts

    rows = list_accounts(ctx.db, ctx.user)
    ctx.out([r.__dict__ for r in rows],
            "\n".join(f"{r.username:<20} {'admin' if r.is_admin else '':<6} {'' if r.active else 'nonaktif':<9} "
                      f"{r.employee_name}" for r in rows))
    return 0


def cmd_account_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from sqlalchemy import select

    from kinerja_desktop.domain.errors import NotFound
    from kinerja_desktop.services.auth_service import create_account
    from kinerja_desktop.store.models import Employee

    employee_id = None
    if args.nip:
        with ctx.db.reader() as s:
            employee_id = s.execute(select(Employee.id).where(Employee.nip == args.nip.replace(" ", ""))).scalar()
        if employee_id is None:
            raise NotFound(f"Pegawai dengan NIP {args.nip} tidak ditemukan.")
    user = ctx.user
    create_account(ctx.db, user, args.username, _new_password(f"Kata sandi {args.username}: "),
                   employee_id=employee_id, is_admin=args.admin)
    ctx.out({"created": args.username}, f"Akun {args.username} dibuat.")
    return 0


def cmd_account_unlock(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.auth_service import unlock_account

    had = unlock_account(ctx.db, ctx.user, args.username)
    ctx.out({"unlocked": args.username, "was_locked": had},
            f"Akun {args.username} dibuka; percobaan masuk yang gagal dihapus." if had
            else f"Akun {args.username} tidak sedang terkunci.")
    return 0


def cmd_account_password(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.auth_service import set_password

    user = ctx.user
    target = args.username or user.username
    own = target == user.username
    new = os.environ.get("KINERJA_NEW_PASSWORD")
    if not new:  # never KINERJA_PASSWORD here: that is the old one
        if not sys.stdin.isatty():
            from kinerja_desktop.domain.errors import ValidationError

            raise ValidationError("Kata sandi baru tidak diberikan: setel KINERJA_NEW_PASSWORD.")
        new = _new_password(f"Kata sandi baru {target}: ")
    set_password(ctx.db, user, target, new, old_password=os.environ.get("KINERJA_PASSWORD") if own else None)
    ctx.out({"changed": target}, f"Kata sandi {target} diganti." if own else
            f"Kata sandi {target} disetel ulang; kunci tanda tangannya yang baru berlaku setelah daftar pegawai "
            "berikutnya diterbitkan kantor pusat.")
    return 0
