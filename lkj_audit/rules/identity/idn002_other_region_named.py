"""IDN002 ``identity.other_region_named``.

No other kabupaten/kota is named where the report speaks of its own region.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.mentions.sentences import sentence_around
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.identity._shared import (
    _BORDER_RE,
    _LEGAL_RE,
    _RELATION_RE,
    _TOL,
    _in_own_province,
    _is_own,
    _own,
    _region_mentions,
    _written,
)
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="IDN002",
    name="identity.other_region_named",
    category=Category.IDENTITY,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: a region named without KPU may be a legitimate mention; hint: a place visited "
        "(di Kota X)"
    ),
    domain=("R-W01",),
    tolerance=_TOL,
)
def other_region_named(ctx: RuleContext) -> Iterator[Finding]:
    """No other kabupaten/kota is named where the report speaks of its own region.

    Why it matters: "Komisi Informasi Kota X" in the strategy of KPU Kabupaten Y is a sentence
    copied from another region's document; a neighbour may be named legitimately, so this is
    for the reviewer to confirm.
    Fails when: "Kabupaten|Kota <Name>" (without a KPU prefix) names a listed kabupaten/kota
    other than the reporting region, outside legal citations and border descriptions (a
    provincial report may name its own kabupaten/kota). A place of a visit ("di Kota X") is info.
    Passes when: no other listed kabupaten/kota is named, or only in those contexts.
    """
    own = _own(ctx)
    for line, text, m in _region_mentions(ctx):
        if m.prefixed or m.level == "PROV" or _is_own(m, own) or _in_own_province(m, own):
            continue
        sentence = sentence_around(text, m.start, m.end)
        if _LEGAL_RE.search(sentence) or _BORDER_RE.search(sentence):
            continue
        assert m.satker is not None
        relation = bool(_RELATION_RE.search(text[: m.start]))
        yield ctx.finding(
            line=line,
            row=f"{m.satker.level_word} {m.satker.wilayah}",
            stated=_written(m),
            expected=ctx.satker,
            severity=Severity.INFO if relation else None,
            message=(
                f'Teks menyebut "{_written(m)}", bukan wilayah {ctx.satker}. Pastikan kalimat '
                "ini memang tentang wilayah tersebut dan bukan salinan dari dokumen satker lain."
            ),
        )
