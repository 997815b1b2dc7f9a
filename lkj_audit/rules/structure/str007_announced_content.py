"""STR007 ``structure.announced_content``.

A formula, table or list announced with "… sebagai berikut :" actually follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.document import Block, Document
from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_ANNOUNCE_RE = gated(
    r"(?i)(sebagai\s+berikut|berikut(?:\s+ini)?|rumus(?:\s+\w+){0,3}|formula|yaitu|yakni|meliputi|antara\s+lain|di\s*bawah\s+ini)\s*:\s*$"
)


_FORMULA_RE = re.compile(r"(?i)[=/×÷]|\bx\s*100|\*\s*100|\bdibagi\b|\bdikali\b")


_ENUM_RE = re.compile(r"^\W*(?:\d{1,2}|[a-zA-Z])[.)]\s")


def _next_item(doc: Document, after: int) -> tuple[Block | None, int | None]:
    """The next running-text block and the next table start after line ``after``."""
    block = doc.mentions.block_after(after)
    # A table visible but unread (flowing text) is still the announced content.
    starts = sorted([t.line for t in doc.tables] + [u[0] for u in doc.unread_tables])
    table = next((ln for ln in starts if ln > after), None)
    return block, table


def _follows(doc: Document, formula: bool, block: Block | None) -> Severity | None:
    """``None`` when the announced content follows, else the severity of its absence."""
    if block is None:
        return Severity.WARNING
    sec = doc.section_at(block.line)
    if block.kind == "heading" and sec is not None and sec.line == block.line and sec.level < 3:
        return Severity.WARNING  # the section ends right after the announcement
    if formula:
        return None if _FORMULA_RE.search(block.text) else Severity.WARNING
    if block.kind in {"list_item", "heading"} or _ENUM_RE.match(block.text):
        return None
    if len(block.text.split()) <= 12 or block.text[:1].islower():
        return None
    return Severity.INFO  # a figure may have been lost in the text extraction


@rule(
    code="STR007",
    name="structure.announced_content",
    category=Category.STRUCTURE,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the formula, table or list a sentence announces is absent; hint: a long "
        "paragraph follows, a picture may have been lost in the text extraction"
    ),
    domain=("R-V01", "R-A1"),
)
def announced_content(ctx: RuleContext) -> Iterator[Finding]:
    """A formula, table or list announced with "… sebagai berikut :" actually follows.

    Why it matters: "menggunakan rumus :" followed by nothing leaves the capaian method
    undocumented; an announced table that is absent leaves the claim unsupported.
    Fails when: a paragraph ending in "rumus :" is not followed by a formula (=, /, x 100) or a
    table (warning); a paragraph ending in "sebagai berikut :", "yaitu :" etc. is followed by
    the end of its section (warning) or directly by another long paragraph (info: a picture
    may have been lost in the text extraction).
    Passes when: the announced formula, table, list or caption comes next.
    """
    doc = ctx.doc
    for b in doc.mentions.blocks_in(None):
        # Every announcement ends in ":" (the pattern is anchored there): test that first,
        # and search from the last "." or ";", which no announcement spans.
        if b.kind not in {"paragraph", "list_item"} or not b.text.rstrip().endswith(":"):
            continue
        m = _ANNOUNCE_RE.search(b.text[max(b.text.rfind("."), b.text.rfind(";"), 0) :])
        if not m:
            continue
        nxt, table_line = _next_item(doc, b.end_line)
        if table_line is not None and (nxt is None or table_line < nxt.line):
            continue
        formula = bool(re.match(r"(?i)rumus|formula", m.group(1)))
        severity = _follows(doc, formula, nxt)
        if severity is None:
            continue
        what = "rumus" if formula else "rincian (tabel, daftar atau gambar)"
        yield ctx.finding(
            line=b.end_line,
            row=b.text if len(b.text) <= 60 else "…" + b.text[-59:],
            stated=m.group(0).strip(),
            severity=severity,
            message=(
                f'Kalimat diakhiri "{m.group(0).strip()}" tetapi {what} yang diumumkan tidak '
                "ditemukan dalam teks sesudahnya (jika berupa gambar, periksa dokumen aslinya). "
                "Cantumkan isinya atau perbaiki kalimatnya."
            ),
        )
