"""Notebook display: each function shows one part of the narrative audit (HTML or chart).

Everything shown is rendered through the autoescaping Jinja environment, so text from the
report can never inject markup into the notebook or the exported HTML.
"""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, Image, display

from lkj_audit import __version__
from lkj_audit.audit import review_of
from lkj_audit.audit import summary as _summary
from lkj_audit.families import FAMILY_TEXT
from lkj_audit.model import AuditContext, Category, Finding, Severity
from lkj_audit.render import charts as chart_images
from lkj_audit.render import compare_view, views
from lkj_audit.render.env import render
from lkj_audit.render.reading_view import reading_rows, unread_rows
from lkj_audit.rules.registry import active_rules
from lkj_audit.rules.status import tally
from lkj_audit.workpaper import html_view
from lkj_audit.workpaper.review import counted


def _html(template: str, **context: object) -> None:
    display(HTML(render(template, **context)))  # type: ignore[no-untyped-call]


def identity(ctx: AuditContext) -> None:
    """Who and what was audited, with which tool, when."""
    _html(
        "identity.html.j2",
        satker=ctx.satker,
        satker_code=ctx.satker_code,
        year=ctx.year,
        source=ctx.doc.source,
        sha256=ctx.doc.sha256,
        version=__version__,
        n_rules=len(active_rules()),
        run_date=date.today().isoformat(),
    )


def summary(findings: list[Finding], top: int = 6, ctx: AuditContext | None = None) -> None:
    """Counts by severity and family, what the rules did, and the most serious findings."""
    display(HTML(summary_html(findings, top, ctx)))  # type: ignore[no-untyped-call]


def summary_html(findings: list[Finding], top: int = 6, ctx: AuditContext | None = None) -> str:
    """The summary section as HTML (``ctx`` adds how many rules ran or had nothing to check)."""
    s = _summary(findings)
    findings = counted(findings)  # a rejected finding leaves the counts
    by_cat = {}
    for cat in Category:
        row = {sev.value: 0 for sev in Severity}
        for f in findings:
            if f.category == cat:
                row[f.severity.value] += 1
        by_cat[cat.value] = {**row, "total": sum(row.values())}
    return render(
        "summary.html.j2",
        summary=s,
        by_category=by_cat,
        top=[f.as_dict() for f in findings[:top]],
        rules=tally(ctx.rule_status) if ctx is not None and ctx.rule_status else None,
    )


def recompute_html(ctx: AuditContext, found: list[Finding]) -> str:
    """Section 3 as HTML: corrections, "Cara tabel dibaca", then printed vs recomputed.

    A printed figure is shown as disagreeing only when a finding reports it; the cell links
    to that finding. Corrected cells are marked.
    """
    fixes = ctx.options.get("corrections") or []
    parts = [
        render("corrections.html.j2", corrections=fixes, file=ctx.options.get("corrections_file"))
    ]
    if ctx.reading or ctx.doc.unread_tables:
        parts.append(render("reading.html.j2", tables=reading_rows(ctx), unread=unread_rows(ctx)))
    parts.append(
        render(
            "tables.html.j2",
            corrected=html_view.corrected_cells(fixes),
            whole=views.budget_whole(ctx),
            capaian_mean=views.capaian_mean(ctx),
            budget=views.budget_rows(ctx, found),
            footings=views.budget_footings(ctx, found),
            capaian=views.capaian_rows(ctx, found),
            voters=views.voter_rows(ctx, found),
            staff=views.staff_counts(ctx, found),
        )
    )
    return "\n".join(parts)


def recompute_diff(ctx: AuditContext, found: list[Finding]) -> None:
    """Every table: printed figures next to their recomputation (``ctx.figures``)."""
    display(HTML(recompute_html(ctx, found)))  # type: ignore[no-untyped-call]


def comparison_html(ctx: AuditContext) -> str:
    """The comparison with the previous year (R-A2) as HTML; a short note without one."""
    return render("comparison.html.j2", **compare_view.context(ctx.comparison))


def comparison(ctx: AuditContext) -> None:
    """The recomputed figures of both years (``--previous``) side by side, with the change."""
    display(HTML(comparison_html(ctx)))  # type: ignore[no-untyped-call]


def charts(ctx: AuditContext) -> None:
    """Serapan per RO/kegiatan and capaian per indicator against the report's rating bands."""
    charts = (
        (chart_images.serapan_chart(ctx), "Grafik serapan anggaran per RO/kegiatan"),
        (
            chart_images.capaian_chart(ctx),
            "Grafik capaian kinerja per indikator dan skala penilaian",
        ),
    )
    for png, alt in charts:
        if png:
            display(Image(data=png, format="png", metadata={"alt": alt}))  # type: ignore[no-untyped-call]


def findings(found: list[Finding]) -> None:
    """Every problem (one entry per root-cause group, all its places), by family.

    A finding the reviewer rejected stays visible, struck through, with the reviewer's note.
    """
    _html("findings.html.j2", groups=html_view.problems(found), family_text=FAMILY_TEXT)


def conclusion(ctx: AuditContext, found: list[Finding]) -> None:
    """The paragraph for the Laporan Hasil Reviu and the sign-off block of the working paper."""
    decisions = review_of(ctx)
    _html(
        "conclusion.html.j2",
        paragraph=views.conclusion(ctx, counted(found)),
        reviewer=decisions.reviewer,
        unmatched=decisions.as_dict(found)["unmatched"],
    )
