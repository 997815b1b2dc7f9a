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

Running text (paragraphs, Daftar Isi entries, unruled tables) is rebuilt by
:mod:`lkj_audit.load.pdf_layout`; this module reads the PDF, its ruled tables and page
furniture, and puts the blocks in reading order.

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

from lkj_audit.errors import DamagedFileError, InputFileError, MissingReaderError, NoTextLayerError
from lkj_audit.load.pdf_layout import (
    CID_RE,
    Line,
    Word,
    group_lines,
    join_lines,
    text_blocks,
    word_groups,
)
from lkj_audit.load.rawtables import is_total_label, row_number

log = logging.getLogger(__name__)

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
_PAGE_NO_RE = re.compile(r"^(?:hal(?:aman)?\.?\s*)?[-–]?\s*(\d{1,3}|[ivxlc]{1,6})\s*[-–]?$", re.I)
_PAGE_LABEL_RE = re.compile(r"\b(?:hal(?:aman)?|hlm|page)\b\.?\s*\d|\d\s*[|/]|[|/]\s*\d")
_MARGIN = 0.15  # share of the page height where running headers/footers live


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    lines: list[Line]
    tables: list[tuple[float, list[str]]]  # (top, tab-separated lines)


def pdf_to_text(path: str | Path) -> str:
    """Extract ``path`` as text in the format of the seed extraction (see module docstring).

    Raises :class:`InputFileError` for a missing optional dependency, an encrypted or damaged
    PDF, or a PDF without a text layer (scanned).
    """
    p = Path(path)
    pages = _read_pages(p)
    if not any(pg.lines or pg.tables for pg in pages):
        raise NoTextLayerError(f"{p}: {_SCANNED}.")
    words = [w["text"] for pg in pages for ln in pg.lines for w in ln.words]
    if words and sum(1 for w in words if CID_RE.search(w)) > len(words) / 2:
        raise NoTextLayerError(
            f"{p}: the text layer is unreadable (fonts without a Unicode mapping); "
            "run OCR first (e.g. ocrmypdf --force-ocr) or supply a text extraction."
        )
    _drop_furniture(pages)
    right = _right_edge(pages)
    blocks: list[list[str]] = []
    carry: Line | None = None
    for page in pages:
        carry = _page_blocks(page, right, blocks, carry)
    return "\n\n".join("\n".join(b) for b in blocks if b) + "\n"


def check_opens(path: str | Path) -> None:
    """Cheap check (no layout analysis): the PDF opens and has pages; else InputFileError."""
    p = Path(path)
    pdfplumber = _pdfplumber(p)
    try:
        with pdfplumber.open(p) as pdf:
            count = len(pdf.pages)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types
        raise DamagedFileError(f"{p}: {_describe(exc)}") from None
    if not count:
        raise NoTextLayerError(f"{p}: the PDF has no pages.")


def _pdfplumber(p: Path) -> Any:
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - depends on the install
        raise MissingReaderError(
            f"{p}: reading PDF needs pdfplumber; install it with pip install 'lkj-audit[pdf]'."
        ) from None
    return pdfplumber


def _read_pages(p: Path) -> list[_Page]:
    pdfplumber = _pdfplumber(p)
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
        raise DamagedFileError(f"{p}: {_describe(exc)}") from None
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
    words = page.extract_words(
        x_tolerance=2, y_tolerance=3, extra_attrs=["fontname", "non_stroking_color"]
    )
    tables = [t for t in page.find_tables(TABLE_SETTINGS) if _is_table(t)]
    free = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    out = [(t.bbox[1], _table_lines(t, words)) for t in tables]
    return _Page(page.page_number, float(page.height), group_lines(free), out)


def _is_table(table: Any) -> bool:
    """Two columns or more: a single-column "table" is a frame around text."""
    return max((sum(1 for c in r.cells if c is not None) for r in table.rows), default=0) >= 2


def _inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    cx = float(word["x0"] + word["x1"]) / 2
    cy = float(word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


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
    text = join_lines([ln.text for ln in group_lines(words)])
    return " ".join(CID_RE.sub("", text).split())


def _split_row(cells: list[list[Word]]) -> list[list[list[Word]]]:
    """Split a ruled row holding several rows (no rules between them) at each row number.

    Only when the first column numbers its rows: the lines above the first number (a header
    the rules did not separate) become a row of their own; a "Jumlah" line also starts one.
    """
    first = group_lines(cells[0]) if cells and cells[0] else []
    numbers = [ln.top for ln in first if row_number(ln.text) is not None]
    starts = sorted({*numbers, *(ln.top for ln in first if is_total_label([ln.text]))})
    if not numbers or (len(starts) < 2 and first[0].top >= starts[0]):
        return [cells]
    bounds = [float("-inf"), *starts, float("inf")]
    return [
        [[w for w in c if lo - 2 <= w["top"] < hi - 2] for c in cells]
        for lo, hi in zip(bounds, bounds[1:], strict=False)
    ]


def _furniture_keys(line: Line, page: _Page) -> set[str]:
    """Keys under which a running header/footer repeats from page to page.

    Furniture sits at the same height on every page, so each key starts with the position.
    The exact text is a key; for a page label ("Halaman 4", "Halaman 4 dari 40", "LKj 2024 |
    4", a title with the number set apart) so is the text with digits masked plus the offset
    between the number and the page number. Body lines that merely end in a number
    ("Sasaran 2") are no label.
    """
    where = (
        f"t{round(line.top)}"
        if line.top < page.height / 2
        else f"b{round(page.height - line.bottom)}"
    )
    text = " ".join(line.text.lower().split())
    numbers = re.findall(r"\d+", text)
    groups = word_groups(line)
    apart = len(groups) > 1 and any(len(g) == 1 and g[0]["text"].isdigit() for g in groups)
    keys = {f"{where}:{text}"}
    if numbers and (apart or _PAGE_LABEL_RE.search(text)):
        masked = re.sub(r"[0-9]+", "#", text)
        # The page number is the last number, or the one before the page count
        # ("Halaman 4 dari 40", "4 / 40", "Page 4 of 40").
        for number in numbers[-2:]:
            if len(number) <= 4:
                keys.add(f"{where}:{masked}@{page.number - int(number)}")
    return keys


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers/footers (repeated at a page edge) and bare page numbers.

    Only lines no larger than the body text qualify: a chapter heading that happens to
    repeat a running header's words is set larger, and stays.
    """
    sizes = [ln.size for pg in pages for ln in pg.lines]
    body = statistics.median(sizes) if sizes else 0.0

    def edge(page: _Page) -> list[Line]:
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
    page: _Page, right: float, blocks: list[list[str]], carry: Line | None
) -> Line | None:
    """Append the page's paragraphs and tables to ``blocks`` in reading (vertical) order.

    ``carry`` is the last text line of the previous page when the page ended in running
    text: a paragraph broken by the page break is joined again. Returns this page's carry.
    """
    items: list[tuple[float, Any]] = [(ln.top, ln) for ln in page.lines]
    items += [(top, lines) for top, lines in page.tables]
    run: list[Line] = []
    for _, item in sorted(items, key=lambda it: it[0]):
        if isinstance(item, Line):
            run.append(item)
            continue
        text_blocks(run, right, blocks, carry)
        run, carry = [], None
        blocks.append(item)
    text_blocks(run, right, blocks, carry)
    return run[-1] if run else (carry if not page.tables else None)
