from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkj_audit import numfmt, recompute
from lkj_audit.load.numbers import first_amount, first_percent, parse_amount, parse_volume


@pytest.mark.parametrize(
    ("raw", "value", "flags"),
    [
        ("1.234.567", 1234567, set()),
        ("1,234,567", 1234567, set()),
        ("112,500,108.073", 112500108073, {"mixed_separators"}),
        ("125.959.537.000,-", 125959537000, set()),
        ("Rp 84.612.390.000,00", 84612390000, set()),
        ("0", 0, set()),
        ("1.234.567,89", Fraction(123456789, 100), set()),
        ("1,234,567.89", Fraction(123456789, 100), set()),
    ],
)
def test_parse_amount(raw: str, value: Fraction, flags: set[str]) -> None:
    n = parse_amount(raw)
    assert n is not None and n.value == value and set(n.flags) == flags and n.raw == raw


def test_amount_and_percent_in_one_cell() -> None:
    cell = "65.638.803.120 (99.69%)"
    assert first_amount(cell).value == 65638803120
    pct = first_percent(cell)
    assert pct.value == Fraction(9969, 100) and pct.decimals == 2 and pct.raw == "(99.69%)"
    assert first_percent("(97,82%)").value == Fraction(9782, 100)


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("1.0 Laporan", 1, "Laporan"),
        ("1.0 Lembaga 1.0 Dembaga", 1, "Lembaga"),  # OCR layer repeated: first reading wins
        ("97,5%", Fraction(975, 10), "%"),
        ("12 Laporan", 12, "Laporan"),
    ],
)
def test_parse_volume(raw: str, number: Fraction, unit: str) -> None:
    v = parse_volume(raw)
    assert v is not None and v.number.value == number and v.unit == unit


def test_qualitative_and_empty_volume() -> None:
    assert parse_volume("WTP").number is None
    assert parse_volume("-") is None


def test_agrees_accepts_rounding_and_truncation_only() -> None:
    # 2/3 = 66.666…%: "66,67%" (rounded) and "66,66%" (truncated) agree; "66,65%" does not.
    c = Fraction(200, 3)
    assert recompute.agrees(Fraction(6667, 100), 2, c)
    assert recompute.agrees(Fraction(6666, 100), 2, c)
    assert not recompute.agrees(Fraction(6665, 100), 2, c)
    assert not recompute.agrees(Fraction(6668, 100), 2, c)
    assert recompute.agrees(Fraction(100), 0, Fraction(9951, 100))


def test_capaian_polarity() -> None:
    # DOMAIN.md §2.1 worked examples: 6,5 vs target 7 -> 107,14%; 9 vs 8 -> 87,5%
    assert recompute.capaian(Fraction(7), Fraction(13, 2), "negative") == Fraction(750, 7)
    assert recompute.capaian(Fraction(8), Fraction(9), "negative") == Fraction(175, 2)
    assert recompute.capaian(Fraction(0), Fraction(1)) is None


def test_slip_to_finds_digit_swap_and_scale() -> None:
    assert recompute.slip_to(112500108073, 122500108073).kind == "digit"
    assert recompute.slip_to(18337257000, 18337257).kind == "scale"
    assert recompute.slip_to(1234, 1324).kind == "swap"
    assert recompute.slip_to(1234, 4321) is None


@given(st.integers(min_value=0, max_value=10**13))
def test_rupiah_roundtrip(value: int) -> None:
    for like in (None, "1,234,567"):
        assert parse_amount(numfmt.rupiah(value, like=like)).value == value


@given(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=30))
def test_parts_sum_to_total(parts: list[int]) -> None:
    # The total is computed here with plain int arithmetic, not by column_sum.
    fr = [Fraction(p) for p in parts]
    total = Fraction(sum(parts))
    assert recompute.column_sum(fr) == total
    assert recompute.sums_agree(total, fr, [0] * (len(fr) + 1))
    assert not recompute.sums_agree(total + 1, fr, [0] * (len(fr) + 1))
    assert not recompute.sums_agree(total - 1, fr, [0] * (len(fr) + 1))


@pytest.mark.parametrize(
    ("total", "parts", "decimals", "agrees"),
    [
        # Integer rupiah: exact, one rupiah off is a discrepancy.
        ("1.500.000", ["1.000.000", "500.000"], [0, 0, 0], True),
        ("1.500.001", ["1.000.000", "500.000"], [0, 0, 0], False),
        # 2 decimals: each of the 4 figures may be off by half a cent, so 2 cents in all.
        ("10,01", ["3,34", "3,33", "3,33"], [2, 2, 2, 2], True),
        ("10,02", ["3,34", "3,33", "3,33"], [2, 2, 2, 2], True),
        ("10,03", ["3,34", "3,33", "3,33"], [2, 2, 2, 2], False),
        # Shares printed with one decimal adding to 100,1%: within the rounding of 100,0.
        ("100,0", ["33,4", "33,4", "33,3"], [1, 1, 1, 1], True),
        ("100,0", ["33,5", "33,5", "33,5"], [1, 1, 1, 1], False),
        # Figures "dalam ribuan rupiah" (decimals -3): each is exact to ±500 rupiah (±1.500).
        ("3.000.000", ["1.000.000", "2.001.000"], [-3, -3, -3], True),
        ("3.000.000", ["1.000.000", "2.002.000"], [-3, -3, -3], False),
    ],
)
def test_sums_agree_on_printed_figures(
    total: str, parts: list[str], decimals: list[int], agrees: bool
) -> None:
    def value(raw: str) -> Fraction:
        n = parse_amount(raw) if "," not in raw else None
        return n.value if n is not None else Fraction(raw.replace(",", "."))

    assert recompute.sums_agree(value(total), [value(p) for p in parts], decimals) is agrees


def test_a_missing_part_is_not_summed_as_zero() -> None:
    # The budget rules leave a total unchecked when a part is missing and the printed parts
    # do not already exceed it (the missing part may be the difference; ANG006 reports it).
    assert recompute.exact(None) is None and recompute.exact(float("nan")) is None
    values = [recompute.exact(v) for v in (1_000_000.0, None, 300_000.0)]
    assert None in values
    present = [v for v in values if v is not None]
    assert recompute.column_sum(present) == 1_300_000
    assert not recompute.sums_agree(Fraction(1_500_000), present, [0] * 4)


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=0, max_value=10**12))
def test_printed_percentage_of_exact_value_always_agrees(pagu: int, real: int) -> None:
    computed = Fraction(real * 100, pagu)
    for decimals in (0, 1, 2):
        printed = Fraction(round(computed * 10**decimals), 10**decimals)
        assert recompute.agrees(printed, decimals, computed)
        truncated = Fraction(int(computed * 10**decimals), 10**decimals)
        assert recompute.agrees(truncated, decimals, computed)


@given(
    st.fractions(min_value=Fraction(-(10**15)), max_value=Fraction(10**15), max_denominator=10**6),
    st.integers(min_value=0, max_value=4),
)
def test_indonesian_figures_are_what_babel_prints_for_id_id(value: Fraction, decimals: int) -> None:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    rounded = numfmt._decimal(value, decimals)
    assert numfmt._indonesian(value, decimals) == format_decimal(
        rounded, format=pattern, locale="id_ID"
    )
