"""PLA007 ``plausibility.efficiency_range``.

A printed Nilai Efisiensi lies within 0–100%.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load import columns as col
from lkj_audit.load.mentions.gate import gated
from lkj_audit.load.numbers import find_percents
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_NE_RE = gated(r"(?i)\bnilai\s+efisiensi\b")


_NE_COLUMN_RE = r"nilai\s+efisiensi|^\s*ne\s*$|\(ne\)"


@rule(
    code="PLA007",
    name="plausibility.efficiency_range",
    category=Category.PLAUSIBILITY,
    severity=Severity.ERROR,
    severity_reason=("disproved: the Nilai Efisiensi formula bounds the value to 0-100%"),
    domain=("R-E02", "R-A6"),
)
def efficiency_range(ctx: RuleContext) -> Iterator[Finding]:
    """A printed Nilai Efisiensi lies within 0–100%.

    Why it matters: the Nilai Efisiensi of PMK 249/2011 (and its successors) is 50% + E/20 ×
    50% with E bounded to ±20%, so it cannot leave 0–100%; a printed "Nilai efisiensi 235%"
    applied the formula without its bound and overstates efficiency.
    Fails when: a sentence or table row naming the Nilai Efisiensi (NE) prints a percentage
    above 100% or below 0%.
    Passes when: every Nilai Efisiensi printed is within 0–100%, or none is printed.
    """
    for line, raw in _efficiency_values(ctx):
        for pct in find_percents(raw)[:1]:
            if 0 <= pct.value <= 100:
                continue
            yield ctx.finding(
                line=line,
                column="nilai efisiensi",
                stated=pct.raw,
                expected="0% – 100%",
                message=(
                    f"Nilai efisiensi tertulis {numfmt.quoted(pct.raw)}, padahal menurut rumusnya "
                    "nilai efisiensi "
                    "berada antara 0% dan 100%. Hitung ulang dengan batas efisiensi ±20%."
                ),
            )


def _efficiency_values(ctx: RuleContext) -> Iterator[tuple[int, str]]:
    """(line, text after the words) for sentences and table cells giving a Nilai Efisiensi."""
    table_lines: set[int] = set()
    for table in ctx.tables.raw:
        j = col.find(table, _NE_COLUMN_RE)
        if j is None:
            continue
        for row in table.rows:
            table_lines.update(row.lines)
            yield row.line, col.cell(row.cells, j)
    for i in ctx.doc.mentions.lines_holding(_NE_RE.words):  # the lines the pattern can match
        text = ctx.doc.lines[i - 1]
        m = _NE_RE.pattern.search(text)
        if m and i not in table_lines:
            yield i, text[m.end() :]
