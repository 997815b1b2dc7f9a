"""STR010 ``structure.toc_heading_exists``.

Every daftar isi entry names a heading that exists in the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from lkj_audit.load.document import Document
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.structure._toc import normalise

# Similarity (rapidfuzz ratio, 0–100) of a daftar isi entry to a heading of the report:
# at or above FOUND the entry names that heading; between SIMILAR and FOUND it names it with
# other words; below SIMILAR nothing in the report corresponds to it.
FOUND, SIMILAR = 90, 75


def _heading_texts(doc: Document) -> dict[str, str]:
    """Headings and heading-like lines outside the daftar isi, keyed by normalised form."""
    toc = doc.chapter("daftar_isi")
    texts = {normalise(s.title): s.title for s in doc.sections}
    for i, line in enumerate(doc.lines, 1):
        t = line.strip().lstrip("-•* ")
        if not t or "\t" in line or len(t) > 150 or t.endswith(":") or (toc and toc.contains(i)):
            continue
        texts.setdefault(normalise(t), t)
    texts.pop("", None)
    return texts


def _contains(text: str, key: str) -> bool:
    """``key`` as whole words in a short heading-like ``text`` (a heading wrapped in the toc)."""
    return (
        key in text  # cheap, and implied by the whole-word test below
        and len(text.split()) <= 12
        and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text) is not None
    )


@rule(
    code="STR010",
    name="structure.toc_heading_exists",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=(
        "cosmetic: a daftar isi entry without its heading; the missing content itself is another "
        "rule's finding"
    ),
    domain=("R-X02",),
    tables=("toc",),
    tolerance=f"fuzzy match (rapidfuzz ratio ≥ {FOUND}; {SIMILAR}–{FOUND} = other wording, info)",
)
def toc_heading_exists(ctx: RuleContext) -> Iterator[Finding]:
    """Every daftar isi entry names a heading that exists in the report.

    Why it matters: an entry for a chapter or attachment that is not in the report (a
    LAMPIRAN that was never attached) misstates the report's content.
    Fails when: no heading or line of the report resembles the entry, or an entry that
    resembles a heading but with other words ("BAB II PERENCANAAN DAN PERJANJIAN KINERJA" for
    "BAB II PERENCANAAN KINERJA").
    Passes when: each entry matches a heading, ignoring case, spacing and punctuation.
    """
    toc = ctx.rows.toc
    if not toc:
        return
    texts = _heading_texts(ctx.doc)
    for row in toc:
        key = normalise(row.heading)
        if not key or not texts:
            continue
        if len(key) >= 6 and any(_contains(t, key) for t in texts):
            continue
        match, score, _ = process.extractOne(key, list(texts), scorer=fuzz.ratio)
        if score >= FOUND:
            continue
        best = texts[match]
        similar = score >= SIMILAR
        yield ctx.finding(
            line=row.line,
            table="toc",
            row=row.heading,
            stated=row.heading,
            expected=best if similar else None,
            message=(
                f'Entri daftar isi "{row.heading}" berbeda dengan judul di naskah '
                f'("{best}"); samakan judulnya.'
                if similar
                else f'Entri daftar isi "{row.heading}" tidak ditemukan sebagai judul di '
                "naskah laporan; tambahkan bagiannya atau hapus entrinya."
            ),
        )
