"""NAR002 ``narrative.all_achieved_claim``.

A claim that all targets or sasaran were achieved agrees with the capaian tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lkj_audit import numfmt
from lkj_audit.load.mentions.gate import gated
from lkj_audit.load.rows import IndicatorRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label
from lkj_audit.rules.support.figures import (
    capaian_rows,
    printed_capaian,
    recomputed_capaian,
)

_ALL_CLAIM_RE = gated(
    r"(?i)\b(semua|seluruh|keseluruhan)\s+(target|sasaran|indikator)(?P<mid>[^.]{0,120}?)"
    r"\b(tercapai|terpenuhi|terwujud|diwujudkan|dicapai|terealisasi|mencapai\s+target)\b"
)


# "hampir semua", "agar seluruh target …": not a claim that all were achieved.
_HEDGE_RE = re.compile(
    r"(?i)(?:\b(?:tidak|belum|hampir|sebagian|kurang|agar|supaya|diharapkan|upaya|berupaya|"
    r"mengupayakan|memastikan|jika|apabila|bila)\s+(?:\w+\s+){0,2}|\b(?:untuk|guna|demi)\s+"
    r"(?:dapat\s+)?(?:mencapai|mewujudkan|memenuhi|merealisasikan)\s+)$"
)


_NOT_A_CLAIM_MID = re.compile(
    r"(?i)%|capaian|\bdengan\s+nilai|\b(akan|harus|perlu|diharapkan|agar|supaya)\b"
)


def _below(rows: Sequence[IndicatorRow]) -> tuple[list[str], bool]:
    """Indicators below 100% (as printed or recomputed) and whether any recomputed is below."""
    out, recomputed_below = [], False
    for row in rows:
        printed, rec = printed_capaian(row), recomputed_capaian(row)
        if rec is not None and rec < 100:
            recomputed_below = True
            out.append(f"{label(row)} {numfmt.pct(rec, 2)}")
        elif printed is not None and printed < 100:
            out.append(f"{label(row)} {numfmt.quoted(row.capaian_raw)} (tercetak)")
    return out, recomputed_below


@rule(
    code="NAR002",
    name="narrative.all_achieved_claim",
    category=Category.NARRATIVE,
    severity=Severity.ERROR,
    severity_reason=(
        "disproved: a recomputed capaian below 100% disproves the claim; inconsistent: only "
        "printed capaian are below 100%, the recomputed ones are not"
    ),
    domain=("R-K03", "R-V08"),
    tables=("capaian",),
    tolerance="capaian below 100 at any precision",
)
def all_achieved_claim(ctx: RuleContext) -> Iterator[Finding]:
    """A claim that all targets or sasaran were achieved agrees with the capaian tables.

    Why it matters: "semua target tercapai" in the Ikhtisar or Penutup is the sentence a
    reader remembers; when indicators in Bab III are below 100% the claim misreports the year.
    Fails when: a sentence says all (semua/seluruh) targets, sasaran or indicators were
    achieved (tercapai, terpenuhi, diwujudkan…) and an indicator's recomputed capaian is below
    100% (error), or only its printed capaian is (warning).
    Passes when: every indicator reaches 100%, or the claim is hedged ("hampir semua",
    "secara umum") or restricted ("seluruh indikator dengan capaian 100% …").
    """
    cap = capaian_rows(ctx)
    if not cap:
        return
    below, recomputed_below = _below(cap)
    if not below:
        return
    for block in ctx.doc.mentions.blocks_in(None):
        if block.kind not in {"paragraph", "list_item"}:
            continue
        for m in _ALL_CLAIM_RE.finditer(block.text):
            if _HEDGE_RE.search(block.text[: m.start()]) or _NOT_A_CLAIM_MID.search(m.group("mid")):
                continue
            shown = ", ".join(below[:6]) + (
                f" dan {len(below) - 6} lainnya" if len(below) > 6 else ""
            )
            yield ctx.finding(
                line=block.line,
                row=m.group(0)[:60],
                column="klaim",
                stated=m.group(0),
                expected=f"{len(below)} dari {len(cap)} indikator di bawah 100%",
                severity=None if recomputed_below else Severity.WARNING,
                message=(
                    f"Teks menyatakan {numfmt.quoted(m.group(0))}, padahal {len(below)} dari "
                    f"{len(cap)} "
                    "indikator "
                    f"di tabel capaian di bawah 100%: {shown}."
                ),
            )
            break
