"""Helpers shared by several rules of this family; registers no rules.

Used by STR002, STR003, STR004.
"""

from __future__ import annotations

import re

from lkj_audit.load.document import Document

_PK_RE = re.compile(r"(?i)perjanjian\s+kinerja|penetapan\s+kinerja")


def _last_line(doc: Document) -> int | None:
    return max((i for i, t in enumerate(doc.lines, 1) if t.strip()), default=None)
