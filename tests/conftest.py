"""Shared test set-up: headless Qt, and fixtures from tests/helpers."""

from __future__ import annotations

import os

# Qt aborts with a misleading xcb message when there is no display and no platform set.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests away from the user's real data dir and keyring.
os.environ.setdefault("KINERJA_TESTING", "1")

pytest_plugins = ["tests.helpers.fixtures"]
