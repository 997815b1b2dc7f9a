"""Recomputed figures of both years side by side: one item per figure, with the change.

Both years are read in the shape of findings.json ``figures`` (this year's from
``ctx.figures``, last year's from its report or run folder), so every number compared is a
recomputed one, never a printed total. Items: serapan, pagu and realisasi of the whole
budget; the mean capaian and the capaian of each matched indicator; each voter stage both
years have (DP4, DPS, DPT, DPB…); staff per kind (PNS, PPPK, PPNPN).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from lkj_audit import numfmt
from lkj_audit.compare import match as matching
from lkj_audit.compare.previous import PreviousYear

PCT_DECIMALS = 2  # percentages are compared as reports print them: to two decimals
STAGE_LABEL = {
    "DP4": "DP4 (Daftar Penduduk Potensial Pemilih)",
    "DPS": "DPS (Daftar Pemilih Sementara)",
    "DPSHP": "DPSHP (DPS Hasil Perbaikan)",
    "DPT": "DPT (Daftar Pemilih Tetap)",
    "DPTb": "DPTb (Daftar Pemilih Tambahan)",
    "DPK": "DPK (Daftar Pemilih Khusus)",
    "DPB": "DPB (Daftar Pemilih Berkelanjutan)",
}
STAFF_LABEL = {"PNS": "Pegawai PNS", "PPPK": "Pegawai PPPK", "PPNPN": "PPNPN"}


@dataclass(frozen=True, slots=True)
class Item:
    """One figure in both years."""

    kind: str  # anggaran / capaian / pemilih / pegawai
    key: str  # serapan_pct, pagu, realisasi, mean_pct, an RO code or indicator, DPT, PNS…
    label: str
    unit: str  # "%", "Rp", "pemilih", "orang"
    previous: Fraction
    current: Fraction
    certain: bool = True  # both figures read with confidence (else shown, never judged)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def change(self) -> Fraction:
        """Current minus previous (percentage points for percentages)."""
        return self.current - self.previous

    @property
    def direction(self) -> str:
        """``naik``, ``turun`` or ``tetap`` (percentages at their printed two decimals)."""
        if self.unit == "%":
            a, b = _rounded(self.previous), _rounded(self.current)
            return "naik" if b > a else "turun" if b < a else "tetap"
        return "naik" if self.change > 0 else "turun" if self.change < 0 else "tetap"

    @property
    def change_pct(self) -> Fraction | None:
        """Relative change in percent of last year's figure (amounts and counts only)."""
        if self.unit == "%" or self.previous == 0:
            return None
        return self.change * 100 / self.previous

    def as_dict(self) -> dict[str, Any]:
        """JSON form (findings.json ``comparison.items``)."""
        return {
            "kind": self.kind,
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "previous": _number(self.previous),
            "current": _number(self.current),
            "change": _number(self.change),
            "change_pct": _number(self.change_pct),
            "direction": self.direction,
            "certain": self.certain,
            **self.extra,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """One year against the previous: the items, and the indicators that could not be paired."""

    previous: PreviousYear
    year: int
    items: list[Item]
    unmatched: dict[str, list[dict[str, Any]]]

    def item(self, kind: str, key: str) -> Item | None:
        """The item of one figure, if both years have it."""
        return next((i for i in self.items if i.kind == kind and i.key == key), None)

    def as_dict(self) -> dict[str, Any]:
        """JSON form (findings.json ``comparison``)."""
        prev = self.previous
        return {
            "previous": {
                "year": prev.year,
                "source_sha256": prev.source_sha256,
                "satker": prev.satker,
                "satker_code": prev.satker_code,
                "path": prev.path,
                "origin": prev.origin,
            },
            "notes": list(prev.notes),
            "items": [i.as_dict() for i in self.items],
            "unmatched": self.unmatched,
        }


def build(current: dict[str, Any], previous: PreviousYear, year: int) -> Comparison:
    """Compare ``current`` (``ctx.figures.as_dict()``) with last year's figures."""
    before = previous.figures
    cap_items, unmatched = _capaian(current["capaian"], before["capaian"])
    items = [
        *_budget(current["anggaran"], before["anggaran"]),
        *cap_items,
        *_voters(current.get("pemilih", {}), before["pemilih"]),
        *_staff(current.get("pegawai", {}), before["pegawai"]),
    ]
    return Comparison(previous, year, items, unmatched)


def _fraction(value: Any) -> Fraction | None:
    if value is None or isinstance(value, bool):
        return None
    return Fraction(value) if isinstance(value, int) else Fraction(str(value))


def _pair(a: Any, b: Any) -> tuple[Fraction, Fraction] | None:
    fa, fb = _fraction(a), _fraction(b)
    return (fa, fb) if fa is not None and fb is not None else None


def _budget(now: dict[str, Any], then: dict[str, Any]) -> list[Item]:
    out = []
    for key, label, unit in (
        ("serapan_pct", "Serapan anggaran (realisasi / pagu)", "%"),
        ("pagu", "Pagu anggaran", "Rp"),
        ("realisasi", "Realisasi anggaran", "Rp"),
    ):
        pair = _pair(then.get(key), now.get(key))
        if pair:
            out.append(Item("anggaran", key, label, unit, *pair))
    return out


def _capaian(
    now: dict[str, Any], then: dict[str, Any]
) -> tuple[list[Item], dict[str, list[dict[str, Any]]]]:
    out = []
    for key, label in (
        ("mean_pct", "Rata-rata capaian kinerja (indikator Bab III)"),
        ("sasaran_mean_pct", "Rata-rata capaian kinerja per sasaran"),
    ):
        pair = _pair(then.get(key), now.get(key))
        if pair:
            out.append(Item("capaian", key, label, "%", *pair))
    found = matching.match(now.get("indicators", []), then.get("indicators", []))
    keys = [i.get("kode") or matching.normalise(i["indikator"]) for i in now.get("indicators", [])]
    for cur, prev, score in found.pairs:
        pair = _pair(prev["capaian_pct"], cur["capaian_pct"])
        if pair is None:
            continue
        extra = {
            "line": cur["line"],
            "previous_line": prev["line"],
            "previous_label": prev["indikator"],
            "match_score": round(score, 1),
        }
        certain = bool(cur.get("trusted", True) and prev.get("trusted", True))
        key = cur.get("kode") or matching.normalise(cur["indikator"])
        if keys.count(key) > 1:  # one indicator under two sasaran: the key names which
            key = f"{key} ({cur.get('sasaran')})"
        out.append(Item("capaian", key, cur["indikator"], "%", *pair, certain, extra))

    def brief(ind: dict[str, Any]) -> dict[str, Any]:
        return {"indikator": ind["indikator"], "kode": ind.get("kode"), "line": ind["line"]}

    unmatched = {
        "current": [brief(i) for i in found.only_current],
        "previous": [brief(i) for i in found.only_previous],
        "ambiguous": [
            {**brief(i), "candidates": [brief(c) for c in cands]} for i, cands in found.ambiguous
        ],
    }
    return out, unmatched


def _voters(now: dict[str, Any], then: dict[str, Any]) -> list[Item]:
    out = []
    for stage, cur in now.items():
        prev = then.get(stage)
        pair = _pair(prev.get("jumlah"), cur.get("jumlah")) if prev else None
        if pair and prev:
            certain = all(d.get("trusted", True) and d.get("consistent", True) for d in (cur, prev))
            extra = {"line": cur["line"], "basis": cur.get("basis")}
            out.append(
                Item(
                    "pemilih",
                    stage,
                    STAGE_LABEL.get(stage, stage),
                    "pemilih",
                    *pair,
                    certain,
                    extra,
                )
            )
    return out


def _staff(now: dict[str, Any], then: dict[str, Any]) -> list[Item]:
    out = []
    for jenis, cur in now.items():
        prev = then.get(jenis)
        pair = _pair(prev.get("count"), cur.get("count")) if prev else None
        if pair:
            out.append(Item("pegawai", jenis, STAFF_LABEL.get(jenis, jenis), "orang", *pair))
    return out


def shown(value: Fraction, unit: str) -> str:
    """A figure of an item in Indonesian format: ``91,67%``, ``Rp1.234.567``, ``577.241``."""
    if unit == "%":
        return numfmt.pct(value, PCT_DECIMALS)
    if unit == "Rp":
        return "Rp" + numfmt.rupiah(value)
    return numfmt.number(value)


def _rounded(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-PCT_DECIMALS), rounding=ROUND_HALF_UP)


def _number(value: Fraction | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)
