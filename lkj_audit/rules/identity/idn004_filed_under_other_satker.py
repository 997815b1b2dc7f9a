"""IDN004 ``identity.filed_under_other_satker``.

The satker the report names on its cover is the satker it was submitted for.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import satker as satker_list
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.identity._shared import _filed_code, _filed_elsewhere
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="IDN004",
    name="identity.filed_under_other_satker",
    category=Category.IDENTITY,
    severity=Severity.ERROR,
    severity_reason=(
        "other-satker: the report's cover names another satker than the one it was filed for"
    ),
    domain=("R-W01",),
)
def filed_under_other_satker(ctx: RuleContext) -> Iterator[Finding]:
    """The satker the report names on its cover is the satker it was submitted for.

    Why it matters: a file uploaded under satker A that names satker B on its cover and in
    its Kata Pengantar is B's report (or A's report copied wholesale from B); its figures
    cannot be taken as A's.
    Fails when: the run was filed under a satker code (``--satker``) and the satker named
    most often in the report's opening pages is another listed satker.
    Passes when: the report names the satker it was filed under, or no code was given.
    """
    other = _filed_elsewhere(ctx)
    if other is None:
        return
    line = next(
        (
            r.line
            for r in ctx.doc.mentions.regions
            if r.mention.satker and r.mention.satker.kode == other.kode
        ),
        None,
    )
    code = _filed_code(ctx)
    filed = satker_list.by_code(code) if code else None
    filed_as = f"{filed.nama} ({code})" if filed else f"kode satker {code} (tidak ada dalam daftar)"
    yield ctx.finding(
        line=line,
        row=other.nama,
        stated=other.nama,
        expected=filed_as,
        message=(
            f"Laporan ini menyebut dirinya {other.nama} ({other.kode}), sedangkan diunggah untuk "
            f"{filed_as}; laporan ini tampaknya milik satker lain. Periksa berkas yang diunggah "
            "atau kode satkernya."
        ),
    )
