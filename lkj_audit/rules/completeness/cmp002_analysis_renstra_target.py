"""CMP002 ``completeness.analysis_renstra_target``.

Bab III compares the realisasi to date with the medium-term (Renstra) target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import _bab3_headers, _bab3_sentences, _filled, _missing
from lkj_audit.rules.registry import RuleContext, rule

_RENSTRA_RE = gated(
    r"(?i)renstra|rencana\s+strategis|jangka\s+menengah|akhir\s+periode|target\s+akhir"
)


_ACHIEVED_RE = re.compile(r"(?i)target|capaian|realisasi|tercapai|dicapai")


@rule(
    code="CMP002",
    name="completeness.analysis_renstra_target",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the comparison with the Renstra target (R-A3) is a required analysis"
    ),
    domain=("R-A3",),
    # no tables=: it runs without them and reports what is missing
)
def analysis_renstra_target(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III compares the realisasi to date with the medium-term (Renstra) target.

    Why it matters: PP 8/2006 and PermenPANRB 53/2014 require the cumulative achievement to be
    set against the Renstra's final target (KKE 3.2(4)).
    Fails when: Bab III has no Renstra-target column and no sentence relating a target,
    capaian or realisasi to the Renstra / medium-term / end-of-period target.
    Passes when: either is present.
    """
    if _filled(ctx, "target_renstra_raw") or any(_RENSTRA_RE.search(h) for h in _bab3_headers(ctx)):
        return
    if any(_RENSTRA_RE.search(t) and _ACHIEVED_RE.search(t) for t in _bab3_sentences(ctx)):
        return
    found = _missing(
        ctx,
        "perbandingan realisasi dengan target jangka menengah (Renstra)",
        "analisis R-A3",
        "Bandingkan realisasi sampai dengan tahun ini dengan target akhir periode Renstra.",
    )
    if found:
        yield found
