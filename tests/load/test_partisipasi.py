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


def test_lk_pr_split_is_left_to_the_voter_tables(tmp_path: Path) -> None:
    """Voters who used their right, split L | P | Jumlah, are read as a voter table: there
    PML001 checks L + P = Jumlah on every row, which a participation table does not."""
    ctx = _open(tmp_path, _SPLIT)
    # only its printed rates are read as participation, on the L + P columns
    assert {r.sex for r in ctx.rows.partisipasi} == {"L+P"}
    assert [r.pct for r in ctx.rows.partisipasi] == [80.0, 85.18, 81.94]
    assert ctx.rows.pemilih
    findings = audit.run_rules(ctx)
    assert not [f for f in findings if f.rule.startswith("PML") and f.severity.value != "info"]


def test_split_lk_pr_with_a_wrong_jumlah_is_found(tmp_path: Path) -> None:
    ctx = _open(tmp_path, _SPLIT.replace("| 25.555 |", "| 25.565 |"))
    findings = audit.run_rules(ctx)
    assert {f.rule for f in findings if f.severity.value == "error"} & {"PML001", "PML002"}


def test_split_without_a_jumlah_column_gives_no_error(tmp_path: Path) -> None:
    ctx = _open(tmp_path, _SPLIT_NO_TOTAL_COLUMN)
    findings = audit.run_rules(ctx)
    assert not [f for f in findings if f.rule.startswith("PML") and f.severity.value != "info"]


# "DPT", "Pengguna Hak Pilih" and "Partisipasi (%)" each over L | P | Jumlah (two header rows).
_SPLIT_RATES = (
    "\n".join(
        "\t".join(c.strip() for c in line.split("|"))
        for line in (
            "Partisipasi pemilih per kecamatan pada Pemilu 2024:",
            "No | Kecamatan | DPT | | | Pengguna Hak Pilih | | | Partisipasi (%) | |",
            " | | L | P | Jumlah | L | P | Jumlah | L | P | Jumlah",
            "1 | Tegal Barat | 25.000 | 25.000 | 50.000 | 20.000 | 20.000 | 40.000 | 80,00 | 80,00"
            " | 80,00",
            "2 | Tegal Timur | 15.000 | 15.000 | 30.000 | 12.000 | 13.555 | 25.555 | 80,00 | 90,37"
            " | 85,18",
            "Jumlah | | 40.000 | 40.000 | 80.000 | 32.000 | 33.555 | 65.555 | 80,00 | 83,89"
            " | 81,94",
        )
    )
    + "\n"
)


def test_rates_split_lk_pr_are_no_voters_and_each_is_recomputed(tmp_path: Path) -> None:
    """The "Partisipasi (%)" L | P | Jumlah columns are rates: no L + P = Jumlah on them
    (PML001 would say 80,00 + 80,00 is no 80,00); each sex's rate is recomputed (PML003)."""
    ctx = _open(tmp_path, _SPLIT_RATES)
    assert {r.sex for r in ctx.rows.partisipasi} == {"L", "P", "L+P"}
    assert all(r.lk is None or r.lk >= 1000 for r in ctx.rows.pemilih)  # no rate read as voters
    findings = audit.run_rules(ctx)
    assert not [f for f in findings if f.rule.startswith("PML") and f.severity.value != "info"]


def test_a_misprinted_rate_of_one_sex_is_found(tmp_path: Path) -> None:
    ctx = _open(tmp_path, _SPLIT_RATES.replace("\t90,37\t", "\t90,73\t"))
    errors = [f for f in audit.run_rules(ctx) if f.severity.value == "error"]
    assert [(f.rule, f.stated, f.expected) for f in errors] == [("PML003", "90,73", "90,37%")]
    assert "perempuan" in errors[0].message
