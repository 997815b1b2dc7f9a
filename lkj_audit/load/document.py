"""The document model: sections, blocks (paragraphs, list items) and raw tables, with lines.

Every reader (text extraction, PDF, DOCX) produces this model, so rules never see a format.
Line numbers are 1-based lines of the text the reader worked on; they are the "where" of a
finding and let the auditor open the source at the right place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lkj_audit.load.mentions.analysis import TextAnalysis

# Canonical chapter keys in the order PermenPANRB 53/2014 prescribes (DOMAIN.md §1.2).
CHAPTER_ORDER: tuple[str, ...] = (
    "kata_pengantar",
    "ikhtisar",
    "daftar_isi",
    "bab1",
    "bab2",
    "bab3",
    "bab4",
    "bab5",
    "lampiran",
)

CHAPTER_LABELS: dict[str, str] = {
    "kata_pengantar": "Kata Pengantar",
    "ikhtisar": "Ikhtisar Eksekutif",
    "daftar_isi": "Daftar Isi",
    "bab1": "BAB I Pendahuluan",
    "bab2": "BAB II Perencanaan Kinerja",
    "bab3": "BAB III Akuntabilitas Kinerja",
    "bab4": "BAB IV Penutup",
    "bab5": "BAB V",
    "lampiran": "Lampiran",
}


@dataclass(slots=True, eq=False)
class Section:
    """A chapter (level 1), lettered subsection (level 2) or sasaran block (level 3)."""

    key: str
    title: str
    level: int
    line: int
    end_line: int = 0
    parent: Section | None = None
    letter: str | None = None
    number: int | None = None

    @property
    def path(self) -> str:
        """Human-readable location.

        E.g. ``BAB III AKUNTABILITAS KINERJA › B. Realisasi Anggaran``.
        """
        parts = []
        node: Section | None = self
        while node is not None:
            parts.append(node.title)
            node = node.parent
        return " › ".join(reversed(parts))

    @property
    def chapter(self) -> Section:
        """The level-1 section this one belongs to."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def contains(self, line: int) -> bool:
        """True when ``line`` falls inside this section."""
        return self.line <= line <= self.end_line


@dataclass(slots=True, eq=False)
class Block:
    """A paragraph, list item, heading or page-furniture line of running text."""

    kind: str  # "paragraph" | "list_item" | "heading" | "furniture"
    line: int
    end_line: int
    text: str
    section: Section | None = None


@dataclass(slots=True, eq=False)
class TableRow:
    """One logical row: wrapped continuation lines already merged cell by cell."""

    cells: list[str]
    lines: list[int]
    source: list[str]
    is_total: bool = False
    line_cells: list[list[str]] = field(default_factory=list)  # cells of each source line
    kind: str = "data"  # "data" | "group" (a section label row) | "total" | "subtotal" |
    # "summary" (a capaian table's "Capaian Kinerja Tertimbang" / "Rata-rata Capaian" row)
    # the line a finding about the row cites when its first line is a guess: its figures'
    anchor: int | None = None

    def joined(self, start: int, stop: int | None) -> str:
        """Text of columns ``start:stop`` read line by line (keeps wrapped words in order)."""
        parts = (
            " ".join(c for c in lc[start:stop] if c) for lc in (self.line_cells or [self.cells])
        )
        return " ".join(" ".join(parts).split())

    @property
    def line(self) -> int:
        """First source line of the row."""
        return self.lines[0]

    @property
    def cited_line(self) -> int:
        """The line findings cite: the first, or the figures' line when the bounds are a guess."""
        return self.anchor if self.anchor is not None else self.lines[0]

    @property
    def evidence(self) -> str:
        """The source lines of the row, tabs shown as ` | `."""
        return " / ".join(s.replace("\t", " | ").strip(" |") for s in self.source)


@dataclass(slots=True, eq=False)
class RawTable:
    """A table as printed: header rows and logical data rows, before typing."""

    id: str
    line: int
    end_line: int
    header: list[list[str]]
    rows: list[TableRow]
    section: Section | None = None
    context: list[Block] = field(default_factory=list)
    kind: str | None = None  # set by the table typer: "anggaran", "capaian", ...
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (line, why it was left out)
    roles: dict[str, str] = field(default_factory=dict)  # role -> header as printed
    doubts: list[str] = field(default_factory=list)  # why the reading may be wrong (Bahasa)
    # why the reading cannot be trusted (Bahasa): the table is read with low confidence
    uncertain: list[str] = field(default_factory=list)
    # rows told apart by a guess (names wrapped above and below their figures, no No column):
    # each row's figures are certain, which row a name or code belongs to is not
    row_bounds_guessed: bool = False
    # the column labels, read once (header and rows do not change once the table is built)
    _labels: tuple[str, ...] | None = field(default=None, init=False, repr=False)
    _header_text: str | None = field(default=None, init=False, repr=False)

    @property
    def header_text(self) -> str:
        """All header cells joined, lower-case, for keyword matching."""
        if self._header_text is None:  # read once, like the labels: every typer asks
            self._header_text = " ".join(" ".join(r) for r in self.header).lower()
        return self._header_text

    @property
    def caption(self) -> str:
        """The nearest preceding text block (table title or introducing sentence)."""
        return self.context[-1].text if self.context else ""


@dataclass(slots=True, eq=False)
class Document:
    """A whole report: its text lines, sections, running-text blocks and raw tables."""

    source: str
    sha256: str  # of the report file as received (of the text when parsed from a string)
    lines: list[str]
    sections: list[Section]
    blocks: list[Block]
    tables: list[RawTable]
    rejected_headings: list[tuple[int, str]] = field(default_factory=list)
    # Aligned blocks that looked like a table but could not be read: (line, end_line, why).
    unread_tables: list[tuple[int, int, str]] = field(default_factory=list)
    _mentions: TextAnalysis | None = field(default=None, init=False, repr=False)

    @property
    def mentions(self) -> TextAnalysis:
        """Sentences and typed mentions of the text, built on first use and kept."""
        if self._mentions is None:
            from lkj_audit.load.mentions.analysis import TextAnalysis  # it reads this model

            self._mentions = TextAnalysis(self)
        return self._mentions

    def chapter(self, key: str) -> Section | None:
        """The chapter with canonical key ``key`` (see :data:`CHAPTER_ORDER`), if present."""
        return next((s for s in self.sections if s.level == 1 and s.key == key), None)

    def unread_within(self, first: int, last: int) -> bool:
        """A table is visible but unread (flowing text, unaligned) between these lines."""
        return any(a <= last and first <= b for a, b, _ in self.unread_tables)

    def section_at(self, line: int) -> Section | None:
        """Deepest section containing ``line``."""
        best: Section | None = None
        for s in self.sections:
            if s.line <= line <= s.end_line and (best is None or s.level >= best.level):
                best = s  # (s.contains(line), inline: ~140 asks per audit over every section)
        return best

    def blocks_in(self, section: Section | None) -> Iterator[Block]:
        """Running-text blocks inside ``section`` (all blocks when ``None``)."""
        for b in self.blocks:
            if b.kind == "furniture":
                continue
            if section is None or section.contains(b.line):
                yield b

    def text_of(self, section: Section | None) -> str:
        """Running text of a section, one block per line."""
        return "\n".join(b.text for b in self.blocks_in(section))

    def line_text(self, line: int) -> str:
        """Source text of a 1-based line, tabs shown as ` | `."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1].replace("\t", " | ").strip(" |")
        return ""

    def subsections(self, parent: Section) -> list[Section]:
        """Direct children of ``parent`` in reading order."""
        return [s for s in self.sections if s.parent is parent]
