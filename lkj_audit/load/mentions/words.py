"""Words present in a text, for cheap necessary tests before a case-insensitive pattern runs.

``(?i)`` patterns also match "İ"/"ı" as "i" and "ſ" as "s"; :func:`folded` maps those too, so
``"banding" not in folded(text)`` proves that no ``(?i)banding`` pattern can match ``text``.
"""

from __future__ import annotations

# Letters that (?i) matches as an ASCII letter but str.lower() does not turn into one.
_ODD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """``text`` in lower case, with every letter ``(?i)`` reads as ASCII turned into it."""
    return text.lower() if text.isascii() else text.translate(_ODD).lower()


def has_any(text: str, *words: str) -> bool:
    """Does ``text`` contain one of the lower-case ``words`` (case-insensitively)?"""
    low = folded(text)
    return any(w in low for w in words)
