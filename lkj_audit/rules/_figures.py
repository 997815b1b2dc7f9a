"""Figures shared by cross-table and narrative rules: capaian, serapan, RO names.

Capaian per indicator, per sasaran and overall (printed and recomputed), budget serapan
figures, and RO names normalised for fuzzy comparison.

Aggregation follows DOMAIN.md §2.1: sasaran capaian = mean of its indicators; overall = mean
of the sasaran (and, as printed by some reports, the mean of all indicators). "Recomputed"
uses realisasi/target by polarity and falls back to the printed capaian where it cannot be
recomputed (no realisasi, qualitative target): a printed 0% with realisasi "-" counts as 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pandas as pd

from lkj_audit import recompute
from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.load.schema import table_rows
from lkj_audit.rules.common import val

_PUNCT = re.compile(r"[^a-z0-9]+")


def ro_name(text: str) -> str:
    """An RO/indicator name without its code, brackets, numbering or punctuation (lower case)."""
    text = RO_CODE_RE.sub(" ", text or "")
    text = re.sub(r"^\s*\d{4}\b", " ", text)  # a kegiatan code in front of the name
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def capaian_rows(ctx: Any) -> pd.DataFrame:
    """Capaian rows of Bab III (a summary table in the Ikhtisar repeats them), else all rows."""
    cap: pd.DataFrame = ctx.tables.capaian

    def in_bab3(table_id: str) -> bool:
        raw = ctx.tables.raw_table(table_id)
        return raw is not None and raw.section is not None and raw.section.chapter.key == "bab3"

    mask = cap.table.map(in_bab3).astype(bool)
    return cap[mask] if mask.any() else cap


def printed_capaian(row: Any) -> Fraction | None:
    """The capaian as printed (percent)."""
    return val(row, "capaian")


def recomputed_capaian(row: Any) -> Fraction | None:
    """Realisasi/target by polarity; the printed figure where that cannot be computed."""
    target, real = val(row, "target"), val(row, "realisasi")
    if target is not None and real is not None and target != 0:
        return recompute.capaian(target, real, row.polarity)
    return printed_capaian(row)


def sasaran_key(row: Any) -> str:
    """Which sasaran an indicator belongs to: its number, else its name, else its table."""
    no = row.sasaran_no
    if no == no and no is not None:
        return f"sasaran {int(no)}"
    text = getattr(row, "sasaran", None)  # a sasaran cell or group row names it
    return f"sasaran {text[:80]}" if isinstance(text, str) and text else f"tabel {row.table}"


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


@dataclass(frozen=True, slots=True)
class Aggregate:
    """One aggregate capaian figure with how it was obtained (shown to the auditor)."""

    value: Fraction
    method: str


def sasaran_means(df: pd.DataFrame, recomputed: bool = True) -> dict[str, Fraction]:
    """Mean capaian of each sasaran (insertion order = reading order)."""
    fn = recomputed_capaian if recomputed else printed_capaian
    groups: dict[str, list[Fraction]] = {}
    for row in df.itertuples():
        value = fn(row)
        groups.setdefault(sasaran_key(row), [])
        if value is not None:
            groups[sasaran_key(row)].append(value)
    return {k: m for k, v in groups.items() if (m := _mean(v)) is not None}


def overall(df: pd.DataFrame) -> list[Aggregate]:
    """Overall capaian figures a report may quote, each with its method (printed, recomputed)."""
    out: list[Aggregate] = []
    for recomputed, how in ((True, "dihitung ulang"), (False, "tercetak")):
        fn = recomputed_capaian if recomputed else printed_capaian
        values = [v for r in df.itertuples() if (v := fn(r)) is not None]
        if (m := _mean(values)) is not None:
            out.append(Aggregate(m, f"rata-rata {len(values)} indikator, {how}"))
        means = list(sasaran_means(df, recomputed).values())
        if len(means) > 1 and (m := _mean(means)) is not None:
            out.append(Aggregate(m, f"rata-rata {len(means)} sasaran, {how}"))
    return out


def capaian_figures(df: pd.DataFrame) -> Iterator[Aggregate]:
    """Every capaian figure of the tables: per indicator, per sasaran and overall."""
    for row in table_rows(df):
        for value, how in (
            (printed_capaian(row), "tercetak"),
            (recomputed_capaian(row), "dihitung ulang"),
        ):
            if value is not None:
                yield Aggregate(value, f"capaian {row.kode or row.indikator[:40]}, {how}")
        for column in ("target", "realisasi"):
            if getattr(row, f"{column}_unit") == "%" and (v := val(row, column)) is not None:
                yield Aggregate(v, f"{column} {row.kode or row.indikator[:40]}")
    for recomputed, how in ((True, "dihitung ulang"), (False, "tercetak")):
        for key, mean in sasaran_means(df, recomputed).items():
            yield Aggregate(mean, f"rata-rata capaian {key}, {how}")
    yield from overall(df)


def budget_figures(df: pd.DataFrame) -> Iterator[Aggregate]:
    """Every serapan figure of the budget tables: printed %, recomputed per row and in total."""
    for row in table_rows(df):
        name = row.kode if isinstance(row.kode, str) else row.uraian[:40]
        if (p := val(row, "pct")) is not None:
            yield Aggregate(p, f"serapan {name}, tercetak")
        pagu, real = val(row, "pagu"), val(row, "realisasi")
        if pagu and real is not None:
            yield Aggregate(real * 100 / pagu, f"serapan {name}, dihitung ulang")
    for level in ("program", "kegiatan", "ro"):
        rows = df[df.level == level]
        pagus = [val(r, "pagu") for r in rows.itertuples()]
        reals = [val(r, "realisasi") for r in rows.itertuples()]
        if rows.empty or None in pagus or None in reals:
            continue
        total_pagu = recompute.column_sum(pagus)
        if total_pagu:
            yield Aggregate(
                recompute.column_sum(reals) * 100 / total_pagu, f"serapan total seluruh {level}"
            )


def matches(printed: Fraction, decimals: int, figures: list[Aggregate]) -> Aggregate | None:
    """The first figure the printed percentage stands for (rounded or truncated)."""
    return next((f for f in figures if recompute.agrees(printed, decimals, f.value)), None)
