"""A print request from the GUI and the background function that carries it out.

:func:`run_print_job` runs in a worker thread (``window.tasks.start``) and calls the same print
service as ``kinerja print`` (:mod:`kinerja_desktop.documents.print_service`): one document
gives its own signable PDF, several people one combined file (batches run on worker processes).
Progress goes to the status bar and the task's cancel button stops the batch between chunks.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.documents.page_setup import PageSetup, Paper

__all__ = ["KIND_LABELS", "PrintOutcome", "PrintRequest", "run_print_job"]

KIND_LABELS = {
    "skp": QT_TRANSLATE_NOOP("print_job", "Sasaran Kinerja Pegawai (SKP)"),
    "evaluasi": QT_TRANSLATE_NOOP("print_job", "Evaluasi Kinerja Pegawai"),
    "dokumen-evaluasi": QT_TRANSLATE_NOOP("print_job", "Dokumen Evaluasi Kinerja Pegawai"),
    "penetapan": QT_TRANSLATE_NOOP("print_job", "Penetapan Predikat Kinerja (unit)"),
    "blank": QT_TRANSLATE_NOOP("print_job", "Blanko (formulir kosong)"),
}
BLANK_FORMS = {"skp": "SKP", "evaluasi": "EVALUASI", "dokumen-evaluasi": "DOKUMEN_EVALUASI"}


@dataclass(frozen=True)
class PrintRequest:
    """What to print and where.

    ``mode``: ``"preview"`` (a temporary combined PDF, shown for printing), ``"file"`` (one combined
    PDF at ``out``) or ``"folder"`` (one PDF per employee in ``out``).
    """

    kind: str
    year: int
    period: str = "TAHUNAN"
    employee_ids: tuple[str, ...] = ()
    unit_id: str | None = None
    recursive: bool = False
    paper: Paper = Paper.A4
    duplex: bool = True
    mode: str = "preview"
    out: Path | None = None
    blank_form: str = "skp"
    workers: int = 2


@dataclass
class PrintOutcome:
    path: Path | None = None  # the combined PDF (preview/file) or the folder
    documents: int = 0
    pages: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        text = QCoreApplication.translate("PrintOutcome", "{0} dokumen ({1} halaman) siap").format(
                                                              self.documents, self.pages)
        if self.path is not None:
            text += f": {self.path}"
        if self.failures:
            text += QCoreApplication.translate("PrintOutcome", "; {0} gagal").format(len(self.failures))
        return text + "."


def _out(request: PrintRequest) -> Path:
    """Where the service writes: the chosen file or folder, or a fresh temporary folder for a preview."""
    if request.mode == "preview" or request.out is None:
        return Path(tempfile.mkdtemp(prefix="kinerja-cetak-"))
    return request.out


def run_print_job(ctx: Any, db: Any, user: Any, request: PrintRequest) -> PrintOutcome:
    """Worker-thread body: the print service does the work (the same rules as ``kinerja print``)."""
    from kinerja_desktop.documents.print_service import PrintJob, print_documents
    from kinerja_desktop.documents.sheet_data import BlankKind

    split = request.mode == "folder"
    job = PrintJob(
        kind=request.kind,
        year=request.year,
        out=_out(request),
        period=request.period,
        employee_ids=tuple(request.employee_ids),
        unit_id=request.unit_id,
        recursive=request.recursive,
        setup=PageSetup(paper=request.paper),
        duplex=request.duplex,
        split=split,
        workers=request.workers,
        blank_form=BlankKind(BLANK_FORMS[request.blank_form]),
        read_here=True,  # the app's database stays open in this process only (no lost WAL)
    )
    ctx.progress(0, 0, QCoreApplication.translate("print_job", "Mencetak"))

    def on_event(ev: Any) -> None:
        label = QCoreApplication.translate("print_job", "Mencetak {0}/{1}").format(ev.done, ev.total)
        ctx.progress(ev.done, ev.total, label)

    result = print_documents(db, user, job, on_event=on_event, cancel=lambda: ctx.cancelled)
    if result.cancelled:
        from kinerja_desktop.ui.workers import Cancelled

        raise Cancelled
    failures = [f"{f.doc_id}: {f.message}" for f in result.failures]
    if not result.documents:
        failures = failures or [QCoreApplication.translate("print_job", "Tidak ada pegawai yang dapat dicetak.")]
        return PrintOutcome(None, 0, 0, failures, result.warnings, result.seconds)
    path = job.out if split else result.files[0]
    return PrintOutcome(path, len(result.documents), result.pages, failures, result.warnings, result.seconds)
