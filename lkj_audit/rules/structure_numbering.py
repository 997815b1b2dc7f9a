"""Structure rules on numbering and announced content.

Subsection letters, sasaran numbers, and the formula or table a sentence announces
(DOMAIN.md R-V01, R-S04).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.document import Block, Document, Section
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


def _letter_findings(subs: list[Section]) -> Iterator[tuple[Section, str, str, bool]]:
    """(section, printed letter, expected letter, is a repeat) for each break in A, B, C…"""
    expected = "A"
    i = 0
    while i < len(subs):
        s = subs[i]
        letter = s.letter or ""
        if letter == expected:
            expected = chr(ord(letter) + 1)
        elif letter > expected:
            yield s, letter, expected, False
            expected = chr(ord(letter) + 1)
        elif letter == "A" and i + 1 < len(subs) and subs[i + 1].letter == "B":
            # A nested lettered list (A, B, … again) inside a subsection: skip the run.
            while (
                i + 1 < len(subs)
                and subs[i + 1].letter != expected
                and (subs[i + 1].letter or "") < expected
            ):
                i += 1
        else:
            yield s, letter, expected, True
        i += 1


@rule(
    code="STR005",
    name="structure.subsection_letters",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=("cosmetic: subsection letters (policy example)"),
    domain=("R-V01",),
)
def subsection_letters(ctx: RuleContext) -> Iterator[Finding]:
    """Lettered subsections of each chapter run A, B, C… without repeats.

    Why it matters: a repeated letter ("A. Rencana Strategis, B. Visi dan Misi, A. Sasaran…")
    shows a section pasted in from another document and breaks references to it.
    Fails when: a subsection repeats a letter already used in its chapter or skips letters (the
    skipped heading may be missing or unrecognised).
    Passes when: every chapter's subsections are lettered in sequence from A.
    """
    doc = ctx.doc
    for chapter in (s for s in doc.sections if s.level == 1 and s.key.startswith("bab")):
        subs = [s for s in doc.subsections(chapter) if s.level == 2]
        letters = ", ".join(s.letter or "?" for s in subs)
        for s, letter, want, repeat in _letter_findings(subs):
            what = f"huruf {letter} terulang" if repeat else f"huruf {want} dilewati"
            yield ctx.finding(
                line=s.line,
                row=s.title,
                stated=letter,
                expected=want,
                message=(
                    f'Subbab {chapter.title} berurutan {letters}: pada "{s.title}" {what}; '
                    f"seharusnya {want}. Perbaiki penomoran subbab."
                ),
            )


@rule(
    code="STR006",
    name="structure.sasaran_numbering",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=(
        "cosmetic: sasaran numbering; a sasaran without its capaian table is CMP006's finding"
    ),
    domain=("R-S04",),
)
def sasaran_numbering(ctx: RuleContext) -> Iterator[Finding]:
    """The "Sasaran N" blocks of Bab III are numbered 1, 2, 3… without repeats.

    Why it matters: two different sasaran printed as "Sasaran 5" make it impossible to match
    Bab III with the PK, and usually hide a sasaran without its capaian.
    Fails when: a sasaran number repeats, or numbers skip or do not start at 1.
    Passes when: the sasaran are numbered consecutively from 1.
    """
    bab3 = ctx.doc.chapter("bab3")
    if bab3 is None:
        return
    blocks = [s for s in ctx.doc.sections if s.level == 3 and bab3.contains(s.line)]
    seen: dict[int, Section] = {}
    expected = 1
    for s in blocks:
        n = s.number or 0
        if n in seen:
            yield ctx.finding(
                line=s.line,
                row=s.title,
                stated=f"Sasaran {n}",
                expected=f"Sasaran {expected}",
                message=(
                    f"Nomor Sasaran {n} dipakai dua kali: "
                    f"{numfmt.quoted(ctx.doc.line_text(seen[n].line))} (baris {seen[n].line}) "
                    f"dan {numfmt.quoted(ctx.doc.line_text(s.line))}; sasaran ini seharusnya "
                    f"Sasaran {expected}."
                ),
            )
            expected += 1
            continue
        if n != expected:
            yield ctx.finding(
                line=s.line,
                row=s.title,
                stated=f"Sasaran {n}",
                expected=f"Sasaran {expected}",
                severity=Severity.INFO,
                message=(
                    f"Sasaran di Bab III melompat ke Sasaran {n}; yang diharapkan Sasaran "
                    f"{expected}. Periksa apakah ada sasaran yang hilang."
                ),
            )
        seen[n] = s
        expected = max(expected, n) + 1


_ANNOUNCE_RE = re.compile(
    r"(?i)(sebagai\s+berikut|berikut(?:\s+ini)?|rumus(?:\s+\w+){0,3}|formula|yaitu|yakni|meliputi|antara\s+lain|di\s*bawah\s+ini)\s*:\s*$"
)
_FORMULA_RE = re.compile(r"(?i)[=/×÷]|\bx\s*100|\*\s*100|\bdibagi\b|\bdikali\b")
_ENUM_RE = re.compile(r"^\W*(?:\d{1,2}|[a-zA-Z])[.)]\s")


def _next_item(doc: Document, after: int) -> tuple[Block | None, int | None]:
    """The next running-text block and the next table start after line ``after``."""
    block = next((b for b in doc.blocks_in(None) if b.line > after), None)
    table = next((t.line for t in doc.tables if t.line > after), None)
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
    for b in doc.blocks_in(None):
        m = _ANNOUNCE_RE.search(b.text) if b.kind in {"paragraph", "list_item"} else None
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
