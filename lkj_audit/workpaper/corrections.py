"""Corrections: a reviewer's fix of a misread or mistyped printed value, applied before the rules.

``corrections.yaml`` (in the report's folder, or ``--corrections FILE``)::

    corrections:
      - table: anggaran          # a typed table's name, as in tables/*.csv
        row: 6871.QGE.001        # a kode, the row's uraian, or "line:921"
        column: realisasi        # a column name as in tables/*.csv
        from: "18.337.257.000"   # as printed; if the report no longer says this, do not apply
        to: "18.337.257"
        reason: "Salah ketik ribuan; dikonfirmasi dengan LRA satker"
        by: "Nama reviewer"

The fix is made on a copy of the printed cell and every table is typed again, so the corrected
figure is read exactly like a printed one (same column conventions and table scale). The
source file and the evidence quoted in findings stay as printed.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkj_audit.errors import WorkpaperFileError
from lkj_audit.load.document import Document, TableRow
from lkj_audit.load.tables import ReportTables, read_tables
from lkj_audit.workpaper.yamlfile import load_mapping

if TYPE_CHECKING:  # pandas is imported by the frames, only when a correction is applied
    import pandas as pd

FILE_NAME = "corrections.yaml"
FIELDS = ("table", "row", "column", "from", "to", "reason", "by")
REQUIRED = ("table", "row", "column", "from", "to")
# Columns that name a row, tried in this order (a kode is the most specific).
ROW_KEYS = ("kode", "uraian", "indikator", "wilayah", "nama", "nip", "kategori", "jenis")
_LINE_REF = re.compile(r"\s*(?:line|baris)\s*:\s*(\d+)\s*", re.I)


def _norm(text: object) -> str:
    return " ".join(str(text).split())


@dataclass(frozen=True, slots=True)
class Correction:
    """One entry of the file, as given (strings), with its position for messages."""

    index: int
    given: dict[str, str]

    @property
    def label(self) -> str:
        """How messages name the entry."""
        g = self.given
        return (
            f"koreksi ke-{self.index} (table: {g['table']}, row: {g['row']}, column: {g['column']})"
        )


@dataclass(slots=True)
class _Target:
    fix: Correction
    frame: str
    column: str  # the base column name (``realisasi``, not ``realisasi_raw``)
    table_id: str
    line: int
    printed: str
    table_pos: int = -1
    row_pos: int = -1
    cells: list[int] = field(default_factory=list)
    choice: int = 0
    why_not: str | None = None


def load(path: Path) -> list[Correction]:
    """Every entry of a corrections file, checked for shape (message names the entry)."""
    data = load_mapping(path, "berkas koreksi")
    extra = set(data) - {"corrections"}
    if extra:
        raise WorkpaperFileError(
            f"{path}: kunci tidak dikenal {sorted(extra)}; "
            "berkas koreksi hanya berisi 'corrections:'."
        )
    items = data.get("corrections") or []
    if not isinstance(items, list):
        raise WorkpaperFileError(
            f"{path}: 'corrections' harus berupa daftar (setiap entri diawali '- ')."
        )
    out = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise WorkpaperFileError(
                f"{path}: koreksi ke-{n} harus berupa pemetaan (table, row, …)."
            )
        unknown = sorted(set(map(str, item)) - set(FIELDS))
        missing = [k for k in REQUIRED if item.get(k) is None]
        if unknown or missing:
            parts = [
                f"kunci tidak dikenal {unknown}" if unknown else "",
                f"kunci wajib tidak ada {missing}" if missing else "",
            ]
            raise WorkpaperFileError(
                f"{path}: koreksi ke-{n}: {'; '.join(p for p in parts if p)}. "
                f"Kunci yang sah: {', '.join(FIELDS)}."
            )
        given = {k: ("" if item.get(k) is None else str(item[k])) for k in FIELDS}
        out.append(Correction(index=n, given=given))
    return out


def _frame(tables: ReportTables, fix: Correction) -> tuple[str, pd.DataFrame]:
    frames = tables.frames()
    name = fix.given["table"].strip()
    if name not in frames:
        raise WorkpaperFileError(
            f"{fix.label}: tabel '{name}' tidak dikenal; gunakan salah satu dari "
            f"{', '.join(sorted(frames))} (nama berkas di tables/*.csv)."
        )
    frame = frames[name]
    if "table" not in frame.columns or "line" not in frame.columns:
        raise WorkpaperFileError(
            f"{fix.label}: tabel '{name}' dibaca dari teks, bukan dari tabel tercetak, sehingga "
            "tidak dapat dikoreksi di sini."
        )
    return name, frame


def _column(frame: pd.DataFrame, fix: Correction) -> tuple[str, str]:
    """The base column and the column holding the value as printed."""
    name = fix.given["column"].strip()
    base = name.removesuffix("_raw")
    if f"{base}_raw" in frame.columns:
        return base, f"{base}_raw"
    if base in frame.columns and base not in {"table", "line"}:
        return base, base
    raise WorkpaperFileError(
        f"{fix.label}: kolom '{name}' tidak ada di tabel {fix.given['table']}; kolom yang ada: "
        f"{', '.join(c for c in frame.columns if not c.endswith(('_dec', '_raw')))}."
    )


def _row(frame: pd.DataFrame, fix: Correction) -> pd.Series:
    ref = fix.given["row"]
    m = _LINE_REF.fullmatch(ref)
    if m:
        hits = frame[frame["line"] == int(m.group(1))]
    else:
        key = _norm(ref).casefold()
        hits = frame.iloc[0:0]
        for col in (c for c in ROW_KEYS if c in frame.columns):
            values = frame[col].map(lambda v: _norm(v).casefold() if isinstance(v, str) else "")
            hits = frame[values == key]
            if len(hits):
                break
    if hits.empty:
        raise WorkpaperFileError(
            f"{fix.label}: baris '{ref}' tidak ditemukan di tabel {fix.given['table']}; gunakan "
            'kode atau uraian persis seperti di tables/*.csv, atau "line:NOMOR".'
        )
    if len(hits) > 1:
        lines = ", ".join(str(int(x)) for x in hits["line"])
        raise WorkpaperFileError(
            f"{fix.label}: baris '{ref}' cocok dengan {len(hits)} baris (baris {lines}); "
            f'gunakan row: "line:NOMOR".'
        )
    return hits.iloc[0]


def _target(tables: ReportTables, doc: Document, fix: Correction) -> _Target:
    name, frame = _frame(tables, fix)
    base, printed_col = _column(frame, fix)
    row = _row(frame, fix)
    value = row[printed_col]
    printed = "" if value is None or value != value else _norm(value)
    t = _Target(fix, name, base, str(row["table"]), int(row["line"]), printed)
    old = _norm(fix.given["from"])
    if old not in printed:
        t.why_not = (
            f'laporan tidak lagi memuat "{fix.given["from"]}" pada sel ini (tertulis "{printed}")'
        )
        return t
    for ti, table in enumerate(doc.tables):
        if table.id != t.table_id:
            continue
        for ri, raw_row in enumerate(table.rows):
            if t.line in raw_row.lines:
                t.table_pos, t.row_pos = ti, ri
                t.cells = [i for i, c in enumerate(raw_row.cells) if old in _norm(c)]
    if not t.cells:
        t.why_not = f'"{fix.given["from"]}" tidak ditemukan pada sel tabel tercetak {t.table_id}'
    return t


def _edit(row: TableRow, cell: int, old: str, new: str) -> None:
    row.cells[cell] = _norm(row.cells[cell]).replace(old, new, 1)
    lines = [lc for lc in row.line_cells if cell < len(lc)]
    hit = next((lc for lc in lines if old in _norm(lc[cell])), None)
    if hit is not None:
        hit[cell] = _norm(hit[cell]).replace(old, new, 1)
    elif lines:  # the old text was wrapped over lines: the whole corrected cell on the first
        for k, lc in enumerate(lines):
            lc[cell] = row.cells[cell] if k == 0 else ""


def _reads(tables: ReportTables, t: _Target) -> bool:
    frame = tables.frames()[t.frame]
    rows = frame[(frame["table"] == t.table_id) & (frame["line"] == t.line)]
    col = f"{t.column}_raw" if f"{t.column}_raw" in frame.columns else t.column
    new, old = _norm(t.fix.given["to"]), _norm(t.fix.given["from"])
    texts = [_norm(v) for v in rows[col] if isinstance(v, str)]
    return any((new in s) if new else (old not in s) for s in texts)


def apply(
    printed: tuple[Document, ReportTables],
    pristine: Document,
    fixes: list[Correction],
    year: int | None,
) -> tuple[Document, ReportTables, list[dict[str, Any]]]:
    """Apply every applicable fix to a copy of ``pristine`` (never typed) and type it again.

    ``printed`` is the report as printed and its typed tables: they locate each fix and tell
    a stale one. Returns the corrected document and tables (``printed`` when no fix applies)
    and one record per fix.
    """
    tables = printed[1]
    targets = [_target(tables, pristine, fix) for fix in fixes]
    doc, typed = printed
    while any(t.why_not is None for t in targets):
        active = [t for t in targets if t.why_not is None]
        doc = copy.deepcopy(pristine)
        for t in active:
            row = doc.tables[t.table_pos].rows[t.row_pos]
            _edit(row, t.cells[t.choice], _norm(t.fix.given["from"]), _norm(t.fix.given["to"]))
        typed = read_tables(doc, year)
        failed = [t for t in active if not _reads(typed, t)]
        if not failed:
            break
        for t in failed:  # another cell of the row may hold the same text: try it next
            t.choice += 1
            if t.choice >= len(t.cells):
                t.why_not = f'nilai "{t.fix.given["to"]}" tidak terbaca pada kolom {t.column}'
    if all(t.why_not is not None for t in targets):
        doc, typed = printed
    return doc, typed, [_record(t) for t in targets]


def _record(t: _Target) -> dict[str, Any]:
    return {
        **t.fix.given,
        "applied": t.why_not is None,
        "why_not": t.why_not,
        "source_table": t.table_id,
        "line": t.line,
    }
