"""RDG001 ``reading.table_confidence``.

Every table the audit recomputes was read with certainty.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.reading import TableReading
from lkj_audit.rules.registry import RuleContext, rule

_NAMES = {"anggaran": "realisasi anggaran", "capaian": "capaian kinerja", "pemilih": "data pemilih"}


@rule(
    code="RDG001",
    name="reading.table_confidence",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=("hint: it is about how the tool read a table, not about the report"),
    domain=("R-V07", "R-V05"),
    tables=("anggaran", "capaian", "pemilih"),
)
def table_confidence(ctx: RuleContext) -> Iterator[Finding]:
    """Every table the audit recomputes was read with certainty.

    Why it matters: a total that "does not foot" because a figure was misread is a false
    accusation; the reviewer must check such a table by hand instead.
    Fails when: a typed table holds a figure that could not be read with certainty, lacks a
    column its role needs, or recomputes to values only a misreading explains (a serapan of
    thousands of percent that no single slip accounts for, LK + PR far from JUMLAH).
    Passes when: every typed table was read with high confidence.
    """
    readings: list[TableReading] = ctx.audit.reading
    for r in readings:
        if r.confidence != "low":
            continue
        what = _NAMES.get(r.name, r.name)
        yield ctx.finding(
            line=r.first_line,
            table=r.id,
            row=None,
            column=None,
            stated=None,
            expected=None,
            message=(
                f"Tabel {what} {r.id} (baris {r.first_line}–{r.last_line}) tidak dapat dibaca "
                f"dengan pasti: {'; '.join(r.reasons)}. Hasil hitung ulang tabel ini tidak "
                "dilaporkan sebagai kesalahan; periksa tabel pada dokumen sumber dan, bila "
                "angkanya memang demikian, periksa jumlah dan persentasenya secara manual."
            ),
        )
