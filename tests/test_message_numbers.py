"""Numbers in messages (issue 9.5): computed values Indonesian, printed values quoted as printed.

The check is :func:`tests.message_check.problems`. It runs on every finding of every rule over
the bundled report and damaged layout renders (here), every YAML rule case
(``tests/rules/test_cases.py``) and every corpus report, consistent and with each injected
defect (``tests/corpus/test_corpus.py``), where those runs already audit the text.

Findings' ``stated``/``expected`` keep their contract (strings, written the report's way):
only messages are prose for people.
"""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.model import AuditContext, Finding
from tests.corpus.layouts.report import render as layout_render
from tests.golden.update import SOURCE
from tests.message_check import check, normal, problems, split_quotes


def _audit_text(text: str, **kwargs: object) -> tuple[AuditContext, list[Finding]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text(text, encoding="utf-8")
        ctx = audit.open(path, **kwargs)  # type: ignore[arg-type]
        return ctx, audit.run_rules(ctx)


@cache
def _bundled() -> tuple[AuditContext, list[Finding]]:
    ctx = audit.open(SOURCE, satker="656532", year=2024)
    return ctx, audit.run_rules(ctx)


def test_bundled_report_messages() -> None:
    ctx, found = _bundled()
    assert check(ctx, found, "bundled") == []


@pytest.mark.parametrize("seed", [0, 1])
def test_damaged_layout_render_messages(seed: int) -> None:
    ctx, found = _audit_text(layout_render(seed, damaged=True).text)
    assert check(ctx, found, f"layout seed {seed} damaged") == []


def test_the_messages_checked_are_full_of_numbers() -> None:
    """The check must meet figures (computed and quoted), or passing would prove nothing."""
    _, found = _bundled()
    outside = [split_quotes(f.message)[1] for f in found]
    computed = [o for o in outside if re.search(r"\d{1,3}(?:\.\d{3})+|\d+,\d+%", o)]
    quoted = [f for f in found if any(re.search(r"\d", s) for s in split_quotes(f.message)[0])]
    assert len(computed) >= 10 and len(quoted) >= 20, (len(computed), len(quoted))


# The checker itself: each kind of fault is caught, and what is not a figure is left alone.
_REPORT = normal(
    "realisasi 112,500,108.073 (99.65%)\tpagu 122.924.284.000\n"
    "Rencana Strategis Tahun 2015-2019\t1.0 Lembaga\n"
)


def _finding(message: str, stated: str | None = None, evidence: str | None = None) -> Finding:
    from lkj_audit.model import Category, Location, Severity

    return Finding(
        rule="TST001",
        name="test.rule",
        category=Category.ARITHMETIC,
        severity=Severity.ERROR,
        location=Location(line=1),
        message=message,
        stated=stated,
        evidence=evidence if evidence is not None else _REPORT,
    )


@pytest.mark.parametrize(
    ("message", "stated", "fault"),
    [
        ("hasil hitung ulang 90,175.84%", None, "English-format number '90,175.84'"),
        ("hasil hitung ulang 91.52%", None, "English-format number '91.52'"),
        ("realisasi 1.0 Lembaga", None, "English-format number '1.0'"),
        ("selisih 10,000,000,000", None, "English-format number '10,000,000,000'"),
        ("pagu 122.924.284.000 tidak cocok", None, "printed figure '122.924.284.000'"),
        ("persentase (99.65%) salah", None, "English-format number '99.65'"),
        ("tertulis 2015-2019, seharusnya 2020-2024", "2015-2019", "stated value '2015-2019'"),
        ('hasil hitung ulang "91,52%"', None, "quoted '91,52%' is not printed so"),
        ('realisasi "112.500.108.073"', None, "quoted '112.500.108.073' is not printed so"),
        ('teks "tanpa penutup 12', None, "an opening quote is never closed"),
    ],
)
def test_checker_catches(message: str, stated: str | None, fault: str) -> None:
    found = problems(_finding(message, stated), _REPORT)
    assert any(p.startswith(fault) for p in found), found


@pytest.mark.parametrize(
    "message",
    [
        'realisasi "112,500,108.073" dibagi pagu "122.924.284.000" = 91,52%',
        "jumlah rinciannya Rp140.823.725.718 (selisih -Rp28.323.617.645)",
        "Indikator 6709.QGE.001 (baris 841) pada Tabel 3.1, kode DIPA-076.01.2.656532/2015",
        "NIP 197909312007012001 lahir 31.12.1979, TMT 01-04-2018, tahun 2024 (ke-5)",
        'Periode Renstra tertulis "2015-2019" ("Rencana Strategis Tahun 2015-2019")',
        "rasio 0,57 kali penduduk, 554.561 pemilih, capaian di bawah 100%",
        "satuan “1.0 Lembaga” dan teks “Rencana Strategis Tahun 2015-2019”",
        "kode wilayah tidak disebut; 14 RO; 3 dari 10 indikator",
    ],
)
def test_checker_leaves_alone(message: str) -> None:
    assert problems(_finding(message, stated="2015-2019"), _REPORT) == []
