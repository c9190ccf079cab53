"""Indonesian formatting for the forms: file sizes, file types, dates, periods."""

from __future__ import annotations

from datetime import date, datetime

from kinerja_desktop.domain.periods import Period

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")

_MIME_NAMES = {
    "application/pdf": "PDF",
    "image/jpeg": "Gambar JPEG",
    "image/png": "Gambar PNG",
    "image/gif": "Gambar GIF",
    "text/plain": "Teks",
    "text/csv": "CSV",
    "application/zip": "Arsip ZIP",
    "application/msword": "Dokumen Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Dokumen Word",
    "application/vnd.ms-excel": "Lembar kerja Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Lembar kerja Excel",
    "application/vnd.ms-powerpoint": "Presentasi PowerPoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "Presentasi PowerPoint",
    "application/vnd.oasis.opendocument.text": "Dokumen ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "Lembar kerja ODS",
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
        return _MIME_NAMES[mime]
    if mime.startswith("image/"):
        return "Gambar " + mime.split("/", 1)[1].upper()
    ext = filename.rsplit(".", 1)[-1].upper() if "." in filename else ""
    return f"Berkas {ext}" if ext else "Berkas"


def short_date(day: date | datetime | None) -> str:
    """``'22-11-2026'`` or empty."""
    return f"{day:%d-%m-%Y}" if day else ""


def long_date(day: date | datetime | None) -> str:
    """``'22 November 2026'`` or empty."""
    if not day:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_label(period: Period, year: int) -> str:
    """``'Triwulan I (1 Januari – 31 Maret 2026)'``."""
    start, end = period.start(year), period.end(year)
    return f"{period.label} ({start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {year})"
