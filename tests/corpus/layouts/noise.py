"""Noise models that keep every line in place: OCR confusables in prose and in numbers.

OCR of scanned LKj confuses O/0 and l/I/1 (DOMAIN.md §4: the Ponorogo PK prints "lOOo/o",
"2O2O"; the Jembrana LAKIP scan "berlcat", "fapit"). A real OCR makes these slips in a few
places, not everywhere: here about one prose paragraph in eight and one amount cell in
twenty, and only where the slip stays unambiguous (a letter between digits of a grouped
amount; a letter-for-letter swap inside a long word).
"""

from __future__ import annotations

import random
import re

from tests.corpus.layouts.traits import Layout

_AMOUNT = re.compile(r"\d{1,3}(?:[.,\u00a0\u2009\u202f' ]\d{3})+")
_PROTECT = 25  # leave the title page alone: identity (satker, year) is read there


def apply(lines: list[str], lay: Layout, rng: random.Random) -> list[str]:
    if lay["ocr"] != "light":
        return lines
    out = list(lines)
    for i, line in enumerate(out):
        if i < _PROTECT or not line:
            continue
        if "\t" in line:
            out[i] = "\t".join(_cell(c, rng) for c in line.split("\t"))
        elif len(line) > 80 and rng.random() < 0.125:
            out[i] = _prose(line, rng)
    return out


def _cell(cell: str, rng: random.Random) -> str:
    m = _AMOUNT.search(cell)
    if not m or rng.random() > 0.05:
        return cell
    digits = [m.start() + k for k, ch in enumerate(m.group(0)) if ch in "01"]
    inner = [k for k in digits if m.start() < k < m.end() - 1]
    if not inner:
        return cell
    k = rng.choice(inner)
    return cell[:k] + ("O" if cell[k] == "0" else "l") + cell[k + 1:]


def _prose(line: str, rng: random.Random) -> str:
    words = line.split(" ")
    cands = [j for j, w in enumerate(words) if len(w) > 7 and w.isalpha() and w.islower()
             and "l" in w[1:-1]]
    if not cands:
        return line
    j = rng.choice(cands)
    w = words[j]
    k = w.index("l", 1)
    words[j] = w[:k] + "1" + w[k + 1:]
    return " ".join(words)
