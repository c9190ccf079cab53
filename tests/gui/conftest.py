"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest

from kinerja_desktop.ui import collector
from tests.gui.shell_helpers import close_controller, make_controller


@pytest.fixture(scope="package", autouse=True)
def _python_collects_again_after_the_gui_tests():
    """The first task moves cycle collection to the GUI thread's timer (ui/collector.py); the tests
    after these run no event loop, so Python's own collector takes over again when these end."""
    yield
    collector.uninstall()


@pytest.fixture
def controller(qtbot, demo_db):
    """The app on the demo office, shown at its sign-in window; closed with every worker finished."""
    c = make_controller(qtbot, demo_db)
    yield c
    close_controller(c)
