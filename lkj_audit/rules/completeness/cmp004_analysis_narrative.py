"""CMP004 ``completeness.analysis_narrative``.

Bab III discusses national standards, causes and solutions, and supporting programmes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import _bab3_sentences, _missing
from lkj_audit.rules.registry import RuleContext, rule

_NARRATIVE: tuple[tuple[str, str, str, str], ...] = (
    ("R-A4", "perbandingan dengan standar nasional",
     r"(?i)standar\s+(?:nasional|pelayanan\s+minimal)|\bSPM\b|benchmark|rata-rata\s+nasional|"
     r"(?:capaian|target|tingkat)\s+nasional|internasional|"
     r"(?:KPU|satker|kabupaten|kota|provinsi)\s+lain", ""),
    ("R-A5", "analisis penyebab keberhasilan/kegagalan dan solusi",
     r"(?i)penyebab|disebabkan|faktor|kendala|hambatan|karena",
     r"(?i)solusi|upaya|langkah|tindak\s+lanjut|perbaikan|strategi"),
    ("R-A7", "program/kegiatan yang menunjang keberhasilan atau kegagalan",
     r"(?i)(?:program|kegiatan)\b.{0,80}\b(?:mendukung|menunjang|mendorong|berkontribusi|pendukung)"
     r"|(?:didukung|ditunjang)\s+(?:oleh|dengan)", ""),
)  # fmt: skip


@rule(
    code="CMP004",
    name="completeness.analysis_narrative",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: causes with solutions (R-A5) and supporting programmes (R-A7) are required "
        "analyses; hint: a national standard (R-A4) exists for few indicators, so its absence is "
        "for the reviewer to judge"
    ),
    domain=("R-A4", "R-A5", "R-A7"),
)
def analysis_narrative(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III discusses national standards, causes and solutions, and supporting programmes.

    Why it matters: these analyses are required per sasaran by PermenPANRB 53/2014 (KKE 3.2(6)
    and (7)); their quality cannot be machine-judged, so only their absence is signalled.
    Fails when: Bab III contains no wording for one of: comparison with a national standard
    (R-A4); causes of success/failure together with solutions (R-A5); programmes or activities
    supporting the result (R-A7); the standard alone is info.
    Passes when: wording for each is present (the reviewer judges its adequacy).
    """
    texts = _bab3_sentences(ctx)
    for ref, what, first, second in _NARRATIVE:
        if any(re.search(first, t) for t in texts) and (
            not second or any(re.search(second, t) for t in texts)
        ):
            continue
        found = _missing(
            ctx,
            what,
            f"analisis {ref}",
            "Tambahkan uraiannya untuk setiap sasaran.",
            Severity.INFO if ref == "R-A4" else None,
        )
        if found:
            yield found
