"""STR003 ``structure.lampiran_pk``.

A Lampiran section exists and contains (or lists) the Perjanjian Kinerja.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load import headings as hd
from lkj_audit.load.document import Document
from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.structure._shared import _PK_RE, _last_line

_LAMPIRAN_LINE_RE = gated(r"(?i)^\W*lampiran\b")


def _lampiran_announced(doc: Document) -> int | None:
    """Where the report promises a Lampiran: outside the daftar isi first, else in it."""
    toc = doc.chapter("daftar_isi")
    hits = [
        i
        for i in doc.mentions.lines_holding(_LAMPIRAN_LINE_RE.words)  # lines it can match
        if _LAMPIRAN_LINE_RE.pattern.match(doc.lines[i - 1])
    ]
    outside = [ln for ln in hits if not (toc and toc.contains(ln))]
    picks = outside or hits
    return picks[0] if picks else None


def _bare_lampiran(doc: Document) -> int | None:
    """A LAMPIRAN heading after the last chapter that was not accepted for lack of text."""
    chapters = [s for s in doc.sections if s.level == 1 and s.key.startswith("bab")]
    after = max((s.line for s in chapters), default=0)
    found = [
        c.line for c in hd.chapter_candidates(doc.lines) if c.key == "lampiran" and c.line > after
    ]
    return found[0] if found else None


@rule(
    code="STR003",
    name="structure.lampiran_pk",
    category=Category.STRUCTURE,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the Lampiran with the Perjanjian Kinerja is required; hint: a Lampiran heading "
        "without text may be a scanned attachment"
    ),
    domain=("R-S07",),
)
def lampiran_pk(ctx: RuleContext) -> Iterator[Finding]:
    """A Lampiran section exists and contains (or lists) the Perjanjian Kinerja.

    Why it matters: PermenPANRB 53/2014 requires the signed PK as the first attachment; it is
    the evidence that the targets reported were agreed at the start of the year.
    Fails when: no LAMPIRAN heading is found after the chapters (a "Lampiran:" list in the
    Sistematika Penyajian does not count), or the Lampiran never mentions the Perjanjian
    Kinerja.
    Passes when: the Lampiran exists and names or contains the PK.
    """
    doc = ctx.doc
    lampiran = doc.chapter("lampiran")
    bare = _bare_lampiran(doc) if lampiran is None else None
    if bare is not None:
        yield ctx.finding(
            line=bare,
            row="Lampiran",
            severity=Severity.INFO,
            message=(
                "Judul LAMPIRAN ada, tetapi tanpa isi teks (mungkin berupa gambar atau pindaian); "
                f"pastikan Perjanjian Kinerja tahun {ctx.year} yang ditandatangani terlampir."
            ),
        )
        return
    if lampiran is None:
        announced = _lampiran_announced(doc)
        where = "Lampiran disebut di sini, tetapi laporan" if announced else "Laporan"
        yield ctx.finding(
            line=announced or _last_line(doc),
            row="Lampiran",
            message=(
                f"{where} tidak memuat bagian LAMPIRAN; Perjanjian Kinerja tahun {ctx.year} "
                "wajib dilampirkan (PermenPANRB 53/2014)."
            ),
        )
        return
    text = (
        doc.text_of(lampiran)
        + " "
        + " ".join(
            " ".join(r.cells) for t in doc.tables if lampiran.contains(t.line) for r in t.rows
        )
    )
    if not (_PK_RE.search(text) or re.search(r"\bPK\b", text)):
        yield ctx.finding(
            line=lampiran.line,
            row="Lampiran",
            message=(
                f"Bagian {lampiran.title} tidak memuat atau menyebut Perjanjian Kinerja tahun "
                f"{ctx.year}; lampirkan PK yang ditandatangani."
            ),
        )
