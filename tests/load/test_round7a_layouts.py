"""Layouts first met in round 7a of the unseen reports (tests/unseen/test_unseen_round7a.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.load.markdown import is_markdown, markdown_to_text
from lkj_audit.model import Finding

MD_COVER = "## LAPORAN KINERJA\n\n## SEKRETARIAT KPU KABUPATEN POSO\n\n## TAHUN 2023\n\n"


def _open_md(tmp_path: Path, body: str) -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2023_kpu_kab_poso.md"
    path.write_text(
        MD_COVER
        + "<!-- image -->\n\n## BAB I PENDAHULUAN\n\n## A. Latar Belakang\n\n"
        + "KPU Kabupaten Poso.\n\nLKj KPU Kabupaten Poso 2023\n\n3\n\n"
        + "## BAB II PERENCANAAN KINERJA\n\nRenstra KPU 2020-2024.\n\n"
        + "LKj KPU Kabupaten Poso 2023\n\n7\n\n"
        + "## BAB III AKUNTABILITAS KINERJA\n\n## A. Capaian Kinerja Organisasi\n\n"
        + body
        + "\n\n## BAB IV PENUTUP\n\nDemikian laporan ini.\n",
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


def test_markdown_headings_comments_and_br_become_the_plain_extraction() -> None:
    md = (
        "## BAB I PENDAHULUAN\n\n<!-- image -->\n\n**Tabel 1** Data\n\n"
        "| No | Uraian | Nilai |\n|----|:------:|------:|\n| 1 | Nilai<br>IKPA | 96,42 |\n"
    )
    assert is_markdown(md)
    lines = [t for t in markdown_to_text(md).splitlines() if t]
    assert lines == [
        "BAB I PENDAHULUAN",
        "Tabel 1 Data",
        "No\tUraian\tNilai",
        "1\tNilai IKPA\t96,42",
    ]


def test_plain_text_with_a_vertical_bar_is_no_markdown() -> None:
    assert not is_markdown("BAB I\nPENDAHULUAN\n\nRealisasi | Target tahun ini.\n")


def test_merged_cells_repeated_by_the_converter_are_written_once() -> None:
    # The second header row printed under the rule repeats the merged "No" and "Indikator";
    # "Tahun 2023" spans three columns; a sasaran spans two rows; "Jumlah" spans two columns.
    md = (
        "| No | Indikator | Tahun 2023 | Tahun 2023 | Tahun 2023 |\n|---|---|---|---|---|\n"
        "| No | Indikator | Target | Realisasi | Capaian |\n"
        "| 1 | Persentase tahapan yang sesuai jadwal | 100% | 100% | 100,00 |\n"
        "| 2 | Persentase tahapan yang sesuai jadwal | 100% | 100% | 100,00 |\n"
        "| Jumlah | Jumlah | 2 | 2 | 100,00 |\n"
    )
    lines = [t.split("\t") for t in markdown_to_text(md).splitlines() if t]
    assert lines[0] == ["No", "Indikator", "Tahun 2023", "", ""]
    assert lines[1] == ["", "", "Target", "Realisasi", "Capaian"]
    # equal figures side by side and down a column stay figures; the phrase is merged down
    assert lines[2] == ["1", "Persentase tahapan yang sesuai jadwal", "100%", "100%", "100,00"]
    assert lines[3] == ["2", "", "100%", "100%", "100,00"]
    assert lines[4] == ["Jumlah", "", "2", "2", "100,00"]


def test_a_pipe_table_cut_by_a_page_break_is_read_as_one_table(tmp_path: Path) -> None:
    # The converter makes the continuation's first data row its header (over the rule).
    rule = "|---|---|---|---|---|---|---|\n"
    head = "| No | Kecamatan | Jumlah Desa | TPS | Laki-laki | Perempuan | Jumlah |\n" + rule
    first = "".join(f"| {k} | Kec {k} | 9 | 40 | 6.000 | 5.900 | 11.900 |\n" for k in range(1, 6))
    second = "| 6 | Kec 6 | 9 | 40 | 6.000 | 5.900 | 11.900 |\n" + rule
    second += "| 7 | Kec 7 | 9 | 40 | 6.000 | 5.900 | 11.990 |\n"
    second += "| Jumlah | Jumlah | 63 | 280 | 42.000 | 41.300 | 83.300 |\n"
    footer = "LKj KPU Kabupaten Poso 2023\n\n12\n\n"
    body = f"Tabel 3.3 DPT per Kecamatan\n\n{head}{first}\n{footer}{second}"
    ctx, findings = _open_md(tmp_path, body)
    voters = [t for t in ctx.doc.tables if t.kind == "pemilih"]
    assert len(voters) == 1 and len(voters[0].rows) == 8
    # "Jumlah Desa" counts places: the voters' total is the last "Jumlah" column
    assert {(f.rule, ctx.doc.lines[f.location.line - 1].split("\t")[1]) for f in findings
            if f.rule.startswith("PML")} == {("PML001", "Kec 7"), ("PML002", "")}  # fmt: skip


def test_a_staff_count_total_merged_across_no_and_label_is_the_total_row(tmp_path: Path) -> None:
    body = (
        "Sekretariat didukung oleh 9 (sembilan) orang PNS.\n\n"
        "Tabel 1.1 Jumlah PNS menurut Golongan\n\n"
        "| No | Golongan | Laki-laki | Perempuan | Jumlah |\n|---|---|---|---|---|\n"
        "| 1 | Golongan IV | 1 | 0 | 1 |\n| 2 | Golongan III | 4 | 2 | 6 |\n"
        "| 3 | Golongan II | 1 | 0 | 1 |\n| Jumlah | Jumlah | 6 | 2 | 8 |\n"
    )
    ctx, findings = _open_md(tmp_path, body)
    assert [t.kind for t in ctx.doc.tables] == ["pegawai_jumlah"]
    assert [f.rule for f in findings if f.rule.startswith("PEG")] == ["PEG003"]
