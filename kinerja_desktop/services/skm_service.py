"""Survei Kepuasan Masyarakat: surveys per unit and period, responses, results.

Admins open a survey for a service unit, a year and a period, run the kiosk (each response is
saved at once, under the admin who opened it) or import typed-in responses
(:mod:`kinerja_desktop.services.skm_import`). A response is never edited: it can only be voided
with a reason, and both are in the change log. Results (NRR per unsur, IKM, mutu, weakest unsur,
profile, per service, the previous period) are for every signed-in user: the IKM is published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain import skm
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.common import CurrentUser, clean_text, get_live
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, SkmResponse, SkmSurvey, Unit

__all__ = [
    "Profile",
    "SurveyResults",
    "SurveyRow",
    "SurveyView",
    "close_survey",
    "find_survey",
    "list_surveys",
    "open_survey",
    "record_response",
    "response_answers",
    "results",
    "set_follow_up",
    "survey_of",
    "void_response",
]

MAX_SERVICES = 30
MAX_SERVICE_NAME = 200


@dataclass(frozen=True)
class Profile:
    """The respondent profile of the questionnaire (every part optional: a citizen may skip it)."""

    usia: str | None = None
    jenis_kelamin: str | None = None
    pendidikan: str | None = None
    pekerjaan: str | None = None
    layanan: str = ""


@dataclass(frozen=True)
class SurveyView:
    id: str
    unit_id: str
    unit_code: str
    unit_name: str
    year: int
    period: Period
    services: tuple[str, ...]
    population: int | None
    status: str
    analysis: str
    follow_up: tuple[dict[str, Any], ...]

    @property
    def required_sample(self) -> int | None:
        return skm.sample_size(self.population) if self.population else None


@dataclass
class SurveyResults:
    """What `survei hasil` prints and the report shows."""

    survey: SurveyView
    result: skm.SkmResult
    voided: int = 0
    by_service: dict[str, skm.SkmResult] = field(default_factory=dict)
    profile: dict[str, Counter[str]] = field(default_factory=dict)
    first_day: date | None = None
    last_day: date | None = None
    previous: tuple[SurveyView, skm.SkmResult] | None = None

    @property
    def ikm(self) -> Decimal | None:
        return self.result.ikm

    @property
    def mutu(self) -> skm.Mutu | None:
        return self.result.mutu

    def weakest_text(self) -> str:
        weak = self.result.weakest()
        if weak is None:
            return ""
        return f"{weak.unsur.code} {weak.unsur.name} (NRR {_comma(weak.nrr, 3)})"

    def change(self) -> Decimal | None:
        """IKM minus the previous period's IKM."""
        if self.previous is None or self.previous[1].ikm is None or self.ikm is None:
            return None
        return self.ikm - self.previous[1].ikm

    def as_dict(self) -> dict[str, Any]:
        s = self.survey
        prev = self.previous
        return {
            "unit": s.unit_code, "unit_name": s.unit_name, "year": s.year, "period": s.period.code,
            "services": list(s.services), "population": s.population, "required_sample": s.required_sample,
            "respondents": self.result.respondents, "voided": self.voided,
            "nrr": {u.unsur.code: round(float(u.nrr), 4) for u in self.result.unsur},
            "ikm": float(self.ikm) if self.ikm is not None else None,
            "mutu": self.mutu.value if self.mutu else None,
            "mutu_label": self.mutu.label if self.mutu else None,
            "weakest": ({"unsur": w.unsur.code, "name": w.unsur.name, "nrr": round(float(w.nrr), 4)}
                        if (w := self.result.weakest()) else None),
            "by_service": {name: float(r.ikm) if r.ikm is not None else None for name, r in self.by_service.items()},
            "previous": ({"year": prev[0].year, "period": prev[0].period.code,
                          "ikm": float(prev[1].ikm) if prev[1].ikm is not None else None} if prev else None),
        }


def _comma(value: Any, places: int = 2) -> str:
    return f"{float(value):.{places}f}".replace(".", ",")


# ----------------------------------------------------------------------------- lookups


def require_admin(user: CurrentUser) -> None:
    if not user.is_admin:
        raise PermissionDenied("Hanya admin yang dapat mengelola Survei Kepuasan Masyarakat.",
                               code="permission.skm")


def unit_by_code(session: Session, code: str) -> Unit:
    unit = session.execute(select(Unit).where(Unit.code == code.strip(), Unit.deleted.is_(False))).scalar()
    if unit is None:
        raise NotFound(f"Unit dengan kode “{code.strip()}” tidak ditemukan.")
    return unit


def _view(survey: SkmSurvey, unit: Unit) -> SurveyView:
    return SurveyView(survey.id, unit.id, unit.code, unit.name, survey.year, period_of(survey.period),
                      tuple(survey.services or ()), survey.population, survey.status, survey.analysis or "",
                      tuple(dict(x) for x in survey.follow_up or ()))


def survey_of(session: Session, survey_id: str) -> SurveyView:
    survey = get_live(session, SkmSurvey, survey_id, "Survei")
    return _view(survey, session.get(Unit, survey.unit_id))


def find_survey(db: Database, unit_code: str, year: int, period: str = "TAHUNAN") -> SurveyView:
    """The survey of a unit for a year and period; NotFound when none was opened."""
    per = period_of(period)
    with db.reader() as s:
        unit = unit_by_code(s, unit_code)
        survey = s.execute(select(SkmSurvey).where(
            SkmSurvey.unit_id == unit.id, SkmSurvey.year == year, SkmSurvey.period == per.code,
            SkmSurvey.deleted.is_(False))).scalar()
        if survey is None:
            raise NotFound(f"Belum ada survei untuk unit {unit.code} tahun {year} periode {per.label}.")
        return _view(survey, unit)


def _clean_services(services: Sequence[str]) -> list[str]:
    out: list[str] = []
    for name in services:
        text = clean_text(name, "Jenis layanan", max_len=MAX_SERVICE_NAME).replace("\n", " ")
        if text and text not in out:
            out.append(text)
    if len(out) > MAX_SERVICES:
        raise ValidationError(f"Paling banyak {MAX_SERVICES} jenis layanan per survei.", field="Jenis layanan")
    return out


def open_survey(db: Database, user: CurrentUser, unit_code: str, year: int, period: str = "TAHUNAN", *,
                services: Sequence[str] | None = None, population: int | None = None) -> str:
    """Create (or update the services and population of) the survey of a unit; returns its id."""
    require_admin(user)
    per = period_of(period)
    if not 2000 <= year <= 2200:
        raise ValidationError(f"Tahun {year} tidak masuk akal.", field="Tahun")
    if population is not None and not 0 < population <= 100_000_000:
        raise ValidationError("Populasi harus bilangan bulat lebih dari 0.", field="Populasi")
    with db.session(user=user.username, role="ADMIN") as s:
        unit = unit_by_code(s, unit_code)
        survey = s.execute(select(SkmSurvey).where(
            SkmSurvey.unit_id == unit.id, SkmSurvey.year == year, SkmSurvey.period == per.code)).scalar()
        if survey is None:
            survey = SkmSurvey(unit_id=unit.id, year=year, period=per.code, services=[], follow_up=[])
            s.add(survey)
        survey.deleted = False
        if services is not None:
            survey.services = _clean_services(services)
        if population is not None:
            survey.population = population
        s.flush()
        return survey.id


def close_survey(db: Database, user: CurrentUser, survey_id: str, closed: bool = True) -> None:
    require_admin(user)
    with db.session(user=user.username, role="ADMIN") as s:
        get_live(s, SkmSurvey, survey_id, "Survei").status = "CLOSED" if closed else "OPEN"


# ----------------------------------------------------------------------------- responses


def check_answers(answers: Mapping[str, Any]) -> dict[str, int]:
    """The nine answers as integers 1..4; ValidationError naming the first wrong one."""
    out: dict[str, int] = {}
    for u in skm.UNSUR:
        value = answers.get(u.code)
        if isinstance(value, bool) or value not in skm.ANSWER_VALUES:
            raise ValidationError(f"Jawaban {u.code} ({u.name}) harus 1, 2, 3 atau 4.", field=u.code)
        out[u.code] = int(value)
    return out


def check_profile(profile: Profile, services: Sequence[str]) -> Profile:
    for value, codes, what in ((profile.usia, skm.AGE_BANDS, "Usia"), (profile.jenis_kelamin, skm.SEX, "Jenis kelamin"),
                               (profile.pendidikan, skm.EDUCATION, "Pendidikan"),
                               (profile.pekerjaan, skm.OCCUPATION, "Pekerjaan")):
        if value is not None and value not in {c for c, _ in codes}:
            raise ValidationError(f"{what} “{value}” tidak dikenal.", field=what)
    layanan = clean_text(profile.layanan, "Jenis layanan", max_len=MAX_SERVICE_NAME).replace("\n", " ")
    if layanan and services and layanan not in services:
        raise ValidationError(f"Jenis layanan “{layanan}” tidak termasuk layanan yang disurvei.", field="Jenis layanan")
    return Profile(profile.usia, profile.jenis_kelamin, profile.pendidikan, profile.pekerjaan, layanan)


def _check_open(survey: SkmSurvey, day: date) -> None:
    if survey.status != "OPEN":
        raise ValidationError("Survei ini sudah ditutup; tanggapan baru tidak dapat disimpan.")
    per = period_of(survey.period)
    if not per.start(survey.year) <= day <= per.end(survey.year):
        raise ValidationError(f"Tanggal {day:%d-%m-%Y} di luar periode survei ({per.label} {survey.year}).",
                              field="tanggal")


def new_response(survey_id: str, answers: Mapping[str, int], profile: Profile, day: date | None, source: str,
                 fingerprint: str | None = None) -> dict[str, Any]:
    """Column values of a response row (already checked)."""
    return {"survey_id": survey_id, **{code.lower(): answers[code] for code in skm.UNSUR_CODES},
            "answered_on": day, "usia": profile.usia, "jenis_kelamin": profile.jenis_kelamin,
            "pendidikan": profile.pendidikan, "pekerjaan": profile.pekerjaan, "layanan": profile.layanan,
            "source": source, "fingerprint": fingerprint, "voided": False, "void_reason": ""}


def record_response(db: Database, user: CurrentUser, survey_id: str, answers: Mapping[str, Any],
                    profile: Profile = Profile(), *, day: date | None = None, source: str = "KIOSK") -> str:
    """Save one respondent's answers at once (the kiosk and the paper form); returns the response id."""
    require_admin(user)
    checked = check_answers(answers)
    if source not in skm.RESPONSE_SOURCES:
        raise ValidationError(f"Sumber tanggapan “{source}” tidak dikenal.")
    day = day or date.today()
    with db.session(user=user.username, role="ADMIN") as s:
        survey = get_live(s, SkmSurvey, survey_id, "Survei")
        _check_open(survey, day)
        clean = check_profile(profile, survey.services or ())
        row = SkmResponse(**new_response(survey.id, checked, clean, day, source))
        s.add(row)
        s.flush()
        return row.id


def void_response(db: Database, user: CurrentUser, response_id: str, reason: str) -> None:
    """Take a response out of the results, with the reason (the answers stay as they were)."""
    require_admin(user)
    text = clean_text(reason, "Alasan pembatalan", required=True, max_len=1000)
    with db.session(user=user.username, role="ADMIN") as s:
        row = get_live(s, SkmResponse, response_id, "Tanggapan")
        if row.voided:
            raise ValidationError("Tanggapan ini sudah dibatalkan.")
        row.voided = True
        row.void_reason = text


def response_answers(row: SkmResponse) -> dict[str, int]:
    return {code: getattr(row, code.lower()) for code in skm.UNSUR_CODES}


def set_follow_up(db: Database, user: CurrentUser, survey_id: str, *, analysis: str | None = None,
                  actions: Sequence[Mapping[str, Any]] | None = None) -> None:
    """The analysis text and the rencana tindak lanjut (action, unsur, responsible NIP, deadline)."""
    require_admin(user)
    with db.session(user=user.username, role="ADMIN") as s:
        survey = get_live(s, SkmSurvey, survey_id, "Survei")
        if analysis is not None:
            survey.analysis = clean_text(analysis, "Analisis")
        if actions is not None:
            plan: list[dict[str, Any]] = []
            for item in actions:
                action = clean_text(str(item.get("action") or ""), "Tindak lanjut", required=True, max_len=1000)
                code = str(item.get("unsur") or "")
                if code and code not in skm.UNSUR_CODES:
                    raise ValidationError(f"Unsur “{code}” tidak dikenal.", field="Unsur")
                employee_id = None
                if item.get("nip"):
                    employee_id = s.execute(select(Employee.id).where(
                        Employee.nip == str(item["nip"]).replace(" ", ""), Employee.deleted.is_(False))).scalar()
                    if employee_id is None:
                        raise NotFound(f"Pegawai dengan NIP {item['nip']} tidak ditemukan.")
                plan.append({"action": action, "unsur": code or None, "employee_id": employee_id,
                             "deadline": str(item.get("deadline") or "")[:40]})
            survey.follow_up = plan


# ----------------------------------------------------------------------------- results


def _live_responses(session: Session, survey_id: str) -> list[SkmResponse]:
    return list(session.scalars(select(SkmResponse).where(
        SkmResponse.survey_id == survey_id, SkmResponse.deleted.is_(False)).order_by(SkmResponse.created_at)))


def _previous(session: Session, survey: SkmSurvey) -> SkmSurvey | None:
    start = period_of(survey.period).start(survey.year)
    best: tuple[date, bool, SkmSurvey] | None = None
    for other in session.scalars(select(SkmSurvey).where(
            SkmSurvey.unit_id == survey.unit_id, SkmSurvey.id != survey.id, SkmSurvey.deleted.is_(False),
            SkmSurvey.year <= survey.year)):
        end = period_of(other.period).end(other.year)
        if end < start:
            key = (end, other.period == survey.period, other)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def survey_result(session: Session, survey_id: str) -> tuple[skm.SkmResult, list[SkmResponse], int]:
    rows = _live_responses(session, survey_id)
    kept = [r for r in rows if not r.voided]
    return skm.compute(response_answers(r) for r in kept), kept, len(rows) - len(kept)


def results(db: Database, user: CurrentUser, unit_code: str, year: int, period: str = "TAHUNAN") -> SurveyResults:
    """NRR per unsur, IKM, mutu, per service and profile, and the previous period's IKM."""
    view = find_survey(db, unit_code, year, period)
    return results_of(db, view.id)


def results_of(db: Database, survey_id: str) -> SurveyResults:
    with db.reader() as s:
        survey = get_live(s, SkmSurvey, survey_id, "Survei")
        view = _view(survey, s.get(Unit, survey.unit_id))
        result, kept, voided = survey_result(s, survey.id)
        out = SurveyResults(view, result, voided)
        for name in sorted({r.layanan for r in kept if r.layanan}):
            out.by_service[name] = skm.compute(response_answers(r) for r in kept if r.layanan == name)
        out.profile = {
            "usia": Counter(r.usia or "-" for r in kept),
            "jenis_kelamin": Counter(r.jenis_kelamin or "-" for r in kept),
            "pendidikan": Counter(r.pendidikan or "-" for r in kept),
            "pekerjaan": Counter(r.pekerjaan or "-" for r in kept),
        }
        days = sorted(r.answered_on for r in kept if r.answered_on)
        out.first_day, out.last_day = (days[0], days[-1]) if days else (None, None)
        prev = _previous(s, survey)
        if prev is not None:
            out.previous = (_view(prev, s.get(Unit, prev.unit_id)), survey_result(s, prev.id)[0])
        return out


# ----------------------------------------------------------------------------- list


@dataclass(frozen=True)
class SurveyRow:
    """One line of the survey list: the survey and its result so far."""

    survey: SurveyView
    respondents: int
    ikm: Decimal | None
    mutu: skm.Mutu | None


def list_surveys(db: Database, user: CurrentUser, year: int | None = None) -> list[SurveyRow]:
    """Every survey (of ``year``, or all), newest first, with respondents, IKM and mutu (admins)."""
    from fractions import Fraction

    from sqlalchemy import func

    require_admin(user)
    cols = [getattr(SkmResponse, code.lower()) for code in skm.UNSUR_CODES]
    with db.reader() as s:
        query = select(SkmSurvey).where(SkmSurvey.deleted.is_(False))
        if year is not None:
            query = query.where(SkmSurvey.year == year)
        surveys = list(s.scalars(query))
        units = {u.id: u for u in s.scalars(select(Unit).where(Unit.id.in_({x.unit_id for x in surveys})))}
        sums = {row[0]: row[1:] for row in s.execute(
            select(SkmResponse.survey_id, func.count(), *[func.sum(c) for c in cols])
            .where(SkmResponse.deleted.is_(False), SkmResponse.voided.is_(False))
            .group_by(SkmResponse.survey_id))}
    out = []
    for sv in surveys:
        n, *totals = sums.get(sv.id, (0,) + (0,) * len(cols))
        exact = skm.ikm([Fraction(int(t), n) for t in totals]) if n else None
        out.append(SurveyRow(_view(sv, units[sv.unit_id]), int(n), skm.round2(exact) if exact is not None else None,
                             skm.mutu_for(exact) if exact is not None else None))
    out.sort(key=lambda r: (-r.survey.year, -r.survey.period.last_month, r.survey.unit_code))
    return out
