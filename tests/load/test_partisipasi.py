"""Participation tables typed by header meaning (lkj_audit/load/partisipasi.py)."""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit

_SPLIT = (
    "Partisipasi pemilih per kecamatan pada Pemilu 2024:\n"
    "Kecamatan | DPT L | DPT P | DPT Jumlah | Pengguna Hak Pilih L | Pengguna Hak Pilih P"
    " | Pengguna Hak Pilih Jumlah | Partisipasi (%)\n"
    """\
Tegal Barat | 25.000 | 25.000 | 50.000 | 20.000 | 20.000 | 40.000 | 80,00
Tegal Timur | 15.000 | 15.000 | 30.000 | 12.000 | 13.555 | 25.555 | 85,18
Jumlah | 40.000 | 40.000 | 80.000 | 32.000 | 33.555 | 65.555 | 81,94
"""
)

_SPLIT_NO_TOTAL_COLUMN = """\
Partisipasi pemilih per kecamatan pada Pemilu 2024:
Kecamatan | DPT L | DPT P | Pengguna Hak Pilih L | Pengguna Hak Pilih P | Partisipasi (%)
Tegal Barat | 25.000 | 25.000 | 20.000 | 20.000 | 80,00
Tegal Timur | 15.000 | 15.000 | 12.000 | 13.555 | 85,18
Jumlah | 40.000 | 40.000 | 32.000 | 33.555 | 81,94
"""


def _open(tmp_path: Path, text: str) -> audit.AuditContext:
    path = tmp_path / "lkj.txt"
    path.write_text(text.replace(" | ", "\t"), encoding="utf-8")
    return audit.open(path, year=2024, satker_name="KPU Kota Tegal")


def test_lk_pr_split_reads_the_jumlah_columns(tmp_path: Path) -> None:
    ctx = _open(tmp_path, _SPLIT)
    rows = ctx.rows.partisipasi
    assert [(r.dpt, r.pengguna, r.pct, r.is_total) for r in rows] == [
        (50000, 40000, 80.0, False),
        (30000, 25555, 85.18, False),
        (80000, 65555, 81.94, True),
    ]
    assert not ctx.rows.pemilih  # the L/P sub-columns do not make it a voter table
    (reading,) = [r for r in ctx.reading if r.name == "partisipasi"]
    assert reading.confidence == "high"


def test_split_without_a_jumlah_column_is_low_confidence(tmp_path: Path) -> None:
    ctx = _open(tmp_path, _SPLIT_NO_TOTAL_COLUMN)
    (reading,) = [r for r in ctx.reading if r.name == "partisipasi"]
    assert reading.confidence == "low"
    assert any("tidak dapat dipastikan" in why for why in reading.reasons)
    findings = audit.run_rules(ctx)
    assert not [f for f in findings if f.rule.startswith("PML") and f.severity.value != "info"]
