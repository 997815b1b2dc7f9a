"""PEG001 ``pegawai.stated_vs_listed``.

Each staff count stated in the text equals the number of staff listed in its table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_JENIS_WORDS = {"PNS": "PNS", "PPPK": "PPPK", "PPNPN": "PPNPN"}


@rule(
    code="PEG001",
    name="pegawai.stated_vs_listed",
    category=Category.CROSS_TABLE,
    severity=Severity.ERROR,
    severity_reason=(
        "disproved: the staff table lists another number of people than the text states"
    ),
    domain=("R-G01",),
    tables=("pegawai", "pegawai_stated"),
    tolerance="exact",
)
def stated_vs_listed(ctx: RuleContext) -> Iterator[Finding]:
    """Each staff count stated in the text equals the number of staff listed in its table.

    Why it matters: staff numbers feed budget lines (gaji, tunjangan, pakaian dinas); a text
    that says 14 PNS over a table of 13 shows that one of them was not updated.
    Fails when: a sentence states "N … PNS/PPPK/PPNPN" and the report's table of that kind
    lists a different number of people.
    Passes when: every stated count equals the rows listed, or no table of that kind exists.
    """
    staff = ctx.rows.pegawai
    if not staff:
        return
    listed = Counter(r.jenis for r in staff)
    for stated in ctx.rows.pegawai_stated:
        n = listed.get(stated.jenis)  # None: no table lists this kind of staff
        if n is None or n == stated.count:
            continue
        yield ctx.finding(
            line=stated.line,
            row=stated.jenis,
            column="jumlah pegawai",
            stated=str(stated.count),
            expected=str(n),
            message=(
                f"Teks menyebut {stated.count} {_JENIS_WORDS[stated.jenis]}, tetapi tabel "
                f"{stated.jenis} memuat {n} orang."
            ),
            evidence=stated.evidence,
        )
