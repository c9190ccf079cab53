"""`kinerja sync`: push and pull with the shared store, and look after what sync leaves for people.

    kinerja sync [--remote URL] [--json]      one full sync (the URL is remembered)
    kinerja sync status                       store, device, what waits to be sent, conflicts
    kinerja sync konflik                      fields with two values, waiting for a choice
    kinerja --user NAMA sync pilih ID...      keep a value (conflict id) or the shown one (--tetap)
    kinerja sync ditolak                      changes refused because their author may not make them
    kinerja sync karantina                    damaged bundles kept aside
    kinerja sync perangkat-baru               give a copied database its own device id
    kinerja --user ADMIN sync roster          publish the signed roster under roster/ (central office)
    kinerja sync akar                         the pinned root key's fingerprint (and whether this PC holds it)
    kinerja --user ADMIN sync akar buat       make the instansi's root key (central office, once)
    kinerja sync akar percayai SIDIK-JARI     pin the root key of the store's roster after comparing it
    kinerja sync akar ekspor FILE             write an enrolment file with the pinned root key
    kinerja sync akar daftar FILE             pin the root key from an enrolment file
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import PermissionDenied


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="sinkronkan dengan penyimpanan bersama (folder, WebDAV, SFTP, S3)")
    p.add_argument("--remote", metavar="URL",
                   help="lokasi penyimpanan: folder, webdav(s)://pengguna@server/jalur, sftp://..., s3://...")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="keluaran JSON")
    p.add_argument("--sandi-stdin", dest="password_stdin", action="store_true",
                   help="baca kata sandi penyimpanan dari stdin dan simpan di keyring sistem (tanpa keyring: "
                        "dipakai untuk sinkronisasi ini saja)")
    p.add_argument("--sandi-sekali", dest="password_once", action="store_true",
                   help="pakai kata sandi (dari stdin atau alamat) untuk sinkronisasi ini saja, jangan disimpan")
    p.add_argument("--konfirmasi-penyimpanan", dest="confirm_store", action="store_true",
                   help="terima penyimpanan yang kosong atau berganti identitas (kirim ulang semua data)")
    p.add_argument("--izinkan-hapus-massal", dest="allow_mass_delete", action="store_true",
                   help="izinkan penghapusan banyak data sekaligus dikirim/diterapkan")
    p.add_argument("--hanya-kirim", dest="push_only", action="store_true", help="hanya kirim perubahan")
    p.add_argument("--hanya-terima", dest="pull_only", action="store_true", help="hanya terima perubahan")
    p.set_defaults(func=cmd_sync)
    ssub = p.add_subparsers(dest="sync_command", metavar="SUB")

    s = ssub.add_parser("status", help="keadaan sinkronisasi komputer ini")
    s.set_defaults(func=cmd_status)
    s = ssub.add_parser("konflik", help="daftar konflik yang menunggu pilihan")
    s.add_argument("--semua", action="store_true", help="termasuk yang nilainya sama")
    s.set_defaults(func=cmd_conflicts)
    s = ssub.add_parser("pilih", help="selesaikan konflik: pilih nilai (nomor konflik) atau --tetap")
    s.add_argument("ids", nargs="*", type=int, metavar="ID", help="nomor nilai yang dipilih (lihat 'konflik')")
    s.add_argument("--tetap", metavar="ID", type=int, action="append", default=[],
                   help="pertahankan nilai yang tampil untuk konflik bernomor ID")
    s.set_defaults(func=cmd_choose)
    s = ssub.add_parser("ditolak", help="perubahan yang ditolak: penulis tidak berwenang, nilai tidak sah, "
                                        "atau tanda tangan tidak sah")
    s.set_defaults(func=cmd_refused)
    s = ssub.add_parser("karantina", help="bundel rusak yang dikarantina")
    s.set_defaults(func=cmd_quarantine)
    s = ssub.add_parser("perangkat-baru", help="beri database salinan identitas perangkat sendiri")
    s.set_defaults(func=cmd_fork)
    s = ssub.add_parser("migrasi-penyimpanan", help="tambahkan bagian per pegawai (parts/) ke penyimpanan lama agar "
                        "tiap komputer cukup mengunduh lingkupnya (kantor pusat, admin)")
    s.add_argument("--remote", metavar="URL", help="lokasi penyimpanan (bawaan: yang sudah diatur)")
    s.add_argument("--coba", action="store_true", help="uji coba: hitung saja, jangan tulis apa pun")
    s.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="keluaran JSON")
    s.set_defaults(func=cmd_migrate_store)
    s = ssub.add_parser("roster", help="terbitkan daftar pegawai dan pejabat penilai ke roster/ (kantor pusat, admin)")
    s.set_defaults(func=cmd_roster)
    s = ssub.add_parser("akar", help="kunci akar instansi: lihat, buat, percayai, ekspor, daftar")
    s.add_argument("aksi", nargs="?", default="lihat", choices=("lihat", "buat", "percayai", "ekspor", "daftar"))
    s.add_argument("nilai", nargs="?", metavar="SIDIK-JARI|FILE")
    s.add_argument("--ganti", action="store_true",
                   help="ganti kunci akar yang sudah dipercayai (setelah kantor pusat mengganti kunci yang hilang)")
    s.set_defaults(func=cmd_root)


def _remote_url(args: argparse.Namespace, ctx: CliContext) -> str:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.sync.remote import parse_remote
    from kinerja_desktop.sync.replica import configured_remote, save_remote

    url = getattr(args, "remote", None)
    if url:
        spec, secret = parse_remote(url)
        if secret and (getattr(args, "password_once", False) or not _keyring_works()):
            # not stored: used for this run only (said on the terminal)
            args.run_secret = secret
            _say_once(ctx, "Kata sandi dari alamat dipakai untuk sinkronisasi ini saja, tidak disimpan.")
            return save_remote(ctx.db, spec.display)
        return save_remote(ctx.db, url)
    saved = configured_remote(ctx.db)
    if not saved:
        raise ValidationError("Penyimpanan sinkronisasi belum diatur: gunakan --remote URL atau menu Pengaturan.")
    return saved


def _keyring_works() -> bool:
    """Can this PC keep a secret in the system keyring (a headless Linux often cannot)?"""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    return not isinstance(keyring.get_keyring(), NoKeyring)


def _say_once(ctx: CliContext, text: str) -> None:
    if not ctx.json:
        ctx.stderr.write(f"kinerja: {text}\n")


def _secret(args: argparse.Namespace, url: str) -> str | None:
    """The store's password for this run: typed on stdin (kept in the keyring unless --sandi-sekali or
    there is no keyring: then for this run only), from the URL, or KINERJA_SYNC_PASSWORD."""
    from kinerja_desktop.sync.remote import parse_remote, store_secret

    if getattr(args, "password_stdin", False):
        secret = sys.stdin.readline().rstrip("\r\n")
        if getattr(args, "password_once", False) or not _keyring_works():
            args.run_secret = secret
        else:
            store_secret(parse_remote(url)[0], secret)
        return secret
    return getattr(args, "run_secret", None) or os.environ.get("KINERJA_SYNC_PASSWORD") or None


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.people_here import remember_person
    from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
    from kinerja_desktop.sync.remote import open_remote

    url = _remote_url(args, ctx)
    options = SyncOptions(confirm_store=args.confirm_store, allow_mass_delete=args.allow_mass_delete,
                          push=not args.pull_only, pull=not args.push_only)
    who = getattr(args, "user", None)
    if who:  # `kinerja --user NIP sync` sets this PC up for that person: it holds their scope (sync.scope)
        remember_person(ctx.db, who)
    step = _long_term_step(ctx, who)
    remote = open_remote(url, secret=_secret(args, url))
    state: dict[str, Any] = {"phase": None, "done": 0}
    try:
        with ctx.progress(0, "Sinkronisasi") as bar:
            def on_progress(p: Any) -> None:
                if p.phase != state["phase"]:
                    state["phase"], state["done"] = p.phase, 0
                    bar.label, bar.done = p.phase.capitalize(), 0
                total = p.bytes_total or p.items_total
                done = p.bytes_done if p.bytes_total else p.items_done
                bar.update(max(0, done - state["done"]), total=total)
                state["done"] = done

            report = SyncEngine(ctx.db, remote, options, progress=on_progress, before_push=step).run()
    finally:
        remote.close()
    lines = [report.summary()]
    lines += [f"  LTV gagal: {f['document']} — {f['error']}" for f in report.long_term.get("failed", [])]
    ctx.out(report.to_dict(), "\n".join(lines))
    return 0


def _long_term_step(ctx: CliContext, who: str | None) -> Any:
    """Before sending: long-term validation of the signed documents held here, when a timestamp server is
    set and a user signed in (``--user`` with KINERJA_PASSWORD); documents/long_term_documents.py."""
    from kinerja_desktop.documents.long_term_documents import sync_step, tsa_url

    if not who or not tsa_url(ctx.db):
        return None
    try:
        user = ctx.user
    except PermissionDenied:
        user = None
    return sync_step(ctx.db, user)


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from sqlalchemy import func, select

    from kinerja_desktop.services.people_here import people_here
    from kinerja_desktop.store.models import ChangeLog
    from kinerja_desktop.store.sync_models import SyncPeer, SyncQuarantine, SyncRefused, SyncStore
    from kinerja_desktop.sync.conflicts import list_conflicts
    from kinerja_desktop.sync.engine import WAITING_KEY
    from kinerja_desktop.sync.replica import configured_remote, get_meta, this_device
    from kinerja_desktop.sync.scope import scope_of

    db = ctx.db
    device = this_device(db)
    with db.reader() as s:
        waiting = s.execute(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.device_id == device, ChangeLog.pushed.is_(False))).scalar()
        stores = [{"url": st.url, "store_id": st.store_id, "pushed_seq": st.pushed_seq,
                   "last_push_at": st.last_push_at, "last_pull_at": st.last_pull_at}
                  for st in s.scalars(select(SyncStore))]
        peers = {p.device_id: {"applied_seq": p.applied_seq, "held": p.held} for p in s.scalars(select(SyncPeer))}
        refused = s.execute(select(func.count()).select_from(SyncRefused)).scalar()
        quarantined = s.execute(select(func.count()).select_from(SyncQuarantine)).scalar()
    blocked = get_meta(db, WAITING_KEY) or {}
    scope = scope_of(db)
    held = "seluruh instansi" if scope.full else (
        f"lingkup {', '.join(people_here(db))}: {len(scope.employees)} pegawai, {len(scope.parts)} bagian")
    data = {"device": device, "remote": configured_remote(db), "unsent_changes": waiting, "stores": stores,
            "peers": peers, "conflicts": len(list_conflicts(db)), "refused": refused, "quarantined": quarantined,
            "waiting": blocked, "scope": {"full": scope.full, "people": people_here(db),
                                          "employees": len(scope.employees), "partitions": len(scope.parts)}}
    lines = [f"Perangkat ini      : {device}", f"Menyimpan         : {held}",
             f"Penyimpanan       : {data['remote'] or '(belum diatur)'}",
             f"Menunggu dikirim  : {waiting} perubahan", f"Konflik           : {data['conflicts']}",
             f"Ditolak           : {refused}", f"Dikarantina       : {quarantined}"]
    for st in stores:
        lines.append(f"  {st['url']}: terakhir kirim {st['last_push_at'] or '-'}, terima {st['last_pull_at'] or '-'}")
    for other, why in sorted(blocked.items()):
        lines.append(f"Menunggu dari {other}: {why}")
    ctx.out(data, "\n".join(lines))
    return 0


def _fmt(value: Any) -> str:
    text = "(kosong)" if value in (None, "") else str(value)
    return text if len(text) <= 70 else text[:67] + "..."


def cmd_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.sync.conflicts import list_conflicts

    views = list_conflicts(ctx.db, include_same_value=args.semua)
    data = [{"table": v.table, "row_id": v.row_id, "field": v.field, "kind": v.kind, "employee": v.employee,
             "current": {"value": v.current.value, "author": v.current.author, "version": v.current.version},
             "others": [{"id": o.conflict_id, "value": o.value, "author": o.author, "version": o.version}
                        for o in v.others]} for v in views]
    if not views:
        ctx.out(data, "Tidak ada konflik.")
        return 0
    lines = []
    for v in views:
        jenis = "ditandatangani" if v.kind == "frozen" else "bersamaan"
        lines.append(f"{v.label} — {v.employee} ({jenis})")
        keep = v.others[0].conflict_id if v.others else None
        lines.append(f"   tampil : {_fmt(v.current.value)}  [{v.current.author or '-'}]  (--tetap {keep})")
        for o in v.others:
            lines.append(f"   #{o.conflict_id:<5}: {_fmt(o.value)}  [{o.author or '-'}]")
    ctx.out(data, "\n".join(lines))
    return 0


def cmd_choose(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.store.sync_models import SyncConflict
    from kinerja_desktop.sync.conflicts import dismiss, resolve

    if not args.ids and not args.tetap:
        raise ValidationError("Sebutkan nomor nilai yang dipilih, atau --tetap NOMOR.")
    user = ctx.user
    done = []
    for cid, keep in [*((i, False) for i in args.ids), *((i, True) for i in args.tetap)]:
        with ctx.db.reader() as s:
            c = s.get(SyncConflict, cid)
            if c is None:
                raise ValidationError(f"Konflik nomor {cid} tidak ditemukan.")
            table, row_id, field, kind = c.table_name, c.row_id, c.field, c.kind
        if kind == "frozen":
            dismiss(ctx.db, user, [cid])
        else:
            resolve(ctx.db, user, table, row_id, field, None if keep else cid)
        done.append(cid)
    ctx.out({"resolved": done}, f"{len(done)} konflik diselesaikan; perubahan dikirim pada sinkronisasi berikutnya.")
    return 0


def cmd_refused(args: argparse.Namespace, ctx: CliContext) -> int:
    from sqlalchemy import select

    from kinerja_desktop.store.sync_models import SyncQuarantine
    from kinerja_desktop.sync.conflicts import list_refused

    rows = list_refused(ctx.db)
    data = [{"device": r.device_id, "seq": r.seq, "table": r.table_name, "row_id": r.row_id, "user": r.user,
             "reason": r.reason, "fields": r.fields, "at": r.at} for r in rows]
    lines = [f"{r.at:%d-%m-%Y %H:%M} {r.user or '-'}: {r.reason}" for r in rows]
    # whole bundles refused because a change in them is not signed by its author (see `karantina`)
    with ctx.db.reader() as s:
        forged = list(s.scalars(select(SyncQuarantine).where(SyncQuarantine.reason.like("ditolak:%"))
                                .order_by(SyncQuarantine.id.desc())))
    data += [{"device": q.device_id, "bundle": q.path, "reason": q.reason, "at": q.at} for q in forged]
    lines += [f"{q.at:%d-%m-%Y %H:%M} bundel {q.path}: {q.reason}" for q in forged]
    text = "\n".join(lines) or "Tidak ada."
    ctx.out(data, text)
    return 0


def cmd_quarantine(args: argparse.Namespace, ctx: CliContext) -> int:
    from sqlalchemy import select

    from kinerja_desktop.store.sync_models import SyncQuarantine

    with ctx.db.reader() as s:
        rows = list(s.scalars(select(SyncQuarantine).order_by(SyncQuarantine.id)))
    data = [{"store": r.store_url, "path": r.path, "reason": r.reason, "local_copy": r.local_path, "at": r.at}
            for r in rows]
    text = "\n".join(f"{r.at:%d-%m-%Y %H:%M} {r.path}: {r.reason}" for r in rows) or "Tidak ada."
    ctx.out(data, text)
    return 0


def cmd_fork(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.sync.engine import SyncEngine
    from kinerja_desktop.sync.remote import open_remote
    from kinerja_desktop.sync.replica import configured_remote, fork_replica

    shared = None
    url = getattr(args, "remote", None) or configured_remote(ctx.db)
    if url:
        remote = open_remote(url, secret=_secret(args, url))
        try:
            shared = SyncEngine(ctx.db, remote).shared_prefix()
        finally:
            remote.close()
    new = fork_replica(ctx.db, shared_upto=shared)
    ctx.out({"device": new, "shared_upto": shared},
            f"Identitas perangkat baru: {new}. Perubahan yang dibuat di salinan ini akan dikirim atas nama "
            "perangkat ini.")
    return 0


def cmd_migrate_store(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.sync.migrate_store import migrate_store
    from kinerja_desktop.sync.remote import open_remote
    from kinerja_desktop.sync.replica import configured_remote

    url = getattr(args, "remote", None) or configured_remote(ctx.db)
    if not url:
        raise ValidationError("Lokasi penyimpanan belum diatur: --remote URL.")
    user = ctx.user
    remote = open_remote(url, secret=_secret(args, url))
    try:
        with ctx.progress(0, "Migrasi") as bar:
            def on_progress(phase: str, done: int, total: int) -> None:
                bar.label = phase.capitalize()
                bar.update(max(0, done - bar.done), total=total)

            report = migrate_store(ctx.db, remote, user, dry_run=args.coba, progress=on_progress)
    finally:
        remote.close()
    ctx.out(report.to_dict(), report.summary())
    return 0


def cmd_roster(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.central.roster import publish_roster
    from kinerja_desktop.domain.errors import PermissionDenied
    from kinerja_desktop.services.trust_service import unlock_root
    from kinerja_desktop.sync.remote import open_remote

    if not ctx.user.is_admin:
        raise PermissionDenied("Hanya admin yang dapat menerbitkan daftar pegawai.")
    url = _remote_url(args, ctx)
    remote = open_remote(url, secret=_secret(args, url))
    try:
        published = publish_roster(ctx.db, remote, unlock_root(ctx.db, _root_passphrase()))
    finally:
        remote.close()
    text = (f"Daftar pegawai diterbitkan: {published.path}" if published.changed
            else f"Daftar pegawai tidak berubah sejak {published.path}.")
    ctx.out({"path": published.path, "seq": published.seq, "sha256": published.sha256,
             "changed": published.changed}, text)
    return 0


def _root_passphrase(prompt: str = "Frasa sandi kunci akar instansi: ") -> str:
    secret = os.environ.get("KINERJA_ROOT_PASSPHRASE")
    if secret:
        return secret
    if not sys.stdin.isatty():
        from kinerja_desktop.domain.errors import PermissionDenied

        raise PermissionDenied("Frasa sandi kunci akar tidak diberikan: setel KINERJA_ROOT_PASSPHRASE.")
    import getpass

    return getpass.getpass(prompt)


def cmd_root(args: argparse.Namespace, ctx: CliContext) -> int:
    import json
    from pathlib import Path

    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services import trust_service as T
    from kinerja_desktop.store.signing import fingerprint

    if args.aksi == "buat":
        user = ctx.user  # signed in first; the service checks the admin right
        first = _root_passphrase("Frasa sandi baru kunci akar (paling sedikit 10 karakter): ")
        if not os.environ.get("KINERJA_ROOT_PASSPHRASE"):
            if _root_passphrase("Ulangi frasa sandi: ") != first:
                raise ValidationError("Kedua frasa sandi tidak sama.")
        public = T.create_root_key(ctx.db, user, first)
        ctx.out({"root": public, "fingerprint": fingerprint(public)},
                f"Kunci akar instansi dibuat. Sidik jari: {fingerprint(public)}\n"
                "Simpan frasa sandinya di tempat aman; bagikan sidik jari ini (atau berkas pendaftaran dari "
                "'kinerja sync akar ekspor') ke setiap komputer.")
        return 0
    if args.aksi == "percayai":
        if not args.nilai:
            raise ValidationError("Sebutkan sidik jari kunci akar yang diberikan kantor pusat.")
        from kinerja_desktop.sync.remote import open_remote
        from kinerja_desktop.sync.trust import read_roster_doc, roster_listing

        url = _remote_url(args, ctx)
        remote = open_remote(url, secret=_secret(args, url))
        try:
            listing = roster_listing(remote)
            doc = read_roster_doc(remote, listing[-1][2], listing[-1][1]) if listing else None
        finally:
            remote.close()
        public = str((doc or {}).get("root") or "")
        wanted = "".join(args.nilai.split()).upper()
        if not public or not T.verify_roster(doc or {}, public):
            raise ValidationError("Penyimpanan belum memuat daftar pegawai bertanda tangan dari kantor pusat.")
        if fingerprint(public).replace(" ", "") != wanted:
            raise ValidationError(
                f"Sidik jari kunci di penyimpanan ({fingerprint(public)}) TIDAK sama dengan yang Anda masukkan. "
                "Jangan lanjutkan; hubungi kantor pusat.")
        shown = T.pin_root(ctx.db, public, replace=args.ganti)
        ctx.out({"root": public, "fingerprint": shown}, f"Kunci akar instansi dipercayai: {shown}")
        return 0
    if args.aksi == "daftar":
        if not args.nilai:
            raise ValidationError("Sebutkan berkas pendaftaran dari kantor pusat.")
        try:
            enrol = json.loads(Path(args.nilai).read_text(encoding="utf-8"))
            public = str(enrol["root"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValidationError(f"Berkas pendaftaran tidak dapat dibaca: {exc}") from exc
        try:
            shown = T.pin_root(ctx.db, public, replace=args.ganti)
        except ValueError as exc:
            raise ValidationError("Berkas pendaftaran tidak memuat kunci akar yang sah.") from exc
        ctx.out({"root": public, "fingerprint": shown}, f"Kunci akar instansi dipercayai: {shown}")
        return 0
    public = T.pinned_root(ctx.db)
    if args.aksi == "ekspor":
        if not public or not args.nilai:
            raise ValidationError("Belum ada kunci akar yang dipercayai, atau berkas tujuan tidak disebut.")
        Path(args.nilai).write_text(json.dumps({"kinerja_enrol": 1, "root": public,
                                                "fingerprint": fingerprint(public)}, indent=1), encoding="utf-8")
        ctx.out({"file": args.nilai, "fingerprint": fingerprint(public)},
                f"Berkas pendaftaran ditulis: {args.nilai} (sidik jari {fingerprint(public)})")
        return 0
    held = T.has_root_key(ctx.db)
    text = (f"Kunci akar instansi yang dipercayai: {fingerprint(public)}" if public
            else "Komputer ini belum mempercayai kunci akar instansi: perubahan dari komputer lain belum diterapkan.")
    if held:
        text += "\nDatabase ini memegang kunci akar (kantor pusat)."
    ctx.out({"root": public, "fingerprint": fingerprint(public) if public else None, "holds_root": held}, text)
    return 0
