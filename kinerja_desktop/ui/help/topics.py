"""Which Panduan topic belongs to the page on screen, and the topics' translated titles.

A page may name its own topic with a ``panduan_topic`` attribute (a string, or a method returning
one); otherwise :data:`PAGE_TOPICS` maps the page's class name, so the pages need no import of
this package. The employee page's topic follows its current tab.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.documents.guide_source import TOPICS

CONTEXT = "Panduan"
#: Titles in the viewer's index (the content's own headings come from the language's files).
TITLES = {
    "mulai": QT_TRANSLATE_NOOP("Panduan", "Memulai"),
    "daftar-pegawai": QT_TRANSLATE_NOOP("Panduan", "Daftar Pegawai"),
    "skp": QT_TRANSLATE_NOOP("Panduan", "SKP: RHK dan Indikator"),
    "skp-pertama": QT_TRANSLATE_NOOP("Panduan", "Menyusun SKP Pertama"),
    "matriks": QT_TRANSLATE_NOOP("Panduan", "Matriks Peran Hasil"),
    "realisasi": QT_TRANSLATE_NOOP("Panduan", "Realisasi dan Bukti Dukung"),
    "harian": QT_TRANSLATE_NOOP("Panduan", "Rencana Aksi dan Progres Harian"),
    "evaluasi": QT_TRANSLATE_NOOP("Panduan", "Evaluasi: Rating dan Kuadran"),
    "tindak-lanjut": QT_TRANSLATE_NOOP("Panduan", "Penghargaan dan Pengembangan"),
    "dokumen": QT_TRANSLATE_NOOP("Panduan", "Dokumen: Cetak dan Tanda Tangan"),
    "unit": QT_TRANSLATE_NOOP("Panduan", "Tampilan Unit dan Kurva"),
    "instansi": QT_TRANSLATE_NOOP("Panduan", "Ringkasan Instansi"),
    "sinkronisasi": QT_TRANSLATE_NOOP("Panduan", "Sinkronisasi dan Konflik"),
}
#: Page class name -> topic (the employee page is resolved by its tab, see :func:`topic_for_page`).
PAGE_TOPICS = {
    "EmployeeListPage": "daftar-pegawai",
    "UnitView": "unit",
    "InstansiView": "instansi",
    "SyncStatusPage": "sinkronisasi",
    "ConflictPage": "sinkronisasi",
    "PlaceholderPage": "mulai",
    "FirstSkpWizard": "skp-pertama",
    "MatriksPage": "matriks",
    "DailyLogPage": "harian",
    "ActionPlanPage": "harian",
    "TeamWeekPage": "harian",
    "MonthRecapPage": "harian",
    "RecognitionPage": "tindak-lanjut",
    "JpRecapPage": "tindak-lanjut",
}
#: The employee page's own tabs in order: SKP, Realisasi, Evaluasi, Dokumen.
EMPLOYEE_TABS = ("skp", "realisasi", "evaluasi", "dokumen")
#: Tabs other parts of the GUI add to the employee page, by their widget's class name.
EXTRA_TAB_TOPICS = {"SignedDocumentsPanel": "dokumen", "CompetencyTab": "tindak-lanjut"}
FALLBACK = "mulai"


def title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TITLES.get(key, key))


def _own_topic(widget: Any) -> str | None:
    own = getattr(widget, "panduan_topic", None)
    if callable(own):
        own = own()
    return own if isinstance(own, str) and own in TOPICS else None


def topic_for_page(page: Any) -> str:
    """The topic for a page widget (``mulai`` when nothing more specific is known)."""
    if page is None:
        return FALLBACK
    own = _own_topic(page)
    if own:
        return own
    name = type(page).__name__
    if name == "EmployeePage":
        index = page.tabs.currentIndex()
        if 0 <= index < len(EMPLOYEE_TABS):
            return EMPLOYEE_TABS[index]
        tab = page.tabs.currentWidget()
        tab = getattr(tab, "content", None) or tab  # a tab built when first shown (form_support.lazy_tab.LazyTab)
        return _own_topic(tab) or EXTRA_TAB_TOPICS.get(type(tab).__name__, FALLBACK)
    return PAGE_TOPICS.get(name, FALLBACK)


def topic_for_window(window: Any) -> str:
    """The topic for what the main window shows now (its current tab's page)."""
    return topic_for_page(window.current_page())
