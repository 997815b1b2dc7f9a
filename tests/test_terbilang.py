"""Indonesian number words (load/terbilang.py): parsing and digits-vs-words pairs."""

from __future__ import annotations

import pytest

from lkj_audit.load.terbilang import number_pairs, parse_words


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("enam", 6),
        ("empat belas", 14),
        ("sebelas", 11),
        ("sepuluh", 10),
        ("seratus dua puluh", 120),
        ("duapuluh satu", 21),
        ("seribu", 1000),
        ("dua ribu dua puluh empat", 2024),
        ("satu juta lima ratus ribu rupiah", 1_500_000),
        ("Lima", 5),
    ],
)
def test_parse_words(words: str, value: int) -> None:
    assert parse_words(words) == value


@pytest.mark.parametrize("words", ["orang", "dua tiga", "se", "", "ribu juta", "belas"])
def test_not_number_words(words: str) -> None:
    assert parse_words(words) is None


def test_number_pairs_both_orders() -> None:
    text = "oleh 14 (empat belas) orang, 6 (tujuh) misi, selama lima (5) tahun, ayat (1)."
    pairs = [(p.digits, p.words, p.agrees) for p in number_pairs(text)]
    assert pairs == [(14, 14, True), (6, 7, False), (5, 5, True)]


def test_amount_with_terbilang() -> None:
    (pair,) = number_pairs("Rp 1.500.000,- (satu juta lima ratus ribu rupiah)")
    assert pair.digits == pair.words == 1_500_000
