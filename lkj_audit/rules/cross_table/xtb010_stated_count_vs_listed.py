"""XTB010 ``cross_table.stated_count_vs_listed``.

A count announced in the text equals the number of items listed right after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lkj_audit import numfmt
from lkj_audit.load.document import Block, Document, RawTable
from lkj_audit.load.mentions.counts import may_count_two_or_more
from lkj_audit.load.mentions.words import folded
from lkj_audit.load.terbilang import count_value
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_NOUNS = (
    r"program|kegiatan|misi|tujuan|sasaran(?:\s+strategis)?|indikator(?:\s+kinerja(?:\s+utama)?)?|"
    r"iku|rincian\s+output|output|sub\s*bagian|strategi"
)


_INTRO = (
    r"(?:\b(?:yaitu|yakni|meliputi|adalah|sebagai\s+berikut|antara\s+lain|terdiri\s+(?:dari|atas))"
    r"\s*:?|:)\s*$"
)


# "<N> [(<words>)] <noun> …(≤ 45 characters)… yaitu/yakni/meliputi/:" ending the block.
_STATED_RE = re.compile(
    rf"(?<![\d.,])(\d{{1,3}}|(?:[a-z]+\s+){{0,2}}[a-z]+)\s*(?:\(\s*([a-z ]+?)\s*\))?\s+({_NOUNS})\b"
    rf"(?P<gap>[^:;.]{{0,45}}?){_INTRO}",
    re.I,
)


# Cheap pre-check: the block must end like an announcement before the full pattern runs
# (the full pattern backtracks over every word of a long paragraph).
_INTRO_END_RE = re.compile(_INTRO, re.I)


# The last word of each _INTRO alternative: a text ending (white space aside) with none of
# them cannot match it; tested on the folded text, as re.I reads "ı", "ſ" and "K".
_INTRO_LAST = (":", "yaitu", "yakni", "meliputi", "adalah", "berikut", "lain", "dari", "atas")


def _may_end_intro(text: str) -> bool:
    """Cheap necessary test for ``_INTRO_END_RE.search(text)``."""
    return folded(text).rstrip().endswith(_INTRO_LAST)


_NOUN_RE = re.compile(rf"\b(?:{_NOUNS})\b", re.I)
# The noun and what follows it in _STATED_RE: where the first one that can end the clause is.
_NOUN_TO_END_RE = re.compile(rf"\b(?:{_NOUNS})\b[^:;.]{{0,45}}?{_INTRO}", re.I)
# Read backwards from that noun, the longest "<count> [(<words>)] " before it, or around it
# when it is itself a count word or inside the brackets of a later statement (letters as \w,
# so every letter re.I matches is one): no match of _STATED_RE starts earlier.
_BACK_TO_COUNT_RE = re.compile(r"\s*(?:\)?[\w\s]*\()?\s*\w*(?:\s+\w+){0,3}")


_KEGIATAN_HEAD_RE = re.compile(r"^\W*(?:[A-Za-z0-9]{1,2}\s*[.)]\s*)?Kegiatan\s+(\d{4})\b", re.I)


_PROGRAM_SENTENCE_RE = re.compile(r"\bProgram\b.*\bterdapat\b", re.I)


_MARKER_RE = re.compile(r"^\W{0,3}(?:(\d{1,2})|([a-zA-Z]))\s*[.)]\s")


@dataclass(frozen=True, slots=True)
class Stated:
    """A count announced in the text: value, the noun counted, where."""

    value: int
    raw: str
    noun: str
    block: Block


def _last_clause(text: str) -> str:
    """``text`` from its last "." or ";" on: no match of _STATED_RE can span one.

    The pattern is anchored at the end and backtracks over every word before it; the match
    holds none of these characters, so searching from the last one (kept, for the
    lookbehind) finds exactly the same match, without the paragraph before it.
    """
    return text[max(text.rfind("."), text.rfind(";"), 0) :]


def _stated_in(clause: str) -> re.Match[str] | None:
    """``_STATED_RE.search(clause)``, started where its match can start at the earliest.

    Searched from the clause's start, the pattern tries every letter as the first of up to
    three number words; its noun is at or after the first noun that can end the clause, and
    its count just before that noun.
    """
    noun = _NOUN_TO_END_RE.search(clause)
    if noun is None:
        return None
    back = _BACK_TO_COUNT_RE.match(clause[::-1], len(clause) - noun.start())
    start = len(clause) - back.end() if back is not None else 0  # it always matches
    return _STATED_RE.search(clause, start)


def stated_counts(doc: Document) -> Iterator[Stated]:
    """Counts in running text that announce the list following them."""
    for block in doc.mentions.blocks_in(None):
        if block.kind not in {"paragraph", "list_item"}:
            continue
        tail = block.text[-80:]
        if not _may_end_intro(tail):
            continue
        if not (_INTRO_END_RE.search(tail) and _NOUN_RE.search(block.text)):
            continue
        clause = _last_clause(block.text)
        if not may_count_two_or_more(clause):
            continue  # no count of 2 or more to announce: skip the backtracking pattern
        m = _stated_in(clause)
        if not m:
            continue
        value = count_value(m.group(1))
        if value is None or value < 2:
            continue
        noun = " ".join(m.group(3).lower().split())
        yield Stated(value, m.group(0).split(m.group(3))[0].strip() + " " + m.group(3), noun, block)


def _next_table(doc: Document, after: int, before: int) -> RawTable | None:
    return next((t for t in doc.tables if after < t.line < before), None)


def _following(doc: Document, block: Block) -> list[Block]:
    return doc.mentions.blocks_after(block.end_line)


def _list_items(doc: Document, block: Block) -> tuple[int, int | None] | None:
    """(items, highest item number) of the list right after ``block``; None if no clear list.

    A paragraph starting in lower case is a wrapped continuation of the item before it; a
    heading, another paragraph or a table ends the list.
    """
    items = 0
    numbers: list[int] = []
    last = block.end_line
    for b in _following(doc, block):
        if any(last < t.line < b.line for t in doc.tables):
            break
        if b.kind == "paragraph" and b.text[:1].islower():
            last = b.end_line
            continue
        if b.kind != "list_item":
            break
        items += 1
        m = _MARKER_RE.match(b.text.lstrip("-•* "))
        if m and m.group(1):
            numbers.append(int(m.group(1)))
        last = b.end_line
    if items < 2:
        return None
    return items, (max(numbers) if numbers else None)


def _kegiatan_headers(doc: Document, block: Block) -> tuple[int, int] | None:
    """(number of kegiatan headings, end line) under a "Program … terdapat N kegiatan" sentence."""
    chapter = block.section.chapter if block.section else None
    codes: list[str] = []
    end = chapter.end_line if chapter else len(doc.lines)
    for b in _following(doc, block):
        if chapter is not None and not chapter.contains(b.line):
            break
        if _PROGRAM_SENTENCE_RE.search(b.text) or (
            b.kind == "heading" and b.section and b.section.level <= 2
        ):
            end = b.line
            break
        m = _KEGIATAN_HEAD_RE.match(b.text)
        if m and m.group(1) not in codes:
            codes.append(m.group(1))
    return (len(codes), end) if codes else None


def _listed(ctx: RuleContext, stated: Stated) -> tuple[int, str] | None:
    """How many items the report lists after the statement, and what was counted."""
    doc, block = ctx.doc, stated.block
    if stated.noun == "program":
        table = _next_table(doc, block.end_line, block.end_line + 6)
        if table is not None and table.kind == "anggaran":
            rows = [r for r in ctx.rows.anggaran if r.table == table.id and r.level == "program"]
            if rows:
                return len(rows), f"baris program pada tabel {table.id}"
        return None
    if stated.noun == "kegiatan" and re.search(r"\bprogram\b", block.text, re.I):
        found = _kegiatan_headers(doc, block)
        return (found[0], "judul 'Kegiatan NNNN' di bawahnya") if found else None
    listed = _list_items(doc, block)
    if listed is None:
        return None
    items, highest = listed
    if highest == stated.value:
        return None  # numbered up to the stated count: a wrapped item, not a missing one
    return items, "butir daftar di bawahnya"


@rule(
    code="XTB010",
    name="cross_table.stated_count_vs_listed",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("unproven: the items counted are recognised by layout and may be incomplete"),
    domain=("R-G01",),
    tables=("anggaran",),
    tolerance="exact; only when the items that follow are clearly the enumeration announced",
)
def stated_count_vs_listed(ctx: RuleContext) -> Iterator[Finding]:
    """A count announced in the text equals the number of items listed right after it.

    Why it matters: "terdapat 8 Kegiatan yaitu :" followed by seven kegiatan, or "6 (enam)
    misi" followed by five, shows an item dropped or a sentence copied from another year.
    Fails when: a sentence ending in "yaitu/yakni/meliputi/:" announces N programs, kegiatan,
    misi, tujuan, sasaran, indicators or outputs, and the program rows of the next budget
    table, the "Kegiatan NNNN" headings under the program, or the list items that follow
    number differently.
    Passes when: the counts agree, or what follows is not a clear enumeration.
    """
    for stated in stated_counts(ctx.doc):
        listed = _listed(ctx, stated)
        if listed is None or listed[0] == stated.value:
            continue
        n, what = listed
        yield ctx.finding(
            line=stated.block.line,
            row=stated.noun,
            column="jumlah",
            stated=stated.raw,
            expected=str(n),
            message=(
                f"Teks menyebut {numfmt.quoted(stated.raw)}, tetapi yang dicantumkan sesudahnya "
                f"{n} ({what}); "
                "samakan jumlah dengan rinciannya."
            ),
        )
