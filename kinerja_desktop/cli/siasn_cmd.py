"""`kinerja siasn`: the annual and periodic results for the national system (SIASN, BKN).

  kinerja --user admin siasn check --year 2026 [--unit D001] [--period TW1 ...]
  kinerja --user admin siasn export siasn.json|siasn.xlsx --year 2026 [--unit ...] [--period ...]
  kinerja --user admin siasn kredensial --url https://apimws.bkn.go.id:8243   # tokens from env or prompt
  kinerja --user admin siasn send --url URL --year 2026 [--limit N]            # queue, then send
  kinerja --user admin siasn antrean [--ulang]                                   # the queue; --ulang retries failed

The real SIASN endpoint needs the instansi's credentials; it was not reached while building this.
Each record's signed evaluation documents are uploaded with it; the SIASN reference ids used
(id_ref_dokumen, koefisienId) are settings: kinerja --user admin pengaturan --set siasn.dokumen_periodik=890.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kinerja_desktop.cli.context import CliContext

URL_ENV = "KINERJA_SIASN_URL"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("siasn", help="data kinerja untuk SIASN (BKN): periksa, ekspor, kirim")
    ssub = p.add_subparsers(dest="siasn_command", required=True, metavar="SUB")

    def scope(q: argparse.ArgumentParser) -> None:
        q.add_argument("--year", type=int, required=True, metavar="Y", help="tahun penilaian")
        q.add_argument("--unit", metavar="KODE", help="hanya unit ini dan sub-unitnya")
        q.add_argument("--period", action="append", metavar="P", help="hanya periode ini (boleh berulang)")

    q = ssub.add_parser("check", help="daftar evaluasi yang tidak dapat dikirim dan alasannya")
    scope(q)
    q.set_defaults(func=cmd_check)
    q = ssub.add_parser("export", help="tulis data siap kirim ke JSON atau XLSX untuk diunggah operator")
    q.add_argument("out", metavar="FILE", help="berkas .json atau .xlsx")
    scope(q)
    q.set_defaults(func=cmd_export)
    q = ssub.add_parser("kredensial", help="simpan token SIASN instansi di keyring sistem")
    q.add_argument("--url", metavar="URL", help=f"alamat SIASN (atau env {URL_ENV})")
    q.set_defaults(func=cmd_credentials)
    q = ssub.add_parser("send", help="masukkan data ke antrean lalu kirim ke SIASN")
    scope(q)
    q.add_argument("--url", metavar="URL", help=f"alamat SIASN (atau env {URL_ENV})")
    q.add_argument("--limit", type=int, metavar="N", help="kirim paling banyak N data kali ini")
    q.add_argument("--antrean", metavar="FILE", help="berkas antrean (bawaan: siasn-antrean.json di folder data)")
    q.set_defaults(func=cmd_send)
    q = ssub.add_parser("antrean", help="isi antrean pengiriman SIASN")
    q.add_argument("--ulang", action="store_true", help="kembalikan data yang gagal ke antrean")
    q.add_argument("--antrean", metavar="FILE", help="berkas antrean")
    q.set_defaults(func=cmd_queue)


def _batch(args: argparse.Namespace, ctx: CliContext):  # type: ignore[no-untyped-def]
    from kinerja_desktop.services.siasn_export import collect_siasn

    return collect_siasn(ctx.db, ctx.user, args.year, unit_code=args.unit, periods=args.period)


def _problems_text(batch) -> str:  # type: ignore[no-untyped-def]
    lines = [f"{p.nip or '-':<18} {p.period:<8} {p.nama}: {'; '.join(p.reasons)}" for p in batch.problems]
    head = (f"Siap dikirim: {len(batch.records)} data. Tidak dapat dikirim: {len(batch.problems)} evaluasi"
            + (":" if lines else "."))
    return "\n".join([head, *lines])


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    batch = _batch(args, ctx)
    ctx.out({"siap": len(batch.records), "masalah": [p.to_dict() for p in batch.problems]}, _problems_text(batch))
    return 1 if batch.problems else 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.siasn_export import write_json, write_xlsx

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise ValidationError("Berkas ekspor SIASN harus .json atau .xlsx.", field="FILE")
    batch = _batch(args, ctx)
    (write_json if suffix == ".json" else write_xlsx)(batch, out)
    ctx.out({"file": str(out), "records": len(batch.records), "problems": len(batch.problems)},
            f"Disimpan: {out} ({len(batch.records)} data siap kirim, {len(batch.problems)} tidak dapat dikirim).")
    return 0


def _url(args: argparse.Namespace) -> str:
    from kinerja_desktop.domain.errors import ValidationError

    url = args.url or os.environ.get(URL_ENV)
    if not url:
        raise ValidationError(f"Alamat SIASN belum diberikan: --url atau {URL_ENV}.", field="url")
    return str(url)


def _queue(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kinerja_desktop.store.location import default_data_dir
    from kinerja_desktop.sync.siasn_client import SiasnQueue

    return SiasnQueue(args.antrean or default_data_dir() / "siasn-antrean.json")


def cmd_credentials(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.sync.siasn_client import SiasnCredentials, store_credentials

    url = _url(args)
    token = os.environ.get("KINERJA_SIASN_TOKEN")
    sso = os.environ.get("KINERJA_SIASN_SSO_TOKEN")
    if token is None and sys.stdin.isatty():
        token = getpass.getpass("Token API gateway SIASN: ")
        sso = getpass.getpass("Token SSO SIASN: ")
    if not token:
        raise ValidationError("Token SIASN tidak diberikan: setel KINERJA_SIASN_TOKEN dan KINERJA_SIASN_SSO_TOKEN.")
    store_credentials(ctx.user, url, SiasnCredentials(token, sso or ""))
    ctx.out({"url": url, "stored": True}, f"Kredensial SIASN untuk {url} disimpan di keyring sistem.")
    return 0


def cmd_send(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.signed_documents import document_pdf
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.siasn_export import dokumen_refs
    from kinerja_desktop.sync.siasn_client import SiasnClient, load_credentials, send_queue

    url = _url(args)
    credentials = load_credentials(url)
    if credentials is None:
        raise ValidationError(f"Belum ada kredensial SIASN untuk {url}: kinerja --user admin siasn kredensial "
                              f"--url {url}")
    batch = _batch(args, ctx)
    queue = _queue(args)
    added = queue.enqueue(ctx.user, batch.records)
    with ctx.progress(len(queue.pending()), "Mengirim ke SIASN") as bar:
        run = send_queue(ctx.user, queue, SiasnClient(url, credentials), limit=args.limit,
                         progress=lambda _n, total, _i: bar.update(1, total=total),
                         documents=lambda doc_id: document_pdf(ctx.db, ctx.user, doc_id),
                         dokumen_ref=dokumen_refs(ctx.db))
    lines = [f"Masuk antrean: {added}. Terkirim: {len(run.sent)}. Gagal: {len(run.failed)}. "
             f"Masih menunggu: {run.left}. Tidak dapat dikirim (lihat 'siasn check'): {len(batch.problems)}."]
    lines += [f"  gagal {i.nip} {i.key.split(':')[-1]}: {i.last_error}" for i in run.failed]
    if run.offline:
        lines.append(run.offline)
    ctx.out({"queued": added, "sent": len(run.sent), "failed": [i.key for i in run.failed], "left": run.left,
             "offline": run.offline}, "\n".join(lines))
    return 1 if (run.failed or run.offline) else 0


def cmd_queue(args: argparse.Namespace, ctx: CliContext) -> int:
    queue = _queue(args)
    if args.ulang:
        from kinerja_desktop.domain.errors import PermissionDenied

        if not ctx.user.is_admin:
            raise PermissionDenied("Hanya admin kepegawaian yang dapat mengirim data ke SIASN.")
        queue.retry_failed()
    items = queue.all()
    lines = [f"{i.status:<9} {i.key}  {i.last_error or ''}".rstrip() for i in items]
    ctx.out([{"key": i.key, "status": i.status, "attempts": i.attempts, "error": i.last_error} for i in items],
            "\n".join(lines) if lines else "Antrean SIASN kosong.")
    return 0
