"""Which indicator of this year is which indicator of last year (by RO code and name).

Names are compared after normalising (case, punctuation, the RO code in brackets) with
rapidfuzz's token-sort ratio; two different RO codes never match. Precision first: an
indicator whose best candidates tie (the same name twice, e.g. one indicator under two
sasaran that the sasaran cannot tell apart) or that two indicators of this year both claim
is left unmatched and listed as ambiguous, never paired by guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

MATCH = 90  # token-sort ratio (0-100) from which two names are the same indicator
TIE = 2  # candidates within this many points of the best one tie
_CODE = re.compile(r"\(?\b\d{4}\.[A-Z]{3}\.\d{3}\b\)?")


def normalise(name: str) -> str:
    """Lower case, no RO code, letters and digits only, single spaces."""
    text = _CODE.sub(" ", name or "").lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def score(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Similarity of two indicators (``figures.capaian.indicators`` entries), 0-100."""
    ka, kb = a.get("kode"), b.get("kode")
    if ka and kb and ka != kb:
        return 0.0
    ratio = float(fuzz.token_sort_ratio(normalise(a["indikator"]), normalise(b["indikator"])))
    return max(ratio, 95.0) if ka and ka == kb else ratio


@dataclass(slots=True)
class Matching:
    """Pairs (this year, last year), and what could not be paired."""

    pairs: list[tuple[dict[str, Any], dict[str, Any], float]] = field(default_factory=list)
    ambiguous: list[tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=list)
    only_current: list[dict[str, Any]] = field(default_factory=list)
    only_previous: list[dict[str, Any]] = field(default_factory=list)


def _candidates(ind: dict[str, Any], previous: list[dict[str, Any]]) -> list[int]:
    scored = [(score(ind, p), i) for i, p in enumerate(previous)]
    good = [(s, i) for s, i in scored if s >= MATCH]
    if not good:
        return []
    best = max(s for s, _ in good)
    tied = [i for s, i in good if s >= best - TIE]
    if len(tied) > 1:  # the sasaran may tell them apart ("sasaran 2" in both years)
        same = [i for i in tied if previous[i].get("sasaran") == ind.get("sasaran")]
        tied = same if len(same) == 1 else tied
    return tied


def match(current: list[dict[str, Any]], previous: list[dict[str, Any]]) -> Matching:
    """Pair each indicator of ``current`` with at most one of ``previous`` (one to one)."""
    out = Matching()
    chosen: dict[int, list[int]] = {}  # previous index -> current indices choosing it
    options = [_candidates(ind, previous) for ind in current]
    for k, cands in enumerate(options):
        if len(cands) == 1:
            chosen.setdefault(cands[0], []).append(k)
    used: set[int] = set()
    for ind, cands in zip(current, options, strict=True):
        if not cands:
            out.only_current.append(ind)
        elif len(cands) > 1 or len(chosen[cands[0]]) > 1:
            out.ambiguous.append((ind, [previous[i] for i in cands]))
            used.update(cands)
        else:
            out.pairs.append((ind, previous[cands[0]], score(ind, previous[cands[0]])))
            used.add(cands[0])
    out.only_previous = [p for i, p in enumerate(previous) if i not in used]
    return out
