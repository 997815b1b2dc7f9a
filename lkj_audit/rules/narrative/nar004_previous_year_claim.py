"""NAR004 ``narrative.previous_year_claim``.

A comparison with the previous year is backed by a previous-year figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.document import Block
from lkj_audit.load.mentions.comparisons import comparisons_in, earlier_refs_in, may_refer_earlier
from lkj_audit.load.mentions.figures import first_figure
from lkj_audit.load.mentions.years import years_in
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

# A decimal value or a count with an indicator unit, as a comparison prints it.
_OWN_FIGURE_RE = re.compile(
    r"[^.;]{0,40}?(?<![\d.,])(?:\d{1,3},\d{1,2}(?![\d.,])|\d{1,4}\s+"
    r"(?:laporan|dokumen|kali|kegiatan|layanan|lembaga|unit|orang|pemilih)\b)",
    re.I,
)


def _earlier_mentions(text: str, year: int) -> Iterator[int]:
    """Offsets just after each mention of an earlier year ("tahun 2023", "tahun sebelumnya")."""
    for ref in earlier_refs_in(text):
        if ref.year is None or year - 6 < ref.year < year:
            yield ref.end


def has_previous_year_figure(ctx: RuleContext) -> bool:
    """Does the report print any capaian or realisasi figure of an earlier year?"""
    if any(r.realisasi_prev_raw.strip() for r in ctx.rows.capaian):
        return True
    for table in ctx.tables.raw:
        # A header with years ("Realisasi 2023") may be read as the first data row.
        head = " ".join(
            [table.header_text] + [c.lower() for c in (table.rows[0].cells if table.rows else [])]
        )
        years = [y.value for y in years_in(head)]
        if any(ctx.year - 6 < y < ctx.year for y in years) and re.search(
            r"realisasi|capaian", head
        ):
            return True
    text = ctx.doc.mentions
    for block in ctx.doc.mentions.blocks_in(None):
        # Cheap necessary test: an earlier year among the block's years (read once per
        # report), or the words of "tahun sebelumnya/lalu".
        if not any(ctx.year - 6 < y < ctx.year for y in text.years(block.text)) and not (
            may_refer_earlier(block.text)
        ):
            continue
        for end in _earlier_mentions(block.text, ctx.year):
            window = block.text[end : end + 60]
            fig = first_figure(window)
            if fig is not None and not years_in(window[:fig]):
                return True
            # The comparison states its own figure: "dibandingkan tahun 2022 yang juga
            # menyampaikan 12 laporan", "... tahun 2022 sebesar 92,40".
            if _OWN_FIGURE_RE.match(window) and any(comparisons_in(block.text)):
                return True
    return False


@rule(
    code="NAR004",
    name="narrative.previous_year_claim",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    severity_reason=("missing: a comparison with the previous year needs that year's figure"),
    domain=("R-A2",),
    # no tables=: it runs without them and reports what is missing
    tolerance=(
        "a figure within 60 characters after an earlier year, or a table column of an earlier year"
    ),
)
def previous_year_claim(ctx: RuleContext) -> Iterator[Finding]:
    """A comparison with the previous year is backed by a previous-year figure.

    Why it matters: "tetap konsisten dibandingkan dengan pencapaian tahun sebelumnya" is an
    analysis PermenPANRB 53/2014 requires (R-A2); stated without any earlier figure it is an
    unverifiable claim and the required comparison is in fact missing.
    Fails when: the text compares with the previous year / an earlier year ("dibandingkan
    dengan tahun sebelumnya", "dibanding tahun 2023") and the report prints no capaian or
    realisasi figure of an earlier year (no such table column, and no percentage or amount
    right after an earlier year in the text).
    Passes when: an earlier-year figure is printed somewhere, or no such comparison is made.
    """
    claims: list[tuple[Block, str]] = []
    for block in ctx.doc.mentions.blocks_in(None):
        if block.kind not in {"paragraph", "list_item"}:
            continue
        for m in comparisons_in(block.text):
            if m.year is not None and m.year >= ctx.year:
                continue
            claims.append((block, m.raw))
            break
    if not claims or has_previous_year_figure(ctx):
        return
    for block, claim in claims:
        yield ctx.finding(
            line=block.line,
            row=claim,
            column="perbandingan tahun sebelumnya",
            stated=claim,
            expected=f"capaian/realisasi tahun {ctx.year - 1} dicantumkan",
            message=(
                f"Teks membandingkan dengan tahun sebelumnya ('{claim}'), tetapi laporan tidak "
                "memuat "
                f"angka capaian atau realisasi tahun {ctx.year - 1} maupun tahun-tahun sebelumnya; "
                "cantumkan angka pembandingnya (analisis perbandingan antartahun)."
            ),
        )
