"""The HTML parts of the working paper: one entry per problem, rejected struck through,
corrections listed and corrected cells marked (report text escaped throughout)."""

from __future__ import annotations

import dataclasses
import re

from lkj_audit.families import FAMILY_TEXT
from lkj_audit.model import AuditContext, Finding, Review
from lkj_audit.render import views
from lkj_audit.render.env import render
from lkj_audit.workpaper import html_view


def test_one_entry_per_group_and_rejected_struck_through(seed_findings: list[Finding]) -> None:
    toc = next(f for f in seed_findings if f.rule == "STR009")
    note = "Daftar isi cetak <b>sudah</b> bernomor"
    found = [
        dataclasses.replace(f, review=Review(status="ditolak", note=note, by="Rina"))
        if f.group == toc.group
        else f
        for f in seed_findings
    ]
    html = render(
        "findings.html.j2",
        groups=html_view.problems(found),
        family_text=FAMILY_TEXT,
    )
    rows = re.findall(r'<tr class="(error|warning|info)[^"]*" id="f-([0-9a-f]{16})"', html)
    assert len(rows) == len({f.group for f in seed_findings}) == 65
    assert {fp for _, fp in rows} == {f.group for f in seed_findings}
    # every place keeps its own anchor (cells link to #f-<fingerprint>), once
    anchors = re.findall(r' id="f-([0-9a-f]{16})"', html)
    assert sorted(anchors) == sorted({f.fingerprint for f in seed_findings})
    rejected = re.search(
        rf'<tr class="{toc.severity.value} rejected" id="f-{toc.group}">(.*?)</tr>', html, re.S
    )
    assert rejected is not None
    body = rejected.group(1)
    assert "Ditolak reviewer (Rina)" in body and "&lt;b&gt;sudah&lt;/b&gt;" in body
    places = re.search(r'<ul class="places">(.*?)</ul>', body, re.S)
    assert places is not None and places.group(1).count("<li>") == 5  # every place of it
    assert 'Struktur <span class="count">(' in html


def test_corrections_listed_and_cells_marked(seed_ctx: AuditContext) -> None:
    fixes = [
        {
            "table": "anggaran",
            "row": "6871.QGE.001",
            "column": "realisasi",
            "from": "18.337.257.000",
            "to": "18.337.257",
            "reason": "Salah <ketik>",
            "by": "Rina",
            "applied": True,
            "why_not": None,
            "source_table": "T25",
            "line": 921,
        },
        {
            "table": "pemilih",
            "row": "line:824",
            "column": "jumlah",
            "from": "1",
            "to": "2",
            "reason": "r",
            "by": "Rina",
            "applied": False,
            "why_not": "laporan tidak lagi memuat",
            "source_table": "T15",
            "line": 824,
        },
    ]
    listed = render("corrections.html.j2", corrections=fixes, file="corrections.yaml")
    assert "Salah &lt;ketik&gt;" in listed and "tidak diterapkan" in listed
    assert listed.count("<tr") == 3
    tables = render(
        "tables.html.j2",
        corrected=html_view.corrected_cells(fixes),
        whole=None,
        capaian_mean=None,
        budget=views.budget_rows(seed_ctx, []),
        footings=[],
        capaian=[],
        voters=views.voter_rows(seed_ctx, []),
        staff=[],
    )
    marked = re.findall(r'<td class="num[^"]*corrected" title="([^"]*)">([^<]*)</td>', tables)
    assert len(marked) == 1  # only the applied one, in the realisasi cell of line 921
    tip, cell = marked[0]
    assert cell == "18.337.257.000" and "Salah &lt;ketik&gt;" in tip
