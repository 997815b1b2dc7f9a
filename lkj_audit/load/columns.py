"""Find a table's columns by what their headers say (and, to break ties, by their content).

Layouts differ between satker and years (column order, two-row headers, OCR-garbled header
words), so no reader indexes a column by position.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lkj_audit.load.document import RawTable
from lkj_audit.load.numbers import Style, column_style


def labels(table: RawTable) -> list[str]:
    """One lower-case label per column: the header rows joined top to bottom."""
    if table._labels is None:  # every column search of every typer asks (~200 times a report)
        width = max([len(r) for r in table.header] + [len(r.cells) for r in table.rows] + [0])
        table._labels = tuple(
            mend_broken_words(" ".join(r[j] for r in table.header if j < len(r) and r[j]).lower())
            for j in range(width)
        )
    return list(table._labels)


# Header words a narrow cell breaks mid-word ("Bob" / "ot (%)", "Polarita" / "s", "Capaia" /
# "n (%)"): Word and LibreOffice wrap a word longer than its column wherever it runs out.
_BREAKABLE_WORDS = frozenset(
    "anggaran bobot capaian indikator jumlah kabupaten kategori kecamatan kegiatan keterangan "
    "kinerja kriteria partisipasi pengguna perempuan persentase polaritas predikat realisasi "
    "satuan sasaran serapan target".split()
)
_WORD_RE = re.compile(r"^[a-z]+")


def mend_broken_words(label: str) -> str:
    """Join two pieces of a label that are no word alone but one header word together."""
    tokens = label.split()
    out: list[str] = []
    for tok in tokens:
        if out and _pieces_of_one_word(out[-1], tok):
            out[-1] += tok
        else:
            out.append(tok)
    return " ".join(out)


def _pieces_of_one_word(head: str, tail: str) -> bool:
    word = _WORD_RE.match(head + tail)
    if not head.isalpha() or word is None or word.group(0) not in _BREAKABLE_WORDS:
        return False
    tail_word = _WORD_RE.match(tail)
    # "target" + "realisasi" are two words; "targe" + "t" is one broken
    return head not in _BREAKABLE_WORDS and (
        tail_word is None or tail_word.group(0) not in _BREAKABLE_WORDS
    )


def header_words(table: RawTable) -> str:
    """The header rows and the column labels, lower-case, for keyword matching.

    A word broken over two header lines of a narrow column ("Realisas" / "i 2024") is found
    mended in the labels.
    """
    return f"{table.header_text} {' '.join(labels(table))}"


def printed_labels(table: RawTable) -> list[str]:
    """One label per column as printed (case kept), header rows joined top to bottom."""
    width = max([len(r) for r in table.header] + [len(r.cells) for r in table.rows] + [0])
    return [
        " ".join(" ".join(r[j] for r in table.header if j < len(r) and r[j]).split())
        for j in range(width)
    ]


def column_styles(
    table: RawTable, idx: dict[str, int | None], roles: tuple[str, ...]
) -> dict[str, Style]:
    """The number convention of each role's column, from all its cells (not cell by cell)."""
    return {
        role: column_style(cell(r.cells, idx[role]) for r in table.rows)
        for role in roles
        if idx.get(role) is not None
    }


def cell(cells: list[str], j: int | None) -> str:
    """Cell ``j`` of a row, '' when the row is short or the column is absent."""
    if j is None or j >= len(cells):
        return ""
    return cells[j]


def find(
    table: RawTable,
    pattern: str,
    *,
    exclude: str | None = None,
    taken: set[int] | None = None,
    content: Callable[[str], bool] | None = None,
) -> int | None:
    """Index of the column whose label matches ``pattern`` (regex, case-insensitive).

    With several matches, ``content`` (a predicate on cell text) picks the column whose cells
    fit best; otherwise the first match wins. ``taken`` columns are skipped.
    """
    rx = re.compile(pattern, re.I)
    ex = re.compile(exclude, re.I) if exclude else None
    matches = [
        j
        for j, lab in enumerate(labels(table))
        if rx.search(lab) and not (ex and ex.search(lab)) and j not in (taken or set())
    ]
    if not matches:
        return None
    if content is None or len(matches) == 1:
        return matches[0]
    scores = [(sum(1 for r in table.rows if content(cell(r.cells, j))), -j) for j in matches]
    best = max(range(len(matches)), key=lambda k: scores[k])
    return matches[best]


def best_by_content(
    table: RawTable, predicate: Callable[[str], bool], taken: set[int] | None = None
) -> int | None:
    """Column whose cells most often satisfy ``predicate`` (fallback when headers fail)."""
    width = len(labels(table))
    scored = [
        (sum(1 for r in table.rows if predicate(cell(r.cells, j))), -j)
        for j in range(width)
        if j not in (taken or set())
    ]
    if not scored or max(scored)[0] == 0:
        return None
    return -max(scored)[1]
