"""Voter participation tables: DPT, pengguna hak pilih, partisipasi (%) (DOMAIN.md §3.3).

Election-year LKj print one row per kecamatan (kabupaten/kota) or per kabupaten/kota
(provinsi): "Kecamatan | DPT | Pengguna Hak Pilih | Partisipasi (%)", sometimes with "Tidak
Menggunakan Hak Pilih", sometimes split LK/PR, with a Jumlah row at the top or the bottom.
Columns are found by their header meaning, in any order. Where a role has several columns
(an LK/PR split) the Jumlah one is read; if none is, the table is read with low confidence.
"""

from __future__ import annotations

import re

from lkj_audit.load import columns as col
from lkj_audit.load import pemilih
from lkj_audit.load.document import Document, RawTable
from lkj_audit.load.numbers import first_amount, parse_decimal, strip_percents
from lkj_audit.load.schema import Field, Table, TableModel, validate

_TIDAK = r"tidak\s+(?:meng)?gunakan|tidak\s+memilih|tidak\s+hadir|golput"
_PENGGUNA = r"pengguna(?:an)?\s+hak|menggunakan\s+hak|pemilih\s+(?:yang\s+)?hadir|\bhadir\b"
_PCT = r"partisipasi|persen|%"
_DPT = r"\bdpt\b|pemilih\s+tetap|jumlah\s+pemilih|pemilih\s+terdaftar|daftar\s+pemilih"
_WILAYAH = r"kecamatan|kabupaten|kota|\bkab\b|wilayah|distrik|desa|kelurahan"
_SEX = r"(?:^|\s)(?:lk|l|pr|p|laki(?:-laki)?|perempuan|pria|wanita)$"
_TOTALISH = r"jumlah|total|l\s*\+\s*p"
_SEX_NAMES = {"L": "laki-laki", "P": "perempuan"}


class PartisipasiSchema(TableModel):
    """One row of a participation table (a kecamatan or kabupaten/kota, or the total)."""

    table: str
    line: int
    wilayah: str
    is_total: bool
    dpt: float = Field(nullable=True, ge=0)
    dpt_raw: str
    pengguna: float = Field(nullable=True, ge=0)
    pengguna_raw: str
    tidak: float = Field(nullable=True, ge=0)
    tidak_raw: str
    pct: float = Field(nullable=True)
    pct_raw: str
    pct_dec: int
    evidence: str
    doubt: str
    # "L" / "P" / "L+P" on the rows of a table split by sex (whose counts the voter tables
    # foot: PML001, PML002), "" on a table that is not split.
    sex: str


def _pick(
    labels: list[str], rx: str, exclude: str | None, taken: set[int]
) -> tuple[int | None, bool]:
    """The column for one role and whether the choice is certain.

    Several matches (an LK/PR split: "Pengguna L | Pengguna P | Pengguna Jumlah"): the
    Jumlah one, or the one without a sex mark when it is the only such; otherwise uncertain.
    """
    hits = [
        j
        for j, lab in enumerate(labels)
        if j not in taken and re.search(rx, lab) and not (exclude and re.search(exclude, lab))
    ]
    if len(hits) <= 1:
        return (hits[0] if hits else None), True
    totals = [j for j in hits if re.search(_TOTALISH, labels[j].replace("jumlah pemilih", ""))]
    unsexed = [j for j in hits if not re.search(_SEX, labels[j])]
    for choice in (totals, unsexed):
        if len(choice) == 1:
            return choice[0], True
    return hits[-1], False


def _columns(table: RawTable) -> tuple[dict[str, int | None], list[str]]:
    labels = [" ".join(lab.split()) for lab in col.labels(table)]
    idx: dict[str, int | None] = {}
    unsure: list[str] = []
    taken: set[int] = set()
    for role, rx, exclude in (
        ("tidak", _TIDAK, None),
        ("pengguna", _PENGGUNA, _TIDAK),
        ("pct", _PCT, None),
        ("dpt", _DPT, None),
    ):
        j, sure = _pick(labels, rx, exclude, taken)
        idx[role] = j
        if j is not None:
            taken.add(j)
        if not sure:
            unsure.append(role)
    idx["wilayah"] = next(
        (j for j, lab in enumerate(labels) if j not in taken and re.search(_WILAYAH, lab)), None
    )
    return idx, unsure


def is_participation_table(table: RawTable) -> bool:
    """The header names the voters who used their right and either the DPT or a percentage.

    A table splitting them by sex ("Pengguna Hak Pilih" over L | P | Jumlah) is left to the
    voter tables, whose rules check L + P = Jumlah on every row (PML001); only its printed
    rates are read here (:func:`_split_columns`).
    """
    labels = [" ".join(lab.split()) for lab in col.labels(table)]
    used = [lab for lab in labels if re.search(_PENGGUNA, lab) and not re.search(_TIDAK, lab)]
    if len(used) > 1 and any(re.search(_SEX, lab) for lab in used):
        return False
    idx, _ = _columns(table)
    return idx["pengguna"] is not None and (idx["dpt"] is not None or idx["pct"] is not None)


def _percent(text: str) -> tuple[float | None, int, str]:
    """The percentage in a cell ("77,85", "77,85%", "77.85 %"): value, decimals, doubt."""
    token = strip_percents(text).strip() or text.replace("%", "").strip()
    if not token:
        return None, 0, ""
    n = parse_decimal(token.replace(" ", ""))
    if n is None:
        return None, 0, f"persentase tidak terbaca ({text.strip()})"
    return float(n.value), n.decimals, ""


def _split_columns(table: RawTable) -> list[tuple[str, dict[str, int | None]]]:
    """The columns of each sex of a participation table split L | P | Jumlah (none if not).

    "DPT" and "Pengguna Hak Pilih" each over L | P | Jumlah, the rate either as a third
    such group or as one "Partisipasi (%)" column (then read for the L + P rows only).
    Groups are told apart by their Jumlah label; the sexes pair up by position.
    """
    labels = [" ".join(lab.split()) for lab in col.labels(table)]
    groups = pemilih.sex_groups(table)
    used = [g for g in groups if re.search(_PENGGUNA, labels[g[2]])]
    dpt = [g for g in groups if re.search(_DPT, labels[g[2]]) and g not in used]
    rates = [g for g in groups if pemilih.is_rate_group(labels, g)]
    if len(used) != 1 or len(dpt) != 1 or len(rates) > 1:
        return []
    in_groups = {j for g in groups for j in g}
    if rates:
        pct: tuple[int | None, ...] = rates[0]
    else:
        single = [j for j, lab in enumerate(labels) if j not in in_groups and re.search(_PCT, lab)]
        if len(single) != 1:
            return []
        pct = (None, None, single[0])
    wilayah = next(
        (j for j, lab in enumerate(labels) if j not in in_groups and re.search(_WILAYAH, lab)),
        None,
    )
    return [
        (sex, {"dpt": dpt[0][k], "pengguna": used[0][k], "tidak": None, "pct": pct[k],
               "wilayah": wilayah})
        for k, sex in enumerate(("L", "P", "L+P"))
        if pct[k] is not None
    ]  # fmt: skip


def load(doc: Document) -> Table:
    """Every row of every participation table (see :class:`PartisipasiSchema`).

    A table split by sex is left to the voter tables (``kind`` unset), but its printed
    rates are read here, one record per sex, so that each can be recomputed (PML003).
    """
    records: list[dict[str, object]] = []
    for table in doc.tables:
        if table.kind:
            continue
        if not is_participation_table(table):
            for sex, idx in _split_columns(table):
                records += _records(table, idx, sex)
            continue
        table.kind = "partisipasi"
        idx, unsure = _columns(table)
        printed = col.printed_labels(table)
        table.roles = {k: printed[j] for k, j in idx.items() if j is not None}
        if unsure:
            table.uncertain.append(
                "kolom " + ", ".join(unsure) + " tidak dapat dipastikan dari judul kolom "
                "(beberapa kolom cocok, misalnya rincian LK/PR tanpa kolom jumlah)"
            )
        records += _records(table, idx)
    return validate(PartisipasiSchema, records)


def _records(table: RawTable, idx: dict[str, int | None], sex: str = "") -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    styles = col.column_styles(table, idx, ("dpt", "pengguna", "tidak"))
    for row in table.rows:
        if row.kind == "group":
            continue
        vals = {k: col.cell(row.cells, idx[k]) for k in ("dpt", "pengguna", "tidak", "pct")}
        read = {k: first_amount(vals[k], styles.get(k)) for k in ("dpt", "pengguna", "tidak")}
        doubts = [f"{k}: {n.doubt}" for k, n in read.items() if n and n.doubt]
        pct, pct_dec, pct_doubt = _percent(vals["pct"])
        if pct_doubt:
            doubts.append(pct_doubt)
        nums = {k: float(n.value) if n is not None and n.certain else None for k, n in read.items()}
        wilayah = col.cell(row.cells, idx["wilayah"]) or ("Jumlah" if row.is_total else "")
        if sex in _SEX_NAMES:
            wilayah = f"{' '.join(wilayah.split())}, {_SEX_NAMES[sex]}"
        records.append(
            {
                "table": table.id,
                "line": row.cited_line,
                "wilayah": wilayah.strip(),
                "is_total": row.is_total or len(table.rows) == 1,
                **nums,
                **{f"{k}_raw": vals[k].strip() for k in ("dpt", "pengguna", "tidak", "pct")},
                "pct": pct,
                "pct_dec": pct_dec,
                "evidence": row.evidence,
                "doubt": "; ".join(doubts),
                "sex": sex,
            }
        )
    return records
