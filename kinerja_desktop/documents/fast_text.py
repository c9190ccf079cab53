"""One line of text written straight into the page stream.

``Canvas.drawString`` builds a text object, measures the string (even when left-aligned),
goes through bidi/shaping hooks, sets the leading and moves to a next line nobody uses: about
three times the work of the operators it writes. The sheets draw ~150 one-line strings a
page (labels, numbers, one-line cells), all in our embedded TrueType fonts, left-to-right, with
no character or word spacing. :func:`draw_line` writes the operators reportlab writes for them,
with the same font subset encoding (``TTFont.splitString``, so the subsets and the embedded
glyphs are reportlab's): ``BT 1 0 0 1 x y Tm /F1+0 7.5 Tf 9 TL (...) Tj T* ET``. Any other font
goes to ``drawString``.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

__all__ = ["draw_line"]


def draw_line(canv: Canvas, x: float, y: float, text: str, *, width: float | None = None, align: str = "LEFT") -> None:
    """Draw ``text`` in the canvas's current font and size, its baseline at ``y``.

    ``align``: LEFT (x is the left end), CENTER (x is the middle) or RIGHT (x is the right end).
    ``width`` is the text's width when the caller knows it already (CENTER and RIGHT need it).
    """
    font = getFont(canv._fontname)
    if not getattr(font, "_dynamicFont", False):
        {"CENTER": canv.drawCentredString, "RIGHT": canv.drawRightString}.get(align, canv.drawString)(x, y, text)
        return
    if align != "LEFT":
        if width is None:
            width = font.stringWidth(text, canv._fontsize)
        x -= width / 2 if align == "CENTER" else width
    doc = canv._doc
    escape = canv._escape
    font_ops = f"{fp_str(canv._fontsize)} Tf {fp_str(canv._leading)} TL"
    ops = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
    current = -1
    for subset, chunk in font.splitString(text, doc):
        if subset != current:
            ops.append(f"{font.getSubsetInternalName(subset, doc)} {font_ops}")
            current = subset
        ops.append(f"({escape(chunk)}) Tj")
    ops.append("T* ET")  # the line end, as reportlab writes it: text extractors see a line per call
    canv._code.append(" ".join(ops))
