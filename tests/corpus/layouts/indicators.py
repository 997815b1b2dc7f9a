"""Capaian tables (one per sasaran, one spanning table, or grouped rows) and voter tables."""

from __future__ import annotations

import random
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from tests.corpus.layouts.model import Content, IndicatorRow, VoterRow, capaian
from tests.corpus.layouts.printing import Printer, pct_value, roman
from tests.corpus.layouts.tables import Emitter, Row, Table
from tests.corpus.layouts.traits import Layout
from tests.corpus.render import kategori_of

# Qualified columns that real tables print before the target or after the capaian.
_QUALIFIED = ("realisasi_prev", "target_renstra", "target_akhir", "capaian_renstra",
              "realisasi_sem1")
_LEADING = ("formula", "satuan", "polaritas", "bobot")


class CapaianWriter:
    def __init__(self, c: Content, lay: Layout, p: Printer, em: Emitter, rng: random.Random):
        self.c, self.lay, self.p, self.em, self.rng = c, lay, p, em, rng
        self.extra = lay.capaian_extra if lay["capaian_cols"] == "some" else ()
        for col in self.extra:
            lay.note(f"capaian_col={col}")
        y = c.spec.year
        self.label = {
            "target": rng.choice(("Target", f"Target {y}")),
            "realisasi": rng.choice(("Realisasi", f"Realisasi {y}")),
            "capaian": rng.choice(("Capaian", "Persentase", "Capaian (%)", "% Capaian")),
            "satuan": "Satuan", "polaritas": "Polaritas", "kategori": "Kategori",
            "keterangan": "Keterangan", "bobot": "Bobot", "formula": "Formula",
            "realisasi_prev": f"Realisasi {y - 1}", "target_renstra": "Target Renstra",
            "target_akhir": f"Target Akhir Renstra ({c.spec.renstra[1]})",
            "capaian_renstra": "Capaian thd Renstra", "realisasi_sem1": "Realisasi s.d. Semester I",
        }
        lead = [x for x in _LEADING if x in self.extra]
        before = [x for x in _QUALIFIED if x in self.extra and rng.random() < 0.5]
        after = [x for x in _QUALIFIED if x in self.extra and x not in before]
        tail = [x for x in ("kategori", "keterangan") if x in self.extra]
        self.cols = lead + before + ["target", "realisasi", "capaian"] + after + tail
        self.has_no = lay["no_col"] != "none"

    # -- cells -----------------------------------------------------------------------
    def vol(self, v: Fraction, unit: str) -> str:
        if unit == "%":
            text = self.p.dec(v, 0 if v.denominator == 1 else 1)
            if "satuan" in self.extra:
                return text
            return text + (" %" if self.lay["pct_space"] == "spaced" else "%")
        return str(int(v)) if "satuan" in self.extra else f"{int(v)} {unit}"

    def cell(self, col: str, ind: IndicatorRow) -> str:
        spec = self.c.spec
        values: dict[str, Callable[[], str]] = {
            "target": lambda: self.vol(ind.target, ind.unit),
            "realisasi": lambda: self.vol(ind.realisasi, ind.unit),
            "capaian": lambda: self.p.pct(ind.capaian),
            "satuan": lambda: ind.unit,
            "polaritas": lambda: "Negatif" if ind.polarity == "negative" else "Positif",
            "kategori": lambda: kategori_of(spec, ind.capaian),
            "keterangan": lambda: "Tercapai" if ind.capaian >= 100 else "Belum tercapai",
            "bobot": lambda: str(ind.bobot),
            "formula": lambda: "Realisasi / Target x 100%",
            "realisasi_prev": lambda: self.vol(ind.prev, ind.unit),
            "target_renstra": lambda: self.vol(ind.renstra, ind.unit),
            "target_akhir": lambda: self.vol(ind.renstra, ind.unit),
            "capaian_renstra": lambda: self.p.pct(capaian(ind.renstra, ind.realisasi,
                                                          ind.polarity)),
            "realisasi_sem1": lambda: self.vol(ind.sem1, ind.unit),
        }
        return values[col]()

    def name(self, ind: IndicatorRow) -> str:
        declared = ind.polarity == "negative" and "polaritas" not in self.extra
        return ind.nama + (" (polaritas negatif)" if declared else "")

    def row(self, no: str, ind: IndicatorRow, sasaran: str | None) -> Row:
        lead = ([no] if self.has_no else []) + ([sasaran or ""] if sasaran is not None else [])
        cells = [*lead, self.name(ind)] + [self.cell(c, ind) for c in self.cols]
        truth: dict[str, Any] = {
            "target": float(ind.target), "realisasi": float(ind.realisasi),
            "capaian": pct_value(ind.capaian), "indikator": self.name(ind), "ref": id(ind),
        }
        return Row(cells, truth)

    def no(self, k: int) -> str:
        return roman(k).upper() if self.lay["no_col"] == "roman" else str(k)

    def header(self, spanning: bool) -> list[list[str]]:
        lead = (["No"] if self.has_no else []) + (["Sasaran"] if spanning else [])
        lead.append("Indikator Kinerja")
        mode = self.lay["header_lines"]
        labels = [self.label[c] for c in self.cols]
        if mode == "one":
            return [lead + labels]
        group = {"target", "realisasi", "capaian"}
        top = list(lead)
        started = False
        for c, lab in zip(self.cols, labels, strict=True):
            if c in group:
                top.append("" if started else f"Tahun {self.c.spec.year}")
                started = True
            else:
                top.append(lab)
        sub = [""] * len(lead) + [lab if c in group else "" for c, lab in
                                  zip(self.cols, labels, strict=True)]
        lines = [top, sub]
        if mode == "units":
            lines.append([""] * len(lead) + ["(%)" if c == "capaian" else "" for c in self.cols])
        return lines

    # -- layouts ---------------------------------------------------------------------
    def table(self, header: list[list[str]], rows: list[Row], spanning: bool) -> None:
        name_col = (1 if self.has_no else 0) + (1 if spanning else 0)
        first = frozenset(range(name_col))
        self.em.table(Table("capaian", header, rows, name_col, first))

    def write(self, after_sasaran: Callable[[int], None]) -> None:
        layout = self.lay["capaian_layout"]
        by_sasaran: dict[int, list[IndicatorRow]] = {}
        for ind in self.c.indicators:
            by_sasaran.setdefault(ind.sasaran_no, []).append(ind)
        if layout == "per_sasaran":
            for k, inds in by_sasaran.items():
                self.em.para(f"{k}. Sasaran {k} - {inds[0].sasaran}",
                             f"Capaian Kinerja Sasaran {k}")
                rows = [self.row(self.no(j), ind, None) for j, ind in enumerate(inds, 1)]
                self.table(self.header(False), rows, False)
                after_sasaran(k)
            return
        self.em.para("Capaian kinerja sasaran dan indikatornya disajikan pada tabel berikut :",
                     f"Tabel 3.1 Capaian Kinerja Tahun {self.c.spec.year}")
        rows: list[Row] = []
        n = 0
        for k, inds in by_sasaran.items():
            if layout == "grouped":
                lead = [""] if self.has_no else []
                rows.append(Row([*lead, f"Sasaran {k}: {inds[0].sasaran}"] + [""] * len(self.cols)))
            for j, ind in enumerate(inds):
                n += 1
                sas = (inds[0].sasaran if j == 0 else "") if layout == "spanning" else None
                rows.append(self.row(self.no(n), ind, sas))
        self.table(self.header(layout == "spanning"), rows, layout == "spanning")
        for k in by_sasaran:
            after_sasaran(k)


STAGE_NAMES = {"DP4": "Daftar Penduduk Potensial Pemilih Pemilihan (DP4)",
               "DPS": "Daftar Pemilih Sementara (DPS)", "DPT": "Daftar Pemilih Tetap (DPT)"}
VOTER_LABELS = {"lk_pr": ("LK", "PR", "JUMLAH"), "words": ("Laki-laki", "Perempuan", "Jumlah"),
                "lp": ("L", "P", "L+P")}


def voter_tables(c: Content, lay: Layout, p: Printer, em: Emitter) -> None:
    mode = lay["voter_layout"]
    labels = list(VOTER_LABELS[lay["voter_labels"]])
    for stage, rows in c.voters.items():
        total = c.voter_totals[stage]
        em.para(f"Berikut {STAGE_NAMES[stage]}:")
        if mode == "single":
            em.table(Table("pemilih", [labels], [_voter_row(total, p, [], False)], 0,
                           frozenset()))
            continue
        tps = mode == "kecamatan_tps"
        head = ["No", "Kecamatan"] + (["Jumlah TPS"] if tps else []) + labels
        body = [_voter_row(r, p, [str(k), r.wilayah], tps) for k, r in enumerate(rows, 1)]
        body.append(_voter_row(total, p, ["", "Jumlah"], tps))
        em.table(Table("pemilih", [head], body, 1, frozenset({0})))


def _voter_row(r: VoterRow, p: Printer, lead: list[str], tps: bool) -> Row:
    cells = lead + ([p.count(r.tps)] if tps else []) + [p.count(r.lk), p.count(r.pr),
                                                         p.count(r.jumlah)]
    truth: dict[str, Any] = {"lk": r.lk, "pr": r.pr, "jumlah": r.jumlah, "is_total": r.is_total,
                             "ref": id(r)}
    if tps:
        truth["tps"] = r.tps
    return Row(cells, truth)
