"""Emit report text line by line: paragraphs, tables with page breaks, furniture and wraps.

Every table row is written through :meth:`Emitter.table`, which knows the line numbers it
writes, so the truth of a row is the line span where it really is in the final text.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from tests.corpus.layouts.printing import roman
from tests.corpus.layouts.traits import Layout


@dataclass
class Row:
    cells: list[str]
    truth: dict[str, Any] | None = None  # None: a group/section row (no values to read)
    below: dict[int, str] = field(default_factory=dict)  # printed on a continuation line


@dataclass
class Table:
    kind: str  # anggaran | capaian | pemilih | other
    header: list[list[str]]
    rows: list[Row]
    name_col: int = 1
    first_line_cols: frozenset[int] = frozenset({0})


class Emitter:
    def __init__(self, layout: Layout, rng: random.Random, running_title: str) -> None:
        self.layout = layout
        self.rng = rng
        self.running = running_title
        self.out: list[str] = []
        self.rows: list[dict[str, Any]] = []
        self.page = rng.randint(18, 30)
        self.pages = self.page + rng.randint(15, 25)
        self.breaks = 0
        # Where each table was written (for cells=spaces): out indexes per page, header lines,
        # and lines of one cell that may overflow their column (group rows).
        self.segments: list[list[int]] = []
        self.segment_table: list[int] = []  # which table each segment belongs to
        self.tables_written = 0
        self.headers: set[int] = set()
        self.spanning: set[int] = set()

    # -- plain text ------------------------------------------------------------------
    def para(self, *texts: str) -> None:
        for t in texts:
            self.out.append(t)
            self.out.append("")

    def line(self, text: str = "") -> None:
        self.out.append(text)

    @property
    def next_line(self) -> int:
        return len(self.out) + 1

    # -- tables ----------------------------------------------------------------------
    def table(self, t: Table) -> list[dict[str, Any]]:
        """Write ``t``; returns the truth records of its data rows (with their lines)."""
        written: list[dict[str, Any]] = []
        self.tables_written += 1
        self._header(t)
        every = self.rng.randint(3, 5)
        breaks = self.layout["pagebreak"] == "inside" and len(t.rows) > every
        for i, row in enumerate(t.rows):
            if breaks and i and i % every == 0:
                self._page_break(t)
            first = self.next_line
            for cells in self._row_lines(t, row):
                if row.truth is None and sum(1 for c in cells if c) == 1:
                    self.spanning.add(len(self.out))
                self.segments[-1].append(len(self.out))
                self.out.append("\t".join(cells))
            if row.truth is not None:
                rec = {"table": t.kind, "lines": [first, self.next_line - 1], **row.truth}
                written.append(rec)
        self.out.append("")
        self.rows += written
        return written

    def _header(self, t: Table) -> None:
        self._new_segment()
        for cells in [*t.header, *self._column_numbers(t)]:
            self.headers.add(len(self.out))
            self.segments[-1].append(len(self.out))
            self.out.append("\t".join(cells))

    def _column_numbers(self, t: Table) -> list[list[str]]:
        """The column-number row under the header (none, or one row)."""
        style = self.layout["col_numbers"]
        if style == "none" or not t.header:
            return []
        n = max(len(r) for r in t.header)
        cells = [f"({j + 1})" if style == "bracketed" else str(j + 1) for j in range(n)]
        if style == "formula":
            last = [r[j] if j < len(r) else "" for r in t.header for j in range(n)][-n:]
            pct = next((j for j, h in enumerate(last) if re.search(r"(?i)capaian|%", h)), None)
            if pct is not None and pct >= 2:
                cells[pct] = f"{pct + 1} = {pct}/{pct - 1}"
        return [cells]

    def _page_break(self, t: Table) -> None:
        self.breaks += 1
        self.page += 1
        kind = self.layout["furniture"]
        p = self.page - 1
        footer = {
            "dash": f"- {p} -",
            "bare": str(p),
            "roman": roman(p),
            "halaman": f"Halaman {p} dari {self.pages}",
            "running": str(p),
        }[kind]
        self.out += ["", footer, ""]
        if kind == "running":
            self.out += [f"{self.running} {self.page}", ""]
        if self.layout["header_repeat"] == "yes":
            self._header(t)
        else:
            self._new_segment()

    def _new_segment(self) -> None:
        """A new page of the current table (pdftotext shifts its columns a little)."""
        self.segments.append([])
        self.segment_table.append(self.tables_written)

    def _row_lines(self, t: Table, row: Row) -> list[list[str]]:
        wrap = self.layout["wrap"]
        name = row.cells[t.name_col] if t.name_col < len(row.cells) else ""
        frags = [name]
        if wrap != "none" and len(name) > 28:
            frags = textwrap.wrap(name, width=self.rng.randint(18, 26))
        shift = 1 if wrap == "numbers_later" and len(frags) > 1 else 0
        height = max(len(frags), shift + 1 + (1 if row.below else 0))
        grid = [[""] * len(row.cells) for _ in range(height)]
        for j, cell in enumerate(row.cells):
            if j == t.name_col:
                for k, f in enumerate(frags):
                    grid[k][j] = f
            elif j in t.first_line_cols:
                grid[0][j] = cell
            else:
                grid[shift][j] = cell
        for j, text in row.below.items():
            grid[shift + 1][j] = text
        return grid
