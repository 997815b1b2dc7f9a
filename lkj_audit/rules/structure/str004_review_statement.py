"""STR004 ``structure.review_statement``.

The "Pernyataan Telah Direviu" of the APIP is attached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.structure._shared import _last_line

_REVIU_RE = re.compile(
    r"(?i)pernyataan\s+(?:telah\s+)?di\s*-?\s*reviu|telah\s+di\s*-?\s*reviu|pernyataan\s+reviu"
)


_REVIU = frozenset({"reviu"})


@rule(
    code="STR004",
    name="structure.review_statement",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=(
        "hint: the APIP attaches its Pernyataan Telah Direviu after the reviu this tool supports"
    ),
    domain=("R-S08",),
)
def review_statement(ctx: RuleContext) -> Iterator[Finding]:
    """The "Pernyataan Telah Direviu" of the APIP is attached.

    Why it matters: KKE 3.1(4) asks whether the LKj was reviewed by the APIP (Inspektorat)
    before submission; the statement is the evidence [R-S08 wording unverified].
    Fails when: no "Pernyataan Telah Direviu" / "telah direviu" appears anywhere.
    Passes when: the statement or a reference to it is present.
    """
    # every wording has "reviu": a line without it is not searched
    lines = ctx.doc.lines
    if any(_REVIU_RE.search(lines[i - 1]) for i in ctx.doc.mentions.lines_holding(_REVIU)):
        return
    lampiran = ctx.doc.chapter("lampiran")
    yield ctx.finding(
        line=lampiran.line if lampiran else _last_line(ctx.doc),
        row="Pernyataan Telah Direviu",
        message=(
            "Pernyataan Telah Direviu oleh APIP (Inspektorat) tidak ditemukan; pastikan LKj "
            "telah direviu dan pernyataannya dilampirkan."
        ),
    )
