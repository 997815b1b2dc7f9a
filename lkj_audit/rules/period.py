"""Period rules: every year, period and date the report prints fits the reporting year.

DOMAIN.md §1.5 (R-D01 signature deadline, R-D02 years in titles and key sentences, R-D03
"tahun ke-k" of the Renstra, R-D04 PK signed at the start of the year) and R-V04 (Renstra
period consistent and covering the year). Years of legal citations ("UU Nomor 7 Tahun 2017"),
calendar dates, events ("Pemilu 2019") and explicit comparisons with earlier years are not
period errors and are never flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.mentions.citations import blank_citations
from lkj_audit.load.mentions.renstra import (
    RENSTRA_WORD_RE,
    RenstraMention,
    RenstraSpan,
    expected_renstra,
    renstra_spans,
)
from lkj_audit.load.mentions.years import years_in
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules._years import names_year_itself, other_year_named, wrong_year_matches
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
    for sent in ctx.doc.mentions.sentences(cells=True):
        if not other_year_named(sent.text, ctx.year):
            continue
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


@rule(
    code="PER002",
    name="period.renstra_period",
    category=Category.PERIOD,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a stale Renstra period in boilerplate misstates no result (policy "
        "example); hint: a consistent period other than the KPU cycle, for the reviewer to "
        "confirm"
    ),
    domain=("R-V04",),
    tolerance="exact period",
)
def renstra_period(ctx: RuleContext) -> Iterator[Finding]:
    """The Renstra period is cited the same way everywhere and covers the reporting year.

    Why it matters: the Renstra is the medium-term plan the year's targets come from; a report
    that cites 2015–2019 in one place and 2021–2024 in another cannot be measured against
    the right plan, and usually contains text copied from another period.
    Fails when: a "Rencana Strategis/Renstra … YYYY–YYYY" mention does not cover the reporting
    year, or differs from the period the report should cite (the KPU cycle covering the year,
    e.g. 2020–2024 for 2024; option ``renstra_period`` overrides) while that period is cited
    elsewhere. A consistent non-KPU period covering the year is reported as info.
    Passes when: every Renstra mention names the same period, which covers the year.
    """
    mentions = ctx.doc.mentions.renstra
    if not mentions:
        return
    expected = expected_renstra(ctx.year, ctx.options.get("renstra_period"))
    covering = Counter((m.start, m.end) for m in mentions if m.start <= ctx.year <= m.end)
    dominant = expected if expected in covering or not covering else covering.most_common(1)[0][0]
    want = f"{dominant[0]}-{dominant[1]}"
    for m in mentions:
        covers = m.start <= ctx.year <= m.end
        if (m.start, m.end) == dominant and covers or _other_period_on_purpose(m, dominant):
            continue
        why = (
            f"tidak mencakup tahun laporan {ctx.year}"
            if not covers
            else f"berbeda dengan periode {want} yang disebut di bagian lain laporan"
        )
        yield ctx.finding(
            line=m.line,
            row=m.raw,
            stated=m.period,
            expected=want,
            message=(
                f"Renstra disebut {numfmt.quoted(m.raw)}: periodenya {why}; seharusnya {want}. "
                "Seragamkan periode Renstra di seluruh laporan."
            ),
        )
    if dominant != expected:
        first = next(m for m in mentions if (m.start, m.end) == dominant)
        yield ctx.finding(
            line=first.line,
            row=first.raw,
            stated=first.period,
            expected=f"{expected[0]}-{expected[1]}",
            severity=Severity.INFO,
            message=(
                f"Laporan menyebut {numfmt.quoted(first.raw)}, bukan periode Renstra KPU "
                f"{expected[0]}-{expected[1]} yang mencakup tahun {ctx.year}; pastikan periode "
                "ini benar."
            ),
        )


_PERIOD_CONTEXT_RE = re.compile(
    r"(?i)penyusunan|menyusun|disusun|rancangan|\bakan\b|mendatang|berikutnya|selanjutnya|\bbaru\b|"
    r"sebelumnya|periode\s+lalu|evaluasi\s+akhir"
)


def _other_period_on_purpose(m: RenstraMention, dominant: tuple[int, int]) -> bool:
    """The next Renstra being prepared, or the previous one being evaluated, is not an error."""
    adjacent = m.start == dominant[1] + 1 or m.end == dominant[0] - 1
    return adjacent and bool(_PERIOD_CONTEXT_RE.search(m.sentence))


_ORDINALS = {
    "pertama": 1,
    "kesatu": 1,
    "kedua": 2,
    "ketiga": 3,
    "keempat": 4,
    "kelima": 5,
    "keenam": 6,
}
_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6}
_NTH_RE = re.compile(
    r"(?i)\btahun\s+(?:ke\s*-?\s*(?P<n>\d{1,2}|satu|dua|tiga|empat|lima|enam)\b|(?P<w>pertama|kesatu|kedua|ketiga|keempat|kelima|keenam)\b)"
)


def _subject_year(text: str, stop: int, spans: list[RenstraSpan]) -> int | None:
    """The last year printed before ``stop`` that is not part of a Renstra period."""
    years = [
        y.value
        for y in years_in(text)
        if y.end <= stop and not y.glued and not any(r.start <= y.start < r.end for r in spans)
    ]
    return years[-1] if years else None


def _nth(m: re.Match[str]) -> int:
    n = m.group("n")
    if n:
        return int(n) if n.isdigit() else _WORDS[n.lower()]
    return _ORDINALS[m.group("w").lower()]


@rule(
    code="PER003",
    name="period.renstra_year_index",
    category=Category.PERIOD,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a Renstra year index copied from another year misstates no result"
    ),
    domain=("R-D03",),
    tolerance="exact",
)
def renstra_year_index(ctx: RuleContext) -> Iterator[Finding]:
    """The Renstra's "tahun ke-k" equals year − first year of the period + 1.

    Why it matters: 2024 is the fifth ("kelima") year of Renstra 2020–2024; a report that calls
    it the fourth year was copied from the previous year's report or miscounts its plan.
    Fails when: a sentence about the Renstra says a year is its "tahun ke-k" / "tahun keempat"
    and k ≠ year − start + 1, with the year named just before (else the reporting year) and
    the start of the period cited in the sentence (else the period the report should cite).
    Passes when: every such ordinal matches.
    """
    default = expected_renstra(ctx.year, ctx.options.get("renstra_period"))
    for sent in ctx.doc.mentions.sentences():
        text = blank_citations(sent.text)
        if not RENSTRA_WORD_RE.search(text):
            continue
        spans = renstra_spans(text)
        periods = [(r.first, r.last) for r in spans]
        for m in _NTH_RE.finditer(text):
            subject = _subject_year(text, m.start(), spans) or ctx.year
            start, end = next((p for p in periods if p[0] <= subject <= p[1]), default)
            want = subject - start + 1
            if not start <= subject <= end or _nth(m) == want:
                continue
            yield ctx.finding(
                line=sent.line_of(ctx.doc, m.group(0).split()[-1]),
                row=m.group(0),
                stated=m.group(0),
                expected=f"tahun ke-{want}",
                message=(
                    f'Tahun {subject} disebut "{m.group(0)}" Renstra {start}-{end}, padahal tahun '
                    f"{subject} adalah tahun ke-{want} periode itu ({subject} − {start} + 1)."
                ),
            )
