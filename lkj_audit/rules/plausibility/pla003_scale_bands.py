"""PLA003 ``plausibility.scale_bands``.

The report's rating scale gives every capaian exactly one category.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.rows import ScaleRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


def _exact(x: float) -> Fraction | None:
    return None if math.isinf(x) else Fraction(str(x))


def _precision(ctx: RuleContext, bands: Sequence[ScaleRow]) -> int:
    """Decimals the capaian are printed with (at least the scale's own), 2 when unknown."""
    cap = ctx.rows.capaian
    printed = max(r.capaian_dec for r in cap) if cap else 2
    return max([printed, *(b.decimals for b in bands)])


def _pct(value: Fraction | None) -> str:
    return "∞" if value is None else numfmt.pct(value, 2 if value.denominator != 1 else 0)


_Problem = tuple[ScaleRow, str, Severity | None]


_UNCOVERED = "tidak termasuk kategori mana pun"


def _between(a: ScaleRow, b: ScaleRow, step: Fraction) -> _Problem | None:
    """A gap or an overlap between band ``a`` and the next band ``b``."""
    names = f'"{a.rentang_raw}" ({a.kategori}) dan "{b.rentang_raw}" ({b.kategori})'
    u, lo = _exact(a.upper), _exact(b.lower)
    if u is None or lo is None:
        return b, f"rentang {names} tumpang tindih: yang pertama tidak berbatas atas", None
    first_free = (u // step + 1) * step if a.upper_inclusive or u % step else u
    if first_free < lo or (first_free == lo and not b.lower_inclusive):
        example = numfmt.pct((u + lo) / 2, 2)
        return b, f"ada celah antara {names}: capaian seperti {example} {_UNCOVERED}", None
    if u > lo or (u == lo and a.upper_inclusive and b.lower_inclusive):
        return b, f"rentang {names} tumpang tindih: capaian {_pct(lo)} masuk dua kategori", None
    return None


def _ends(ctx: RuleContext, bands: list[ScaleRow]) -> Iterator[_Problem]:
    """Values below the lowest band or above the highest one."""
    first, last = bands[0], bands[-1]
    low, top = _exact(first.lower), _exact(last.upper)
    if low is not None and (low > 0 or (low == 0 and not first.lower_inclusive)):
        yield first, f"capaian di bawah {_pct(low)} {_UNCOVERED}", None
    if top is not None:
        above = [
            r.capaian_raw
            for r in ctx.rows.capaian
            if r.capaian is not None and Fraction(str(r.capaian)) > top
        ]
        printed = f" (laporan mencetak capaian {numfmt.quoted(above[0])})" if above else ""
        severity = Severity.WARNING if above else Severity.INFO
        yield last, f"capaian di atas {_pct(top)} {_UNCOVERED}{printed}", severity


@rule(
    code="PLA003",
    name="plausibility.scale_bands",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: the scale leaves a capaian without category or gives it two; hint: a top "
        "band ending at a finite bound that no printed capaian exceeds"
    ),
    domain=("R-K01",),
    tables=("skala",),
    tolerance="gaps judged at the decimals the capaian are printed with (2 when unknown)",
)
def scale_bands(ctx: RuleContext) -> Iterator[Finding]:
    """The report's rating scale gives every capaian exactly one category.

    Why it matters: with "55 % - 75 %" and "76 % - 100 %" a capaian of 75,50% has no
    category, and with "55 - 75" and "75 - 100" a capaian of 75% has two; the category
    printed for such a capaian cannot be checked.
    Fails when: consecutive bands leave a value printable at the report's capaian precision
    uncovered, or share a value; or the lowest band starts above 0. A top band ending at a
    finite bound (e.g. 100) is info, a warning when a printed capaian lies above it.
    Passes when: the bands cover [0, ∞) without gaps or overlaps.
    """
    by_table: dict[str, list[ScaleRow]] = {}
    for band in ctx.rows.skala:
        by_table.setdefault(band.table, []).append(band)
    for table in by_table.values():
        bands = sorted(table, key=lambda b: (b.lower, b.upper))
        step = Fraction(1, 10 ** _precision(ctx, table))
        pairs = (_between(a, b, step) for a, b in zip(bands, bands[1:], strict=False))
        problems = [p for p in pairs if p is not None] + list(_ends(ctx, bands))
        for band, text, severity in sorted(problems, key=lambda p: p[0].line):
            yield ctx.finding(
                line=band.line,
                table=band.table,
                row=band.kategori,
                column="rentang capaian",
                stated=band.rentang_raw,
                severity=severity,
                message=f"Skala penilaian capaian: {text}. Perbaiki batas rentangnya.",
                evidence=band.evidence,
            )
