"""Structure rules: the chapters, subsections and attachments PermenPANRB 53/2014 prescribes.

DOMAIN.md §1.2 (R-S01…R-S08, R-V01). Numbering and announced content are checked in
:mod:`lkj_audit.rules.structure_numbering`.

The daftar isi checks (R-X02), also of the structure family, are in
:mod:`lkj_audit.rules.structure_toc`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load import headings as hd
from lkj_audit.load.document import CHAPTER_LABELS, CHAPTER_ORDER, Document, Section
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


_PK_RE = re.compile(r"(?i)perjanjian\s+kinerja|penetapan\s+kinerja")


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
    tables=("pk", "capaian", "anggaran"),
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
    doc, t = ctx.doc, ctx.tables
    bab2, bab3 = doc.chapter("bab2"), doc.chapter("bab3")
    pk_lines = list(t.pk.line[t.pk.source == "pk"]) if "source" in t.pk else list(t.pk.line)
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
    if capaian is None and not _in(list(t.capaian.line), bab3):
        yield ctx.finding(
            line=bab3.line,
            row="Capaian Kinerja",
            message=(
                f"{bab3.title} tidak memuat subbab maupun tabel Capaian Kinerja Organisasi "
                "per sasaran."
            ),
        )
    if anggaran is None and t.anggaran.empty:
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


_LAMPIRAN_LINE_RE = re.compile(r"(?i)^\W*lampiran\b")


def _lampiran_announced(doc: Document) -> int | None:
    """Where the report promises a Lampiran: outside the daftar isi first, else in it."""
    toc = doc.chapter("daftar_isi")
    hits = [i for i, text in enumerate(doc.lines, 1) if _LAMPIRAN_LINE_RE.match(text)]
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


def _last_line(doc: Document) -> int | None:
    return max((i for i, t in enumerate(doc.lines, 1) if t.strip()), default=None)


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


_REVIU_RE = re.compile(
    r"(?i)pernyataan\s+(?:telah\s+)?di\s*-?\s*reviu|telah\s+di\s*-?\s*reviu|pernyataan\s+reviu"
)


@rule(
    code="STR004",
    name="structure.review_statement",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=(
        "hint: the APIP attaches its Pernyataan Telah Direviu after the reviu this tool supports"
    ),
    domain=("R-S08",),
)
def review_statement(ctx: RuleContext) -> Iterator[Finding]:
    """The "Pernyataan Telah Direviu" of the APIP is attached.

    Why it matters: KKE 3.1(4) asks whether the LKj was reviewed by the APIP (Inspektorat)
    before submission; the statement is the evidence [R-S08 wording unverified].
    Fails when: no "Pernyataan Telah Direviu" / "telah direviu" appears anywhere.
    Passes when: the statement or a reference to it is present.
    """
    if any(_REVIU_RE.search(t) for t in ctx.doc.lines):
        return
    lampiran = ctx.doc.chapter("lampiran")
    yield ctx.finding(
        line=lampiran.line if lampiran else _last_line(ctx.doc),
        row="Pernyataan Telah Direviu",
        message=(
            "Pernyataan Telah Direviu oleh APIP (Inspektorat) tidak ditemukan; pastikan LKj "
            "telah direviu dan pernyataannya dilampirkan."
        ),
    )
