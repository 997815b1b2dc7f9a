"""XTB006 ``cross_table.kegiatan_in_its_program``.

Each kegiatan and RO is listed under the program it belongs to (WA or CQ).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from lkj_audit.load.cellcache import cell_cache
from lkj_audit.load.rows import BudgetRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label

_MANAGEMENT_KRO = ("EBA", "EBB", "EBC", "EBD")


_ELECTION_KRO = ("QGE",)


DEFAULT_PROGRAM_OF_KEGIATAN = {"3355": "WA", "3360": "WA", "6634": "WA"}


_PROGRAM_NAMES = {"WA": "Dukungan Manajemen", "CQ": "Penyelenggaraan Pemilu"}


_PROGRAM_CODE_RE = re.compile(r"\b\d{3}\.\d{2}\.(WA|CQ)\b")


@cell_cache  # a budget table repeats its program names row after row (a fuzzy match each)
def _program_kind(name: str) -> str | None:
    m = _PROGRAM_CODE_RE.search(name or "")
    if m:
        return m.group(1)
    for kind, label_ in _PROGRAM_NAMES.items():
        if fuzz.partial_ratio(label_.lower(), (name or "").lower()) >= 85:
            return kind
    return None


def _expected_program(row: BudgetRow, mapping: dict[str, str]) -> str | None:
    kode = row.kode or ""
    keg = kode[:4] if kode else (row.kegiatan or "")
    if keg in mapping:
        return mapping[keg]
    kro = kode[5:8] if row.level == "ro" else ""
    if kro in _MANAGEMENT_KRO:
        return "WA"
    if kro in _ELECTION_KRO:
        return "CQ"
    return None


@rule(
    code="XTB006",
    name="cross_table.kegiatan_in_its_program",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: a kegiatan listed under another program than its own"),
    domain=("R-C05",),
    tables=("anggaran",),
    tolerance="program recognised by code (076.01.WA/CQ) or name (fuzzy ≥ 85)",
)
def kegiatan_in_its_program(ctx: RuleContext) -> Iterator[Finding]:
    """Each kegiatan and RO is listed under the program it belongs to (WA or CQ).

    Why it matters: management kegiatan (gaji, operasional, layanan data: 3355, 3360, 6634,
    outputs EBA–EBD) belong to Program Dukungan Manajemen (WA) and election outputs (QGE) to
    Program Penyelenggaraan Pemilu (CQ); a row under the other program misstates both totals.
    Fails when: a budget row's program is recognisable and differs from the program its
    kegiatan (configurable map) or KRO implies.
    Passes when: every recognisable row is under its program.
    """
    mapping = {**DEFAULT_PROGRAM_OF_KEGIATAN, **ctx.options.get("program_of_kegiatan", {})}
    for row in ctx.rows.anggaran:
        if row.level not in ("kegiatan", "ro"):
            continue
        actual = _program_kind(row.program) if row.program is not None else None
        expected = _expected_program(row, mapping)
        if actual is None or expected is None or actual == expected:
            continue
        what = f"Kegiatan {row.kode} ({row.uraian})" if row.level == "kegiatan" else label(row)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="program",
            stated=row.program,
            expected=f"Program {_PROGRAM_NAMES[expected]} ({expected})",
            message=(
                f"{what} dicantumkan di bawah program '{row.program}', padahal "
                "kegiatan/output "
                f"ini termasuk Program {_PROGRAM_NAMES[expected]} ({expected}); periksa "
                "penempatannya dan jumlah kedua program."
            ),
            evidence=row.evidence,
        )
