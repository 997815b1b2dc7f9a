"""XTB002 ``cross_table.ro_same_name``.

The same RO code carries the same output name in every table.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.links import Occurrence
from lkj_audit.rules.registry import RuleContext, rule

_SAME_NAME = 70  # token_set_ratio below this: two different outputs, not a typo or OCR noise


_SHIFTED = 85  # ... at or above this with another code's name: the codes were shifted


_WHERE = {
    "anggaran": "tabel realisasi anggaran",
    "capaian": "tabel capaian kinerja",
    "pk": "tabel Perjanjian Kinerja",
}


def _shift_hint(occ: Occurrence, code: str, names: dict[str, list[Occurrence]]) -> str:
    """Name the other code whose budget name this occurrence carries (codes shifted)."""
    for other, occs in names.items():
        if other == code:
            continue
        for o in occs:
            if o.where == "anggaran" and fuzz.token_set_ratio(o.name, occ.name) >= _SHIFTED:
                return (
                    f" Nama ini di tabel realisasi anggaran dipakai untuk {other}; kemungkinan "
                    "kode dan nama output tergeser antarbaris."
                )
    return ""


@rule(
    code="XTB002",
    name="cross_table.ro_same_name",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: one output code names two outputs"),
    domain=("R-C02",),
    tables=("capaian", "anggaran", "pk"),
    tolerance=(
        f"fuzzy: token_set_ratio < {_SAME_NAME} (tolerates OCR noise, typos, short vs long names)"
    ),
)
def ro_same_name(ctx: RuleContext) -> Iterator[Finding]:
    """The same RO code carries the same output name in every table.

    Why it matters: when the capaian table names 6709.QGE.003 one output and the budget table
    another, the capaian is reported against the wrong budget (or the codes were shifted),
    and the efficiency analysis pairs the wrong figures.
    Fails when: an RO code's name in one table has a fuzzy token-set similarity below 70 with
    its name in the budget table (or, without a budget row, its first occurrence).
    Passes when: every occurrence of each code has a similar name.
    """
    names = ctx.figures.ros
    for code, occs in names.items():
        ref = occs[0]
        for occ in occs[1:]:
            if (
                not occ.name
                or not ref.name
                or fuzz.token_set_ratio(ref.name, occ.name) >= _SAME_NAME
            ):
                continue
            yield ctx.finding(
                line=occ.line,
                table=occ.table,
                row=code,
                column="nama output",
                stated=occ.raw,
                expected=ref.raw,
                message=(
                    f"Kode {code} di {_WHERE[occ.where]} bernama '{occ.raw}', sedangkan di "
                    f"{_WHERE[ref.where]} (baris {ref.line}) bernama '{ref.raw}'; satu kode harus "
                    f"menunjuk satu output yang sama.{_shift_hint(occ, code, names)}"
                ),
            )
