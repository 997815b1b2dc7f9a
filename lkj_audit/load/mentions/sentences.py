"""The one sentence splitter: sentences of running text and table cells, with their lines.

A full stop (or ``!?;``), optional closing quotes or brackets, then white space before a
capital or a digit ends a sentence; the full stop of an abbreviation that is followed by a
name or a number ("UU No. 7 Tahun 2017", "Kab. Ogan Komering Ilir", "Jl. Merdeka") does not,
so a citation is never cut in two before it is blanked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lkj_audit.load.document import Block, Document, RawTable, TableRow

# Abbreviations whose full stop is followed by a name or a number, not a new sentence.
_ABBREVIATIONS = ("No", "Kab", "Prov", "Kec", "Kel", "Jl", "Rp", "Dr", "Drs", "Ir", "Hj", "Sdr")
_NOT_ABBREVIATION = "".join(
    rf"(?<!\b{a}\.)(?<!\b{a.upper()}\.)" for a in _ABBREVIATIONS if len(a) > 1
)
# The closing quote or bracket stays with the sentence it closes.
_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?;]){_NOT_ABBREVIATION}|(?<=[.!?;][\"”’')\]]))\s+(?=[\"“(]?[A-Z0-9])"
)


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


# Where a sentence end can start: right after a stop, or after a stop and its closing mark,
# and only where white space follows (every end starts with it: the figures' dots are not
# tried).
_STOP_RE = re.compile(r"[.!?;](?:[\"”’')\]](?=\s)|(?=\s))")


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_SENTENCE_END.finditer(text)``, tried only right after each stop.

    The pattern begins with look-behinds, so a search of its own tries every character of
    the text; a stop (or a stop and its closing mark) is where every match begins.
    """
    last = 0
    for stop in _STOP_RE.finditer(text):
        after = stop.start() + 1
        for i in (after, stop.end()) if stop.end() != after else (after,):
            if i >= last and (m := _SENTENCE_END.match(text, i)) is not None:
                yield m
                last = m.end()


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (a full stop before a capital ends one)."""
    if _STOP_RE.search(text) is None:
        return [s] if (s := text.strip()) else []  # no stop before white space: one piece
    pieces, start = [], 0
    for m in _sentence_ends(text):
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    return [t for s in pieces if (t := s.strip())]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]`` (same boundaries as the splitter)."""
    left, right = 0, len(text)
    for m in _sentence_ends(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return text[left:right]


# A report has ~1,150 sentences: built by setting the slots, as the frozen dataclass's own
# ``__init__`` does one ``object.__setattr__`` per field (~2x the cost); the same objects.
_new = object.__new__
_SET = tuple(getattr(Sentence, f).__set__ for f in ("text", "line", "end_line", "kind", "row"))


def _sentence(text: str, line: int, end_line: int, kind: str, row: str = "") -> Sentence:
    s = _new(Sentence)
    set_text, set_line, set_end, set_kind, set_row = _SET
    set_text(s, text)
    set_line(s, line)
    set_end(s, end_line)
    set_kind(s, kind)
    set_row(s, row)
    return s


def block_sentences(block: Block) -> list[Sentence]:
    """The sentences of one running-text block."""
    line, end, kind = block.line, block.end_line, block.kind
    return [_sentence(t, line, end, kind) for t in split_sentences(block.text)]


def row_sentences(row: TableRow) -> list[Sentence]:
    """Every non-empty cell of one data row as one sentence, with the whole row."""
    joined = " | ".join(row.cells)
    first, last = row.lines[0], row.lines[-1]
    return [_sentence(cell, first, last, "cell", joined) for cell in row.cells if cell.strip()]


def cell_sentences(table: RawTable) -> list[Sentence]:
    """Every non-empty data cell of ``table`` as one sentence, with its whole row."""
    return [s for row in table.rows for s in row_sentences(row)]
