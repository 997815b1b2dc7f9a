"""Find the report's real headings among the many lines that look like one.

An LKj names its own chapters several times: in the daftar isi, in the "Sistematika
Penyajian" of Bab I, in running text. The real chapter heading of each chapter is the one
that starts a substantial stretch of text before the next chapter; listings of headings
(each followed by a one-line description) are recognised as such and ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkj_audit.load.document import CHAPTER_ORDER

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_BAB_RE = re.compile(r"^\s*BAB\s+([IVX]{1,4}|\d)\b\s*[.:\-–]?\s*(.*)$")
_FRONT = {
    "kata_pengantar": re.compile(r"^\s*KATA\s+PENGANTAR\s*$"),
    "ikhtisar": re.compile(r"^\s*(IKHTISAR|RINGKASAN)\s+EKSEKUTIF\s*$"),
    "daftar_isi": re.compile(r"^\s*DAFTAR\s+ISI\s*$"),
    "lampiran": re.compile(r"^\s*LAMPIRAN(\s*[-–:]?\s*[A-Z0-9 ,.()-]*)?$"),
}
_SUB_RE = re.compile(r"^[\s\-•*]*([A-H])\s*\.\s*(?![a-z])(\S.{1,90}?)\s*$")
# A degree abbreviation alone on a line (a name cell wrapped by a text extraction).
# "3.1 Capaian Kinerja Organisasi": a subsection numbered after its chapter instead of lettered.
_NUMBERED_SUB_RE = re.compile(r"^\s*(\d)\.([1-8])\.?\s+(?![a-z])(\S.{1,90}?)\s*$")
_NAME_WITH_DEGREE_RE = re.compile(r",\s*(?:[A-Z][A-Za-z]{0,3}\.\s?){1,3}$")
_DEGREE_RE = re.compile(r"^\s*[A-H]\.\s?[A-Z][a-z]{1,3}\.\s*$")
_SASARAN_RE = re.compile(r"^[\s\-•]*(?:\d+\s*\.\s*)?Sasaran\s+(\d+)\s*[-–:.]\s*(\S.*)$", re.I)

# A chapter heading needs this many text lines before the next heading candidate;
# "Sistematika Penyajian" listings have one description line per entry.
_MIN_BODY_LINES = 2
_PARAGRAPH_CHARS = 200  # one line this long is a paragraph, not a listing entry


@dataclass(frozen=True, slots=True)
class Candidate:
    """A line that looks like a chapter heading."""

    line: int  # 1-based
    key: str
    title: str


def chapter_candidates(lines: list[str]) -> list[Candidate]:
    """Every line (outside tables) that could be a chapter heading."""
    out: list[Candidate] = []
    for i, text in enumerate(lines, start=1):
        if "\t" in text or not text.strip().isupper():
            # daftar isi entries and table cells are never headings; a heading is upper case
            # (the tests below; checked first, it spares five patterns on every other line)
            continue
        m = _BAB_RE.match(text)
        if m and text.strip().upper() == text.strip():
            num = _ROMAN.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0)
            if 1 <= num <= 5:
                title = m.group(2).strip() or _next_title(lines, i)
                out.append(Candidate(i, f"bab{num}", f"BAB {m.group(1)} {title}".strip()))
            continue
        for key, rx in _FRONT.items():
            if rx.match(text) and text.strip().isupper():
                out.append(Candidate(i, key, " ".join(text.split())))
                break
    return out


def _next_title(lines: list[str], line: int) -> str:
    """Title printed on the line after a bare ``BAB II`` (skips blank lines)."""
    for text in lines[line : line + 4]:
        t = text.strip()
        if t:
            return t if t.isupper() and len(t) < 80 and "\t" not in t else ""
    return ""


def _body_lines(lines: list[str], start: int, stop: int) -> int:
    return sum(1 for t in lines[start : stop - 1] if t.strip())


def select_chapters(
    lines: list[str], candidates: list[Candidate]
) -> tuple[list[Candidate], list[Candidate]]:
    """Choose one heading per chapter, in canonical order; return (chosen, rejected).

    For each chapter key, among candidates after the previous chosen heading, take the one
    followed by the longest stretch before the next candidate of a later chapter.
    """
    order = {k: i for i, k in enumerate(CHAPTER_ORDER)}
    cands = sorted(candidates, key=lambda c: c.line)

    def nxt_of(c: Candidate) -> int:
        later = [d.line for d in cands if d.line > c.line and order[d.key] > order[c.key]]
        return min(later) if later else len(lines) + 1

    def gap(c: Candidate) -> int:
        nxt = nxt_of(c)
        return _body_lines(lines, c.line, nxt) if nxt - c.line > 0 else 0

    def has_body(c: Candidate) -> bool:
        # A short Ikhtisar written in Word is one paragraph, i.e. one (long) line of text.
        body = lines[c.line : nxt_of(c) - 1]
        return gap(c) >= _MIN_BODY_LINES or any(len(t) >= _PARAGRAPH_CHARS for t in body)

    chosen: list[Candidate] = []
    last = 0
    for key in CHAPTER_ORDER:
        options = [c for c in cands if c.key == key and c.line > last]
        options = [c for c in options if has_body(c)]
        if not options:
            continue
        best = max(options, key=lambda c: (gap(c), -c.line))
        chosen.append(best)
        last = best.line
    rejected = [c for c in cands if c not in chosen]
    return chosen, rejected


def listing_zones(rejected: list[Candidate], window: int = 12) -> list[tuple[int, int]]:
    """Line ranges where rejected headings cluster (a "Sistematika" listing of chapters)."""
    zones: list[tuple[int, int]] = []
    for c in sorted(rejected, key=lambda c: c.line):
        if zones and c.line - zones[-1][1] <= window:
            zones[-1] = (zones[-1][0], c.line)
        else:
            zones.append((c.line, c.line))
    # A zone ends after the description of its last entry.
    return [(a, b + 4) for a, b in zones if b > a]


def subsection_match(text: str) -> tuple[str, str] | None:
    """``("B", "Realisasi Anggaran")`` for a lettered subsection heading line, else ``None``."""
    if "\t" in text:
        return None
    m = _SUB_RE.match(text)
    if not m:
        return None
    title = m.group(2)
    if title.endswith((":", ";", ",")) or len(title.split()) > 12 or not title[0].isupper():
        return None
    if _DEGREE_RE.match(text):
        return None  # "A.Md.", "S.Kom.": an academic degree on a line of its own
    if _NAME_WITH_DEGREE_RE.search(title):
        return None  # "H. LALU MUHAMMAD ZAINI, S.H.": a signatory whose name starts "H."
    return m.group(1), title


_BAB_KEY_RE = re.compile(r"bab(\d)")


def numbered_subsection_match(text: str, chapter_key: str) -> tuple[str, str] | None:
    """``("A", "3.1 Capaian Kinerja")`` for "3.1 Capaian Kinerja" in Bab III, else ``None``.

    The subsection's place in its chapter gives its letter (3.1 → A, 3.2 → B), so rules that
    look for "B. Realisasi Anggaran" find it; the title keeps the number as printed. Only a
    number whose first part is the chapter's own counts ("2.1" in Bab III is a list item).
    """
    chapter = _BAB_KEY_RE.fullmatch(chapter_key)
    if chapter is None or "\t" in text:
        return None
    m = _NUMBERED_SUB_RE.match(text)
    if not m or m.group(1) != chapter.group(1):
        return None
    title = m.group(3)
    if title.endswith((":", ";", ",", ".")) or len(title.split()) > 12 or not title[0].isupper():
        return None
    return chr(ord("A") + int(m.group(2)) - 1), f"{m.group(1)}.{m.group(2)} {title}"


def sasaran_match(text: str) -> tuple[int, str] | None:
    """``(4, "Terwujudnya ...")`` for a "Sasaran N - ..." heading line, else ``None``."""
    if "\t" in text:
        return None
    m = _SASARAN_RE.match(text)
    if not m or len(text) > 220 or _SENTENCE_FIGURE_RE.search(m.group(2)):
        return None
    return int(m.group(1)), m.group(2).strip()


# A percentage, a decimal, a count with thousands ("78,42%", "96,48", "222.437") or a second
# sentence ("… sesuai jadwal. Kegiatan …"): the first line of an analysis paragraph
# ("Sasaran 1. Partisipasi pemilih … sebesar 78,42% dari 222.437"), no sasaran name.
_SENTENCE_FIGURE_RE = re.compile(r"\d\s*%|\d{1,3}(?:\.\d{3})+\b|\d,\d|[a-z]{3,}\.\s+[A-Z]")
