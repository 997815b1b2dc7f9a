"""PEG003 ``pegawai.stated_vs_counted``.

Each staff count stated in the text equals the Jumlah of the staff count tables of its kind.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.people import kind_totals
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PEG003",
    name="pegawai.stated_vs_counted",
    category=Category.CROSS_TABLE,
    severity=Severity.ERROR,
    severity_reason="disproved: the staff count table of that kind totals another number",
    domain=("R-G01",),
    tables=("pegawai_jumlah", "pegawai_stated"),
    tolerance="exact",
)
def stated_vs_counted(ctx: RuleContext) -> Iterator[Finding]:
    """Each staff count stated in the text equals the Jumlah of the count tables of its kind.

    Why it matters: the staff count feeds budget lines (gaji, tunjangan) and the Bab I
    profile; a sentence of 27 PNS over a table totalling 26 shows one was not updated.
    Fails when: a sentence states "N … PNS/PPPK/PPNPN", the report lists no staff of that
    kind by name (PEG001 checks lists), and a count table of that kind totals another N.
    Passes when: every stated count equals the Jumlah, or no count table is of that kind.
    """
    listed = {r.jenis for r in ctx.rows.pegawai}
    tables = kind_totals(ctx.rows.pegawai_jumlah)
    for stated in ctx.rows.pegawai_stated:
        if stated.jenis in listed:
            continue
        for total in tables.get(stated.jenis, []):
            if total.count == stated.count:
                continue
            yield ctx.finding(
                line=stated.line,
                row=stated.jenis,
                column="jumlah pegawai",
                stated=str(stated.count),
                expected=str(total.count),
                message=(
                    f"Teks menyebut {stated.count} {stated.jenis}, tetapi tabel jumlah pegawai "
                    f"{total.table} (baris {total.line}) berjumlah {total.count} orang."
                ),
                evidence=stated.evidence,
            )
