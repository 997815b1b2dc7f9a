"""Helpers shared by several rules of this family; registers no rules.

Used by PML001, PML002 and PML004 (PML003–PML005 also use _participation.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from lkj_audit import numfmt, recompute
from lkj_audit.load.rows import VoterRow
from lkj_audit.model import Finding
from lkj_audit.rules.support.common import footing_slip_hint

if TYPE_CHECKING:
    from lkj_audit.rules.registry import RuleContext


def _where(row: VoterRow) -> str:
    tahap = row.tahap or "daftar pemilih"
    wilayah = row.wilayah
    return tahap if wilayah in ("", tahap) else f"{tahap} {wilayah}"


def column_footing(
    ctx: RuleContext,
    *,
    subject: str,
    total: tuple[int, str, str, str, Fraction, str, str],
    parts: Sequence[tuple[str, Fraction, str]],
) -> Finding | None:
    """The finding when a column's wilayah rows do not add up to its total row, else None.

    ``total`` is (line, table, row, column, value, as printed, evidence); ``parts`` the
    wilayah rows as (name, value, as printed). ``subject`` names the column in the message
    ("DPT pada tabel partisipasi"); the slip hint names the likely mistyped figure.
    """
    line, table, row, column, value, raw, evidence = total
    s = recompute.column_sum([v for _, v, _ in parts])
    if s == value:
        return None
    labelled = [(name, int(v), printed) for name, v, printed in parts]
    hint = footing_slip_hint(labelled, ("total", int(value), raw), int(value - s), rupiah=False)
    return ctx.finding(
        line=line,
        table=table,
        row=row,
        column=column,
        stated=raw,
        expected=numfmt.rupiah(s, like=raw),
        message=(
            f"Total {subject} tertulis {numfmt.quoted(raw)}, "
            f"tetapi jumlah {len(parts)} baris wilayah = {numfmt.count(int(s))}.{hint}"
        ),
        evidence=evidence,
    )
