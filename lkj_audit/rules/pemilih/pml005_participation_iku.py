"""PML005 ``pemilih.participation_iku``.

The realisasi of the IKU "tingkat partisipasi pemilih" in the capaian table equals the total
participation of the report's participation table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.rows import IndicatorRow, ParticipationRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.pemilih._participation import by_table
from lkj_audit.rules.registry import RuleContext, rule

_IKU = re.compile(r"(?i)partisipasi\s+(?:masyarakat\s+)?pemilih")
# participation of one group (perempuan, disabilitas, pemula …) is another figure
_GROUP = re.compile(
    r"(?i)perempuan|disabilitas|pemula|muda|milenial|kelompok|marginal|rentan|segmen|"
    r"luar\s+negeri|sosialisasi|pendidikan|peningkatan|kenaikan"
)


def _the_iku(rows: tuple[IndicatorRow, ...]) -> IndicatorRow | None:
    """The one participation IKU with a percentage realisasi (none when two could be meant)."""
    found = [
        r
        for r in rows
        if _IKU.search(r.indikator)
        and not _GROUP.search(r.indikator)
        and r.realisasi is not None
        and r.realisasi_unit in ("%", "")
    ]
    return found[0] if len(found) == 1 else None


def _the_total(rows: tuple[ParticipationRow, ...]) -> ParticipationRow | None:
    """The total row of the one participation table (none when there are several tables)."""
    tables = list(by_table(tuple(r for r in rows if r.sex in ("", "L+P"))).values())
    if len(tables) != 1:
        return None
    totals = [r for r in tables[0] if r.is_total and r.pct is not None]
    return totals[0] if len(totals) == 1 else None


@rule(
    code="PML005",
    name="pemilih.participation_iku",
    category=Category.CROSS_TABLE,
    severity=Severity.ERROR,
    severity_reason=(
        "disproved: the capaian table and the participation table print different totals"
    ),
    domain=("R-P02", "R-X03"),
    tables=("partisipasi", "capaian"),
    tolerance="one unit of the coarser printed precision (82,03 agrees with 82 and 82,0)",
)
def participation_iku(ctx: RuleContext) -> Iterator[Finding]:
    """The IKU "partisipasi pemilih" realisasi equals the participation table's total.

    Why it matters: the IKU realisasi is the participation the report claims; the table
    per kecamatan (or kabupaten/kota) is where it comes from. Two different figures mean
    one of them was copied from another election or another draft.
    Fails when: the report has exactly one participation IKU and one participation table
    with one total row, and their percentages differ by one unit of the coarser printed
    precision or more.
    Passes when: they agree, or which figure belongs to which cannot be told.
    """
    iku, total = _the_iku(ctx.rows.capaian), _the_total(ctx.rows.partisipasi)
    if iku is None or total is None or iku.realisasi is None or total.pct is None:
        return
    decimals = min(iku.realisasi_dec, total.pct_dec)
    gap = abs(Fraction(str(iku.realisasi)) - Fraction(str(total.pct)))
    if gap < Fraction(1, 10**decimals):
        return
    yield ctx.finding(
        line=iku.line,
        table=iku.table,
        row=iku.indikator,
        column="realisasi",
        stated=iku.realisasi_raw,
        expected=numfmt.pct(Fraction(str(total.pct)), total.pct_dec),
        message=(
            f"Realisasi indikator {numfmt.quoted(iku.indikator)} tertulis "
            f"{numfmt.quoted(iku.realisasi_raw)}, sedangkan tabel partisipasi pemilih "
            f"(baris {total.line}) mencatat partisipasi total {numfmt.quoted(total.pct_raw)}."
        ),
        evidence=iku.evidence,
    )
