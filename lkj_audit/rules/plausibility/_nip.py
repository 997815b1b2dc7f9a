"""Helpers shared by several rules of this family; registers no rules.

Used by PLA009, PLA010.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load import nip
from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Finding, Severity
from lkj_audit.rules.plausibility._staff import LooseNumber, Staff, who
from lkj_audit.rules.registry import RuleContext

_LOOSE_NIP_RE = gated(r"(?i)\b(NIP(?:\s*PPPK|PPPK)?|NI\s*PPPK)\b\s*\.?\s*:?\s*(\d[\d ]{16,22}\d)")


def _staff(ctx: RuleContext, jenis: str) -> Iterator[Staff]:
    """Staff rows of one kind with a number, then numbers printed elsewhere (signatures)."""
    yield from (r for r in ctx.rows.pegawai if r.jenis == jenis and r.nip is not None)
    yield from (row for row in _loose_numbers(ctx) if row.jenis == jenis)


def _loose_numbers(ctx: RuleContext) -> Iterator[LooseNumber]:
    """NIP / NI PPPK printed outside the staff tables, e.g. under a signature."""
    in_tables = {
        ln for t in ctx.tables.raw if t.kind == "pegawai" for r in t.rows for ln in r.lines
    }
    lines = ctx.doc.lines
    # only the lines holding "NIP" or "PPPK": the pattern needs one of them
    for i in ctx.doc.mentions.lines_holding(_LOOSE_NIP_RE.words):
        if i in in_tables:
            continue
        text = lines[i - 1]
        for m in _LOOSE_NIP_RE.pattern.finditer(text):
            digits = re.sub(r"\D", "", m.group(2))
            pppk = "PPPK" in m.group(1).upper() or digits[12:14] == nip.PPPK_MARK
            before = text[: m.start()].strip(" \t,;:")
            name = before or next(
                (ln.strip() for ln in reversed(lines[max(0, i - 3) : i - 1]) if ln.strip()), ""
            )
            yield LooseNumber(
                line=i,
                table=None,
                jenis="PPPK" if pppk else "PNS",
                nama=name if len(name) <= 60 else "",
                nip=digits,
                tmt_gol="",
                evidence=ctx.doc.line_text(i),
            )


def _nip_finding(
    ctx: RuleContext, row: Staff, what: str, problems: list[str], severity: Severity | None
) -> Finding:
    return ctx.finding(
        line=row.line,
        table=row.table,
        row=who(row),
        column=what,
        stated=row.nip,
        severity=severity,
        message=f"{what} {who(row)}: " + "; ".join(problems) + ". Periksa kembali nomor ini.",
        evidence=row.evidence,
    )
