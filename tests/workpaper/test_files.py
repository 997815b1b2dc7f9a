"""lhr.docx and findings.xlsx, reopened with their own libraries; the print stylesheet."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import openpyxl

from lkj_audit import audit
from lkj_audit.model import AuditContext, Finding, Review
from lkj_audit.render.html_export import css
from lkj_audit.workpaper import lhr, xlsx
from lkj_audit.workpaper.review import ReviewFile


def _decided(seed_ctx: AuditContext, seed_findings: list[Finding]) -> dict[str, object]:
    """The seed's findings document with three decisions and a reviewer."""
    status = {"PML001": "diterima", "IDN001": "ditolak", "PER003": "ditindaklanjuti"}
    found = [
        dataclasses.replace(
            f,
            review=Review(
                status=status[f.rule], note=f"catatan {f.rule}", by="Rina", date="2025-02-10"
            ),
        )
        if f.rule in status
        else f
        for f in seed_findings
    ]
    ctx = dataclasses.replace(
        seed_ctx,
        options={
            **seed_ctx.options,
            "review": ReviewFile(reviewer={"name": "Rina Reviewer", "nip": "198501012010012001"}),
        },
    )
    return audit.payload(ctx, found)


def test_lhr_docx_holds_accepted_findings_and_the_reviewer(
    tmp_path: Path, seed_ctx: AuditContext, seed_findings: list[Finding]
) -> None:
    data = _decided(seed_ctx, seed_findings)
    path = lhr.write(tmp_path / "lhr.docx", data)
    doc = docx.Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    for heading in ("A. Dasar Reviu", "C. Ruang Lingkup", "D. Hasil Reviu", "E. Saran"):
        assert heading in text
    assert "PermenPANRB Nomor 53 Tahun 2014" in text.replace("Menteri PANRB", "PermenPANRB")
    assert "KPU Kabupaten Ogan Komering Ilir" in text
    pml = next(f for f in seed_findings if f.rule == "PML001")
    idn = next(f for f in seed_findings if f.rule == "IDN001")
    assert pml.message in text  # accepted: in the results
    assert "status: ditindaklanjuti" in text
    assert idn.message not in text  # rejected: not in the LHR
    assert "masalah lain belum diputuskan" in text
    assert "Rina Reviewer" in cells and "NIP 198501012010012001" in cells


def test_findings_xlsx_one_filterable_sheet_with_decisions(
    tmp_path: Path, seed_ctx: AuditContext, seed_findings: list[Finding]
) -> None:
    data = _decided(seed_ctx, seed_findings)
    data["findings"][0]["message"] = '=HYPERLINK("x")\x01 teks dari laporan'  # data, not a formula
    wb = openpyxl.load_workbook(xlsx.write(tmp_path / "findings.xlsx", data))
    assert wb.sheetnames == ["Temuan"]
    ws = wb["Temuan"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["No", "Kelompok", "Sidik jari", "Aturan"] and "Status" in header
    assert ws.max_row == len(seed_findings) + 1
    assert ws.auto_filter.ref == f"A1:U{len(seed_findings) + 1}"
    assert ws.freeze_panes == "A2"
    rows = {
        r[2]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    pml = next(f for f in seed_findings if f.rule == "PML001")
    assert rows[pml.fingerprint]["Status"] == "diterima"
    assert rows[pml.fingerprint]["Catatan reviewer"] == "catatan PML001"
    assert rows[pml.fingerprint]["Tertulis"] == "556.561"
    first = ws.cell(row=2, column=header.index("Uraian") + 1)
    assert first.data_type == "s" and first.value.startswith("=HYPERLINK")
    assert {r["Kelompok"] for r in rows.values()} == {f.group for f in seed_findings}


def test_print_stylesheet() -> None:
    sheet = css()
    assert "@page{size:A4" in sheet
    printed = sheet[sheet.index("@media print") :]
    assert "h2{break-before:page" in printed
    assert ".signoff-page{break-before:page" in printed
