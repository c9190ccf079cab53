"""Edits of one SKP, each an undoable step through plan_service."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk, SkpVariant
from kinerja_desktop.domain.permissions import Action, Subject, may
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.undo import FormController

RHK_FIELDS = {
    "text": QT_TRANSLATE_NOOP("plan_controller", "Rencana Hasil Kerja"),
    "parent_rhk_id": QT_TRANSLATE_NOOP("plan_controller", "RHK Pimpinan yang Diintervensi"),
    "perspektif": QT_TRANSLATE_NOOP("plan_controller", "Perspektif"),
}
INDICATOR_FIELDS = {
    "text": QT_TRANSLATE_NOOP("plan_controller", "Indikator Kinerja Individu"),
    "aspek": QT_TRANSLATE_NOOP("plan_controller", "Aspek"),
    "target": QT_TRANSLATE_NOOP("plan_controller", "Target"),
}


class PlanController(FormController):
    """One plan (SKP) being viewed or edited.

    Signals:
        plan_replaced(str): a Revisi made a new version; the editor now shows it.
    """

    plan_replaced = Signal(str)

    def __init__(self, db: Database, user: CurrentUser, plan_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.plan_id = db, user, plan_id
        self.plan: ps.PlanView = ps.get_plan(db, user, plan_id)
        self._options: list[tuple[str, str]] | None = None
        self.last_added: str | None = None

    def reload(self) -> None:
        self.plan = ps.get_plan(self.db, self.user, self.plan_id)

    # ------------------------------------------------------------------ what the user may do

    @property
    def subject(self) -> Subject:
        p = self.plan
        return Subject(p.employee_id, p.penilai_id, p.atasan_penilai_id)

    def may(self, action: Action) -> bool:
        return may(self.user.actor, action, self.subject)

    @property
    def live(self) -> bool:
        """The current version, or a Plt./Plh. SKP (never "current": it stands beside the definitive one)."""
        return self.plan.is_current or self.plan.version >= ps.ACTING_VERSION_BASE

    @property
    def editable(self) -> bool:
        return self.plan.editable and self.live and self.may(Action.EDIT_PLAN)

    @property
    def expectation_editable(self) -> bool:
        p = self.plan
        return self.live and not p.frozen and p.status != "APPROVED" and self.may(Action.EDIT_EXPECTATION)

    @property
    def can_submit(self) -> bool:
        return self.editable and self.may(Action.SUBMIT_PLAN)

    @property
    def can_approve(self) -> bool:
        return self.live and self.plan.status == "SUBMITTED" and self.may(Action.REVIEW_PLAN)

    @property
    def can_return(self) -> bool:
        p = self.plan
        return self.live and not p.frozen and p.status in ("SUBMITTED", "APPROVED") and self.may(Action.REVIEW_PLAN)

    @property
    def can_revise(self) -> bool:
        p = self.plan
        return p.is_current and (p.frozen or p.status in ("SUBMITTED", "APPROVED")) and self.may(Action.EDIT_PLAN)

    def supervisor_options(self) -> list[tuple[str, str]]:
        """The penilai's RHK this plan may intervene in (fetched once, on first need)."""
        if self._options is None:
            self._options = ps.supervisor_rhk_options(self.db, self.user, self.plan_id, with_indicators=True)
        return self._options

    # ------------------------------------------------------------------ lookups

    def rhk(self, rhk_id: str) -> ps.RhkView:
        return next(r for r in self.plan.rhk if r.id == rhk_id)

    def indicator(self, indicator_id: str) -> ps.IndicatorView:
        return next(i for r in self.plan.rhk for i in r.indicators if i.id == indicator_id)

    def _rhk_position(self, rhk_id: str) -> tuple[str, int]:
        rhk = self.rhk(rhk_id)
        return rhk.kind, self.plan.rhk_of(rhk.kind).index(rhk)

    # ------------------------------------------------------------------ RHK

    def set_rhk_field(self, rhk_id: str, field: str, value: object, session: object = None) -> KinerjaError | None:
        rhk = self.rhk(rhk_id)
        old = getattr(rhk, field)
        if field == "text":
            value = str(value or "")
            if not value.strip():
                return ValidationError(
                    self.tr(
                        "Rencana Hasil Kerja tidak boleh kosong. Tulis hasil kerja yang akan dicapai, atau hapus "
                        "baris ini (Delete)."
                    ),
                    field=RHK_FIELDS[field],
                )
        if value == old:
            return None
        db, user = self.db, self.user
        return self.run(
            self.tr("Ubah {0}").format(QCoreApplication.translate("plan_controller", RHK_FIELDS[field])),
            lambda: ps.update_rhk(db, user, rhk_id, **{field: value}),
            lambda: ps.update_rhk(db, user, rhk_id, **{field: old}),
            merge_key=("rhk", rhk_id, field, session) if session else None,
        )

    def add_rhk(self, kind: str = JenisRhk.UTAMA.value, position: int | None = None) -> KinerjaError | None:
        db, user, plan_id = self.db, self.user, self.plan_id
        state: dict[str, str] = {}

        def do() -> None:
            if "id" in state:
                ps.restore_rhk(db, user, state["id"], position)
            else:
                state["id"] = ps.add_rhk(db, user, plan_id, kind=kind, position=position)
            self.last_added = state["id"]

        label = self.tr("Tambah RHK utama") if kind == JenisRhk.UTAMA else self.tr("Tambah RHK tambahan")
        return self.run(label, do, lambda: ps.remove_rhk(db, user, state["id"]))

    def remove_rhk(self, rhk_id: str) -> KinerjaError | None:
        _kind, pos = self._rhk_position(rhk_id)
        db, user = self.db, self.user
        return self.run(
            self.tr("Hapus RHK"), lambda: ps.remove_rhk(db, user, rhk_id), lambda: ps.restore_rhk(db, user, rhk_id, pos)
        )

    def move_rhk(self, rhk_id: str, kind: str, position: int) -> KinerjaError | None:
        """Move an RHK to ``position`` in group ``kind`` (Utama or Tambahan)."""
        old_kind, old_pos = self._rhk_position(rhk_id)
        if (kind, position) == (old_kind, old_pos):
            return None
        db, user = self.db, self.user

        if kind == old_kind:
            return self.run(
                self.tr("Pindahkan RHK"),
                lambda: ps.move_rhk(db, user, rhk_id, position),
                lambda: ps.move_rhk(db, user, rhk_id, old_pos),
            )

        def do() -> None:
            ps.update_rhk(db, user, rhk_id, kind=kind)
            ps.move_rhk(db, user, rhk_id, position)

        def undo() -> None:
            ps.update_rhk(db, user, rhk_id, kind=old_kind)
            ps.move_rhk(db, user, rhk_id, old_pos)

        label = self.tr("Jadikan RHK tambahan") if kind == JenisRhk.TAMBAHAN else self.tr("Jadikan RHK utama")
        return self.run(label, do, undo)

    # ------------------------------------------------------------------ indicators

    def set_indicator_field(
        self,
        indicator_id: str,
        field: str,
        value: object,
        session: object = None,
    ) -> KinerjaError | None:
        ind = self.indicator(indicator_id)
        old = ind.target_display if field == "target" else getattr(ind, field)
        if field in ("text", "target"):
            value = str(value or "")
            if field == "text" and not value.strip():
                return ValidationError(
                    self.tr("Indikator Kinerja Individu tidak boleh kosong."), field=INDICATOR_FIELDS[field]
                )
            if value.strip() == (old or "").strip():
                return None
        elif value == old:
            return None
        db, user = self.db, self.user
        return self.run(
            self.tr("Ubah {0}").format(QCoreApplication.translate("plan_controller", INDICATOR_FIELDS[field])),
            lambda: ps.update_indicator(db, user, indicator_id, **{field: value}),
            lambda: ps.update_indicator(db, user, indicator_id, **{field: old}),
            merge_key=("indicator", indicator_id, field, session) if session else None,
        )

    def _next_aspek(self, rhk_id: str) -> str | None:
        if self.plan.variant == SkpVariant.JPT:
            return None
        used = {i.aspek for i in self.rhk(rhk_id).indicators}
        return next((a.value for a in Aspek if a.value not in used), Aspek.KUANTITAS.value)

    def add_indicator(self, rhk_id: str) -> KinerjaError | None:
        db, user = self.db, self.user
        aspek = self._next_aspek(rhk_id)
        state: dict[str, str] = {}

        def do() -> None:
            if "id" in state:
                ps.restore_indicator(db, user, state["id"])
            else:
                state["id"] = ps.add_indicator(db, user, rhk_id, aspek=aspek)
            self.last_added = state["id"]

        return self.run(self.tr("Tambah indikator"), do, lambda: ps.remove_indicator(db, user, state["id"]))

    def remove_indicator(self, indicator_id: str) -> KinerjaError | None:
        db, user = self.db, self.user
        return self.run(
            self.tr("Hapus indikator"),
            lambda: ps.remove_indicator(db, user, indicator_id),
            lambda: ps.restore_indicator(db, user, indicator_id),
        )

    def move_indicator(self, indicator_id: str, position: int) -> KinerjaError | None:
        ind = self.indicator(indicator_id)
        siblings = self.rhk(ind.rhk_id).indicators
        old = siblings.index(ind)
        position = max(0, min(position, len(siblings) - 1))
        if position == old:
            return None
        db, user = self.db, self.user
        return self.run(
            self.tr("Pindahkan indikator"),
            lambda: ps.move_indicator(db, user, indicator_id, position),
            lambda: ps.move_indicator(db, user, indicator_id, old),
        )

    # ------------------------------------------------------------------ lampiran, perilaku, pendekatan

    def add_lampiran(self, kind: str, text: str) -> KinerjaError | None:
        db, user, plan_id = self.db, self.user, self.plan_id
        state: dict[str, str] = {}

        def do() -> None:
            if "id" in state:
                ps.set_lampiran_deleted(db, user, state["id"], False)
            else:
                state["id"] = ps.add_lampiran(db, user, plan_id, kind, text)

        return self.run(
            self.tr("Tambah butir lampiran"), do, lambda: ps.set_lampiran_deleted(db, user, state["id"], True)
        )

    def update_lampiran(self, item_id: str, text: str, session: object = None) -> KinerjaError | None:
        old = next(i.text for i in self.plan.lampiran if i.id == item_id)
        if text.strip() == old:
            return None
        db, user = self.db, self.user
        return self.run(
            self.tr("Ubah butir lampiran"),
            lambda: ps.update_lampiran(db, user, item_id, text),
            lambda: ps.update_lampiran(db, user, item_id, old),
            merge_key=("lampiran", item_id, session) if session else None,
        )

    def remove_lampiran(self, item_id: str) -> KinerjaError | None:
        db, user = self.db, self.user
        return self.run(
            self.tr("Hapus butir lampiran"),
            lambda: ps.set_lampiran_deleted(db, user, item_id, True),
            lambda: ps.set_lampiran_deleted(db, user, item_id, False),
        )

    def set_expectation(self, code: str, text: str, session: object = None) -> KinerjaError | None:
        old = self.plan.expectations.get(code, "")
        if text.strip() == old:
            return None
        db, user, plan_id = self.db, self.user, self.plan_id
        return self.run(
            self.tr("Ubah Ekspektasi Khusus Pimpinan"),
            lambda: ps.set_expectation(db, user, plan_id, code, text),
            lambda: ps.set_expectation(db, user, plan_id, code, old),
            merge_key=("ekspektasi", code, session) if session else None,
        )

    def set_pendekatan(self, pendekatan: str) -> KinerjaError | None:
        old = self.plan.pendekatan
        if pendekatan == old:
            return None
        db, user, plan_id = self.db, self.user, self.plan_id
        return self.run(
            self.tr("Ubah pendekatan"),
            lambda: ps.update_plan(db, user, plan_id, pendekatan=pendekatan),
            lambda: ps.update_plan(db, user, plan_id, pendekatan=old),
        )

    # ------------------------------------------------------------------ workflow

    def submit(self) -> KinerjaError | None:
        return self.attempt(lambda: ps.submit_plan(self.db, self.user, self.plan_id))

    def approve(self) -> KinerjaError | None:
        return self.attempt(lambda: ps.approve_plan(self.db, self.user, self.plan_id))

    def return_plan(self, note: str) -> KinerjaError | None:
        return self.attempt(lambda: ps.return_plan(self.db, self.user, self.plan_id, note))

    def revise(self) -> KinerjaError | None:
        def do() -> None:
            self.plan_id = ps.revise_plan(self.db, self.user, self.plan_id)

        error = self.attempt(do)
        if error is None:
            self.plan_replaced.emit(self.plan_id)
        return error

    def show_version(self, plan_id: str) -> None:
        """Show another version of this plan (older versions are read-only)."""
        self.plan_id = plan_id
        self.clear_history()
        self._options = None
        self._after()
