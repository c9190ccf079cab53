"""Print the SKM report of a unit (signable by its head) and the paper questionnaire, as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kinerja_desktop.documents.loader import SheetLoader, _employees_in_units, _live_person, _supervisors, _unit_head
from kinerja_desktop.documents.page_setup import PageSetup
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.rendered import RenderedDocument
from kinerja_desktop.documents.skm_form_layout import SkmFormSheet
from kinerja_desktop.documents.skm_layout import SkmReportSheet, SkmUnsurRow
from kinerja_desktop.domain import skm
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.skm_service import SurveyResults, find_survey, results_of
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Setting

__all__ = ["form_sheet", "print_form", "print_report", "report_sheet"]

_PROFILE = (("Usia", "usia", skm.AGE_BANDS), ("Jenis kelamin", "jenis_kelamin", skm.SEX),
            ("Pendidikan", "pendidikan", skm.EDUCATION), ("Pekerjaan", "pekerjaan", skm.OCCUPATION))


def _token(text: str) -> str:
    import re

    return re.sub(r"[^A-Z0-9.+/$%*]+", "-", text.upper()).strip("-") or "X"


def _comma(value: object) -> str:
    return f"{float(value):.2f}".replace(".", ",")  # type: ignore[arg-type]


def _city(db: Database) -> str:
    with db.reader() as s:
        row = s.get(Setting, "instansi.city")
        return str(row.value) if row is not None and not row.deleted and row.value else ""


def report_sheet(db: Database, res: SurveyResults, *, today: date | None = None) -> SkmReportSheet:
    """The report's data from a survey's results (the unit head as signer)."""
    loader = SheetLoader(db)
    sv = res.survey
    with db.reader() as s:
        emps = _employees_in_units(s, [sv.unit_id])
        head = _unit_head(emps, _supervisors(s, [e.id for e in emps], sv.year), sv.unit_id)
        person = _live_person(s, head, loader.units()) if head else None
        names = {e.id: e.name for e in emps}
        for item in sv.follow_up:
            emp_id = item.get("employee_id")
            if emp_id and emp_id not in names:
                emp = s.get(Employee, emp_id)
                names[emp_id] = emp.name if emp else ""
    weak = res.result.weakest()
    profile = tuple(
        (title, tuple((dict(codes).get(code, "Tidak diisi"), n) for code, n in
                      sorted(res.profile.get(key, {}).items(), key=lambda kv: [c for c, _ in codes].index(kv[0])
                             if kv[0] in dict(codes) else 99)))
        for title, key, codes in _PROFILE
    )
    prev = ""
    if res.previous is not None and res.previous[1].ikm is not None:
        pv, pr = res.previous
        prev = f"{pv.period.label} {pv.year}: {_comma(pr.ikm)} ({pr.mutu.value if pr.mutu else '-'})"
    change = res.change()
    return SkmReportSheet(
        doc_id=f"SKM-{sv.year}-{_token(sv.period.code)}-{_token(sv.unit_code)}",
        instansi=loader.instansi(), year=sv.year, period=sv.period, unit_nama=sv.unit_name, unit_code=sv.unit_code,
        services=sv.services, population=sv.population, required_sample=sv.required_sample,
        respondents=res.result.respondents, voided=res.voided, first_day=res.first_day, last_day=res.last_day,
        unsur=tuple(SkmUnsurRow(u.unsur.code, u.unsur.name, u.total, u.respondents, float(u.nrr),
                                float(u.weighted), u.mutu.value if u.respondents else "")
                    for u in res.result.unsur),
        ikm=_comma(res.ikm) if res.ikm is not None else "", mutu=res.mutu.value if res.mutu else "",
        mutu_label=res.mutu.label if res.mutu else "",
        weakest=f"{weak.unsur.code} {weak.unsur.name} (NRR {float(weak.nrr):.3f})".replace(".", ",") if weak else "",
        by_service=tuple((name, _comma(r.ikm) if r.ikm is not None else "-") for name, r in res.by_service.items()),
        profile=profile, previous=prev,
        change=(f"{'+' if change > 0 else ''}{_comma(change)}" if change is not None else ""),
        analysis=sv.analysis,
        follow_up=tuple((str(i.get("action") or ""), str(i.get("unsur") or ""),
                         names.get(str(i.get("employee_id") or ""), ""), str(i.get("deadline") or ""))
                        for i in sv.follow_up),
        pimpinan=person, pimpinan_id=head.id if head is not None and person is not None else "",
        tempat=_city(db), tanggal=today or date.today(),
    )


def print_report(db: Database, user: CurrentUser, unit_code: str, year: int, period: str, out: str | Path, *,
                 paper: str = "A4", today: date | None = None) -> RenderedDocument:
    """Write the report PDF of a unit's survey; returns the rendered document (id, signature fields)."""
    del user  # the IKM is published: every signed-in user may print it
    res = results_of(db, find_survey(db, unit_code, year, period).id)
    doc = render(report_sheet(db, res, today=today), PageSetup(paper=paper))
    Path(out).write_bytes(doc.pdf)
    return doc


def form_sheet(db: Database, unit_code: str, year: int, period: str = "TAHUNAN") -> SkmFormSheet:
    view = find_survey(db, unit_code, year, period)
    return SkmFormSheet(doc_id=f"FORM-SKM-{year}-{_token(view.unit_code)}", instansi=SheetLoader(db).instansi(),
                        year=year, period=period_of(period), unit_nama=view.unit_name, services=view.services)


def print_form(db: Database, unit_code: str, year: int, period: str, out: str | Path, *,
               paper: str = "A4") -> RenderedDocument:
    doc = render(form_sheet(db, unit_code, year, period), PageSetup(paper=paper))
    Path(out).write_bytes(doc.pdf)
    return doc
