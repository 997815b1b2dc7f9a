"""Compare what the reader got (``ctx.tables``) with the truth of a render.

Rows are matched by line: a reader row belongs to the truth row whose printed line span
holds its ``line``. A truth row with no reader row is *missing*; a reader row that matches no
truth row is *extra* (furniture, a repeated header or a group row read as data); a matched
row whose values differ is a *misread*, the worst case (a wrong figure the rules trust).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

# Truth field -> reader column, per table.
FIELDS = {
    "anggaran": ("level", "kode", "pagu", "realisasi", "pct"),
    "capaian": ("target", "realisasi", "capaian"),
    "pemilih": ("lk", "pr", "jumlah", "is_total", "tps"),
    "partisipasi": ("dpt", "pengguna", "pct", "is_total"),
}
_LEVELS_WITH_KODE = ("kegiatan", "ro")
_CODE_RE = re.compile(r"\b\d{3}\.\d{2}\.[A-Z]{2}\b|\b\d{4}(?:\.[A-Z]{2,3}(?:\.\d{3})?)?\b")


@dataclass
class Mismatches:
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    misread: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.missing) + len(self.extra) + len(self.misread)

    def lines(self) -> list[str]:
        return ([f"missing {m}" for m in self.missing] + [f"extra {m}" for m in self.extra]
                + [f"misread {m}" for m in self.misread])


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return bool(want) == bool(got)
    if isinstance(want, (int, float)):
        if got is None or (isinstance(got, float) and math.isnan(got)):
            return False
        # Exact to a millionth: an amount off by one rupiah is a misread, not a rounding.
        return abs(float(got) - float(want)) <= 1e-6
    if want is None:
        return got is None or (isinstance(got, float) and math.isnan(got))
    return str(want) == str(got)


def _same_name(want: str, got: Any) -> bool:
    """The name as printed, up to spacing, case and light OCR noise (not a line more or less)."""
    if not isinstance(got, str):
        return False
    # the budget code printed before the name ("6709.QGE.001 Perencanaan …") is its own field
    a, b = (" ".join(_CODE_RE.sub(" ", str(t)).lower().split()) for t in (want, got))
    return fuzz.ratio(a, b) >= 90


def compare(rows: list[dict[str, Any]], tables: Any, guessed: frozenset[str] = frozenset()
            ) -> Mismatches:
    """Reader rows against truth rows. ``guessed``: tables the reader itself says it told
    the rows of apart by a guess; their names are not held against it (its rules do not
    compare them either)."""
    out = Mismatches()
    for kind, fields in FIELDS.items():
        frame: pd.DataFrame = getattr(tables, kind)
        want = [r for r in rows if r["table"] == kind]
        got = list(frame.to_dict("records"))
        used: set[int] = set()
        for w in want:
            a, b = w["lines"]
            hit = next((i for i, g in enumerate(got) if i not in used and a <= g["line"] <= b),
                       None)
            if hit is None:
                out.missing.append(f"{kind} l.{a}")
                continue
            used.add(hit)
            g = got[hit]
            if kind == "anggaran" and g.get("subtotal"):  # the reader marks subtotals apart
                g = {**g, "level": "subtotal"}
            for f in fields:
                if f not in w or f not in g:
                    continue
                if f == "kode" and w.get("level") not in _LEVELS_WITH_KODE:
                    continue
                if not _same(w[f], g[f]):
                    out.misread.append(f"{kind} l.{a} {f}: want {w[f]!r}, got {g[f]!r}")
            for f in ("indikator", "uraian"):
                name = w.get(f)
                if name is not None and g["table"] not in guessed and not _same_name(
                        name, g.get(f)):
                    out.misread.append(f"{kind} l.{a} {f}: want {name!r}, got {g.get(f)!r}")
        out.extra += [f"{kind} l.{g['line']}" for i, g in enumerate(got) if i not in used]
    return out
