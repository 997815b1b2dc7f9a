"""Parity: a report written in Word and exported to PDF by LibreOffice reads like its text.

The report (``word_lkj``) is the corpus builder's consistent report laid out as satker lay out
their LKj: bordered tables with repeated header rows, merged sasaran/group/total cells, a
running header and "Halaman N dari M" footer, headings and a Daftar Isi. Its DOCX and its PDF
must give the same typed tables (value for value, as written to CSV) and the same findings
(rule, severity, place) as its text extraction; the consistent one gives no error or warning.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.model import Finding
from tests.load.word_lkj import DEFECTS, WordMade

pytestmark = [pytest.mark.soffice, pytest.mark.slow]

FORMATS = ("docx", "pdf")
# Columns that say where a value was printed, not what it is: source lines and the printed
# line itself differ between a text extraction and a Word file (merged cells, page breaks).
_PLACE_COLUMNS = ("line", "evidence", "source")
_CACHE: dict[tuple[str, str], tuple[AuditContext, list[Finding]]] = {}


def _audited(made: WordMade, form: str) -> tuple[AuditContext, list[Finding]]:
    key = (made.name, form)
    if key not in _CACHE:
        ctx = audit.open(getattr(made, form))
        _CACHE[key] = (ctx, audit.run_rules(ctx))
    return _CACHE[key]


def _values(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as CSV text, places left out; "closes" as row positions, not lines."""
    keep = [c for c in frame.columns if not any(p in c.lower() for p in _PLACE_COLUMNS)]
    rows = frame[keep].astype(str).to_dict("records")
    if "closes" in frame.columns:
        position = {str(line): str(k) for k, line in enumerate(frame["line"])}
        for row in rows:
            row["closes"] = ",".join(
                position.get(n, "?" + n) for n in row["closes"].split(",") if n
            )
    return rows


def _places(findings: list[Finding]) -> list[tuple[str, ...]]:
    out = []
    for f in findings:
        loc = f.location
        out.append(
            (
                f.rule,
                f.severity.value,
                str(loc.section or ""),
                str(loc.table or ""),
                str(loc.row or ""),
                str(loc.column or ""),
            )
        )
    return sorted(out)


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("name", ["consistent", "damaged"])
def test_typed_tables_equal_the_text_extraction(
    word_made: dict[str, WordMade], name: str, form: str
) -> None:
    made = word_made[name]
    text_ctx, _ = _audited(made, "text")
    ctx, _ = _audited(made, form)
    assert (ctx.satker, ctx.year) == (text_ctx.satker, text_ctx.year)
    expected, got = text_ctx.tables.frames(), ctx.tables.frames()
    assert len(expected["anggaran"]) >= 14 and len(expected["pemilih"]) >= 3 * 25
    for table, frame in expected.items():
        assert _values(got[table]) == _values(frame), f"{form}: table {table} differs"


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("name", ["consistent", "damaged"])
def test_findings_equal_the_text_extraction(
    word_made: dict[str, WordMade], name: str, form: str
) -> None:
    made = word_made[name]
    _, expected = _audited(made, "text")
    _, got = _audited(made, form)
    assert _places(got) == _places(expected)


@pytest.mark.parametrize("form", ("text", *FORMATS))
def test_consistent_report_has_no_error_or_warning(
    word_made: dict[str, WordMade], form: str
) -> None:
    _, found = _audited(word_made["consistent"], form)
    serious = [
        f"{f.rule} {f.severity.value} l.{f.location.line}: {f.message}"
        for f in found
        if f.severity.value != "info" and f.category in ("arithmetic", "cross_table", "narrative")
    ]
    assert serious == []


@pytest.mark.parametrize("form", ("text", *FORMATS))
def test_every_injected_defect_is_found(word_made: dict[str, WordMade], form: str) -> None:
    from tests.corpus.injections import INJECTIONS

    _, found = _audited(word_made["damaged"], form)
    rules = {f.rule for f in found if f.severity.value != "info"}
    assert {INJECTIONS[d].rule for d in DEFECTS} <= rules


def test_the_word_file_really_has_what_word_files_have(word_made: dict[str, WordMade]) -> None:
    """The DOCX carries the features under test, and the PDF shows them as printed."""
    import zipfile

    import pdfplumber

    made = word_made["consistent"]
    with zipfile.ZipFile(made.docx) as z:
        body = z.read("word/document.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    assert "<w:tblHeader/>" in body and 'w:val="restart"' in body and "<w:gridSpan" in body
    assert "NUMPAGES" in footer and "PAGE" in footer
    with pdfplumber.open(made.pdf) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    n = len(pages)
    assert n >= 8
    assert all(f"Halaman {k} dari {n}" in t for k, t in enumerate(pages, 1))
    # A voter table runs over a page break: its header is printed again above row k > 1.
    continued = [
        m.group(1)
        for t in pages
        for m in re.finditer(r"No Kecamatan LK PR JUMLAH\n(\d+) ", t)
        if m.group(1) != "1"
    ]
    assert continued


def _running_text(form: str, made: WordMade) -> list[str]:
    from lkj_audit.load.docx_reader import docx_to_text
    from lkj_audit.load.pdf_reader import pdf_to_text

    read = {
        "text": lambda p: p.read_text(encoding="utf-8"),
        "docx": docx_to_text,
        "pdf": pdf_to_text,
    }
    text = read[form](getattr(made, form))
    return [ln for ln in text.splitlines() if ln.strip() and "\t" not in ln]


def test_pdf_page_furniture_is_dropped(word_made: dict[str, WordMade]) -> None:
    """ "Halaman N dari M" footers and the running title never reach the text."""
    lines = _running_text("pdf", word_made["consistent"])
    assert not [ln for ln in lines if re.match(r"Halaman \d+ dari \d+$", ln)]
    assert "Laporan Kinerja KPU Kabupaten Mekar Jaya Tahun 2024" not in lines


@pytest.mark.parametrize("form", FORMATS)
def test_running_text_equals_the_text_extraction(word_made: dict[str, WordMade], form: str) -> None:
    """Paragraphs, headings, signature and Daftar Isi read as in the text, line for line."""
    made = word_made["consistent"]
    assert _running_text(form, made) == _running_text("text", made)
