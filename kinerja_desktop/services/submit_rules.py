"""What an SKP must have before Ajukan: the one home of the rules.

``plan_service.submit_plan`` refuses with the first gap found (:func:`refusal`), the readiness
list names every gap of each rule (:func:`listing`), and the plan editor points at the row of the
first one: all three walk the plan through :func:`submit_gaps`, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.kepegawaian import JenisRhk, SkpVariant

if TYPE_CHECKING:
    from kinerja_desktop.services.plan_service import PlanView

__all__ = ["RULES", "SubmitGap", "listing", "refusal", "submit_gaps"]

#: The rules in the order the readiness list names them, with the column a refusal points at.
RULES = {
    "no_utama": "RHK",
    "empty_rhk": "RHK",
    "no_perspektif": "Perspektif",
    "no_indicator": "Indikator",
    "empty_indicator": "Indikator",
    "no_target": "Target",
}


_PERSPEKTIF = ("pada SKP pejabat pimpinan tinggi setiap RHK berperspektif Penerima Layanan, Proses Bisnis, "
               "Penguatan Internal atau Anggaran.")


@dataclass(frozen=True)
class SubmitGap:
    """One thing that stops Ajukan.

    Attributes:
        rule: a key of :data:`RULES`.
        item_id: the RHK or indicator concerned (None: the plan itself).
        label: how the item is named: its text, or the RHK's number when the text is empty.
    """

    rule: str
    item_id: str | None
    label: str

    @property
    def field(self) -> str:
        return RULES[self.rule]


def submit_gaps(plan: PlanView) -> list[SubmitGap]:
    """Every gap that stops Ajukan, in the plan's order (an RHK, then its indicators, then the next RHK)."""
    gaps: list[SubmitGap] = []
    if not plan.rhk_of(JenisRhk.UTAMA.value):
        gaps.append(SubmitGap("no_utama", None, ""))
    for number, rhk in enumerate(plan.rhk, start=1):
        if not rhk.text.strip():
            gaps.append(SubmitGap("empty_rhk", rhk.id, str(number)))
        elif plan.variant == SkpVariant.JPT and not rhk.perspektif:  # the JPT form's PERSPEKTIF column
            gaps.append(SubmitGap("no_perspektif", rhk.id, rhk.text))
        if rhk.text.strip() and not rhk.indicators:
            gaps.append(SubmitGap("no_indicator", rhk.id, rhk.text))
        for ind in rhk.indicators:
            if not ind.text.strip():
                gaps.append(SubmitGap("empty_indicator", ind.id, rhk.text))
            elif not ind.target_display.strip():
                gaps.append(SubmitGap("no_target", ind.id, ind.text))
    return gaps


def refusal(gap: SubmitGap) -> ValidationError:
    """The service's refusal for ``gap``: one sentence about the one item, with the column it concerns."""
    text = {
        "no_utama": "SKP belum memiliki Rencana Hasil Kerja utama.",
        "empty_rhk": f"RHK nomor {gap.label} masih kosong.",
        "no_perspektif": f"RHK “{gap.label[:60]}” belum memiliki perspektif: {_PERSPEKTIF}",
        "no_indicator": f"RHK “{gap.label[:60]}” belum memiliki indikator.",
        "empty_indicator": f"Ada indikator tanpa uraian pada RHK “{gap.label[:60]}”.",
        "no_target": f"Indikator “{gap.label[:60]}” belum memiliki target.",
    }[gap.rule]
    return ValidationError(text, field=gap.field)


def listing(gaps: list[SubmitGap], named: Callable[[list[str]], str]) -> list[str]:
    """One sentence per rule broken, naming its items with ``named`` (readiness's "“a”, “b” dan 2 lainnya")."""
    lines: list[str] = []
    for rule in RULES:
        items = list(dict.fromkeys(g.label for g in gaps if g.rule == rule))  # an RHK once, however many gaps
        if not items:
            continue
        lines.append({
            "no_utama": lambda _items: "SKP belum memiliki Rencana Hasil Kerja utama.",
            "empty_rhk": lambda items: f"RHK nomor {', '.join(items)} masih kosong.",
            "no_perspektif": lambda items: f"RHK tanpa perspektif: {named(items)} ({_PERSPEKTIF[:-1]}).",
            "no_indicator": lambda items: f"RHK tanpa indikator: {named(items)}.",
            "empty_indicator": lambda items: f"Ada indikator tanpa uraian pada RHK {named(items)}.",
            "no_target": lambda items: f"Indikator tanpa target: {named(items)}.",
        }[rule](items))
    return lines
