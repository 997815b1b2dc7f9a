"""ANG007 ``anggaran.number_format``.

Amounts use one separator convention and groups of three digits.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label, val


@rule(
    code="ANG007",
    name="anggaran.number_format",
    category=Category.PLAUSIBILITY,
    severity=Severity.INFO,
    severity_reason=("cosmetic: mixed separators, the amount itself is read unambiguously"),
    domain=("R-F01", "R-F02"),
    tables=("anggaran",),
)
def number_format(ctx: RuleContext) -> Iterator[Finding]:
    """Amounts use one separator convention and groups of three digits.

    Why it matters: "112,500,108.073" mixes two conventions; such figures are often typed by
    hand and deserve a second look, and a reader may misread their magnitude.
    Fails when: an amount uses both "." and "," as group separators, or a group is not 3 digits.
    Passes when: every amount is written consistently.
    """
    for row in ctx.rows.anggaran:
        if not row.flags:
            continue
        for column in ("pagu", "realisasi"):
            raw = row.pagu_raw if column == "pagu" else row.realisasi_raw
            if not raw or ("." not in raw or "," not in raw.replace(",-", "")):
                continue
            yield ctx.finding(
                line=row.line,
                table=row.table,
                row=label(row),
                column=column,
                stated=raw,
                expected=numfmt.rupiah(val(row, column)),
                message=(
                    f"Angka {column} {label(row)} ditulis dengan pemisah campuran "
                    f"{numfmt.quoted(raw)}; "
                    f"periksa kembali dan tulis dengan format Indonesia "
                    f"({numfmt.rupiah(val(row, column))})."
                ),
                evidence=row.evidence,
            )
