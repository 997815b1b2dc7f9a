"""PLA005 ``plausibility.voter_sex_ratio``.

Male and female voters are in a plausible ratio, close to the population's.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.pemilih import USED_VOTE
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._voters import _ratio, _satker, _stage_totals
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import val

_SEX_RANGE = (Fraction(90, 100), Fraction(110, 100))  # LK / PR, R-P05


_SEX_CLOSE = Fraction(5, 100)  # |LK/PR of voters − of population|


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
        elif pop is not None and row.tahap != USED_VOTE and abs(ratio - pop) > _SEX_CLOSE:
            # Those who used their vote differ from the population by sex (turnout does); only
            # a list of voters should follow the population.
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
