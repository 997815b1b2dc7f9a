"""Budget realisation (Realisasi Anggaran, Bab III.B): program, kegiatan and RO rows.

All budget tables of a report become one frame. Each row knows its level (program,
kegiatan, ro, total), its program and kegiatan (from codes in the row, or from the
"Program …" / "Kegiatan 6639 (…)" lines that introduce the table), and keeps the printed
strings next to the parsed values (DOMAIN.md §2.2, §3.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from lkj_audit.load import columns as col
from lkj_audit.load.budget_columns import column_index, scale_of
from lkj_audit.load.budget_totals import link_totals
from lkj_audit.load.document import Block, Document, RawTable
from lkj_audit.load.mentions.gate import gated
from lkj_audit.load.numbers import Number, Style, first_amount, first_percent
from lkj_audit.load.rawtables import total_label
from lkj_audit.load.schema import Field, Table, TableModel, validate

RO_CODE_RE = re.compile(r"\b(\d{4})\s*\.\s*([A-Z]{3})\s*\.\s*(\d{3})\b")
# An RO code with a slip in it ("6709.QGE.04", "6709.QG.001"): still an RO row (XTB001 names
# the slip), never a second row of its kegiatan, which would then be footed twice.
_LOOSE_RO_CODE_RE = re.compile(r"\b(\d{4})\s*\.\s*([A-Z]{2,4})\s*\.\s*(\d{1,4})\b")
# Read in every text block after the budget chapter starts: gated (a paragraph without the
# word is not searched; a search starts only where the word does).
_KEGIATAN_CTX_RE = gated(r"\bKegiatan\s+(\d{4})\b\s*(?:\(([^)]*)\)?)?", re.I)
_PROGRAM_CTX_RE = gated(r"\bProgram\s+(.+?)(?:\s+terdapat\b|\s+yaitu\b|\s*[:(]|$)", re.I)
_PROGRAM_CODE_RE = re.compile(r"\b\d{3}\.\d{2}\.([A-Z]{2})\b")
_KEGIATAN_CODE_RE = re.compile(r"^\s*(\d{4})\b(?!\s*[.,]\d)")
# A figure alone in a column headed "%" ("96,79"): the header gives its unit.
_BARE_PERCENT_RE = re.compile(r"^\s*\(?\d{1,3}(?:[.,]\d{1,2})?\)?\s*$")
# A row named "Program …" in a table whose header lists programs and kegiatan together.
_PROGRAM_NAME_RE = re.compile(r"^\s*(?:[A-Z]{2}\s+)?Program\s+\w", re.I)  # "CQ Program …"

LEVELS = ("program", "kegiatan", "ro", "total")


class AnggaranSchema(TableModel):
    """One printed budget row; amounts in rupiah, percentages in percent units."""

    table: str
    line: int
    level: str = Field(isin=list(LEVELS))
    program: str = Field(nullable=True)
    kegiatan: str = Field(nullable=True)
    kode: str = Field(nullable=True)
    uraian: str
    pagu: float = Field(nullable=True, ge=0)
    pagu_raw: str
    pagu_dec: int
    realisasi: float = Field(nullable=True)
    realisasi_raw: str
    realisasi_dec: int
    pct: float = Field(nullable=True)
    pct_raw: str
    pct_dec: int
    flags: str
    evidence: str
    scale: int = Field(ge=1)
    sisa: float = Field(nullable=True)
    sisa_raw: str
    closes: str  # total rows: the source lines of the rows they add up
    subtotal: bool
    doubt: str  # why a figure could not be read with certainty ('' when it could)


def is_budget_table(table: RawTable) -> bool:
    """Header names a budget and its realisation (pagu/anggaran + realisasi)."""
    head = table.header_text
    return bool(re.search(r"pagu|alokasi|anggaran", head)) and "realisasi" in head


@dataclass
class _State:
    program: str | None = None
    kegiatan: str | None = None
    kegiatan_name: str | None = None
    row_kegiatan: str | None = None  # the kegiatan row above, in the same table
    after_ro: bool = False  # the row above, in the same table, is an RO


def _update_state(state: _State, text: str) -> None:
    m = _KEGIATAN_CTX_RE.search(text)
    if m:
        state.kegiatan, state.kegiatan_name = m.group(1), (m.group(2) or "").strip() or None
        return
    m = _PROGRAM_CTX_RE.search(text)
    if m and len(text) < 300:
        state.program = " ".join(m.group(1).split())
        state.kegiatan = None


def _num_fields(prefix: str, n: Number | None, raw: str, scale: int = 1) -> dict[str, object]:
    """Value in rupiah (printed figure × the table's unit) and its printed precision.

    In a table "dalam ribuan rupiah" a figure printed as an integer is exact to 1.000 rupiah,
    so its decimals are -3: tolerances stay those of the printed figure.
    """
    usable = n is not None and n.certain
    shift = len(str(scale)) - 1
    return {
        prefix: float(n.value * scale) if usable and n is not None else None,
        f"{prefix}_raw": raw.strip(),
        f"{prefix}_dec": (n.decimals - shift) if usable and n is not None else 0,
    }


def _row_record(
    table: RawTable,
    row_cells: list[str],
    idx: dict[str, int | None],
    state: _State,
    is_program_table: bool,
    styles: dict[str, Style],
    scale: int,
) -> dict[str, object]:
    uraian = " ".join(
        c for c in (col.cell(row_cells, idx["kode"]), col.cell(row_cells, idx["uraian"])) if c
    )
    pagu_raw = col.cell(row_cells, idx["pagu"])
    real_raw = col.cell(row_cells, idx["realisasi"])
    sisa_raw = col.cell(row_cells, idx["sisa"])
    pct_raw = col.cell(row_cells, idx["pct"]) if idx["pct"] is not None else real_raw
    pagu = first_amount(pagu_raw, styles.get("pagu"))
    real = first_amount(real_raw, styles.get("realisasi"))
    sisa = first_amount(sisa_raw, styles.get("sisa"))
    pct = first_percent(pct_raw)
    if pct is None and idx["pct"] is not None and _BARE_PERCENT_RE.match(pct_raw):
        pct = first_percent(pct_raw.strip(" ()") + "%")  # a "%" column prints bare "96,79"
    if pct is None and idx["pct"] is None:
        pct = first_percent(uraian)
    code = RO_CODE_RE.search(uraian) or _LOOSE_RO_CODE_RE.search(uraian)
    numbers = [n for n in (pagu, real) if n is not None]
    flags = sorted(set().union(*(n.flags for n in numbers)))
    doubts = [
        f"{name}: {n.doubt}" for name, n in (("pagu", pagu), ("realisasi", real)) if n and n.doubt
    ]
    rec: dict[str, object] = {"kode": None, "kegiatan": state.kegiatan, "program": state.program}
    if code:
        rec["level"] = "ro"
        rec["kode"] = f"{code.group(1)}.{code.group(2)}.{code.group(3)}"
        # An RO printed under a kegiatan row is part of that row's figures, whatever its
        # code says (XTB005 reports a code of another kegiatan).
        rec["kegiatan"] = state.row_kegiatan or code.group(1)
    elif is_program_table or _PROGRAM_CODE_RE.search(uraian) or _PROGRAM_NAME_RE.match(uraian):
        rec["level"] = "program"
        rec["kode"] = m.group(1) if (m := _PROGRAM_CODE_RE.search(uraian)) else None
        program = " ".join(uraian.split())
        rec["program"] = program
        rec["kegiatan"] = None
        state.program, state.kegiatan = program, None  # rows below belong to it
        state.row_kegiatan = None
    elif state.after_ro and not _KEGIATAN_CODE_RE.match(uraian) and _negative(pagu, real):
        # A correction under an RO ("Koreksi pengembalian belanja | - | (1.234.000)"): no
        # kegiatan has a negative amount; a detail of the RO level, added up with the ROs.
        rec["level"] = "ro"
        rec["kegiatan"] = state.row_kegiatan or state.kegiatan
    elif (m := _KEGIATAN_CODE_RE.match(uraian)) or state.kegiatan:
        rec["level"] = "kegiatan"
        rec["kode"] = m.group(1) if m else state.kegiatan
        rec["kegiatan"] = rec["kode"]
        if m:
            state.kegiatan = state.row_kegiatan = m.group(1)
    else:
        rec["level"] = "kegiatan"
    rec.update(
        uraian=" ".join(uraian.split()),
        **_num_fields("pagu", pagu, pagu_raw, scale),
        **_num_fields("realisasi", real, _strip_pct(real_raw), scale),
        **_num_fields("pct", pct, pct.raw if pct else ""),
        flags=",".join(flags),
        scale=scale,
        sisa=float(sisa.value * scale) if sisa is not None and sisa.certain else None,
        sisa_raw=sisa_raw,
        closes="",
        subtotal=False,
        doubt="; ".join(doubts),
    )
    return rec


_PCT_IN_CELL_RE = re.compile(r"\(?\s*[-\d.,]+\s*%\s*\)?")


def _negative(*amounts: Number | None) -> bool:
    return any(n is not None and n.value < 0 for n in amounts)


def _strip_pct(raw: str) -> str:
    return _PCT_IN_CELL_RE.sub("", raw).strip(" ,.")


def load(doc: Document, year: int | None = None) -> Table:
    """Every budget row of the report, in reading order (see :class:`AnggaranSchema`)."""
    budget = [t for t in doc.tables if is_budget_table(t)]
    if not budget:
        return validate(AnggaranSchema, [])
    start = budget[0].section.chapter.line if budget[0].section else 1
    items: list[tuple[int, Block | RawTable]] = [(b.line, b) for b in doc.blocks if b.line >= start]
    items += [(t.line, t) for t in budget]
    state = _State()
    records: list[dict[str, object]] = []
    for _, item in sorted(items, key=lambda x: x[0]):
        if isinstance(item, Block):
            if item.kind != "furniture":
                _update_state(state, item.text)
            continue
        table = item
        table.kind = "anggaran"
        idx = column_index(table, year)
        styles = col.column_styles(table, idx, ("pagu", "realisasi", "sisa"))
        scale = scale_of(table)  # rupiah per printed unit, once per table
        labels = " ".join(col.labels(table))
        # "Program / Kegiatan" lists both levels: only its "Program …" rows are programs.
        is_program_table = bool(re.search(r"\bprogram\b", labels)) and not re.search(
            r"kegiatan|\boutput\b|rincian", labels
        )
        state.row_kegiatan, state.after_ro = None, False
        for row in table.rows:
            if row.kind == "group":  # "A. Program …", "Kegiatan 6639 (…)": sets the context
                _update_state(state, " ".join(c for c in row.cells if c))
                state.after_ro = False
                continue
            if row.is_total:
                rec = _row_record(table, row.cells, idx, _State(), False, styles, scale)
                rec.update(level="total", program=None, kegiatan=None, kode=None)
                rec["uraian"] = rec["uraian"] or total_label(row.cells)
                rec["subtotal"] = row.kind == "subtotal"
            else:
                rec = _row_record(table, row.cells, idx, state, is_program_table, styles, scale)
                if rec["level"] == "kegiatan" and not rec.get("kegiatan") and state.kegiatan:
                    rec["kegiatan"] = state.kegiatan
            if rec["level"] == "kegiatan" and state.kegiatan_name and not rec["uraian"]:
                rec["uraian"] = state.kegiatan_name
            rec.update(table=table.id, line=row.cited_line, evidence=row.evidence)
            state.after_ro = rec["level"] == "ro"
            records.append(rec)
    _link_programs(records)
    link_totals(records)
    return validate(AnggaranSchema, records)


def _link_programs(records: list[dict[str, object]]) -> None:
    """Name each row's program exactly as its program row does ("Dukunan" ~ "Dukungan")."""
    names = [str(r["uraian"]) for r in records if r["level"] == "program"]
    if not names:
        return
    for r in records:
        if r["level"] in {"program", "total"} or not r.get("program"):
            continue
        match = process.extractOne(str(r["program"]), names, scorer=fuzz.token_set_ratio)
        if match and match[1] >= 75:
            r["program"] = match[0]
