"""PLA013 ``plausibility.staff_column_shift``.

Every staff cell holds the kind of value its column is for (no shifted rows).
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import education
from lkj_audit.load.rows import StaffRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._staff import DATE_RE, PNS_GOL_RE, who
from lkj_audit.rules.registry import RuleContext, rule

_COLUMN_WORDS = {
    "gol": "golongan",
    "tmt_gol": "TMT golongan",
    "jabatan": "jabatan",
    "tmt_jabatan": "TMT jabatan",
    "pendidikan": "pendidikan",
}


def _foreign(column: str, value: str) -> str | None:
    """What kind of value ``value`` is if it does not belong in ``column``."""
    v = (value or "").strip()
    if not v:
        return None
    is_date = bool(DATE_RE.match(v))
    is_edu = education.column_level(v) is not None and not is_date and not PNS_GOL_RE.match(v)
    if column in ("tmt_gol", "tmt_jabatan"):
        return "pendidikan" if is_edu else "golongan" if PNS_GOL_RE.match(v) else None
    if column == "pendidikan":
        return "tanggal" if is_date else "golongan" if PNS_GOL_RE.match(v) else None
    if column == "gol":
        return "tanggal" if is_date else None
    if column == "jabatan":  # a bare level ("S1", "SMA") is never a position
        return "pendidikan" if is_edu and len(v) <= 10 else None
    return None


@rule(
    code="PLA013",
    name="plausibility.staff_column_shift",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: a shifted staff row puts values under the wrong column"),
    domain=("R-G06",),
    tables=("pegawai",),
)
def staff_column_shift(ctx: RuleContext) -> Iterator[Finding]:
    """Every staff cell holds the kind of value its column is for (no shifted rows).

    Why it matters: "SMA" in the TMT jabatan column with an empty education column means
    the row was shifted by one cell; the TMT jabatan is then missing and the education is
    printed in the wrong place, so the table reads wrong.
    Fails when: a TMT column holds an education level or a golongan, the jabatan column holds
    a bare education level, the education column holds a date or a golongan, or the golongan
    column holds a date.
    Passes when: every cell fits its column (empty cells are not judged).
    """
    for row in ctx.rows.pegawai:
        for column in _COLUMN_WORDS:
            value = getattr(row, column)
            kind = _foreign(column, value)
            if kind is None:
                continue
            empty = (
                f"; kolom {kind} baris ini kosong"
                if kind in _COLUMN_WORDS.values() and not _cell_of_kind(row, kind)
                else ""
            )
            yield ctx.finding(
                line=row.line,
                table=row.table,
                row=who(row),
                column=_COLUMN_WORDS[column],
                stated=value,
                message=(
                    f'Kolom {_COLUMN_WORDS[column]} untuk {who(row)} berisi "{value}" (nilai '
                    f"{kind}){empty}. Isi baris tampaknya bergeser kolom; perbaiki tabelnya."
                ),
                evidence=row.evidence,
            )


def _cell_of_kind(row: StaffRow, kind: str) -> str:
    column = next(c for c, w in _COLUMN_WORDS.items() if w == kind)
    return str(getattr(row, column) or "").strip()
