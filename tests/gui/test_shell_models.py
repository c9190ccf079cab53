"""Shell models over the services: employee table, search/sort proxy, unit tree."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from kinerja_desktop.services import query_service
from kinerja_desktop.ui.models.employee_filter_proxy import EmployeeFilterProxy
from kinerja_desktop.ui.models.employee_table_model import (
    COL_EVAL,
    COL_NAME,
    COL_NIP,
    COL_PLAN,
    COL_PREDIKAT,
    EmployeeTableModel,
    IdRole,
    ObjectRole,
    SortRole,
    prepare_table,
    status_labels,
)
from kinerja_desktop.ui.models.unit_tree_model import CountRole, UnitIndex, UnitTreeModel
from tests.helpers.fixtures import DEMO_YEAR


def _row(i: int, name: str, nip: str | None, jabatan: str, *, unit: str = "u1", plan: str | None = "APPROVED",
         ev: str | None = None, predikat: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(id=f"e{i}", nip=nip, name=name, jabatan=jabatan, unit_id=unit, unit_name=unit.upper(),
                           plan_id="p" if plan else None, plan_status=plan, eval_status=ev, predikat=predikat,
                           penilai_id=None)


ROWS = [
    _row(1, "Siti Rahmawati, S.E.", "198503122010012003", "Pengelola Keuangan", plan="SUBMITTED"),
    _row(2, "budi santoso", "199001012015031001", "Pengolah Data", unit="u2", ev="FINAL", predikat="BAIK"),
    _row(3, "Agus Wibowo", "197001011995031002", "Kepala Seksi Pelayanan", plan=None),
    _row(4, "Dewi Lestari", "198811112011012004", "Pengolah Data", unit="u2", ev="SIGNED", predikat="SANGAT_BAIK"),
    _row(5, "Bupati Contoh", None, "Bupati", unit="u0", plan=None),
]


@pytest.fixture
def model() -> EmployeeTableModel:
    m = EmployeeTableModel()
    m.set_rows(ROWS)
    return m


@pytest.fixture
def proxy(model: EmployeeTableModel) -> EmployeeFilterProxy:
    p = EmployeeFilterProxy()
    p.setSourceModel(model)
    return p


def names(proxy: EmployeeFilterProxy) -> list[str]:
    return [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())]


def test_models_pass_qtmodeltester(qtmodeltester, model: EmployeeTableModel, proxy: EmployeeFilterProxy) -> None:
    """Both the table model and the proxy keep Qt's model contract, filtered and sorted too."""
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("data")
    proxy.sort(COL_PLAN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_rows_are_sorted_by_name_case_insensitively_with_indonesian_labels(model: EmployeeTableModel) -> None:
    """Display strings are precomputed: names in order, statuses in the regulation's words."""
    shown = [model.index(r, COL_NAME).data() for r in range(model.rowCount())]
    assert shown == ["Agus Wibowo", "budi santoso", "Bupati Contoh", "Dewi Lestari", "Siti Rahmawati, S.E."]
    by_name = {model.index(r, COL_NAME).data(): r for r in range(model.rowCount())}
    siti, agus, dewi = by_name["Siti Rahmawati, S.E."], by_name["Agus Wibowo"], by_name["Dewi Lestari"]
    assert model.index(siti, COL_PLAN).data() == "Diajukan"
    assert model.index(agus, COL_PLAN).data() == "Belum ada"
    assert model.index(dewi, COL_EVAL).data() == "Ditandatangani"
    assert model.index(dewi, COL_PREDIKAT).data() == "Sangat Baik"
    assert model.index(agus, COL_EVAL).data() == "Belum"
    assert model.index(dewi, 0).data(ObjectRole) is ROWS[3]
    assert model.index(dewi, 0).data(IdRole) == "e4"
    assert model.headerData(COL_PLAN, Qt.Orientation.Horizontal) == "Status SKP"


@pytest.mark.parametrize(("text", "expected"), [
    ("siti", ["Siti Rahmawati, S.E."]),
    ("SANTOSO", ["budi santoso"]),
    ("pengolah data", ["budi santoso", "Dewi Lestari"]),
    ("1985 0312", ["Siti Rahmawati, S.E."]),  # NIP typed in groups
    ("199001012015031001", ["budi santoso"]),
    ("data dewi", ["Dewi Lestari"]),  # every word must match, in any field
    ("tidak ada", []),
    ("", ["Agus Wibowo", "budi santoso", "Bupati Contoh", "Dewi Lestari", "Siti Rahmawati, S.E."]),
])
def test_search_matches_name_nip_and_jabatan(proxy: EmployeeFilterProxy, text: str, expected: list[str]) -> None:
    proxy.set_filter_text(text)
    assert names(proxy) == expected


def test_typing_narrows_and_backspace_widens(proxy: EmployeeFilterProxy) -> None:
    """Narrowing reuses the previous result; deleting letters brings rows back."""
    counts = []
    for text in ("p", "pe", "pen", "peng", "pengo", "peng", "p", ""):
        proxy.set_filter_text(text)
        counts.append(proxy.rowCount())
    assert counts == [5, 4, 3, 3, 2, 3, 5, 5]


def test_unit_filter_combines_with_search(proxy: EmployeeFilterProxy) -> None:
    proxy.set_unit_filter(["u2"])
    assert names(proxy) == ["budi santoso", "Dewi Lestari"]
    proxy.set_filter_text("dewi")
    assert names(proxy) == ["Dewi Lestari"]
    proxy.set_unit_filter(None)
    assert names(proxy) == ["Dewi Lestari"]


def test_sorting_by_status_keeps_the_selected_employee(qtbot, proxy: EmployeeFilterProxy) -> None:
    """Sorting is a layout change: a selection made before sorting follows its row."""
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    dewi = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Dewi Lestari")
    view.selectionModel().setCurrentIndex(proxy.index(dewi, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    proxy.sort(COL_EVAL, Qt.SortOrder.DescendingOrder)
    assert view.currentIndex().data() == "Dewi Lestari"
    assert view.currentIndex().row() == 0  # Ditandatangani ranks highest
    proxy.sort(COL_PREDIKAT, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[-1] == "Dewi Lestari"
    proxy.sort(COL_NIP, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[0] == "Bupati Contoh"  # no NIP sorts first
    assert proxy.index(0, COL_NIP).data(SortRole) == ""


def test_model_over_the_real_service(qtmodeltester, demo_db, people) -> None:
    """employee_rows of the demo office loads, prepares and passes the model tests."""
    rows = query_service.employee_rows(demo_db, people.admin, DEMO_YEAR, "TW3")
    model = EmployeeTableModel()
    model.set_table(prepare_table(rows, status_labels()))
    assert model.rowCount() == len(rows) == 60
    qtmodeltester.check(model)
    proxy = EmployeeFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text(rows[10].nip)
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(IdRole) == rows[10].id


def test_unit_tree_model(qtmodeltester, demo_db) -> None:
    """The unit tree follows the service's forest; counts add up from the units below."""
    roots = query_service.unit_tree(demo_db)
    model = UnitTreeModel()
    qtmodeltester.check(model)
    leaf = roots[0].children[0]
    while leaf.children:
        leaf = leaf.children[0]
    model.set_index(UnitIndex(roots, {leaf.id: 3, roots[0].id: 1}))
    qtmodeltester.check(model)
    root_index = model.index(0, 0)
    assert root_index.data() == roots[0].name
    assert root_index.data(CountRole) == 4
    leaf_index = model.index_of(leaf.id)
    assert leaf_index.data(CountRole) == 3 and leaf_index.data(ObjectRole) is leaf
    # walking up from the leaf ends at the root
    walk, steps = leaf_index, 0
    while walk.parent().isValid():
        walk, steps = walk.parent(), steps + 1
    assert walk == root_index and steps == leaf.level - roots[0].level
    assert set(model.descendant_ids(roots[0].id)) == {u.id for u in _all(roots)}
    assert "pegawai" in root_index.data(Qt.ItemDataRole.ToolTipRole)


def _all(nodes):
    for node in nodes:
        yield node
        yield from _all(node.children)
