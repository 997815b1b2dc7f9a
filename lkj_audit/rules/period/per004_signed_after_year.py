"""PER004 ``period.signed_after_year``.

The LKj is signed after the reporting year has ended.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.period._signatures import lkj_signatures
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PER004",
    name="period.signed_after_year",
    category=Category.PERIOD,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a signing date within the year, usually copied, misstates no figure; hint:"
        " no signing date found, the text extraction may have lost the signature block"
    ),
    domain=("R-D01",),
    tolerance="exact date",
)
def signed_after_year(ctx: RuleContext) -> Iterator[Finding]:
    """The LKj is signed after the reporting year has ended.

    Why it matters: an LKj reports a whole year's realisation; one dated within that year
    (e.g. "15 Januari 2024" for LKj 2024) carries a date copied from the previous report or
    was signed before the figures were final (KKE 3.1(3) formalisation).
    Fails when: a place-and-date line of the Kata Pengantar, Ikhtisar or Penutup (or the
    cover) is dated on or before 31 December of the reporting year. No signing date at all
    is reported as info.
    Passes when: every such date falls after the reporting year.
    """
    dates = lkj_signatures(ctx)
    if not dates:
        kp = ctx.doc.chapter("kata_pengantar")
        yield ctx.finding(
            line=kp.line if kp else None,
            severity=Severity.INFO,
            message=(
                "Tempat dan tanggal penandatanganan LKj (mis. di akhir Kata Pengantar) tidak "
                "ditemukan; pastikan LKj ditandatangani dan bertanggal."
            ),
        )
        return
    for d in dates:
        if d.when.year > ctx.year:
            continue
        yield ctx.finding(
            line=d.line,
            row=f"tanggal {d.raw}",
            stated=d.raw,
            expected=f"setelah 31 Desember {ctx.year}",
            message=(
                f"LKj tahun {ctx.year} bertanggal {d.raw}, sebelum tahun laporan berakhir; "
                f"tanggal penandatanganan seharusnya pada tahun {ctx.year + 1}."
            ),
        )
