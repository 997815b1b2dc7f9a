"""ANG005 ``anggaran.realisasi_above_pagu``.

Realisasi never exceeds pagu.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load import columns as col
from lkj_audit.load.budget_columns import other_year_pairs
from lkj_audit.load.numbers import first_amount
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.anggaran._shared import _FootsCache, _row_slip_hint
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label, val


@rule(
    code="ANG005",
    name="anggaran.realisasi_above_pagu",
    category=Category.PLAUSIBILITY,
    severity=Severity.ERROR,
    severity_reason=("disproved: the row's own pagu caps its realisasi"),
    domain=("R-B01",),
    tables=("anggaran",),
    tolerance="exact (integer rupiah)",
)
def realisasi_above_pagu(ctx: RuleContext) -> Iterator[Finding]:
    """Realisasi never exceeds pagu.

    Why it matters: spending above the ceiling is not allowed in the DIPA; in a report it is
    almost always a typing slip (a digit or a thousands group too many) that distorts totals.
    Fails when: a row's realisasi is greater than its pagu; in a table that prints another
    year's pagu and realisasi beside this year's ("Pagu 2023 | Realisasi 2023 | Pagu 2024 |
    …"), that year's too.
    Passes when: realisasi ≤ pagu on every row where both are printed.
    """
    foots: _FootsCache = {}
    for row in ctx.rows.anggaran:
        pagu, real = val(row, "pagu"), val(row, "realisasi")
        if pagu is None or real is None or real <= pagu:
            continue
        hint = _row_slip_hint(row, ctx.rows.anggaran, foots)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="realisasi",
            stated=row.realisasi_raw,
            expected=f"≤ {row.pagu_raw}",
            message=(
                f"Realisasi {label(row)} {numfmt.quoted(row.realisasi_raw)} melebihi pagunya "
                f"{numfmt.quoted(row.pagu_raw)}; "
                f"realisasi tidak boleh melampaui pagu.{hint}"
            ),
            evidence=row.evidence,
        )
    yield from _other_years(ctx)


def _other_years(ctx: RuleContext) -> Iterator[Finding]:
    """Another year's realisasi above its pagu, in a budget table of two years."""
    for table in ctx.doc.tables:
        if table.kind != "anggaran":
            continue
        for year, jp, jr in other_year_pairs(table, ctx.year):
            j_name = col.find(table, r"uraian|program|kegiatan|output|rincian|nama") or col.find(
                table, r"\bkode\b"
            )
            for row in table.rows:
                pagu = first_amount(col.cell(row.cells, jp))
                real = first_amount(col.cell(row.cells, jr))
                if pagu is None or real is None or real.value <= pagu.value:
                    continue
                name = " ".join(c for c in row.cells[: (j_name or 0) + 1] if c.strip())
                p_raw, r_raw = col.cell(row.cells, jp).strip(), col.cell(row.cells, jr).strip()
                yield ctx.finding(
                    line=row.line,
                    table=table.id,
                    row=name,
                    column=f"realisasi {year}",
                    stated=r_raw,
                    expected=f"≤ {p_raw}",
                    message=(
                        f"Realisasi {year} {name} {numfmt.quoted(r_raw)} melebihi pagu {year} "
                        f"{numfmt.quoted(p_raw)}; realisasi tidak boleh melampaui pagu. Periksa "
                        f"angka tahun {year} pada tabel ini dengan laporan tahun {year}."
                    ),
                    evidence=" | ".join(row.source),
                )
