"""PER001 ``period.year_in_titles``.

RKT, PK, LKj, capaian and target mentions carry the reporting year.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.mentions.citations import blank_citations
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.period._years import names_year_itself, wrong_year_matches
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PER001",
    name="period.year_in_titles",
    category=Category.PERIOD,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a year copied from another year's boilerplate misstates no result"
    ),
    domain=("R-D02",),
    tolerance="exact year; n+1 for plans being prepared (RKA, PK, RKT), n-1 for the LKj",
)
def year_in_titles(ctx: RuleContext) -> Iterator[Finding]:
    """RKT, PK, LKj, capaian and target mentions carry the reporting year.

    Why it matters: an RKT, PK or capaian "Tahun 2023" in a 2024 report is the classic trace of
    text copied from an earlier report; the reader cannot tell which year's plan or
    achievement is being reported.
    Fails when: a heading, sentence or table cell names an RKT, Perjanjian/Penetapan Kinerja,
    Laporan Kinerja, capaian/target/realisasi kinerja, RKA or DIPA with a year other than the
    reporting year, or says PK targets "akan dicapai pada tahun" another year — unless the
    sentence compares with earlier years (sebelumnya, meningkat, dibandingkan dengan …), spans
    years, cites a regulation or date, names an event (Pemilu 2019), or speaks of preparing
    the document (LKj n-1, PK/RKT/RKA n+1).
    Passes when: every such mention carries the reporting year.
    """
    seen: set[tuple[int, int]] = set()
    text = ctx.doc.mentions
    for sent in text.dated_sentences():
        if not text.other_year_named(sent.text, ctx.year):
            continue  # the years of each sentence are read once per report
        if sent.kind == "cell" and names_year_itself(blank_citations(sent.row), ctx.year):
            continue  # a row comparing years, e.g. a header read as data ("Realisasi 2023")
        for name, printed, words, allowed in wrong_year_matches(sent.text, ctx.year):
            line = sent.line_of(ctx.doc, str(printed))
            if (line, printed) in seen:
                continue
            seen.add((line, printed))
            expected = " atau ".join(str(y) for y in allowed)
            yield ctx.finding(
                line=line,
                row=words if len(words) <= 80 else words[:77] + "…",
                stated=printed,
                expected=expected,
                message=(
                    f'Tertulis "{words}" dalam laporan kinerja tahun {ctx.year}; {name} yang '
                    f"dimaksud seharusnya tahun {expected}. Periksa apakah teks ini disalin dari "
                    "laporan tahun lain dan perbaiki tahunnya."
                ),
            )
