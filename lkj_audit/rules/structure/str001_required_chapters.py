"""STR001 ``structure.required_chapters``.

The Ikhtisar Eksekutif and Bab I–IV are present, in the prescribed order.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import headings as hd
from lkj_audit.load.document import CHAPTER_LABELS, CHAPTER_ORDER, Document
from lkj_audit.load.mentions.sections import penutup
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

# Chapters every LKj needs (R-S01…R-S06), in the prescribed order.
_REQUIRED: tuple[tuple[str, str], ...] = (
    ("ikhtisar", "R-S01"),
    ("bab1", "R-S02"),
    ("bab2", "R-S03"),
    ("bab3", "R-S04"),
    ("bab4", "R-S06"),
)


def _misplaced(doc: Document, key: str) -> int | None:
    """Line of a heading for chapter ``key`` that exists but was not accepted (out of order)."""
    chosen, rejected = hd.select_chapters(doc.lines, hd.chapter_candidates(doc.lines))
    zones = hd.listing_zones(rejected)
    toc = doc.chapter("daftar_isi")
    for c in rejected:
        if (
            c.key != key
            or any(a <= c.line <= b for a, b in zones)
            or (toc and toc.contains(c.line))
        ):
            continue
        return c.line
    return None


def _where_expected(doc: Document, key: str) -> tuple[int | None, str]:
    """The line of the next chapter present after ``key`` (where it should have come)."""
    later = CHAPTER_ORDER[CHAPTER_ORDER.index(key) + 1 :]
    nxt = next((s for k in later if (s := doc.chapter(k)) is not None), None)
    if nxt is None:
        return (len(doc.lines) or None), "di akhir laporan"
    return nxt.line, f"sebelum {nxt.title}"


@rule(
    code="STR001",
    name="structure.required_chapters",
    category=Category.STRUCTURE,
    severity=Severity.WARNING,
    severity_reason=("missing: a chapter PermenPANRB 53/2014 prescribes is absent or out of order"),
    domain=("R-S01", "R-S02", "R-S03", "R-S04", "R-S06", "R-V01"),
)
def required_chapters(ctx: RuleContext) -> Iterator[Finding]:
    """The Ikhtisar Eksekutif and Bab I–IV are present, in the prescribed order.

    Why it matters: PermenPANRB 53/2014 fixes the LKj outline; an evaluator scores "sesuai
    standar" (KKE 3.2(1)) on it, and a missing Bab III or Penutup means missing content.
    Fails when: no heading is found for one of Ikhtisar Eksekutif, BAB I, BAB II, BAB III,
    BAB IV/Penutup, or the heading exists but out of order (e.g. the Ikhtisar after Bab I).
    Passes when: all five are found in order.
    """
    doc = ctx.doc
    for key, _ in _REQUIRED:
        present = penutup(doc) if key == "bab4" else doc.chapter(key)
        if present is not None:
            continue
        label = CHAPTER_LABELS[key]
        misplaced = _misplaced(doc, key)
        line, where = _where_expected(doc, key)
        if misplaced is not None:
            message = (
                f"Judul {label} ada di baris {misplaced}, tetapi tidak pada urutan yang ditetapkan "
                f"PermenPANRB 53/2014 (seharusnya {where}). Susun ulang bab sesuai sistematika."
            )
            line = misplaced
        else:
            message = (
                f"Bagian wajib {label} tidak ditemukan (format PermenPANRB 53/2014; seharusnya "
                f"{where}). Tambahkan bagian ini atau periksa judulnya."
            )
        yield ctx.finding(line=line, row=label, expected=label, message=message)
