"""`kinerja dokumen`: the signed PDFs stored in the database.

  kinerja --user NAMA dokumen list --nip NIP [--year Y] [--period P] [--doc JENIS]
  kinerja --user NAMA dokumen export ID --out FILE.pdf
  kinerja --user NAMA dokumen ltv [ID] [--tsa URL] [--limit N]
``export`` writes the stored file byte for byte, so its signatures verify as stored. ``ltv`` adds
long-term validation (PAdES B-LTA) to one stored document, or to those held here that lack it
(what sync does before each run; documents/long_term_documents.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dokumen", help="dokumen bertanda tangan yang tersimpan: daftar dan ekspor")
    dsub = p.add_subparsers(dest="dokumen_command", required=True, metavar="SUB")
    q = dsub.add_parser("list", help="daftar dokumen bertanda tangan seorang pegawai")
    q.add_argument("--nip", required=True, metavar="NIP", help="pegawai (untuk penetapan: NIP pimpinan unit)")
    q.add_argument("--year", type=int, metavar="Y", help="hanya tahun ini")
    q.add_argument("--period", metavar="P", help="hanya periode ini, mis. TW3 atau TAHUNAN")
    q.add_argument("--doc", choices=("skp", "evaluasi", "dokumen-evaluasi", "penetapan"), help="hanya jenis ini")
    q.set_defaults(func=cmd_list)
    q = dsub.add_parser("export", help="simpan satu dokumen tersimpan apa adanya (byte demi byte)")
    q.add_argument("id", metavar="ID", help="nomor dokumen dari 'dokumen list' (sedikitnya 6 karakter awal)")
    q.add_argument("--out", metavar="FILE.pdf", help="berkas tujuan (bawaan: <jenis>-<tahun>-<periode>-<hash>.pdf)")
    q.set_defaults(func=cmd_export)
    q = dsub.add_parser("ltv", help="perpanjang keabsahan (LTV, PAdES B-LTA): cap waktu dokumen dan data validasi")
    q.add_argument("id", nargs="?", metavar="ID", help="satu dokumen (bawaan: semua yang tersimpan dan belum ber-LTV)")
    q.add_argument("--tsa", metavar="URL", help="server cap waktu (bawaan: Pengaturan signing.tsa_url)")
    q.add_argument("--limit", type=int, default=20, metavar="N", help="paling banyak N dokumen per jalan (bawaan 20)")
    q.set_defaults(func=cmd_ltv)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.document_export import documents_of

    docs = documents_of(ctx.db, ctx.user, args.nip, year=args.year, period=args.period, kind=args.doc)
    lines = [
        f"{d.id[:8]}  {d.kind_label:<26} {d.year or '-'} {d.period or '-':<8} {d.status_label:<24} "
        f"{d.signed_by()}"
        for d in docs
    ]
    ctx.out([d.to_dict() for d in docs], "\n".join(lines) if lines else "Belum ada dokumen bertanda tangan.")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.document_export import default_filename, export_document, find_document
    from kinerja_desktop.documents.signed_documents import list_documents

    db, user = ctx.db, ctx.user
    doc_id = find_document(db, args.id)
    out = Path(args.out) if args.out else None
    if out is None:
        from kinerja_desktop.store.models import Document

        with db.reader() as s:
            owner = s.get(Document, doc_id).employee_id
        view = next(d for d in list_documents(db, user, owner) if d.id == doc_id)
        out = Path(default_filename(view))
    sha = export_document(db, user, doc_id, out)
    ctx.out({"id": doc_id, "file": str(out), "sha256": sha},
            f"Disimpan: {out} (SHA-256 {sha}, sama persis dengan dokumen tersimpan).")
    return 0


def cmd_ltv(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.document_export import find_document
    from kinerja_desktop.documents.long_term_documents import extend_document, extend_stored

    db, user = ctx.db, ctx.user
    if args.id:
        doc_id = find_document(db, args.id)
        level = extend_document(db, user, doc_id, url=args.tsa)
        ctx.out({"id": doc_id, "level": level}, f"Keabsahan dokumen {doc_id[:8]} diperpanjang ({level}).")
        return 0
    with ctx.progress(0, "Validasi jangka panjang") as bar:
        def on_progress(done: int, total: int, _label: str) -> None:
            bar.update(done - bar.done, total=total)

        run = extend_stored(db, user, url=args.tsa, limit=max(1, args.limit), progress=on_progress)
    ctx.out(run.to_dict(), "\n".join(run.summary_lines()))
    return 1 if run.failed else 0
