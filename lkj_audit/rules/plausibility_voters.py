"""Voter-table plausibility: voters against population, sex ratio, stage-to-stage change.

DOMAIN.md §3.3, checks R-P03 (DP4 → DPS → DPT changes above 5% need explaining), R-P04
(DPT / penduduk within about 0,60–0,80) and R-P05 (LK/PR within 0,90–1,10 and close to the
population's). The population is the Dukcapil December 2024 figure of the satker list, so
the population checks run only when the satker is known.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from lkj_audit import numfmt
from lkj_audit.load import satker as satker_list
from lkj_audit.load.satker import Satker
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.common import val
from lkj_audit.rules.registry import RuleContext, rule

STAGE_ORDER = ("DP4", "DPS", "DPSHP", "DPT")  # the order of the updating process
_RATIO_USUAL = (Fraction(60, 100), Fraction(80, 100))  # DPT / penduduk, R-P04
_RATIO_POSSIBLE = (Fraction(50, 100), Fraction(90, 100))  # outside: very likely wrong
_SEX_RANGE = (Fraction(90, 100), Fraction(110, 100))  # LK / PR, R-P05
_SEX_CLOSE = Fraction(5, 100)  # |LK/PR of voters − of population|
_STAGE_CHANGE = Fraction(5, 100)  # R-P03


def _satker(ctx: RuleContext) -> Satker | None:
    return satker_list.by_code(ctx.satker_code) if ctx.satker_code else None


def _jumlah(row: Any) -> Fraction | None:
    total = val(row, "jumlah")
    if total is None and val(row, "lk") is not None and val(row, "pr") is not None:
        total = val(row, "lk") + val(row, "pr")  # type: ignore[operator]
    return total


def _stage_totals(ctx: RuleContext) -> list[Any]:
    """The total row of every voter table (a one-row table is its own total)."""
    df = ctx.tables.pemilih
    return [
        rows[rows.is_total].iloc[-1]
        for _, rows in df.groupby("table", sort=False)
        if rows.is_total.any()
    ]


def _ratio(x: Fraction) -> str:
    return numfmt.number(x, 2)


@rule(
    code="PLA004",
    name="plausibility.voters_vs_population",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: a DPT share outside 0,50-0,90 of the population is implausible, not proven "
        "wrong; hint: outside 0,60-0,80 only"
    ),
    domain=("R-P04",),
    tables=("pemilih",),
    tolerance="usual 0,60–0,80 (info outside); possible 0,50–0,90 (warning outside)",
)
def voters_vs_population(ctx: RuleContext) -> Iterator[Finding]:
    """The DPT is a plausible share of the satker's population.

    Why it matters: voters are residents aged 17 or married, about 0,73 of the population
    nationally in 2024; a DPT far outside that share points at a digit slip, a table from
    another region, or a total that is not the satker's.
    Fails when: the satker is in the list and its DPT total (else the latest stage printed)
    divided by its December 2024 population lies outside 0,50–0,90 (warning) or 0,60–0,80
    (info).
    Passes when: the share is within 0,60–0,80, or the satker or the DPT is unknown.
    """
    satker = _satker(ctx)
    totals = _stage_totals(ctx)
    if satker is None or not totals or satker.penduduk_total <= 0:
        return
    present = [t for t in totals if t.tahap in STAGE_ORDER]
    latest = max((STAGE_ORDER.index(t.tahap) for t in present), default=None)
    for row in [t for t in present if latest is not None and STAGE_ORDER.index(t.tahap) == latest]:
        voters = _jumlah(row)
        if voters is None:
            continue
        share = voters / satker.penduduk_total
        if _RATIO_USUAL[0] <= share <= _RATIO_USUAL[1]:
            continue
        likely = _RATIO_POSSIBLE[0] <= share <= _RATIO_POSSIBLE[1]
        usual = f"{_ratio(_RATIO_USUAL[0])}–{_ratio(_RATIO_USUAL[1])}"
        penduduk = numfmt.number(satker.penduduk_total)
        yield ctx.finding(
            line=int(row.line),
            table=row.table,
            row=row.tahap,
            column="JUMLAH",
            stated=row.jumlah_raw,
            expected=f"{usual} × {penduduk}",
            severity=Severity.INFO if likely else None,
            message=(
                f"Jumlah {row.tahap} {numfmt.quoted(row.jumlah_raw)} adalah {_ratio(share)} kali "
                "jumlah penduduk "
                f"{satker.level_word} {satker.wilayah} ({penduduk}, Dukcapil Desember 2024); "
                f"lazimnya {usual}. Periksa angka dan wilayah tabel pemilih ini."
            ),
            evidence=row.evidence,
        )


@rule(
    code="PLA005",
    name="plausibility.voter_sex_ratio",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: a voter sex ratio outside 0,90-1,10 is implausible, not proven wrong; hint: it"
        " differs from the population's ratio"
    ),
    domain=("R-P05",),
    tables=("pemilih",),
    tolerance="LK/PR within 0,90–1,10; within 0,05 of the population's LK/PR",
)
def voter_sex_ratio(ctx: RuleContext) -> Iterator[Finding]:
    """Male and female voters are in a plausible ratio, close to the population's.

    Why it matters: in every Indonesian region men and women are roughly equal in number; a
    voter total with LK/PR far from 1 (or far from the region's own ratio) suggests swapped
    columns or a mistyped figure.
    Fails when: on a voter table's total row LK/PR is outside 0,90–1,10 (warning); or, when
    the satker is known, differs by more than 0,05 from the LK/PR of its population (info).
    Passes when: the ratio is within range and close to the population's.
    """
    satker = _satker(ctx)
    pop = (
        Fraction(satker.penduduk_pria, satker.penduduk_wanita)
        if satker and satker.penduduk_wanita
        else None
    )
    for row in _stage_totals(ctx):
        lk, pr = val(row, "lk"), val(row, "pr")
        if lk is None or not pr:
            continue
        ratio = lk / pr
        where = row.tahap if isinstance(row.tahap, str) and row.tahap else "daftar pemilih"
        if not _SEX_RANGE[0] <= ratio <= _SEX_RANGE[1]:
            text, severity = (
                f"di luar rentang wajar {_ratio(_SEX_RANGE[0])}–{_ratio(_SEX_RANGE[1])}",
                None,
            )
        elif pop is not None and abs(ratio - pop) > _SEX_CLOSE:
            text = (
                f"berbeda dari rasio penduduk {satker.level_word} {satker.wilayah} "  # type: ignore[union-attr]
                f"({_ratio(pop)}, Dukcapil Desember 2024)"
            )
            severity = Severity.INFO
        else:
            continue
        yield ctx.finding(
            line=int(row.line),
            table=row.table,
            row=where,
            column="LK/PR",
            stated=f"{row.lk_raw} / {row.pr_raw}",
            expected=_ratio(pop) if pop is not None else None,
            severity=severity,
            message=(
                f"Rasio pemilih laki-laki terhadap perempuan pada {where} adalah {_ratio(ratio)} "
                f"(LK {numfmt.quoted(row.lk_raw)}, PR {numfmt.quoted(row.pr_raw)}), {text}. "
                "Periksa apakah kolom LK/PR tertukar "
                "atau salah ketik."
            ),
            evidence=row.evidence,
        )


@rule(
    code="PLA006",
    name="plausibility.voter_stage_change",
    category=Category.PLAUSIBILITY,
    severity=Severity.INFO,
    severity_reason=(
        "hint: a large change between voter-list stages can be legitimate; the reviewer asks for "
        "its explanation"
    ),
    domain=("R-P03",),
    tables=("pemilih",),
    tolerance="5% of the earlier stage",
)
def voter_stage_change(ctx: RuleContext) -> Iterator[Finding]:
    """Large changes between voter-list stages (DP4 → DPS → DPSHP → DPT) are explained.

    Why it matters: each stage corrects the previous one; a change of more than a few percent
    is unusual and the reviewer should find its explanation (new kecamatan, a data clean-up)
    in the text, or suspect a wrong figure.
    Fails when: two consecutive stages, each printed once, differ by more than 5% of the
    earlier one.
    Passes when: every change is within 5%, or fewer than two stages are printed.
    """
    totals = [t for t in _stage_totals(ctx) if t.tahap in STAGE_ORDER]
    stages = [t.tahap for t in totals]
    if len(set(stages)) != len(stages):
        return  # several lists of one stage (Pemilu and Pilkada): the pairing is unclear
    ordered = sorted(totals, key=lambda t: STAGE_ORDER.index(t.tahap))
    for before, after in zip(ordered, ordered[1:], strict=False):
        a, b = _jumlah(before), _jumlah(after)
        if not a or b is None:
            continue
        change = (b - a) / a
        if abs(change) <= _STAGE_CHANGE:
            continue
        yield ctx.finding(
            line=int(after.line),
            table=after.table,
            row=after.tahap,
            column="JUMLAH",
            stated=after.jumlah_raw,
            message=(
                f"Jumlah {after.tahap} {numfmt.quoted(after.jumlah_raw)} berubah "
                f"{numfmt.pct(change * 100, 2)} dari {before.tahap} "
                f"{numfmt.quoted(before.jumlah_raw)}; perubahan di atas 5% perlu "
                "dijelaskan dalam laporan."
            ),
            evidence=after.evidence,
        )
