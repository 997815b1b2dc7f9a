"""Budget tables (Realisasi Anggaran) in the layouts real reports use.

``split`` is the seed's: a program summary with its Jumlah, then one small table per
kegiatan (RO rows, or a single kegiatan row). ``single`` is the RKA-K/L-like table with a
Kode column, program/kegiatan/RO rows, optional subtotals per program and the total at the
top or the bottom.
"""

from __future__ import annotations

import random
from typing import Any

from tests.corpus.layouts.model import BudgetRow, Content
from tests.corpus.layouts.printing import SCALE_CAPTION, Printer, pct_value, roman
from tests.corpus.layouts.tables import Emitter, Row, Table
from tests.corpus.layouts.traits import Layout

SUBTOTAL_LABEL = {"sub_jumlah": "Sub Jumlah", "subtotal": "Subtotal",
                  "jumlah_program": "Jumlah Program"}


class BudgetWriter:
    def __init__(self, c: Content, lay: Layout, p: Printer, em: Emitter, rng: random.Random):
        self.c, self.lay, self.p, self.em, self.rng = c, lay, p, em, rng
        self.has_no = lay["no_col"] != "none"
        self.pct_place = lay["pct_place"]
        self.sisa = lay["sisa"] == "column"
        self.scale = lay["scale"]
        self.scale_where = lay["scale_where"] if self.scale != "unit" else "caption"
        self.labels = (rng.choice(("Pagu Anggaran", "Pagu", "Anggaran")),
                       rng.choice(("Realisasi", "Realisasi Anggaran")),
                       rng.choice(("%", "Serapan (%)", "Persentase")))
        self.tables = 0

    # -- numbering and cells ---------------------------------------------------------
    def no(self, k: int) -> str:
        style = self.lay["no_col"]
        return roman(k).upper() if style == "roman" else f"{k}."

    def caption(self, what: str) -> str:
        self.tables += 1
        scale = f" {SCALE_CAPTION[self.scale]}" if self.scale_where == "caption" and \
            self.scale != "unit" else ""
        return f"Tabel 3.{self.tables} Realisasi Anggaran {what}{scale}"

    def header(self, name: str, kode: bool) -> list[list[str]]:
        pagu, real, pct = self.labels
        unit = SCALE_CAPTION[self.scale] if self.scale_where == "header" else ""
        lead = (["No"] if self.has_no else []) + (["Kode"] if kode else []) + [name]
        money = [pagu, real] + ([pct] if self.pct_place == "column" else [])
        money += ["Sisa Anggaran"] if self.sisa else []
        mode = self.lay["header_lines"]
        if mode == "one":
            if unit:
                money = [f"{m} {unit}" if m not in (pct,) else m for m in money]
            return [lead + money]
        # The unit must be printed somewhere: on the group line unless a units line follows.
        group_unit = f" {unit}" if unit and mode != "units" else ""
        top = [f"Anggaran Tahun {self.c.spec.year}{group_unit}"] + [""] * (len(money) - 1)
        lines = [lead + top, [""] * len(lead) + money]
        if mode == "units":
            units = [unit or "(Rp)"] * 2 + (["(%)"] if self.pct_place == "column" else [])
            units += [unit or "(Rp)"] if self.sisa else []
            lines.append([""] * len(lead) + units)
        return lines

    def row(self, no: str, kode: str | None, name: str, r: BudgetRow, *, kode_col: bool) -> Row:
        p = self.p
        pct = p.pct(r.pct)
        real = p.amount(r.realisasi)
        below: dict[int, str] = {}
        lead = ([no] if self.has_no else []) + ([kode or ""] if kode_col else []) + [name]
        cells = [*lead, p.amount(r.pagu), real]
        if self.pct_place == "inline":
            cells[-1] = f"{real} ({pct})"
        elif self.pct_place == "below":
            below[len(cells) - 1] = f"({pct})"
        else:
            cells.append(pct)
        if self.sisa:
            cells.append(p.amount(r.pagu - r.realisasi))
        truth: dict[str, Any] = {
            "level": r.level, "kode": r.kode, "pagu": r.pagu, "realisasi": r.realisasi,
            "pct": pct_value(r.pct), "uraian": name, "ref": id(r),
        }
        return Row(cells, truth, below)

    def table(self, header: list[list[str]], rows: list[Row], kode: bool) -> None:
        name_col = (1 if self.has_no else 0) + (1 if kode else 0)
        first = frozenset({0, 1} if kode and self.has_no else {0})
        self.em.table(Table("anggaran", header, rows, name_col, first))

    # -- layouts ---------------------------------------------------------------------
    def write(self) -> None:
        if self.lay["budget_layout"] == "single":
            self.single()
        else:
            self.split()

    def _total(self, rows: list[Row], total: Row) -> list[Row]:
        return [total, *rows] if self.lay["total_pos"] == "top" else [*rows, total]

    def split(self) -> None:
        c, em = self.c, self.em
        em.para(f"Dalam pelaksanaan anggaran Tahun {c.spec.year}, {c.spec.satker} terdapat "
                f"{len(c.programs)} Program yaitu :")
        em.para(self.caption("per Program"))
        rows = [self.row(self.no(k), None, prog.uraian, prog, kode_col=False)
                for k, (prog, _) in enumerate(c.programs, 1)]
        total = self.row("", None, "Jumlah", c.total, kode_col=False)
        self.table(self.header("Program", False), self._total(rows, total), False)
        for letter, (prog, kegs) in zip("ABCDEFG", c.programs, strict=False):
            em.para(f"- {letter}. Program {prog.uraian} terdapat {len(kegs)} Kegiatan yaitu :")
            for k, (keg, ros) in enumerate(kegs, 1):
                em.para(f"{k}. Kegiatan {keg.kode} ({keg.uraian})",
                        self.caption(f"Kegiatan {keg.kode}"))
                if len(ros) == 1 and prog.kode == "076.01.WA":
                    rows = [self.row(self.no(1), None, keg.uraian, keg, kode_col=False)]
                    self.table(self.header("Kegiatan", False), rows, False)
                    continue
                rows = [self.row(self.no(j), None, f"{ro.kode} {ro.uraian}", ro, kode_col=False)
                        for j, ro in enumerate(ros, 1)]
                self.table(self.header("Rincian Output Kegiatan", False), rows, False)

    def single(self) -> None:
        c, em = self.c, self.em
        em.para(f"Realisasi anggaran {c.spec.satker} Tahun {c.spec.year} per program, kegiatan "
                "dan rincian output adalah sebagai berikut :", self.caption("per Rincian Output"))
        sub = self.lay["subtotal"]
        rows: list[Row] = []
        n = 0
        for prog, kegs in c.programs:
            n += 1
            rows.append(self.row(self.no(n), prog.kode, f"Program {prog.uraian}", prog,
                                 kode_col=True))
            for keg, ros in kegs:
                n += 1
                rows.append(self.row(self.no(n), keg.kode, keg.uraian, keg, kode_col=True))
                for ro in ros:
                    n += 1
                    rows.append(self.row(self.no(n), ro.kode, ro.uraian, ro, kode_col=True))
            if sub != "none":
                label = SUBTOTAL_LABEL[sub]
                if sub == "jumlah_program":
                    label = f"{label} {prog.uraian}"
                sr = BudgetRow("subtotal", None, label, prog.pagu, prog.realisasi, prog.pct)
                rows.append(self.row("", None, label, sr, kode_col=True))
        total = self.row("", None, "Jumlah", c.total, kode_col=True)
        self.table(self.header("Uraian", True), self._total(rows, total), True)
