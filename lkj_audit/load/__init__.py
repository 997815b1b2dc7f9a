"""Readers: a report file in, a :class:`~lkj_audit.load.document.Document` and typed tables out."""

from __future__ import annotations

from pathlib import Path

from lkj_audit.errors import (
    BinaryFileError,
    EmptyReportError,
    NotAReportError,
    ReportNotFoundError,
    UnsupportedFormatError,
)
from lkj_audit.fsutil import sha256_file
from lkj_audit.load.document import Document
from lkj_audit.load.markdown import bar_tables_to_tabs, is_markdown, markdown_to_text
from lkj_audit.load.plain_tables import (
    has_pandoc_tables,
    pandoc_tables_to_tabs,
    quoted_cells_joined,
)
from lkj_audit.load.text_reader import read_text

_TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read_document(path: str | Path) -> Document:
    """Read a report (plain-text extraction, PDF or DOCX) into the document model.

    Raises :class:`InputFileError` with what to fix when the file cannot be read.
    """
    p = Path(path)
    suffix = _check_file(p)
    if suffix == ".pdf":
        from lkj_audit.load.pdf_reader import pdf_to_text

        text = pdf_to_text(p)
    elif suffix == ".docx":
        from lkj_audit.load.docx_reader import docx_to_text

        text = docx_to_text(p)
    else:
        text = _read_text_file(p)
        if '"' in text and "\t" in text:
            text = quoted_cells_joined(text)  # Word's plain text: a cell of paragraphs quoted
        if has_pandoc_tables(text):
            text = pandoc_tables_to_tabs(text)  # pandoc -t plain: simple and grid tables
        if is_markdown(text):
            text = markdown_to_text(text)  # a PDF-to-Markdown conversion (docling, marker)
    if "|" in text:
        text = bar_tables_to_tabs(text)  # tables drawn with bars (OCR of ruled tables)
    _require_text(p, text)
    doc = read_text(text, source=str(p))
    doc.sha256 = sha256_file(p)  # of the file as received, as batch.json and stamps record it
    if not doc.sections and not doc.tables:
        raise NotAReportError(
            f"{p}: no LKj structure found (no chapter headings such as 'BAB I', no tables). "
            "Is this a Laporan Kinerja?"
        )
    return doc


def precheck(path: str | Path) -> None:
    """Raise the reader's own error when ``path`` certainly cannot be read; else nothing.

    Cheap (milliseconds, no layout analysis, no parsing of the LKj structure) so that a
    batch can refuse broken reports before any kernel starts: missing file, unsupported
    type, empty or binary text, a PDF that does not open, a DOCX that is no ZIP package.
    Passing is no promise that :func:`read_document` succeeds.
    """
    p = Path(path)
    suffix = _check_file(p)
    if suffix == ".pdf":
        from lkj_audit.load.pdf_reader import check_opens

        check_opens(p)
    elif suffix == ".docx":
        from lkj_audit.load.docx_reader import check_package

        check_package(p)
    else:
        _require_text(p, _read_text_file(p))


def _check_file(p: Path) -> str:
    """The report's (lower-case) suffix, once it is an existing file of a supported type."""
    if not p.exists():
        raise ReportNotFoundError(f"{p}: file not found. Check the path of the report.")
    if p.is_dir():
        raise ReportNotFoundError(
            f"{p}: is a folder, not a report file. Point to the .txt/.pdf/.docx."
        )
    suffix = p.suffix.lower()
    if suffix not in {".pdf", ".docx", *_TEXT_SUFFIXES} and suffix:
        raise UnsupportedFormatError(
            f"{p}: unsupported file type '{suffix}'. Use a .txt text extraction, a .pdf or a .docx."
        )
    return suffix


def _require_text(p: Path, text: str) -> None:
    if not text.strip():
        raise EmptyReportError(f"{p}: the file is empty (no text could be extracted).")


def _read_text_file(p: Path) -> str:
    data = p.read_bytes()
    if b"\x00" in data[:4096]:
        raise BinaryFileError(f"{p}: looks like a binary file, not a text extraction.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
