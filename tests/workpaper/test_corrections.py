"""corrections.yaml: applied before the rules, stale ones reported, bad entries refused."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.errors import InputFileError
from lkj_audit.model import Finding
from tests.conftest import SEED
from tests.helpers import run_cli

SLIP = """\
corrections:
  - table: anggaran
    row: 6871.QGE.001
    column: realisasi
    from: "18.337.257.000"
    to: "18.337.257"
    reason: "Salah ketik ribuan; dikonfirmasi dengan LRA satker"
    by: "Rina Reviewer"
"""


def _report(tmp_path: Path, corrections: str | None) -> Path:
    report = tmp_path / SEED.name
    shutil.copy(SEED, report)
    if corrections is not None:
        (tmp_path / "corrections.yaml").write_text(corrections, encoding="utf-8")
    return report


def _places(found: list[Finding]) -> set[tuple[str, int | None, str | None]]:
    return {(f.rule, f.location.line, f.location.column) for f in found}


def test_correction_clears_the_slip_and_nothing_else(
    tmp_path: Path, seed_findings: list[Finding]
) -> None:
    report = _report(tmp_path, SLIP)
    before = hashlib.sha256(report.read_bytes()).hexdigest()
    ctx = audit.open(report)  # corrections.yaml in the report's folder is found by itself
    found = audit.run_rules(ctx)
    gone = _places(seed_findings) - _places(found)
    assert gone == {("ANG001", 921, "persentase realisasi"), ("ANG005", 921, "realisasi")}
    assert _places(found) - _places(seed_findings) <= {("ANG003", 874, "realisasi")}
    row = ctx.tables.anggaran[ctx.tables.anggaran.line == 921].iloc[0]
    assert (row.realisasi, row.realisasi_raw) == (18_337_257, "18.337.257")
    assert "18.337.257.000" in row.evidence  # evidence stays as printed
    assert hashlib.sha256(report.read_bytes()).hexdigest() == before  # source untouched
    (record,) = ctx.options["corrections"]
    assert record["applied"] is True and record["why_not"] is None
    assert record["reason"].startswith("Salah ketik") and record["by"] == "Rina Reviewer"
    assert (record["source_table"], record["line"]) == ("T25", 921)


def test_stale_correction_is_reported_not_applied(
    tmp_path: Path, seed_findings: list[Finding]
) -> None:
    stale = SLIP.replace('"18.337.257.000"', '"18.337.257.001"')
    ctx = audit.open(_report(tmp_path, stale))
    (record,) = ctx.options["corrections"]
    assert record["applied"] is False
    assert "tidak lagi memuat" in record["why_not"] and "18.337.257.000" in record["why_not"]
    assert _places(audit.run_rules(ctx)) == _places(seed_findings)


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("table: anggaran", "table: anggarann", "tabel 'anggarann' tidak dikenal"),
        ("row: 6871.QGE.001", "row: 9999.XYZ.001", "baris '9999.XYZ.001' tidak ditemukan"),
        ("column: realisasi", "column: realisasii", "kolom 'realisasii' tidak ada"),
        ("    by:", "    oleh:", "kunci tidak dikenal ['oleh']"),
        ('    to: "18.337.257"\n', "", "kunci wajib tidak ada ['to']"),
    ],
)
def test_bad_entry_is_a_clear_error_naming_it(
    tmp_path: Path, old: str, new: str, needle: str
) -> None:
    report = _report(tmp_path, SLIP.replace(old, new))
    with pytest.raises(InputFileError) as exc:
        audit.open(report)
    assert needle in str(exc.value)
    assert "koreksi ke-1" in str(exc.value)


def test_ambiguous_row_asks_for_a_line(tmp_path: Path) -> None:
    # the same indicator code is printed under two sasaran (XTB007 on the seed)
    wrong = SLIP.replace("table: anggaran", "table: capaian").replace(
        "row: 6871.QGE.001", "row: 3360.EBA.994"
    )
    with pytest.raises(InputFileError, match='gunakan row: "line:NOMOR"'):
        audit.open(_report(tmp_path, wrong))


def test_cli_check_with_corrections_file(tmp_path: Path) -> None:
    fixes = tmp_path / "elsewhere.yaml"
    fixes.write_text(SLIP.replace("row: 6871.QGE.001", 'row: "line:921"'), encoding="utf-8")
    proc = run_cli("check", str(SEED), "--corrections", str(fixes))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [c["applied"] for c in data["corrections"]] == [True]
    assert not [f for f in data["findings"] if f["location"].get("line") == 921]

    fixes.write_text("corrections:\n  - table: nope\n", encoding="utf-8")
    bad = run_cli("check", str(SEED), "--corrections", str(fixes))
    assert bad.returncode == 2 and bad.stdout == ""
    (line,) = bad.stderr.strip().splitlines()
    assert "koreksi ke-1" in line and "Traceback" not in bad.stderr

    fixes.write_text("corrections: [\n", encoding="utf-8")
    broken = run_cli("check", str(SEED), "--corrections", str(fixes))
    assert broken.returncode == 2 and "bukan YAML yang sah" in broken.stderr
