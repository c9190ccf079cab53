"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest

from tests.gui.shell_helpers import close_controller, make_controller


@pytest.fixture
def controller(qtbot, demo_db):
    """The app on the demo office, shown at its sign-in window; closed with every worker finished."""
    c = make_controller(qtbot, demo_db)
    yield c
    close_controller(c)
