"""PER003 ``period.renstra_year_index``.

The Renstra's "tahun ke-k" equals year − first year of the period + 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.mentions.citations import blank_citations
from lkj_audit.load.mentions.renstra import (
    RENSTRA_WORD_RE,
    RenstraSpan,
    expected_renstra,
    renstra_spans,
)
from lkj_audit.load.mentions.years import years_in
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

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
    # blanking keeps every word it does not blank: a sentence without the pattern's words
    # cannot match it once blanked (its block is not even split)
    for sent in ctx.doc.mentions.sentences_holding(RENSTRA_WORD_RE.words):
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
