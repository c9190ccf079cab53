"""Interface language: Indonesian source strings, English through Qt Linguist (.ts/.qm).

Regenerate after changing any ``self.tr()`` string (see that script's docstring)::

    .venv/bin/python kinerja_desktop/data/translations/update_translations.py
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kinerja_desktop.resources import resource_path

_installed: list[QTranslator] = []
#: Indonesian for Qt's own buttons and dialogs ("Cancel", "Look in:"): Qt ships no qtbase_id.
_qt_indonesian: list[QTranslator] = []


def qm_path(language: str) -> str:
    return str(resource_path("translations", f"kinerja_{language}.qm"))


def install_translator(language: str) -> bool:
    """Switch the interface language ('id' or 'en'); True when a translation was loaded.

    Only strings created after the switch change; windows are rebuilt by the caller.
    """
    app = QCoreApplication.instance()
    for old in _installed + _qt_indonesian:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    _qt_indonesian.clear()
    if language == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        qt = QTranslator(app)
        if qt.load(str(resource_path("translations", "qtbase_id.qm"))):
            QCoreApplication.installTranslator(qt)
            _qt_indonesian.append(qt)
        return False
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    translator = QTranslator(app)
    if not translator.load(qm_path(language)):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True


def current_language() -> str:
    return "en" if _installed else "id"
