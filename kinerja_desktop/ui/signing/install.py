"""Put signing into the main window: menu actions, dialogs, and the signed-documents tab of employee pages.

Call ``install_signing(window)`` once after the main window is made. It uses the window's
public hooks only (``add_menu_action``, ``tasks``, ``db``, ``user``, ``current_page``,
``tabs``, ``period``); the user is read when an action is triggered, so a switch of user
needs no re-install.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from kinerja_desktop.documents.certs import default_pki
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.ui.signing.background import task_manager_runner

PANEL_TITLE = QT_TRANSLATE_NOOP("install", "Dokumen Bertanda Tangan")
DOC_ACTIONS = (
    ("skp", QT_TRANSLATE_NOOP("install", "Tanda Tangani &SKP…")),
    ("evaluasi", QT_TRANSLATE_NOOP("install", "Tanda Tangani &Evaluasi Kinerja…")),
    ("dokumen-evaluasi", QT_TRANSLATE_NOOP("install", "Tanda Tangani Dokumen E&valuasi…")),
    ("penetapan", QT_TRANSLATE_NOOP("install", "Tanda Tangani &Penetapan Predikat…")),
    ("penghargaan", QT_TRANSLATE_NOOP("install", "Tanda Tangani Daftar Pengharga&an…")),
    ("rekap-jp", QT_TRANSLATE_NOOP("install", "Tanda Tangani Rekap 20 &JP…")),
)


class SigningIntegration(QObject):
    """Owns the signing actions of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.verify_action = QAction(self.tr("&Periksa Tanda Tangan…"), window)
        self.verify_action.triggered.connect(self.open_verify)
        window.add_menu_action("documents", self.verify_action)
        # One entry; the kind of document is chosen in the question it opens (issue 14).
        self.sign_action = QAction(self.tr("&Tanda Tangani…"), window)
        self.sign_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.sign_action.setStatusTip(self.tr("Tanda tangani SKP, evaluasi atau penetapan pegawai yang dipilih "
                                              "di daftar atau yang halamannya terbuka"))
        self.sign_action.triggered.connect(self.ask_kind)
        window.add_menu_action("documents", self.sign_action)
        self.ltv_action = QAction(self.tr("Perpanjang &Keabsahan (LTV)…"), window)
        self.ltv_action.setStatusTip(self.tr("Cap waktu dokumen dan data validasi (PAdES B-LTA) untuk dokumen "
                                             "bertanda tangan yang tersimpan di komputer ini"))
        self.ltv_action.triggered.connect(self.extend_long_term)
        window.add_menu_action("documents", self.ltv_action)
        self._kind_dialog: QInputDialog | None = None
        self.certs_action = QAction(self.tr("&Sertifikat Tanda Tangan…"), window)
        self.certs_action.triggered.connect(self.open_certificates)
        window.add_menu_action("tools", self.certs_action)
        tabs = getattr(window, "tabs", None)
        if tabs is not None:
            tabs.currentChanged.connect(lambda _index: self.attach_panel(window.current_page()))

    # ------------------------------------------------------------------ dialogs

    def _runner(self) -> Any:
        tasks = getattr(self.window, "tasks", None)
        if tasks is None:
            from kinerja_desktop.ui.signing.background import run_in_background

            return run_in_background
        return task_manager_runner(tasks)

    def _sign_options(self) -> Any:
        from kinerja_desktop.documents.signing import SignOptions
        from kinerja_desktop.services.settings_service import get_setting

        tsa = get_setting(self.window.db, "signing.tsa_url")  # declared by the settings when offered
        return SignOptions(timezone=self._timezone(), timestamp_url=str(tsa) if tsa else None)

    def _timezone(self) -> str:
        from kinerja_desktop.services.settings_service import get_setting

        return str(get_setting(self.window.db, "timezone") or "WIB")

    @Slot()
    def open_verify(self) -> QWidget:
        from kinerja_desktop.documents.signed_documents import check_qr
        from kinerja_desktop.ui.signing.verify_dialog import VerifyDialog

        db = self.window.db
        trust = default_pki().trust
        dialog = VerifyDialog(trust.certificates, self.window,
                              qr_check=lambda text: check_qr(db, text, self.window.user), timezone=self._timezone())
        dialog.show()
        return dialog

    @Slot()
    def open_certificates(self) -> QWidget:
        from sqlalchemy import select

        from kinerja_desktop.services.settings_service import get_setting
        from kinerja_desktop.store.models import Employee
        from kinerja_desktop.ui.signing.certificates_dialog import CertificatesDialog

        db, user = self.window.db, self.window.user

        def employee_name(nip: str) -> str | None:
            with db.reader() as s:
                return s.scalars(select(Employee.name).where(Employee.nip == "".join(nip.split()))).first()

        dialog = CertificatesDialog(
            default_pki(), self.window, is_admin=user.is_admin, instansi=str(get_setting(db, "instansi.name") or ""),
            employee_name=employee_name, runner=self._runner(),
        )
        dialog.show()
        return dialog

    @Slot()
    def ask_kind(self) -> QInputDialog:
        """Tanda Tangani…: which document (window-modal, not blocking); then :meth:`sign_current`."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("signKindDialog")
        dialog.setWindowTitle(self.tr("Tanda Tangani"))
        dialog.setLabelText(self.tr("Dokumen yang akan ditandatangani:"))
        labels = [QCoreApplication.translate("install", title).replace("&", "").removeprefix("Tanda Tangani ")
                  .rstrip("…") for _kind, title in DOC_ACTIONS]
        dialog.setComboBoxItems(labels)
        dialog.setOkButtonText(self.tr("Lanjut"))
        dialog.setCancelButtonText(self.tr("Batal"))
        dialog.textValueSelected.connect(lambda text: self.sign_current(DOC_ACTIONS[labels.index(text)][0]))
        dialog.finished.connect(dialog.deleteLater)
        self._kind_dialog = dialog
        dialog.open()
        return dialog

    def sign_current(self, kind: str) -> QWidget | None:
        """Sign a sheet of the employee whose page is open, or else of the one selected in the list (the
        current period for evaluations); a penetapan is the open unit's, or the signed-in pimpinan's own
        unit's."""
        page = self.window.current_page()
        if kind == "penetapan":
            return self.open_sign_penetapan(getattr(page, "unit_id", None))
        if kind in ("penghargaan", "rekap-jp"):  # the list open in its page, else the instansi's of this year
            if getattr(page, "pengelola_kind", None) == kind:
                return self.open_sign_pengelola(kind, page.year, page.period(), page.unit_code())
            return self.open_sign_pengelola(kind, self.window.year(), self.window.period(), None)
        header = getattr(page, "header", None)
        if header is not None:
            period = None if kind == "skp" else ("TAHUNAN" if kind == "dokumen-evaluasi" else page.period)
            return self.open_sign(header.nip, header.year, kind, period,
                                  refresh=getattr(page, "_signing_panel", None),
                                  plan_id=getattr(page, "acting_plan_id", None))
        selected = getattr(self.window, "selected_employee", None)
        row = selected() if callable(selected) else None
        if row is not None and getattr(row, "nip", None):
            period = None if kind == "skp" else ("TAHUNAN" if kind == "dokumen-evaluasi" else self.window.period())
            return self.open_sign(row.nip, self.window.year(), kind, period)
        QMessageBox.information(self.window, self.tr("Tanda tangan"),
                                self.tr("Pilih pegawai di daftar, atau buka halamannya, lalu pilih Tanda Tangani."))
        return None

    def open_sign(self, nip: str, year: int, kind: str, period: str | None, refresh: Any = None,
                  plan_id: str | None = None) -> QWidget | None:
        """Sign a sheet of the employee's current SKP, or of ``plan_id`` (a Plt./Plh. SKP's page)."""
        from kinerja_desktop.documents.signed_documents import render_record, resolve_target
        from kinerja_desktop.ui.signing.sign_dialog import SignDialog

        db, user = self.window.db, self.window.user
        try:
            target = resolve_target(db, kind, nip=nip, year=year, period=period, plan_id=plan_id)
            user_nip = _nip_of(db, user.employee_id)
            dialog = SignDialog(db, user, target, default_pki(), user_nip=user_nip,
                                render=lambda: render_record(db, user, target),
                                options=self._sign_options(), runner=self._runner(),
                                parent=self.window)
        except KinerjaError as exc:
            QMessageBox.warning(self.window, "Tanda tangan", str(exc))
            return None
        if refresh is not None:
            dialog.signed.connect(lambda _view: refresh.refresh())
        notify = getattr(self.window, "notify_data_changed", None)
        if notify is not None:
            dialog.signed.connect(lambda _view: notify())
        dialog.show()
        return dialog

    def open_sign_penetapan(self, unit_id: str | None = None) -> QWidget | None:
        """The pimpinan signs the Penetapan Predikat Kinerja of a unit (asked whether with its sub-units)."""
        from kinerja_desktop.documents.signed_documents import penetapan_target

        db, user, window = self.window.db, self.window.user, self.window
        unit_id = unit_id or _unit_of(db, user.employee_id)
        if unit_id is None:
            QMessageBox.information(window, self.tr("Tanda tangan"), self.tr("Buka dulu unit kerja yang "
                                                                             "penetapannya akan ditandatangani."))
            return None
        recursive = False
        if _has_sub_units(db, unit_id):
            answer = QMessageBox.question(window, self.tr("Penetapan predikat kinerja"),
                                          self.tr("Tetapkan juga predikat pegawai di sub-unitnya?"))
            recursive = answer == QMessageBox.StandardButton.Yes
        return self._sign_unit_document(lambda: penetapan_target(db, unit_id, year=window.year(),
                                                                 period=window.period(), recursive=recursive))

    def open_sign_pengelola(self, kind: str, year: int, period: str | None, unit_code: str | None) -> QWidget | None:
        """The pengelola kepegawaian (an admin who is an employee) signs a recognition list or a 20 JP recap."""
        from kinerja_desktop.documents.signed_documents import pengelola_target

        db, user = self.window.db, self.window.user
        return self._sign_unit_document(lambda: pengelola_target(db, user, kind, year=year, period=period,
                                                                 unit_code=unit_code))

    def _sign_unit_document(self, make_target: Any) -> QWidget | None:
        """The sign dialog for a unit's document (penetapan, pengelola list); a refusal is shown, not raised."""
        from kinerja_desktop.documents.signed_documents import render_record
        from kinerja_desktop.ui.signing.sign_dialog import SignDialog

        db, user, window = self.window.db, self.window.user, self.window
        try:
            target = make_target()
            dialog = SignDialog(db, user, target, default_pki(), user_nip=_nip_of(db, user.employee_id),
                                render=lambda: render_record(db, user, target), options=self._sign_options(),
                                runner=self._runner(), parent=window)
        except KinerjaError as exc:
            QMessageBox.warning(window, self.tr("Tanda tangan"), str(exc))
            return None
        notify = getattr(window, "notify_data_changed", None)
        if notify is not None:
            dialog.signed.connect(lambda _view: notify())
        dialog.show()
        return dialog

    @Slot()
    def extend_long_term(self) -> Any:
        """Perpanjang Keabsahan (LTV): the document selected on the open page's signed-documents tab, or
        else every signed document held here that lacks it (as sync does; bounded, errors listed)."""
        page = self.window.current_page()
        panel = getattr(page, "_signing_panel", None)
        if (panel is not None and page.tabs.currentWidget() is getattr(page, "_signing_tab", None)
                and panel.selected() is not None):
            panel.extend_selected()
            return panel
        from kinerja_desktop.documents.long_term_documents import extend_stored

        db, user, window = self.window.db, self.window.user, self.window

        def work(ctx: Any) -> Any:
            return extend_stored(db, user, progress=ctx.progress,
                                 cancelled=lambda: ctx.cancelled)

        def done(run: Any) -> None:
            QMessageBox.information(window, self.tr("Perpanjang keabsahan (LTV)"), "\n".join(run.summary_lines()))

        task = window.tasks.start(work, title=self.tr("Perpanjang keabsahan (LTV)"))
        task.succeeded.connect(done)
        task.failed.connect(lambda message: QMessageBox.warning(window, self.tr("Perpanjang keabsahan (LTV)"),
                                                                message))
        return task

    # ------------------------------------------------------------------ employee pages

    def attach_panel(self, page: Any) -> QWidget | None:
        """Give an employee page a tab listing its signed documents (once); the panel is built when
        the tab is first shown (``page._signing_panel`` from then on). Returns the tab."""
        header = getattr(page, "header", None)
        if header is None or not hasattr(page, "add_lazy_tab") or getattr(page, "_signing_tab", None) is not None:
            return None

        def build(parent: QWidget) -> QWidget:
            from kinerja_desktop.ui.signing.documents_panel import SignedDocumentsPanel

            panel = SignedDocumentsPanel(self.window.db, self.window.user, header.employee_id, verify=self._verify,
                                         runner=self._runner(), parent=parent)
            panel.sign_requested.connect(
                lambda view: self.open_sign(header.nip, view.year, view.kind, view.period, refresh=panel,
                                            plan_id=view.plan_id if getattr(page, "acting_plan_id", None) else None)
            )
            page._signing_panel = panel
            return panel

        page._signing_panel = None
        page._signing_tab = page.add_lazy_tab(build, QCoreApplication.translate("install", PANEL_TITLE))
        return page._signing_tab

    def _verify(self, pdf: bytes, label: str) -> None:
        dialog = self.open_verify()
        dialog.verify_bytes(pdf, label)  # type: ignore[attr-defined]


def _nip_of(db: Any, employee_id: str | None) -> str | None:
    if not employee_id:
        return None
    from kinerja_desktop.store.models import Employee

    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.nip if emp is not None else None


def _unit_of(db: Any, employee_id: str | None) -> str | None:
    if not employee_id:
        return None
    from kinerja_desktop.store.models import Employee

    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.unit_id if emp is not None else None


def _has_sub_units(db: Any, unit_id: str) -> bool:
    from sqlalchemy import select

    from kinerja_desktop.store.models import Unit

    with db.reader() as s:
        return s.scalars(select(Unit.id).where(Unit.parent_id == unit_id, Unit.deleted.is_(False))).first() is not None


def install_signing(window: Any) -> SigningIntegration:
    """Add the signing actions to ``window`` (see the module docstring)."""
    existing = getattr(window, "_signing", None)
    if existing is None:
        existing = window._signing = SigningIntegration(window)
    return existing
