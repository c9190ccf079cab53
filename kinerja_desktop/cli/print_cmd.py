"""`kinerja print`: the official sheets as PDF, for one employee, a unit, or blank forms.

    kinerja print skp|evaluasi|dokumen-evaluasi|penetapan|blank
        [--nip NIP ... | --unit KODE [--recursive]] --year Y [--period P]
        [--paper A4|F4] [--margins A,K,B,KI] [--split] [--simplex] [--workers N] --out PATH

One document (one --nip, a penetapan, a blank form, each file of --split) is written as its own
signable PDF; several people without --split make one combined file for paper (see
:mod:`kinerja_desktop.documents.print_service`). Exit 0 when every document was printed; 1 when
some failed (the rest is still written and the failures are listed) or the input is invalid.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import ValidationError

KINDS = ("skp", "evaluasi", "dokumen-evaluasi", "penetapan", "blank", "matriks")
FORMS = {"skp": "SKP", "evaluasi": "EVALUASI", "dokumen-evaluasi": "DOKUMEN_EVALUASI"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "print",
        help="cetak lembar resmi (SKP, evaluasi, dokumen evaluasi, penetapan, blanko) sebagai PDF",
        description="Cetak lembar resmi sebagai PDF: satu pegawai (--nip), satu unit (--unit, dengan "
        "--recursive beserta sub-unitnya), atau blanko kosong.",
    )
    p.add_argument("kind", choices=KINDS, metavar="JENIS",
                   help="skp | evaluasi | dokumen-evaluasi | penetapan | blank | matriks (matriks peran hasil "
                   "pimpinan unit: --nip pimpinan, bawaan diri sendiri)")
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


def _blank_options(args: argparse.Namespace) -> dict[str, Any]:
    from kinerja_desktop.documents.sheet_data import BlankKind
    from kinerja_desktop.domain.kepegawaian import Pendekatan, SkpVariant

    return {
        "blank_form": BlankKind(FORMS[args.form]),
        "variant": {"ja-jf": SkpVariant.JA_JF, "jpt": SkpVariant.JPT}.get(args.variant or ""),
        "pendekatan": Pendekatan(args.pendekatan.upper()),
    }


def cmd_print(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.print_service import PrintJob, print_documents

    setup = _setup(args)
    if args.kind != "blank" and args.year is None:
        raise ValidationError("--year wajib diisi.")
    if args.nip and args.unit:
        raise ValidationError("Pilih salah satu: --nip atau --unit.")
    if args.kind == "penetapan" and not args.unit:
        raise ValidationError("Penetapan predikat dicetak per unit: beri --unit KODE.")
    period = _period(ctx, args.period) if args.kind != "skp" else "TAHUNAN"
    out = Path(args.out)
    job = PrintJob(
        kind=args.kind,
        year=args.year or 0,
        out=out,
        period=period,
        nips=tuple(args.nip),
        unit_code=args.unit,
        recursive=args.recursive,
        setup=setup,
        duplex=not args.simplex,
        split=bool(args.split),
        workers=max(0, args.workers),
        here=True,  # this process has nothing else to do: it renders too
        **(_blank_options(args) if args.kind == "blank" else {}),
    )
    if args.nip or args.unit and args.kind != "penetapan":
        with ctx.progress(0, "Mencetak") as bar:
            result = print_documents(
                ctx.db, ctx.user, job, on_event=lambda ev: bar.update(len(ev.items) + len(ev.failures), total=ev.total)
            )
    else:
        result = print_documents(ctx.db, ctx.user, job)
    return _report(ctx, result)


def _report(ctx: CliContext, result: Any) -> int:
    docs, failures, single = result.documents, result.failures, result.single
    if single is not None:
        where = str(docs[0].path)
        lines = [f"{single.title or 'Dokumen'}: {single.page_count} halaman ditulis ke {where} "
                 f"(nomor dokumen {single.doc_id})."]
    elif docs:
        secs = f"{result.seconds:.1f}".replace(".", ",")
        where = ", ".join(str(f) for f in result.files[:1]) + (" ..." if len(result.files) > 1 else "")
        lines = [f"{len(docs)} dokumen ({result.pages} halaman) ditulis ke {where} dalam {secs} dtk."]
        if len(result.files) == 1 and len(docs) > 1:
            lines.append("Berkas gabungan ini untuk dicetak di kertas; untuk tanda tangan elektronik cetak "
                         "per pegawai (--nip) atau dengan --split (satu berkas per pegawai).")
    else:
        lines = ["Tidak ada dokumen yang dicetak."]
    lines += [f"Peringatan: {w}" for w in result.warnings]
    if failures:
        lines.append(f"Gagal dicetak ({len(failures)}):")
        lines += [f"  {f.doc_id}: {f.message}" for f in failures[:200]]
        if len(failures) > 200:
            lines.append(f"  ... dan {len(failures) - 200} lainnya (pakai --json untuk daftar lengkap)")
    data: dict[str, Any] = {
        "files": [str(f) for f in result.files],
        "documents": [
            {
                "doc_id": d.doc_id,
                "employee_id": d.employee_id or None,
                "pages": d.page_count,
                "file": str(d.path) if d.path else None,
                "first_page": d.first_page,
            }
            for d in docs
        ],
        "pages": result.pages,
        "seconds": round(result.seconds, 3),
        "warnings": list(result.warnings),
        "failures": [{"doc_id": f.doc_id, "message": f.message} for f in failures],
    }
    if single is not None:
        data |= {"file": str(docs[0].path), "doc_id": single.doc_id, "data_sha256": single.data_sha256,
                 "signable": bool(single.signature_fields)}
    ctx.out(data, "\n".join(lines))
    return 1 if failures or not docs else 0
