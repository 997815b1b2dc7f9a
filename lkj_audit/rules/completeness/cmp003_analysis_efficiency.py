"""CMP003 ``completeness.analysis_efficiency``.

Bab III analyses the efficiency of resource use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import _bab3_headers, _bab3_sentences, _missing
from lkj_audit.rules.registry import RuleContext, rule

_EFFICIENCY_RE = gated(r"(?i)efisien|\bIE\b|indeks\s+efisiensi|penghematan|sisa\s+anggaran")


# The resources spent, by name or by the budget items LKj cite ("sisa perjalanan dinas").
_RESOURCE_RE = re.compile(
    r"(?i)anggaran|sumber\s*daya|biaya|belanja|serapan|dana|input|perjalanan\s+dinas|"
    r"honorarium|pengadaan"
)


@rule(
    code="CMP003",
    name="completeness.analysis_efficiency",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=("missing: the efficiency analysis (R-A6) is a required analysis"),
    domain=("R-A6",),
)
def analysis_efficiency(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III analyses the efficiency of resource use.

    Why it matters: KKE 3.2(8) scores "efisiensi penggunaan sumber daya"; an LKj that reports
    capaian and serapan side by side without relating them leaves efficiency unassessed.
    Fails when: no Bab III sentence or table header speaks of efficiency (efisien/efisiensi,
    IE, penghematan, sisa anggaran) in relation to budget or resources.
    Passes when: such an analysis is present (its arithmetic is checked elsewhere).
    """
    if any(re.search(r"(?i)efisien", h) for h in _bab3_headers(ctx)):
        return
    if any(_EFFICIENCY_RE.search(t) and _RESOURCE_RE.search(t) for t in _bab3_sentences(ctx)):
        return
    found = _missing(
        ctx,
        "analisis efisiensi penggunaan sumber daya",
        "analisis R-A6",
        "Bandingkan capaian kinerja dengan penyerapan anggaran (mis. IE = % capaian / % serapan).",
    )
    if found:
        yield found
