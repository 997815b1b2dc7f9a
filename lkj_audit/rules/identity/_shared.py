"""Helpers shared by several rules of this family; registers no rules.

Used by IDN001, IDN002, IDN003, IDN004.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lkj_audit.load import satker as satker_list
from lkj_audit.load.regions import Mention, own_score
from lkj_audit.load.satker import Satker
from lkj_audit.rules.registry import RuleContext

# Words before a name that make it a relation (a visit, a meeting, a place), not a self-reference.
_RELATION_RE = re.compile(
    r"(?i)\b(ke|dengan|bersama|kepada|dari|antara|dan|serta|di|oleh|melalui|wilayah|se|antar)\s*$"
)


# Sentences where naming another region is normal: legal citations, borders, pemekaran.
_LEGAL_RE = re.compile(
    r"(?i)\b(undang[- ]undang|uu|peraturan|perda|perpres|keputusan|kepmendagri|instruksi)\b"
    r".{0,200}?\b(nomor|no\.)\s*\d|\btahun\s+\d{4}\s+tentang\b"
)


_BORDER_RE = re.compile(
    r"(?i)berbatas|perbatasan|sebelah\s+(utara|selatan|timur|barat)|batas\s+wilayah|"
    r"pemekaran|dimekarkan|kabupaten\s+induk"
)


_TOL = "fuzzy name match ≥ 90/100 (exact for names of ≤ 5 letters); closer to the own name = own"


@dataclass(frozen=True, slots=True)
class _Own:
    """The reporting satker as far as it is known."""

    region: str  # region name without level word ("Ogan Komering Ilir", "Mekar Jaya")
    level: str | None
    satker: Satker | None
    province: Satker | None


def _own(ctx: RuleContext) -> _Own:
    s = satker_list.by_code(ctx.satker_code) if ctx.satker_code else None
    if s is not None:
        prov = s if s.tingkat == "PROV" else satker_list.province_of(s)
        return _Own(s.wilayah, s.tingkat, s, prov)
    return _Own(
        satker_list.normalise_region(ctx.satker), satker_list.level_of(ctx.satker), None, None
    )


def _filed_code(ctx: RuleContext) -> str | None:
    """The satker code the run was filed under (``--satker``), if it is a 6-digit code."""
    given = str(ctx.options.get("satker_id") or "")
    return given if re.fullmatch(r"\d{6}", given) else ctx.satker_code


def _filed_elsewhere(ctx: RuleContext) -> Satker | None:
    """The satker the document names when it differs from the satker the run was filed under."""
    detected = ctx.options.get("detected_satker")
    filed = _filed_code(ctx)
    if isinstance(detected, Satker) and filed and detected.kode != filed:
        return detected
    return None


def _is_own(m: Mention, own: _Own) -> bool:
    if m.satker is None:
        return True
    if own.satker is not None and m.satker.kode == own.satker.kode:
        return True
    if _namesake(m, own):
        return False
    return own_score(m.name, own.region) >= m.score


def _namesake(m: Mention, own: _Own) -> bool:
    """The kabupaten of the same name as the reporting kota, or the other way round.

    Blitar, Malang, Kediri, Bekasi … are each a kabupaten and a kota with their own KPU:
    "KPU Kabupaten Blitar" in the report of KPU Kota Blitar names the other satker, not a
    misspelling of its own name.
    """
    return (
        own.satker is not None
        and m.satker is not None
        and m.satker.kode != own.satker.kode
        and m.satker.wilayah == own.satker.wilayah
        and m.level == m.satker.tingkat != own.satker.tingkat
    )


def _in_own_province(m: Mention, own: _Own) -> bool:
    """A kabupaten/kota of the province whose own report this is (a provincial report)."""
    return bool(
        own.satker
        and own.satker.tingkat == "PROV"
        and m.satker
        and m.satker.kode_provinsi == own.satker.kode_wilayah
    )


def _region_mentions(ctx: RuleContext) -> Iterator[tuple[int, str, Mention]]:
    """(line, line text, mention) for every listed region named in the report, once per line."""
    skip = _filed_elsewhere(ctx)
    seen: set[tuple[int, str]] = set()
    for r in ctx.doc.mentions.regions:
        m = r.mention
        if m.satker is None or (r.line, m.satker.kode) in seen:
            continue
        if skip and m.satker.kode == skip.kode:
            continue
        seen.add((r.line, m.satker.kode))
        yield r.line, r.text, m


def _written(m: Mention) -> str:
    return " ".join(m.text.split())
