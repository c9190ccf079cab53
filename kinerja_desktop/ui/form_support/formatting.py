"""Indonesian formatting for the forms: file sizes, file types, dates, periods."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.domain.periods import Period
from kinerja_desktop.ui.form_support.labels import tr_label

MONTHS = (
    QT_TRANSLATE_NOOP("formatting", "Januari"),
    QT_TRANSLATE_NOOP("formatting", "Februari"),
    QT_TRANSLATE_NOOP("formatting", "Maret"),
    QT_TRANSLATE_NOOP("formatting", "April"),
    QT_TRANSLATE_NOOP("formatting", "Mei"),
    QT_TRANSLATE_NOOP("formatting", "Juni"),
    QT_TRANSLATE_NOOP("formatting", "Juli"),
    QT_TRANSLATE_NOOP("formatting", "Agustus"),
    QT_TRANSLATE_NOOP("formatting", "September"),
    QT_TRANSLATE_NOOP("formatting", "Oktober"),
    QT_TRANSLATE_NOOP("formatting", "November"),
    QT_TRANSLATE_NOOP("formatting", "Desember"),
)

_MIME_NAMES = {
    "application/pdf": "PDF",
    "image/jpeg": QT_TRANSLATE_NOOP("formatting", "Gambar JPEG"),
    "image/png": QT_TRANSLATE_NOOP("formatting", "Gambar PNG"),
    "image/gif": QT_TRANSLATE_NOOP("formatting", "Gambar GIF"),
    "text/plain": QT_TRANSLATE_NOOP("formatting", "Teks"),
    "text/csv": "CSV",
    "application/zip": QT_TRANSLATE_NOOP("formatting", "Arsip ZIP"),
    "application/msword": QT_TRANSLATE_NOOP("formatting", "Dokumen Word"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": QT_TRANSLATE_NOOP(
        "formatting", "Dokumen Word"
    ),
    "application/vnd.ms-excel": QT_TRANSLATE_NOOP("formatting", "Lembar kerja Excel"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": QT_TRANSLATE_NOOP(
        "formatting", "Lembar kerja Excel"
    ),
    "application/vnd.ms-powerpoint": QT_TRANSLATE_NOOP("formatting", "Presentasi PowerPoint"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": QT_TRANSLATE_NOOP(
        "formatting", "Presentasi PowerPoint"
    ),
    "application/vnd.oasis.opendocument.text": QT_TRANSLATE_NOOP("formatting", "Dokumen ODT"),
    "application/vnd.oasis.opendocument.spreadsheet": QT_TRANSLATE_NOOP("formatting", "Lembar kerja ODS"),
}


def file_size(size: int) -> str:
    """``'812 B'``, ``'12,3 KB'``, ``'4,0 MB'`` (decimal comma)."""
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.1f} {unit}".replace(".", ",")
    return f"{size} B"  # pragma: no cover


def file_type(mime: str, filename: str = "") -> str:
    if mime in _MIME_NAMES:
        return QCoreApplication.translate("formatting", _MIME_NAMES[mime])
    if mime.startswith("image/"):
        return QCoreApplication.translate("formatting", "Gambar ") + mime.split("/", 1)[1].upper()
    ext = filename.rsplit(".", 1)[-1].upper() if "." in filename else ""
    return (
        QCoreApplication.translate("formatting", "Berkas {0}").format(ext)
        if ext
        else QCoreApplication.translate("formatting", "Berkas")
    )


def short_date(day: date | datetime | None) -> str:
    """``'22-11-2026'`` or empty."""
    return f"{day:%d-%m-%Y}" if day else ""


def month_name(month: int) -> str:
    """Name of ``month`` (1-12) in the interface language."""
    return QCoreApplication.translate("formatting", MONTHS[month - 1])


def long_date(day: date | datetime | None) -> str:
    """``'22 November 2026'`` or empty."""
    if not day:
        return ""
    return f"{day.day} {month_name(day.month)} {day.year}"


def period_label(period: Period, year: int, span: tuple[date, date] | None = None) -> str:
    """``'Triwulan I (1 Januari – 31 Maret 2026)'``; ``span``: the days of it an SKP covers instead."""
    start, end = span or (period.start(year), period.end(year))
    return f"{tr_label(period.label)} ({day_range(start, end)})"


def day_range(start: date, end: date) -> str:
    """``'15 Mei – 31 Desember 2026'``."""
    return f"{start.day} {month_name(start.month)} – {end.day} {month_name(end.month)} {end.year}"


_BARE_NUMBER = re.compile(r"^\s*[-+]?\d[\d.,]*\s*%?\s*$")


def with_unit(value: str, unit: str) -> str:
    """A realisation shown with the target's unit: "35,2" with "kegiatan" reads "35,2 kegiatan"; text
    that already says more than a number (or "95 %") is shown as typed."""
    if value and unit and _BARE_NUMBER.match(value) and not value.strip().endswith("%"):
        return f"{value.strip()} {unit}"
    return value
