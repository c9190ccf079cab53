"""Realisation of one plan in one period: each edit an undoable step through realisation_service."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.permissions import Action, Subject, may
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import realisation_service as rs
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.settings_service import get_setting
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.undo import FormController, detached

FIELD_LABELS = {
    "value": QT_TRANSLATE_NOOP("realisation_controller", "Realisasi"),
    "note": QT_TRANSLATE_NOOP("realisation_controller", "Catatan"),
    "reported_on": QT_TRANSLATE_NOOP("realisation_controller", "Tanggal"),
}


class RealisationController(FormController):
    """The indicators of a plan with their realisation and evidence for one period."""

    def __init__(
        self, db: Database, user: CurrentUser, plan_id: str, period: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.plan_id, self.period = db, user, plan_id, period
        self.plan: ps.PlanView = ps.get_plan(db, user, plan_id)
        self.realisations: dict[str, rs.RealisationView] = {}
        self.evaluation_status = "BELUM"
        self.reload()

    def reload(self) -> None:
        self.realisations = rs.realisations_for(self.db, self.user, self.plan_id, self.period)
        self.evaluation_status = es.get_evaluation(self.db, self.user, self.plan_id, self.period).status

    def set_period(self, period: str) -> None:
        self.period = period
        self.clear_history()
        self.reload()
        self.changed.emit()

    def reload_plan(self) -> None:
        self.plan = ps.get_plan(self.db, self.user, self.plan_id)
        self.reload()

    @property
    def subject(self) -> Subject:
        p = self.plan
        return Subject(p.employee_id, p.penilai_id, p.atasan_penilai_id)

    @property
    def may_edit(self) -> bool:
        return may(self.user.actor, Action.EDIT_REALISATION, self.subject)

    @property
    def editable(self) -> bool:
        return (
            self.may_edit
            and self.plan.status == "APPROVED"
            and self.plan.is_current
            and self.evaluation_status not in ("FINAL", "SIGNED")
        )

    @property
    def max_bytes(self) -> int:
        try:
            megabytes = float(get_setting(self.db, "evidence.max_mb"))
        except (TypeError, ValueError):
            megabytes = rs.DEFAULT_MAX_EVIDENCE_BYTES / 1048576
        return int(megabytes * 1048576)

    # ------------------------------------------------------------------ edits

    def set_field(self, indicator_id: str, field: str, value: object, session: object = None) -> KinerjaError | None:
        current = self.realisations.get(indicator_id) or rs.RealisationView(indicator_id, self.period)
        old = {"value": current.value_text, "note": current.note, "reported_on": current.reported_on}[field]
        if isinstance(value, str) and isinstance(old, str) and value.strip() == old.strip():
            return None
        if value == old:
            return None
        db, user, period = self.db, self.user, self.period

        def write(v: object) -> None:
            rs.set_realisation(db, user, indicator_id, period, **{field: v})  # type: ignore[arg-type]

        if field == "reported_on" and old is None:
            # The service cannot clear a date again, so the first date is not an undoable step.
            try:
                write(value)
            except KinerjaError as exc:
                return detached(exc)
            self._after()
            return None
        return self.run(
            self.tr("Ubah {0}").format(QCoreApplication.translate("realisation_controller", FIELD_LABELS[field])),
            lambda: write(value),
            lambda: write(old),
            merge_key=("realisasi", indicator_id, field, session) if session else None,
        )

    def compute_from_actions(self, indicator_id: str) -> KinerjaError | None:
        """The indicator's realisation from its rencana aksi in the period (undoable like a typed value)."""
        current = self.realisations.get(indicator_id) or rs.RealisationView(indicator_id, self.period)
        old_value, old_note = current.value_text, current.note
        db, user, period = self.db, self.user, self.period
        return self.run(self.tr("Hitung dari rencana aksi"),
                        lambda: rs.realisation_from_actions(db, user, indicator_id, period),
                        lambda: rs.set_realisation(db, user, indicator_id, period, value=old_value, note=old_note))

    def add_evidence(self, indicator_id: str, path: str | Path) -> KinerjaError | None:
        db, user, period, limit = self.db, self.user, self.period, self.max_bytes
        state: dict[str, str] = {}

        def do() -> None:
            if "id" in state:
                rs.set_evidence_deleted(db, user, state["id"], False)
            else:
                state["id"] = rs.add_evidence(db, user, indicator_id, period, path, max_bytes=limit)

        return self.run(
            self.tr("Tambah bukti {0}").format(Path(path).name),
            do,
            lambda: rs.set_evidence_deleted(db, user, state["id"], True),
        )

    def remove_evidence(self, attachment_id: str) -> KinerjaError | None:
        db, user = self.db, self.user
        return self.run(
            self.tr("Hapus bukti dukung"),
            lambda: rs.set_evidence_deleted(db, user, attachment_id, True),
            lambda: rs.set_evidence_deleted(db, user, attachment_id, False),
        )

    def evidence_path(self, attachment_id: str) -> Path:
        """The file to open; a file of someone else's record that is not here yet is fetched from the store
        first (a PC that holds a scope gets others' evidence when it is opened, see sync.files)."""
        try:
            return rs.evidence_path(self.db, self.user, attachment_id)
        except ValidationError:
            from kinerja_desktop.sync.files import fetch_files

            sha = rs.evidence_sha(self.db, self.user, attachment_id)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                fetch_files(self.db, [sha])
            except KinerjaError:
                pass  # the plain message below says it is not here yet
            finally:
                QApplication.restoreOverrideCursor()
            return rs.evidence_path(self.db, self.user, attachment_id)
