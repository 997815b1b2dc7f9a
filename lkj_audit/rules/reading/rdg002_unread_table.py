"""RDG002 ``reading.unread_table``.

Every table visible in the text was read as a table.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="RDG002",
    name="reading.unread_table",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason="hint: it is about how the tool read the text, not about the report",
    domain=("R-V07", "R-V05"),
)
def unread_table(ctx: RuleContext) -> Iterator[Finding]:
    """Every table visible in the text was read as a table.

    Why it matters: a table whose cells came out one per line, run together like a sentence,
    or in columns that do not line up is not checked at all; the reviewer must know where,
    and no rule may report that table as missing (the rules that would stay silent).
    Fails when: the text shows column labels with figures under them (or a block of aligned
    lines) that no table could be read from.
    Passes when: every table in the text was read.
    """
    doc = ctx.doc
    for first, last, why in doc.unread_tables:
        sec = doc.section_at(first)
        where = f" ({sec.title})" if sec else ""
        yield ctx.finding(
            line=first,
            row=f"baris {first}–{last}",
            message=(
                f"Tabel terlihat tetapi tidak terbaca pada baris {first}–{last}{where}: {why}. "
                "Angka tabel ini tidak diperiksa dan tabel ini tidak dianggap hilang. Periksa "
                "pada dokumen sumber jumlah, persentase dan capaiannya, serta apakah isinya "
                "sama dengan tabel dan uraian lain di laporan (atau ekstrak ulang teks PDF "
                "dengan tata letak kolom, mis. pdftotext -layout)."
            ),
        )
