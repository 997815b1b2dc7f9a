"""Performance achievement tables (Capaian Kinerja per sasaran, Bab III.A; DOMAIN.md §2.1).

One row per indicator: target and realisation as number + unit (``1.0 Laporan``, ``95%``),
the printed capaian, the sasaran it belongs to, the RO code it cites, its polarity, and any
previous-year or Renstra-target columns the layout has (needed for analyses R-A2/R-A3).
"""

from __future__ import annotations

import re
from fractions import Fraction

from lkj_audit.load import columns as col
from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.load.document import Document, RawTable, TableRow
from lkj_audit.load.numbers import (
    YEAR_RE,
    Number,
    Style,
    Volume,
    first_percent,
    parse_decimal,
    parse_volume,
    repair_ocr,
)
from lkj_audit.load.rawtables import row_number
from lkj_audit.load.schema import Field, Table, TableModel, validate

# Indicators where less is better (DOMAIN.md §2.1, negative polarity). Only wording that is
# unambiguous: "sengketa yang terselesaikan" is positive, so "sengketa" alone is not here.
NEGATIVE_HINTS = re.compile(
    r"(?i)tidak\s+(masuk|terdaftar|tercatat)|belum\s+terdaftar|pelanggaran|kesalahan|"
    r"keterlambatan|temuan\b|pengaduan|aduan|golput|kerawanan|tingkat\s+gangguan|"
    r"semakin\s+rendah|polaritas\s+negatif|\(negatif\)|\(-\)"
)
_DECLARED_NEG = re.compile(r"(?i)negatif|minimi[sz]e|semakin\s+rendah|turun")
_DECLARED_POS = re.compile(r"(?i)positif|maksimi[sz]e|semakin\s+tinggi|naik")
_SASARAN_CAPTION_RE = re.compile(r"(?i)sasaran\s+(\d+)")
# A realisasi printed as a dash or "nihil" is nil: nothing was realised, so the indicator
# failed (realisasi 0), it is not a value left out (issue 9.6e; PermenPANRB 53/2014 capaian).
_NIL_RE = re.compile(r"(?i)^(?:[-–—]|nihil|nil)$")


class CapaianSchema(TableModel):
    """One indicator row of a capaian table; percentages in percent units."""

    table: str
    line: int
    sasaran_no: float = Field(nullable=True)
    sasaran: str = Field(nullable=True)
    no: float = Field(nullable=True)
    indikator: str
    kode: str = Field(nullable=True)
    target: float = Field(nullable=True)
    target_unit: str
    target_raw: str
    target_dec: int
    realisasi: float = Field(nullable=True)
    realisasi_unit: str
    realisasi_raw: str
    realisasi_dec: int
    capaian: float = Field(nullable=True)
    capaian_raw: str
    capaian_dec: int
    kategori_raw: str
    polarity: str = Field(isin=["positive", "negative"])
    polarity_source: str = Field(isin=["declared", "inferred", "default"])
    realisasi_prev_raw: str
    target_renstra_raw: str
    evidence: str
    bobot: float = Field(nullable=True)  # the indicator's weight ("Bobot (%)"), if printed


def is_capaian_table(table: RawTable) -> bool:
    """Header has an indicator, a target and a realisation column.

    Read in the header rows and in the column labels, whose words broken over two header
    lines of a narrow column are mended ("Realisas" / "i 2024", "Targe" / "t 2024").
    """
    head = col.header_words(table)
    return "indikator" in head and "target" in head and "realisasi" in head


# Qualifiers that make a Target/Realisasi/Capaian column another period's or another plan's.
_OTHER_PERIOD_RE = re.compile(
    r"(?i)renstra|jangka\s+menengah|akhir|sebelum|lalu|semester|triwulan|\bs\.?\s*d\b|"
    r"sampai|kumulatif|nasional|\bthd\b|terhadap|rkt\b|rencana\s+strategis"
)


# Cumulative to the end of the year: the year's own figure (never "Semester II" alone, which
# may be the second half only).
_YEAR_END_RE = re.compile(
    r"(?i)(?:\bs\.?\s*d\.?|sampai\s+dengan)\s*(?:semester\s+(?:ii|2)\b|triwulan\s+(?:iv|4)\b|"
    r"(?:bulan\s+)?desember)"
)


def _current(labels: list[str], pattern: str, year: int | None, taken: set[int]) -> int | None:
    """The column of a role for the reporting year, not qualified by another year or plan."""
    cands = [j for j, lab in enumerate(labels) if re.search(pattern, lab) and j not in taken]
    current = [
        j
        for j in cands
        if not _OTHER_PERIOD_RE.search(labels[j])
        and all(year is None or int(y) == year for y in YEAR_RE.findall(labels[j]))
    ]
    if current:
        return current[0]
    # Only qualified columns: the one naming this year, else the one cumulative to the year's
    # end ("Realisasi s.d. Semester II" beside "… s.d. Semester I"), else nothing.
    named = [j for j in cands if year is not None and str(year) in labels[j]]
    if named:
        return named[0]
    year_end = [j for j in cands if _YEAR_END_RE.search(labels[j])]
    return year_end[0] if len(year_end) == 1 else None


def _present(j: int | None) -> set[int]:
    return set() if j is None else {j}


def _columns(table: RawTable, year: int | None) -> dict[str, int | None]:
    labels = col.labels(table)
    idx: dict[str, int | None] = {}
    taken: set[int] = set()
    idx["target"] = _current(labels, r"target", year, taken)
    taken |= _present(idx["target"])
    idx["realisasi"] = _current(labels, r"realisasi", year, taken)
    taken |= _present(idx["realisasi"])
    # A weight is a percentage too ("Bobot (%)"): never the capaian, whatever its place.
    idx["bobot"] = col.find(table, r"bobot", taken=taken)
    taken |= _present(idx["bobot"])
    idx["capaian"] = _current(labels, r"capaian", year, taken)
    if idx["capaian"] is None:  # a bare "%" or "Persentase" column after the realisasi
        idx["capaian"] = _current(labels, r"persentase|%|persen", year, taken)
    taken |= _present(idx["capaian"])
    idx["kategori"] = col.find(table, r"kategori|keterangan|predikat|kriteria", taken=taken)
    idx["polaritas"] = col.find(table, r"polaritas|sifat", taken=taken)
    idx["satuan"] = col.find(table, r"satuan", taken=taken)
    idx["formula"] = col.find(table, r"formula|rumus|cara\s+perhitungan", taken=taken)
    idx["indikator"] = col.find(table, r"indikator|uraian", taken=taken)
    idx["sasaran"] = col.find(table, r"sasaran|tujuan", exclude=r"indikator", taken=taken)
    prev = [
        j
        for j, lab in enumerate(labels)
        if "realisasi" in lab
        and j not in taken
        and (
            re.search(r"(?i)sebelum|lalu", lab)
            or ((m := YEAR_RE.search(lab)) and year and int(m.group(0)) < year)
        )
    ]
    idx["realisasi_prev"] = prev[0] if prev else None
    idx["target_renstra"] = next(
        (
            j
            for j, lab in enumerate(labels)
            if j not in taken
            and re.search(r"renstra|jangka menengah|akhir", lab)
            and not re.search(r"capaian|realisasi", lab)
        ),
        None,
    )
    idx["no"] = 0 if labels and re.match(r"^\s*no\b", labels[0]) else None
    printed = col.printed_labels(table)
    table.roles = {role: printed[j] for role, j in idx.items() if j is not None}
    return idx


# A column of figures by its header ("Capaian thd Renstra", "Realisasi s.d. Semester I"):
# never part of the name, whether or not it has a role here.
_FIGURE_LABEL_RE = re.compile(r"target|realisasi|capaian|renstra|semester|%")


def _figure_labelled(table: RawTable) -> set[int]:
    return {j for j, lab in enumerate(col.labels(table)) if _FIGURE_LABEL_RE.search(lab)}


def _indikator_text(row: TableRow, idx: dict[str, int | None], figures: set[int]) -> str:
    """The indicator's name: its column and the unlabelled columns after it.

    A header word split over two columns ("Indikator Ki | nerja") leaves an unlabelled column;
    without an Indikator column, every column between No and the first figure column.
    ``figures``: the columns whose header names figures, which end the name.
    """
    roles = {j for k, j in idx.items() if j is not None and k != "indikator"} | figures
    j = idx["indikator"]
    if j is not None:
        stop = min((k for k in roles if k > j), default=len(row.cells))
        return row.joined(j, stop)
    stop = min(k for k in (idx["target"], idx["realisasi"]) if k is not None)
    start = 1 if idx["no"] == 0 else 0
    if idx["sasaran"] is not None and idx["sasaran"] >= start:
        start = idx["sasaran"] + 1
    return row.joined(start, min([stop] + [k for k in roles if k > start]))


def _polarity(text: str, declared: str) -> tuple[str, str]:
    if declared:
        if _DECLARED_NEG.search(declared):
            return "negative", "declared"
        if _DECLARED_POS.search(declared):
            return "positive", "declared"
    if NEGATIVE_HINTS.search(text):
        return "negative", "inferred"
    return "positive", "default"


def _sasaran_for(table: RawTable) -> tuple[int | None, str | None]:
    sec = table.section
    if sec is not None and sec.level == 3:
        return sec.number, sec.title
    m = _SASARAN_CAPTION_RE.search(table.caption)
    return (int(m.group(1)), table.caption) if m else (None, None)


def _bare_percent(cell: str, header: str) -> Number | None:
    """A figure without "%" in a column whose header gives the unit ("Capaian (%)")."""
    fixed, repaired = repair_ocr(cell)  # "1OO,OO" in an OCR text layer
    if "%" not in header or not re.fullmatch(r"\s*[-−]?\d+(?:[.,]\d+)?\s*", fixed):
        return None
    n = parse_decimal(fixed.strip(), raw=cell.strip())
    if n is None or not repaired:
        return n
    return Number(n.value, n.decimals, n.raw, n.flags | {"ocr_repaired"}, n.doubt)


def _nil_realisasi(cell: str, target: Volume | None) -> Volume | None:
    """A nil realisasi ("-" against "1.0 Lembaga") as 0 in the target's unit.

    Only against a numeric target: "-" beside a qualitative or missing target measures nothing.
    """
    raw = " ".join(cell.split())
    if not _NIL_RE.match(raw) or target is None or target.number is None:
        return None
    return Volume(Number(Fraction(0), 0, raw), target.unit, raw)


def _weight(cell: str) -> float | None:
    """A weight as printed ("20", "20%", "0,2"): a plain non-negative number, else none."""
    n = first_percent(cell) or parse_decimal(cell.strip())
    return float(n.value) if n is not None and n.value >= 0 else None


def _row(
    table: RawTable,
    row: TableRow,
    idx: dict[str, int | None],
    styles: dict[str, Style],
    figures: set[int],
) -> dict[str, object]:
    cells = row.cells
    indikator = _indikator_text(row, idx, figures)
    unit_col = col.cell(cells, idx["satuan"])
    target = parse_volume(col.cell(cells, idx["target"]), styles.get("target"))
    real_cell = col.cell(cells, idx["realisasi"])
    real = _nil_realisasi(real_cell, target) or parse_volume(real_cell, styles.get("realisasi"))
    cap_raw = col.cell(cells, idx["capaian"])
    cap = first_percent(cap_raw) or _bare_percent(cap_raw, table.roles.get("capaian", ""))
    polarity, source = _polarity(f"{indikator} {table.caption}", col.cell(cells, idx["polaritas"]))
    code = RO_CODE_RE.search(indikator)
    no_cell = col.cell(cells, idx["no"]).split(" ")[0] if idx["no"] is not None else ""
    return {
        "no": row_number(no_cell),
        "indikator": indikator,
        "kode": f"{code.group(1)}.{code.group(2)}.{code.group(3)}" if code else None,
        "target": float(target.number.value) if target and target.number else None,
        "target_unit": (target.unit if target else "") or unit_col,
        "target_raw": target.raw if target else "",
        "target_dec": target.number.decimals if target and target.number else 0,
        "realisasi": float(real.number.value) if real and real.number else None,
        "realisasi_unit": (real.unit if real else "") or unit_col,
        "realisasi_raw": real.raw if real else "",
        "realisasi_dec": real.number.decimals if real and real.number else 0,
        "capaian": float(cap.value) if cap else None,
        "capaian_raw": cap.raw if cap else cap_raw,
        "capaian_dec": cap.decimals if cap else 0,
        "kategori_raw": col.cell(cells, idx["kategori"]),
        "bobot": _weight(col.cell(cells, idx["bobot"])),
        "polarity": polarity,
        "polarity_source": source,
        "realisasi_prev_raw": col.cell(cells, idx["realisasi_prev"]),
        "target_renstra_raw": col.cell(cells, idx["target_renstra"]),
    }


def load(doc: Document, year: int | None = None) -> Table:
    """Every indicator row of every capaian table (see :class:`CapaianSchema`)."""
    records: list[dict[str, object]] = []
    headings: list[str | None] = []  # the sasaran heading each record sits under
    for table in doc.tables:
        if not is_capaian_table(table):
            continue
        if table.section is not None and table.section.chapter.key not in {"bab3", "ikhtisar"}:
            continue  # PK/RKT tables in Bab II with a realisasi column are not capaian
        table.kind = "capaian"
        idx = _columns(table, year)
        if idx["target"] is None or idx["realisasi"] is None:
            continue
        sasaran_no, sasaran = _sasaran_for(table)
        spanned = ""  # a sasaran cell spanning several indicator rows prints only on the first
        styles = col.column_styles(table, idx, ("target", "realisasi"))
        figures = _figure_labelled(table)
        for row in table.rows:
            if row.kind == "group":  # "Sasaran 2: …" printed across the table
                numbered = bool(row.cells) and row_number(row.cells[0]) is not None
                label = " ".join(c for c in row.cells[1 if numbered else 0 :] if c)
                m = _SASARAN_CAPTION_RE.search(label)
                sasaran_no, sasaran = (int(m.group(1)) if m else None), label
                spanned = ""
                continue
            if row.kind == "summary":  # "Capaian Kinerja Tertimbang": recomputed, not read
                continue
            rec = _row(table, row, idx, styles, figures)
            row_sasaran = col.cell(row.cells, idx["sasaran"]) if idx["sasaran"] is not None else ""
            if row_sasaran[:1].islower() and spanned:
                # The spanning cell's last words, printed beside the next indicator: a sasaran
                # never begins in lower case ("berkelanjutan" ends "Meningkatnya kualitas …").
                row_sasaran = f"{spanned} {row_sasaran}"
                for earlier in records:
                    if earlier["table"] == table.id and earlier["sasaran"] == spanned:
                        earlier["sasaran"] = row_sasaran
            spanned = row_sasaran = row_sasaran or spanned
            rec.update(
                table=table.id,
                line=row.cited_line,
                sasaran_no=sasaran_no,
                sasaran=row_sasaran or sasaran,
                evidence=row.evidence,
            )
            records.append(rec)
            headings.append(sasaran)
    _drop_repeated_numbers(records, headings)
    return validate(CapaianSchema, records)


def _drop_repeated_numbers(records: list[dict[str, object]], headings: list[str | None]) -> None:
    """Forget a sasaran number that heads two different sasaran (STR006 reports it).

    Grouping by that number would merge two sasaran into one mean; their names keep them apart.
    """
    titles: dict[object, set[str]] = {}
    for rec, heading in zip(records, headings, strict=True):
        if rec["sasaran_no"] is not None and heading:
            titles.setdefault(rec["sasaran_no"], set()).add(" ".join(heading.split()).lower())
    repeated = {no for no, names in titles.items() if len(names) > 1}
    for rec in records:
        if rec["sasaran_no"] in repeated:
            rec["sasaran_no"] = None
