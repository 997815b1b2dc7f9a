"""Completeness rules: the analyses and values an LKj must contain.

DOMAIN.md §1.2: the analyses of Bab III.A (R-A2 comparison with previous years, R-A3 with the
Renstra target, R-A6 efficiency; R-A4/A5/A7 presence only), a capaian table for every sasaran
(R-S04), a target for every PK indicator (R-S03), the permasalahan utama of Bab I (R-S02).
Indicators printed without realisasi in a capaian table are reported by CAP002.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.document import Document, Section
from lkj_audit.load.mentions.citations import blank_citations
from lkj_audit.load.mentions.comparisons import earlier_words_in
from lkj_audit.load.mentions.figures import has_quantity, percentages_in
from lkj_audit.load.mentions.years import free_years, without_spans
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_MEASURE_RE = re.compile(r"(?i)capaian|realisasi|kinerja|persentase|target")


def _anchor(ctx: RuleContext) -> Section | None:
    """Where Bab III's analyses belong: its "Capaian Kinerja" subsection, else Bab III."""
    doc: Document = ctx.doc
    bab3 = doc.chapter("bab3")
    if bab3 is None:
        return None
    subs = [s for s in doc.subsections(bab3) if s.level == 2 and re.search("(?i)capaian", s.title)]
    return subs[0] if subs else bab3


def _bab3_sentences(ctx: RuleContext) -> list[str]:
    bab3 = ctx.doc.chapter("bab3")
    return (
        [without_spans(blank_citations(s.text)) for s in ctx.doc.mentions.sentences(bab3)]
        if bab3
        else []
    )


def _bab3_headers(ctx: RuleContext) -> list[str]:
    """Column labels of Bab III tables, with their first row.

    A header naming a year ("Realisasi 2023") can be read as a data row.
    """
    bab3 = ctx.doc.chapter("bab3")
    tables = [t for t in ctx.doc.tables if bab3 and bab3.contains(t.line)]
    first = [" ".join(t.rows[0].cells).lower() if t.rows else "" for t in tables]
    return [f"{t.header_text} {row}" for t, row in zip(tables, first, strict=True)]


def _filled(ctx: RuleContext, column: str) -> bool:
    frame = ctx.tables.capaian
    return column in frame and bool((frame[column].astype(str).str.strip() != "").any())


def _missing(
    ctx: RuleContext, what: str, ref: str, hint: str, severity: Severity | None = None
) -> Finding | None:
    anchor = _anchor(ctx)
    if anchor is None:
        return None
    return ctx.finding(
        line=anchor.line,
        row=what,
        severity=severity,
        message=f"{anchor.title}: {what} ({ref}) tidak ditemukan. {hint}",
    )


def _has_previous_years(ctx: RuleContext) -> bool:
    if _filled(ctx, "realisasi_prev_raw"):
        return True
    for head in _bab3_headers(ctx):
        if _MEASURE_RE.search(head) and any(y < ctx.year for y in free_years(head)):
            return True
    for text in _bab3_sentences(ctx):
        earlier = earlier_words_in(text) or any(y < ctx.year for y in free_years(text))
        figures = percentages_in(text) or has_quantity(text)
        if earlier and _MEASURE_RE.search(text) and figures:
            return True
    return False


@rule(
    code="CMP001",
    name="completeness.analysis_previous_years",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=("missing: the comparison with earlier years (R-A2) is a required analysis"),
    domain=("R-A2",),
    tables=("capaian",),
)
def analysis_previous_years(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III compares this year's realisasi and capaian with previous years.

    Why it matters: PermenPANRB 53/2014 requires each sasaran's achievement to be compared
    with the previous year(s) (KKE 3.2(5)); without it no trend can be judged.
    Fails when: Bab III has no realisasi column of an earlier year, no table header naming an
    earlier year, and no sentence that names an earlier year (or "tahun sebelumnya") together
    with a capaian/realisasi figure.
    Passes when: any of these is present (Bab III missing altogether is reported by STR001).
    """
    if not _has_previous_years(ctx):
        found = _missing(
            ctx,
            "perbandingan realisasi dan capaian dengan tahun-tahun sebelumnya",
            "analisis R-A2",
            f"Sajikan realisasi/capaian tahun {ctx.year - 1} (dan sebelumnya) per sasaran.",
        )
        if found:
            yield found


_RENSTRA_RE = re.compile(
    r"(?i)renstra|rencana\s+strategis|jangka\s+menengah|akhir\s+periode|target\s+akhir"
)
_ACHIEVED_RE = re.compile(r"(?i)target|capaian|realisasi|tercapai|dicapai")


@rule(
    code="CMP002",
    name="completeness.analysis_renstra_target",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the comparison with the Renstra target (R-A3) is a required analysis"
    ),
    domain=("R-A3",),
    tables=("capaian",),
)
def analysis_renstra_target(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III compares the realisasi to date with the medium-term (Renstra) target.

    Why it matters: PP 8/2006 and PermenPANRB 53/2014 require the cumulative achievement to be
    set against the Renstra's final target (KKE 3.2(4)).
    Fails when: Bab III has no Renstra-target column and no sentence relating a target,
    capaian or realisasi to the Renstra / medium-term / end-of-period target.
    Passes when: either is present.
    """
    if _filled(ctx, "target_renstra_raw") or any(_RENSTRA_RE.search(h) for h in _bab3_headers(ctx)):
        return
    if any(_RENSTRA_RE.search(t) and _ACHIEVED_RE.search(t) for t in _bab3_sentences(ctx)):
        return
    found = _missing(
        ctx,
        "perbandingan realisasi dengan target jangka menengah (Renstra)",
        "analisis R-A3",
        "Bandingkan realisasi sampai dengan tahun ini dengan target akhir periode Renstra.",
    )
    if found:
        yield found


_EFFICIENCY_RE = re.compile(r"(?i)efisien|\bIE\b|indeks\s+efisiensi|penghematan|sisa\s+anggaran")
_RESOURCE_RE = re.compile(r"(?i)anggaran|sumber\s*daya|biaya|serapan|dana|input")


@rule(
    code="CMP003",
    name="completeness.analysis_efficiency",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=("missing: the efficiency analysis (R-A6) is a required analysis"),
    domain=("R-A6",),
)
def analysis_efficiency(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III analyses the efficiency of resource use.

    Why it matters: KKE 3.2(8) scores "efisiensi penggunaan sumber daya"; an LKj that reports
    capaian and serapan side by side without relating them leaves efficiency unassessed.
    Fails when: no Bab III sentence or table header speaks of efficiency (efisien/efisiensi,
    IE, penghematan, sisa anggaran) in relation to budget or resources.
    Passes when: such an analysis is present (its arithmetic is checked elsewhere).
    """
    if any(re.search(r"(?i)efisien", h) for h in _bab3_headers(ctx)):
        return
    if any(_EFFICIENCY_RE.search(t) and _RESOURCE_RE.search(t) for t in _bab3_sentences(ctx)):
        return
    found = _missing(
        ctx,
        "analisis efisiensi penggunaan sumber daya",
        "analisis R-A6",
        "Bandingkan capaian kinerja dengan penyerapan anggaran (mis. IE = % capaian / % serapan).",
    )
    if found:
        yield found


_NARRATIVE: tuple[tuple[str, str, str, str], ...] = (
    ("R-A4", "perbandingan dengan standar nasional",
     r"(?i)standar\s+(?:nasional|pelayanan\s+minimal)|\bSPM\b|benchmark|rata-rata\s+nasional|"
     r"(?:capaian|target|tingkat)\s+nasional|internasional|"
     r"(?:KPU|satker|kabupaten|kota|provinsi)\s+lain", ""),
    ("R-A5", "analisis penyebab keberhasilan/kegagalan dan solusi",
     r"(?i)penyebab|disebabkan|faktor|kendala|hambatan|karena",
     r"(?i)solusi|upaya|langkah|tindak\s+lanjut|perbaikan|strategi"),
    ("R-A7", "program/kegiatan yang menunjang keberhasilan atau kegagalan",
     r"(?i)(?:program|kegiatan)\b.{0,80}\b(?:mendukung|menunjang|mendorong|berkontribusi|pendukung)"
     r"|(?:didukung|ditunjang)\s+(?:oleh|dengan)", ""),
)  # fmt: skip


@rule(
    code="CMP004",
    name="completeness.analysis_narrative",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: causes with solutions (R-A5) and supporting programmes (R-A7) are required "
        "analyses; hint: a national standard (R-A4) exists for few indicators, so its absence is "
        "for the reviewer to judge"
    ),
    domain=("R-A4", "R-A5", "R-A7"),
)
def analysis_narrative(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III discusses national standards, causes and solutions, and supporting programmes.

    Why it matters: these analyses are required per sasaran by PermenPANRB 53/2014 (KKE 3.2(6)
    and (7)); their quality cannot be machine-judged, so only their absence is signalled.
    Fails when: Bab III contains no wording for one of: comparison with a national standard
    (R-A4); causes of success/failure together with solutions (R-A5); programmes or activities
    supporting the result (R-A7); the standard alone is info.
    Passes when: wording for each is present (the reviewer judges its adequacy).
    """
    texts = _bab3_sentences(ctx)
    for ref, what, first, second in _NARRATIVE:
        if any(re.search(first, t) for t in texts) and (
            not second or any(re.search(second, t) for t in texts)
        ):
            continue
        found = _missing(
            ctx,
            what,
            f"analisis {ref}",
            "Tambahkan uraiannya untuk setiap sasaran.",
            Severity.INFO if ref == "R-A4" else None,
        )
        if found:
            yield found
