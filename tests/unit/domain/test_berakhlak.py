"""The seven BerAKHLAK core values."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.berakhlak import BERAKHLAK, by_code
from kinerja_desktop.domain.errors import NotFound


def test_seven_values_with_three_panduan_each() -> None:
    assert [v.name for v in BERAKHLAK] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(v.panduan) == 3 and all(v.panduan) for v in BERAKHLAK)
    assert BERAKHLAK[0].panduan[0] == "Memahami dan memenuhi kebutuhan masyarakat"


@pytest.mark.parametrize("code", ["BERORIENTASI_PELAYANAN", "berorientasi pelayanan", " Berorientasi_Pelayanan "])
def test_by_code_is_tolerant(code: str) -> None:
    assert by_code(code) is BERAKHLAK[0]


def test_by_code_unknown() -> None:
    with pytest.raises(NotFound, match="tidak dikenal"):
        by_code("JUJUR")
