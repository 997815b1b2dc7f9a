"""Helpers shared by several rules of this family; registers no rules.

Used by PER002, PER003.
"""

from __future__ import annotations

import re

from lkj_audit.load.mentions.renstra import (
    RenstraMention,
)

_PERIOD_CONTEXT_RE = re.compile(
    r"(?i)penyusunan|menyusun|disusun|rancangan|\bakan\b|mendatang|berikutnya|selanjutnya|\bbaru\b|"
    r"sebelumnya|periode\s+lalu|evaluasi\s+akhir"
)


def _other_period_on_purpose(m: RenstraMention, dominant: tuple[int, int]) -> bool:
    """The next Renstra being prepared, or the previous one being evaluated, is not an error."""
    adjacent = m.start == dominant[1] + 1 or m.end == dominant[0] - 1
    return adjacent and bool(_PERIOD_CONTEXT_RE.search(m.sentence))
