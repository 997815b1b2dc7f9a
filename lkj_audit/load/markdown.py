"""Read a PDF-to-Markdown conversion (docling, marker, pandoc) into the plain-text extraction.

Converters of today write an LKj as Markdown: ``#``/``##`` before every heading, pipe
tables with a ``|---|`` rule under their first row, ``<br>`` where a cell's text broke,
``<!-- image -->`` where a picture was, page footers and page numbers left as paragraphs.
A merged cell is repeated in every grid position it covers: across ("Tahun 2023 | Tahun
2023 | Tahun 2023" over Target | Realisasi | Capaian; "| Jumlah | Jumlah |" in a total row)
and down (the second header row repeats "No" and "Sasaran Strategis"; a sasaran cell that
spans its indicators is printed on each of their rows).

The text written here is the one :mod:`docx_reader` writes (that :mod:`text_reader` parses):
a paragraph a line, a table row a line of tab-separated cells, a merged cell's text once in
its first grid position and the positions it covers empty. A repeat is taken for a merged
cell only where it cannot be two equal figures: across, in a header row or when the text is
no figure; down, in a header row or when the text is a sasaran-like phrase of four words or
more, no figure (two rows with the same target "100%" stay two figures). A first row over
the rule made of figures is no header: the table was cut by a page break.
"""

from __future__ import annotations

import re

from lkj_audit.load.rawtables import is_clean_figure

_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_RULE_CELL_RE = re.compile(r"^\s*:?-{3,}:?\s*$")
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_EMPHASIS_RE = re.compile(r"(\*\*|__)(.+?)\1")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>$~^@'\"&])")  # pandoc escapes <, >, $ too


def is_markdown(text: str) -> bool:
    """Whether ``text`` is a Markdown conversion: a pipe table's rule line, or headings."""
    # A rule line starts with "|", a heading with "#": a text without either is neither
    # (most reports; each test of every line cost ~0.3 ms)
    lines = text.splitlines()
    if "|" in text and any(_is_rule_row(line) for line in lines):
        return True
    return "#" in text and sum(1 for line in lines if _HEADING_RE.match(line)) >= 3


def markdown_to_text(text: str) -> str:
    """The plain-text extraction of a Markdown report (see the module docstring)."""
    text = _COMMENT_RE.sub("", text)
    out: list[str] = []
    rows: list[str] = []
    for line in text.splitlines():
        if _is_pipe_row(line):
            rows.append(line)
            continue
        if rows:
            out.extend(_table_lines(rows))
            rows = []
        heading = _HEADING_RE.match(line)
        shown = _inline(heading.group(1) if heading else line)
        # a row of tab cells (a pandoc table already converted) keeps its empty first cells
        out.append(shown.strip(" \r") if "\t" in shown else shown.strip())
    if rows:
        out.extend(_table_lines(rows))
    return "\n".join(out) + "\n"


def bar_tables_to_tabs(text: str) -> str:
    """Rows drawn with vertical bars written as tab cells; every other line as it is.

    "| 1 | Kemangkon | 117 |": an OCR layer of a ruled table, a plain-text export. Only runs
    of two such lines or more, each with three cells or more, and no tab.
    """
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        run: list[str] = []
        while k + len(run) < len(lines) and _is_bar_row(lines[k + len(run)]):
            run.append(lines[k + len(run)])
        if len(run) >= 2:
            out.extend(t for t in _table_lines(run) if t)
            k += len(run)
        else:
            out.append(lines[k])
            k += 1
    return "\n".join(out)


def _is_bar_row(line: str) -> bool:
    return "\t" not in line and _is_pipe_row(line) and len(_cells(line)) >= 3


def _inline(text: str) -> str:
    text = _BR_RE.sub(" ", text)
    text = _EMPHASIS_RE.sub(r"\2", text)
    return _ESCAPE_RE.sub(r"\1", text)


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    parts = re.split(r"(?<!\\)\|", inner)
    return [" ".join(_inline(p).split()) for p in parts]


def _is_rule_row(line: str) -> bool:
    return _is_pipe_row(line) and all(_RULE_CELL_RE.match(c) for c in _cells(line))


def _table_lines(rows: list[str]) -> list[str]:
    """Tab lines of one pipe table, merged cells written once."""
    rule = next((k for k, r in enumerate(rows) if _is_rule_row(r)), None)
    grid = [_cells(r) for k, r in enumerate(rows) if k != rule]
    width = max(len(c) for c in grid)
    grid = [_widened(c, width) for c in grid]
    # Header rows: those above the rule, and a row right under it that repeats the header's
    # labels in the same columns (the second row of a merged header, printed as data).
    head = rule if rule is not None else 0
    if head and all(_is_data(row) for row in grid[:head]):
        head = 0  # a table cut by a page break: its first row, over the rule, is data
    while head and head < len(grid) and _repeats_header(grid[head], grid[head - 1]):
        head += 1
    lines: list[str] = []
    for k, cells in enumerate(grid):
        header = k < head
        above = grid[k - 1] if k else None
        shown: list[str] = []
        for c, cell in enumerate(cells):
            left = cells[c - 1] if c else None
            if cell and left == cell and (header or not is_clean_figure(cell)):
                shown.append("")  # a cell merged across
            elif cell and above is not None and above[c] == cell and _merged_down(cell, header):
                shown.append("")  # a cell merged down
            else:
                shown.append(cell)
        # A row number printed again beside a sasaran cell merged down (the "No" spans too).
        if not header and above is not None and len(shown) > 1 and shown[1] == "" and cells[1]:
            if shown[0] and shown[0] == above[0]:
                shown[0] = ""
        if any(shown):
            lines.append("\t".join(shown))
    return ["", *lines, ""]


def _widened(cells: list[str], width: int) -> list[str]:
    """A row of fewer cells than the table, at full width.

    A label merged over the leading columns ("| Jumlah | 2.409 | 374.111 |" under "| No |
    Kecamatan | TPS | L |"): its figures keep the last columns, the label the first. A row
    that ends in no figure lacks its last cells.
    """
    missing = width - len(cells)
    if missing <= 0 or len(cells) < 2 or not is_clean_figure(cells[-1]):
        return cells + [""] * missing
    return [cells[0], *[""] * missing, *cells[1:]]


def _repeats_header(row: list[str], header: list[str]) -> bool:
    same = sum(1 for a, b in zip(row, header, strict=True) if a and a == b)
    return same >= 2 and same * 3 >= len([a for a in header if a])


def _merged_down(cell: str, header: bool) -> bool:
    return header or (not is_clean_figure(cell) and len(cell.split()) >= 4)


def _is_data(row: list[str]) -> bool:
    """A row of figures (at least half its cells), not of labels."""
    filled = [c for c in row if c]
    return bool(filled) and 2 * sum(1 for c in filled if is_clean_figure(c)) >= len(filled)
