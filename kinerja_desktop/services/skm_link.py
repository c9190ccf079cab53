"""The IKM in the appraisal: an indicator that takes its realisation from a unit's survey.

A unit head's IKI "Indeks Kepuasan Masyarakat" is linked once to the unit (by its owner, the
pegawai); :func:`apply_ikm` then writes the realisation of a period from the survey (value,
respondents and weakest unsur in the note) and can attach the printed report as evidence.
:func:`unit_ikm` is what the penilai and the unit view show beside capaian kinerja organisasi;
:func:`follow_up_to_rhk` turns an action of the follow-up plan into an RHK of the responsible
staff member's own (draft) plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from kinerja_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action
from kinerja_desktop.services.common import CurrentUser, get_live, require_on_plan
from kinerja_desktop.services.realisation_service import _plan_of_indicator, add_evidence, set_realisation
from kinerja_desktop.services.skm_service import SurveyResults, results_of, unit_by_code
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import SkmIndicatorLink, SkmSurvey, Unit

__all__ = ["IkmSummary", "apply_ikm", "follow_up_to_rhk", "ikm_for_plan", "ikm_near", "link_indicator", "survey_for",
           "unit_ikm"]


@dataclass(frozen=True)
class IkmSummary:
    survey_id: str
    unit_code: str
    year: int
    period: str
    respondents: int
    ikm: Decimal | None
    mutu: str
    weakest: str
    unit_name: str = ""
    #: IKM minus the previous survey's IKM of the unit (None when there is none to compare).
    change: Decimal | None = None

    def text(self) -> str:
        if self.ikm is None:
            return f"SKM {self.period} {self.year}: belum ada IKM ({self.respondents} responden)"
        value = f"{self.ikm:.2f}".replace(".", ",")
        return f"IKM {value} ({self.mutu}); unsur terlemah: {self.weakest}"

    def long_text(self) -> str:
        """One sentence for the penilai and the unit view: whose survey, the IKM, the weakest unsur, the trend."""
        where = f"{self.unit_name} ({self.unit_code})" if self.unit_name else self.unit_code
        label = period_of(self.period).label
        if self.ikm is None:
            return (f"Survei Kepuasan Masyarakat {where}, {label} {self.year}: belum ada IKM "
                    f"({self.respondents} responden).")
        text = (f"IKM {where}, {label} {self.year}: {self.ikm:.2f}".replace(".", ",")
                + f" — mutu {self.mutu.replace(', ', ' (')}), {self.respondents} responden; unsur terlemah "
                  f"{self.weakest}.")
        if self.change is not None:
            delta = f"{abs(self.change):.2f}".replace(".", ",")
            text += (f" Naik {delta} dari survei sebelumnya." if self.change > 0 else
                     f" Turun {delta} dari survei sebelumnya." if self.change < 0 else " Sama dengan survei sebelumnya.")
        return text


def link_indicator(db: Database, user: CurrentUser, indicator_id: str, unit_code: str | None) -> None:
    """Let an indicator take its realisation from a unit's IKM (None removes the link)."""
    with db.session(user=user.username, role="PEGAWAI") as s:
        _ind, plan = _plan_of_indicator(s, indicator_id)
        require_on_plan(s, user, Action.EDIT_REALISATION, plan)
        link = s.execute(select(SkmIndicatorLink).where(SkmIndicatorLink.indicator_id == indicator_id)).scalar()
        if unit_code is None:
            if link is not None:
                link.deleted = True
            return
        unit = unit_by_code(s, unit_code)
        if link is None:
            s.add(SkmIndicatorLink(indicator_id=indicator_id, unit_id=unit.id))
        else:
            link.unit_id, link.deleted = unit.id, False


def survey_for(db: Database, unit_id: str, year: int, period: str) -> str | None:
    """The survey that measures a period: the same period, else the year's annual survey, else the
    latest one of the year that ended within the period."""
    per = period_of(period)
    with db.reader() as s:
        surveys = list(s.scalars(select(SkmSurvey).where(SkmSurvey.unit_id == unit_id, SkmSurvey.year == year,
                                                         SkmSurvey.deleted.is_(False))))
    by_period = {x.period: x for x in surveys}
    for code in (per.code, "TAHUNAN"):
        if code in by_period:
            return by_period[code].id
    ended = [x for x in surveys if period_of(x.period).last_month <= per.last_month]
    ended.sort(key=lambda x: (period_of(x.period).last_month, -period_of(x.period).months))
    return ended[-1].id if ended else None


def _summary(res: SurveyResults) -> IkmSummary:
    sv = res.survey
    return IkmSummary(sv.id, sv.unit_code, sv.year, sv.period.code, res.result.respondents, res.ikm,
                      f"{res.mutu.value}, {res.mutu.label}" if res.mutu else "", res.weakest_text(),
                      sv.unit_name, res.change())


def ikm_near(db: Database, unit_id: str | None, year: int, period: str = "TAHUNAN") -> IkmSummary | None:
    """The IKM of a unit, else of the nearest unit above it that surveys its users (a seksi or bidang
    is measured by its dinas's survey); before any survey of the year has ended, the previous year's
    annual survey; None when there is none."""
    seen: set[str] = set()
    with db.reader() as s:
        chain: list[str] = []
        while unit_id and unit_id not in seen:
            seen.add(unit_id)
            chain.append(unit_id)
            unit = s.get(Unit, unit_id)
            unit_id = unit.parent_id if unit is not None else None
    for uid in chain:
        summary = unit_ikm(db, uid, year, period)
        if summary is not None:
            return summary
    for uid in chain:  # early in the year: the last annual survey is the latest IKM there is
        summary = unit_ikm(db, uid, year - 1, "TAHUNAN")
        if summary is not None:
            return summary
    return None


def ikm_for_plan(db: Database, plan_id: str, period: str) -> IkmSummary | None:
    """The IKM beside the evaluation of a plan: its employee's unit (or the nearest surveying unit above)."""
    from kinerja_desktop.store.models import Employee, Plan

    with db.reader() as s:
        plan = s.get(Plan, plan_id)
        emp = s.get(Employee, plan.employee_id) if plan is not None else None
        if plan is None or emp is None:
            return None
        unit_id, year = emp.unit_id, plan.year
    return ikm_near(db, unit_id, year, period)


def unit_ikm(db: Database, unit_id: str, year: int, period: str = "TAHUNAN") -> IkmSummary | None:
    """The IKM that measures a unit in a period (None when the unit has no survey)."""
    survey_id = survey_for(db, unit_id, year, period)
    return _summary(results_of(db, survey_id)) if survey_id else None


def apply_ikm(db: Database, user: CurrentUser, indicator_id: str, period: str, *,
              evidence: str | Path | None = None) -> IkmSummary:
    """Write the realisation of a linked indicator from its unit's IKM (and attach the report)."""
    with db.reader() as s:
        _ind, plan = _plan_of_indicator(s, indicator_id)
        require_on_plan(s, user, Action.EDIT_REALISATION, plan)
        link = s.execute(select(SkmIndicatorLink).where(SkmIndicatorLink.indicator_id == indicator_id,
                                                        SkmIndicatorLink.deleted.is_(False))).scalar()
        if link is None:
            raise ValidationError("Indikator ini belum dihubungkan dengan IKM sebuah unit.")
        unit = get_live(s, Unit, link.unit_id, "Unit")
        year = plan.year
    summary = unit_ikm(db, unit.id, year, period)
    if summary is None or summary.ikm is None:
        raise NotFound(f"Belum ada hasil Survei Kepuasan Masyarakat unit {unit.code} untuk {period} {year}.")
    value = f"{summary.ikm:.2f}".replace(".", ",")
    note = (f"Dari Survei Kepuasan Masyarakat unit {unit.code} ({summary.period} {year}, {summary.respondents} "
            f"responden): mutu {summary.mutu}; unsur terlemah {summary.weakest}.")
    set_realisation(db, user, indicator_id, period, value=f"{value} (IKM)", note=note)
    if evidence is not None:
        add_evidence(db, user, indicator_id, period, evidence)
    return summary


def follow_up_to_rhk(db: Database, user: CurrentUser, survey_id: str, index: int, plan_id: str,
                     kind: str = "TAMBAHAN") -> str:
    """Make action ``index`` (1-based) of a survey's follow-up plan an RHK of the signed-in person's plan."""
    from kinerja_desktop.services.plan_service import add_rhk

    with db.reader() as s:
        survey = get_live(s, SkmSurvey, survey_id, "Survei")
        actions = list(survey.follow_up or [])
    if not 1 <= index <= len(actions):
        raise ValidationError(f"Tindak lanjut nomor {index} tidak ada (ada {len(actions)}).")
    item = actions[index - 1]
    if item.get("employee_id") and item["employee_id"] != user.employee_id:
        raise PermissionDenied("Tindak lanjut ini menjadi tanggung jawab pegawai lain.")
    return add_rhk(db, user, plan_id, kind=kind, text=str(item["action"]))
