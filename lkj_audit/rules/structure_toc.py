"""Daftar isi rules (structure family, DOMAIN.md R-X02).

Every entry once, with a page, in page order, naming a heading that exists in the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
from rapidfuzz import fuzz, process

from lkj_audit import numfmt
from lkj_audit.load.document import Document
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
# Similarity (rapidfuzz ratio, 0–100) of a daftar isi entry to a heading of the report:
# at or above FOUND the entry names that heading; between SIMILAR and FOUND it names it with
# other words; below SIMILAR nothing in the report corresponds to it.
FOUND, SIMILAR = 90, 75


def normalise(heading: str) -> str:
    """Compare headings regardless of case, spacing and trailing punctuation ("A.Capaian")."""
    text = re.sub(r"\s*([.:])\s*", r"\1 ", heading.lower())
    return " ".join(text.split()).strip(" .:-–")


def roman(text: str) -> int | None:
    """Value of a lower/upper-case roman page number (``iii`` → 3)."""
    t = text.strip().lower()
    if not t or any(ch not in _ROMAN for ch in t):
        return None
    total = 0
    for ch, nxt in zip(t, t[1:] + " ", strict=True):
        v = _ROMAN[ch]
        total += -v if nxt in _ROMAN and _ROMAN[nxt] > v else v
    return total


def _page(row: pd.Series) -> tuple[int, int] | None:
    """``(0, n)`` for a front-matter roman page, ``(1, n)`` for an arabic one."""
    if row["front_matter"]:
        n = roman(str(row["page_raw"]))
        return (0, n) if n is not None else None
    page = row["page"]
    return (1, int(page)) if page == page and page is not None else None


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
    toc = ctx.tables.toc
    yield from _duplicates(ctx, toc)
    yield from _backwards(ctx, toc)


def _duplicates(ctx: RuleContext, toc: pd.DataFrame) -> Iterator[Finding]:
    """Chapter-level entries (capitals, BAB …) listed twice; lower ones only when adjacent.

    Two chapters may each have an "A. Pendahuluan".
    """
    seen: dict[str, int] = {}
    previous = ""
    for _, row in toc.iterrows():
        key = normalise(row["heading"])
        chapter_level = row["heading"].isupper() or key.startswith("bab ")
        if key in seen and (chapter_level or key == previous):
            yield ctx.finding(
                line=int(row["line"]),
                table="toc",
                row=row["heading"],
                stated=row["page_raw"] or None,
                message=(
                    f'Daftar isi mencantumkan "{row["heading"]}" dua kali (juga di baris '
                    f"{seen[key]}); hapus entri ganda dan sesuaikan nomor halamannya."
                ),
            )
        seen.setdefault(key, int(row["line"]))
        previous = key


def _backwards(ctx: RuleContext, toc: pd.DataFrame) -> Iterator[Finding]:
    """Entries whose page is below the highest page listed before them."""
    top: tuple[int, int, str] | None = None
    for _, row in toc.iterrows():
        page = _page(row)
        if page is None:
            continue
        if top is not None and page[0] == top[0] and page[1] < top[1]:
            yield ctx.finding(
                line=int(row["line"]),
                table="toc",
                row=row["heading"],
                column="halaman",
                stated=row["page_raw"],
                expected=f"≥ {top[2]}",
                message=(
                    f'Di daftar isi, "{row["heading"]}" berada di halaman '
                    f"{numfmt.quoted(row['page_raw'])}, lebih kecil dari halaman entri sebelumnya "
                    f"({numfmt.quoted(top[2])}); nomor halaman tidak "
                    "boleh mundur."
                ),
            )
        if top is None or page[0] > top[0] or page[1] >= top[1]:
            top = (page[0], page[1], str(row["page_raw"]))


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
    for _, row in ctx.tables.toc.iterrows():
        if str(row["page_raw"]).strip():
            continue
        yield ctx.finding(
            line=int(row["line"]),
            table="toc",
            row=row["heading"],
            column="halaman",
            message=(
                f'Entri daftar isi "{row["heading"]}" tidak mencantumkan nomor halaman; lengkapi.'
            ),
        )


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
        len(text.split()) <= 12 and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text) is not None
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
    toc = ctx.tables.toc
    if toc.empty:
        return
    texts = _heading_texts(ctx.doc)
    for _, row in toc.iterrows():
        key = normalise(row["heading"])
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
            line=int(row["line"]),
            table="toc",
            row=row["heading"],
            stated=row["heading"],
            expected=best if similar else None,
            message=(
                f'Entri daftar isi "{row["heading"]}" berbeda dengan judul di naskah '
                f'("{best}"); samakan judulnya.'
                if similar
                else f'Entri daftar isi "{row["heading"]}" tidak ditemukan sebagai judul di '
                "naskah laporan; tambahkan bagiannya atau hapus entrinya."
            ),
        )
