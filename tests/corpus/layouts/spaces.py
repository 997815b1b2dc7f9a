"""Tables printed as ``pdftotext -layout`` prints them: cells aligned by runs of spaces.

``pdftotext -layout`` (poppler) places every glyph at its character offset on the page, so a
table comes out as padded columns: text cells left-aligned, figures right-aligned, header
labels centred over their column, a wrapped cell continued on the next lines at the same
offset, a group row (one merged cell) running over the columns beside it. Each page lays its
columns out anew (a table continued after a page break has other offsets), and the gaps
between columns vary with the column widths in the PDF, down to two spaces.

The trait ``cells=spaces`` rewrites every tab-separated table line of a render this way,
after the noise models ran, so the line numbers of the truth stay where they are.
"""

from __future__ import annotations

import random
import re

_FIGURE_RE = re.compile(
    r"^\(?[-\u2212]?(?:Rp\.?\s?)?\d[\d.,'\u00a0\u2009\u202f ]*(?:,-|,00)?\s?%?\)?$"
)
_GAPS = (2, 2, 3, 4, 5, 7)


def align(
    lines: list[str],
    segments: list[list[int]],
    segment_table: list[int],
    headers: set[int],
    spanning: set[int],
    rng: random.Random,
) -> list[str]:
    """``lines`` with the table lines of every segment (one page of one table) aligned.

    A table has one geometry (its column widths in the PDF); each page shifts it by a few
    characters, as pdftotext places each page's text on its own character grid.
    """
    out = list(lines)
    tables: dict[int, list[list[int]]] = {}
    for seg, table in zip(segments, segment_table, strict=True):
        if seg:
            tables.setdefault(table, []).append(seg)
    for segs in tables.values():
        rows = {i: out[i].split("\t") for seg in segs for i in seg}
        width = max(len(r) for r in rows.values())
        rows = {i: r + [""] * (width - len(r)) for i, r in rows.items()}
        sized = [r for i, r in rows.items() if i not in spanning] or list(rows.values())
        widths = [max(len(r[j]) for r in sized) for j in range(width)]
        gaps = [rng.choice(_GAPS) for _ in range(width)]
        base = rng.choice((0, 0, 1, 3))
        data = [r for i, r in rows.items() if i not in headers]
        right = [_mostly_figures([r[j] for r in data if r[j]]) for j in range(width)]
        for seg in segs:
            at = max(0, base + rng.choice((0, 0, 1, -1, 2, 3)))
            offsets = []
            for j in range(width):
                offsets.append(at)
                at += widths[j] + (gaps[j] if widths[j] else 0)
            for i in seg:
                out[i] = _line(rows[i], widths, offsets, right, header=i in headers)
    return out


def _mostly_figures(cells: list[str]) -> bool:
    return bool(cells) and sum(1 for c in cells if _FIGURE_RE.match(c)) * 2 > len(cells)


def _line(
    cells: list[str], widths: list[int], offsets: list[int], right: list[bool], *, header: bool
) -> str:
    text = ""
    for cell, w, at, r in zip(cells, widths, offsets, right, strict=True):
        if not cell:
            continue
        if header:
            start = at + max(0, (w - len(cell)) // 2)
        elif r:
            start = at + max(0, w - len(cell))
        else:
            start = at
        if len(text) < start:
            text = text.ljust(start)
        elif text:
            text += "  "  # pdftotext keeps two spaces between glyphs of two cells at least
        text += cell
    return text.rstrip()
