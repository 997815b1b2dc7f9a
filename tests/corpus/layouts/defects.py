"""Defects injected into the printed content at a known row, with the rule that must find them.

One defect per table family (budget, capaian, voters), so they cannot mask each other. Each
changes what is printed (never the layout), so the truth rows hold the damaged figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from tests.corpus.layouts.model import BudgetRow, Content, IndicatorRow, VoterRow
from tests.corpus.layouts.participation import ParticipationRow
from tests.corpus.layouts.traits import Layout


@dataclass
class Defect:
    kind: str
    rule: str
    target: BudgetRow | IndicatorRow | VoterRow | ParticipationRow
    what: str

    def located(self, by_ref: dict[int, dict[str, Any]]) -> dict[str, Any]:
        row = by_ref[id(self.target)]
        return {"kind": self.kind, "rule": self.rule, "lines": row["lines"], "what": self.what}


def _delta(value: int, unit: int) -> int:
    """A change of the second digit of the printed figure (a plain slip, never rounding)."""
    printed = value // unit
    return max(10 ** max(len(str(printed)) - 2, 0), 1) * unit


def plan(c: Content, lay: Layout, rng: random.Random) -> list[Defect]:
    unit = {"unit": 1, "ribuan": 1000, "rp000": 1000, "juta": 1_000_000}[lay.choice["scale"]]
    # RO rows of the first program: printed in every budget layout (the second program is
    # printed per kegiatan in the split layout).
    ros = [ro for _, rs in c.programs[0][1] for ro in rs]
    out: list[Defect] = []
    kind = rng.choice(("total", "row_pct", "program", "slip1000"))
    if kind == "total":
        c.total.pagu += _delta(c.total.pagu, unit)
        out.append(Defect("anggaran_total", "ANG004", c.total, "pagu of the Jumlah row"))
    elif kind == "row_pct":
        ro = rng.choice(ros)
        ro.pct += 3
        out.append(Defect("anggaran_row_pct", "ANG001", ro, "serapan % of an RO row +3"))
    elif kind == "program":
        prog = rng.choice([p for p, _ in c.programs])
        prog.realisasi -= _delta(prog.realisasi, unit)
        prog.pct = Fraction(prog.realisasi * 100, prog.pagu)  # a consistent % on a wrong sum
        out.append(Defect("anggaran_program", "ANG003", prog, "program realisasi ≠ Σ kegiatan"))
    else:
        ro = max(ros, key=lambda r: r.realisasi)
        ro.realisasi = ro.realisasi // 1000 // unit * unit
        out.append(Defect("anggaran_slip1000", "ANG001", ro, "RO realisasi printed ÷1000"))
    ind = rng.choice(c.indicators)
    ind.capaian += 7
    out.append(Defect("capaian_wrong", "CAP001", ind, "capaian +7 points"))
    stage = rng.choice(sorted(c.voters))
    total = c.voter_totals[stage]
    if lay.choice["voter_layout"] != "single" and rng.random() < 0.5:
        total.lk += 1000
        total.jumlah += 1000
        out.append(Defect("pemilih_total", "PML002", total, "total LK ≠ Σ kecamatan"))
    else:
        row = total if lay.choice["voter_layout"] == "single" else rng.choice(c.voters[stage])
        row.jumlah += 100
        out.append(Defect("pemilih_lk_pr", "PML001", row, "LK + PR ≠ JUMLAH"))
    return out
