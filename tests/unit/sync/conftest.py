"""Fixtures for sync tests (see sync_office.py)."""

from tests.unit.sync.sync_office import _pushed_master, office  # noqa: F401
