"""Fixtures for the central office tests: the sync test office (tests/unit/sync/sync_office.py)."""

from tests.unit.sync.sync_office import _pushed_master, office  # noqa: F401
