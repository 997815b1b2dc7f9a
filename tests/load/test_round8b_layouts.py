"""Layouts first met in round 8b of the unseen reports (tests/unseen/test_unseen_round8b.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.load.plain_tables import pandoc_tables_to_tabs, quoted_cells_joined
from lkj_audit.model import Finding

COVER = "LAPORAN KINERJA\nSEKRETARIAT KPU KABUPATEN BANYUMAS\nTAHUN 2023\n\n"


def _open(tmp_path: Path, body: str, *, eol: str = "\n") -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2023_kpu_kab_banyumas.txt"
    text = (
        COVER
        + "BAB I\nPENDAHULUAN\n\nA. Latar Belakang\n\nKPU Kabupaten Banyumas.\n\n"
        + "BAB II\nPERENCANAAN KINERJA\n\nA. Rencana Strategis\n\nRenstra 2020-2024.\n\n"
        + "BAB III\nAKUNTABILITAS KINERJA\n\nA. Capaian Kinerja\n\n"
        + body
        + "\n\nBAB IV\nPENUTUP\n\nDemikian laporan ini.\n"
    )
    path.write_bytes(text.replace("\n", eol).encode("utf-8"))
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


# Word's "Save as Plain Text": a cell of two paragraphs is quoted, the line end inside it.
WORD_QUOTED = """\
Tabel 3.3 Rekapitulasi Daftar Pemilih Berkelanjutan Semester II Tahun 2023
No\tKecamatan\tLaki-laki\tPerempuan\tJumlah
1\tAjibarang\t38.028\t38.727\t76.755
2\t"Purwokerto
Selatan"\t33.188\t33.517\t66.705
3\tSumbang\t30.420\t30.580\t61.000
\tJumlah\t101.636\t102.824\t204.460
"""


def test_a_quoted_cell_of_two_paragraphs_stays_in_its_row(tmp_path: Path) -> None:
    for eol in ("\n", "\r\n"):
        ctx, findings = _open(tmp_path, WORD_QUOTED, eol=eol)
        voters = ctx.tables.pemilih
        assert "Purwokerto Selatan" in set(voters.wilayah), voters.wilayah.tolist()
        assert sorted(voters.lk)[-1] == 101_636
        assert all(r.confidence == "high" for r in ctx.reading)
        assert not [f for f in findings if f.rule.startswith("PML") or f.rule == "RDG001"]


def test_quoted_cells_elsewhere_are_left_as_they_are() -> None:
    prose = 'Ia berkata "kami siap\nbekerja" di depan pegawai.\nNo\tNama\n1\t"Budi"\n'
    assert quoted_cells_joined(prose) == prose
    row = '1\t"Kabupaten\r\nLombok Timur"\t481.630\r\n2\t"Kota Bima"\t55.126'
    assert quoted_cells_joined(row.replace("\r\n", "\n")).split("\n") == [
        "1\tKabupaten Lombok Timur\t481.630",
        '2\t"Kota Bima"\t55.126',
    ]


# pandoc -t plain of a DOCX table whose cells wrap: a multiline table.
PANDOC_MULTILINE = """\
Tabel 3.2 Capaian Indikator Kinerja Tahun 2023

  ---------------------------------------------------------------------------
  No          Indikator       Target      Realisasi   Capaian (%) Kategori
              Kinerja
  ----------- --------------- ----------- ----------- ----------- -----------
  1           Persentase      100%        100%        100,00      Baik
              rekapitulasi
              DPB tepat waktu

  2           Jumlah kegiatan 24 Kegiatan 22 Kegiatan 96,17       Baik
              sosialisasi dan
              pendidikan
              pemilih
  ---------------------------------------------------------------------------
"""


def test_a_pandoc_multiline_table_is_read_row_by_row(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, PANDOC_MULTILINE)
    rows = ctx.rows.capaian
    assert [(r.target, r.realisasi, r.capaian) for r in rows] == [
        (100.0, 100.0, 100.0),
        (24.0, 22.0, 96.17),
    ]
    assert "pendidikan pemilih" in rows[1].indikator
    assert [f.rule for f in findings if f.rule in {"CAP001", "RDG002"}] == ["CAP001"]


# A grid table (cells merged down over two indicators), then a simple table of one-line rows.
PANDOC_GRID = """\
Tabel 2.1 Perjanjian Kinerja Tahun 2023

+-----------------+------------------+-----------------+-----------------+
| No              | Sasaran          | Indikator       | Target          |
|                 | Strategis        | Kinerja         |                 |
+=================+==================+=================+=================+
| 1               | Meningkatnya     | Persentase      | 100%            |
|                 | kualitas data    | rekapitulasi    |                 |
|                 | pemilih          | DPB tepat waktu |                 |
|                 |                  +-----------------+-----------------+
|                 |                  | Jumlah laporan  | 12 Laporan      |
|                 |                  | pemutakhiran    |                 |
+-----------------+------------------+-----------------+-----------------+

Tabel 3.1 Skala Penilaian

  Capaian                  Kategori
  ------------------------ ------------------------
  > 100%                   Sangat Baik
  > 75% - 100%             Baik

Sekian.
"""


def test_pandoc_grid_and_simple_tables_become_tab_rows() -> None:
    lines = [line for line in pandoc_tables_to_tabs(PANDOC_GRID).split("\n") if "\t" in line]
    assert lines == [
        "No\tSasaran Strategis\tIndikator Kinerja\tTarget",
        "1\tMeningkatnya kualitas data pemilih\tPersentase rekapitulasi DPB tepat waktu\t100%",
        "\t\tJumlah laporan pemutakhiran\t12 Laporan",
        "Capaian\tKategori",
        "> 100%\tSangat Baik",
        "> 75% - 100%\tBaik",
    ]


def test_a_pandoc_grid_pk_gives_each_indicator_and_target(tmp_path: Path) -> None:
    ctx, _findings = _open(tmp_path, PANDOC_GRID)
    pk = ctx.tables.pk
    assert list(pk.indikator) == [
        "Persentase rekapitulasi DPB tepat waktu",
        "Jumlah laporan pemutakhiran",
    ]
