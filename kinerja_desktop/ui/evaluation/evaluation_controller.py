"""Evaluation of one plan for one period: feedback, ratings and details as undoable steps."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.permissions import Action, Subject, may
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import realisation_service as rs
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.undo import FormController


class EvaluationController(FormController):
    """The plan, its realisations in the period, and the evaluation being written."""

    def __init__(self, db: Database, user: CurrentUser, plan_id: str, period: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The SKP the page is for (the current version); ``plan_id`` is the version the chosen period
        #: is evaluated on: an older one when the period was finalised or signed before a Revisi.
        self.db, self.user, self.base_plan_id, self.period = db, user, plan_id, period
        self.plan_id = plan_id
        self.plan: ps.PlanView = ps.get_plan(db, user, plan_id)
        self.evaluation = es.EvaluationView(None, plan_id, period)
        self.realisations: dict[str, rs.RealisationView] = {}
        self.reload()

    def reload(self) -> None:
        plan_id = es.evaluated_plan(self.db, self.user, self.base_plan_id, self.period)
        if plan_id != self.plan_id:
            self.plan_id = plan_id
            self.plan = ps.get_plan(self.db, self.user, plan_id)
        self.evaluation = es.get_evaluation(self.db, self.user, self.plan_id, self.period)
        self.realisations = rs.realisations_for(self.db, self.user, self.plan_id, self.period)

    def follow_plan(self, plan_id: str) -> None:
        """The SKP page made a new version (Revisi): evaluate against it from now on (the page reloads
        when shown again; a period finalised on the old version stays shown from that version)."""
        self.base_plan_id = plan_id
        self.clear_history()

    def set_period(self, period: str) -> None:
        self.period = period
        self.clear_history()
        self.reload()
        self.changed.emit()

    def reload_plan(self) -> None:
        self.plan_id = es.evaluated_plan(self.db, self.user, self.base_plan_id, self.period)
        self.plan = ps.get_plan(self.db, self.user, self.plan_id)
        self.reload()

    # ------------------------------------------------------------------ rights

    @property
    def subject(self) -> Subject:
        p = self.plan
        return Subject(p.employee_id, p.penilai_id, p.atasan_penilai_id)

    def may(self, action: Action) -> bool:
        return may(self.user.actor, action, self.subject)

    @property
    def editable(self) -> bool:
        ev = self.evaluation
        return (self.may(Action.EVALUATE) and self.plan.status == "APPROVED" and not ev.frozen
                and ev.status in ("BELUM", "DRAFT"))

    @property
    def can_reopen(self) -> bool:
        ev = self.evaluation
        return self.may(Action.FINALISE_EVALUATION) and ev.status == "FINAL" and not ev.frozen

    @property
    def can_mark_read(self) -> bool:
        ev = self.evaluation
        return self.may(Action.MARK_READ) and ev.status in ("FINAL", "SIGNED") and ev.read_at is None

    # ------------------------------------------------------------------ edits

    def set_rhk_feedback(self, rhk_id: str, text: str, session: object = None) -> KinerjaError | None:
        old = self.evaluation.rhk_feedback.get(rhk_id, "")
        if text.strip() == old.strip():
            return None
        db, user, plan_id, period = self.db, self.user, self.plan_id, self.period
        return self.run(
            self.tr("Ubah umpan balik"),
            lambda: es.set_rhk_feedback(db, user, plan_id, period, rhk_id, text),
            lambda: es.set_rhk_feedback(db, user, plan_id, period, rhk_id, old),
            merge_key=("rhk_feedback", rhk_id, session) if session else None,
        )

    def set_perilaku_feedback(self, code: str, text: str, session: object = None) -> KinerjaError | None:
        old = self.evaluation.perilaku_feedback.get(code, "")
        if text.strip() == old.strip():
            return None
        db, user, plan_id, period = self.db, self.user, self.plan_id, self.period
        return self.run(
            self.tr("Ubah umpan balik perilaku"),
            lambda: es.set_perilaku_feedback(db, user, plan_id, period, code, text),
            lambda: es.set_perilaku_feedback(db, user, plan_id, period, code, old),
            merge_key=("perilaku_feedback", code, session) if session else None,
        )

    def set_rating(self, which: str, value: str | None) -> KinerjaError | None:
        """``which`` is 'hasil' or 'perilaku'."""
        old = self.evaluation.rating_hasil if which == "hasil" else self.evaluation.rating_perilaku
        if value == old:
            return None
        db, user, plan_id, period = self.db, self.user, self.plan_id, self.period
        label = self.tr("Rating Hasil Kerja") if which == "hasil" else self.tr("Rating Perilaku Kerja")
        # Stepping through the choices with the arrow keys is one undo step.
        return self.run(
            self.tr("Ubah {0}").format(label),
            lambda: es.set_ratings(db, user, plan_id, period, **{which: value}),
            lambda: es.set_ratings(db, user, plan_id, period, **{which: old}),
            merge_key=("rating", which),
        )

    def set_capaian(self, value: str | None) -> KinerjaError | None:
        old = self.evaluation.capaian_organisasi
        if value == old:
            return None
        db, user, plan_id, period = self.db, self.user, self.plan_id, self.period
        return self.run(
            self.tr("Ubah Capaian Kinerja Organisasi"),
            lambda: es.set_details(db, user, plan_id, period, capaian_organisasi=value),
            lambda: es.set_details(db, user, plan_id, period, capaian_organisasi=old),
            merge_key=("capaian",),
        )

    def set_catatan(self, text: str, session: object = None) -> KinerjaError | None:
        old = self.evaluation.catatan
        if text.strip() == old.strip():
            return None
        db, user, plan_id, period = self.db, self.user, self.plan_id, self.period
        return self.run(
            self.tr("Ubah Catatan/Rekomendasi"),
            lambda: es.set_details(db, user, plan_id, period, catatan=text),
            lambda: es.set_details(db, user, plan_id, period, catatan=old),
            merge_key=("catatan", session) if session else None,
        )

    def finalise(self) -> KinerjaError | None:
        return self.attempt(lambda: es.finalise(self.db, self.user, self.plan_id, self.period))

    def reopen(self) -> KinerjaError | None:
        return self.attempt(lambda: es.reopen(self.db, self.user, self.plan_id, self.period))

    def mark_read(self) -> KinerjaError | None:
        return self.attempt(lambda: es.mark_read(self.db, self.user, self.plan_id, self.period))
