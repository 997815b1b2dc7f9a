"""The Daftar Isi: each entry's heading and printed page (checks R-X02)."""

from __future__ import annotations

import re

from lkj_audit.load.document import Document
from lkj_audit.load.schema import Field, Table, TableModel, validate

_ROMAN_RE = re.compile(r"^[ivxlc]+$", re.I)


class TocSchema(TableModel):
    """One Daftar Isi entry."""

    line: int
    heading: str
    page_raw: str
    page: float = Field(nullable=True)
    front_matter: bool


def load(doc: Document) -> Table:
    """Entries of the Daftar Isi, one per source line (see :class:`TocSchema`)."""
    section = doc.chapter("daftar_isi")
    records = []
    if section is not None:
        for ln in range(section.line + 1, section.end_line + 1):
            text = doc.lines[ln - 1]
            if "\t" not in text and not re.search(r"\.{3,}|…", text):
                continue
            parts = re.split(r"\t+|\.{3,}|…+", text.strip())
            heading = " ".join(parts[0].split())
            page_raw = parts[-1].strip() if len(parts) > 1 else ""
            if not heading:
                continue
            roman = bool(_ROMAN_RE.match(page_raw))
            records.append(
                {
                    "line": ln,
                    "heading": heading,
                    "page_raw": page_raw,
                    "page": float(page_raw) if page_raw.isdigit() else None,
                    "front_matter": roman,
                }
            )
    return validate(TocSchema, records)
