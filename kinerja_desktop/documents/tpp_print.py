"""Print the TPP recap (A4/F4, same kop, fonts and QR footer as the other sheets)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.documents.page_setup import PageSetup
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.rendered import RenderedDocument
from kinerja_desktop.documents.tpp_layout import TppPersonRow, TppSheet, TppUnitRow
from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.domain.tpp import percent_text
from kinerja_desktop.services.tpp_service import PREDIKAT_SHORT, TppRecap

__all__ = ["print_recap", "recap_sheet"]


def _token(text: str) -> str:
    import re

    return re.sub(r"[^A-Z0-9.+/$%*]+", "-", text.upper()).strip("-") or "X"


def recap_sheet(loader: SheetLoader, rec: TppRecap, *, today: date | None = None) -> TppSheet:
    rows = []
    for line in rec.lines:
        if rec.month:
            m = line.months[0]
            cells: tuple[str, ...] = (m.period or "-", Predikat(m.predikat).label if m.predikat else "belum ada",
                                      percent_text(m.share), percent_text(m.tpp))
        else:
            cells = (*[f"{PREDIKAT_SHORT[Predikat(m.predikat)] if m.predikat else '-'}|{percent_text(m.tpp)[:-1]}"
                       for m in line.months], percent_text(line.average_tpp))
        rows.append(TppPersonRow(f"{line.unit_name} ({line.unit_code})", line.nama, line.nip or "-", line.jabatan,
                                 cells))
    units = tuple(TppUnitRow(f"{u.name} ({u.code})", u.people, percent_text(u.average_tpp),
                             (*[str(n) for _p, n in u.predikat_counts], str(u.without_evaluation)))
                  for u in rec.units())
    instansi = loader.instansi()
    scope_token = _token(rec.scope.split("(")[-1].rstrip(")")) if "(" in rec.scope else "INSTANSI"
    return TppSheet(
        doc_id=f"TPP-{rec.year}-{f'B{rec.month:02d}' if rec.month else 'TAHUNAN'}-{scope_token}",
        instansi=instansi, year=rec.year, month=rec.month, period_title=rec.title_period, scope=rec.scope,
        rows=tuple(rows), units=units, rule_basis=rec.rule.dasar, rule_lines=tuple(rec.rule.lines()),
        tempat=instansi.kota, tanggal=today or date.today(),
    )


def print_recap(db, rec: TppRecap, out: str | Path, *, paper: str = "A4",  # type: ignore[no-untyped-def]
                today: date | None = None) -> RenderedDocument:
    """Write the recap as PDF (the recap was made by an admin through the service)."""
    doc = render(recap_sheet(SheetLoader(db), rec, today=today), PageSetup(paper=paper))
    Path(out).write_bytes(doc.pdf)
    return doc
