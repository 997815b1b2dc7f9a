"""PLA011 ``plausibility.title_vs_education``.

The academic titles in a staff member's name agree with the education column.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import education
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._staff import who
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PLA011",
    name="plausibility.title_vs_education",
    category=Category.PLAUSIBILITY,
    severity=Severity.INFO,
    severity_reason=("cosmetic: academic titles against the education column (policy example)"),
    domain=("R-G04",),
    tables=("pegawai",),
    tolerance="D-IV and S1 are the same level",
)
def title_vs_education(ctx: RuleContext) -> Iterator[Finding]:
    """The academic titles in a staff member's name agree with the education column.

    Why it matters: "A.Md" (D3) with "S1" in the education column, or "S.H." with "SMA",
    means one of the two was not updated; education determines golongan and jabatan, so the
    staff profile in Bab I misstates the organisation's capacity.
    Fails when: the highest title in the name (A.Md → D3, S.x → S1, M.x → S2, Dr. → S3) is a
    different level from the education column.
    Passes when: they agree, the name carries no title, or the column is empty or unreadable.
    """
    for row in ctx.rows.pegawai:
        col_level = education.column_level(row.pendidikan)
        title_level, titles = education.title_level(row.nama)
        if col_level is None or title_level is None:
            continue
        if education.RANK[col_level] == education.RANK[title_level]:
            continue
        higher = education.RANK[title_level] > education.RANK[col_level]
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=who(row),
            column="pendidikan",
            stated=row.pendidikan,
            expected=title_level,
            message=(
                f"{str(row.nama).split(',')[0].strip()} bergelar {titles} (setara {title_level}), "
                "tetapi kolom pendidikan "
                f"tertulis {row.pendidikan}. "
                + (
                    "Pendidikan di tabel lebih rendah dari gelarnya"
                    if higher
                    else "Gelar di nama belum sesuai pendidikannya"
                )
                + "; samakan nama dan kolom pendidikan dengan data kepegawaian."
            ),
            evidence=row.evidence,
        )
