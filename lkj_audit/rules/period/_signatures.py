"""Helpers shared by several rules of this family; registers no rules.

Used by PER004, PER005, PER006.
"""

from __future__ import annotations

import re

from lkj_audit.load.document import Document
from lkj_audit.load.mentions.dates import SignedDate
from lkj_audit.load.mentions.sections import chapters, closing_chapters
from lkj_audit.rules.registry import RuleContext


def _signature_zone(ctx: RuleContext) -> list[tuple[int, int]]:
    """Where the LKj itself is signed: Kata Pengantar, Ikhtisar, Penutup (not the PK)."""
    doc = ctx.doc
    signed_in = chapters(doc, ("kata_pengantar", "ikhtisar")) + closing_chapters(doc)
    zones = [(s.line, s.end_line) for s in signed_in]
    first = min((s.line for s in doc.sections if s.level == 1), default=len(doc.lines) + 1)
    zones.append((1, first - 1))  # the cover and anything before the first chapter
    return zones


# A PK or an attachment printed before the Kata Pengantar or after the Penutup (its title in
# capitals, or under a Lampiran heading) is signed at the start of the year: not the LKj's date.
_PK_TITLE_LINE_RE = re.compile(r"^\s*(?:PERJANJIAN\s+KINERJA|PENETAPAN\s+KINERJA|(?i:lampiran)\b)")


_LOOKBACK = 40


def _under_pk_title(doc: Document, line: int, start: int) -> bool:
    """True when a PK/Lampiran title precedes ``line`` (within its zone and 40 lines)."""
    first = max(start, line - _LOOKBACK)
    return any(_PK_TITLE_LINE_RE.match(doc.lines[i - 1]) for i in range(first, line))


def lkj_signatures(ctx: RuleContext) -> list[SignedDate]:
    """Place-and-date lines of the LKj's own signature blocks (not of a PK printed nearby)."""
    found = [
        d
        for a, b in _signature_zone(ctx)
        for d in ctx.doc.mentions.signatures(a, b)
        if not _under_pk_title(ctx.doc, d.line, a)
    ]
    return sorted({d.line: d for d in found}.values(), key=lambda d: d.line)
