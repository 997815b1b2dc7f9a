"""The figures of one report, recomputed once when the audit opens (``ctx.figures``).

Rules, the HTML views and charts, and findings.json (→ the batch index) all read these, so
no two of them can disagree about a sum. A table read with low confidence
(:mod:`lkj_audit.reading`) still shows its figures, but its comparisons are not trusted and
it is left out of the whole-budget and mean-capaian figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from lkj_audit.load import rows as table_rows
from lkj_audit.load.tables import ReportTables
from lkj_audit.recompute import budget, kinerja, links, people


@dataclass(frozen=True, slots=True)
class Figures:
    """Budget and capaian figures of one report."""

    rows: table_rows.TableRows  # the typed tables as row records, which all below read
    anggaran: budget.BudgetFigures
    capaian: kinerja.CapaianFigures
    ros: dict[str, list[links.Occurrence]]  # each RO code's occurrences across tables
    pk_pairs: links.PkPairs  # satker PK ↔ Bab III
    pemilih: dict[str, people.VoterTotal] = field(default_factory=dict)  # by stage
    pegawai: dict[str, people.StaffCount] = field(default_factory=dict)  # by PNS/PPPK/PPNPN

    def as_dict(self) -> dict[str, Any]:
        """JSON form (``findings.json`` → ``figures``): numbers, and what each came from."""
        return {
            "anggaran": _budget_dict(self.anggaran),
            "capaian": _capaian_dict(self.capaian),
            "pemilih": {k: _voter_dict(v) for k, v in self.pemilih.items()},
            "pegawai": {k: _staff_dict(v) for k, v in self.pegawai.items()},
        }


def build(tables: ReportTables, low: set[str]) -> Figures:
    """Recompute every figure of ``tables``; ``low``: ids of tables read with low confidence."""
    rows = tables.rows()
    cap = kinerja.build(tables, rows.capaian, low)
    return Figures(
        rows=rows,
        anggaran=budget.build(rows.anggaran, low),
        capaian=cap,
        ros=links.occurrences(rows),
        pk_pairs=links.pk_pairs(rows, cap.bab3),
        pemilih=people.voter_totals(rows.pemilih, low),
        pegawai=people.staff_counts(rows.pegawai, rows.pegawai_stated, rows.pegawai_jumlah),
    )


def number(value: Fraction | None) -> int | float | None:
    """A JSON number: integers stay integers (rupiah), others become floats."""
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def pct_number(value: Fraction | None) -> float | None:
    """A percentage as a JSON number (always a float)."""
    return None if value is None else float(value)


def _budget_dict(fig: budget.BudgetFigures) -> dict[str, Any]:
    whole, total = fig.whole, fig.printed_total
    return {
        "pagu": number(whole.pagu) if whole else None,
        "realisasi": number(whole.realisasi) if whole else None,
        "serapan_pct": pct_number(whole.serapan_pct) if whole else None,
        "computed_from": (
            {"level": whole.level, "rows": whole.rows, "tables": list(whole.tables)}
            if whole
            else None
        ),
        "printed_total": (
            {"table": total.table, "line": total.line, "serapan_pct": pct_number(total.printed)}
            if total
            else None
        ),
        "footings": [
            {
                "table": f.table,
                "line": f.line,
                "level": f.level,
                "row": f.label,
                "parts": list(f.parts),
                "trusted": f.trusted,
                **{
                    c: {
                        "printed": number(s.printed),
                        "computed": number(s.computed),
                        "agrees": s.agrees if f.trusted else None,
                    }
                    for c, s in f.sums.items()
                },
            }
            for f in fig.footings
        ],
    }


def _capaian_dict(fig: kinerja.CapaianFigures) -> dict[str, Any]:
    mean = fig.mean
    return {
        "mean_pct": pct_number(mean.mean_pct) if mean else None,
        "sasaran_mean_pct": pct_number(mean.sasaran_mean_pct) if mean else None,
        "computed_from": (
            {"level": mean.level, "rows": mean.rows, "tables": list(mean.tables)} if mean else None
        ),
        "indicators": [
            {
                "table": m.table,
                "line": m.line,
                "kode": m.kode,
                "indikator": m.indikator,
                "sasaran": m.sasaran,
                "capaian_pct": pct_number(m.capaian),
                "by_formula": m.by_formula,
                "trusted": m.trusted,
            }
            for m in fig.measured
        ],
    }


def _voter_dict(v: people.VoterTotal) -> dict[str, Any]:
    return {
        "table": v.table,
        "line": v.line,
        "lk": number(v.lk),
        "pr": number(v.pr),
        "jumlah_printed": number(v.printed),
        "jumlah": number(v.value),
        "basis": v.basis,
        "consistent": v.consistent,
        "trusted": v.trusted,
    }


def _staff_dict(s: people.StaffCount) -> dict[str, Any]:
    return {"listed": s.listed, "stated": s.stated, "counted": s.counted, "count": s.value}
