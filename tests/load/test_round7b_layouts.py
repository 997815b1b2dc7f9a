"""Layouts first met in round 7b of the unseen reports (tests/unseen/test_unseen_round7b.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.model import Finding

COVER = "LAPORAN KINERJA\nSEKRETARIAT KPU KOTA PEMATANGSIANTAR\nTAHUN 2024\n\n"


def _open(tmp_path: Path, body: str) -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2024_kpu_kota_pematangsiantar.txt"
    path.write_text(
        COVER
        + "BAB I\nPENDAHULUAN\n\nA. Latar Belakang\n\nKPU Kota Pematangsiantar.\n\n"
        + "BAB II\nPERENCANAAN KINERJA\n\nA. Rencana Strategis\n\nRenstra 2020-2024.\n\n"
        + "BAB III\nAKUNTABILITAS KINERJA\n\nA. Capaian Kinerja\n\n"
        + body
        + "\n\nBAB IV\nPENUTUP\n\nDemikian laporan ini.\n",
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


# A Word table whose No and Sasaran cells are merged down over their indicators: the DOCX
# reader prints the span's other rows with those cells empty.
MERGED_SASARAN = """\
Tabel 3.1 Capaian Kinerja Tahun 2024

No\tSasaran Strategis\tIndikator Kinerja\tSatuan\tTarget 2024\tRealisasi 2024\tCapaian (%)
1\tMeningkatnya partisipasi pemilih\tPersentase partisipasi pemilih Pemilu\t%\t77,5\t78,42\t101,19
\t\tPersentase partisipasi pemilih Pemilihan\t%\t77,5\t62,12\t80,15
2\tTerselenggaranya Pemilu sesuai jadwal\tPersentase tahapan sesuai jadwal\t%\t100\t100\t100,00
\t\tJumlah kegiatan sosialisasi pemilih\tKegiatan\t24\t22\t91,67
"""


def test_indicators_under_a_vertically_merged_sasaran_are_rows_of_their_own(
    tmp_path: Path,
) -> None:
    ctx, findings = _open(tmp_path, MERGED_SASARAN)
    rows = ctx.rows.capaian
    assert [(r.target, r.realisasi, r.capaian) for r in rows] == [
        (77.5, 78.42, 101.19),
        (77.5, 62.12, 80.15),
        (100.0, 100.0, 100.0),
        (24.0, 22.0, 91.67),
    ]
    assert not [f for f in findings if f.rule in {"CAP001", "CAP002"}]


def test_a_misprinted_capaian_under_a_merged_sasaran_is_found(tmp_path: Path) -> None:
    _ctx, findings = _open(tmp_path, MERGED_SASARAN.replace("\t91,67", "\t96,17"))
    assert [(f.rule, f.stated) for f in findings if f.rule == "CAP001"] == [("CAP001", "96,17")]


# pdftotext breaks the header words of narrow columns over two lines ("Realisas" / "i 2024").
BROKEN_HEADER = """\
Tabel 3.1 Capaian Kinerja Tahun 2024

No\tIndikator Kinerja\tSatuan\tRealisas\tTarge\tRealisas\tCapaian
\t\t\ti 2023\tt 2024\ti 2024\t2024 (%)
1\tPersentase tahapan sesuai jadwal\t%\t100\t100\t100\t100,00
2\tJumlah kegiatan sosialisasi pemilih\tKegiatan\t18\t24\t22\t91,67
"""


def test_a_capaian_table_whose_header_words_are_broken_is_read(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, BROKEN_HEADER)
    assert [(r.target, r.realisasi) for r in ctx.rows.capaian] == [(100.0, 100.0), (24.0, 22.0)]
    assert not [f for f in findings if f.rule in {"CMP007", "CAP002"}]
