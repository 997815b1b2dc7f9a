"""Helpers shared by rule modules: exact values of table cells, row labels, slip hints."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import pandas as pd

from lkj_audit import numfmt, recompute

BUDGET_LEVELS = ("program", "kegiatan", "ro")


def val(row: Any, column: str) -> Fraction | None:
    """Exact value of ``row[column]`` using its ``<column>_dec`` printed decimals if present."""
    dec = getattr(row, f"{column}_dec", 0)
    return recompute.exact(getattr(row, column), int(dec) if dec == dec else 0)


def label(row: Any) -> str:
    """How a finding names a table row: its code, else its name (shortened)."""
    kode = getattr(row, "kode", None)
    if isinstance(kode, str) and kode:
        return kode
    for attr in ("uraian", "indikator", "wilayah", "nama"):
        text = getattr(row, attr, None)
        if isinstance(text, str) and text:
            return text if len(text) <= 60 else text[:57] + "…"
    return f"baris {getattr(row, 'line', '?')}"


def footing_slip_hint(
    parts: Sequence[tuple[str, int, str]],
    total: tuple[str, int, str],
    delta_sum: int,
    fits_percent: Callable[[int, int], bool] | None = None,
) -> str:
    """Sentence naming single-slip corrections that would make parts add up to the total.

    ``parts`` and ``total`` are ``(label, printed integer value, printed text)``; ``delta_sum``
    is printed total − Σ parts. ``fits_percent(index, candidate)`` says whether a candidate for
    part ``index`` (``-1`` = the total) also agrees with that row's printed %: when exactly one
    candidate fits both the sum and its %, only that one is named (R-X01). Lists at most three
    candidates; '' when there are none or more.
    """
    cands: list[tuple[bool, str]] = []
    targets = [(i, p, p[1] + delta_sum) for i, p in enumerate(parts)]
    targets.append((-1, total, total[1] - delta_sum))
    for i, (name, value, raw), wanted in targets:
        slip = recompute.slip_to(value, wanted)
        if slip:
            fits = bool(fits_percent and fits_percent(i, slip.candidate))
            text = f"{name} {numfmt.rupiah(slip.candidate, like=raw)} (tertulis {raw})"
            cands.append((fits, text + (", yang juga cocok dengan persentase tercetak" if fits else "")))
    both = [text for fits, text in cands if fits]
    if len(both) == 1:
        return f" Kemungkinan salah ketik: {both[0]}."
    if not cands or len(cands) > 3:
        return ""
    return " Kemungkinan salah ketik: " + "; atau ".join(text for _, text in cands) + "."


def program_members(budget: pd.DataFrame, program: str) -> pd.DataFrame:
    """The rows a program is the sum of.

    Its kegiatan rows, and the RO rows of any kegiatan printed without a row of its own.
    """
    members = budget[(budget.program == program) & budget.level.isin(["kegiatan", "ro"])]
    with_row = set(members[members.level == "kegiatan"].kegiatan.dropna())
    return members[(members.level == "kegiatan") | ~members.kegiatan.isin(with_row)]


def top_level(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows at the highest budget level present (what a Jumlah row below them adds up)."""
    for level in BUDGET_LEVELS:
        found = rows[rows.level == level]
        if not found.empty:
            return found
    return rows.iloc[0:0]
