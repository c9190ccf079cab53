"""The clerks' route today, rebuilt for the benchmark: one flat ODF text document (.fodt) per
evaluation sheet, as a mail merge would produce it, with the same content as our PDF: kop,
identity table, capaian and distribution chart (SVG), HASIL KERJA with merged cells and a
repeated header, ratings, PERILAKU KERJA, predikat, signatures, and a footer with
"Halaman x dari y", the document id and a QR code (PNG)."""

from __future__ import annotations

import base64
import io
from xml.sax.saxutils import escape

import zxingcpp
from PIL import Image

from kinerja_desktop.documents.hashing import data_sha256, payload_for
from kinerja_desktop.documents.sheet_data import EvaluasiSheet
from kinerja_desktop.domain.kepegawaian import SkpVariant
from kinerja_desktop.domain.penilaian import PREDIKAT_ORDER_CHART

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)

STYLES = """
<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="7.5pt" fo:language="id" fo:country="ID"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm"
   fo:margin-bottom="1cm" fo:margin-left="1.5cm" fo:margin-right="1.2cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="1.9cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Sub" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Kop" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="B" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="7pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="5.5pt"/></style:style>
 <style:style style:name="T" style:family="table"><style:table-properties style:width="18.3cm" table:align="left"
   fo:margin-top="0.2cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.07cm" style:vertical-align="top"/>
 </style:style>
 <style:style style:name="HeadCell" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.07cm" fo:background-color="#e6e6e6"
   style:vertical-align="middle"/>
 </style:style>
 <style:style style:name="Plain" style:family="table-cell">
  <style:table-cell-properties fo:border="none" fo:padding="0.1cm" style:vertical-align="top"/>
 </style:style>
 <style:style style:name="fr" style:family="graphic">
  <style:graphic-properties style:wrap="none" style:vertical-pos="top" style:horizontal-pos="right"
   style:horizontal-rel="paragraph"/>
 </style:style>
</office:automatic-styles>
"""


def _p(text: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def _cell(content: str, *, style: str = "Cell", rows: int = 1, cols: int = 1) -> str:
    attrs = f' table:number-rows-spanned="{rows}"' if rows > 1 else ""
    attrs += f' table:number-columns-spanned="{cols}"' if cols > 1 else ""
    cell = (
        f'<table:table-cell table:style-name="{style}" office:value-type="string"{attrs}>{content}</table:table-cell>'
    )
    return cell + "<table:covered-table-cell/>" * (cols - 1)


def _covered(n: int = 1) -> str:
    return "<table:covered-table-cell/>" * n


def _table(name: str, widths_cm: list[float], rows: list[str], header_rows: list[str] = ()) -> str:  # type: ignore[assignment]
    cols = "".join(f'<table:table-column table:style-name="{name}c{i}"/>' for i in range(len(widths_cm)))
    head = f"<table:table-header-rows>{''.join(header_rows)}</table:table-header-rows>" if header_rows else ""
    body = "".join(rows)
    col_styles = "".join(
        f'<style:style style:name="{name}c{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>'
        for i, w in enumerate(widths_cm)
    )
    return col_styles, f'<table:table table:name="{name}" table:style-name="T">{cols}{head}{body}</table:table>'


def _row(cells: str) -> str:
    return f"<table:table-row>{cells}</table:table-row>"


def _image(data: bytes, width_cm: float, height_cm: float, name: str) -> str:
    b64 = base64.b64encode(data).decode()
    return (
        f'<draw:frame draw:style-name="fr" draw:name="{name}" text:anchor-type="as-char" svg:width="{width_cm}cm" '
        f'svg:height="{height_cm}cm"><draw:image><office:binary-data>{b64}</office:binary-data></draw:image>'
        "</draw:frame>"
    )


def _chart_svg(counts: dict) -> bytes:
    values = [int(counts.get(p, 0)) for p in PREDIKAT_ORDER_CHART]
    top = max(5, *values)
    pts = " ".join(f"{40 + i * 60},{110 - 90 * v / top:.1f}" for i, v in enumerate(values))
    labels = "".join(
        f'<text x="{40 + i * 60}" y="125" font-size="7" text-anchor="middle">{escape(p.label)}</text>'
        for i, p in enumerate(PREDIKAT_ORDER_CHART)
    )
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="135" font-family="DejaVu Sans">'
        '<line x1="25" y1="110" x2="310" y2="110" stroke="black"/>'
        '<line x1="25" y1="15" x2="25" y2="110" stroke="black"/>'
        f'<polyline points="{pts}" fill="none" stroke="#1f4e79" stroke-width="2"/>{labels}'
        '<text x="8" y="70" font-size="7" transform="rotate(-90 8 70)">Frekuensi Pegawai</text></svg>'
    )
    return svg.encode()


def _qr_png(text: str) -> bytes:
    """The sheet's QR as a PNG, made by the same encoder the app uses (zxing-cpp, error correction M)."""
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=4, add_quiet_zones=False))
    height, width = image.shape[:2]
    buf = io.BytesIO()
    Image.frombytes("L", (width, height), image.tobytes()).save(buf, "PNG")
    return buf.getvalue()


def fodt_for(sheet: EvaluasiSheet) -> str:
    """The .fodt of one evaluation sheet."""
    sha = data_sha256(sheet)
    styles: list[str] = []
    body: list[str] = []
    inst = sheet.instansi
    body += [_p(inst.nama.upper(), "Kop"), _p(", ".join(x for x in (inst.alamat, inst.kota) if x), "C")]
    plan = sheet.plan
    variant = plan.variant if plan else sheet.variant
    body += [
        _p("EVALUASI KINERJA PEGAWAI", "Title"),
        _p(f"PENDEKATAN HASIL KERJA {(plan.pendekatan.value if plan else 'KUANTITATIF')}", "Sub"),
        _p(variant.label.upper(), "Sub"),
        _p(f"PERIODE: {sheet.period.print_label}", "Sub"),
        _p(f"{inst.nama.upper()}    PERIODE PENILAIAN: {sheet.period.range_label(sheet.year)}", "B"),
    ]
    labels = ("NAMA", "NIP", "PANGKAT/GOL RUANG", "JABATAN", "UNIT KERJA")

    def values(p: object) -> list[str]:
        if p is None:
            return ["(belum diisi)"] * 5
        return [p.nama, p.nip, p.pangkat, p.jabatan, p.unit]  # type: ignore[attr-defined]

    left, right = values(sheet.pegawai), values(sheet.penilai)
    head = _row(
        _cell(_p("NO", "H"), style="HeadCell")
        + _cell(_p("PEGAWAI YANG DINILAI", "H"), style="HeadCell", cols=2)
        + _cell(_p("NO", "H"), style="HeadCell")
        + _cell(_p("PEJABAT PENILAI KINERJA", "H"), style="HeadCell", cols=2)
    )
    rows = [
        _row(
            _cell(_p(str(i + 1), "C"))
            + _cell(_p(lab))
            + _cell(_p(left[i]))
            + _cell(_p(str(i + 1), "C"))
            + _cell(_p(lab))
            + _cell(_p(right[i]))
        )
        for i, lab in enumerate(labels)
    ]
    st, tb = _table("Ident", [0.7, 3.3, 5.15, 0.7, 3.3, 5.15], rows, [head])
    styles.append(st)
    body.append(tb)
    chart = _image(_chart_svg(sheet.distribusi or {}), 9.5, 4.0, "chart")
    capaian = sheet.capaian_organisasi.print_label if sheet.capaian_organisasi else "(belum diisi)"
    st, tb = _table(
        "Org",
        [6.6, 11.7],
        [
            _row(_cell(_p("CAPAIAN KINERJA ORGANISASI", "B")) + _cell(_p(capaian, "B"))),
            _row(_cell(_p("POLA DISTRIBUSI", "B")) + _cell(f"<text:p>{chart}</text:p>")),
        ],
    )
    styles.append(st)
    body.append(tb)
    # HASIL KERJA
    if variant is SkpVariant.JPT:
        titles = [
            "NO",
            "RENCANA HASIL KERJA",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
            "PERSPEKTIF",
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        ]
        widths = [0.7, 3.0, 3.2, 1.7, 1.9, 2.6, 5.2]
    else:
        titles = [
            "NO",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "RENCANA HASIL KERJA",
            "ASPEK",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        ]
        widths = [0.7, 2.5, 2.3, 1.5, 2.7, 1.7, 2.5, 4.4]
    n = len(titles)
    header = [
        _row(_cell(_p("HASIL KERJA", "H"), style="HeadCell", cols=n)),
        _row("".join(_cell(_p(t, "H"), style="HeadCell") for t in titles)),
    ]
    rows = []
    if plan is None or not plan.rhk:
        rows.append(_row(_cell(_p("(Rencana hasil kerja belum diisi)"), cols=n)))
    else:
        for jenis, title in (("UTAMA", "A. KINERJA UTAMA"), ("TAMBAHAN", "B. KINERJA TAMBAHAN")):
            rows.append(_row(_cell(_p(title, "B"), cols=n)))
            items = [r for r in plan.rhk if r.jenis.value == jenis]
            if not items:
                rows.append(_row(_cell(_p("-"), cols=n)))
            for no, rhk in enumerate(items, start=1):
                inds = list(rhk.indicators) or [None]
                span = len(inds)
                fb = sheet.umpan_balik_rhk.get(rhk.id, "") or "(belum diisi)"
                for k, ind in enumerate(inds):
                    iki = ind.iki if ind else "(indikator belum diisi)"
                    target = ind.target if ind else ""
                    real = sheet.realisasi.get(ind.id, "(belum diisi)") if ind else ""
                    cells = ""
                    if variant is SkpVariant.JPT:
                        if k == 0:
                            cells += _cell(_p(str(no), "C"), rows=span) + _cell(_p(rhk.text), rows=span)
                        else:
                            cells += _covered(2)
                        cells += _cell(_p(iki)) + _cell(_p(target))
                        cells += (
                            _cell(_p(rhk.perspektif.label if rhk.perspektif else "-"), rows=span)
                            if k == 0
                            else _covered()
                        )
                        cells += _cell(_p(real))
                    else:
                        if k == 0:
                            cells += (
                                _cell(_p(str(no), "C"), rows=span)
                                + _cell(_p(rhk.intervensi or "-"), rows=span)
                                + _cell(_p(rhk.text), rows=span)
                            )
                        else:
                            cells += _covered(3)
                        aspek = ind.aspek.label if ind and ind.aspek else "-"
                        cells += _cell(_p(aspek)) + _cell(_p(iki)) + _cell(_p(target)) + _cell(_p(real))
                    cells += _cell(_p(fb), rows=span) if k == 0 else _covered()
                    rows.append(_row(cells))
    st, tb = _table("Hasil", widths, rows, header)
    styles.append(st)
    body.append(tb)
    rating = sheet.rating_hasil.print_label if sheet.rating_hasil else "(belum diisi)"
    st, tb = _table("RH", [6.6, 11.7], [_row(_cell(_p("RATING HASIL KERJA", "B")) + _cell(_p(rating, "B")))])
    styles.append(st)
    body.append(tb)
    # PERILAKU
    header = [
        _row(_cell(_p("PERILAKU KERJA", "H"), style="HeadCell", cols=4)),
        _row(
            "".join(
                _cell(_p(t, "H"), style="HeadCell")
                for t in (
                    "NO",
                    "PERILAKU KERJA DAN PANDUAN PERILAKU",
                    "EKSPEKTASI KHUSUS PIMPINAN",
                    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
                )
            )
        ),
    ]
    rows = []
    for no, item in enumerate(plan.perilaku if plan else (), start=1):
        panduan = _p(item.nama, "B") + "".join(_p(f"{i}. {t}") for i, t in enumerate(item.panduan, start=1))
        fb = sheet.umpan_balik_perilaku.get(item.code, "") or "(belum diisi)"
        rows.append(_row(_cell(_p(str(no), "C")) + _cell(panduan) + _cell(_p(item.ekspektasi or "-")) + _cell(_p(fb))))
    st, tb = _table("Perilaku", [0.7, 7.0, 5.3, 5.3], rows, header)
    styles.append(st)
    body.append(tb)
    rp = sheet.rating_perilaku.print_label if sheet.rating_perilaku else "(belum diisi)"
    pk = sheet.predikat.print_label if sheet.predikat else "(belum diisi)"
    st, tb = _table(
        "RP",
        [6.6, 11.7],
        [
            _row(_cell(_p("RATING PERILAKU KERJA", "B")) + _cell(_p(rp, "B"))),
            _row(_cell(_p("PREDIKAT KINERJA PEGAWAI", "B")) + _cell(_p(pk, "B"))),
        ],
    )
    styles.append(st)
    body.append(tb)
    pen = sheet.penilai
    sign = _row(
        _cell(
            _p(" ", "C")
            + _p("Pegawai yang Dinilai", "C")
            + _p(" ") * 5
            + _p(sheet.pegawai.nama, "C")
            + _p(f"NIP {sheet.pegawai.nip}", "C"),
            style="Plain",
        )
        + _cell(
            _p(f"{sheet.tempat}, ....................", "C")
            + _p("Pejabat Penilai Kinerja", "C")
            + _p(" ") * 5
            + _p(pen.nama if pen else "(belum diisi)", "C")
            + _p(f"NIP {pen.nip}" if pen else "", "C"),
            style="Plain",
        )
    )
    st, tb = _table("Sign", [9.15, 9.15], [sign])
    styles.append(st)
    body.append(tb)
    qr = _image(_qr_png(payload_for(sheet.doc_id, sha)), 1.7, 1.7, "qr")
    footer = (
        f'<text:p>{qr}Halaman <text:page-number text:select-page="current"/> dari <text:page-count/></text:p>'
        + _p(f"Nomor dokumen: {sheet.doc_id}")
        + _p(f"SHA-256 data: {sha}", "Small")
    )
    automatic = STYLES.replace("</office:automatic-styles>", "".join(styles) + "</office:automatic-styles>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
        f'office:mimetype="application/vnd.oasis.opendocument.text">{automatic}'
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
        f"<style:footer>{footer}</style:footer></style:master-page></office:master-styles>"
        f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document>"
    )
