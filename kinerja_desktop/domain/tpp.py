"""Tambahan penghasilan pegawai (TPP): the performance share paid for a predikat.

TPP is set per instansi by a regional head's regulation; part of it (commonly 60%) is paid for
performance (*produktivitas kerja*), the rest for discipline (attendance). This module keeps only
the instansi's table as data: the performance share of TPP and, per predikat, the percent of that
share that is paid. Nothing here is a national rule: :data:`DEFAULT_RULE` is an example to be
replaced with the instansi's own regulation (``kinerja tpp aturan``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import Predikat

__all__ = ["DEFAULT_RULE", "TppRule", "parse_rule", "percent_text"]

_ORDER = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG)


def percent_text(value: Decimal) -> str:
    """``Decimal('62.5')`` -> ``'62,5%'``; whole numbers without decimals."""
    q = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    text = f"{q:f}"
    return text.replace(".", ",") + "%"


@dataclass(frozen=True)
class TppRule:
    """The instansi's TPP table.

    Attributes:
        porsi_kinerja: percent of the whole TPP that depends on performance (0-100).
        persen: per predikat, the percent of the performance share that is paid (0-100).
        tanpa_evaluasi: percent paid for a month no final evaluation covers.
        dasar: the regulation it comes from, printed on the recap.
    """

    porsi_kinerja: Decimal
    persen: Mapping[Predikat, Decimal]
    tanpa_evaluasi: Decimal = Decimal(0)
    dasar: str = ""

    def share_for(self, predikat: Predikat | str | None) -> Decimal:
        """Percent of the performance share paid (``tanpa_evaluasi`` when there is no predikat)."""
        return self.tanpa_evaluasi if predikat is None else self.persen[Predikat(predikat)]

    def tpp_percent(self, predikat: Predikat | str | None) -> Decimal:
        """Percent of the whole TPP paid for performance: ``porsi_kinerja x share / 100``."""
        return self.porsi_kinerja * self.share_for(predikat) / 100

    def lines(self) -> list[str]:
        """The rule in Indonesian sentences, as printed on the recap."""
        out = [f"Porsi kinerja: {percent_text(self.porsi_kinerja)} dari TPP (sisanya porsi disiplin, tidak dihitung "
               "di sini)."]
        out += [f"{p.label}: dibayar {percent_text(self.persen[p])} dari porsi kinerja = "
                f"{percent_text(self.tpp_percent(p))} dari TPP." for p in _ORDER]
        out.append(f"Bulan tanpa evaluasi final: {percent_text(self.tanpa_evaluasi)} dari porsi kinerja.")
        return out

    def to_json(self) -> dict[str, Any]:
        return {"porsi_kinerja": str(self.porsi_kinerja), "persen": {p.value: str(self.persen[p]) for p in _ORDER},
                "tanpa_evaluasi": str(self.tanpa_evaluasi), "dasar": self.dasar}


def _percent(value: Any, what: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", ".").rstrip("%"))
    except (InvalidOperation, ValueError):
        raise ValidationError(f"{what}: '{value}' bukan angka persen.", field=what) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise ValidationError(f"{what} harus antara 0 dan 100 persen, tertulis {value}.", field=what)
    return number


def parse_rule(data: Mapping[str, Any] | str | None) -> TppRule:
    """A rule from its stored form; missing keys take :data:`DEFAULT_RULE`'s values."""
    if isinstance(data, str):  # typed with `kinerja pengaturan --set`
        import json

        try:
            data = json.loads(data)
        except ValueError:
            raise ValidationError("Aturan TPP harus berupa JSON.", field="tpp.aturan") from None
    if not data:
        return DEFAULT_RULE
    if not isinstance(data, Mapping):
        raise ValidationError("Aturan TPP tidak sah.", field="tpp.aturan")
    persen_in = data.get("persen") or {}
    if not isinstance(persen_in, Mapping):
        raise ValidationError("Tabel persen per predikat tidak sah.", field="persen")
    unknown = [k for k in persen_in if k not in Predikat.__members__]
    if unknown:
        raise ValidationError(f"Predikat tidak dikenal: {', '.join(map(str, unknown))}.", field="persen")
    persen = {p: _percent(persen_in.get(p.value, DEFAULT_RULE.persen[p]), f"Persen {p.label}") for p in _ORDER}
    return TppRule(
        porsi_kinerja=_percent(data.get("porsi_kinerja", DEFAULT_RULE.porsi_kinerja), "Porsi kinerja"),
        persen=MappingProxyType(persen),
        tanpa_evaluasi=_percent(data.get("tanpa_evaluasi", DEFAULT_RULE.tanpa_evaluasi), "Tanpa evaluasi"),
        dasar=str(data.get("dasar") or "").strip()[:300],
    )


DEFAULT_RULE = TppRule(
    porsi_kinerja=Decimal(60),
    persen=MappingProxyType({
        Predikat.SANGAT_BAIK: Decimal(100), Predikat.BAIK: Decimal(100), Predikat.BUTUH_PERBAIKAN: Decimal(80),
        Predikat.KURANG: Decimal(60), Predikat.SANGAT_KURANG: Decimal(40),
    }),
    tanpa_evaluasi=Decimal(0),
    dasar="Contoh bawaan aplikasi; ganti dengan Peraturan Kepala Daerah tentang TPP instansi",
)
"""Example values only (not a regulation): replace with the instansi's own table."""
