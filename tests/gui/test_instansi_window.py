"""The main window's Ringkasan Instansi: admins only; opens a tab, a double-clicked unit opens the unit view
and a double-clicked person of the selected unit the employee."""

from __future__ import annotations

import pytest

from kinerja_desktop.ui.form_support.roles import ObjectRole
from kinerja_desktop.ui.instansi_model import COL_NAME
from kinerja_desktop.ui.instansi_view import InstansiView
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


def test_admin_opens_the_overview_and_drills_down_to_a_unit(qtbot, controller) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    assert window.act_instansi.isVisible()
    window.act_instansi.trigger()
    page = window.page(("instansi",))
    assert isinstance(page, InstansiView) and window.current_page() is page
    qtbot.waitUntil(lambda: page.overview is not None, timeout=15_000)
    index = page.proxy.index(0, COL_NAME)
    page.table.selectRow(0)  # its people, from memory; a double-clicked person opens the employee
    person = page.people_model.index(0, 1)
    assert person.isValid()
    page.people.doubleClicked.emit(person)
    assert window.current_page() is window.page(("employee", person.data(ObjectRole).employee_id))
    window.tabs.show_page(page)
    page.table.doubleClicked.emit(index)
    assert window.current_page() is window.page(("unit", index.data(ObjectRole).unit_id))


def test_staff_do_not_see_it(qtbot, controller, people) -> None:
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    assert not window.act_instansi.isVisible()
