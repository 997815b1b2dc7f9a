"""Where a name is printed in a table's source lines, words in order, whatever the reading.

A reviewer who cannot find an indicator in a table looks for its name in the printed table
before saying it is missing: the reader may have cut the name at the wrong line, or joined
its first words to a sasaran row above it. The name's words must come in order, with only a
few tokens between two of them (the figures and units a wrapped row prints beside its name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TOKEN_RE = re.compile(r"[^\W_]+")
_MAX_GAP = 8  # tokens between two words of the name: a row's figures and units


def name_printed_at(name: str, lines: Sequence[tuple[int, str]]) -> int | None:
    """The line where ``name`` starts, printed across ``lines`` (line number, text), or None."""
    words = _TOKEN_RE.findall(name.casefold())
    if len(words) < 2:
        return None
    tokens = [(ln, t) for ln, text in lines for t in _TOKEN_RE.findall(text.casefold())]
    for start, (ln, tok) in enumerate(tokens):
        if tok != words[0]:
            continue
        at, ok = start, True
        for w in words[1:]:
            nxt = next(
                (
                    k
                    for k in range(at + 1, min(at + 2 + _MAX_GAP, len(tokens)))
                    if tokens[k][1] == w
                ),
                None,
            )
            if nxt is None:
                ok = False
                break
            at = nxt
        if ok:
            return ln
    return None
