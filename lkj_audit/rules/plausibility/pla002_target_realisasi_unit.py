"""PLA002 ``plausibility.target_realisasi_unit``.

Target and realisasi of an indicator are in the same unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label

_OCR_UNIT_SCORE = 75.0  # two unit words this alike are one word misread (Lavanan / Layanan)


def _unit_key(unit: str) -> str:
    return re.sub(r"[^a-z%]", "", unit.lower())


@rule(
    code="PLA002",
    name="plausibility.target_realisasi_unit",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: target and realisasi in different units; cosmetic: units that differ by "
        "one misread letter"
    ),
    domain=("R-V09", "R-A1"),
    tables=("capaian",),
    tolerance="unit words ≥ 75/100 alike (or one an abbreviation of the other) are one unit",
)
def target_realisasi_unit(ctx: RuleContext) -> Iterator[Finding]:
    """Target and realisasi of an indicator are in the same unit.

    Why it matters: capaian divides realisasi by target; "1 Laporan" against "1 Lembaga" (or
    a % against a count) compares different things, so the printed capaian means nothing.
    Fails when: the unit of the target differs from the unit of the realisasi. Units that
    differ only by a misread letter ("Lavanan" / "Layanan") are info: a typo to correct.
    Passes when: both are in the same unit (an abbreviation such as "Lap" for "Laporan" is
    the same unit), or one of them has no unit.
    """
    for row in ctx.rows.capaian:
        t, r = _unit_key(row.target_unit), _unit_key(row.realisasi_unit)
        if (
            not t
            or not r
            or t == r
            or (min(len(t), len(r)) >= 3 and (t.startswith(r) or r.startswith(t)))
        ):
            continue
        ocr = "%" not in (t + r) and fuzz.ratio(t, r) >= _OCR_UNIT_SCORE
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="satuan",
            stated=f"{row.target_raw} / {row.realisasi_raw}",
            expected=row.realisasi_unit if ocr else None,
            severity=Severity.INFO if ocr else None,
            message=(
                f'Indikator {label(row)}: target bersatuan "{row.target_unit}" tetapi realisasi '
                f'"{row.realisasi_unit}". '
                + (
                    "Tampaknya salah ketik satu satuan; perbaiki penulisannya."
                    if ocr
                    else "Target dan realisasi harus dalam satuan yang sama agar capaian "
                    "dapat dihitung."
                )
            ),
            evidence=row.evidence,
        )
