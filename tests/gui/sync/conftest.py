"""Fixtures for the sync GUI tests (the sync office from tests/unit/sync)."""

from tests.unit.sync.sync_office import _pushed_master, office  # noqa: F401
