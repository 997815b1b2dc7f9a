"""STR008 ``structure.toc_order``.

Each daftar isi entry appears once and page numbers never go backwards.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lkj_audit import numfmt
from lkj_audit.load.rows import TocRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.structure._toc import normalise, roman


def _page(row: TocRow) -> tuple[int, int] | None:
    """``(0, n)`` for a front-matter roman page, ``(1, n)`` for an arabic one."""
    if row.front_matter:
        n = roman(row.page_raw)
        return (0, n) if n is not None else None
    return (1, int(row.page)) if row.page is not None else None


@rule(
    code="STR008",
    name="structure.toc_order",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=("cosmetic: page numbers and entries of the daftar isi (policy example)"),
    domain=("R-X02",),
    tables=("toc",),
)
def toc_order(ctx: RuleContext) -> Iterator[Finding]:
    """Each daftar isi entry appears once and page numbers never go backwards.

    Why it matters: a daftar isi listing "BAB IV PENUTUP" twice, or at page 40 after page 44,
    was not regenerated after editing; the reader is sent to the wrong page.
    Fails when: a chapter-level entry (BAB …, KATA PENGANTAR, LAMPIRAN) repeats an earlier
    entry, a lower entry repeats the entry just before it, or an entry's page is lower than the
    highest page listed before it (roman front-matter pages and arabic pages separately).
    Passes when: every heading is listed once, in non-decreasing page order.
    """
    toc = ctx.rows.toc
    yield from _duplicates(ctx, toc)
    yield from _backwards(ctx, toc)


def _duplicates(ctx: RuleContext, toc: Sequence[TocRow]) -> Iterator[Finding]:
    """Chapter-level entries (capitals, BAB …) listed twice; lower ones only when adjacent.

    Two chapters may each have an "A. Pendahuluan".
    """
    seen: dict[str, int] = {}
    previous = ""
    for row in toc:
        key = normalise(row.heading)
        chapter_level = row.heading.isupper() or key.startswith("bab ")
        if key in seen and (chapter_level or key == previous):
            yield ctx.finding(
                line=row.line,
                table="toc",
                row=row.heading,
                stated=row.page_raw or None,
                message=(
                    f'Daftar isi mencantumkan "{row.heading}" dua kali (juga di baris '
                    f"{seen[key]}); hapus entri ganda dan sesuaikan nomor halamannya."
                ),
            )
        seen.setdefault(key, row.line)
        previous = key


def _backwards(ctx: RuleContext, toc: Sequence[TocRow]) -> Iterator[Finding]:
    """Entries whose page is below the highest page listed before them."""
    top: tuple[int, int, str] | None = None
    for row in toc:
        page = _page(row)
        if page is None:
            continue
        if top is not None and page[0] == top[0] and page[1] < top[1]:
            yield ctx.finding(
                line=row.line,
                table="toc",
                row=row.heading,
                column="halaman",
                stated=row.page_raw,
                expected=f"≥ {top[2]}",
                message=(
                    f'Di daftar isi, "{row.heading}" berada di halaman '
                    f"{numfmt.quoted(row.page_raw)}, lebih kecil dari halaman entri sebelumnya "
                    f"({numfmt.quoted(top[2])}); nomor halaman tidak "
                    "boleh mundur."
                ),
            )
        if top is None or page[0] > top[0] or page[1] >= top[1]:
            top = (page[0], page[1], row.page_raw)
