"""Helpers shared by several rules of this family; registers no rules.

Used by PER002, PER003.
"""

from __future__ import annotations

import re

from lkj_audit.load.mentions.renstra import (
    RenstraMention,
)

# The next Renstra is being prepared; the previous one is being looked back on. Preparing the
# previous one makes no sense: "disusun dengan mengacu pada Renstra 2015-2019" in a 2021
# report is the old period copied, not a plan in the making.
_NEXT_PERIOD_RE = re.compile(
    r"(?i)penyusunan|menyusun|disusun|rancangan|\bakan\b|mendatang|berikutnya|selanjutnya|\bbaru\b"
)
_PREVIOUS_PERIOD_RE = re.compile(
    r"(?i)sebelumnya|periode\s+lalu|evaluasi|\bcapaian\b|berakhir|\blalu\b"
)


def _other_period_on_purpose(m: RenstraMention, dominant: tuple[int, int]) -> bool:
    """The next Renstra being prepared, or the previous one being evaluated, is not an error."""
    if m.start == dominant[1] + 1:
        return bool(_NEXT_PERIOD_RE.search(m.sentence))
    if m.end == dominant[0] - 1:
        return bool(_PREVIOUS_PERIOD_RE.search(m.sentence))
    return False
