"""STR006 ``structure.sasaran_numbering``.

The "Sasaran N" blocks of Bab III are numbered 1, 2, 3… without repeats.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.document import Section
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="STR006",
    name="structure.sasaran_numbering",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=(
        "cosmetic: sasaran numbering; a sasaran without its capaian table is CMP006's finding"
    ),
    domain=("R-S04",),
)
def sasaran_numbering(ctx: RuleContext) -> Iterator[Finding]:
    """The "Sasaran N" blocks of Bab III are numbered 1, 2, 3… without repeats.

    Why it matters: two different sasaran printed as "Sasaran 5" make it impossible to match
    Bab III with the PK, and usually hide a sasaran without its capaian.
    Fails when: a sasaran number repeats, or numbers skip or do not start at 1.
    Passes when: the sasaran are numbered consecutively from 1.
    """
    bab3 = ctx.doc.chapter("bab3")
    if bab3 is None:
        return
    blocks = [s for s in ctx.doc.sections if s.level == 3 and bab3.contains(s.line)]
    seen: dict[int, Section] = {}
    expected = 1
    for s in blocks:
        n = s.number or 0
        if n in seen:
            yield ctx.finding(
                line=s.line,
                row=s.title,
                stated=f"Sasaran {n}",
                expected=f"Sasaran {expected}",
                message=(
                    f"Nomor Sasaran {n} dipakai dua kali: "
                    f"{numfmt.quoted(ctx.doc.line_text(seen[n].line))} (baris {seen[n].line}) "
                    f"dan {numfmt.quoted(ctx.doc.line_text(s.line))}; sasaran ini seharusnya "
                    f"Sasaran {expected}."
                ),
            )
            expected += 1
            continue
        if n != expected:
            yield ctx.finding(
                line=s.line,
                row=s.title,
                stated=f"Sasaran {n}",
                expected=f"Sasaran {expected}",
                severity=Severity.INFO,
                message=(
                    f"Sasaran di Bab III melompat ke Sasaran {n}; yang diharapkan Sasaran "
                    f"{expected}. Periksa apakah ada sasaran yang hilang."
                ),
            )
        seen[n] = s
        expected = max(expected, n) + 1
