"""The text analysis of one report, kept on its Document (``doc.mentions``), built on first use.

Each collection is computed once per report and shared by every rule that reads it: the
sentences of each block and table, the Renstra periods, the signature lines, the region and
satker names of each line, the digits-and-words pairs of each block, and the years printed in
each text (so a rule tests "does this sentence name another year?" without a scan of its own).
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lkj_audit.load.document import Block, Document, RawTable, Section, TableRow
from lkj_audit.load.mentions.citations import blank_citations
from lkj_audit.load.mentions.dates import SignedDate, signature_line
from lkj_audit.load.mentions.renstra import RENSTRA_WORDS, RenstraMention, renstra_mentions
from lkj_audit.load.mentions.sentences import Sentence, block_sentences, row_sentences
from lkj_audit.load.mentions.words import folded, folded_same_length, has_any
from lkj_audit.load.mentions.years import YEAR_RE, without_spans
from lkj_audit.load.regions import LEVEL_WORDS, Mention, mentions
from lkj_audit.load.terbilang import NumberPair, number_pairs

_LEVEL_WORDS = frozenset(LEVEL_WORDS)

# A line of running text that ends with the level word of a name wrapped onto the next line
# ("… Sekretariat KPU Kabupaten" / "Lombok Tengah ini …").
_LEVEL_AT_END_RE = re.compile(r"(?i)\b(?:kabupaten|kab\.|kota|provinsi)\s*$")


def _wrapped_regions(
    line: int, text: str, following: str, own: list[Mention]
) -> list[RegionMention]:
    """The mention a line break cut in two, at the line where it starts."""
    if "\t" in text or "\t" in following or not following.strip():
        return []
    if not _LEVEL_AT_END_RE.search(text):
        return []
    joined = f"{text.rstrip()} {' '.join(following.split()[:4])}"
    seen = {m.text for m in own}
    return [RegionMention(line, joined, m) for m in mentions(joined) if m.text not in seen]


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A region or satker name ("KPU Kota Prabumulih") on a source line."""

    line: int
    text: str  # the whole line
    mention: Mention


class TextAnalysis:
    """Sentences and mentions of one Document; every collection is built once, when first read."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._blocks: dict[int, list[Sentence]] = {}
        self._cells: dict[int, list[Sentence]] = {}
        self._rows: dict[int, list[Sentence]] = {}
        self._plain: dict[int, list[str]] = {}
        self._text_blocks: list[Block] | None = None
        self._block_lines: list[int] | None = None
        self._section_blocks: dict[int, list[Block]] = {}
        self._pairs: dict[int, list[NumberPair]] = {}
        self._renstra: list[RenstraMention] | None = None
        self._signatures: list[SignedDate] | None = None
        self._regions: list[RegionMention] | None = None
        self._all: list[Sentence] | None = None
        self._dated: list[Sentence] | None = None
        self._years: dict[str, tuple[int, ...]] = {}
        self._folded: tuple[str, list[int]] | None = None
        self._holding: dict[frozenset[str], list[int]] = {}

    def __deepcopy__(self, memo: dict[int, object]) -> TextAnalysis:
        """A copy of the document starts with an empty analysis (its text may be edited)."""
        return TextAnalysis(copy.deepcopy(self._doc, memo))

    def text_blocks(self) -> list[Block]:
        """The running-text blocks of the report (``doc.blocks_in(None)``), as one list."""
        if self._text_blocks is None:
            self._text_blocks = list(self._doc.blocks_in(None))
            lines = [b.line for b in self._text_blocks]
            self._block_lines = lines if lines == sorted(lines) else None
        return self._text_blocks

    def blocks_in(self, section: Section | None) -> list[Block]:
        """``doc.blocks_in(section)`` as one list, kept per section (not to be changed)."""
        if section is None:
            return self.text_blocks()
        found = self._section_blocks.get(id(section))
        if found is None:
            first, last = section.line, section.end_line  # section.contains, inline
            found = self._section_blocks[id(section)] = [
                b for b in self.text_blocks() if first <= b.line <= last
            ]
        return found

    def block_after(self, line: int) -> Block | None:
        """The first running-text block (in reading order) that starts after ``line``."""
        blocks = self.text_blocks()
        if self._block_lines is None:  # not in line order: read them all
            return next((b for b in blocks if b.line > line), None)
        i = bisect_right(self._block_lines, line)
        return blocks[i] if i < len(blocks) else None

    def blocks_after(self, line: int) -> list[Block]:
        """The running-text blocks that start after ``line``, in reading order."""
        blocks = self.text_blocks()
        if self._block_lines is None:
            return [b for b in blocks if b.line > line]
        return blocks[bisect_right(self._block_lines, line) :]

    def block_sentences(self, block: Block) -> list[Sentence]:
        """The sentences of one block."""
        found = self._blocks.get(id(block))
        if found is None:
            found = self._blocks[id(block)] = block_sentences(block)
        return found

    def cell_sentences(self, table: RawTable) -> list[Sentence]:
        """The non-empty data cells of one table, each as a sentence."""
        found = self._cells.get(id(table))
        if found is None:
            found = self._cells[id(table)] = [s for r in table.rows for s in self.row_sentences(r)]
        return found

    def row_sentences(self, row: TableRow) -> list[Sentence]:
        """The non-empty cells of one data row, each as a sentence (see :meth:`cell_sentences`)."""
        found = self._rows.get(id(row))
        if found is None:
            found = self._rows[id(row)] = row_sentences(row)
        return found

    def sentences_holding(
        self, words: Iterable[str] | None, *, cells: bool = False
    ) -> Iterator[Sentence]:
        """:meth:`sentences` of the whole report, less those of blocks and rows without ``words``.

        A sentence is a piece of its block (a cell of its row), so a block or row without any
        of the (lower-case) words has no sentence with one: it is neither split nor made into
        cells. Every sentence when ``words`` is ``None``.
        """
        if words is None:
            yield from self.sentences(cells=cells)
            return
        words = tuple(words)
        for block in self.text_blocks():
            if has_any(block.text, *words):
                yield from self.block_sentences(block)
        if not cells:
            return
        for table in self._doc.tables:
            for row in table.rows:
                if has_any(" | ".join(row.cells), *words):
                    yield from self.row_sentences(row)

    def sentences(
        self, section: Section | None = None, *, cells: bool = False
    ) -> Iterator[Sentence]:
        """Sentences of the running text of ``section`` (whole report when ``None``), in order.

        With ``cells`` every table cell of the section (data rows, not headers) follows, each
        as one sentence.
        """
        for block in self.blocks_in(section):
            yield from self.block_sentences(block)
        if not cells:
            return
        for table in self._doc.tables:
            if section is None or section.contains(table.line):
                yield from self.cell_sentences(table)

    def plain_sentences(self, section: Section) -> list[str]:
        """The sentences of ``section``'s running text, citations blanked, spans of years cut.

        (:func:`~.citations.blank_citations`, :func:`~.years.without_spans`.) Several rules
        read Bab III so; each reads this one list (not to be changed).
        """
        found = self._plain.get(id(section))
        if found is None:
            found = self._plain[id(section)] = [
                without_spans(blank_citations(s.text)) for s in self.sentences(section)
            ]
        return found

    def all_sentences(self) -> list[Sentence]:
        """Every sentence of the report: running text, then table cells (``cells=True``)."""
        if self._all is None:
            self._all = list(self.sentences(cells=True))
        return self._all

    def dated_sentences(self) -> list[Sentence]:
        """The sentences of :meth:`all_sentences` that print a year, in the same order."""
        if self._dated is None:
            # A sentence's years are its block's (or its row's) within it: a block or a row
            # without years is neither split nor scanned sentence by sentence.
            out = [
                s
                for block in self.text_blocks()
                if self.years(block.text)
                for s in self.block_sentences(block)
                if self.years(s.text)
            ]
            for table in self._doc.tables:
                for row in table.rows:
                    if self.years(" | ".join(row.cells)):  # what each cell's ``row`` is
                        out += [s for s in self.row_sentences(row) if self.years(s.text)]
            self._dated = out
        return self._dated

    def years(self, text: str) -> tuple[int, ...]:
        """The years printed in ``text`` (every :data:`~.years.YEAR_RE` match), kept per text.

        A sentence's years are those of its block within it (the splitter cuts at white
        space), so a block without years has sentences without years.
        """
        found = self._years.get(text)
        if found is None:
            # every year starts "19" or "20": a text without either is not scanned
            found = self._years[text] = (
                tuple(int(y) for y in YEAR_RE.findall(text)) if "20" in text or "19" in text else ()
            )
        return found

    def other_year_named(self, text: str, year: int) -> bool:
        """Does ``text`` print any year other than ``year``?"""
        return any(y != year for y in self.years(text))

    def lines_holding(self, words: frozenset[str] | None) -> list[int]:
        """1-based numbers of the lines whose :func:`~.words.folded` text holds one of ``words``.

        Every line when ``words`` is ``None``. One search of the folded report per word, not
        one test per line: a line scan with a :class:`~.gate.Gated` pattern reads only these.
        """
        if words is None:
            return list(range(1, len(self._doc.lines) + 1))
        found = self._holding.get(words)
        if found is None:
            if self._folded is None:
                lines = self._doc.lines
                joined = "\n".join(lines)
                whole = joined.lower()
                if len(whole) == len(joined) and "\u0307" not in whole:
                    # lower case kept every offset and no "i̇" is to be joined: fold the text
                    # at once (the other odd letters are replaced one for one)
                    low, joined = lines, folded_same_length(whole)
                else:
                    low = [folded(text) for text in lines]
                    joined = "\n".join(low)
                starts = [0]
                for text in low:
                    starts.append(starts[-1] + len(text) + 1)
                self._folded = (joined, starts)
            joined, starts = self._folded
            hits: set[int] = set()
            for word in words:
                pos = joined.find(word)
                while pos >= 0:
                    number = bisect_right(starts, pos)  # 1-based: starts[0] is line 1's start
                    hits.add(number)
                    pos = joined.find(word, starts[number])  # on from the next line
            found = self._holding[words] = sorted(hits)
        return found

    @property
    def renstra(self) -> list[RenstraMention]:
        """Every Renstra period printed in running text or table cells, in reading order."""
        if self._renstra is None:
            # renstra_mentions reads only the sentences holding one of its words
            self._renstra = renstra_mentions(
                self._doc, self.sentences_holding(RENSTRA_WORDS, cells=True)
            )
        return self._renstra

    def signatures(self, start: int = 1, end: int | None = None) -> list[SignedDate]:
        """The place-and-date signature lines between lines ``start`` and ``end`` (inclusive)."""
        if self._signatures is None:
            # A signature line ends with its year ("…, 20 Januari 2025"): only the lines whose
            # last printed character is a digit are read (the same lines as those holding a
            # month name that match; a search of the report per month name cost ~1 ms)
            self._signatures = [
                d
                for i, text in enumerate(self._doc.lines, start=1)
                if text.rstrip()[-1:].isdigit() and (d := signature_line(i, text))
            ]
        last = len(self._doc.lines) if end is None else end
        return [d for d in self._signatures if start <= d.line <= last]

    @property
    def regions(self) -> list[RegionMention]:
        """Every "[KPU] Kabupaten/Kota/Provinsi <Name>" of the report, line by line."""
        if self._regions is None:
            lines = self._doc.lines
            # every mention (and every wrapped one) has its level word: only the lines
            # holding one are read
            found: list[RegionMention] = []
            for i in self.lines_holding(_LEVEL_WORDS):
                text = lines[i - 1]
                own = mentions(text)
                found += [RegionMention(i, text, m) for m in own]
                found += _wrapped_regions(i, text, lines[i] if i < len(lines) else "", own)
            self._regions = found
        return self._regions

    def number_pairs(self, block: Block) -> list[NumberPair]:
        """The digits-and-words pairs ("14 (empat belas)", "dua puluh (20)") of one block."""
        found = self._pairs.get(id(block))
        if found is None:
            found = self._pairs[id(block)] = number_pairs(block.text)
        return found
