"""Readers: a report file in, a :class:`~lkj_audit.load.document.Document` and typed tables out."""

from __future__ import annotations

from pathlib import Path

from lkj_audit.errors import InputFileError
from lkj_audit.fsutil import sha256_file
from lkj_audit.load.document import Document
from lkj_audit.load.text_reader import read_text

_TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read_document(path: str | Path) -> Document:
    """Read a report (plain-text extraction, PDF or DOCX) into the document model.

    Raises :class:`InputFileError` with what to fix when the file cannot be read.
    """
    p = Path(path)
    if not p.exists():
        raise InputFileError(f"{p}: file not found. Check the path of the report.")
    if p.is_dir():
        raise InputFileError(f"{p}: is a folder, not a report file. Point to the .txt/.pdf/.docx.")
    suffix = p.suffix.lower()
    if suffix == ".pdf":
        from lkj_audit.load.pdf_reader import pdf_to_text

        text = pdf_to_text(p)
    elif suffix == ".docx":
        from lkj_audit.load.docx_reader import docx_to_text

        text = docx_to_text(p)
    elif suffix in _TEXT_SUFFIXES or not suffix:
        text = _read_text_file(p)
    else:
        raise InputFileError(
            f"{p}: unsupported file type '{suffix}'. Use a .txt text extraction, a .pdf or a .docx."
        )
    if not text.strip():
        raise InputFileError(f"{p}: the file is empty (no text could be extracted).")
    doc = read_text(text, source=str(p))
    doc.sha256 = sha256_file(p)  # of the file as received, as batch.json and stamps record it
    if not doc.sections and not doc.tables:
        raise InputFileError(
            f"{p}: no LKj structure found (no chapter headings such as 'BAB I', no tables). "
            "Is this a Laporan Kinerja?"
        )
    return doc


def _read_text_file(p: Path) -> str:
    data = p.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputFileError(f"{p}: looks like a binary file, not a text extraction.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
