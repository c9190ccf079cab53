"""QR codes: made by zxing-cpp, drawn as one vector path of dark runs (no image, no widget).

The ``qrcode`` package is pure Python: 1.2 ms per code even with a fixed mask, a tenth of a
sheet's rendering time in a batch where every code differs. zxing-cpp (C++; also what the tests
scan printed pages with) makes the same code in 0.2 ms.
"""

from __future__ import annotations

import re
from functools import lru_cache

import zxingcpp
from reportlab.pdfgen.canvas import Canvas

__all__ = ["draw_qr", "qr_runs"]

_DARK_RUN = re.compile(rb"\x00+")  # zxing-cpp's module image: 0 = dark, 255 = light


@lru_cache(maxsize=256)
def qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """Module count and the dark runs (row, first column, length) of the QR for ``text``
    (error correction M, no quiet zone; row 0 is the top)."""
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    n = image.shape[0]
    data = image.tobytes()
    runs = tuple(
        (row, m.start() - row * n, m.end() - m.start())
        for row in range(n)
        for m in _DARK_RUN.finditer(data, row * n, (row + 1) * n)
    )
    return n, runs


def draw_qr(canv: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR for ``text`` with its lower-left corner at (x, y), ``size`` points square.

    Horizontal runs of dark modules become one rectangle each, all in one filled path. The path
    operators are written directly (reportlab's path object formats every number on its own,
    ~1 ms for a few hundred rectangles).
    """
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv._code.append(_qr_path(text, x, y, size))  # noqa: SLF001 - raw operators, see above
    canv.restoreState()


@lru_cache(maxsize=64)
def _qr_path(text: str, x: float, y: float, size: float) -> str:
    # In module units (a scaling cm), so each rectangle is four small integers.
    n, runs = qr_runs(text)
    module = size / n
    ops = [f"q {module:.4f} 0 0 {module:.4f} {x:.3f} {y:.3f} cm"]
    ops += [f"{col} {n - 1 - row} {length} 1 re" for row, col, length in runs]
    ops.append("f Q")
    return "\n".join(ops)
