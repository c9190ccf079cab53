"""What the guided first SKP writes, step by step, through ``services.plan_service`` only.

Each wizard page hands its part to :class:`FirstSkpDraft`, which creates or updates the rows it
made before (going Back and Next again never duplicates an RHK, an indicator or a lampiran item).
So everything typed is in the draft SKP as soon as a page is left, and the plan editor shows the
same plan if the wizard is closed half way. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kinerja_desktop.domain.kepegawaian import Aspek, LampiranKind, Pendekatan, Perspektif
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database

#: Indicator rows the wizard offers for each RHK, in the order of the JA/JF form.
ASPEK_ORDER = (Aspek.KUANTITAS.value, Aspek.KUALITAS.value, Aspek.WAKTU.value, Aspek.BIAYA.value)
#: The JPT form has no aspek: its indicator rows are numbered slots (stored with no aspek).
IKI_SLOTS = ("IKI1", "IKI2")
#: The JPT form's perspektif, in the annex's order (one RHK or more each).
PERSPEKTIF_ORDER = tuple(p.value for p in Perspektif)


@dataclass
class IndicatorDraft:
    aspek: str  # the aspek (JA/JF form) or the row's slot in IKI_SLOTS (JPT form)
    text: str
    target: str
    included: bool = True

    @property
    def service_aspek(self) -> str | None:
        """The aspek stored on the indicator: none on the JPT form."""
        return self.aspek if self.aspek in ASPEK_ORDER else None


@dataclass
class RhkDraft:
    parent_rhk_id: str | None
    parent_text: str
    text: str = ""
    indicators: list[IndicatorDraft] = field(default_factory=list)
    perspektif: str | None = None  # JPT form only


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


@dataclass(frozen=True)
class PerspektifGuide:
    """What a perspektif of the JPT form covers, with an example RHK."""

    meaning: str
    example_rhk: str


PERSPEKTIF_GUIDE = {
    Perspektif.PENERIMA_LAYANAN.value: PerspektifGuide(
        "hasil yang dirasakan masyarakat atau pengguna layanan unit Anda",
        "Meningkatnya kepuasan masyarakat terhadap pelayanan administrasi kependudukan"),
    Perspektif.PROSES_BISNIS.value: PerspektifGuide(
        "proses layanan dan tata kerja yang lebih cepat, mudah dan sesuai standar",
        "Terwujudnya proses pelayanan perizinan yang cepat dan sesuai standar pelayanan"),
    Perspektif.PENGUATAN_INTERNAL.value: PerspektifGuide(
        "kapasitas pegawai, budaya kerja, dan akuntabilitas kinerja organisasi",
        "Meningkatnya akuntabilitas kinerja dan kompetensi aparatur perangkat daerah"),
    Perspektif.ANGGARAN.value: PerspektifGuide(
        "pengelolaan anggaran yang tepat sasaran, efisien dan akuntabel",
        "Terwujudnya pengelolaan anggaran perangkat daerah yang efektif dan akuntabel"),
}


_JPT_LEAD = re.compile(r"^(kepuasan masyarakat|kualitas|kinerja|proses|pengelolaan)\s+((terhadap|atas)\s+)?",
                       re.IGNORECASE)


def jpt_object(rhk_text: str) -> str:
    """The service or area a JPT RHK is about: ``Meningkatnya kepuasan masyarakat terhadap pelayanan perizinan
    terpadu`` -> ``pelayanan perizinan terpadu``."""
    obj = re.sub(r"\s+yang\b.*$", "", result_object(rhk_text))
    return _JPT_LEAD.sub("", obj, count=1) or "layanan"


def example_indicators_jpt(rhk_text: str, perspektif: str | None, pendekatan: str) -> list[IndicatorExample]:
    """Example IKI of a JPT RHK by its perspektif (two rows; the second is offered unticked)."""
    obj = jpt_object(rhk_text)
    qualitative = pendekatan == Pendekatan.KUALITATIF
    first, second = {
        Perspektif.PENERIMA_LAYANAN.value: (
            (f"Indeks kepuasan masyarakat terhadap {obj}", "misalnya: 85 (mutu B)",
             f"Masyarakat menilai {obj} baik pada survei kepuasan", "misalnya: mutu layanan minimal B"),
            (f"Persentase pengaduan atas {obj} yang diselesaikan", "misalnya: 100 %",
             f"Pengaduan atas {obj} ditindaklanjuti", "misalnya: seluruh pengaduan dijawab")),
        Perspektif.PROSES_BISNIS.value: (
            (f"Persentase {obj} yang diselesaikan sesuai standar pelayanan", "misalnya: 95 %",
             f"{obj.capitalize()} berjalan sesuai standar pelayanan", "misalnya: tanpa keluhan prosedur"),
            (f"Rata-rata waktu penyelesaian {obj}", "misalnya: 3 hari kerja",
             f"{obj.capitalize()} selesai dalam waktu yang dijanjikan", "misalnya: sesuai maklumat pelayanan")),
        Perspektif.PENGUATAN_INTERNAL.value: (
            ("Nilai evaluasi SAKIP perangkat daerah", "misalnya: 70 (BB)",
             "Akuntabilitas kinerja perangkat daerah dinilai baik", "misalnya: predikat BB"),
            ("Persentase pegawai yang memenuhi 20 JP pengembangan kompetensi", "misalnya: 80 %",
             "Pegawai mendapat pengembangan kompetensi yang sesuai kebutuhan", "misalnya: seluruh pegawai")),
        Perspektif.ANGGARAN.value: (
            ("Persentase realisasi anggaran terhadap pagu", "misalnya: 95 %",
             "Anggaran terserap sesuai rencana", "misalnya: sesuai jadwal DPA"),
            ("Jumlah temuan pemeriksaan keuangan yang belum ditindaklanjuti", "misalnya: 0 temuan",
             "Temuan pemeriksaan keuangan ditindaklanjuti", "misalnya: seluruhnya tuntas")),
    }.get(perspektif or "", (
        (f"Capaian {obj}", "misalnya: 100 %", f"{obj.capitalize()} tercapai sesuai rencana",
         "misalnya: sesuai rencana strategis"),
        (f"Persentase {obj} yang tepat waktu", "misalnya: 100 %", f"{obj.capitalize()} tepat waktu",
         "misalnya: sesuai jadwal")))
    rows = []
    for slot, row, included in ((IKI_SLOTS[0], first, True), (IKI_SLOTS[1], second, False)):
        text, hint = (row[2], row[3]) if qualitative else (row[0], row[1])
        rows.append(IndicatorExample(slot, text, hint, included))
    return rows


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
        jpt = view.variant == "JPT"
        slots = IKI_SLOTS if jpt else ASPEK_ORDER
        for rhk in view.rhk_of("UTAMA"):
            self._rhk_ids.append(rhk.id)
            draft = RhkDraft(rhk.parent_rhk_id, parents.get(rhk.parent_rhk_id or "", rhk.parent_text), rhk.text,
                             perspektif=rhk.perspektif if jpt else None)
            for n, ind in enumerate(rhk.indicators):
                slot = (IKI_SLOTS[n] if n < len(IKI_SLOTS) else "") if jpt else ind.aspek or ""
                key = (len(rhks), slot)
                if slot in slots and key not in self._indicator_ids:
                    self._indicator_ids[key] = ind.id
                    draft.indicators.append(IndicatorDraft(slot, ind.text, ind.target_display))
            if draft.indicators:
                have = {i.aspek for i in draft.indicators}
                draft.indicators += [IndicatorDraft(a, "", "", False) for a in slots if a not in have]
                draft.indicators.sort(key=lambda i: slots.index(i.aspek))
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
                ps.update_rhk(self.db, self.user, self._rhk_ids[n], text=rhk.text, parent_rhk_id=rhk.parent_rhk_id,
                              perspektif=rhk.perspektif)
            else:
                self._rhk_ids.append(ps.add_rhk(self.db, self.user, self.plan_id, text=rhk.text,
                                                parent_rhk_id=rhk.parent_rhk_id, perspektif=rhk.perspektif))
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
                    ps.update_indicator(self.db, self.user, existing, text=ind.text, aspek=ind.service_aspek,
                                        target=ind.target)
                elif ind.included:
                    self._indicator_ids[key] = ps.add_indicator(self.db, self.user, self._rhk_ids[n], text=ind.text,
                                                                aspek=ind.service_aspek, target=ind.target)
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
