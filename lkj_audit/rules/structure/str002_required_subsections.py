"""STR002 ``structure.required_subsections``.

Bab II holds the Perjanjian Kinerja; Bab III holds Capaian Kinerja, then Realisasi Anggaran.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.document import Document, Section
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.structure._shared import _PK_RE


def _sub(doc: Document, chapter: Section, pattern: str) -> Section | None:
    return next(
        (s for s in doc.subsections(chapter) if s.level == 2 and re.search(pattern, s.title, re.I)),
        None,
    )


def _in(frame_lines: list[int], section: Section) -> bool:
    return any(section.contains(int(ln)) for ln in frame_lines)


@rule(
    code="STR002",
    name="structure.required_subsections",
    category=Category.STRUCTURE,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: a subsection PermenPANRB 53/2014 prescribes is absent or out of order"
    ),
    domain=("R-S03", "R-S04", "R-S05"),
    # no tables=: it runs without them and reports what is missing
)
def required_subsections(ctx: RuleContext) -> Iterator[Finding]:
    """Bab II holds the Perjanjian Kinerja; Bab III holds Capaian Kinerja, then Realisasi Anggaran.

    Why it matters: the PK summary (Bab II), the capaian per sasaran (Bab III.A) and the budget
    used to achieve it (Bab III.B) are the three substantive parts of an LKj.
    Fails when: Bab II has neither a "Perjanjian Kinerja" subsection nor a PK table; Bab III
    has neither a "Capaian Kinerja" subsection nor a capaian table, or neither a "Realisasi
    Anggaran" subsection nor a budget table; or Realisasi Anggaran comes before Capaian.
    Passes when: all parts are present in that order (chapters that are missing altogether
    are reported by STR001).
    """
    doc, t = ctx.doc, ctx.rows
    bab2, bab3 = doc.chapter("bab2"), doc.chapter("bab3")
    pk_lines = [p.line for p in t.pk if p.source == "pk"]
    if bab2 is not None and _sub(doc, bab2, _PK_RE.pattern) is None and not _in(pk_lines, bab2):
        yield ctx.finding(
            line=bab2.line,
            row="Perjanjian Kinerja",
            message=(
                f"{bab2.title} tidak memuat subbab maupun tabel Perjanjian Kinerja tahun "
                f"{ctx.year} (sasaran, indikator, target). Tambahkan ringkasan PK tahun berjalan."
            ),
        )
    if bab3 is None:
        return
    capaian = _sub(doc, bab3, r"capaian|kinerja\s+organisasi")
    anggaran = _sub(doc, bab3, r"anggaran")
    if capaian is None and not _in([c.line for c in t.capaian], bab3):
        yield ctx.finding(
            line=bab3.line,
            row="Capaian Kinerja",
            message=(
                f"{bab3.title} tidak memuat subbab maupun tabel Capaian Kinerja Organisasi "
                "per sasaran."
            ),
        )
    if anggaran is None and not t.anggaran:
        yield ctx.finding(
            line=bab3.line,
            row="Realisasi Anggaran",
            message=(
                f"{bab3.title} tidak memuat subbab maupun tabel Realisasi Anggaran "
                "(pagu, realisasi, %)."
            ),
        )
    if capaian is not None and anggaran is not None and anggaran.line < capaian.line:
        yield ctx.finding(
            line=anggaran.line,
            row="Realisasi Anggaran",
            message=(
                f'Subbab "{anggaran.title}" mendahului "{capaian.title}"; sesuai PermenPANRB '
                "53/2014 Capaian Kinerja (A) disajikan sebelum Realisasi Anggaran (B)."
            ),
        )
