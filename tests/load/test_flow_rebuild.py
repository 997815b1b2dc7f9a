"""Tables plain ``pdftotext`` prints column by column: rebuilt when certain, else unread (issue 7).

The reports are written in Word (python-docx), exported to PDF by LibreOffice and extracted
by a real ``pdftotext`` without ``-layout`` (see ``word_flow``); one more is made by reportlab,
whose tables pdftotext prints one cell per block. The ``-layout`` text of the
same PDF is the reference: a rebuilt table must type to the same rows and give the same
arithmetic findings; a table whose counts leave a doubt stays unread (RDG002) and accuses
nothing.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.load.flow_rebuild import REBUILT_NOTE, is_header_cell
from lkj_audit.model import Finding
from tests.load.word_flow import BAD_CAPAIAN, BAD_ROW, BAD_SERAPAN, LONG_BAD_TOTAL, make
from tests.load.word_lkj import WordMade, soffice

_JUDGED = ("arithmetic", "cross_table", "narrative")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Plain and ``-layout`` pdftotext of each report, by kind."""
    exe = shutil.which("pdftotext")
    if soffice() is None or exe is None:
        pytest.skip("LibreOffice (soffice) and pdftotext (poppler-utils) are needed")
    out: dict[str, tuple[Path, Path]] = {}
    for kind, pdf in make(tmp_path_factory.mktemp("flow")).items():
        plain, layout = pdf.with_suffix(".plain.txt"), pdf.with_suffix(".layout.txt")
        subprocess.run([exe, str(pdf), str(plain)], check=True, timeout=60)
        subprocess.run([exe, "-layout", str(pdf), str(layout)], check=True, timeout=60)
        out[kind] = (plain, layout)
    return out


def _audited(path: Path) -> tuple[AuditContext, list[Finding]]:
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


def _judged(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted(
        (f.rule, f.severity.value, str(f.stated))
        for f in findings
        if f.category.value in _JUDGED and f.severity.value != "info"
    )


# Typed table, the columns the rebuild leaves empty (wrapped cells), what the defect prints.
READ: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "clean": ("pemilih", (), BAD_ROW[-1]),
    "budget_kode": ("anggaran", ("uraian", "program"), BAD_SERAPAN),
    "capaian": ("capaian", (), BAD_CAPAIAN),
    "long": ("pemilih", (), LONG_BAD_TOTAL),
    "numbered": ("pemilih", (), None),
}


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(READ))
def test_a_table_printed_column_by_column_types_like_its_layout_form(
    extracted: dict[str, tuple[Path, Path]], kind: str
) -> None:
    name, left_empty, defect = READ[kind]
    plain, layout = extracted[kind]
    (ctx, found), (want_ctx, want_found) = _audited(plain), _audited(layout)
    assert not ctx.doc.unread_tables
    [table] = ctx.doc.tables
    assert table.kind == name and REBUILT_NOTE in table.doubts
    skip = {"table", "line", "evidence", "closes", *left_empty}
    got, want = getattr(ctx.tables, name), getattr(want_ctx.tables, name)
    keep = [c for c in want.columns if c not in skip]
    assert len(got) == len(want) >= 3
    assert got[keep].astype(str).to_dict("records") == want[keep].astype(str).to_dict("records")
    # The same defects, found on the row that prints the wrong figure, and nothing else.
    assert _judged(found) == _judged(want_found)
    if defect is None:
        assert _judged(found) == []
    else:
        [bad] = [r for r in table.rows if defect in r.cells]
        assert any(f.location.line in bad.lines for f in found if f.severity.value == "error")
    for reading in ctx.reading:
        assert reading.confidence == "high" and REBUILT_NOTE in reading.notes


WHY_UNREAD = {
    "wrapped": "sel terlipat dan tidak ada kolom teks lain yang menamai baris",
    "gap": "jumlah sel per kolom tidak cocok dengan jumlah baris",
    "budget_no": "sel terlipat dan tidak ada kolom teks lain yang menamai baris",
}


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(WHY_UNREAD))
def test_a_table_whose_counts_leave_a_doubt_stays_unread(
    extracted: dict[str, tuple[Path, Path]], kind: str
) -> None:
    """Wrapped names with no other column to name the rows, or a column one cell short
    (pdftotext skips an empty cell): which figure belongs to which row is not certain."""
    plain, layout = extracted[kind]
    ctx, found = _audited(plain)
    assert not ctx.doc.tables
    [unread] = [f for f in found if f.rule == "RDG002"]
    assert "tidak dapat disusun ulang dengan pasti: " + WHY_UNREAD[kind] in unread.message
    assert _judged(found) == []
    # The -layout form of the same PDF does read it: the table is there to be read.
    assert audit.open(layout).doc.tables


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("Kode", True),
        ("Pagu (Rp)", True),
        ("Nama / NIP", True),
        ("Realisasi 2024", True),
        ("Jumlah", True),
        ("Mekarsari", False),
        ("12.105", False),
        ("Tabel 3.1 Daftar Pemilih", False),
        ("Persentase laporan yang disusun tepat waktu sesuai jadwal", False),
    ],
)
def test_header_cells_are_column_labels_alone(text: str, header: bool) -> None:
    assert is_header_cell(text) is header


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("name", ["consistent", "damaged"])
def test_plain_pdftotext_of_a_whole_word_report_accuses_nothing_its_layout_form_does_not(
    word_made: dict[str, WordMade], name: str
) -> None:
    """The corpus report written in Word: its tables are printed row by row with numbers,
    codes and wrapped names interleaved (no rebuild is certain), so they stay unread; what
    the plain form does report, the -layout form of the same PDF reports too."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    pdf = word_made[name].pdf
    plain, layout = pdf.with_suffix(".plain.txt"), pdf.with_suffix(".flow-layout.txt")
    subprocess.run([exe, str(pdf), str(plain)], check=True, timeout=60)
    subprocess.run([exe, "-layout", str(pdf), str(layout)], check=True, timeout=60)
    (_, found), (_, want) = _audited(plain), _audited(layout)
    assert set(_judged(found)) <= set(_judged(want))
    if name == "consistent":
        assert _judged(found) == []
    assert any(f.rule == "RDG002" for f in found)


def test_a_reportlab_table_printed_cell_by_cell_is_rebuilt(
    lkj_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    """pdftotext prints a reportlab table one cell per block, row by row: the budget (its
    "Jumlah" merged over No and Rincian, printed after the row's figures) is rebuilt and its
    two planted defects found as in the -layout form; the capaian, DPS and DPT tables run into
    each other (the DPT caption printed after its table) and stay unread."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    pdf = lkj_pdf(errors=True)
    plain, layout = tmp_path / "plain.txt", tmp_path / "layout.txt"
    subprocess.run([exe, str(pdf), str(plain)], check=True, timeout=60)
    subprocess.run([exe, "-layout", str(pdf), str(layout)], check=True, timeout=60)
    (ctx, found), (_, want) = _audited(plain), _audited(layout)
    assert [t.kind for t in ctx.doc.tables] == ["anggaran"]
    assert [r.is_total for r in ctx.doc.tables[0].rows] == [False, False, False, True]
    assert {f[0] for f in _judged(found)} == {"ANG001", "ANG004"}
    assert set(_judged(found)) <= set(_judged(want))
    assert [f.rule for f in found if f.rule == "RDG002"] == ["RDG002"]
