"""Put daily work into the main window (listed in the main window's INTEGRATIONS).

Pegawai menu: "Progres Harian" (Ctrl+H), "Rencana Aksi", "Progres Tim (Mingguan)" (for a penilai) and
"Rekap Progres Harian"; Alat menu (admins): "Kalender Kerja". On a staff PC (an account linked to an
employee, not an admin) the Progres Harian page opens on today as soon as the window is ready, with the
cursor in the entry line.
Uses the window's public hooks only (``add_menu_action``, ``add_page``, ``page``, ``db``, ``user``,
``year()``, ``notify_data_changed``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def _tr(text: str) -> str:
    """Menu text in the main window's translation context (where lupdate files it, and Qt looks it up)."""
    return QCoreApplication.translate("MainWindow", text)


__all__ = ["install_harian", "open_action_plan", "open_calendar", "open_daily_log", "open_month_recap",
           "open_team_week"]


def _open(window: Any, key: tuple[Any, ...], make: Any) -> Any:
    page = window.page(key)
    if page is not None:  # already open: bring it forward
        return window.tabs.show_page(page)
    page = make()
    if hasattr(page, "data_changed"):
        page.data_changed.connect(window.notify_data_changed)
    return window.add_page(key, page, page.windowTitle())


def open_daily_log(window: Any) -> Any:
    from kinerja_desktop.ui.harian.daily_log_page import DailyLogPage

    page = _open(window, ("progres-harian",), lambda: DailyLogPage(window.db, window.user))
    page.text_edit.setFocus()
    return page


def open_team_week(window: Any) -> Any:
    from kinerja_desktop.ui.harian.team_week_page import TeamWeekPage

    return _open(window, ("progres-tim",), lambda: TeamWeekPage(window.db, window.user))


def open_month_recap(window: Any) -> Any:
    from kinerja_desktop.ui.harian.month_recap_page import MonthRecapPage

    return _open(window, ("rekap-harian",), lambda: MonthRecapPage(window.db, window.user))


def open_action_plan(window: Any) -> Any:
    from kinerja_desktop.ui.harian.action_plan_page import ActionPlanPage

    year = window.year()
    return _open(window, ("rencana-aksi", year), lambda: ActionPlanPage(window.db, window.user, year))


def open_calendar(window: Any) -> Any:
    from kinerja_desktop.ui.harian.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(window.db, window.user, window)
    dialog.open()
    return dialog


def _leads_a_team(window: Any) -> bool:
    from datetime import date

    from sqlalchemy import select

    from kinerja_desktop.store.models import Supervision

    with window.db.reader() as s:
        return s.scalars(select(Supervision.id).where(Supervision.supervisor_id == window.user.employee_id,
                                                      Supervision.year == date.today().year,
                                                      Supervision.deleted.is_(False)).limit(1)).first() is not None


def install_harian(window: Any, *, open_on_start: bool = True) -> None:
    user = window.user
    if user is None:
        return
    own = bool(user.employee_id)
    actions = []
    if own:
        actions.append((_tr("Progres &Harian"), "Ctrl+H", _tr("Tulis progres hari ini"), open_daily_log))
        actions.append((_tr("Rencana &Aksi"), "", _tr("Rencana aksi per RHK dan periode"),
                        open_action_plan))
        if _leads_a_team(window):
            actions.append((_tr("Progres &Tim (Mingguan)"), "Ctrl+Shift+H",
                            _tr("Siapa di tim Anda sudah mengisi apa minggu ini"), open_team_week))
    actions.append((_tr("Rekap Progres Harian"), "", _tr("Rekap bulanan per pegawai dan unit"),
                    open_month_recap))
    for text, keys, tip, opener in actions:
        action = QAction(text, window)
        if keys:
            action.setShortcut(keys)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, opener=opener: opener(window))
        window.add_menu_action("employee", action)
    if user.is_admin:
        calendar = QAction(_tr("Kalender Kerja…"), window)
        calendar.setStatusTip(_tr("Hari kerja, hari libur dan batas pengisian progres harian"))
        calendar.triggered.connect(lambda _checked=False: open_calendar(window))
        window.add_menu_action("tools", calendar)
    if own and not user.is_admin and open_on_start and window.current_page() is getattr(window, "list_page", None):
        open_daily_log(window)  # a staff PC lands on today's entry (unless a page was opened meanwhile)
