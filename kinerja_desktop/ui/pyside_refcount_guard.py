"""Guard against a reference-count bug of PySide6 6.12.0 on CPython before 3.12.

Measured here (PySide6 6.12.0, CPython 3.11.7): every call from Python of a Qt method that
returns ``void`` (``widget.update()``, ``label.setText()``, ``QStyledItemDelegate.initStyleOption``
…) or returns an empty QVariant (``index.data(role)`` with no value, ``combo.currentData()``)
takes one reference away from ``None``, and every ``signal.emit(...)`` takes one from ``True``.
CPython 3.12+ makes these singletons immortal, so nothing shows there; on 3.11 the count
reaches zero after enough calls and the interpreter aborts with "Fatal Python error:
none_dealloc" (or "bool_dealloc") — at exit (a test run that passed ends with SIGABRT) or, in a
long session, in the middle of the day.

``None``, ``True`` and ``False`` are static objects that are never freed, so giving them a very
large reference count once is harmless and makes the lost references irrelevant. Remove this
module when PySide6 is fixed or the app moves to CPython 3.12+.
"""

from __future__ import annotations

import ctypes
import platform
import sys

#: Extra references given to None: far more void calls than any session makes.
BALLAST = 1 << 40

_applied = False


def needed() -> bool:
    """Whether this interpreter and PySide6 show the bug (CPython < 3.12 with PySide6 6.12)."""
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    try:
        import PySide6
    except ImportError:  # pragma: no cover - the ui layer always has it
        return False
    return PySide6.__version__.startswith("6.12.")


def apply() -> bool:
    """Give None, True and False their ballast once; returns True when applied (now or before)."""
    global _applied  # noqa: PLW0603 - once per process
    if _applied:
        return True
    if not needed():
        return False
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field
        refcount.value += BALLAST
    _applied = True
    return True
