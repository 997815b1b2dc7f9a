"""CMP001 ``completeness.analysis_previous_years``.

Bab III compares this year's realisasi and capaian with previous years.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.mentions.comparisons import earlier_words_in
from lkj_audit.load.mentions.figures import has_quantity, percentages_in
from lkj_audit.load.mentions.years import free_years
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import _bab3_headers, _bab3_sentences, _filled, _missing
from lkj_audit.rules.registry import RuleContext, rule

# "Nilai IKPA meningkat dari 95,12 pada Tahun 2022": an indicator's value is a measure too.
_MEASURE_RE = re.compile(r"(?i)capaian|realisasi|kinerja|persentase|target|\bnilai\b")


def _has_previous_years(ctx: RuleContext) -> bool:
    if _filled(ctx, "realisasi_prev_raw"):
        return True
    for head in _bab3_headers(ctx):
        if _MEASURE_RE.search(head) and any(y < ctx.year for y in free_years(head)):
            return True
    for text in _bab3_sentences(ctx):
        earlier = earlier_words_in(text) or any(y < ctx.year for y in free_years(text))
        figures = percentages_in(text) or has_quantity(text)
        if earlier and _MEASURE_RE.search(text) and figures:
            return True
    return False


@rule(
    code="CMP001",
    name="completeness.analysis_previous_years",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=("missing: the comparison with earlier years (R-A2) is a required analysis"),
    domain=("R-A2",),
    # no tables=: it runs without them and reports what is missing
)
def analysis_previous_years(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III compares this year's realisasi and capaian with previous years.

    Why it matters: PermenPANRB 53/2014 requires each sasaran's achievement to be compared
    with the previous year(s) (KKE 3.2(5)); without it no trend can be judged.
    Fails when: Bab III has no realisasi column of an earlier year, no table header naming an
    earlier year, and no sentence that names an earlier year (or "tahun sebelumnya") together
    with a capaian/realisasi figure.
    Passes when: any of these is present (Bab III missing altogether is reported by STR001).
    """
    if not _has_previous_years(ctx):
        found = _missing(
            ctx,
            "perbandingan realisasi dan capaian dengan tahun-tahun sebelumnya",
            "analisis R-A2",
            f"Sajikan realisasi/capaian tahun {ctx.year - 1} (dan sebelumnya) per sasaran.",
        )
        if found:
            yield found
