"""Does each piece of ``documents/library_internals.py`` earn its keep? Measured against the plain library
way in the same run (CPU time, median of rounds, ratio against the baseline).

Run: .venv/bin/python -m pytest tests/bench/bench_internals.py -s

* rendering the layout samples (Evaluasi, SKP, Dokumen Evaluasi, Penetapan): everything installed,
  versus ``drawString`` instead of ``draw_line``, versus reportlab's own streams (both parts, and
  each part alone: Flate level, subset memo); each paired with a baseline round next to it;
* signing a sheet: the stamp font engine versus pyHanko's ``GlyphAccumulatorFactory`` on the same font.

A piece that saves less than ``KEEP`` of the work it speeds up fails the run: remove it.
Measured 2026-12-06 (2 cores shared by several people, load ~7): render 10.2 ms CPU a sheet with
every piece; without draw_line x1.08, without the stream pieces x1.35 (Flate level x1.19, subset
memo x1.06); an ASCII fast path for ``pdfdoc.pdfdocEnc`` measured x1.03-1.05 and was removed.
Signature: 7.3 ms CPU with the stamp engine, 21.2 ms with pyHanko's (x2.9).
"""

from __future__ import annotations

import dataclasses
import statistics
import time
import warnings
from collections.abc import Callable

from reportlab.pdfbase import pdfdoc

ORIGINAL_FLATE = pdfdoc.PDFZCompress  # before anything installs

from kinerja_desktop.documents import flow_table, lean_table, library_internals, page_canvas  # noqa: E402
from kinerja_desktop.documents import render as render_module  # noqa: E402
from kinerja_desktop.documents import signing as signing_module  # noqa: E402
from kinerja_desktop.documents.page_setup import register_fonts  # noqa: E402
from kinerja_desktop.documents.render import render  # noqa: E402

KEEP = 1.05  # at least 5 % of the operation
ROUNDS = 9


def _plain_draw(canv, x, y, text, *, width=None, align="LEFT"):  # type: ignore[no-untyped-def]
    {"CENTER": canv.drawCentredString, "RIGHT": canv.drawRightString}.get(align, canv.drawString)(x, y, text)


class _Switch:
    """Turns each piece on or off in this process (the bench's own business, not the app's)."""

    def __init__(self) -> None:
        self.fonts = register_fonts()
        library_internals.install_pdf_streams(*self.fonts)
        self.flate = pdfdoc.PDFZCompress
        render_module.install_pdf_streams = lambda *fonts: None  # the renderer would re-install each time

    def restore(self) -> None:
        self.set()
        render_module.install_pdf_streams = library_internals.install_pdf_streams

    def set(self, *, text: bool = True, flate: bool = True, memo: bool = True) -> None:
        draw = library_internals.draw_line if text else _plain_draw
        for module in (lean_table, flow_table, page_canvas):
            module.draw_line = draw  # type: ignore[attr-defined]
        pdfdoc.PDFZCompress = self.flate if flate else ORIGINAL_FLATE
        for font in self.fonts:
            vars(font.face).pop("makeSubset", None)
            vars(font.face).pop("_kinerja_memo", None)
            if memo:
                library_internals._memoise_subsets(font, self.flate)


def _cpu_ms(work: Callable[[], None], n: int) -> float:
    start = time.process_time()
    for _ in range(n):
        work()
    return (time.process_time() - start) / n * 1000


def test_bench_render_pieces() -> None:
    from tests.unit.documents import samples as s

    sheets = [s.evaluasi(), s.skp(s.plan()), s.dokumen(), s.penetapan(n=30)]
    switch = _Switch()
    configs = {
        "all": {},
        "no draw_line": {"text": False},
        "no stream pieces": {"flate": False, "memo": False},
        "no Flate level": {"flate": False},
        "no subset memo": {"memo": False},
    }
    ratios: dict[str, list[float]] = {k: [] for k in configs if k != "all"}
    base_times: list[float] = []

    def one_round() -> None:
        for sheet in sheets:
            render(sheet)

    def timed(flags: dict[str, bool]) -> float:
        switch.set(**flags)
        one_round()  # warm up: a re-made subset memo starts empty
        return _cpu_ms(one_round, 3) / len(sheets)

    try:
        one_round()
        for _ in range(ROUNDS):
            for name, flags in configs.items():
                if name == "all":
                    continue
                base = timed({})  # paired with its baseline, so the load of a shared machine cancels out
                base_times.append(base)
                ratios[name].append(timed(flags) / base)
    finally:
        switch.restore()
    print(f"\nrender, CPU ms per sheet (median): all pieces {statistics.median(base_times):.2f}; "
          f"without a piece, x (median of {ROUNDS} paired ratios):")
    medians = {name: statistics.median(values) for name, values in ratios.items()}
    for name, ratio in medians.items():
        print(f"  {name:22s} x{ratio:.2f}")
    for name, ratio in medians.items():
        assert ratio >= KEEP, f"{name}: the piece saves only {100 * (1 - 1 / ratio):.0f} %: remove it"


def test_bench_stamp_engine() -> None:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle

    from kinerja_desktop.documents.signature_stamp import STAMP_FONT, stamp_style
    from kinerja_desktop.resources import resource_path
    from tests.helpers.signing_pki import pki, sheet_pdf

    identity, pdf = pki().pegawai, sheet_pdf()
    fast = stamp_style()
    stock = dataclasses.replace(fast, text_box_style=TextBoxStyle(
        font=GlyphAccumulatorFactory(str(resource_path(*STAMP_FONT)), font_size=7, ot_script_tag="latn",
                                     bcp47_lang_code="id"), font_size=7, leading=9))
    original = signing_module.stamp_style
    times: dict[str, list[float]] = {"fast": [], "pyhanko": []}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)  # pyHanko's factory never closes its font file
            for _ in range(ROUNDS):
                for name, style in (("fast", fast), ("pyhanko", stock)):
                    signing_module.stamp_style = lambda style=style: style  # type: ignore[misc]
                    times[name].append(_cpu_ms(lambda: signing_module.sign_pdf(pdf, identity, "pegawai"), 5))
    finally:
        signing_module.stamp_style = original
    ours, theirs = statistics.median(times["fast"]), statistics.median(times["pyhanko"])
    print(f"\nsignature, CPU ms (median of {ROUNDS}): stamp engine {ours:.2f}, pyHanko's {theirs:.2f}, "
          f"x{theirs / ours:.2f}")
    assert theirs / ours >= KEEP
