"""Validation of values that arrive from other replicas, before any of them is applied.

A change from the store may have been written by anyone: every value is checked against its
column as the services would check it (type, length, control characters, dates, finite
numbers, the closed sets of codes) and a change with one bad value is refused as a whole.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text, inspect

from kinerja_desktop.domain.kepegawaian import AsnKind
from kinerja_desktop.domain.penilaian import Rating
from kinerja_desktop.domain.skm import STORED_CODES as SKM_CODES
from kinerja_desktop.domain.tindak_lanjut import STORED_CODES as TINDAK_LANJUT_CODES
from kinerja_desktop.services.common import MAX_TEXT
from kinerja_desktop.store.models import MODEL_BY_TABLE

#: Control characters no field may hold (tab, newline and carriage return are text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
#: Largest JSON value (per field) a change may carry.
MAX_JSON = 64 * 1024
#: Integers the databases store (64-bit signed).
_INT_RANGE = (-(2**63), 2**63 - 1)

#: Fields that hold one of a closed set of codes (what the services write).
CODES: dict[tuple[str, str], frozenset[Any]] = {
    ("plan", "status"): frozenset({"DRAFT", "SUBMITTED", "APPROVED", "RETURNED"}),
    ("evaluation", "status"): frozenset({"DRAFT", "FINAL", "SIGNED"}),
    ("evaluation", "rating_hasil"): frozenset(r.value for r in Rating),
    ("evaluation", "rating_perilaku"): frozenset(r.value for r in Rating),
    ("employee", "asn_kind"): frozenset(k.value for k in AsnKind),
    **SKM_CODES,
    **TINDAK_LANJUT_CODES,
    # Daily work (issue 17): rencana aksi are planned per month or per quarter.
    ("rencana_aksi", "period"): frozenset([f"B{m:02d}" for m in range(1, 13)] + [f"TW{q}" for q in range(1, 5)]),
}

#: Numeric fields with a closed range (inclusive), as the services check them.
RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("progres_harian", "hours"): (0.0, 24.0),
}

_CACHE: dict[str, dict[str, Any]] = {}


def _columns(table: str) -> dict[str, Any]:
    cols = _CACHE.get(table)
    if cols is None:
        mapper = inspect(MODEL_BY_TABLE[table])
        cols = _CACHE[table] = {mapper.get_property_by_column(c).key: c for c in mapper.columns}
    return cols


def _text_problem(value: str, limit: int | None) -> str | None:
    if limit is not None and len(value) > limit:
        return f"lebih dari {limit} karakter"
    if _CONTROL.search(value):
        return "berisi karakter kendali"
    return None


def check_value(table: str, field: str, value: Any) -> str | None:
    """None when ``value`` may be stored in ``table.field``; otherwise why not (Indonesian)."""
    column = _columns(table).get(field)
    if column is None or value is None:
        return None
    kind = column.type
    problem: str | None = None
    if isinstance(kind, Boolean):
        problem = None if isinstance(value, bool) else "bukan nilai ya/tidak"
    elif isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool) and _INT_RANGE[0] <= value <= _INT_RANGE[1]
        problem = None if ok else "bukan bilangan bulat"
    elif isinstance(kind, Float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        problem = None if ok and abs(value) < 1e15 else "bukan angka yang sah"
    elif isinstance(kind, DateTime | Date):
        if not isinstance(value, str) or len(value) > 40:
            problem = "bukan tanggal"
        else:
            try:
                parsed = datetime.fromisoformat(value) if isinstance(kind, DateTime) else date.fromisoformat(value)
                if not 1900 <= parsed.year <= 2200:
                    problem = "tanggal di luar rentang yang masuk akal"
            except ValueError:
                problem = "bukan tanggal"
    elif isinstance(kind, JSON):
        try:
            size = len(json.dumps(value, ensure_ascii=False))
        except (TypeError, ValueError):
            size = MAX_JSON + 1
        problem = f"data lebih dari {MAX_JSON} bita" if size > MAX_JSON else None
    elif isinstance(kind, String | Text):
        if not isinstance(value, str):
            problem = "bukan teks"
        else:
            limit = getattr(kind, "length", None) or MAX_TEXT
            problem = _text_problem(value, limit)
    if problem is None and (table, field) in CODES and value not in CODES[(table, field)]:
        problem = "kode tidak dikenal"
    bounds = RANGES.get((table, field))
    if problem is None and bounds is not None and not bounds[0] <= value <= bounds[1]:
        problem = "di luar rentang yang sah"
    return f"{table}.{field}: {problem}" if problem else None


def check_changes(table: str, values: dict[str, Any]) -> str | None:
    """The first problem among the new values of one change (None when all are valid)."""
    for field, value in values.items():
        problem = check_value(table, field, value)
        if problem:
            return "nilai tidak sah: " + problem
    return None


# Matriks peran hasil and penugasan (issue 17): the codes their services write.
from kinerja_desktop.domain.peran import STORED_CODES as _PERAN_CODES  # noqa: E402

CODES.update(_PERAN_CODES)
