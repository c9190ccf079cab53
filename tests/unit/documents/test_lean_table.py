"""LeanTable refuses the style commands it does not draw the way reportlab's Table would."""

from __future__ import annotations

import pytest
from reportlab.lib import colors

from kinerja_desktop.documents.flow_table import LINE
from kinerja_desktop.documents.lean_table import LeanTable, UnsupportedStyle

DATA = [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]
WIDTHS = [50.0, 50.0, 50.0]


def _table(*commands: tuple) -> LeanTable:
    return LeanTable.from_commands([row[:] for row in DATA], WIDTHS, list(commands), 1)


def test_the_commands_the_sheets_use_are_accepted() -> None:
    table = _table(
        ("FONT", (0, 0), (-1, -1), "Helvetica", 7.5, 9.2),
        ("GRID", (0, 0), (-1, 0), LINE, colors.black),
        ("BOX", (0, 0), (-1, -1), LINE, colors.black),
        ("LINEBEFORE", (1, 0), (-1, -1), LINE, colors.black),
        ("LINEABOVE", (0, 2), (1, 2), LINE, colors.black),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), LINE, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), LINE, colors.black),
        ("BACKGROUND", (0, 1), (0, 2), colors.lightgrey),
        ("SPAN", (0, 1), (0, 2)),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("ALIGN", (1, 1), (1, 1), "CENTRE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
    )
    assert table.wrap(150, 500)[1] > 0


@pytest.mark.parametrize(
    ("command", "why"),
    [
        (("TEXTCOLOR", (0, 0), (-1, -1), colors.red), "unknown to LeanTable"),
        (("INNERGRID", (0, 0), (-1, -1), LINE, colors.black), "unknown to LeanTable"),
        (("LINEBELOW", (0, 1), (-1, 1), LINE, colors.black), "unknown to LeanTable"),
        (("VALIGN", (0, 0), (-1, -1), "BOTTOM"), "VALIGN is one of TOP, MIDDLE"),
        (("ALIGN", (0, 0), (-1, -1), "DECIMAL"), "ALIGN is one of"),
        (("FONT", (0, 0), (0, 0), "Helvetica", 9), "only for the whole table"),
        (("BOX", (0, 1), (-1, -1), LINE, colors.black), "only for the whole table"),
        (("LINEBEFORE", (0, 0), (0, -1), 3, colors.black), "rule before every column"),
        (("GRID", (1, 0), (2, 1), LINE, colors.black), "only on whole rows"),
        (("LINEABOVE", (0, "splitlast"), (-1, "splitlast"), LINE, colors.black), "splitfirst"),
    ],
)
def test_a_command_it_would_mis_render_is_refused(command: tuple, why: str) -> None:
    with pytest.raises(UnsupportedStyle, match=why):
        _table(command)


def test_rules_of_two_widths_are_refused() -> None:
    with pytest.raises(UnsupportedStyle, match="one width and colour"):
        _table(("GRID", (0, 0), (-1, 0), LINE, colors.black), ("BOX", (0, 0), (-1, -1), 2.0, colors.black))
