"""CMP006 ``completeness.sasaran_without_capaian``.

Every "Sasaran N" block of Bab III has its capaian table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load import columns as col
from lkj_audit.load.document import RawTable, Section
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import sasaran_blocks
from lkj_audit.rules.registry import RuleContext, rule


def _is_capaian_like(table: RawTable) -> bool:
    head = col.header_words(table)
    return table.kind == "capaian" or (
        "indikator" in head and bool(re.search(r"target|realisasi|capaian", head))
    )


def _serves(table: RawTable, block: Section) -> bool:
    """Does ``table`` give ``block``'s capaian?

    It does when it begins in the block, or when one of its indicator rows sits there (one
    shared table with "Sasaran N: …" group rows, its header above the first sasaran).
    """
    if block.contains(table.line):
        return True
    return any(
        row.kind == "data" and any(block.contains(ln) for ln in row.lines) for row in table.rows
    )


@rule(
    code="CMP006",
    name="completeness.sasaran_without_capaian",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: a sasaran without its capaian table; cosmetic: a combined table elsewhere in "
        "Bab III gives the capaian"
    ),
    domain=("R-S04", "R-A1"),
    # no tables=: it runs without them and reports what is missing
)
def sasaran_without_capaian(ctx: RuleContext) -> Iterator[Finding]:
    """Every "Sasaran N" block of Bab III has its capaian table.

    Why it matters: a sasaran announced in Bab III without target, realisasi and capaian is
    reported as if achieved while no achievement is shown (R-A1).
    Fails when: a sasaran block contains no table with indicator and target/realisasi
    columns. When Bab III also has such a table outside every sasaran block (a combined
    table), or a table seen but unread anywhere in it (it may be a combined one), the
    finding is only info.
    Passes when: each sasaran block holds its capaian table (or the indicator rows of one
    table shared by all sasaran, under their group rows), a combined table elsewhere in Bab
    III lists the block's indicators (by its Sasaran column, or as the PK sets them under the
    block's sasaran), or a table the reader saw but could not read (RDG002).
    """
    doc = ctx.doc
    bab3 = doc.chapter("bab3")
    if bab3 is None:
        return
    blocks = [s for s in doc.sections if s.level == 3 and bab3.contains(s.line)]
    tables = [t for t in doc.tables if bab3.contains(t.line) and _is_capaian_like(t)]
    outside = {t.id for t in tables if not any(_serves(t, b) for b in blocks)}
    # A table of Bab III seen but unread (cells one per line) may be a combined capaian table.
    combined = bool(outside) or bool(doc.unread_within(bab3.line, bab3.end_line))
    # A combined table elsewhere in Bab III whose Sasaran column names the block's sasaran
    # (by name only: two blocks may carry the same number, STR006).
    listed = {
        id(b)
        for r in ctx.rows.capaian
        if r.table in outside
        for b in sasaran_blocks(doc, None, r.sasaran)
    }
    # ... or without a Sasaran column, whose indicators are those the PK sets under the
    # block's sasaran (one table of all indicators before the per-sasaran analyses).
    pairs = ctx.figures.pk_pairs[1]
    numbers = [pk.no for pk, _row in pairs]
    # The PK's No numbers its sasaran (1, 1, 2, 3, 3) when it runs 1..n over n sasaran blocks.
    by_number = (
        bool(numbers)
        and None not in numbers
        and numbers == sorted(numbers)  # type: ignore[type-var]
        and max(numbers) == len(blocks)  # type: ignore[type-var]
    )
    listed |= {
        id(b)
        for pk, row in pairs
        if row is not None and row.table in outside
        for b in sasaran_blocks(doc, pk.no if by_number else None, pk.sasaran)
    }
    for b in blocks:
        # A table visible but unread (flowing text) may be this capaian: no accusation.
        if any(_serves(t, b) for t in tables) or doc.unread_within(b.line, b.end_line):
            continue
        if id(b) in listed:
            continue
        yield ctx.finding(
            line=b.line,
            row=b.title,
            severity=Severity.INFO if combined else None,
            message=(
                f"{b.title} tidak disertai tabel capaian (indikator, target, realisasi, capaian); "
                "sajikan capaian kinerja sasaran ini."
            ),
        )
