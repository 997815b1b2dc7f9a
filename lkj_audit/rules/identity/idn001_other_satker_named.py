"""IDN001 ``identity.other_satker_named``.

No other KPU kabupaten/kota is named as if it were the reporting satker.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import satker as satker_list
from lkj_audit.load.regions import Mention
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.identity._shared import (
    _RELATION_RE,
    _TOL,
    _in_own_province,
    _is_own,
    _own,
    _region_mentions,
    _written,
)
from lkj_audit.rules.registry import RuleContext, rule


def _listed_as(m: Mention) -> str:
    """The listed name in parentheses when the written one differs from it, else ''."""
    assert m.satker is not None
    same = satker_list.normalise_region(m.text) == satker_list.normalise_region(m.satker.nama)
    return "" if same else f" ({m.satker.nama})"


@rule(
    code="IDN001",
    name="identity.other_satker_named",
    category=Category.IDENTITY,
    severity=Severity.ERROR,
    severity_reason=(
        "other-satker: another KPU kabupaten/kota named as the reporting satker; unproven: named "
        "after ke/dengan, it may be a partner, not a copied identity"
    ),
    domain=("R-W01", "R-X04"),
    tolerance=_TOL,
)
def other_satker_named(ctx: RuleContext) -> Iterator[Finding]:
    """No other KPU kabupaten/kota is named as if it were the reporting satker.

    Why it matters: "KPU Kota X" in the report of KPU Kabupaten Y is text copied from another
    satker's report; the sentence then reports someone else's work and the reviewer cannot
    rely on it.
    Fails when: "KPU / Komisi Pemilihan Umum / KIP Kabupaten|Kota <Name>" names a listed
    kabupaten/kota other than the reporting one (a misspelt own name, closer to the own name
    than to any other, is not another satker). A provincial report may name the kabupaten/kota
    of its own province. A name after "ke", "dengan", "di"… (a visit or a meeting) is a warning.
    Passes when: every KPU kabupaten/kota named is the reporting satker (or, for a provincial
    report, one of its kabupaten/kota).
    """
    own = _own(ctx)
    for line, text, m in _region_mentions(ctx):
        if not m.prefixed or m.level == "PROV" or _is_own(m, own) or _in_own_province(m, own):
            continue
        assert m.satker is not None
        relation = bool(_RELATION_RE.search(text[: m.start]))
        yield ctx.finding(
            line=line,
            row=m.satker.nama,
            stated=_written(m),
            expected=ctx.satker,
            severity=Severity.WARNING if relation else None,
            message=(
                f'Teks menyebut "{_written(m)}"{_listed_as(m)}, padahal laporan ini milik '
                f"{ctx.satker}. Kemungkinan kalimat disalin dari laporan satker lain; ganti dengan "
                "nama satker sendiri atau jelaskan hubungannya."
            ),
        )
