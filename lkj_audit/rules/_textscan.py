"""Text scanning shared by the structure, completeness and period rules.

Sentences of running text and table cells with the source line they start on; legal
citations and calendar dates blanked out (their years are never period errors, DOMAIN.md
R-D02); signature dates ("Kayuagung, 20 Januari 2025"); Renstra period mentions (R-V04).
Registers no rules (private module).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from lkj_audit.load.document import Document, Section

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11,
    "november": 11, "desember": 12,
}  # fmt: skip
MONTH_NAMES = ("", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember")  # fmt: skip
_MONTH = "|".join(MONTHS)
DATE_RE = re.compile(rf"(?i)\b(?:(\d{{1,2}})\s+)?({_MONTH})\s+((?:19|20)\d\d)\b")
# "Kayuagung, 20 Januari 2025" alone on its line: the place and date above a signature.
SIGNATURE_RE = re.compile(
    rf"(?i)^\s*([A-Z][\w .'’()/-]{{1,50}}?)\s*,\s*"
    rf"((?:\d{{1,2}}\s+)?(?:{_MONTH})\s+(?:19|20)\d\d)\s*$"
)
YEAR_RE = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])")

# Years that belong to a legal citation or a calendar date, never to the reporting period:
# "Nomor 29 Tahun 2014 tentang …", "UU 7/2017", "B/3934/M.PANRB/12/2015", "23 Januari 2014".
_CITATION_RE = re.compile(
    r"(?i)\b(?:nomor|no\.)\s*[\w./-]*\d[\w./-]*\s+tahun\s+(?:19|20)\d\d(?:\s+tentang\b[^;]*)?"
    r"|\b(?:UU|PP|Perpres|Permen\w*|Perka\w*|PKPU|Peraturan\s+\w+)\s+\d+\s*/\s*(?:19|20)\d\d\b"
    r"|\b[\w.]*\d[\w.]*/[\w./-]*(?:19|20)\d\d\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"”’')\]]*\s+(?=[\"“(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of running text (or one table cell) and where it is printed."""

    text: str
    line: int
    end_line: int
    kind: str  # "heading" | "paragraph" | "list_item" | "cell"
    row: str = ""  # for a cell: the whole table row, cells joined with " | "

    def line_of(self, doc: Document, needle: str) -> int:
        """First source line of this sentence that contains ``needle`` (else its first line)."""
        for ln in range(self.line, self.end_line + 1):
            if needle in doc.lines[ln - 1]:
                return ln
        return self.line


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (a full stop before a capital ends one)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def blank_citations(text: str) -> str:
    """``text`` with legal citations and calendar dates replaced by spaces (offsets kept)."""
    text = _CITATION_RE.sub(lambda m: " " * len(m.group(0)), text)
    return DATE_RE.sub(lambda m: " " * len(m.group(0)) if m.group(1) else m.group(0), text)


def sentences(
    doc: Document, section: Section | None = None, *, cells: bool = False
) -> Iterator[Sentence]:
    """Sentences of the running text of ``section`` (whole report when ``None``), in order.

    With ``cells`` every table cell (data rows, not headers) is yielded too, as one sentence.
    """
    for block in doc.blocks_in(section):
        for text in split_sentences(block.text):
            yield Sentence(text, block.line, block.end_line, block.kind)
    if not cells:
        return
    for table in doc.tables:
        if section is not None and not section.contains(table.line):
            continue
        for row in table.rows:
            for cell in row.cells:
                if cell.strip():
                    yield Sentence(cell, row.lines[0], row.lines[-1], "cell", " | ".join(row.cells))


def within(doc: Document, keys: Iterable[str]) -> list[Section]:
    """The chapters of ``doc`` with these keys that are present."""
    return [s for k in keys if (s := doc.chapter(k)) is not None]


@dataclass(frozen=True, slots=True)
class SignedDate:
    """A place-and-date line above a signature."""

    line: int
    place: str
    raw: str
    when: date
    has_day: bool


def parse_date(text: str) -> tuple[date, bool] | None:
    """``(date, day printed?)`` of "20 Januari 2025" / "Januari 2025"; ``None`` if invalid."""
    m = DATE_RE.search(text)
    if not m:
        return None
    day = int(m.group(1)) if m.group(1) else 1
    try:
        return date(int(m.group(3)), MONTHS[m.group(2).lower()], day), bool(m.group(1))
    except ValueError:
        return None


def signature_dates(doc: Document, start: int, end: int) -> list[SignedDate]:
    """Every place-and-date signature line between lines ``start`` and ``end`` (inclusive)."""
    out = []
    for ln in range(max(start, 1), min(end, len(doc.lines)) + 1):
        text = doc.lines[ln - 1]
        m = SIGNATURE_RE.match(text) if "\t" not in text else None
        parsed = parse_date(m.group(2)) if m else None
        if m and parsed:
            out.append(SignedDate(ln, m.group(1).strip(), m.group(2).strip(), parsed[0], parsed[1]))
    return out


def format_date(d: date) -> str:
    """``20 Januari 2025``."""
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"


# "Rencana Strategis (Renstra) KPU Kabupaten X Tahun 2020-2024", "Renstra 2020 – 2024",
# "Renstra Tahun 2020 2024": the words between the term and the period are capitalised
# (the satker's name), so a period of another plan later in the sentence is not taken.
RENSTRA_RE = re.compile(
    r"(?i:\b(?:rencana\s+strategis|renstra)\b)(?:\s*\((?i:renstra)\))?"
    r"(?P<gap>(?:\s+[A-Z][\w/.'’-]*){0,9}?)\s*,?\s*"
    r"(?:(?i:tahun(?:\s+anggaran)?|periode)\s+)?"
    r"(?P<a>(?:19|20)\d\d)\s*(?:[-–—]|s\.?\s*d\.?|s/d|(?i:sampai(?:\s+dengan)?|hingga))?\s*"
    r"(?P<b>(?:19|20)\d\d)\b"
)
_OTHER_PLAN_RE = re.compile(r"RPJ\w*|RKP\w*|Nasional|Daerah")


@dataclass(frozen=True, slots=True)
class RenstraMention:
    """A Renstra period as printed, with its line."""

    line: int
    start: int
    end: int
    raw: str
    sentence: str

    @property
    def period(self) -> str:
        """``2020-2024``."""
        return f"{self.start}-{self.end}"


def renstra_mentions(doc: Document) -> list[RenstraMention]:
    """Every Renstra period printed in running text or table cells, in reading order."""
    out: list[RenstraMention] = []
    seen: set[tuple[int, int, int]] = set()
    for sent in sentences(doc, cells=True):
        for m in RENSTRA_RE.finditer(blank_citations(sent.text)):
            a, b = int(m.group("a")), int(m.group("b"))
            if not 0 < b - a <= 10 or _OTHER_PLAN_RE.search(m.group("gap")):
                continue
            line = sent.line_of(doc, m.group("b"))
            if (line, a, b) not in seen:
                seen.add((line, a, b))
                out.append(RenstraMention(line, a, b, " ".join(m.group(0).split()), sent.text))
    return sorted(out, key=lambda r: r.line)


def expected_renstra(year: int, override: object = None) -> tuple[int, int]:
    """The Renstra period covering ``year``; ``override`` ("2020-2024" or a pair) wins.

    KPU plans run in 5-year cycles aligned with the RPJMN (2015–2019, 2020–2024, 2025–2029).
    """
    if isinstance(override, (tuple, list)) and len(override) == 2:
        return int(override[0]), int(override[1])
    if isinstance(override, str) and (
        m := re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", override)
    ):
        return int(m.group(1)), int(m.group(2))
    start = year - year % 5
    return start, start + 4
