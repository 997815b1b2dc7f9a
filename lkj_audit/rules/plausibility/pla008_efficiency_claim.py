"""PLA008 ``plausibility.efficiency_claim``.

Efficiency is claimed only where capaian is at least 100% and serapan below 100%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.mentions.figures import percentages_in
from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_EFISIEN_RE = gated(r"(?i)\befisien\b")


_NEGATION_RE = re.compile(r"(?i)\b(tidak|kurang|belum|bukan)\b[^.;]{0,25}$")


# The words a percentage follows ("capaian kinerja sebesar 95%", "serapan anggaran: 101%").
_BEFORE_PCT = r"(?:\s+(?:sebesar|mencapai|adalah|yaitu))?\s*:?\s*$"


_CAPAIAN_BEFORE_RE = re.compile(r"(?i)\bcapaian(?:\s+kinerja)?" + _BEFORE_PCT)


_SERAPAN_BEFORE_RE = re.compile(r"(?i)\b(?:serapan|penyerapan|realisasi)\s+anggaran" + _BEFORE_PCT)


@rule(
    code="PLA008",
    name="plausibility.efficiency_claim",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: efficiency is defined in several ways; the KKE answer key's reading is applied"
    ),
    domain=("R-E01", "R-A6"),
)
def efficiency_claim(ctx: RuleContext) -> Iterator[Finding]:
    """Efficiency is claimed only where capaian is at least 100% and serapan below 100%.

    Why it matters: unspent budget is efficiency only when the target was met (PermenPANRB
    88/2021 practice): an indicator at 90% capaian that "saved" budget simply did less; and
    with the whole budget spent there is nothing saved.
    Fails when: a sentence calls the use of resources "efisien" and, in the same sentence,
    states a capaian below 100% or a budget serapan of 100% or more.
    Passes when: efficiency sentences quote capaian ≥ 100% and serapan < 100%, or none exist.
    """
    for block in ctx.doc.mentions.blocks_in(None):
        if not _EFISIEN_RE.possible(block.text):
            continue  # no sentence of it claims efficiency (it is not split)
        for sentence in (s.text for s in ctx.doc.mentions.block_sentences(block)):
            problems = _claim_problems(sentence)
            if not problems:
                continue
            listed = ", ".join(f"{what} {raw}" for what, raw in problems)
            cited = ", ".join(f"{what} {numfmt.quoted(raw)}" for what, raw in problems)
            yield ctx.finding(
                line=block.line,
                stated=listed,
                expected="capaian ≥ 100% dan serapan < 100%",
                message=(
                    f"Kalimat menyatakan penggunaan sumber daya efisien dengan {cited}; "
                    "efisiensi hanya dapat diklaim bila capaian kinerja ≥ 100% dan serapan "
                    "anggaran < 100%. Tinjau kembali analisis efisiensinya."
                ),
                evidence=sentence.strip(),
            )


def _claim_problems(sentence: str) -> list[tuple[str, str]]:
    """Capaian < 100% and serapan ≥ 100% quoted in a sentence that claims efficiency."""
    claims = _EFISIEN_RE.finditer(sentence)
    if not any(not _NEGATION_RE.search(sentence[: m.start()]) for m in claims):
        return []  # no efficiency claimed ("tidak/belum … efisien" is no claim)
    quoted = [p for p in percentages_in(sentence) if p.marks <= 1]
    low = [
        ("capaian", f"{p.number}%")
        for p in quoted
        if _CAPAIAN_BEFORE_RE.search(sentence[: p.start]) and p.point_value < 100
    ]
    full = [
        ("serapan", f"{p.number}%")
        for p in quoted
        if _SERAPAN_BEFORE_RE.search(sentence[: p.start]) and p.point_value >= 100
    ]
    return low + full
