"""Words present in a text, for cheap necessary tests before a case-insensitive pattern runs.

``(?i)`` patterns also match "İ"/"ı" as "i" and "ſ" as "s"; :func:`folded` maps those too, so
``"banding" not in folded(text)`` proves that no ``(?i)banding`` pattern can match ``text``.
"""

from __future__ import annotations

from lkj_audit.load.cellcache import cell_cache

# Letters that (?i) matches as an ASCII letter but str.lower() does not turn into one: "ı" and
# "ſ" stay, "İ" becomes "i" and a combining dot ("K", the Kelvin sign, becomes "k").
_ODD = (("\u0131", "i"), ("\u017f", "s"), ("i\u0307", "i"))


@cell_cache
def folded(text: str) -> str:
    """``text`` in lower case, with every letter ``(?i)`` reads as ASCII turned into it.

    Not offset-preserving ("İ"); only for "is this word in it?" tests. Memoised: the gated
    patterns of several rules ask it of the same sentences.
    """
    low = text.lower()
    if text.isascii():
        return low
    for odd, plain in _ODD:
        if odd in low:  # rare: a scan, not a copy
            low = low.replace(odd, plain)
    return low


def has_any(text: str, *words: str) -> bool:
    """Does ``text`` contain one of the lower-case ``words`` (case-insensitively)?"""
    low = folded(text)
    for w in words:  # a loop, not any(...): asked ~1,000 times per report
        if w in low:
            return True
    return False


def folded_same_length(low: str) -> str:
    """:func:`folded` of a text already in lower case without "i̇": offsets kept.

    Only "ı" and "ſ" are left to replace, one letter for one.
    """
    if low.isascii():
        return low
    return low.replace("\u0131", "i").replace("\u017f", "s")
