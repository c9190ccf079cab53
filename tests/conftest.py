"""Shared test set-up: headless Qt, test files in memory, and fixtures from tests/helpers."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Qt aborts with a misleading xcb message when there is no display and no platform set.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests away from the user's real data dir and keyring.
os.environ.setdefault("KINERJA_TESTING", "1")

pytest_plugins = ["tests.helpers.fixtures"]

#: Where the tests' files go when the machine has a memory file system with room for them.
RAM_FOLDER = Path("/dev/shm")
#: Room asked of it: a whole run writes about 100 MB (databases, stores, PDFs).
RAM_NEEDED = 2 * 1024**3


def _ram_basetemp() -> Path | None:
    """A private folder on the memory file system, or None (then pytest's usual one, on disk).

    The tests' SQLite files are real files either way; what a memory file system saves is the
    disk's flush on every commit, which made the sync tests four times slower on this project's
    2-core CI machine (tests/unit/sync: 388 s on ext4, 99 s here). Crash safety is unaffected:
    the tests kill processes, which loses nothing a file system holds, on disk or in memory.
    """
    try:
        usage = shutil.disk_usage(RAM_FOLDER)
        if usage.free < RAM_NEEDED or not os.access(RAM_FOLDER, os.W_OK | os.X_OK):
            return None
        return Path(tempfile.mkdtemp(prefix="kinerja-tests-", dir=RAM_FOLDER)) / "t"
    except OSError:
        return None


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Put tmp_path and friends in memory unless the run names its own --basetemp."""
    if config.option.basetemp is None and os.environ.get("KINERJA_TEST_TMP") != "disk":
        config.option.basetemp = _ram_basetemp()
        config._kinerja_ram_temp = config.option.basetemp  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    ram = getattr(config, "_kinerja_ram_temp", None)
    if ram is not None:  # memory is not disk: nothing is kept for after the run
        shutil.rmtree(ram.parent, ignore_errors=True)
