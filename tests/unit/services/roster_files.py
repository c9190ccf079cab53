"""Helpers that write small roster files (CSV and XLSX) for the roster import tests."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from kinerja_desktop.services.roster_io import EMPLOYEE_KEYS


def nip(i: int, sex: int = 1) -> str:
    """A valid, distinct PNS NIP for every i >= 0."""
    born = date(1970, 1, 1) + timedelta(days=i // 999)
    return f"{born:%Y%m%d}199503{sex}{i % 999 + 1:03d}"


PPPK_NIP = "199105252023211031"

#: A small office: Dinas (under Pemda) with one Bidang; kadis -> kabid -> two staff.
UNITS = [
    {"kode_unit": "PEMDA", "nama_unit": "Pemerintah Kabupaten Contoh", "kode_unit_induk": ""},
    {"kode_unit": "DINAS", "nama_unit": "Dinas Komunikasi dan Informatika", "kode_unit_induk": "PEMDA"},
    {"kode_unit": "BID", "nama_unit": "Bidang Aplikasi", "kode_unit_induk": "DINAS"},
]
PEOPLE = [
    {"nip": nip(1), "nama": "Agus Kadis, S.T.", "jenis_asn": "PNS", "golongan": "IV/c", "jabatan": "Kepala Dinas",
     "jenis_jabatan": "JPT_PRATAMA", "kode_unit": "DINAS", "nip_penilai": ""},
    {"nip": nip(2), "nama": "Budi Kabid", "jenis_asn": "PNS", "golongan": "IV/a", "jabatan": "Kepala Bidang",
     "jenis_jabatan": "ADMINISTRATOR", "kode_unit": "BID", "nip_penilai": nip(1)},
    {"nip": nip(3, 2), "nama": "Citra Staf", "jenis_asn": "PNS", "golongan": "Penata Muda", "jabatan": "Pranata "
     "Komputer Ahli Pertama", "jenis_jabatan": "FUNGSIONAL", "jenjang": "AHLI_PERTAMA", "kode_unit": "BID",
     "nip_penilai": nip(2)},
    {"nip": PPPK_NIP, "nama": "Dodi PPPK", "jenis_asn": "PPPK", "golongan": "IX", "jabatan": "Pengolah Data",
     "jenis_jabatan": "PELAKSANA", "kode_unit": "BID", "nip_penilai": nip(2)},
]


def rows_of(dicts: list[dict[str, Any]], keys: tuple[str, ...] = EMPLOYEE_KEYS) -> list[list[Any]]:
    return [[d.get(k, "") for k in keys] for d in dicts]


def office_rows() -> list[dict[str, Any]]:
    """Unit rows then people rows, as one combined CSV table."""
    return [dict(u) for u in UNITS] + [dict(p) for p in PEOPLE]


def write_csv(path: Path, dicts: list[dict[str, Any]], *, keys: tuple[str, ...] = EMPLOYEE_KEYS,
              delimiter: str = ";", encoding: str = "utf-8", blank_lines_after: tuple[int, ...] = ()) -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(keys)
        for n, row in enumerate(rows_of(dicts, keys), start=1):
            writer.writerow(row)
            if n in blank_lines_after:
                fh.write("\r\n")
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def patch_sheet_xml(path: Path, member: str, pattern: str, replacement: str) -> None:
    """Rewrite one sheet's XML inside an XLSX (to add cached formula values openpyxl cannot write)."""
    with zipfile.ZipFile(path) as z:
        items = {name: z.read(name) for name in z.namelist()}
    xml = items[member].decode()
    new, count = re.subn(pattern, replacement, xml)
    assert count, f"pattern not found in {member}"
    items[member] = new.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)


def handmade_xlsx(path: Path, shared: list[str], sheet_rows: str) -> Path:
    """A minimal workbook as Excel writes it: shared strings, one sheet called Pegawai."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="{len(shared)}" '
            f'uniqueCount="{len(shared)}">' + "".join(shared) + "</sst>"),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>{sheet_rows}</sheetData>'
            '</worksheet>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path
