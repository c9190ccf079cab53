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
    "realisasi": QT_TRANSLATE_NOOP("Panduan", "Realisasi dan Bukti Dukung"),
    "evaluasi": QT_TRANSLATE_NOOP("Panduan", "Evaluasi: Rating dan Kuadran"),
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
}
#: The employee page's tabs in order: SKP, Realisasi, Evaluasi, Dokumen; tabs added later (signing) -> dokumen.
EMPLOYEE_TABS = ("skp", "realisasi", "evaluasi", "dokumen")
FALLBACK = "mulai"


def title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TITLES.get(key, key))


def topic_for_page(page: Any) -> str:
    """The topic for a page widget (``mulai`` when nothing more specific is known)."""
    if page is None:
        return FALLBACK
    own = getattr(page, "panduan_topic", None)
    if callable(own):
        own = own()
    if isinstance(own, str) and own in TOPICS:
        return own
    name = type(page).__name__
    if name == "EmployeePage":
        index = page.tabs.currentIndex()
        return EMPLOYEE_TABS[min(max(index, 0), len(EMPLOYEE_TABS) - 1)]
    return PAGE_TOPICS.get(name, FALLBACK)


def topic_for_window(window: Any) -> str:
    """The topic for what the main window shows now (its current tab's page)."""
    return topic_for_page(window.current_page())
