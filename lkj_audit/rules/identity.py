"""Identity rules: the report names one satker only, its own (DOMAIN.md §3.2, R-W01, R-W02).

A report copied from another satker's report keeps that satker's name in places ("Pelaksanaan
kinerja KPU Kota X" in the report of KPU Kabupaten Y). Every "[KPU] Kabupaten/Kota/Provinsi
<Name>" is matched against the 552-satker list (``load/regions.py``); a name closer to the
reporting satker's own name than to any other listed region is the own name misspelt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lkj_audit.load import satker as satker_list
from lkj_audit.load.mentions.sentences import sentence_around
from lkj_audit.load.regions import Mention, own_score
from lkj_audit.load.satker import Satker
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

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
    return own_score(m.name, own.region) >= m.score


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


def _listed_as(m: Mention) -> str:
    """The listed name in parentheses when the written one differs from it, else ''."""
    assert m.satker is not None
    same = satker_list.normalise_region(m.text) == satker_list.normalise_region(m.satker.nama)
    return "" if same else f" ({m.satker.nama})"


@rule(
    code="IDN001",
    name="identity.other_satker_named",
    category=Category.IDENTITY,
    severity=Severity.ERROR,
    severity_reason=(
        "other-satker: another KPU kabupaten/kota named as the reporting satker; unproven: named "
        "after ke/dengan, it may be a partner, not a copied identity"
    ),
    domain=("R-W01", "R-X04"),
    tolerance=_TOL,
)
def other_satker_named(ctx: RuleContext) -> Iterator[Finding]:
    """No other KPU kabupaten/kota is named as if it were the reporting satker.

    Why it matters: "KPU Kota X" in the report of KPU Kabupaten Y is text copied from another
    satker's report; the sentence then reports someone else's work and the reviewer cannot
    rely on it.
    Fails when: "KPU / Komisi Pemilihan Umum / KIP Kabupaten|Kota <Name>" names a listed
    kabupaten/kota other than the reporting one (a misspelt own name, closer to the own name
    than to any other, is not another satker). A provincial report may name the kabupaten/kota
    of its own province. A name after "ke", "dengan", "di"… (a visit or a meeting) is a warning.
    Passes when: every KPU kabupaten/kota named is the reporting satker (or, for a provincial
    report, one of its kabupaten/kota).
    """
    own = _own(ctx)
    for line, text, m in _region_mentions(ctx):
        if not m.prefixed or m.level == "PROV" or _is_own(m, own) or _in_own_province(m, own):
            continue
        assert m.satker is not None
        relation = bool(_RELATION_RE.search(text[: m.start]))
        yield ctx.finding(
            line=line,
            row=m.satker.nama,
            stated=_written(m),
            expected=ctx.satker,
            severity=Severity.WARNING if relation else None,
            message=(
                f'Teks menyebut "{_written(m)}"{_listed_as(m)}, padahal laporan ini milik '
                f"{ctx.satker}. Kemungkinan kalimat disalin dari laporan satker lain; ganti dengan "
                "nama satker sendiri atau jelaskan hubungannya."
            ),
        )


@rule(
    code="IDN002",
    name="identity.other_region_named",
    category=Category.IDENTITY,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: a region named without KPU may be a legitimate mention; hint: a place visited "
        "(di Kota X)"
    ),
    domain=("R-W01",),
    tolerance=_TOL,
)
def other_region_named(ctx: RuleContext) -> Iterator[Finding]:
    """No other kabupaten/kota is named where the report speaks of its own region.

    Why it matters: "Komisi Informasi Kota X" in the strategy of KPU Kabupaten Y is a sentence
    copied from another region's document; a neighbour may be named legitimately, so this is
    for the reviewer to confirm.
    Fails when: "Kabupaten|Kota <Name>" (without a KPU prefix) names a listed kabupaten/kota
    other than the reporting region, outside legal citations and border descriptions (a
    provincial report may name its own kabupaten/kota). A place of a visit ("di Kota X") is info.
    Passes when: no other listed kabupaten/kota is named, or only in those contexts.
    """
    own = _own(ctx)
    for line, text, m in _region_mentions(ctx):
        if m.prefixed or m.level == "PROV" or _is_own(m, own) or _in_own_province(m, own):
            continue
        sentence = sentence_around(text, m.start, m.end)
        if _LEGAL_RE.search(sentence) or _BORDER_RE.search(sentence):
            continue
        assert m.satker is not None
        relation = bool(_RELATION_RE.search(text[: m.start]))
        yield ctx.finding(
            line=line,
            row=f"{m.satker.level_word} {m.satker.wilayah}",
            stated=_written(m),
            expected=ctx.satker,
            severity=Severity.INFO if relation else None,
            message=(
                f'Teks menyebut "{_written(m)}", bukan wilayah {ctx.satker}. Pastikan kalimat '
                "ini memang tentang wilayah tersebut dan bukan salinan dari dokumen satker lain."
            ),
        )


def _other_province(m: Mention, own: _Own) -> bool:
    """A province mention that is not the reporting satker's province."""
    if m.satker is None:
        return False
    if own.province is not None:
        return (
            m.satker.kode != own.province.kode and own_score(m.name, own.province.wilayah) < m.score
        )
    return own.level == "PROV" and not _is_own(m, own)  # a provincial report not in the list


@rule(
    code="IDN003",
    name="identity.province_mismatch",
    category=Category.IDENTITY,
    severity=Severity.ERROR,
    severity_reason=(
        "other-satker: the KPU of another province named as the satker's own; unproven: a "
        "province named without KPU, or a KPU met or visited; hint: a province without KPU named "
        "as a place or a meeting"
    ),
    domain=("R-W02", "R-W01"),
    tolerance=_TOL,
)
def province_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The province named in the report is the reporting satker's province.

    Why it matters: a kabupaten report that speaks of "KPU Provinsi X" for a province it does
    not belong to was copied from another province's report, or names the wrong hierarchy.
    Fails when: "[KPU] Provinsi <Name>" names a listed province other than the satker's own
    (error with a KPU prefix; warning without, outside legal citations and border
    descriptions; one step milder after "di", "ke", "dengan"…, a place or a meeting). Not
    checked when the satker's province is unknown.
    Passes when: every province named is the satker's own.
    """
    own = _own(ctx)
    for line, text, m in _region_mentions(ctx):
        if m.level != "PROV" or not _other_province(m, own):
            continue
        if not m.prefixed:
            sentence = sentence_around(text, m.start, m.end)
            if _LEGAL_RE.search(sentence) or _BORDER_RE.search(sentence):
                continue
        assert m.satker is not None
        expected = own.province.nama if own.province else ctx.satker
        relation = bool(_RELATION_RE.search(text[: m.start]))  # a place or a meeting
        if m.prefixed:
            severity = Severity.WARNING if relation else None
        else:
            severity = Severity.INFO if relation else Severity.WARNING
        yield ctx.finding(
            line=line,
            row=m.satker.nama,
            stated=_written(m),
            expected=expected,
            severity=severity,
            message=(
                f'Teks menyebut "{_written(m)}", padahal {ctx.satker} berada di '
                f"{expected.replace('KPU ', '')}. Periksa apakah kalimat ini disalin dari laporan "
                "satker provinsi lain."
            ),
        )


@rule(
    code="IDN004",
    name="identity.filed_under_other_satker",
    category=Category.IDENTITY,
    severity=Severity.ERROR,
    severity_reason=(
        "other-satker: the report's cover names another satker than the one it was filed for"
    ),
    domain=("R-W01",),
)
def filed_under_other_satker(ctx: RuleContext) -> Iterator[Finding]:
    """The satker the report names on its cover is the satker it was submitted for.

    Why it matters: a file uploaded under satker A that names satker B on its cover and in
    its Kata Pengantar is B's report (or A's report copied wholesale from B); its figures
    cannot be taken as A's.
    Fails when: the run was filed under a satker code (``--satker``) and the satker named
    most often in the report's opening pages is another listed satker.
    Passes when: the report names the satker it was filed under, or no code was given.
    """
    other = _filed_elsewhere(ctx)
    if other is None:
        return
    line = next(
        (
            r.line
            for r in ctx.doc.mentions.regions
            if r.mention.satker and r.mention.satker.kode == other.kode
        ),
        None,
    )
    code = _filed_code(ctx)
    filed = satker_list.by_code(code) if code else None
    filed_as = f"{filed.nama} ({code})" if filed else f"kode satker {code} (tidak ada dalam daftar)"
    yield ctx.finding(
        line=line,
        row=other.nama,
        stated=other.nama,
        expected=filed_as,
        message=(
            f"Laporan ini menyebut dirinya {other.nama} ({other.kode}), sedangkan diunggah untuk "
            f"{filed_as}; laporan ini tampaknya milik satker lain. Periksa berkas yang diunggah "
            "atau kode satkernya."
        ),
    )
