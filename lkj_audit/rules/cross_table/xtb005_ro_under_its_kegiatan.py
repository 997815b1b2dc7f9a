"""XTB005 ``cross_table.ro_under_its_kegiatan``.

Each budget RO is listed under the kegiatan its code belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.document import RawTable
from lkj_audit.load.rows import BudgetRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_KEGIATAN_HEAD_RE = re.compile(r"\bKegiatan\s+(\d{4})\b", re.I)


def _header_kegiatan(table: RawTable) -> str | None:
    """The one kegiatan code named by the line that introduces a budget table."""
    codes = set(_KEGIATAN_HEAD_RE.findall(table.caption))
    return codes.pop() if len(codes) == 1 else None


@rule(
    code="XTB005",
    name="cross_table.ro_under_its_kegiatan",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: an RO listed under another kegiatan than its code's"),
    domain=("R-C04",),
    tables=("anggaran",),
    tolerance="exact code",
)
def ro_under_its_kegiatan(ctx: RuleContext) -> Iterator[Finding]:
    """Each budget RO is listed under the kegiatan its code belongs to.

    Why it matters: the first four digits of an RO code are its kegiatan; an RO listed under
    another kegiatan's header (or kegiatan row) makes that kegiatan's total wrong or reveals
    a wrong code.
    Fails when: an RO row's kegiatan prefix differs from the kegiatan named by the heading
    that introduces its table ("Kegiatan 6709 (…)") or by the kegiatan row above it.
    Passes when: every RO row sits under its own kegiatan, or no kegiatan is named.
    """
    by_table: dict[str, list[BudgetRow]] = {}
    for r in ctx.rows.anggaran:
        by_table.setdefault(r.table, []).append(r)
    for table_id, rows in by_table.items():
        raw = ctx.tables.raw_table(table_id)
        current = _header_kegiatan(raw) if raw is not None else None
        source = "judul tabel" if current else ""
        for row in rows:
            if row.level == "kegiatan" and row.kode and re.fullmatch(r"\d{4}", row.kode):
                current, source = row.kode, f"baris kegiatan {row.line}"
            elif (
                row.level != "ro"
                or current is None
                or row.kode is None  # an RO without its code: nothing to compare
                or row.kode.startswith(current + ".")
            ):
                continue
            else:
                yield ctx.finding(
                    line=row.line,
                    table=row.table,
                    row=row.kode,
                    column="kode",
                    stated=row.kode,
                    expected=f"{current}.…",
                    message=(
                        f"RO {row.kode} dicantumkan di bawah Kegiatan {current} ({source}), "
                        "padahal "
                        f"kodenya menunjukkan kegiatan {row.kode[:4]}; periksa kode RO atau "
                        "penempatannya."
                    ),
                    evidence=row.evidence,
                )
