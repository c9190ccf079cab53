"""Child process of bench_gui.py: one start-up, timed from the parent's launch stamp.

Usage: python -m tests.bench.gui_startup_probe bare|app T0 [DB] [--interactive]
Prints one JSON line with the milestones in seconds since T0 (``time.time()`` taken by the
parent right before launching this process, so interpreter start-up is included).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

T0 = float(sys.argv[2]) if __name__ == "__main__" else 0.0
MARKS: dict[str, float] = {}


def mark(name: str) -> None:
    MARKS.setdefault(name, time.time() - T0)


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "first_paint" not in MARKS:
                mark("first_paint")
                QTimer.singleShot(0, app.quit)
            return False

    watch = Watch()
    window.installEventFilter(watch)
    window.resize(1366, 768)
    window.show()
    app.exec()
    print(json.dumps(MARKS))
    return 0


#: A person types the password this long after the sign-in window appears (issue 14, section 6).
TYPING_S = 2.0
#: ... and opens the first employee this long after the list's first screen is painted (or once the whole
#: list is in, if that takes longer).
FIRST_OPEN_AFTER_S = 1.0


def run_app(db: str, interactive: bool) -> int:
    """One application start-up as a person meets it: the sign-in typed ``TYPING_S`` after the
    window's first paint, then the first employee opened; marks each step (seconds since T0)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.ui import app as kapp

    extra: dict[str, object] = {}

    def hook(controller: kapp.AppController) -> None:
        def type_sign_in() -> None:
            mark("masuk")
            controller.sign_in.username_edit.setText("admin")
            controller.sign_in.password_edit.setText("admin")
            controller.sign_in.submit()

        def painted() -> None:
            mark("first_paint")
            QTimer.singleShot(int(TYPING_S * 1000), type_sign_in)

        controller.first_painted.connect(painted)
        controller.database_ready.connect(lambda _opened: mark("database_ready"))

        def open_first(window: object) -> None:
            if "first_open" in MARKS or not window.list_complete():
                return  # a person picks someone from the whole list (and the old figure was taken so)
            employee_id = window.list_page.model.row_object(3).id
            t = time.perf_counter()
            page = window.open_employee(employee_id)
            if page is not None:
                page.repaint()
            QApplication.processEvents()
            extra["first_open_ms"] = round((time.perf_counter() - t) * 1000, 1)
            mark("first_open")
            window.close_current_page()
            extra["rows"] = window.list_page.model.rowCount()
            if interactive:
                QTimer.singleShot(0, lambda: interact(window, extra))
            QTimer.singleShot(0, lambda: quit_when_idle(window))

        def quit_when_idle(window: object) -> None:
            # Closing while the start-up check of the database (or a backup) runs asks "stop it?" in a
            # modal dialog, which nobody answers here: a run hung for 300 s that way on a loaded machine.
            if any(t.cancellable for t in window.tasks.running()):
                QTimer.singleShot(200, lambda: quit_when_idle(window))
                return
            controller.quit()

        def finish(window: object) -> None:
            if not window.list_complete():
                return
            mark("list_full")
            if "may_open" in MARKS:
                QTimer.singleShot(0, lambda: open_first(window))

        def shown(window: object) -> None:
            mark("main_window_filled")  # the list's first screen is painted
            extra["first_rows"] = window.list_page.model.rowCount()
            window.list_loaded.connect(lambda: finish(window))
            finish(window)  # the rest may have arrived before the first paint

            def may_open() -> None:
                mark("may_open")
                open_first(window)

            QTimer.singleShot(int(FIRST_OPEN_AFTER_S * 1000), may_open)

        controller.main_window_shown.connect(shown)

    code = kapp.main(db, on_controller=hook)
    print(json.dumps({**MARKS, **extra}))
    return code


def interact(window, extra: dict[str, object]) -> None:  # noqa: ANN001 - bench helper
    """Keystroke filtering and opening employees, measured inside the running app."""
    from PySide6.QtWidgets import QApplication

    page = window.list_page
    app = QApplication.instance()
    page.table.viewport().repaint()
    timings = []
    queries = ["budi santoso", "pengolah data", "19850", "sri wahyu"]
    for query in queries:
        for i in range(1, len(query) + 1):
            page.search_edit.setText(query[:i])
            t = time.perf_counter()
            page.apply_search()
            page.table.viewport().repaint()
            app.processEvents()
            timings.append((time.perf_counter() - t) * 1000)
        for i in range(len(query) - 1, -1, -1):  # backspace to empty: the widening direction
            page.search_edit.setText(query[:i])
            t = time.perf_counter()
            page.apply_search()
            page.table.viewport().repaint()
            app.processEvents()
            timings.append((time.perf_counter() - t) * 1000)
    extra["filter_ms_median"] = round(statistics.median(timings), 2)
    # Other GUI-thread work on the full list: sorting by a column, choosing a unit, a reload.
    from PySide6.QtCore import Qt

    page.search_edit.setText("")
    page.apply_search()
    sorts = []
    for column in range(7):
        t = time.perf_counter()
        page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        page.table.viewport().repaint()
        sorts.append((time.perf_counter() - t) * 1000)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    extra["sort_ms_max"] = round(max(sorts), 1)
    units = window.navigation.unit_model
    dinas = units.index(0, 0, units.index(0, 0))
    t = time.perf_counter()
    window.navigation.select_unit(dinas.data(Qt.ItemDataRole.UserRole + 3))
    page.table.viewport().repaint()
    extra["unit_filter_ms"] = round((time.perf_counter() - t) * 1000, 1)
    window.navigation.sections.setCurrentRow(0)
    table = page.model.table()
    t = time.perf_counter()
    page.set_table(table)
    page.table.viewport().repaint()
    extra["reload_gui_ms"] = round((time.perf_counter() - t) * 1000, 1)
    extra["filter_ms_p90"] = round(sorted(timings)[int(len(timings) * 0.9)], 2)
    extra["filter_ms_max"] = round(max(timings), 2)
    extra["keystrokes"] = len(timings)
    opens = []
    model = page.model
    rows = model.rowCount()
    for row in (0, rows // 4, rows * 5 // 8, rows * 19 // 20, 7):
        employee_id = model.row_object(row).id
        t = time.perf_counter()
        page_widget = window.open_employee(employee_id)
        if page_widget is not None:
            page_widget.repaint()
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
        window.close_current_page()
        app.processEvents()
    extra["open_ms"] = [round(x, 1) for x in opens]
    extra["open_ms_median"] = round(statistics.median(opens), 1)
    extra["employee_page"] = type(page_widget).__name__ if page_widget is not None else None


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "bare":
        sys.exit(bare())
    sys.exit(run_app(sys.argv[3], "--interactive" in sys.argv))
