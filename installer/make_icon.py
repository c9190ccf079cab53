"""Make the application icon: kinerja.svg is the source; PNGs and the Windows .ico are rendered from it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py

Writes ``kinerja_desktop/data/icons/``: ``kinerja.svg``, ``kinerja.png`` (256 px, the window icon and
the Linux desktop icon) and ``kinerja.ico`` (16-256 px, PNG-compressed entries, for the Windows
executables and installer). All three are committed; run this only to change the icon.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "kinerja_desktop" / "data" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

# A blue rounded square; three rising white bars (the performance cycle) and a gold tick above them.
SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Kinerja Desktop</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f6fc0"/>
      <stop offset="1" stop-color="#173f78"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="44" ry="44" fill="url(#bg)"/>
  <rect x="44" y="150" width="44" height="62" rx="6" fill="#ffffff"/>
  <rect x="106" y="118" width="44" height="94" rx="6" fill="#ffffff"/>
  <rect x="168" y="82" width="44" height="130" rx="6" fill="#ffffff"/>
  <path d="M52 104 L92 136 L200 40" fill="none" stroke="#f5c02a" stroke-width="18"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def render_png(svg: bytes, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (read by Windows Vista and later, and by NSIS)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = [], []
    for size, data in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = SVG.encode()
    (ICONS / "kinerja.svg").write_bytes(svg)
    pngs = {size: render_png(svg, size) for size in ICO_SIZES}
    (ICONS / "kinerja.png").write_bytes(pngs[256])
    (ICONS / "kinerja.ico").write_bytes(ico(pngs))
    print(f"wrote {', '.join(p.name for p in sorted(ICONS.iterdir()))} in {ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
