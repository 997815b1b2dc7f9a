"""Participation tables of an election year (trait ``participation``), and their defects.

"No | Kecamatan | DPT | Pengguna Hak Pilih | Partisipasi (%)" with a Jumlah row, as KPU Kota
Tegal 2024 prints it; ``tidak`` adds "Tidak Menggunakan Hak Pilih"; ``reordered`` prints
pengguna before the DPT, without No, with "%" in the cells.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

from tests.corpus.layouts.model import Content
from tests.corpus.layouts.printing import Printer, pct_value
from tests.corpus.layouts.tables import Emitter, Row, Table
from tests.corpus.layouts.traits import Layout


@dataclass
class ParticipationRow:
    wilayah: str
    dpt: int
    pengguna: int
    pct: Fraction  # as printed (a defect may make it disagree with the counts)
    is_total: bool = False


def build(c: Content, rng: random.Random) -> list[ParticipationRow]:
    """One row per kecamatan of the DPT (or the first voter stage), then the total.

    The total equals the realisasi of the IKU "partisipasi pemilih" when the report has one,
    as a consistent report prints it.
    """
    stage = "DPT" if "DPT" in c.voters else sorted(c.voters)[0]
    voters = c.voters[stage]
    dpt = sum(v.jumlah for v in voters)
    iku = next((i for i in c.indicators if "partisipasi pemilih" in i.nama.lower()), None)
    rate = iku.realisasi / 100 if iku is not None else Fraction(rng.randint(700, 880), 1000)
    wanted = round(rate * dpt)
    used = [min(v.jumlah, round(v.jumlah * rate * rng.randint(97, 103) / 100)) for v in voters]
    used[-1] = wanted - sum(used[:-1])  # the last kecamatan takes what is left
    rows = [ParticipationRow(v.wilayah, v.jumlah, u, Fraction(u * 100, v.jumlah))
            for v, u in zip(voters, used, strict=True)]
    rows.append(ParticipationRow("Jumlah", dpt, wanted, Fraction(wanted * 100, dpt), True))
    return rows


def inject(rows: list[ParticipationRow], rng: random.Random) -> tuple[ParticipationRow, str, str]:
    """Damage one figure; returns the row, the rule that must find it and what was done."""
    if rng.random() < 0.5:
        row = rng.choice(rows[:-1])
        row.pct += Fraction(3, 2)
        return row, "PML003", "participation % of a kecamatan +1,5 points"
    total = rows[-1]
    total.pengguna += 1000
    total.pct = Fraction(total.pengguna * 100, total.dpt)  # a consistent % on a wrong sum
    return total, "PML004", "total pengguna hak pilih ≠ Σ kecamatan"


def write(rows: list[ParticipationRow], lay: Layout, p: Printer, em: Emitter) -> None:
    mode = lay["participation"]
    em.para("Tingkat partisipasi pemilih per kecamatan pada hari pemungutan suara:")
    top = lay["total_pos"] == "top"
    ordered = [rows[-1], *rows[:-1]] if top else rows
    numbered = mode != "reordered"
    if mode == "reordered":
        head = ["Kecamatan", "Pengguna Hak Pilih", "Jumlah Pemilih (DPT)", "Partisipasi"]
    else:
        head = ["No", "Kecamatan", "DPT", "Pengguna Hak Pilih"]
        head += ["Tidak Menggunakan Hak Pilih"] if mode == "tidak" else []
        head += ["Partisipasi (%)"]
    body = []
    k = 0
    for r in ordered:
        if not r.is_total:
            k += 1
        name = [r.wilayah]
        if numbered:
            name = ["" if r.is_total else str(k), *name]
        pct = p.pct(r.pct, 2) if mode == "reordered" else p.dec(r.pct, 2)
        if mode == "reordered":
            figures = [p.count(r.pengguna), p.count(r.dpt), pct]
        else:
            figures = [p.count(r.dpt), p.count(r.pengguna)]
            figures += [p.count(r.dpt - r.pengguna)] if mode == "tidak" else []
            figures += [pct]
        truth = {"dpt": r.dpt, "pengguna": r.pengguna, "pct": pct_value(r.pct, 2),
                 "is_total": r.is_total, "ref": id(r)}
        body.append(Row(name + figures, truth))
    em.table(Table("partisipasi", [head], body, 1 if numbered else 0,
                   frozenset({0}) if numbered else frozenset()))
