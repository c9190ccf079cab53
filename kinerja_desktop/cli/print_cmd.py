"""`kinerja print`: the official sheets as PDF, for one employee, a unit, or blank forms.

    kinerja print skp|evaluasi|dokumen-evaluasi|penetapan|blank
        [--nip NIP ... | --unit KODE [--recursive]] --year Y [--period P]
        [--paper A4|F4] [--margins A,K,B,KI] [--split] [--simplex] [--workers N] --out PATH

Exit 0 when every document was printed; 1 when some failed (the rest is still written and the
failures are listed) or the input is invalid.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import ValidationError

KINDS = ("skp", "evaluasi", "dokumen-evaluasi", "penetapan", "blank")
FORMS = {"skp": "SKP", "evaluasi": "EVALUASI", "dokumen-evaluasi": "DOKUMEN_EVALUASI"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "print",
        help="cetak lembar resmi (SKP, evaluasi, dokumen evaluasi, penetapan, blanko) sebagai PDF",
        description="Cetak lembar resmi sebagai PDF: satu pegawai (--nip), satu unit (--unit, dengan "
        "--recursive beserta sub-unitnya), atau blanko kosong.",
    )
    p.add_argument("kind", choices=KINDS, metavar="JENIS", help="skp | evaluasi | dokumen-evaluasi | penetapan | blank")
    p.add_argument("--nip", action="append", default=[], metavar="NIP", help="NIP pegawai (boleh berulang)")
    p.add_argument("--unit", metavar="KODE", help="kode unit kerja")
    p.add_argument("--recursive", action="store_true", help="sertakan sub-unit")
    p.add_argument("--year", type=int, metavar="Y", help="tahun penilaian")
    p.add_argument(
        "--period",
        default="tahunan",
        metavar="P",
        help="tahunan (bawaan), tw1..tw4, atau periode lain yang dipakai instansi",
    )
    p.add_argument("--paper", default="A4", metavar="A4|F4", help="ukuran kertas (bawaan A4)")
    p.add_argument("--margins", metavar="A,K,B,KI", help="margin atas,kanan,bawah,kiri dalam mm")
    p.add_argument("--split", action="store_true", help="satu berkas per pegawai (--out berupa folder)")
    p.add_argument("--simplex", action="store_true", help="tanpa halaman kosong penyela untuk cetak bolak-balik")
    p.add_argument(
        "--workers", type=int, default=2, metavar="N", help="proses pencetak bersamaan, termasuk proses ini (bawaan 2)"
    )
    p.add_argument("--form", choices=tuple(FORMS), default="skp", help="blanko: lembar yang dikosongkan")
    p.add_argument("--variant", choices=("ja-jf", "jpt"), help="blanko: varian SKP")
    p.add_argument(
        "--pendekatan",
        choices=("kuantitatif", "kualitatif"),
        default="kuantitatif",
        help="blanko: pendekatan hasil kerja",
    )
    p.add_argument("--out", required=True, metavar="PATH", help="berkas PDF, atau folder dengan --split")
    p.set_defaults(func=cmd_print)


def _setup(args: argparse.Namespace) -> Any:
    from kinerja_desktop.documents.page_setup import PageSetup, parse_paper

    paper = parse_paper(args.paper)
    if not args.margins:
        return PageSetup(paper=paper)
    try:
        top, right, bottom, left = (float(x.replace(",", ".")) for x in args.margins.split(","))
    except ValueError:
        raise ValidationError("--margins harus empat angka mm: atas,kanan,bawah,kiri (misalnya 12,12,10,15).") from None
    return PageSetup(paper, top, bottom, left, right)


def _period(ctx: CliContext, text: str) -> str:
    from kinerja_desktop.domain.periods import parse_period, periods_in
    from kinerja_desktop.services.settings_service import get_setting

    per = parse_period(text)
    used = {p.code for p in periods_in(get_setting(ctx.db, "periods"))} | {"TAHUNAN"}
    if per.code not in used:
        raise ValidationError(
            f"Periode {per.label} tidak dipakai instansi ini; periode yang dipakai: {', '.join(sorted(used))}."
        )
    return per.code


def cmd_print(args: argparse.Namespace, ctx: CliContext) -> int:
    setup = _setup(args)
    if args.kind != "blank" and args.year is None:
        raise ValidationError("--year wajib diisi.")
    if args.nip and args.unit:
        raise ValidationError("Pilih salah satu: --nip atau --unit.")
    period = _period(ctx, args.period) if args.kind != "skp" else "TAHUNAN"
    out = Path(args.out)
    if args.kind == "penetapan":
        return _penetapan(args, ctx, setup, period, out)
    if args.kind == "blank" and not args.nip and not args.unit:
        return _blank_single(args, ctx, setup, period, out)
    return _batch(args, ctx, setup, period, out)


def _write_single(ctx: CliContext, doc: Any, out: Path, label: str) -> int:
    if out.is_dir():
        raise ValidationError(f"--out {out} adalah folder; beri nama berkas PDF.")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(doc.pdf)
    lines = [f"{label}: {doc.page_count} halaman ditulis ke {out} (nomor dokumen {doc.doc_id})."]
    lines += [f"Peringatan: {w}" for w in doc.warnings]
    ctx.out(
        {
            "file": str(out),
            "doc_id": doc.doc_id,
            "pages": doc.page_count,
            "data_sha256": doc.data_sha256,
            "warnings": list(doc.warnings),
            "failures": [],
        },
        "\n".join(lines),
    )
    return 0


def _penetapan(args: argparse.Namespace, ctx: CliContext, setup: Any, period: str, out: Path) -> int:
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.print_scope import authorize_unit, resolve_unit
    from kinerja_desktop.documents.render import render

    if not args.unit:
        raise ValidationError("Penetapan predikat dicetak per unit: beri --unit KODE.")
    authorize_unit(ctx.user)
    unit_id, code, _name = resolve_unit(ctx.db, args.unit)
    sheet = SheetLoader(ctx.db).penetapan(unit_id, args.year, period, recursive=args.recursive)
    if out.is_dir() or args.split:
        out = out / f"{code}_Penetapan_{period}_{args.year}.pdf"
    return _write_single(ctx, render(sheet, setup), out, "Penetapan predikat kinerja")


def _blank_options(args: argparse.Namespace) -> dict[str, Any]:
    from kinerja_desktop.documents.sheet_data import BlankKind
    from kinerja_desktop.domain.kepegawaian import Pendekatan, SkpVariant

    return {
        "form": BlankKind(FORMS[args.form]),
        "variant": {"ja-jf": SkpVariant.JA_JF, "jpt": SkpVariant.JPT}.get(args.variant or ""),
        "pendekatan": Pendekatan(args.pendekatan.upper()),
    }


def _blank_single(args: argparse.Namespace, ctx: CliContext, setup: Any, period: str, out: Path) -> int:
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.render import render

    opts = _blank_options(args)
    sheet = SheetLoader(ctx.db).blank(
        opts["form"],
        year=args.year,
        period=period if args.form != "skp" else None,
        variant=opts["variant"],
        pendekatan=opts["pendekatan"],
    )
    if out.is_dir() or args.split:
        out = out / f"Blanko_{args.form}.pdf"
    return _write_single(ctx, render(sheet, setup), out, "Blanko")


def _batch(args: argparse.Namespace, ctx: CliContext, setup: Any, period: str, out: Path) -> int:
    from kinerja_desktop.documents.batch import BatchSpec, Person, run_batch
    from kinerja_desktop.documents.print_scope import authorize, resolve_employees
    from kinerja_desktop.documents.render import DocumentFailure

    targets = resolve_employees(ctx.db, nips=args.nip, unit_code=args.unit, recursive=args.recursive)
    year = args.year
    allowed, denied = authorize(ctx.db, ctx.user, targets, year or 0)
    failures = [DocumentFailure(d.target.nip or d.target.employee_id, f"{d.target.nama}: {d.message}") for d in denied]
    spec_kind = args.kind
    blank = _blank_options(args) if spec_kind == "blank" else None
    spec = BatchSpec(
        kind=spec_kind,
        year=year or 0,
        period=period,
        setup=setup,
        duplex=not args.simplex,
        **({"blank_form": blank["form"]} if blank else {}),
    )
    people = [Person(t.employee_id, t.nip, t.nama) for t in allowed]
    split = bool(args.split)
    if not split and (out.is_dir() or str(args.out).endswith(("/", "\\"))):
        who = args.unit or (args.nip[0] if args.nip else "cetak")
        out = out / f"{who}_{spec_kind}_{period}_{year}.pdf"
    workers = 0 if len(people) <= 2 else max(0, args.workers)
    result = None
    if people:
        with ctx.progress(len(people), "Mencetak") as bar:
            result = run_batch(
                ctx.db.url,
                spec,
                people,
                out,
                split=split,
                workers=workers,
                here=True,  # this process has nothing else to do: it renders too
                on_event=lambda ev: bar.update(len(ev.items) + len(ev.failures)),
                author=_instansi_name(ctx),
            )
        failures += result.failures
    docs = result.documents if result else []
    files = result.files if result else []
    pages = result.pages if result else 0
    seconds = result.seconds if result else 0.0
    warnings = result.warnings if result else []
    where = str(out)
    secs = f"{seconds:.1f}".replace(".", ",")
    lines = [
        f"{len(docs)} dokumen ({pages} halaman) ditulis ke {where} dalam {secs} dtk."
        if docs
        else "Tidak ada dokumen yang dicetak."
    ]
    lines += [f"Peringatan: {w}" for w in warnings]
    if failures:
        lines.append(f"Gagal dicetak ({len(failures)}):")
        lines += [f"  {f.doc_id}: {f.message}" for f in failures[:200]]
        if len(failures) > 200:
            lines.append(f"  ... dan {len(failures) - 200} lainnya (pakai --json untuk daftar lengkap)")
    ctx.out(
        {
            "files": [str(f) for f in files],
            "documents": [
                {
                    "doc_id": d.doc_id,
                    "employee_id": d.employee_id,
                    "pages": d.page_count,
                    "file": str(d.path) if d.path else None,
                    "first_page": d.first_page,
                }
                for d in docs
            ],
            "pages": pages,
            "seconds": round(seconds, 3),
            "warnings": warnings,
            "failures": [{"doc_id": f.doc_id, "message": f.message} for f in failures],
        },
        "\n".join(lines),
    )
    return 1 if failures or not docs else 0


def _instansi_name(ctx: CliContext) -> str:
    from kinerja_desktop.services.settings_service import get_setting

    return str(get_setting(ctx.db, "instansi.name") or "")
