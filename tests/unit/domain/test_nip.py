"""NIP (PNS) / NI PPPK parsing and penilai identifiers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import (
    IdentifierKind,
    NipError,
    format_nip,
    is_valid_nip,
    normalize_nip,
    parse_nip,
    parse_penilai_identifier,
)

TODAY = date(2026, 1, 1)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reason(text: str) -> NipError:
    with pytest.raises(NipError) as info:
        parse_nip(text, today=TODAY)
    return info.value


# --- examples ---------------------------------------------------------------------------


def test_reference_pns_example() -> None:
    """196608011988031001: born 1966-08-01, CPNS 1988-03, male, sequence 001."""
    info = parse_nip("196608011988031001", today=TODAY)
    assert info.kind == "PNS"
    assert info.birth_date == date(1966, 8, 1)
    assert (info.tmt_year, info.tmt_month, info.pppk_code) == (1988, 3, None)
    assert (info.sex, info.sequence, info.warnings) == ("L", 1, ())


def test_written_form_with_spaces_is_accepted() -> None:
    assert parse_nip("19660801 198803 1 001", today=TODAY).nip == "196608011988031001"
    assert normalize_nip(" 19660801 198803 1 001 ") == "196608011988031001"
    assert format_nip("196608011988031001") == "19660801 198803 1 001"
    assert parse_nip("196608011988031001", today=TODAY).formatted == "19660801 198803 1 001"


@pytest.mark.parametrize(
    ("nip", "code", "sex", "seq"),
    [("199105252023211031", "21", "L", 31), ("199009132025242014", "24", "P", 14)],
)
def test_pppk_examples(nip: str, code: str, sex: str, seq: int) -> None:
    """NI PPPK digits 13-14 are a code, not a month (21; 24 = paruh waktu)."""
    info = parse_nip(nip, today=TODAY)
    assert (info.kind, info.pppk_code, info.tmt_month, info.sex, info.sequence) == ("PPPK", code, None, sex, seq)
    assert info.tmt_year == int(nip[8:12])


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("", "nip.empty", "NIP kosong"),
        ("19660801198803100", "nip.length", "NIP harus 18 digit angka (tertulis 17 digit)"),
        ("1966080119880310011", "nip.length", "NIP harus 18 digit angka (tertulis 19 digit)"),
        ("196608011988033001", "nip.sex", "Digit ke-15 (jenis kelamin) harus 1 atau 2, tertulis 3"),
        ("198613322015051001", "nip.birth_date", "Tanggal lahir 1986-13-32 pada digit 1-8 bukan tanggal yang sah"),
        ("196608011988031000", "nip.sequence", "Nomor urut (digit 16-18) tidak boleh 000"),
        ("19660801198803100A", "nip.chars", "NIP hanya boleh berisi angka; ditemukan 'A' pada posisi ke-18"),
        ("19850229201001 1001", "nip.birth_date", "Tanggal lahir 1985-02-29 pada digit 1-8 bukan tanggal yang sah"),
        (
            "209001012110011001",
            "nip.birth_future",
            "Tanggal lahir 2090-01-01 pada digit 1-8 berada di masa depan",
        ),
        (
            "198001012000001001",
            "nip.code",
            "Digit 13-14 harus bulan TMT CPNS (01-12) untuk PNS atau kode PPPK (di atas 12), tertulis 00",
        ),
        (
            "198608011985031001",
            "nip.tmt_before_birth",
            "TMT CPNS 1985-03 pada digit 9-14 tidak boleh sebelum tanggal lahir 1986-08-01",
        ),
        (
            "199105251990211031",
            "nip.tmt_before_birth",
            "Tahun pengangkatan PPPK 1990 pada digit 9-12 tidak boleh sebelum atau sama dengan tahun lahir 1991",
        ),
        ("18991231192001 1001", "nip.birth_date", "tidak masuk akal"),
    ],
)
def test_invalid_numbers_give_precise_reasons(text: str, code: str, message: str) -> None:
    err = reason(text)
    assert err.code == code
    assert message in str(err)
    assert err.field == "NIP"


def test_tmt_before_birth_month_is_an_error() -> None:
    """A TMT in the birth month is rejected; a later month passes (with the under-18 warning)."""
    assert reason("198608011986081001").code == "nip.tmt_before_birth"
    assert parse_nip("198608011986091001", today=TODAY).warnings


def test_leap_day_birth_is_valid() -> None:
    assert parse_nip("198402292010011001", today=TODAY).birth_date == date(1984, 2, 29)


def test_several_bad_characters_are_all_named() -> None:
    assert str(reason("1966O8O1-1988031001")) == (
        "NIP hanya boleh berisi angka; ditemukan 'O' pada posisi ke-5, 'O' pada posisi ke-7, '-' pada posisi ke-9"
    )
    assert "dan 2 karakter lain" in str(reason("abcde"))


def test_under_18_at_tmt_is_a_warning_not_an_error() -> None:
    info = parse_nip("200001012015011001", today=TODAY)
    assert len(info.warnings) == 1
    assert "belum berusia 18 tahun" in info.warnings[0]
    assert parse_nip("200001012018011001", today=TODAY).warnings == ()  # exactly 18 on 2018-01-01


def test_future_tmt_is_a_warning() -> None:
    info = parse_nip("199001012026031001", today=TODAY)
    assert any("masa depan" in w for w in info.warnings)


def test_is_valid_nip() -> None:
    assert is_valid_nip("196608011988031001", today=TODAY)
    assert not is_valid_nip("196608011988033001", today=TODAY)


def test_default_today_is_used() -> None:
    assert parse_nip("196608011988031001").sequence == 1


# --- penilai identifiers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("", IdentifierKind.NONE, ""),
        ("   ", IdentifierKind.NONE, ""),
        (None, IdentifierKind.NONE, ""),
        ("19660801 198803 1 001", IdentifierKind.NIP, "196608011988031001"),
        ("199105252023211031", IdentifierKind.NIP_PPPK, "199105252023211031"),
        ("010203040", IdentifierKind.NIP_LAMA, "010203040"),
        ("11960012340776", IdentifierKind.NRP, "11960012340776"),
        ("31385/P", IdentifierKind.NRP, "31385/P"),
        ("Kol.123-45", IdentifierKind.NRP, "Kol.123-45"),
        ("12345", IdentifierKind.NRP, "12345"),
    ],
)
def test_penilai_identifier_kinds(text: str | None, kind: IdentifierKind, value: str) -> None:
    info = parse_penilai_identifier(text, today=TODAY)
    assert (info.kind, info.value) == (kind, value)
    assert (info.nip is not None) == (kind in (IdentifierKind.NIP, IdentifierKind.NIP_PPPK))
    assert info.kind.label


@pytest.mark.parametrize("text", ["1234", "A" * 21, "12#45", "nama@instansi", "ÄÖÜ12345"])
def test_penilai_identifier_rejects_garbage(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_penilai_identifier(text, today=TODAY)
    assert "NRP" in str(info.value)


def test_penilai_identifier_with_invalid_18_digits_reports_the_nip_error() -> None:
    """An 18-digit typo is reported as an NIP error, not silently taken as an NRP."""
    with pytest.raises(NipError, match="jenis kelamin"):
        parse_penilai_identifier("196608011988033001", today=TODAY)


# --- properties -------------------------------------------------------------------------


@st.composite
def valid_pns(draw: st.DrawFn) -> tuple[str, date, int, int, str, int]:
    born = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2000, 12, 31)))
    tmt = draw(st.dates(min_value=born.replace(day=1) + timedelta(days=40), max_value=TODAY))
    sex = draw(st.sampled_from("12"))
    seq = draw(st.integers(1, 999))
    nip = f"{born:%Y%m%d}{tmt.year:04d}{tmt.month:02d}{sex}{seq:03d}"
    return nip, born, tmt.year, tmt.month, sex, seq


@st.composite
def valid_pppk(draw: st.DrawFn) -> tuple[str, date, int, str, str, int]:
    born = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2005, 12, 31)))
    year = draw(st.integers(born.year + 1, TODAY.year))
    code = f"{draw(st.integers(13, 99)):02d}"
    sex = draw(st.sampled_from("12"))
    seq = draw(st.integers(1, 999))
    return f"{born:%Y%m%d}{year:04d}{code}{sex}{seq:03d}", born, year, code, sex, seq


@FAST
@given(valid_pns())
def test_generated_pns_round_trips(case: tuple[str, date, int, int, str, int]) -> None:
    nip, born, year, month, sex, seq = case
    info = parse_nip(format_nip(nip), today=TODAY)
    assert (info.nip, info.kind, info.birth_date, info.tmt_year, info.tmt_month) == (nip, "PNS", born, year, month)
    assert (info.sex, info.sequence, info.pppk_code) == ({"1": "L", "2": "P"}[sex], seq, None)


@FAST
@given(valid_pppk())
def test_generated_pppk_round_trips(case: tuple[str, date, int, str, str, int]) -> None:
    nip, born, year, code, sex, seq = case
    info = parse_nip(nip, today=TODAY)
    assert (info.kind, info.birth_date, info.tmt_year, info.pppk_code, info.tmt_month) == (
        "PPPK",
        born,
        year,
        code,
        None,
    )
    assert (info.sex, info.sequence) == ({"1": "L", "2": "P"}[sex], seq)


def _is_calendar_date(digits: str) -> bool:
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return True


@FAST
@given(valid_pns(), st.integers(0, 7), st.sampled_from("0123456789"))
def test_birth_date_corruption_is_reported_on_digits_1_to_8(
    case: tuple[str, date, int, int, str, int], pos: int, digit: str
) -> None:
    nip = case[0]
    corrupted = nip[:pos] + digit + nip[pos + 1 :]
    if not _is_calendar_date(corrupted[:8]):
        err = reason(corrupted)
        assert err.code == "nip.birth_date"
        assert "pada digit 1-8 bukan tanggal yang sah" in str(err)
        return
    try:
        info = parse_nip(corrupted, today=TODAY)
    except NipError as err:
        # A real but implausible date: too old, in the future, or after the TMT.
        assert err.code in {"nip.birth_date", "nip.birth_future", "nip.tmt_before_birth"}
    else:
        assert f"{info.birth_date:%Y%m%d}" == corrupted[:8]


@FAST
@given(valid_pns(), st.sampled_from("03456789"))
def test_sex_corruption_names_digit_15(case: tuple[str, date, int, int, str, int], digit: str) -> None:
    nip = case[0]
    err = reason(nip[:14] + digit + nip[15:])
    assert err.code == "nip.sex"
    assert str(err) == f"Digit ke-15 (jenis kelamin) harus 1 atau 2, tertulis {digit}"


@FAST
@given(valid_pns(), st.integers(15, 17), st.sampled_from("0123456789"))
def test_sequence_corruption(case: tuple[str, date, int, int, str, int], pos: int, digit: str) -> None:
    nip = case[0]
    corrupted = nip[:pos] + digit + nip[pos + 1 :]
    if corrupted[15:] == "000":
        assert reason(corrupted).code == "nip.sequence"
    else:
        assert parse_nip(corrupted, today=TODAY).sequence == int(corrupted[15:])


@FAST
@given(valid_pns(), st.integers(0, 17))
def test_dropped_digit_reports_length(case: tuple[str, date, int, int, str, int], pos: int) -> None:
    nip = case[0]
    assert str(reason(nip[:pos] + nip[pos + 1 :])) == "NIP harus 18 digit angka (tertulis 17 digit)"


@FAST
@given(valid_pns(), st.integers(0, 17), st.sampled_from("aZ-./,O"))
def test_non_digit_names_its_position(case: tuple[str, date, int, int, str, int], pos: int, char: str) -> None:
    nip = case[0]
    err = reason(nip[:pos] + char + nip[pos + 1 :])
    assert err.code == "nip.chars"
    assert f"'{char}' pada posisi ke-{pos + 1}" in str(err)


@FAST
@given(st.one_of(st.text(max_size=30), st.text(alphabet="0123456789 ", max_size=24), st.from_regex(r"\d{18}")))
def test_random_input_never_crashes(text: str) -> None:
    try:
        info = parse_nip(text, today=TODAY)
    except NipError as err:
        assert str(err)
    else:
        assert len(info.nip) == 18


@pytest.mark.parametrize("code", ["13", "19", "20", "30", "99"])
def test_pppk_code_outside_21_to_29_is_accepted_with_a_warning(code: str) -> None:
    """Digits 13-14 outside 21-29 ("2" + contract count, as open-source validators read them) parse as PPPK but
    warn that a PNS TMT month may have been mistyped."""
    info = parse_nip(f"199105252023{code}1031", today=TODAY)
    assert (info.kind, info.pppk_code) == ("PPPK", code)
    assert any(w.startswith(f"Digit 13-14 tertulis {code}: bukan bulan TMT CPNS") and "salah ketik" in w
               for w in info.warnings)


@pytest.mark.parametrize("code", ["21", "24", "29"])
def test_pppk_code_21_to_29_gives_no_warning(code: str) -> None:
    assert parse_nip(f"199105252023{code}1031", today=TODAY).warnings == ()
