"""IDN003 ``identity.province_mismatch``.

The province named in the report is the reporting satker's province.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.mentions.sentences import sentence_around
from lkj_audit.load.regions import Mention, own_score
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.identity._shared import (
    _BORDER_RE,
    _LEGAL_RE,
    _RELATION_RE,
    _TOL,
    _is_own,
    _Own,
    _own,
    _region_mentions,
    _written,
)
from lkj_audit.rules.registry import RuleContext, rule


def _other_province(m: Mention, own: _Own) -> bool:
    """A province mention that is not the reporting satker's province."""
    if m.satker is None:
        return False
    if own.province is not None:
        return (
            m.satker.kode != own.province.kode and own_score(m.name, own.province.wilayah) < m.score
        )
    return own.level == "PROV" and not _is_own(m, own)  # a provincial report not in the list


@rule(
    code="IDN003",
    name="identity.province_mismatch",
    category=Category.IDENTITY,
    severity=Severity.ERROR,
    severity_reason=(
        "other-satker: the KPU of another province named as the satker's own; unproven: a "
        "province named without KPU, or a KPU met or visited; hint: a province without KPU named "
        "as a place or a meeting"
    ),
    domain=("R-W02", "R-W01"),
    tolerance=_TOL,
)
def province_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The province named in the report is the reporting satker's province.

    Why it matters: a kabupaten report that speaks of "KPU Provinsi X" for a province it does
    not belong to was copied from another province's report, or names the wrong hierarchy.
    Fails when: "[KPU] Provinsi <Name>" names a listed province other than the satker's own
    (error with a KPU prefix; warning without, outside legal citations and border
    descriptions; one step milder after "di", "ke", "dengan"…, a place or a meeting). Not
    checked when the satker's province is unknown.
    Passes when: every province named is the satker's own.
    """
    own = _own(ctx)
    for line, text, m in _region_mentions(ctx):
        if m.level != "PROV" or not _other_province(m, own):
            continue
        if not m.prefixed:
            sentence = sentence_around(text, m.start, m.end)
            if _LEGAL_RE.search(sentence) or _BORDER_RE.search(sentence):
                continue
        assert m.satker is not None
        expected = own.province.nama if own.province else ctx.satker
        relation = bool(_RELATION_RE.search(text[: m.start]))  # a place or a meeting
        if m.prefixed:
            severity = Severity.WARNING if relation else None
        else:
            severity = Severity.INFO if relation else Severity.WARNING
        yield ctx.finding(
            line=line,
            row=m.satker.nama,
            stated=_written(m),
            expected=expected,
            severity=severity,
            message=(
                f'Teks menyebut "{_written(m)}", padahal {ctx.satker} berada di '
                f"{expected.replace('KPU ', '')}. Periksa apakah kalimat ini disalin dari laporan "
                "satker provinsi lain."
            ),
        )
