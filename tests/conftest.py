"""Shared test set-up: headless Qt, and fixtures from tests/helpers."""

from __future__ import annotations

import os

# Qt aborts with a misleading xcb message when there is no display and no platform set.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests away from the user's real data dir and keyring.
os.environ.setdefault("KINERJA_TESTING", "1")

pytest_plugins = ["tests.helpers.fixtures"]

# The demo office and the tests' fixtures describe the year 2026 (tests.helpers.fixtures.DEMO_YEAR).
# Its pages, periods, surveys and deadlines depend on today's date, so the suite runs with the clock
# set to a day inside that year and ticking from there: it passes the same next month as today.
# KINERJA_TEST_REAL_CLOCK=1 runs it on the real clock (to see what the date changes).
if os.environ.get("KINERJA_TEST_REAL_CLOCK") != "1":
    from datetime import datetime

    import time_machine

    _CLOCK = time_machine.travel(datetime(2026, 12, 6, 9, 0).astimezone(), tick=True)
    _CLOCK.start()
