"""Tindak lanjut (stage 4 of PermenPAN-RB 6/2022): the closed sets and rules of recognition and
competency development. Pure: no database, no Qt.

* Recognition candidates: Sangat Baik predikat, or an RHK whose feedback the penilai marked as
  an innovation or an outstanding result.
* Development: every PNS is entitled to at least 20 JP of competency development a year
  (PP 11/2017 as amended by PP 17/2020, Pasal 203); Butuh Perbaikan, Kurang/Misconduct and
  Sangat Kurang, and large competency gaps, lead to a proposed development item that the
  penilai accepts or edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kinerja_desktop.domain.penilaian import Predikat

__all__ = [
    "ASSESSMENT_SOURCES",
    "AWARD_KINDS",
    "COMPETENCY_KINDS",
    "DEVELOPMENT_FORMS",
    "DEVELOPMENT_STATUSES",
    "FEEDBACK_MARKS",
    "ITEM_SOURCES",
    "JP_PER_YEAR",
    "LARGE_GAP",
    "PROPOSAL_PREDIKAT",
    "STORED_CODES",
    "Gap",
    "item_state",
]

#: Hours of competency development every PNS is entitled to per year (PP 17/2020, Pasal 203).
JP_PER_YEAR = 20
#: A gap of this many levels or more is large enough to propose a development item.
LARGE_GAP = 2

DEVELOPMENT_FORMS: dict[str, str] = {
    "PELATIHAN": "Pelatihan (klasikal)", "COACHING": "Coaching", "MENTORING": "Mentoring",
    "E_LEARNING": "E-learning", "MAGANG": "Magang", "SEMINAR": "Seminar", "PERTUKARAN": "Pertukaran",
}
DEVELOPMENT_STATUSES: dict[str, str] = {"USULAN": "Usulan", "DIRENCANAKAN": "Direncanakan", "BATAL": "Batal"}
ITEM_SOURCES: dict[str, str] = {"OTOMATIS": "Usulan otomatis", "PENILAI": "Pejabat penilai",
                                "ADMIN": "Pelatihan yang diselenggarakan", "PEGAWAI": "Pegawai"}
AWARD_KINDS: dict[str, str] = {
    "PIAGAM": "Piagam penghargaan",
    "PRIORITAS_PENGEMBANGAN": "Prioritas pengembangan kompetensi",
    "USUL_KP_ISTIMEWA": "Usul kenaikan pangkat istimewa",
    "LAINNYA": "Lainnya",
}
FEEDBACK_MARKS: dict[str, str] = {"INOVASI": "Inovasi", "LUAR_BIASA": "Capaian luar biasa"}
COMPETENCY_KINDS: dict[str, str] = {"MANAJERIAL": "Manajerial", "SOSIAL_KULTURAL": "Sosial kultural",
                                    "TEKNIS": "Teknis"}
ASSESSMENT_SOURCES: dict[str, str] = {"PENILAI": "Penilaian pejabat penilai",
                                      "ASSESSMENT_CENTER": "Assessment center",
                                      "UJI_KOMPETENSI": "Uji kompetensi"}
#: Predikat that lead to a proposed development item, with the usual form for it.
PROPOSAL_PREDIKAT: dict[Predikat, str] = {
    Predikat.BUTUH_PERBAIKAN: "COACHING",
    Predikat.KURANG: "MENTORING",
    Predikat.SANGAT_KURANG: "PELATIHAN",
}

#: What sync.validate accepts for each coded column.
STORED_CODES: dict[tuple[str, str], frozenset[object]] = {
    ("development_item", "form"): frozenset(DEVELOPMENT_FORMS),
    ("development_item", "status"): frozenset(DEVELOPMENT_STATUSES),
    ("development_item", "source"): frozenset(ITEM_SOURCES),
    ("award", "kind"): frozenset(AWARD_KINDS),
    ("rhk_feedback", "mark"): frozenset(FEEDBACK_MARKS),
    ("competency_standard", "kind"): frozenset(COMPETENCY_KINDS),
    ("competency_standard", "level"): frozenset(range(1, 6)),
    ("competency_assessment", "level"): frozenset(range(1, 6)),
    ("competency_assessment", "source"): frozenset(ASSESSMENT_SOURCES),
}


@dataclass(frozen=True, slots=True)
class Gap:
    """One competency of one person against their jabatan's standard."""

    code: str
    name: str
    kind: str
    required: int
    assessed: int | None

    @property
    def gap(self) -> int | None:
        """Levels missing (0 when the standard is met); None when not assessed yet."""
        return None if self.assessed is None else max(0, self.required - self.assessed)

    @property
    def large(self) -> bool:
        return (self.gap or 0) >= LARGE_GAP


def item_state(status: str, completed_on: date | None, end_on: date | None, today: date) -> str:
    """SELESAI, TERLAMBAT (planned, past its end date, not reported done), BATAL, USULAN or BERJALAN."""
    if status == "BATAL":
        return "BATAL"
    if completed_on is not None:
        return "SELESAI"
    if status == "USULAN":
        return "USULAN"
    if end_on is not None and end_on < today:
        return "TERLAMBAT"
    return "BERJALAN"


ITEM_STATE_LABELS: dict[str, str] = {"SELESAI": "Selesai", "TERLAMBAT": "Terlambat", "BATAL": "Batal",
                                     "USULAN": "Usulan (menunggu pejabat penilai)", "BERJALAN": "Direncanakan"}
