"""Put printing into the main window: "Cetak…" (Ctrl+P) and "Cetak Blanko…" in the Dokumen menu.

Call ``install_printing(window)`` once after the main window is made. It uses the window's public
hooks only (``add_menu_action``, ``tasks``, ``db``, ``user``, ``year()``, ``period()``,
``selected_employee()``, ``current_page()``). The print options follow where the user is: the
open employee page or the employee selected in the list, the selected rows, or the open unit view.
Batches run as a status-bar task (progress and cancel); the result opens in a preview window
with the system print dialog, or is saved where the user chose.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["PrintingIntegration", "install_printing"]

MAX_LISTED = 20


class PrintingIntegration(QObject):
    """Owns the print actions of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.previews: list[QWidget] = []
        self.print_action = QAction(self.tr("&Cetak…"), window)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda _checked=False: self.open_dialog())
        window.add_menu_action("documents", self.print_action)
        self.blank_action = QAction(self.tr("Cetak &Blanko…"), window)
        self.blank_action.triggered.connect(lambda: self.open_dialog(kind="blank"))
        window.add_menu_action("documents", self.blank_action)

    # ------------------------------------------------------------------ context
    def targets(self) -> Any:
        from kinerja_desktop.ui.print.print_dialog import PrintTargets

        window = self.window
        page = window.current_page()
        employee = None
        header = getattr(page, "header", None)
        if header is not None and getattr(header, "employee_id", None):
            employee = (header.employee_id, f"{header.name} ({header.nip or '-'})")
        else:
            row = window.selected_employee()
            if row is not None:
                employee = (row.id, f"{row.name} ({row.nip or '-'})")
        selection: list[str] = []
        list_page = getattr(window, "list_page", None)
        table = getattr(list_page, "table", None)
        if table is not None and table.selectionModel() is not None:
            from kinerja_desktop.ui.models.employee_table_model import IdRole

            selection = [i.data(IdRole) for i in table.selectionModel().selectedRows() if i.data(IdRole)]
        unit = None
        unit_id = getattr(page, "unit_id", None)
        if unit_id:
            unit = (unit_id, page.windowTitle() or unit_id)
        return PrintTargets(employee, selection, unit)

    def _periods(self) -> list[str]:
        from kinerja_desktop.domain.periods import periods_in
        from kinerja_desktop.services.settings_service import get_setting

        codes = [p.code for p in periods_in(get_setting(self.window.db, "periods"))]
        return codes if "TAHUNAN" in codes else [*codes, "TAHUNAN"]

    # ------------------------------------------------------------------ actions
    def open_dialog(self, kind: str = "evaluasi") -> QWidget:
        from kinerja_desktop.ui.print.print_dialog import PrintOptionsDialog

        window = self.window
        dialog = PrintOptionsDialog(self.targets(), window.year(), window.period(), self._periods(), window, kind=kind)
        dialog.accepted.connect(lambda: self.start(dialog.request()))
        dialog.open()
        return dialog

    def start(self, request: Any) -> Any:
        """Run a print request as a background task; returns the task."""
        from kinerja_desktop.ui.print.print_job import KIND_LABELS, run_print_job

        if request is None:
            return None
        window = self.window
        task = window.tasks.start(
            run_print_job,
            window.db,
            window.user,
            request,
            title=self.tr("Mencetak %1").replace(
                "%1", QCoreApplication.translate("print_job", KIND_LABELS[request.kind])
            ),
        )
        task.succeeded.connect(lambda outcome: self._done(request, outcome))
        task.failed.connect(lambda message: QMessageBox.warning(window, self.tr("Cetak"), message))
        return task

    def _done(self, request: Any, outcome: Any) -> None:
        window = self.window
        if outcome.failures or outcome.warnings:
            lines = [*outcome.warnings, *outcome.failures[:MAX_LISTED]]
            if len(outcome.failures) > MAX_LISTED:
                lines.append(self.tr("... dan %1 lainnya").replace("%1", str(len(outcome.failures) - MAX_LISTED)))
            QMessageBox.warning(
                window,
                self.tr("Cetak"),
                self.tr("%1\n\nPerlu diperhatikan:\n%2")
                .replace("%1", outcome.summary())
                .replace("%2", "\n".join(lines)),
            )
        if request.mode == "preview" and outcome.path is not None:
            self.preview(outcome.path)
        elif outcome.path is not None:
            window.statusBar().showMessage(outcome.summary(), 8000)

    def preview(self, path: Any) -> QWidget:
        from kinerja_desktop.ui.print.preview_window import PdfPreviewWindow

        view = PdfPreviewWindow(path, parent=self.window)
        self.previews.append(view)
        view.destroyed.connect(lambda _obj=None, v=view: self.previews.remove(v) if v in self.previews else None)
        view.show()
        return view


def install_printing(window: Any) -> PrintingIntegration:
    """Add the print actions to ``window`` (see the module docstring)."""
    existing = getattr(window, "_printing", None)
    if existing is None:
        existing = window._printing = PrintingIntegration(window)
    return existing
