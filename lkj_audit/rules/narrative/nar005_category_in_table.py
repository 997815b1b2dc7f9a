"""NAR005 ``narrative.category_in_table``.

The category printed next to an indicator is the band of its recomputed capaian.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.skala import category_for
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label
from lkj_audit.rules.support.figures import (
    recomputed_capaian,
)


def scale_label(skala_labels: list[str], text: str) -> str | None:
    """The scale category a cell names (longest label found as whole words), if any."""
    cell = " ".join(re.sub(r"[^a-z ]", " ", text.lower()).split())
    for lab in sorted(skala_labels, key=len, reverse=True):
        if re.search(rf"\b{re.escape(lab.lower())}\b", cell):
            return lab
    return None


@rule(
    code="NAR005",
    name="narrative.category_in_table",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a category word against the report's scale misstates no figure (policy "
        "example)"
    ),
    domain=("R-V06", "R-K02"),
    tables=("capaian", "skala"),
    tolerance="band bounds as printed in the report's scale (inclusive/exclusive as written)",
)
def category_in_table(ctx: RuleContext) -> Iterator[Finding]:
    """The category printed next to an indicator is the band of its recomputed capaian.

    Why it matters: the category column is how a reader judges each indicator; "Sangat Baik"
    next to a capaian that the report's own scale rates "Baik" overstates the result.
    Fails when: a capaian row prints a category of the scale (Kategori/Keterangan/Predikat
    column) other than the band of the recomputed capaian (also when it fits the printed capaian).
    Passes when: every printed category equals its band, or the report prints no scale.
    """
    skala = ctx.rows.skala
    if not skala:
        return
    labels = list(dict.fromkeys(b.kategori for b in skala))
    for row in ctx.rows.capaian:
        claimed = scale_label(labels, row.kategori_raw or "")
        rec = recomputed_capaian(row)
        if claimed is None or rec is None:
            continue
        expected = category_for(skala, float(rec))
        if expected is None or expected.lower() == claimed.lower():
            continue
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="kategori",
            stated=row.kategori_raw,
            expected=expected,
            message=(
                f"Indikator {label(row)} diberi kategori '{row.kategori_raw}', padahal capaiannya "
                f"{numfmt.pct(rec, 2)} (dihitung ulang) termasuk "
                f"'{expected}' "
                "menurut skala penilaian laporan ini."
            ),
            evidence=row.evidence,
        )
