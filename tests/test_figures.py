"""One set of figures (issue 8): rules, the HTML and the batch index read the same numbers.

Two disagreements these tests would have caught: the HTML re-added every earlier row, so a
budget table with two "Jumlah" rows showed "50 vs 150" while ANG004 rightly found nothing;
and the batch index took the printed Jumlah row (99,61 % for the seed) while the audit
reports that very total as 10 billion rupiah off.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lkj_audit import audit, show
from lkj_audit.batch import index_data
from lkj_audit.batch.index_view import _env
from lkj_audit.families import FAMILY_TEXT
from lkj_audit.model import AuditContext, Finding
from lkj_audit.render.env import render
from lkj_audit.workpaper import html_view

TWO_TOTALS = """\
LAPORAN KINERJA KPU KABUPATEN OGAN KOMERING ILIR TAHUN 2024

BAB III

AKUNTABILITAS KINERJA

B. Realisasi Anggaran

Tabel 3.4 Realisasi Anggaran

No\tUraian\tPagu\tRealisasi\t%
1\t6709 Perencanaan Program\t20.000.000\t18.000.000\t90,00 %
2\t6867 Pembentukan Badan Adhoc\t30.000.000\t27.000.000\t90,00 %
\tJumlah\t50.000.000\t45.000.000\t90,00 %
3\t3355 Pengelolaan Keuangan\t60.000.000\t30.000.000\t50,00 %
4\t3360 Operasional Perkantoran\t40.000.000\t20.000.000\t50,00 %
\tJumlah\t100.000.000\t50.000.000\t50,00 %

BAB IV

PENUTUP
"""


def _open(tmp_path: Path, text: str) -> AuditContext:
    path = tmp_path / "lkj.txt"
    path.write_text(text, encoding="utf-8")
    return audit.open(path, satker="656532", year=2024)


def _tables_html(ctx: AuditContext, found: list[Finding]) -> str:
    return show.recompute_html(ctx, found)  # what the notebook shows, not a copy of it


def _marked(html: str) -> set[str]:
    return set(re.findall(r'data-finding="([0-9a-f]+)"', html))


def test_two_jumlah_rows_each_add_their_own_rows(tmp_path: Path) -> None:
    ctx = _open(tmp_path, TWO_TOTALS)
    found = audit.run_rules(ctx)
    assert [f for f in found if f.rule == "ANG004"] == []
    totals = [f for f in ctx.figures.anggaran.footings if f.level == "total"]
    assert [(f.sums["pagu"].computed, f.sums["pagu"].agrees) for f in totals] == [
        (50_000_000, True),
        (100_000_000, True),
    ]
    html = _tables_html(ctx, found)
    footings = html[html.index("<h3>Penjumlahan") :]
    assert "150.000.000" not in footings  # the second Jumlah is not Σ every earlier row
    assert 'class="num diff' not in html and _marked(html) == set()


def test_a_wrong_total_is_marked_with_the_finding_that_reports_it(tmp_path: Path) -> None:
    ctx = _open(
        tmp_path, TWO_TOTALS.replace("\t100.000.000\t50.000.000", "\t110.000.000\t50.000.000")
    )
    found = audit.run_rules(ctx)
    (ang004,) = [f for f in found if f.rule == "ANG004"]
    html = _tables_html(ctx, found)
    marked = _marked(html)
    assert ang004.fingerprint in marked
    # Every marked cell is a finding's, and its link target exists in the findings list.
    assert marked <= {f.fingerprint for f in found}
    listing = render(
        "findings.html.j2",
        groups=html_view.problems(found),
        family_text=FAMILY_TEXT,
    )
    for fp in marked:
        assert f'href="#f-{fp}"' in html and f'id="f-{fp}"' in listing


def test_a_table_read_with_low_confidence_gives_no_trusted_figure(tmp_path: Path) -> None:
    # "20.000.000 18.000.000" in one cell: two figures run together, the reading is in doubt.
    text = TWO_TOTALS.replace("\t20.000.000\t", "\t20.000.000 18.000.000\t")
    ctx = _open(tmp_path, text)
    (reading,) = ctx.reading
    assert reading.confidence == "low"
    budget = ctx.figures.as_dict()["anggaran"]
    assert budget["serapan_pct"] is None and budget["computed_from"] is None
    assert all(not f["trusted"] for f in budget["footings"])
    assert all(
        f[c]["agrees"] is None for f in budget["footings"] for c in ("pagu", "realisasi") if c in f
    )
    found = audit.run_rules(ctx)
    assert _marked(_tables_html(ctx, found)) == set()


def test_findings_json_figures_are_recomputed_not_printed(
    seed_ctx: AuditContext, seed_findings: list[Finding]
) -> None:
    figures = audit.payload(seed_ctx, seed_findings)["figures"]
    budget = figures["anggaran"]
    assert budget["computed_from"]["level"] == "program" and budget["computed_from"]["rows"] == 2
    assert budget["serapan_pct"] == budget["realisasi"] * 100 / budget["pagu"]
    assert budget["printed_total"]["serapan_pct"] == 99.61  # shown as printed, never used
    assert round(budget["serapan_pct"], 2) != 99.61
    # The audit reports the printed total realisasi as off by the same amount.
    (ang004,) = [f for f in seed_findings if f.rule == "ANG004"]
    assert ang004.expected == "115,469,077,381" and budget["realisasi"] == 115_469_077_381
    assert figures["capaian"]["computed_from"]["rows"] >= 1
    assert isinstance(figures["capaian"]["mean_pct"], float)


def test_one_hash_of_the_file_as_received(seed_ctx: AuditContext) -> None:
    from lkj_audit.fsutil import sha256_file

    payload = audit.payload(seed_ctx, [])
    assert payload["source"]["sha256"] == sha256_file(payload["source"]["path"])


def test_batch_index_shows_the_audit_figures(
    seed_ctx: AuditContext, seed_findings: list[Finding], tmp_path: Path
) -> None:
    out = audit.save(seed_ctx, seed_findings, tmp_path)
    record = {"items": [{"satker": out.name, "year": 2024, "status": "done", "source": "x.txt"}]}
    (out.parent / "batch.json").write_text(json.dumps(record), encoding="utf-8")
    data = index_data.load(tmp_path, 2024)
    payload = json.loads((out / "findings.json").read_text("utf-8"))
    (row,) = data.satker.to_dict("records")
    assert row["serapan"] == payload["figures"]["anggaran"]["serapan_pct"]
    assert row["capaian"] == payload["figures"]["capaian"]["mean_pct"]
    html = _env().get_template("index_satker.html.j2").render(rows=[row], categories=[], abbrev={})
    shown = f"{row['serapan']:.2f}".replace(".", ",") + "%"
    assert shown in html and "99,61" not in html
    assert set(data.findings.serapan_pct) == {row["serapan"]}
