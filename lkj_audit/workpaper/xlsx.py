"""``findings.xlsx``: every finding on one filterable sheet, with the reviewer's decisions.

Written from the findings document (findings.json), so the sheet and the JSON never disagree.
Report text is data: a cell that starts with ``=`` stays text, never becomes a formula.
"""

from __future__ import annotations

import io
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkj_audit.fsutil import atomic_write_bytes

FILE_NAME = "findings.xlsx"
# (header, width, value from a finding record)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("No", 5),
    ("Kelompok", 17),
    ("Sidik jari", 17),
    ("Aturan", 8),
    ("Nama aturan", 24),
    ("Kategori", 13),
    ("Tingkat", 9),
    ("Bagian laporan", 30),
    ("Tabel", 7),
    ("Baris tabel", 24),
    ("Kolom", 16),
    ("Baris sumber", 8),
    ("Tertulis", 18),
    ("Seharusnya", 18),
    ("Uraian", 60),
    ("Bukti", 50),
    ("Terkait", 20),
    ("Status", 14),
    ("Catatan reviewer", 40),
    ("Oleh", 16),
    ("Tanggal", 11),
)
CORRECTION_COLUMNS = ("table", "row", "column", "from", "to", "reason", "by", "applied", "why_not")
_HEAD_FILL = PatternFill("solid", fgColor="EEF2F8")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def _text(value: object) -> object:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _put(ws: Worksheet, row: int, values: list[object]) -> None:
    template = None
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=_text(value))
        if isinstance(value, str):
            cell.data_type = "s"  # text as printed, never a formula
        if template is None:
            cell.alignment = _WRAP_TOP
            template = cell._style
        else:
            # The same style ids as the first cell: assigning ``alignment`` to each cell would
            # hash and look up the style again every time (most of the sheet's cost).
            cell._style = copy(template)


def _row(n: int, f: dict[str, Any]) -> list[object]:
    loc, review = f.get("location") or {}, f.get("review") or {}
    return [
        n,
        f.get("group") or f["fingerprint"],
        f["fingerprint"],
        f["rule"],
        f.get("name"),
        f["category"],
        f["severity"],
        loc.get("section"),
        loc.get("table"),
        loc.get("row"),
        loc.get("column"),
        loc.get("line"),
        f.get("stated"),
        f.get("expected"),
        f["message"],
        f.get("evidence"),
        ", ".join(f.get("related") or []),
        review.get("status", "baru"),
        review.get("note"),
        review.get("by"),
        review.get("date") or None,
    ]


def _sheet(ws: Worksheet, headers: list[str], rows: list[list[object]], widths: list[int]) -> None:
    _put(ws, 1, list(headers))
    for cell in ws[1]:
        cell.font, cell.fill = Font(bold=True), _HEAD_FILL
    for i, values in enumerate(rows, start=2):
        _put(ws, i, values)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(rows) + 1, 2)}"


def workbook(data: dict[str, Any]) -> Workbook:
    """The workbook of a findings document: sheet "Temuan" (and "Koreksi" when there are any)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook always has its first sheet
    ws.title = "Temuan"
    rows = [_row(n, f) for n, f in enumerate(data["findings"], start=1)]
    _sheet(ws, [h for h, _ in COLUMNS], rows, [w for _, w in COLUMNS])
    fixes = data.get("corrections") or []
    if fixes:
        sheet = wb.create_sheet("Koreksi")
        values = [[c.get(k) for k in CORRECTION_COLUMNS] for c in fixes]
        _sheet(sheet, list(CORRECTION_COLUMNS), values, [14, 20, 14, 18, 18, 40, 18, 9, 40])
    wb.properties.title = f"Temuan reviu LKj {data.get('satker', '')} {data.get('year', '')}"
    wb.properties.creator = "lkj-audit"
    return wb


def write(path: Path, data: dict[str, Any]) -> Path:
    """Write ``findings.xlsx`` atomically."""
    buf = io.BytesIO()
    workbook(data).save(buf)
    return atomic_write_bytes(path, buf.getvalue())
