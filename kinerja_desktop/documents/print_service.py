"""One way to print: what the command line (``kinerja print``) and the GUI (Cetak…) both call.

The rule: **a print of one document gives that document's own PDF** (:func:`render`), which
carries its signature boxes, document id and data hash in the document info, so it can be
signed as it is (``kinerja sign FILE.pdf --role ...``). That holds for one employee's sheet, a
Penetapan Predikat, a blank form, and each file of a ``split`` batch.

Several people in one file (a unit, a selection) are a *combined print* for paper: the batch
path (:mod:`kinerja_desktop.documents.batch`, worker processes, unchanged speed). Such a file is
not signable: a PAdES signature covers the whole file, so one person's signature would also
cover everybody else's sheet, and each signer would have to sign every sheet in it. It names
its documents under ``/KinerjaDocuments``, and ``kinerja sign`` refuses it with a sentence
that says to print one person, or with ``split``, one file each.

Permission checks live here (``print_scope.authorize``): the pegawai, their penilai and admins
print a person's sheets; only admins print a unit's penetapan.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.documents.batch import BatchEvent, BatchItem, BatchSpec, Person, file_name, run_batch
from kinerja_desktop.documents.page_setup import PageSetup
from kinerja_desktop.documents.render import DocumentFailure, RenderError, render
from kinerja_desktop.documents.rendered import RenderedDocument
from kinerja_desktop.documents.sheet_data import BlankKind, Sheet
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.kepegawaian import Pendekatan, SkpVariant
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database

__all__ = ["PrintJob", "PrintResult", "print_documents"]

KINDS = ("skp", "evaluasi", "dokumen-evaluasi", "penetapan", "blank", "matriks")

#: The monthly progres harian recap (issue 17): ``nips``/``employee_ids`` (one person, default the
#: signed-in pegawai) or a unit; ``period`` is the month (B01..B12).
KINDS += ("rekap-harian",)


@dataclass(frozen=True)
class PrintJob:
    """What to print and where.

    People: ``nips``, ``employee_ids``, or a unit (``unit_code`` or ``unit_id``, with
    ``recursive`` for its sub-units). ``out`` is a PDF file, or a folder with ``split`` (one file
    per document). A blank form with nobody named is one fully blank form.
    """

    kind: str
    year: int
    out: Path
    period: str = "TAHUNAN"
    nips: tuple[str, ...] = ()
    employee_ids: tuple[str, ...] = ()
    unit_code: str | None = None
    unit_id: str | None = None
    recursive: bool = False
    setup: PageSetup = field(default_factory=PageSetup)
    duplex: bool = True
    split: bool = False
    workers: int = 2
    here: bool = False  # the caller has nothing else to do: it renders too (the command line)
    read_here: bool = False  # the caller reads every sheet; worker processes never open the database (the GUI)
    blank_form: BlankKind = BlankKind.SKP
    variant: SkpVariant | None = None
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF
    reproducible: bool = False  # a one-document print gives the same bytes for the same sheet (fixed dates)
    plan_id: str | None = None  # one person's sheet from this SKP (a Plt./Plh. SKP, a closed one) instead of the current

    @property
    def names_people(self) -> bool:
        return bool(self.nips or self.employee_ids or self.unit_code or self.unit_id)


@dataclass
class PrintResult:
    """What was made. ``single`` is the rendered document when the print was one document."""

    files: list[Path] = field(default_factory=list)
    documents: list[BatchItem] = field(default_factory=list)
    failures: list[DocumentFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    single: RenderedDocument | None = None


def print_documents(
    db: Database,
    user: CurrentUser,
    job: PrintJob,
    *,
    on_event: Callable[[BatchEvent], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> PrintResult:
    """Resolve, authorise and print ``job``; see the module docstring for what a file holds."""
    from kinerja_desktop.documents.loader import SheetLoader

    if job.kind not in KINDS:
        raise ValidationError(f"Jenis dokumen '{job.kind}' tidak dikenal; gunakan {', '.join(KINDS)}.")
    started = time.perf_counter()
    if job.plan_id and (job.split or job.unit_code or job.unit_id or len(job.nips) + len(job.employee_ids) != 1):
        raise ValidationError("SKP tertentu (Plt./Plh. atau SKP jabatan lama) dicetak untuk satu pegawai saja.")
    if job.kind == "rekap-harian":
        return _daily_recap(db, user, job, started)
    if job.kind == "penetapan":
        return _penetapan(db, user, job, started)
    if job.kind == "matriks":
        return _matriks(db, user, job, started)
    if job.kind == "blank" and not job.names_people:
        sheet = SheetLoader(db).blank(
            job.blank_form,
            year=job.year or None,
            period=job.period if job.blank_form is not BlankKind.SKP else None,
            variant=job.variant,
            pendekatan=job.pendekatan,
        )
        return _write_single(job, sheet, f"Blanko_{job.blank_form.value}.pdf", started)
    return _people(db, user, job, started, on_event=on_event, cancel=cancel)


def _penetapan(db: Database, user: CurrentUser, job: PrintJob, started: float) -> PrintResult:
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.print_scope import authorize_unit, resolve_unit

    if not (job.unit_id or job.unit_code):
        raise ValidationError("Penetapan predikat kinerja dicetak per unit: pilih unit kerja (--unit KODE).")
    authorize_unit(user)
    unit_id = job.unit_id or resolve_unit(db, job.unit_code or "")[0]
    sheet = SheetLoader(db).penetapan(unit_id, job.year, job.period, recursive=job.recursive)
    name = f"{sheet.unit_code}_Penetapan_{sheet.period.code}_{job.year}.pdf"
    return _write_single(job, sheet, name, started)


def _matriks(db: Database, user: CurrentUser, job: PrintJob, started: float) -> PrintResult:
    """The matriks peran hasil of one unit head (``nips``/``employee_ids``, default the signed-in person)."""
    from datetime import date

    from sqlalchemy import select

    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.matriks_layout import (
        MatriksCell,
        MatriksPerson,
        MatriksRow,
        MatriksSheet,
        MatriksTeam,
    )
    from kinerja_desktop.documents.sheet_data import Person as SheetPerson
    from kinerja_desktop.domain.kepegawaian import Aspek
    from kinerja_desktop.services import role_matrix_service
    from kinerja_desktop.services.plan_service import STATUS_LABELS, format_target, identity_of, parse_target
    from kinerja_desktop.store.models import Employee

    head_id = job.employee_ids[0] if job.employee_ids else None
    if head_id is None and job.nips:
        nip = "".join(job.nips[0].split())
        with db.reader() as s:
            head_id = s.scalars(select(Employee.id).where(Employee.nip == nip, Employee.deleted.is_(False))).first()
        if head_id is None:
            raise ValidationError(f"NIP {nip} tidak ada di daftar pegawai.")
    m = role_matrix_service.matrix(db, user, job.year, head_id)  # checks who may see it
    index = {p.employee_id: i for i, p in enumerate(m.people)}

    def indicator_line(item: dict[str, Any]) -> str:
        aspek = Aspek(item["aspek"]).label + ": " if item.get("aspek") else ""
        try:
            value, unit, text = parse_target(str(item.get("target") or ""), "KUANTITATIF")
            target = format_target(value, unit, text)
        except ValidationError:
            target = str(item.get("target") or "")
        return f"{aspek}{item.get('text') or '-'} — {target or '-'}"

    rows = tuple(
        MatriksRow(r.number, r.text, tuple(
            MatriksCell(index[c.employee_id], c.peran, c.text, tuple(indicator_line(i) for i in c.indicators),
                        c.tim_kerja, role_matrix_service.STATUS_LABELS[c.status])
            for c in sorted(r.cells.values(), key=lambda c: index.get(c.employee_id, 0)) if c.employee_id in index))
        for r in m.rows
    )
    names = {p.employee_id: p.name for p in m.people}
    with db.reader() as s:
        ident = identity_of(s, m.head_id)
    loader = SheetLoader(db)
    instansi = loader.instansi()
    sheet = MatriksSheet(
        doc_id=f"MATRIKS-{m.year}-{ident['nip'] or m.head_id[:8]}", instansi=instansi, year=m.year,
        head=SheetPerson(ident["nama"], ident["nip"], ident["pangkat"], ident["jabatan"], ident["unit"]),
        unit=m.unit or ident["unit"], plan_status=STATUS_LABELS.get(m.plan_status, m.plan_status),
        people=tuple(MatriksPerson(p.name, p.nip, p.jabatan, p.via) for p in m.people), rows=rows,
        teams=tuple(MatriksTeam(t.name, t.description, tuple(
            f"{names.get(x['employee_id'], '?')} ({x.get('peran') or 'Anggota'})" for x in t.members))
            for t in m.teams),
        tempat=instansi.kota, tanggal=None if job.reproducible else date.today(),
    )
    return _write_single(job, sheet, f"Matriks_Peran_Hasil_{ident['nip'] or 'pimpinan'}_{m.year}.pdf", started)


def _target(job: PrintJob, name: str) -> Path:
    """The file for a single document: ``out``, or ``out/name`` when ``out`` is a folder or ``split``."""
    out = job.out
    if job.split or out.is_dir() or str(out).endswith(("/", "\\")):
        return out / name
    return out


def _write_single(job: PrintJob, sheet: Sheet, name: str, started: float, person: Person | None = None) -> PrintResult:
    try:
        doc = render(sheet, job.setup, reproducible=job.reproducible)
    except RenderError as exc:
        return PrintResult(failures=[DocumentFailure(getattr(sheet, "doc_id", "?"), str(exc))],
                           seconds=time.perf_counter() - started)
    path = _target(job, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(doc.pdf)
    tmp.replace(path)
    item = BatchItem(person.employee_id if person else "", doc.doc_id, doc.title, doc.page_count, path)
    return PrintResult([path], [item], [], list(doc.warnings), doc.page_count, time.perf_counter() - started,
                       single=doc)


def _people(
    db: Database,
    user: CurrentUser,
    job: PrintJob,
    started: float,
    *,
    on_event: Callable[[BatchEvent], None] | None,
    cancel: Callable[[], bool] | None,
) -> PrintResult:
    from kinerja_desktop.documents.print_scope import authorize, resolve_employees

    unit_code = job.unit_code
    if job.unit_id and not unit_code:
        from kinerja_desktop.store.models import Unit

        with db.reader() as s:
            unit = s.get(Unit, job.unit_id)
            unit_code = unit.code if unit is not None and not unit.deleted else None
        if unit_code is None:
            raise ValidationError("Unit kerja tidak ditemukan.")
    targets = resolve_employees(
        db, nips=list(job.nips), employee_ids=list(job.employee_ids), unit_code=unit_code, recursive=job.recursive
    )
    if unit_code and job.kind != "blank":
        targets = _without_skp_exempt(db, targets, job)
    allowed, denied = (_authorize_plan(db, user, targets, job.plan_id) if job.plan_id
                       else authorize(db, user, targets, job.year or 0))
    failures = [DocumentFailure(d.target.nip or d.target.employee_id, f"{d.target.nama}: {d.message}") for d in denied]
    people = [Person(t.employee_id, t.nip, t.nama) for t in allowed]
    if not people:
        return PrintResult(failures=failures, seconds=time.perf_counter() - started)
    if len(people) == 1 and not job.split:
        result = _one_person(db, job, people[0], started)
        result.failures[:0] = failures
        if on_event is not None:
            on_event(BatchEvent(1, 1, tuple(result.documents), tuple(result.failures), tuple(result.warnings),
                                None, result.pages))
        return result
    spec = BatchSpec(job.kind, job.year or 0, job.period, job.setup, duplex=job.duplex, blank_form=job.blank_form)
    out = job.out
    if not job.split and (out.is_dir() or str(out).endswith(("/", "\\"))):
        who = job.unit_code or unit_code or (job.nips[0] if job.nips else "cetak")
        out = out / f"{who}_{job.kind}_{job.period}_{job.year}.pdf"
    batch = run_batch(
        db.url,
        spec,
        people,
        out,
        split=job.split,
        workers=job.workers if len(people) > 2 else 0,
        here=job.here,
        on_event=on_event,
        cancel=cancel,
        author=_instansi_name(db),
        reader=_reader(db) if job.read_here else None,
    )
    return PrintResult(batch.files, batch.documents, failures + batch.failures, batch.warnings, batch.pages,
                       batch.seconds, batch.cancelled)


def _authorize_plan(db: Database, user: CurrentUser, targets: list[Any], plan_id: str) -> tuple[list[Any], list[Any]]:
    """A chosen SKP (Plt./Plh., or one closed by a mutation) is printed by its own pegawai and penilai
    (the penilai written on that SKP, not today's roster), and by admins."""
    from kinerja_desktop.documents.print_scope import Denied
    from kinerja_desktop.domain.permissions import Action, may
    from kinerja_desktop.services.common import plan_subject
    from kinerja_desktop.store.models import Plan

    with db.reader() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.deleted or not targets or plan.employee_id != targets[0].employee_id:
            raise ValidationError("SKP yang dipilih tidak ditemukan untuk pegawai ini.")
        subject = plan_subject(s, plan)
    if may(user.actor, Action.PRINT, subject):
        return list(targets), []
    return [], [Denied(targets[0], "Anda bukan pegawai, pejabat penilai SKP ini, atau admin.")]


def _without_skp_exempt(db: Database, targets: list[Any], job: PrintJob) -> list[Any]:
    """A whole-unit print leaves out people who have no SKP to print: non-ASN (a pejabat negara such as
    the Bupati, who is a penilai but is not appraised) without a plan this year. Named people stay."""
    from sqlalchemy import select

    from kinerja_desktop.store.models import Employee, Plan

    named = {"".join(str(n).split()) for n in job.nips} | set(job.employee_ids)
    ids = [t.employee_id for t in targets]
    with db.reader() as s:
        non_asn = set(s.scalars(select(Employee.id).where(Employee.id.in_(ids), Employee.asn_kind == "LAINNYA")))
        if not non_asn:
            return targets
        planned = set(s.scalars(select(Plan.employee_id).where(
            Plan.employee_id.in_(non_asn), Plan.year == (job.year or 0), Plan.deleted.is_(False))))
    exempt = non_asn - planned
    return [t for t in targets if t.employee_id not in exempt or t.employee_id in named or t.nip in named]


def _one_person(db: Database, job: PrintJob, person: Person, started: float) -> PrintResult:
    from kinerja_desktop.documents.loader import LoadFailure, SheetLoader

    loader = SheetLoader(db)
    try:
        if job.kind == "blank":
            period = job.period if job.blank_form is not BlankKind.SKP else None  # an SKP form is for the year
            sheet: object = loader.blank(job.blank_form, employee_id=person.employee_id, year=job.year or None,
                                         period=period, variant=job.variant, pendekatan=job.pendekatan)
        else:
            chosen = {person.employee_id: job.plan_id} if job.plan_id else None
            (sheet,) = loader.load(job.kind, [person.employee_id], job.year, job.period, plan_ids=chosen)
    except Exception as exc:  # noqa: BLE001 - reported like a batch failure
        return PrintResult(failures=[DocumentFailure(person.nip or person.employee_id, f"{person.nama}: {exc}")],
                           seconds=time.perf_counter() - started)
    if isinstance(sheet, LoadFailure):
        return PrintResult(failures=[DocumentFailure(sheet.doc_id, sheet.message)],
                           seconds=time.perf_counter() - started)
    name = file_name(person, job.kind, job.period, blank_form=job.blank_form if job.kind == "blank" else None)
    return _write_single(job, sheet, name, started, person)  # type: ignore[arg-type]


def _daily_recap(db: Database, user: CurrentUser, job: PrintJob, started: float) -> PrintResult:
    """REKAPITULASI PROGRES HARIAN of one month; the service checks who may see whose month."""
    from kinerja_desktop.documents.daily_recap_print import recap_sheet
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.print_scope import resolve_unit
    from kinerja_desktop.domain.periods import PeriodKind
    from kinerja_desktop.domain.periods import period as period_of
    from kinerja_desktop.services.daily_log_service import month_recap

    per = period_of(job.period)
    if per.kind is not PeriodKind.BULANAN:
        raise ValidationError("Rekap progres harian dibuat per bulan: pilih bulan (mis. --period B11).")
    employee_id = job.employee_ids[0] if job.employee_ids else None
    if job.nips and not employee_id:
        from sqlalchemy import select

        from kinerja_desktop.store.models import Employee

        with db.reader() as s:
            employee_id = s.scalars(select(Employee.id).where(Employee.nip == job.nips[0])).first()
        if employee_id is None:
            raise ValidationError(f"Pegawai dengan NIP {job.nips[0]} tidak ditemukan.")
    unit_id = job.unit_id or (resolve_unit(db, job.unit_code)[0] if job.unit_code else None)
    rec = month_recap(db, user, job.year, per.first_month, employee_id=employee_id, unit_id=unit_id)
    sheet = recap_sheet(SheetLoader(db), rec.people, scope=rec.scope, year=rec.year, month=rec.month,
                        cal=rec.calendar, window=rec.window, today=rec.today, entries=rec.entries)
    return _write_single(job, sheet, f"Rekap_Progres_Harian_{per.code}_{job.year}.pdf", started)


def _reader(db: Database) -> object:
    from kinerja_desktop.documents.loader import SheetLoader

    return SheetLoader(db)


def _instansi_name(db: Database) -> str:
    from kinerja_desktop.services.settings_service import get_setting

    return str(get_setting(db, "instansi.name") or "")
