"""XTB013 ``cross_table.renstra_iku_in_bab3``.

Every Indikator Kinerja Utama (IKU) the report lists from its Renstra is measured in Bab III.

DOMAIN.md §1.2 R-A1/R-A3 (target, realisasi and capaian per indicator; progress against the
Renstra) and §3.1 (the KPU Renstra 2020–2024 IKU: partisipasi pemilih, pemilih tak terdaftar,
kegiatan sesuai jadwal, pemilu aman dan damai, kajian hukum tepat waktu). XTB008 holds Bab III
to the Perjanjian Kinerja; this rule holds it to the IKU the report itself announces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from lkj_audit import numfmt
from lkj_audit.load.document import Block, Document
from lkj_audit.load.mentions.figures import percentages_in
from lkj_audit.load.mentions.gate import gated
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.links import MATCH, ro_name
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.figures import capaian_rows

# "7 (tujuh) Indikator Kinerja Utama (IKU) meliputi :", "IKU KPU Kabupaten … sebagai berikut:"
_IKU = gated(r"(?i)indikator\s+kinerja\s+utama|\bIKU\b")
_ANNOUNCES = re.compile(
    r"(?i)(?:meliputi|yaitu|yakni|sebagai\s+berikut|antara\s+lain|adalah)?\s*:\s*$"
)
_MARKER = re.compile(r"^[\s\-•*]*(?:\(?(?:\d{1,2}|[a-zA-Z])\s*[.)]\s+)?")
_TRAILING = re.compile(r"(?i)[\s;,.]*(?:\bdan\b)?[\s;,.]*$")
_MENTIONED = 90  # a Bab III sentence that names the IKU (partial fuzzy match) with a figure


@dataclass(frozen=True, slots=True)
class Iku:
    """One IKU as listed (``kode``, ``indikator``: the shape ``links.similarity`` compares)."""

    indikator: str
    line: int
    kode: str | None = None


def _items_after(doc: Document, intro: Block) -> list[Iku]:
    """The list items right after ``intro``; a paragraph in lower case continues the item."""
    items: list[Iku] = []
    for b in doc.mentions.blocks_in(None):
        if b.line <= intro.end_line:
            continue
        if any(intro.end_line < t.line < b.line for t in doc.tables):
            break
        if b.kind == "paragraph" and b.text[:1].islower() and items:
            last = items[-1]
            items[-1] = Iku(f"{last.indikator} {b.text}", last.line)
            continue
        if b.kind != "list_item":
            break
        items.append(Iku(_MARKER.sub("", b.text, count=1), b.line))
    return [Iku(_TRAILING.sub("", i.indikator), i.line) for i in items if i.indikator.strip()]


def renstra_iku(doc: Document) -> tuple[Block, list[Iku]] | None:
    """The first IKU list of Bab I/II: its announcing block and its items (two or more)."""
    chapters = [c for k in ("bab1", "bab2") if (c := doc.chapter(k)) is not None]
    for chapter in chapters:
        for block in doc.mentions.blocks_in(chapter):
            if block.kind == "heading" or not _IKU.search(block.text):
                continue
            if not _ANNOUNCES.search(block.text[-60:]):
                continue
            items = _items_after(doc, block)
            if len(items) >= 2:
                return block, items
    return None


def _measured_names(doc: Document) -> list[str]:
    """The names (:func:`ro_name`) of the Bab III sentences that give a percentage."""
    bab3 = doc.chapter("bab3")
    if bab3 is None:
        return []
    return [ro_name(s.text) for s in doc.mentions.sentences(bab3) if percentages_in(s.text)]


def _measured_in_text(name: str, measured: list[str]) -> bool:
    """A Bab III sentence names the IKU and gives a percentage (a capaian in prose)."""
    return any(fuzz.partial_ratio(name, sent) >= _MENTIONED for sent in measured)


def _alike(name: str, indicators: list[str]) -> bool:
    """``links.similarity`` ≥ MATCH with one of ``indicators`` (names; an IKU has no RO code)."""
    return any(
        max(fuzz.token_sort_ratio(name, n), fuzz.ratio(name, n)) >= MATCH for n in indicators
    )


@rule(
    code="XTB013",
    name="cross_table.renstra_iku_in_bab3",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the capaian of an IKU the report announces from its Renstra is not reported"
    ),
    domain=("R-A1", "R-A3", "R-V02"),
    tables=("capaian",),
    tolerance=(
        f"fuzzy name similarity ≥ {MATCH} with a Bab III indicator, or a Bab III sentence naming "
        f"it (partial similarity ≥ {_MENTIONED}) with a percentage"
    ),
)
def renstra_iku_in_bab3(ctx: RuleContext) -> Iterator[Finding]:
    """Every Indikator Kinerja Utama the report lists from its Renstra is measured in Bab III.

    Why it matters: the IKU are the satker's headline indicators for the Renstra period
    (partisipasi pemilih, pemilih tidak terdaftar, kegiatan sesuai jadwal …); an LKj that
    lists them in Bab II and then measures only its outputs in Bab III reports no progress on
    the goals it was set (R-A1, R-A3).
    Fails when: Bab I or II announces a list of IKU ("7 (tujuh) Indikator Kinerja Utama
    meliputi :" followed by the items) and an IKU has neither a Bab III capaian indicator with
    a similar name nor a Bab III sentence naming it with a percentage; one finding for the
    whole list when none is measured, else one per IKU.
    Passes when: every listed IKU is measured, or the report lists no IKU (nothing announced).
    """
    found = renstra_iku(ctx.doc)
    cap = capaian_rows(ctx)
    if found is None or not cap:
        return
    intro, ikus = found
    # Each name is normalised once, not once per pair (similarity() would redo both).
    indicators = [ro_name(c.indikator) for c in cap]
    measured: list[str] | None = None
    missing = []
    for i in ikus:
        name = ro_name(i.indikator)
        if _alike(name, indicators):
            continue
        if measured is None:
            measured = _measured_names(ctx.doc)
        if not _measured_in_text(name, measured):
            missing.append(i)
    if not missing:
        return
    if len(missing) == len(ikus):
        shown = "; ".join(numfmt.quoted(i.indikator) for i in ikus)
        yield ctx.finding(
            line=intro.line,
            row="Indikator Kinerja Utama",
            column="indikator",
            message=(
                f"Tidak satu pun dari {len(ikus)} Indikator Kinerja Utama (IKU) yang disebut di "
                f"sini diukur di Bab III: {shown}. Sajikan target, realisasi dan capaian setiap "
                "IKU tahun ini (dan kemajuannya terhadap target Renstra)."
            ),
            evidence=" ".join(intro.text.split()),
        )
        return
    for i in missing:
        yield ctx.finding(
            line=i.line,
            row=i.indikator if len(i.indikator) <= 60 else i.indikator[:57] + "…",
            column="indikator",
            stated=i.indikator,
            message=(
                f"Indikator Kinerja Utama {numfmt.quoted(i.indikator)} tidak diukur di Bab III; "
                "sajikan target, realisasi dan capaiannya tahun ini."
            ),
        )
