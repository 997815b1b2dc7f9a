"""STR009 ``structure.toc_page_missing``.

Every daftar isi entry has a page number.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="STR009",
    name="structure.toc_page_missing",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=("cosmetic: page numbers of the daftar isi (policy example)"),
    domain=("R-X02",),
    tables=("toc",),
)
def toc_page_missing(ctx: RuleContext) -> Iterator[Finding]:
    """Every daftar isi entry has a page number.

    Why it matters: an entry without a page number points nowhere; it usually means the
    daftar isi was typed by hand and not updated.
    Fails when: a daftar isi entry has no page number.
    Passes when: every entry prints a page (arabic or roman).
    """
    for row in ctx.rows.toc:
        if row.page_raw.strip():
            continue
        yield ctx.finding(
            line=row.line,
            table="toc",
            row=row.heading,
            column="halaman",
            message=(
                f'Entri daftar isi "{row.heading}" tidak mencantumkan nomor halaman; lengkapi.'
            ),
        )
