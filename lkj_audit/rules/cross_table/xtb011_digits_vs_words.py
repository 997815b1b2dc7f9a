"""XTB011 ``cross_table.digits_vs_words``.

A number written in digits and in words ("14 (empat belas)") says the same in both.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="XTB011",
    name="cross_table.digits_vs_words",
    category=Category.CROSS_TABLE,
    severity=Severity.ERROR,
    severity_reason=("disproved: the digits and the words of one number disagree"),
    domain=("R-G01",),
    tolerance="exact",
)
def digits_vs_words(ctx: RuleContext) -> Iterator[Finding]:
    """A number written in digits and in words ("14 (empat belas)") says the same in both.

    Why it matters: the words are the legal reading of a figure; "6 (tujuh) misi" or an amount
    whose terbilang differs leaves the reader unsure which one is meant and usually betrays a
    number updated in one place only.
    Fails when: in running text, digits followed by number words in brackets (or words
    followed by digits in brackets) denote different numbers.
    Passes when: every such pair agrees.
    """
    for block in ctx.doc.mentions.blocks_in(None):
        if block.kind == "furniture":
            continue
        for pair in ctx.doc.mentions.number_pairs(block):
            if pair.agrees:
                continue
            yield ctx.finding(
                line=block.line,
                row=pair.raw,
                column="terbilang",
                stated=pair.raw,
                expected=f"{pair.digits_raw} = {pair.digits}, '{pair.words_raw}' = {pair.words}",
                message=(
                    "Angka dan huruf tidak sama: angka "
                    f"{numfmt.quoted(pair.digits_raw)} tetapi terbilang "
                    f"{numfmt.quoted(pair.words_raw)} berarti {numfmt.number(pair.words)}; "
                    "perbaiki salah satunya."
                ),
            )
