"""Capaian kinerja figures recomputed once: per indicator, per sasaran and overall.

Aggregation follows DOMAIN.md §2.1: sasaran capaian = mean of its indicators; overall = mean
of the sasaran (and, as printed by some reports, the mean of all indicators). "Recomputed"
uses realisasi/target by polarity and falls back to the printed capaian where it cannot be
recomputed (no realisasi, qualitative target). A realisasi printed "-" or "nihil" against a
numeric target is read as 0 (:mod:`lkj_audit.load.capaian`), so it is recomputed like any other.
Only the Bab III rows count (a summary table in the Ikhtisar repeats them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from lkj_audit.load.rows import IndicatorRow
from lkj_audit.load.tables import ReportTables
from lkj_audit.recompute.arith import HUNDRED, agrees, capaian, cell_value


def indicator_label(row: IndicatorRow) -> str:
    """How an indicator is named: its RO code, else its name (shortened)."""
    if row.kode:
        return row.kode
    text = row.indikator
    return (text if len(text) <= 60 else text[:57] + "…") or f"baris {row.line}"


def bab3_rows(tables: ReportTables, rows: Sequence[IndicatorRow]) -> tuple[IndicatorRow, ...]:
    """Capaian rows of Bab III (a summary table in the Ikhtisar repeats them), else all rows."""
    in_bab3: dict[str, bool] = {}
    for table_id in dict.fromkeys(r.table for r in rows):
        raw = tables.raw_table(table_id)
        in_bab3[table_id] = (
            raw is not None and raw.section is not None and raw.section.chapter.key == "bab3"
        )
    bab3 = tuple(r for r in rows if in_bab3[r.table])
    return bab3 if bab3 else tuple(rows)


def printed_capaian(row: IndicatorRow) -> Fraction | None:
    """The capaian as printed (percent)."""
    return cell_value(row, "capaian")


def by_formula(row: IndicatorRow, polarity: str | None = None) -> Fraction | None:
    """Realisasi/target by polarity (the row's own unless given); ``None`` if not computable."""
    target, real = cell_value(row, "target"), cell_value(row, "realisasi")
    if target is None or real is None:
        return None
    return capaian(target, real, polarity or row.polarity)


def recomputed_capaian(row: IndicatorRow) -> Fraction | None:
    """Realisasi/target by polarity; the printed figure where that cannot be computed."""
    computed = by_formula(row)
    return computed if computed is not None else printed_capaian(row)


def sasaran_key(row: IndicatorRow) -> str:
    """Which sasaran an indicator belongs to: its number, else its name, else its table."""
    if row.sasaran_no is not None:
        return f"sasaran {int(row.sasaran_no)}"
    text = row.sasaran  # a sasaran cell or group row names it
    return f"sasaran {text[:80]}" if text else f"tabel {row.table}"


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


@dataclass(frozen=True, slots=True)
class Aggregate:
    """One aggregate figure with how it was obtained (shown to the auditor)."""

    value: Fraction
    method: str


def sasaran_means(rows: Sequence[IndicatorRow], recomputed: bool = True) -> dict[str, Fraction]:
    """Mean capaian of each sasaran (insertion order = reading order)."""
    fn = recomputed_capaian if recomputed else printed_capaian
    groups: dict[str, list[Fraction]] = {}
    for row in rows:
        value = fn(row)
        group = groups.setdefault(sasaran_key(row), [])
        if value is not None:
            group.append(value)
    return {k: m for k, v in groups.items() if (m := _mean(v)) is not None}


def overall(rows: Sequence[IndicatorRow]) -> list[Aggregate]:
    """Overall capaian figures a report may quote, each with its method (printed, recomputed)."""
    out: list[Aggregate] = []
    for recomputed, how in ((True, "dihitung ulang"), (False, "tercetak")):
        fn = recomputed_capaian if recomputed else printed_capaian
        values = [v for r in rows if (v := fn(r)) is not None]
        if (m := _mean(values)) is not None:
            out.append(Aggregate(m, f"rata-rata {len(values)} indikator, {how}"))
        means = list(sasaran_means(rows, recomputed).values())
        if len(means) > 1 and (m := _mean(means)) is not None:
            out.append(Aggregate(m, f"rata-rata {len(means)} sasaran, {how}"))
        if (w := _weighted(rows, recomputed)) is not None:
            out.append(Aggregate(w, f"capaian tertimbang {len(rows)} indikator, {how}"))
    return out


def _weighted(rows: Sequence[IndicatorRow], recomputed: bool) -> Fraction | None:
    """Σ bobot × capaian / Σ bobot, when every indicator prints its weight ("Bobot (%)")."""
    fn = recomputed_capaian if recomputed else printed_capaian
    pairs = [(r.bobot, fn(r)) for r in rows]
    if not pairs or any(b is None or c is None for b, c in pairs):
        return None
    weights = [Fraction(str(b)) for b, _ in pairs]
    if sum(weights) <= 0:
        return None
    return sum((w * c for w, (_, c) in zip(weights, pairs, strict=True) if c), Fraction(0)) / sum(
        weights
    )


def all_figures(rows: Sequence[IndicatorRow]) -> Iterator[Aggregate]:
    """Every capaian figure of the tables: per indicator, per sasaran and overall."""
    for row in rows:
        for value, how in (
            (printed_capaian(row), "tercetak"),
            (recomputed_capaian(row), "dihitung ulang"),
        ):
            if value is not None:
                yield Aggregate(value, f"capaian {row.kode or row.indikator[:40]}, {how}")
        for column in ("target", "realisasi"):
            if getattr(row, f"{column}_unit") == "%" and (v := cell_value(row, column)) is not None:
                yield Aggregate(v, f"{column} {row.kode or row.indikator[:40]}")
    for recomputed, how in ((True, "dihitung ulang"), (False, "tercetak")):
        for key, mean in sasaran_means(rows, recomputed).items():
            yield Aggregate(mean, f"rata-rata capaian {key}, {how}")
    yield from overall(rows)


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator: its printed capaian next to realisasi/target by polarity."""

    table: str
    line: int
    label: str
    sasaran: str
    printed: Fraction | None
    decimals: int
    computed: Fraction | None  # by formula; None when target/realisasi are not numbers
    agrees: bool | None
    capped_at: Fraction | None = None  # printed at the cap its table applies (see table_caps)


@dataclass(frozen=True, slots=True)
class Measured:
    """One Bab III indicator's recomputed capaian, named fully (for a comparison of years)."""

    table: str
    line: int
    kode: str | None
    indikator: str
    sasaran: str
    capaian: Fraction  # realisasi/target by polarity; the printed figure where not computable
    by_formula: bool  # False: the printed capaian was taken
    trusted: bool  # the table was read with confidence


def measured(bab3: Sequence[IndicatorRow], low: set[str]) -> list[Measured]:
    """Every Bab III indicator with a capaian, in reading order."""
    out = []
    for row in bab3:
        value = recomputed_capaian(row)
        if value is None:
            continue
        out.append(
            Measured(
                table=row.table,
                line=row.line,
                kode=row.kode or None,
                indikator=row.indikator,
                sasaran=sasaran_key(row),
                capaian=value,
                by_formula=by_formula(row) is not None,
                trusted=row.table not in low,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class Mean:
    """The mean capaian of the trusted Bab III indicators (printed where not computable)."""

    mean_pct: Fraction
    sasaran_mean_pct: Fraction | None
    level: str
    rows: int
    tables: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CapaianFigures:
    """Every capaian figure of one report, printed and recomputed."""

    indicators: list[Indicator]
    bab3: tuple[IndicatorRow, ...]  # the rows aggregates are taken over
    mean: Mean | None
    sasaran_recomputed: dict[str, Fraction]  # mean per sasaran, recomputed
    sasaran_printed: dict[str, Fraction]  # mean per sasaran, of the printed capaian
    overall: list[Aggregate]  # overall figures a report may quote
    aggregates: list[Aggregate]  # every capaian figure a sentence may cite
    measured: list[Measured] = field(default_factory=list)  # Bab III, per indicator


# Caps some reports put on a capaian (DOMAIN.md §2.1 "Caps"): 100 %, or 110 % as in
# PermenPANRB 8/2021's scores. 53/2014 knows none, so a cap is the report's own method.
_CAPS = (HUNDRED, Fraction(110))


def _over_cap(row: IndicatorRow, cap: Fraction) -> bool:
    """Is the row printed at ``cap`` while its own figures give more?"""
    printed, computed = printed_capaian(row), by_formula(row)
    return (
        printed == cap
        and computed is not None
        and computed > cap
        and not agrees(printed, row.capaian_dec, computed)
    )


def table_caps(rows: Sequence[IndicatorRow]) -> dict[str, Fraction]:
    """The cap each capaian table applies, where it applies one throughout.

    A table caps at C when some row is printed at C though its target and realisasi give
    more, and no row is printed above C.
    """
    out: dict[str, Fraction] = {}
    for table in dict.fromkeys(r.table for r in rows):
        own = [r for r in rows if r.table == table]
        printed = [p for r in own if (p := printed_capaian(r)) is not None]
        for cap in _CAPS:
            if any(_over_cap(r, cap) for r in own) and all(p <= cap for p in printed):
                out[table] = cap
                break
    return out


def _indicator(row: IndicatorRow, cap: Fraction | None) -> Indicator:
    printed, computed = printed_capaian(row), by_formula(row)
    decimals = row.capaian_dec
    return Indicator(
        table=row.table,
        line=row.line,
        label=indicator_label(row),
        sasaran=sasaran_key(row),
        printed=printed,
        decimals=decimals,
        computed=computed,
        agrees=None if printed is None or computed is None else agrees(printed, decimals, computed),
        capped_at=cap if cap is not None and _over_cap(row, cap) else None,
    )


def _mean_of(rows: Sequence[IndicatorRow]) -> Mean | None:
    values = [v for r in rows if (v := recomputed_capaian(r)) is not None]
    mean = _mean(values)
    if mean is None:
        return None
    means = list(sasaran_means(rows).values())
    return Mean(
        mean_pct=mean,
        sasaran_mean_pct=_mean(means) if len(means) > 1 else None,
        level="indikator",
        rows=len(values),
        tables=tuple(dict.fromkeys(r.table for r in rows)),
    )


def build(tables: ReportTables, rows: Sequence[IndicatorRow], low: set[str]) -> CapaianFigures:
    """All capaian figures; ``low``: tables read with low confidence (left out of the mean)."""
    bab3 = bab3_rows(tables, rows)
    caps = table_caps(rows)
    return CapaianFigures(
        indicators=[_indicator(r, caps.get(r.table)) for r in rows],
        bab3=bab3,
        mean=_mean_of([r for r in bab3 if r.table not in low]),
        sasaran_recomputed=sasaran_means(bab3, True),
        sasaran_printed=sasaran_means(bab3, False),
        overall=overall(bab3),
        aggregates=list(all_figures(bab3)),
        measured=measured(bab3, low),
    )
