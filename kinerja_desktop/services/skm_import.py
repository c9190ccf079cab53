"""Typed-in survey responses from CSV/XLSX, the import template, and the results workbook.

One row per respondent: ``U1`` .. ``U9`` (answers 1-4, required) and optional ``tanggal``,
``usia`` (years or a band such as ``25-34``), ``jenis_kelamin`` (L/P), ``pendidikan``,
``pekerjaan``, ``layanan``. Every bad row is reported with its spreadsheet row and column; if
any row is bad nothing is stored unless ``skip_bad``. Rows already imported (the same content
at the same occurrence in a file) are recognised and not stored twice; identical rows inside
one file are kept (two citizens may answer alike) but listed as a warning. Files are read with
the roster reader's safety checks (size, zip bombs, cell budget) and every cell the app writes
goes through :func:`~kinerja_desktop.services.spreadsheet_safety.neutralise_row`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from sqlalchemy import select

from kinerja_desktop.domain import skm
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.roster_io import (  # the roster's safe readers, reused as they are
    RosterProblem,
    _shared_strings,
    _sheet_paths,
    decode_text,
    read_xlsx_rows,
    sniff_delimiter,
)
from kinerja_desktop.services.skm_service import (
    Profile,
    SurveyResults,
    check_answers,
    check_profile,
    new_response,
    open_survey,
    require_admin,
    results_of,
    unit_by_code,
)
from kinerja_desktop.services.spreadsheet_safety import (
    MAX_WORKBOOK_BYTES,
    CellBudget,
    check_workbook_archive,
    megabytes,
    neutralise_row,
    restore_cell,
)
from kinerja_desktop.store.changelog import bulk_insert
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import SkmResponse, SkmSurvey

__all__ = ["COLUMNS", "SkmImportResult", "export_results", "export_survey", "import_responses", "write_template"]

PROFILE_COLUMNS = ("tanggal", "usia", "jenis_kelamin", "pendidikan", "pekerjaan", "layanan")
COLUMNS = (*skm.UNSUR_CODES, *PROFILE_COLUMNS)
_ALIASES = {"jk": "jenis_kelamin", "kelamin": "jenis_kelamin", "sex": "jenis_kelamin", "umur": "usia",
            "jenis_layanan": "layanan", "tanggal_survei": "tanggal", "tgl": "tanggal"}


@dataclass
class SkmImportResult:
    rows_read: int = 0
    imported: int = 0
    duplicates: list[RosterProblem] = field(default_factory=list)
    problems: list[RosterProblem] = field(default_factory=list)
    warnings: list[RosterProblem] = field(default_factory=list)
    dry_run: bool = False
    survey_id: str | None = None

    def summary(self) -> str:
        if self.problems and not self.imported and not self.dry_run:
            return f"Tidak ada yang diimpor: {len(self.problems)} baris salah (lihat di bawah)."
        verb = "akan diimpor" if self.dry_run else "diimpor"
        text = f"{self.imported} tanggapan {verb} dari {self.rows_read} baris"
        if self.duplicates:
            text += f"; {len(self.duplicates)} baris sudah pernah diimpor dan dilewati"
        if self.problems:
            text += f"; {len(self.problems)} baris salah dilewati"
        return text + "."

    def as_dict(self) -> dict[str, Any]:
        return {"rows_read": self.rows_read, "imported": self.imported, "dry_run": self.dry_run,
                "duplicates": [p.as_dict() for p in self.duplicates],
                "problems": [p.as_dict() for p in self.problems],
                "warnings": [p.as_dict() for p in self.warnings], "summary": self.summary()}


# ----------------------------------------------------------------------------- reading


def _key(header: Any) -> str | None:
    if not isinstance(header, str):
        return None
    name = re.sub(r"[^0-9a-z]+", "_", header.casefold()).strip("_")
    if re.fullmatch(r"u[1-9]", name):
        return name.upper()
    name = _ALIASES.get(name, name)
    return name if name in PROFILE_COLUMNS else None


def _rows(path: Path) -> list[tuple[int, list[Any]]]:
    if not path.is_file():
        raise ValidationError(f"Berkas {path} tidak ditemukan.", field="Berkas")
    size = path.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise ValidationError(f"Berkas {path.name} terlalu besar ({megabytes(size)}).", field="Berkas")
    suffix = path.suffix.lower()
    budget = CellBudget(path.name)
    if suffix in (".csv", ".txt"):
        text, _enc = decode_text(path.read_bytes())
        delimiter = sniff_delimiter(text)
        budget.spend(text.count(delimiter) + text.count("\n") + 1)
        return list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1))
    if suffix in (".xlsx", ".xlsm"):
        try:
            with zipfile.ZipFile(path) as z:
                check_workbook_archive(z, path.name, size)
                sheets, ns = _sheet_paths(z)
                shared = _shared_strings(z, ns, budget)
                for _name, member in sheets:
                    rows = read_xlsx_rows(z, member, ns, shared, budget)
                    if any(_key(c) == "U1" for _n, cells in rows[:30] for c in cells):
                        return rows
                return read_xlsx_rows(z, sheets[0][1], ns, shared, budget) if sheets else []
        except (zipfile.BadZipFile, zlib.error, KeyError, ElementTree.ParseError, ValueError, IndexError,
                EOFError, NotImplementedError, RuntimeError, OSError) as exc:
            raise ValidationError(f"Berkas {path.name} bukan berkas XLSX yang dapat dibaca ({exc}).",
                                  field="Berkas") from exc
    raise ValidationError(f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal; gunakan .xlsx atau .csv.",
                          field="Berkas")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(restore_cell(value) if isinstance(value, str) else value).strip()


def _answer(value: Any) -> int | None:
    text = _text(value)
    return int(text) if text in ("1", "2", "3", "4") else None


def _choice(text: str, codes: tuple[tuple[str, str], ...], what: str) -> str | None:
    if not text:
        return None
    folded = text.casefold().replace(" ", "")
    for code, label in codes:
        if folded in (code.casefold(), label.casefold().replace(" ", "")):
            return code
    raise ValueError(f"{what} “{text}” tidak dikenal; pilih {', '.join(c for c, _ in codes)}")


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # an Excel serial date
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = _text(value)
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"tanggal “{text}” tidak dikenal; tulis misalnya 15-03-2026")


def _profile(cells: dict[str, Any]) -> tuple[Profile, date | None]:
    usia = _text(cells.get("usia"))
    band = None
    if usia:
        if usia.isdigit():
            if not 10 <= int(usia) <= 120:
                raise ValueError(f"usia {usia} tidak masuk akal")
            band = skm.age_band(int(usia))
        else:
            band = _choice(usia, skm.AGE_BANDS, "Usia")
    return Profile(
        usia=band,
        jenis_kelamin=_choice(_text(cells.get("jenis_kelamin")), skm.SEX, "Jenis kelamin"),
        pendidikan=_choice(_text(cells.get("pendidikan")), skm.EDUCATION, "Pendidikan"),
        pekerjaan=_choice(_text(cells.get("pekerjaan")), skm.OCCUPATION, "Pekerjaan"),
        layanan=_text(cells.get("layanan")),
    ), _day(cells.get("tanggal"))


def _fingerprint(survey_id: str, content: tuple[Any, ...], occurrence: int) -> str:
    raw = repr((survey_id, content, occurrence)).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def import_responses(db: Database, user: CurrentUser, path: str | Path, unit_code: str, year: int,
                     period: str = "TAHUNAN", *, skip_bad: bool = False, dry_run: bool = False) -> SkmImportResult:
    """Import typed-in responses into the survey of a unit (opened when it does not exist yet)."""
    require_admin(user)
    per = period_of(period)
    rows = _rows(Path(path))
    out = SkmImportResult(dry_run=dry_run)
    header_at = next((i for i, (_n, cells) in enumerate(rows[:30])
                      if {_key(c) for c in cells} >= set(skm.UNSUR_CODES)), None)
    if header_at is None:
        raise ValidationError("Baris judul kolom U1 ... U9 tidak ditemukan; gunakan templat dari "
                              "“kinerja skm template”.", field="Berkas")
    header = rows[header_at][1]
    columns = {k: i for i, c in enumerate(header) if (k := _key(c))}
    survey_id = open_survey(db, user, unit_code, year, per.code) if not dry_run else None
    with db.reader() as s:
        unit = unit_by_code(s, unit_code)
        survey = s.execute(select(SkmSurvey).where(SkmSurvey.unit_id == unit.id, SkmSurvey.year == year,
                                                   SkmSurvey.period == per.code)).scalar()
        services = tuple(survey.services or ()) if survey else ()
        known = set(s.scalars(select(SkmResponse.fingerprint).where(
            SkmResponse.survey_id == survey.id, SkmResponse.fingerprint.is_not(None)))) if survey else set()
    seen: Counter[tuple[Any, ...]] = Counter()
    first_at: dict[tuple[Any, ...], int] = {}
    new: list[dict[str, Any]] = []
    for number, cells in rows[header_at + 1:]:
        if not any(_text(c) for c in cells) or _text(cells[0]).startswith("#"):
            continue
        out.rows_read += 1
        values = {k: cells[i] if i < len(cells) else None for k, i in columns.items()}
        answers: dict[str, Any] = {}
        problem: RosterProblem | None = None
        for code in skm.UNSUR_CODES:
            answers[code] = _answer(values.get(code))
            if answers[code] is None and problem is None:
                problem = RosterProblem(f"jawaban harus 1, 2, 3 atau 4 (tertulis “{_text(values.get(code))}”)",
                                        row=number, field=code)
        try:
            profile, day = _profile(values)
            if problem is None:
                profile = check_profile(profile, services)
                check_answers(answers)
            if day is not None and not per.start(year) <= day <= per.end(year):
                raise ValueError(f"tanggal {day:%d-%m-%Y} di luar periode {per.label} {year}")
        except (ValueError, ValidationError) as exc:
            problem = problem or RosterProblem(str(exc), row=number, field=getattr(exc, "field", None))
        if problem is not None:
            out.problems.append(problem)
            continue
        content = (tuple(answers[c] for c in skm.UNSUR_CODES), day.isoformat() if day else None, profile.usia,
                   profile.jenis_kelamin, profile.pendidikan, profile.pekerjaan, profile.layanan)
        seen[content] += 1
        if seen[content] > 1:
            out.warnings.append(RosterProblem(f"isi sama persis dengan baris {first_at[content]}; periksa apakah "
                                              "tidak diketik dua kali", row=number))
        first_at.setdefault(content, number)
        fp = _fingerprint(survey.id if survey else "", content, seen[content])
        if fp in known:
            out.duplicates.append(RosterProblem("sudah pernah diimpor (baris yang sama pada impor sebelumnya)",
                                                row=number))
            continue
        new.append(new_response(survey_id or "", answers, profile, day, "IMPORT", fp))
    if out.problems and not skip_bad:
        return out
    out.imported = len(new)
    out.survey_id = survey_id
    if dry_run or not new:
        return out
    with db.session(user=user.username, role="ADMIN") as s:
        target = s.get(SkmSurvey, survey_id)
        if target is None or target.status != "OPEN":
            raise ValidationError("Survei ini sudah ditutup; tanggapan baru tidak dapat disimpan.")
        bulk_insert(s, SkmResponse, new, user=user.username, role="ADMIN")
    return out


# ----------------------------------------------------------------------------- writing


_NOTES = (
    "Satu baris untuk satu responden. U1 sampai U9: jawaban 1 (terburuk) sampai 4 (terbaik), wajib.",
    "tanggal (15-03-2026), usia (tahun atau rentang: <25, 25-34, 35-44, 45-54, 55+), jenis_kelamin (L/P), "
    "pendidikan (SD, SMP, SMA, DIPLOMA, S1, S2), pekerjaan (PNS, TNI, POLRI, SWASTA, WIRAUSAHA, PELAJAR, "
    "LAINNYA) dan layanan boleh kosong.",
    "Baris yang diawali # diabaikan. Mengimpor berkas yang sama lagi tidak menggandakan tanggapan.",
)


def write_template(path: str | Path) -> Path:
    """An empty import file (.xlsx or .csv by suffix) with one example row (commented out)."""
    target = Path(path)
    example = ["# 4", 3, 4, 3, 4, 4, 4, 3, 2, "15-03-2026", 37, "P", "SMA", "WIRAUSAHA", ""]
    if target.suffix.lower() == ".csv":
        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow(COLUMNS)
            writer.writerow(neutralise_row(example))
        return target
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Responden"
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.append(neutralise_row(example))
    guide = wb.create_sheet("Petunjuk")
    for u in skm.UNSUR:
        guide.append(neutralise_row([u.code, u.name, u.question, " / ".join(
            f"{i} = {a}" for i, a in enumerate(u.answers, start=1))]))
    guide.append([])
    for line in _NOTES:
        guide.append(neutralise_row([line]))
    wb.save(target)
    return target


def export_survey(db: Database, user: CurrentUser, survey_id: str, path: str | Path) -> Path:
    """Write the results workbook of a survey (admins: it lists every response, voided ones too)."""
    require_admin(user)
    res = results_of(db, survey_id)
    with db.reader() as s:
        rows = [
            {**{c: getattr(r, c.lower()) for c in skm.UNSUR_CODES},
             "tanggal": r.answered_on.strftime("%d-%m-%Y") if r.answered_on else "", "usia": r.usia or "",
             "jenis_kelamin": r.jenis_kelamin or "", "pendidikan": r.pendidikan or "",
             "pekerjaan": r.pekerjaan or "", "layanan": r.layanan, "sumber": r.source,
             "dibatalkan": r.voided, "alasan": r.void_reason}
            for r in s.scalars(select(SkmResponse).where(SkmResponse.survey_id == survey_id,
                                                         SkmResponse.deleted.is_(False))
                               .order_by(SkmResponse.created_at))
        ]
    return export_results(res, rows, path)


def export_results(res: SurveyResults, rows: list[dict[str, Any]], path: str | Path) -> Path:
    """The results workbook: Ringkasan (NRR per unsur, IKM, mutu) and Responden (one row each)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    target = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    sv = res.survey
    bold = Font(bold=True)
    for line in (["Unit", f"{sv.unit_code} {sv.unit_name}"], ["Tahun", sv.year], ["Periode", sv.period.label],
                 ["Responden", res.result.respondents], ["Dibatalkan", res.voided],
                 ["Sampel minimal", sv.required_sample if sv.required_sample is not None else "-"]):
        ws.append(neutralise_row(line))
    ws.append([])
    ws.append(["Unsur", "Nama", "Jumlah nilai", "Responden", "NRR", "NRR tertimbang", "Mutu"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for u in res.result.unsur:
        ws.append(neutralise_row([u.unsur.code, u.unsur.name, u.total, u.respondents, round(float(u.nrr), 4),
                                  round(float(u.weighted), 4), u.mutu.value if u.respondents else "-"]))
    ws.append([])
    ws.append(neutralise_row(["IKM", float(res.ikm) if res.ikm is not None else "-"]))
    ws.append(neutralise_row(["Mutu pelayanan", f"{res.mutu.value} ({res.mutu.label})" if res.mutu else "-"]))
    ws.append(neutralise_row(["Unsur terlemah", res.weakest_text() or "-"]))
    ws.column_dimensions["B"].width = 42
    data = wb.create_sheet("Responden")
    data.append(["No", *COLUMNS, "sumber", "dibatalkan", "alasan"])
    for n, row in enumerate(rows, start=1):
        data.append(neutralise_row([n, *(row.get(c) for c in COLUMNS), row.get("sumber"),
                                    "ya" if row.get("dibatalkan") else "", row.get("alasan") or ""]))
    wb.save(target)
    return target
