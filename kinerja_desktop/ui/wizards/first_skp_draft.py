"""What the guided first SKP writes, step by step, through ``services.plan_service`` only.

Each wizard page hands its part to :class:`FirstSkpDraft`, which creates or updates the rows it
made before (going Back and Next again never duplicates an RHK, an indicator or a lampiran item).
So everything typed is in the draft SKP as soon as a page is left, and the plan editor shows the
same plan if the wizard is closed half way. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kinerja_desktop.domain.kepegawaian import Aspek, LampiranKind, Pendekatan
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database

#: Indicator rows the wizard offers for each RHK, in the order of the JA/JF form.
ASPEK_ORDER = (Aspek.KUANTITAS.value, Aspek.KUALITAS.value, Aspek.WAKTU.value, Aspek.BIAYA.value)


@dataclass
class IndicatorDraft:
    aspek: str
    text: str
    target: str
    included: bool = True


@dataclass
class RhkDraft:
    parent_rhk_id: str | None
    parent_text: str
    text: str = ""
    indicators: list[IndicatorDraft] = field(default_factory=list)


@dataclass(frozen=True)
class IndicatorExample:
    aspek: str
    text: str
    target_hint: str
    included: bool


_LEADING_RESULT = re.compile(r"^(ter\w+nya|ter\w+|tersedia\w*|meningkatnya|menurunnya|\w+nya)\s+", re.IGNORECASE)
_TAIL = re.compile(r"\s+(secara|dengan|sesuai|tepat waktu|paling|untuk|setiap|pada tahun)\b.*$", re.IGNORECASE)


def result_object(rhk_text: str) -> str:
    """The thing an RHK delivers, for example indicators: ``Terselesaikannya verifikasi berkas secara tepat
    waktu`` -> ``verifikasi berkas``."""
    text = " ".join(rhk_text.split()).rstrip(".")
    text = _LEADING_RESULT.sub("", text, count=1)
    text = _TAIL.sub("", text)
    return text[:1].lower() + text[1:] if text else "hasil kerja"


def example_indicators(rhk_text: str, pendekatan: str) -> list[IndicatorExample]:
    """Example IKI per aspek for an RHK, to adapt (targets are hints: the pegawai types the real ones)."""
    obj = result_object(rhk_text)
    if pendekatan == Pendekatan.KUALITATIF:
        return [
            IndicatorExample(Aspek.KUANTITAS.value, f"Seluruh {obj} yang direncanakan terselesaikan",
                             "misalnya: seluruh berkas yang masuk selesai diproses", True),
            IndicatorExample(Aspek.KUALITAS.value, f"{obj.capitalize()} diterima pimpinan tanpa revisi",
                             "misalnya: diterima tanpa revisi", True),
            IndicatorExample(Aspek.WAKTU.value, f"{obj.capitalize()} selesai sesuai jadwal yang disepakati",
                             "misalnya: paling lambat tanggal 5 setiap bulan", True),
            IndicatorExample(Aspek.BIAYA.value, f"Biaya {obj} tidak melebihi anggaran",
                             "misalnya: sesuai pagu DPA", False),
        ]
    return [
        IndicatorExample(Aspek.KUANTITAS.value, f"Jumlah {obj} yang diselesaikan", "misalnya: 12 dokumen", True),
        IndicatorExample(Aspek.KUALITAS.value, f"Persentase {obj} yang diterima tanpa revisi", "misalnya: 95 %",
                         True),
        IndicatorExample(Aspek.WAKTU.value, f"Rata-rata waktu penyelesaian {obj}", "misalnya: 3 hari kerja", True),
        IndicatorExample(Aspek.BIAYA.value, f"Persentase realisasi anggaran {obj} terhadap pagu",
                         "misalnya: 100 %", False),
    ]


#: Lampiran suggestions, one list per kind (the pegawai edits them; an empty list is allowed).
LAMPIRAN_SUGGESTIONS = {
    LampiranKind.DUKUNGAN_SUMBER_DAYA.value: ("Perangkat komputer dan aplikasi kerja",
                                              "Arahan dan bimbingan dari pejabat penilai kinerja"),
    LampiranKind.SKEMA_PERTANGGUNGJAWABAN.value: ("Laporan bulanan kepada pejabat penilai kinerja",
                                                  "Dialog kinerja setiap triwulan"),
    LampiranKind.KONSEKUENSI.value: ("Realisasi di bawah target menjadi bahan pembinaan dan pengembangan",),
}


class FirstSkpDraft:
    """The plan the wizard is writing (ids of every row it made, so a second pass updates them)."""

    def __init__(self, db: Database, user: CurrentUser, employee_id: str, year: int) -> None:
        self.db, self.user, self.employee_id, self.year = db, user, employee_id, year
        self.plan_id: str | None = ps.current_plan_id(db, employee_id, year)
        self._rhk_ids: list[str] = []
        self._indicator_ids: dict[tuple[int, str], str] = {}
        self._lampiran_ids: dict[str, list[str]] = {}

    # ------------------------------------------------------------------ plan

    def start(self, pendekatan: str) -> str:
        """Create the plan (or take the draft that exists) with this pendekatan; returns its id."""
        if self.plan_id is None:
            self.plan_id = ps.create_plan(self.db, self.user, self.employee_id, self.year, pendekatan)
        else:
            ps.update_plan(self.db, self.user, self.plan_id, pendekatan=pendekatan)
        return self.plan_id

    def adopt(self, view: ps.PlanView) -> list[RhkDraft]:
        """Continue a draft written earlier: its RHK utama, indicators and lampiran become this pass's rows."""
        parents = dict(self.parent_options())
        rhks = []
        for rhk in view.rhk_of("UTAMA"):
            self._rhk_ids.append(rhk.id)
            draft = RhkDraft(rhk.parent_rhk_id, parents.get(rhk.parent_rhk_id or "", rhk.parent_text), rhk.text)
            for ind in rhk.indicators:
                key = (len(rhks), ind.aspek or "")
                if ind.aspek in ASPEK_ORDER and key not in self._indicator_ids:
                    self._indicator_ids[key] = ind.id
                    draft.indicators.append(IndicatorDraft(ind.aspek, ind.text, ind.target_display))
            if draft.indicators:
                have = {i.aspek for i in draft.indicators}
                draft.indicators += [IndicatorDraft(a, "", "", False) for a in ASPEK_ORDER if a not in have]
                draft.indicators.sort(key=lambda i: ASPEK_ORDER.index(i.aspek))
            rhks.append(draft)
        for item in view.lampiran:
            self._lampiran_ids.setdefault(item.kind, []).append(item.id)
        return rhks

    def view(self) -> ps.PlanView:
        assert self.plan_id is not None
        return ps.get_plan(self.db, self.user, self.plan_id)

    def parent_options(self) -> list[tuple[str, str]]:
        """The penilai's approved RHK to intervene in."""
        assert self.plan_id is not None
        return ps.supervisor_rhk_options(self.db, self.user, self.plan_id, approved_only=True)

    # ------------------------------------------------------------------ rows

    def save_rhk(self, rhks: list[RhkDraft]) -> None:
        """Write the RHK texts and their intervened RHK (rows beyond the list are removed)."""
        assert self.plan_id is not None
        for n, rhk in enumerate(rhks):
            if n < len(self._rhk_ids):
                ps.update_rhk(self.db, self.user, self._rhk_ids[n], text=rhk.text, parent_rhk_id=rhk.parent_rhk_id)
            else:
                self._rhk_ids.append(ps.add_rhk(self.db, self.user, self.plan_id, text=rhk.text,
                                                parent_rhk_id=rhk.parent_rhk_id))
        for extra in self._rhk_ids[len(rhks):]:
            ps.remove_rhk(self.db, self.user, extra)
        del self._rhk_ids[len(rhks):]
        for key in [k for k in self._indicator_ids if k[0] >= len(rhks)]:
            del self._indicator_ids[key]

    def save_indicators(self, rhks: list[RhkDraft]) -> None:
        """Write each RHK's included indicators; an aspek unticked since the last pass is removed."""
        for n, rhk in enumerate(rhks):
            for ind in rhk.indicators:
                key = (n, ind.aspek)
                existing = self._indicator_ids.get(key)
                if ind.included and existing:
                    ps.update_indicator(self.db, self.user, existing, text=ind.text, aspek=ind.aspek,
                                        target=ind.target)
                elif ind.included:
                    self._indicator_ids[key] = ps.add_indicator(self.db, self.user, self._rhk_ids[n], text=ind.text,
                                                                aspek=ind.aspek, target=ind.target)
                elif existing:
                    ps.remove_indicator(self.db, self.user, existing)
                    del self._indicator_ids[key]

    def save_lampiran(self, items: dict[str, list[str]]) -> None:
        """Write the three lampiran lists (one text per item; blank items are skipped)."""
        assert self.plan_id is not None
        for kind, lines in items.items():
            texts = [t.strip() for t in lines if t.strip()]
            ids = self._lampiran_ids.setdefault(kind, [])
            for n, text in enumerate(texts):
                if n < len(ids):
                    ps.update_lampiran(self.db, self.user, ids[n], text)
                else:
                    ids.append(ps.add_lampiran(self.db, self.user, self.plan_id, kind, text))
            for extra in ids[len(texts):]:
                ps.set_lampiran_deleted(self.db, self.user, extra, True)
            del ids[len(texts):]

    def submit(self) -> None:
        """Ajukan: the plan goes to the pejabat penilai (the service checks it is complete)."""
        assert self.plan_id is not None
        ps.submit_plan(self.db, self.user, self.plan_id)
