"""ui layer."""

from kinerja_desktop.ui import pyside_refcount_guard as _refcount_guard

# PySide6 6.12.0 on CPython 3.11 loses a reference to None on every void call (see the module).
_refcount_guard.apply()
