"""The chapters rules look in: the Penutup, the summary chapters, chapters by key.

The closing chapter is whichever level-1 chapter is titled PENUTUP, else BAB IV (a report
whose Penutup is BAB V numbers its chapters differently, DOMAIN.md §1.2).
"""

from __future__ import annotations

from collections.abc import Iterable

from lkj_audit.load.document import Document, Section


def closing_chapters(doc: Document) -> list[Section]:
    """The Penutup: every chapter titled PENUTUP, else BAB IV (empty when neither exists)."""
    level1 = [s for s in doc.sections if s.level == 1]
    return [s for s in level1 if "PENUTUP" in s.title.upper()] or [
        s for s in level1 if s.key == "bab4"
    ]


def penutup(doc: Document) -> Section | None:
    """The first closing chapter, if any."""
    found = closing_chapters(doc)
    return found[0] if found else None


def summary_chapters(doc: Document) -> list[Section]:
    """The Ikhtisar Eksekutif and the Penutup, where a report states its headline figures."""
    ikhtisar = [s for s in doc.sections if s.level == 1 and s.key == "ikhtisar"]
    return ikhtisar + closing_chapters(doc)


def chapters(doc: Document, keys: Iterable[str]) -> list[Section]:
    """The chapters of ``doc`` with these keys that are present."""
    return [s for k in keys if (s := doc.chapter(k)) is not None]
