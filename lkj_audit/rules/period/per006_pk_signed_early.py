"""PER006 ``period.pk_signed_early``.

The Perjanjian Kinerja printed in the report is dated at the start of the reporting year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lkj_audit.load.mentions.sections import chapters
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.period._signatures import _signature_zone, _under_pk_title
from lkj_audit.rules.registry import RuleContext, rule

_PK_TITLE_RE = re.compile(r"(?i)perjanjian\s+kinerja|penetapan\s+kinerja")


def _pk_zones(ctx: RuleContext) -> list[tuple[int, int]]:
    """The PK subsection, the Lampiran, and a PK printed next to the LKj's signature zones."""
    doc = ctx.doc
    signed = [
        (d.line, d.line)
        for a, b in _signature_zone(ctx)
        for d in doc.mentions.signatures(a, b)
        if _under_pk_title(doc, d.line, a)
    ]
    zones = signed + [
        (s.line, s.end_line) for s in doc.sections if s.level == 2 and _PK_TITLE_RE.search(s.title)
    ]
    zones += [(s.line, s.end_line) for s in chapters(doc, ("lampiran",))]
    return zones


@rule(
    code="PER006",
    name="period.pk_signed_early",
    category=Category.PERIOD,
    severity=Severity.INFO,
    severity_reason=(
        "hint: the usual PK signing window is unverified (R-D04); the reviewer judges the date"
    ),
    domain=("R-D04", "R-V03"),
    tolerance="PK of year n dated between 1 November n-1 and 28/29 February n",
)
def pk_signed_early(ctx: RuleContext) -> Iterator[Finding]:
    """The Perjanjian Kinerja printed in the report is dated at the start of the reporting year.

    Why it matters: the PK fixes the year's targets and is signed when the DIPA is received,
    normally in January; a PK dated late in the year, or in another year, either was signed
    after the work was done or belongs to another year [R-D04 unverified].
    Fails when: a place-and-date line in the Perjanjian Kinerja subsection or the Lampiran is
    dated before November of the previous year, after February of the reporting year, or in
    a later year.
    Passes when: every such date lies between 1 November n-1 and the end of February n.
    """
    lo, hi = date(ctx.year - 1, 11, 1), date(ctx.year, 3, 1)
    for a, b in _pk_zones(ctx):
        for d in ctx.doc.mentions.signatures(a, b):
            if lo <= d.when < hi:
                continue
            yield ctx.finding(
                line=d.line,
                row=f"tanggal PK {d.raw}",
                stated=d.raw,
                expected=f"antara 1 November {ctx.year - 1} dan akhir Februari {ctx.year}",
                message=(
                    f"Perjanjian Kinerja pada bagian ini bertanggal {d.raw}; PK tahun {ctx.year} "
                    f"lazimnya ditandatangani pada awal tahun {ctx.year}. Periksa apakah PK ini "
                    "milik tahun laporan."
                ),
            )
