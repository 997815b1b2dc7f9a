"""Tables of two plain-text exports written as the tab cells :mod:`text_reader` parses.

* Word's "Save as Plain Text": a table row a line of tab cells, but a cell holding more than
  one paragraph is wrapped in double quotes with the line end inside it (``1``, tab,
  ``"Kabupaten`` / ``Lombok Timur"``, tab, ``481.630``). Read as lines, such a row is cut
  in two and its figures shift. :func:`quoted_cells_joined` puts the cell back on one
  line, its paragraphs joined by a space (``""`` inside stands for one quote).
* ``pandoc -t plain`` of a DOCX: simple and multiline tables (``-----`` rules; the dash
  groups under the header give the columns; in a multiline table a cell wraps over several
  lines and a blank line ends each row) and grid tables (``+----+`` borders, ``|`` between
  cells, ``+====+`` under the header; a border drawn under some columns only ends the rows
  of those columns, the others are cells merged down). :func:`pandoc_tables_to_tabs` writes
  each as a row a line, a merged cell's text once in its first row, the rows it covers
  empty, as :mod:`docx_reader` writes a DOCX table.

Both change only the lines of such tables; the rows of a table become fewer lines, so line
numbers after them refer to the converted text (as for a Markdown conversion).
"""

from __future__ import annotations

import re

_QUOTED_MAX_LINES = 6  # a quoted cell of more paragraphs than this is no cell
_FULL_RULE_RE = re.compile(r"^ *-{20,} *$")
_GROUP_RULE_RE = re.compile(r"^ *-{3,}(?: +-{3,})+ *$")
_GRID_BORDER_RE = re.compile(r"^ *\+[-=+:]+\+ *$")  # ":" marks alignment (Markdown)


def quoted_cells_joined(text: str) -> str:
    """``text`` with each multi-paragraph quoted cell of a tab row back on its row's line."""
    if '\t"' not in text and '\n"' not in text:
        return text  # no cell opens with a quote
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = _quoted_row_end(lines, k)
        if end is None:
            out.append(lines[k])
            k += 1
            continue
        out.append(_unquoted(lines[k : end + 1]))
        k = end + 1
    return "\n".join(out)


def _open_quote(line: str) -> bool:
    """Whether a cell of ``line`` opens a quote it does not close on this line."""
    for cell in line.rstrip().split("\t"):
        if cell.startswith('"') and not _closes(cell[1:].rstrip()):
            return True
    return False


def _closes(rest: str) -> bool:
    """Whether a quoted cell's text ``rest`` (after its opening quote) ends in its closing quote.

    The closing quote is an odd run of quotes at its end (``""`` stands for one quote).
    """
    run = len(rest) - len(rest.rstrip('"'))
    return run % 2 == 1


def _quoted_row_end(lines: list[str], k: int) -> int | None:
    """The last line of the row that starts at ``k`` with an open quoted cell, or None."""
    if not _open_quote(lines[k]):
        return None
    for j in range(k + 1, min(len(lines), k + _QUOTED_MAX_LINES)):
        head, sep, _tail = lines[j].partition("\t")
        if not lines[j].strip():
            return None  # an empty paragraph: no cell goes on across it
        if '"' in head and _closes(head.rstrip()):
            has_tab = "\t" in lines[k] or bool(sep)
            return j if has_tab else None
        if "\t" in lines[j]:
            return None  # another row began: the quote was a character of its cell
    return None


def _unquoted(lines: list[str]) -> str:
    joined = " ".join(line.strip() if n else line.rstrip() for n, line in enumerate(lines))
    cells = []
    for cell in joined.split("\t"):
        s = cell.strip()
        if len(s) >= 2 and s.startswith('"') and s.endswith('"'):
            s = s[1:-1].replace('""', '"')
            cell = " ".join(s.split())
        cells.append(cell)
    return "\t".join(cells)


def has_pandoc_tables(text: str) -> bool:
    """Whether ``text`` holds a table as ``pandoc -t plain`` draws it."""
    if "---" not in text:
        return False  # no rule of either kind (the common case: checked in microseconds)
    lines = text.split("\n")
    grid = sum(1 for line in lines if _GRID_BORDER_RE.match(line))
    groups = sum(1 for line in lines if _GROUP_RULE_RE.match(line))
    return grid >= 2 or groups >= 1


def pandoc_tables_to_tabs(text: str) -> str:
    """``text`` with each pandoc simple, multiline and grid table as tab rows."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        got = _grid_table(lines, k) or _dash_table(lines, k)
        if got is None:
            out.append(lines[k])
            k += 1
            continue
        rows, k = got
        out.extend(["", *("\t".join(r) for r in rows if any(r)), ""])
    return "\n".join(out)


def _starts(rule: str) -> list[int]:
    return [m.start() for m in re.finditer(r"-+", rule)]


def _slices(line: str, starts: list[int]) -> list[str]:
    bounds = [*starts[1:], max(len(line), starts[-1]) + 1]
    return [line[a:b].strip() for a, b in zip(starts, bounds, strict=True)]


def _dash_table(lines: list[str], k: int) -> tuple[list[list[str]], int] | None:
    """A simple or multiline table starting at ``k``: (rows, the line after it)."""
    top = bool(_FULL_RULE_RE.match(lines[k]))
    head_from = k + 1 if top else k
    rule = next(
        (
            j
            for j in range(head_from, min(len(lines), head_from + 4))
            if _GROUP_RULE_RE.match(lines[j])
        ),
        None,
    )
    if rule is None or (not top and rule != k + 1):
        return None
    if any(not lines[j].strip() for j in range(head_from, rule)):
        return None
    starts = _starts(lines[rule])
    header = _joined([_slices(lines[j], starts) for j in range(head_from, rule)], len(starts))
    rows = [header]
    chunk: list[list[str]] = []
    j = rule + 1
    while j < len(lines):
        line = lines[j]
        if top and _FULL_RULE_RE.match(line):
            j += 1
            break
        if not line.strip():
            if chunk:
                rows.append(_joined(chunk, len(starts)))
                chunk = []
            if not top:
                break  # a simple table ends at its first blank line
            j += 1
            continue
        if top:
            chunk.append(_slices(line, starts))
        else:
            rows.append(_slices(line, starts))
        j += 1
    else:
        if top:
            return None  # no closing rule: no multiline table
    if chunk:
        rows.append(_joined(chunk, len(starts)))
    return (rows, j) if len(rows) >= 2 else None


def _joined(chunk: list[list[str]], width: int) -> list[str]:
    return [" ".join(" ".join(r[c] for r in chunk).split()) for c in range(width)]


def _grid_table(lines: list[str], k: int) -> tuple[list[list[str]], int] | None:
    """A grid table starting at ``k``: (rows, the line after it)."""
    if not _GRID_BORDER_RE.match(lines[k]) or k + 1 >= len(lines):
        return None
    if not lines[k + 1].lstrip().startswith("|"):
        return None
    # The columns: every "+" of every border of the table (a header cell spanning columns
    # draws fewer of them than the rows under it).
    end = k + 1
    while end < len(lines) and lines[end].strip()[:1] in ("|", "+"):
        end += 1
    plus = {
        m.start()
        for line in lines[k:end]
        if _is_border(line.rstrip())
        for m in re.finditer(r"\+", line.rstrip())
    }
    bounds = sorted(plus)
    if len(bounds) < 3:
        return None
    width = len(bounds) - 1
    rows: list[list[str]] = []
    cur = [""] * width
    owner: list[int | None] = [None] * width
    j = k + 1
    while j < len(lines):
        line = lines[j].rstrip()
        if not line or line.lstrip()[0] not in "|+":
            return None  # the table ended without its bottom border
        segs = [line[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]
        if _is_border(line):
            closed = [bool(s) and set(s) <= {"-", "=", ":"} for s in segs]
            r = len(rows)
            row = []
            for c in range(width):
                held = owner[c]
                top = r if held is None else held
                owner[c] = top
                text = " ".join(cur[c].split())
                if top == r:
                    row.append(text)
                else:
                    row.append("")
                    rows[top][c] = " ".join(f"{rows[top][c]} {text}".split())
                cur[c] = ""
                if closed[c]:
                    owner[c] = None
            rows.append(row)
            j += 1
            if all(closed) and _GRID_BORDER_RE.match(line) and not _continues(lines, j):
                return rows, j
            continue
        # A content line: a cell spans the columns whose inner boundary has no bar.
        c = 0
        while c < width:
            d = c + 1
            while d < width and (len(line) <= bounds[d] or line[bounds[d]] != "|"):
                d += 1
            text = line[bounds[c] + 1 : bounds[d] if d < len(bounds) else None].replace("|", " ")
            cur[c] = f"{cur[c]} {text}"
            c = d
        j += 1
    return None


def _is_border(line: str) -> bool:
    """A line drawing a border under some column: ``+---+`` segments between bars."""
    return "+" in line and bool(re.search(r"\+:?[-=]{3,}:?\+", line))


def _continues(lines: list[str], j: int) -> bool:
    return j < len(lines) and lines[j].lstrip().startswith("|")
