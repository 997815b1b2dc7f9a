"""``--previous`` as a user gives it: check and run, bad input, the HTML section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lkj_audit.fsutil import sha256_file
from tests.conftest import SEED
from tests.helpers import run_cli

pytestmark = pytest.mark.process


def test_check_with_previous_adds_the_comparison(previous_report: Path) -> None:
    proc = run_cli("check", str(SEED), "--previous", str(previous_report))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["comparison"]["previous"] == {
        "year": 2023,
        "source_sha256": sha256_file(previous_report),
        "satker": "KPU Kabupaten Ogan Komering Ilir",
        "satker_code": "656532",
        "path": str(previous_report),
        "origin": "laporan",
    }
    kinds = {i["kind"] for i in data["comparison"]["items"]}
    assert kinds == {"anggaran", "capaian", "pemilih", "pegawai"}
    text = run_cli("check", str(SEED), "--previous", str(previous_report), "--format", "text")
    assert "dibandingkan dengan tahun 2023" in text.stdout and "PPNPN: 7 → 8 (naik)" in text.stdout


@pytest.mark.parametrize("command", ["check", "run"])
def test_bad_previous_is_one_bahasa_line_and_exit_2(tmp_path: Path, command: str) -> None:
    binary = tmp_path / "lalu.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    for previous, words in (
        (tmp_path / "tidak-ada.txt", "tidak ditemukan"),
        (binary, "bukan teks"),
        (SEED, "bukan tahun sebelum 2024"),
    ):
        proc = (
            run_cli(command, str(SEED), "--out", str(tmp_path / "out"), "--previous", str(previous))
            if command == "run"
            else run_cli(command, str(SEED), "--previous", str(previous))
        )
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("lkj-audit: error: --previous ")
        assert words in lines[0] and "Traceback" not in proc.stderr
        assert str(previous) in lines[0]


@pytest.mark.notebook
def test_run_with_previous_writes_the_comparison_section(
    previous_report: Path, tmp_path: Path
) -> None:
    proc = run_cli("run", str(SEED), "--out", str(tmp_path), "--previous", str(previous_report))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "2024" / "656532"
    data = json.loads((out / "findings.json").read_text("utf-8"))
    assert data["comparison"]["previous"]["year"] == 2023
    html = (out / "audit.html").read_text("utf-8")
    assert "Perbandingan dengan tahun sebelumnya" in html
    row = next(i for i in data["comparison"]["items"] if i["key"] == "6709.QGE.007")
    assert row["previous"] == 50 and "+50,00 poin" in html
    # Last year's run folder works as --previous too (what a batch uses).
    again = run_cli("check", str(SEED), "--previous", str(out))
    assert again.returncode == 2 and "bukan tahun sebelum 2024" in again.stderr
