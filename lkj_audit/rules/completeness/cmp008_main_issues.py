"""CMP008 ``completeness.main_issues``.

Bab I states the organisation's main problems (permasalahan utama / isu strategis).
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_ISSUES_RE = gated(r"(?i)permasalahan|isu(?:-isu)?\s+strategis|tantangan|kendala|hambatan")
# The alternatives of _ISSUES_RE that are plain words: one of them in the lower case of a text
# is a match (re.I reads every letter that str.lower makes ASCII as it; "İ", the one letter
# that lower case makes two, is ruled out by the length).
_ISSUE_LITERALS = ("permasalahan", "tantangan", "kendala", "hambatan")


@rule(
    code="CMP008",
    name="completeness.main_issues",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=("missing: R-S02 requires the permasalahan utama in Bab I"),
    domain=("R-S02",),
)
def main_issues(ctx: RuleContext) -> Iterator[Finding]:
    """Bab I states the organisation's main problems (permasalahan utama / isu strategis).

    Why it matters: PermenPANRB 53/2014 asks Bab I to present the strategic issues the
    organisation faces; the rest of the report should answer them.
    Fails when: Bab I never mentions permasalahan, isu strategis, tantangan, kendala or hambatan.
    Passes when: it does (the reviewer judges the substance).
    """
    bab1 = ctx.doc.chapter("bab1")
    if bab1 is None:
        return
    text = ctx.doc.text_of(bab1)
    low = text.lower()
    if len(low) == len(text) and any(w in low for w in _ISSUE_LITERALS):
        return  # a whole alternative printed: the pattern matches (it would search long)
    if _ISSUES_RE.search(text):
        return
    yield ctx.finding(
        line=bab1.line,
        row="permasalahan utama",
        message=(
            f"{bab1.title} tidak menguraikan permasalahan utama (isu strategis) organisasi; "
            "tambahkan uraiannya."
        ),
    )
