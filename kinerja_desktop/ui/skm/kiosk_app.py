"""Start the survey kiosk on its own (``kinerja --user admin kiosk --unit CODE``) or from the app's menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.auth_service import authenticate
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.skm_service import results_of
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.skm.kiosk_window import KioskWindow


def password_checker(db: Database, user: CurrentUser):  # type: ignore[no-untyped-def]
    """A check of the admin's password (with the sign-in's throttling and lock)."""

    def verify(password: str) -> bool:
        try:
            return authenticate(db, user.username, password).is_admin
        except KinerjaError:
            return False

    return verify


def open_kiosk(db: Database, user: CurrentUser, survey_id: str, parent: QWidget | None = None) -> KioskWindow:
    """Show the kiosk full screen, above everything, for one survey."""
    survey = results_of(db, survey_id).survey
    window = KioskWindow(db, user, survey, password_checker(db, user), parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.showFullScreen()
    return window


def run_kiosk(db: Database, user: CurrentUser, survey_id: str) -> int:
    """Run the kiosk as the whole application until an admin leaves it."""
    from kinerja_desktop.ui.app import create_application

    app = create_application()
    window = open_kiosk(db, user, survey_id)
    window.exit_requested.connect(app.quit)
    return int(app.exec())
