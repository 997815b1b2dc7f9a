"""Running text of a PDF page rebuilt from its words: lines, paragraphs, unruled tables.

The reconstruction half of :mod:`lkj_audit.load.pdf_reader` (whose docstring gives the output
conventions): printed lines from words, then paragraphs, Daftar Isi entries and tables
without rules (aligned word groups) as blocks of text lines.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any

Word = dict[str, Any]

_BULLET_RE = re.compile(  # bullets of Symbol/Wingdings fonts come out as (cid:N) or U+F0xx
    r"^(?:\(cid:\d+\)|[\u2022\u25cf\u25e6\u25aa\u25a0\u27a2\u2023\u00b7\uf0a7\uf0b7\uf0d8\uf076\uf0fc])\s*"
)
CID_RE = re.compile(r"\(cid:\d+\)")  # a glyph without a Unicode mapping
_LIST_RE = re.compile(r"^(?:- |(?:\d{1,2}|[a-zA-Z])[.)]\s|\(\w{1,3}\)\s)")
_LEADER_RE = re.compile(r"\s*(?:\.\s?){4,}\s*(\S{1,8})$")  # "BAB I ........ 1" (Daftar Isi)
_LEADER_TAIL_RE = re.compile(r"\s*(?:\.\s?){4,}$")
_TOC_LINE_RE = re.compile(r"^[^\t]+\t\S{1,8}$")


@dataclass(slots=True)
class Line:
    """One printed line of running text: its words left to right, and its extent in pt."""

    words: list[Word]
    top: float = 0.0
    bottom: float = 0.0
    x1: float = 0.0
    size: float = 0.0  # median glyph height: the font size, near enough
    text: str = ""

    def __post_init__(self) -> None:
        self.top = float(min(w["top"] for w in self.words))
        self.bottom = float(max(w["bottom"] for w in self.words))
        self.x1 = float(self.words[-1]["x1"])
        self.size = float(statistics.median(w["bottom"] - w["top"] for w in self.words))
        self.text = " ".join(str(w["text"]) for w in self.words)


def group_lines(words: list[Word]) -> list[Line]:
    """Words into printed lines, top to bottom (same line: tops within 3 pt)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(_rejoin(sorted(ws, key=lambda w: w["x0"]))) for ws in lines]


def _rejoin(words: list[Word]) -> list[Word]:
    """Merge words split only by a font change ("**Kegiatan**:"): they touch, no space."""
    out = [words[0]]
    for w in words[1:]:
        prev = out[-1]
        if w["x0"] - prev["x1"] < 0.5:
            fonts = f"{prev.get('fontname', '')}|{w.get('fontname', '')}"
            out[-1] = {**prev, "text": prev["text"] + w["text"], "x1": w["x1"], "fontname": fonts}
        else:
            out.append(w)
    return out


def text_blocks(
    lines: list[Line], right: float, blocks: list[list[str]], carry: Line | None = None
) -> None:
    """Append running text: aligned-column runs as tab lines, the rest as paragraphs."""
    i = 0
    joining = (
        carry is not None
        and bool(lines)
        and bool(blocks)
        and len(blocks[-1]) == 1
        and "\t" not in blocks[-1][0]
        and not _breaks(carry, lines[0], right, across_pages=True)
        # only a sentence that visibly goes on: "… sesuai dengan / peraturan …"
        and (lines[0].text[:1].islower() or carry.text.endswith((",", "-")))
    )
    while i < len(lines):
        j = _aligned_run(lines, i)
        if j > i:
            blocks.append(_aligned_table(lines[i:j]))
            i, joining = j, False
            continue
        start = i
        i += 1
        while i < len(lines) and _aligned_run(lines, i) == i:
            if _breaks(lines[i - 1], lines[i], right):
                break
            i += 1
        text = _normalise(join_lines([ln.text for ln in lines[start:i]]))
        toc = bool(_LEADER_RE.search(text))
        if toc:  # a Daftar Isi entry, written as the seed does: "BAB I PENDAHULUAN<tab>1"
            text = _LEADER_RE.sub(r"\t\1", text)
        if toc and blocks and all(_TOC_LINE_RE.match(b) for b in blocks[-1]):
            blocks[-1].append(text)
        elif joining:
            blocks[-1][0] = join_lines([blocks[-1][0], text])
        elif text:
            blocks.append([text])
        joining = False


_HYPHEN_END_RE = re.compile(r"[^\W_]{2,}-$")  # "Undang-", "ke-", "2020-"; not " -", ",-"


def join_lines(texts: list[str]) -> str:
    """Printed lines of one paragraph or cell as one text.

    A line that ends in a hyphen inside a word ("Undang-" / "Undang", "2020-" / "2024",
    "pertanggung-" / "jawaban") goes on without a space; the hyphen is kept, as it may be
    part of the word.
    """
    out = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = text
        elif _HYPHEN_END_RE.search(out.rsplit(" ", 1)[-1]) and text[:1].isalnum():
            out += text
        elif text:
            out = f"{out} {text}"
    return out


def _normalise(text: str) -> str:
    """Bullets as "- ", unmapped glyphs dropped, spaces collapsed."""
    text = _BULLET_RE.sub("- ", text.strip(), count=1)
    return " ".join(CID_RE.sub("", text).split())


def _heading_like(line: Line) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(line.text) <= 100


def _bold(line: Line) -> bool:
    fonts = (f for w in line.words for f in str(w.get("fontname", "")).split("|"))
    return all("bold" in f.lower() for f in fonts)


def _colours(line: Line) -> set[str]:
    return {str(w.get("non_stroking_color")) for w in line.words}


def _centred_pair(prev: Line, line: Line) -> bool:
    """Two lines set centred: one centre, different left edges (a centred title's lines)."""
    x0, x1 = float(prev.words[0]["x0"]), float(line.words[0]["x0"])
    centres = abs((x0 + prev.x1) / 2 - (x1 + line.x1) / 2)
    return centres < prev.size and abs(x0 - x1) > prev.size


def _would_fit(prev: Line, line: Line, right: float) -> bool:
    """The next line's first word would have fitted on ``prev``: it ended on purpose."""
    first = line.words[0]
    room = right - prev.x1
    if _centred_pair(prev, line):
        room *= 2  # a centred line has its free room on both sides
    return float(first["x1"] - first["x0"]) + prev.size < room


def _breaks(prev: Line, line: Line, right: float, across_pages: bool = False) -> bool:
    """Tell whether ``line`` starts a new block rather than continuing ``prev``."""
    spaced = not across_pages and line.top - prev.bottom > 0.9 * prev.size
    # A centred heading only wrapped ("LAPORAN KINERJA ... / KOMISI PEMILIHAN UMUM ...") when
    # the next word would not have fitted; "BAB III" / "AKUNTABILITAS KINERJA" is a break.
    heading = (_heading_like(prev) or _heading_like(line)) and not (
        _centred_pair(prev, line) and not _would_fit(prev, line, right)
    )
    return (
        spaced  # paragraph spacing
        or abs(line.size - prev.size) > 1
        or _bold(line) != _bold(prev)
        # another colour altogether: another style (Word's blue headings over black captions)
        or not _colours(line) & _colours(prev)
        or bool(_LEADER_RE.search(prev.text))
        or heading
        or bool(_LIST_RE.match(_normalise(line.text)))
        or _would_fit(prev, line, right)
    )


def word_groups(line: Line) -> list[list[Word]]:
    """Words of a line split where the gap is wider than two character heights."""
    out = [[line.words[0]]]
    for a, b in zip(line.words, line.words[1:], strict=False):
        if b["x0"] - a["x1"] > 2 * line.size:
            out.append([b])
        else:
            out[-1].append(b)
    return out


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _spans(line: Line) -> list[tuple[float, float]]:
    return [(g[0]["x0"], g[-1]["x1"]) for g in word_groups(line)]


def _tight(upper: Line, lower: Line) -> bool:
    """Lines of one wrapped cell: no more than a line's leading apart."""
    return lower.top - upper.bottom < 0.5 * upper.size


def _aligned_run(lines: list[Line], i: int) -> int:
    """End of the unruled table starting at ``lines[i]`` (``i`` when none starts there).

    Lines with two or more word groups that line up make the table; a single-group line
    under one of its columns and tight against a neighbouring line (a wrapped cell, above or
    below the row's figures) belongs to it too.
    """
    if len(word_groups(lines[i])) < 2:
        return i
    j, anchor, multi = i, lines[i], 1
    while j + 1 < len(lines):
        line = lines[j + 1]
        spans = _spans(line)
        shared = sum(1 for s in spans if any(_overlaps(s, t) for t in _spans(anchor)))
        after = lines[j + 2] if j + 2 < len(lines) else None
        if len(spans) >= 2 and shared >= 2 and line.top - lines[j].bottom < 2.5 * anchor.size:
            anchor, multi = line, multi + 1
        elif not (
            len(spans) == 1
            and shared == 1
            and (_tight(lines[j], line) or (after is not None and _tight(line, after)))
        ):
            break
        j += 1
    return j + 1 if multi >= 2 else i


def _aligned_table(lines: list[Line]) -> list[str]:
    """Tab lines for an unruled table, one per row.

    Columns are the union of the lines' word groups. Rows are the printed lines grouped by
    vertical spacing (tight lines are one wrapped row); when every gap is tight, each printed
    line is a row and the text reader merges wrapped cells.
    """
    spans = sorted(s for ln in lines for s in _spans(ln))
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    rows: list[list[Line]] = [[lines[0]]]
    loose = any(not _tight(a, b) for a, b in zip(lines, lines[1:], strict=False))
    for a, b in zip(lines, lines[1:], strict=False):
        if loose and _tight(a, b):
            rows[-1].append(b)
        else:
            rows.append([b])
    out = []
    for row in rows:
        cells: list[list[str]] = [[] for _ in columns]
        for ln in row:
            for g in word_groups(ln):
                span = (g[0]["x0"], g[-1]["x1"])
                k = next(k for k, c in enumerate(columns) if _overlaps(span, (c[0], c[1])))
                cells[k] += [str(w["text"]) for w in g]
        out.append("\t".join(_LEADER_TAIL_RE.sub("", " ".join(c)) for c in cells))
    return out
