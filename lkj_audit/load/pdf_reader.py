"""Read a PDF report into the plain-text extraction format that :mod:`text_reader` parses.

Output conventions (those of ``tests/fixtures/*.txt``):

* one paragraph per line, a blank line between blocks; headings and list items ("- ")
  on their own lines;
* a ruled table (found by :meth:`pdfplumber.page.Page.find_tables`) becomes one line per
  table row, cells separated by tabs. A cell's wrapped lines are joined with a space: the
  ruling tells exactly where a row ends, so nothing is left for the text reader to guess.
  When one ruled row holds several numbered rows (a body without horizontal rules), it is
  split at each row number. A cell covered by a merged neighbour is emitted empty;
* a table without rules (columns separated only by white space) is recognised from two or
  more consecutive lines with aligned wide gaps; printed lines set tightly (one wrapped
  row) are joined into one tab line per row. When all lines are equally tight, each printed
  line is a tab line and a wrapped cell a line with empty leading cells, which the text
  reader merges (the seed's convention);
* a Daftar Isi entry with dot leaders becomes ``title<tab>page``;
* running headers and footers (the same line at the top or bottom of two or more pages, or
  a page label whose number follows the page number) and bare page numbers are dropped.

Errors (encrypted, damaged, scanned) become :class:`InputFileError`, never a traceback.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkj_audit.errors import InputFileError
from lkj_audit.load.rawtables import is_total_label, row_number

log = logging.getLogger(__name__)

Word = dict[str, Any]

TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
_SCANNED = (
    "no text layer: the PDF looks scanned; run OCR first (e.g. ocrmypdf) or supply a text "
    "extraction"
)
_BULLET_RE = re.compile(  # bullets of Symbol/Wingdings fonts come out as (cid:N) or U+F0xx
    r"^(?:\(cid:\d+\)|[\u2022\u25cf\u25e6\u25aa\u25a0\u27a2\u2023\u00b7\uf0a7\uf0b7\uf0d8\uf076\uf0fc])\s*"
)
_CID_RE = re.compile(r"\(cid:\d+\)")
_LIST_RE = re.compile(r"^(?:- |(?:\d{1,2}|[a-zA-Z])[.)]\s|\(\w{1,3}\)\s)")
_PAGE_NO_RE = re.compile(r"^(?:hal(?:aman)?\.?\s*)?[-–]?\s*(\d{1,3}|[ivxlc]{1,6})\s*[-–]?$", re.I)
_PAGE_LABEL_RE = re.compile(r"\b(?:hal(?:aman)?|hlm|page)\b\.?\s*\d|\d\s*[|/]|[|/]\s*\d")
_LEADER_RE = re.compile(r"\s*(?:\.\s?){4,}\s*(\S{1,8})$")  # "BAB I ........ 1" (Daftar Isi)
_LEADER_TAIL_RE = re.compile(r"\s*(?:\.\s?){4,}$")
_TOC_LINE_RE = re.compile(r"^[^\t]+\t\S{1,8}$")
_MARGIN = 0.15  # share of the page height where running headers/footers live


@dataclass(slots=True)
class _Line:
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


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    lines: list[_Line]
    tables: list[tuple[float, list[str]]]  # (top, tab-separated lines)


def pdf_to_text(path: str | Path) -> str:
    """Extract ``path`` as text in the format of the seed extraction (see module docstring).

    Raises :class:`InputFileError` for a missing optional dependency, an encrypted or damaged
    PDF, or a PDF without a text layer (scanned).
    """
    p = Path(path)
    pages = _read_pages(p)
    if not any(pg.lines or pg.tables for pg in pages):
        raise InputFileError(f"{p}: {_SCANNED}.")
    words = [w["text"] for pg in pages for ln in pg.lines for w in ln.words]
    if words and sum(1 for w in words if _CID_RE.search(w)) > len(words) / 2:
        raise InputFileError(
            f"{p}: the text layer is unreadable (fonts without a Unicode mapping); "
            "run OCR first (e.g. ocrmypdf --force-ocr) or supply a text extraction."
        )
    _drop_furniture(pages)
    right = _right_edge(pages)
    blocks: list[list[str]] = []
    carry: _Line | None = None
    for page in pages:
        carry = _page_blocks(page, right, blocks, carry)
    return "\n\n".join("\n".join(b) for b in blocks if b) + "\n"


def _read_pages(p: Path) -> list[_Page]:
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - depends on the install
        raise InputFileError(
            f"{p}: reading PDF needs pdfplumber; install it with pip install 'lkj-audit[pdf]'."
        ) from None
    try:
        with pdfplumber.open(p) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append(_read_page(page))
                page.close()  # drop the page's cached layout: long reports stay small
    except InputFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types
        log.debug("pdfplumber failed on %s", p, exc_info=True)
        raise InputFileError(f"{p}: {_describe(exc)}") from None
    empty = [pg.number for pg in pages if not pg.lines and not pg.tables]
    if empty and len(empty) < len(pages):
        log.warning("%s: pages %s have no text layer (scanned?); their text is missing", p, empty)
    return pages


def _describe(exc: BaseException) -> str:
    """One line saying what is wrong with the PDF and how to fix it."""
    chain = [exc, exc.__cause__, exc.__context__, *getattr(exc, "args", ())]
    names = " ".join(type(e).__name__ + " " + str(e) for e in chain if e is not None)
    if re.search(r"password|encrypt", names, re.I):
        return (
            "the PDF is password-protected or encrypted; save an unprotected copy "
            "(print to PDF) or supply a text extraction."
        )
    return (
        f"not a readable PDF ({type(exc).__name__}: {str(exc)[:120] or 'damaged file'}); "
        "check that the file is a complete PDF, re-save it (print to PDF) or supply a text "
        "extraction."
    )


def _read_page(page: Any) -> _Page:
    """Running-text lines and tables of one page (tables as tab lines)."""
    words = page.extract_words(x_tolerance=2, y_tolerance=3, extra_attrs=["fontname"])
    tables = [t for t in page.find_tables(TABLE_SETTINGS) if _is_table(t)]
    free = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    out = [(t.bbox[1], _table_lines(t, words)) for t in tables]
    return _Page(page.page_number, float(page.height), _group_lines(free), out)


def _is_table(table: Any) -> bool:
    """Two columns or more: a single-column "table" is a frame around text."""
    return max((sum(1 for c in r.cells if c is not None) for r in table.rows), default=0) >= 2


def _inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    cx = float(word["x0"] + word["x1"]) / 2
    cy = float(word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _group_lines(words: list[Word]) -> list[_Line]:
    """Words into printed lines, top to bottom (same line: tops within 3 pt)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [_Line(_rejoin(sorted(ws, key=lambda w: w["x0"]))) for ws in lines]


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


def _table_lines(table: Any, words: list[Word]) -> list[str]:
    """One tab line per table row; a ruled row holding several numbered rows is split."""
    mine = [w for w in words if _inside(w, table.bbox)]
    out: list[str] = []
    for row in table.rows:
        cells = [[w for w in mine if _inside(w, c)] if c is not None else [] for c in row.cells]
        for part in _split_row(cells):
            texts = [_cell_text(c) for c in part]
            if any(texts):
                out.append("\t".join(texts))
    return out


def _cell_text(words: list[Word]) -> str:
    text = " ".join(ln.text for ln in _group_lines(words))
    return " ".join(_CID_RE.sub("", text).split())


def _split_row(cells: list[list[Word]]) -> list[list[list[Word]]]:
    """Split a ruled row holding several rows (no rules between them) at each row number.

    Only when the first column numbers its rows: the lines above the first number (a header
    the rules did not separate) become a row of their own; a "Jumlah" line also starts one.
    """
    first = _group_lines(cells[0]) if cells and cells[0] else []
    numbers = [ln.top for ln in first if row_number(ln.text) is not None]
    starts = sorted({*numbers, *(ln.top for ln in first if is_total_label([ln.text]))})
    if not numbers or (len(starts) < 2 and first[0].top >= starts[0]):
        return [cells]
    bounds = [float("-inf"), *starts, float("inf")]
    return [
        [[w for w in c if lo - 2 <= w["top"] < hi - 2] for c in cells]
        for lo, hi in zip(bounds, bounds[1:], strict=False)
    ]


def _furniture_keys(line: _Line, page: _Page) -> set[str]:
    """Keys under which a running header/footer repeats from page to page.

    Furniture sits at the same height on every page, so each key starts with the position.
    The exact text is a key; for a page label ("Halaman 4", "LKj 2024 | 4", a title with the
    number set apart) so is the text with digits masked plus the offset between the number
    and the page number. Body lines that merely end in a number ("Sasaran 2") are no label.
    """
    where = (
        f"t{round(line.top)}"
        if line.top < page.height / 2
        else f"b{round(page.height - line.bottom)}"
    )
    text = " ".join(line.text.lower().split())
    numbers = re.findall(r"\d+", text)
    groups = _groups(line)
    apart = len(groups) > 1 and any(len(g) == 1 and g[0]["text"].isdigit() for g in groups)
    keys = {f"{where}:{text}"}
    if numbers and len(numbers[-1]) <= 4 and (apart or _PAGE_LABEL_RE.search(text)):
        keys.add(f"{where}:{re.sub(r'[0-9]+', '#', text)}@{page.number - int(numbers[-1])}")
    return keys


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers/footers (repeated at a page edge) and bare page numbers.

    Only lines no larger than the body text qualify: a chapter heading that happens to
    repeat a running header's words is set larger, and stays.
    """
    sizes = [ln.size for pg in pages for ln in pg.lines]
    body = statistics.median(sizes) if sizes else 0.0

    def edge(page: _Page) -> list[_Line]:
        top = [ln for ln in page.lines[:2] if ln.bottom < page.height * _MARGIN]
        bottom = [ln for ln in page.lines[-2:] if ln.top > page.height * (1 - _MARGIN)]
        return [ln for ln in top + bottom if ln.size <= body + 0.5]

    counts = Counter(
        k for pg in pages for k in {k for ln in edge(pg) for k in _furniture_keys(ln, pg)}
    )
    for page in pages:
        drop = [
            ln
            for ln in edge(page)
            if any(counts[k] >= 2 for k in _furniture_keys(ln, page))
            or _PAGE_NO_RE.match(ln.text.strip())
        ]
        page.lines = [ln for ln in page.lines if not any(ln is d for d in drop)]


def _right_edge(pages: list[_Page]) -> float:
    """Right margin of the body text: where full lines end."""
    ends = sorted(ln.x1 for pg in pages for ln in pg.lines if len(ln.words) >= 6)
    if not ends:
        ends = sorted(ln.x1 for pg in pages for ln in pg.lines) or [0.0]
    return ends[int(len(ends) * 0.9)] if len(ends) > 1 else ends[0]


def _page_blocks(
    page: _Page, right: float, blocks: list[list[str]], carry: _Line | None
) -> _Line | None:
    """Append the page's paragraphs and tables to ``blocks`` in reading (vertical) order.

    ``carry`` is the last text line of the previous page when the page ended in running
    text: a paragraph broken by the page break is joined again. Returns this page's carry.
    """
    items: list[tuple[float, Any]] = [(ln.top, ln) for ln in page.lines]
    items += [(top, lines) for top, lines in page.tables]
    run: list[_Line] = []
    for _, item in sorted(items, key=lambda it: it[0]):
        if isinstance(item, _Line):
            run.append(item)
            continue
        _text_blocks(run, right, blocks, carry)
        run, carry = [], None
        blocks.append(item)
    _text_blocks(run, right, blocks, carry)
    return run[-1] if run else (carry if not page.tables else None)


def _text_blocks(
    lines: list[_Line], right: float, blocks: list[list[str]], carry: _Line | None = None
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
        text = _normalise(" ".join(ln.text for ln in lines[start:i]))
        toc = bool(_LEADER_RE.search(text))
        if toc:  # a Daftar Isi entry, written as the seed does: "BAB I PENDAHULUAN<tab>1"
            text = _LEADER_RE.sub(r"\t\1", text)
        if toc and blocks and all(_TOC_LINE_RE.match(b) for b in blocks[-1]):
            blocks[-1].append(text)
        elif joining:
            blocks[-1][0] = f"{blocks[-1][0]} {text}"
        elif text:
            blocks.append([text])
        joining = False


def _normalise(text: str) -> str:
    """Bullets as "- ", unmapped glyphs dropped, spaces collapsed."""
    text = _BULLET_RE.sub("- ", text.strip(), count=1)
    return " ".join(_CID_RE.sub("", text).split())


def _heading_like(line: _Line) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(line.text) <= 100


def _bold(line: _Line) -> bool:
    fonts = (f for w in line.words for f in str(w.get("fontname", "")).split("|"))
    return all("bold" in f.lower() for f in fonts)


def _breaks(prev: _Line, line: _Line, right: float, across_pages: bool = False) -> bool:
    """Tell whether ``line`` starts a new block rather than continuing ``prev``."""
    first = line.words[0]
    spaced = not across_pages and line.top - prev.bottom > 0.9 * prev.size
    return (
        spaced  # paragraph spacing
        or abs(line.size - prev.size) > 1
        or _bold(line) != _bold(prev)
        or bool(_LEADER_RE.search(prev.text))
        or _heading_like(prev)
        or _heading_like(line)
        or bool(_LIST_RE.match(_normalise(line.text)))
        # the next line's first word would have fitted: the previous line ended on purpose
        or prev.x1 + (first["x1"] - first["x0"]) + prev.size < right
    )


def _groups(line: _Line) -> list[list[Word]]:
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


def _spans(line: _Line) -> list[tuple[float, float]]:
    return [(g[0]["x0"], g[-1]["x1"]) for g in _groups(line)]


def _tight(upper: _Line, lower: _Line) -> bool:
    """Lines of one wrapped cell: no more than a line's leading apart."""
    return lower.top - upper.bottom < 0.5 * upper.size


def _aligned_run(lines: list[_Line], i: int) -> int:
    """End of the unruled table starting at ``lines[i]`` (``i`` when none starts there).

    Lines with two or more word groups that line up make the table; a single-group line
    under one of its columns and tight against a neighbouring line (a wrapped cell, above or
    below the row's figures) belongs to it too.
    """
    if len(_groups(lines[i])) < 2:
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


def _aligned_table(lines: list[_Line]) -> list[str]:
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
    rows: list[list[_Line]] = [[lines[0]]]
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
            for g in _groups(ln):
                span = (g[0]["x0"], g[-1]["x1"])
                k = next(k for k, c in enumerate(columns) if _overlaps(span, (c[0], c[1])))
                cells[k] += [str(w["text"]) for w in g]
        out.append("\t".join(_LEADER_TAIL_RE.sub("", " ".join(c)) for c in cells))
    return out
