"""Per-PC preferences (language, idle lock, window layout), declared once over QSettings.

Office-wide settings (instansi, evidence size limit) live in the database through
``settings_service``; what belongs to one PC or one person's desk lives here. The file is
``kinerja-desktop.ini`` in ``KINERJA_DATA_DIR`` when that is set (tests, portable installs),
otherwise in Qt's per-user location.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Kinerja"
APPLICATION = "Kinerja Desktop"


class Preference(NamedTuple):
    key: str
    type: type
    default: Any
    title: str



PREFERENCES: dict[str, Preference] = {
    p.key: p
    for p in (
        Preference("ui/language", str, "id", "Bahasa antarmuka"),
        Preference("security/idle_lock_minutes", int, 10, "Kunci layar setelah tidak aktif (menit; 0 = tidak pernah)"),
        Preference("session/last_username", str, "", "Nama pengguna terakhir"),
        Preference("session/instansi_name", str, "", "Nama instansi (tampilan awal)"),
        Preference("view/year", int, 0, "Tahun penilaian terakhir dipakai"),
        Preference("view/period", str, "", "Periode terakhir dipakai"),
        Preference("window/geometry", QByteArray, QByteArray(), "Letak dan ukuran jendela"),
        Preference("window/state", QByteArray, QByteArray(), "Susunan bilah alat"),
        Preference("window/splitter", QByteArray, QByteArray(), "Lebar panel navigasi"),
        Preference("window/employee_header", QByteArray, QByteArray(), "Kolom daftar pegawai"),
    )
}

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
IDLE_MINUTES_MAX = 240


def settings_file() -> Path | None:
    """The ini file used when KINERJA_DATA_DIR is set, else None (Qt's default location)."""
    override = os.environ.get("KINERJA_DATA_DIR")
    return Path(override) / "kinerja-desktop.ini" if override else None


def qsettings() -> QSettings:
    path = settings_file()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def get(key: str) -> Any:
    """The stored value of a declared preference, or its default (with the declared type)."""
    pref = PREFERENCES[key]
    value = qsettings().value(key, pref.default)
    if value is None:
        return pref.default
    if pref.type is QByteArray:
        return value if isinstance(value, QByteArray) else QByteArray(value)
    try:
        return pref.type(value)
    except (TypeError, ValueError):
        return pref.default


def put(key: str, value: Any) -> None:
    """Store a declared preference (unknown keys are a programming error)."""
    if key not in PREFERENCES:
        raise KeyError(key)
    settings = qsettings()
    settings.setValue(key, value)
    settings.sync()
