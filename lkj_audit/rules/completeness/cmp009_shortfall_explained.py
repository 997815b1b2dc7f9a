"""CMP009 ``completeness.shortfall_explained``.

Every Bab III indicator below target has its cause and its remedy explained.

DOMAIN.md §1.2 analysis R-A5 (causes of failure and the solutions taken, per sasaran of Bab
III.A, PermenPANRB 53/2014) and KKE 3.2(7). CMP004 asks whether Bab III has such wording
anywhere; this rule asks it of each indicator that misses its target, in the text about it.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.document import Document, Section
from lkj_audit.load.mentions.sections import closing_chapters
from lkj_audit.load.rows import IndicatorRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.kinerja import Indicator
from lkj_audit.rules.completeness._shared import CAUSE, REMEDY, sasaran_blocks
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label
from lkj_audit.rules.support.figures import capaian_rows

_HUNDRED = Fraction(100)


def _below_target(fig: Indicator) -> tuple[Fraction, bool] | None:
    """(capaian, recomputed?) when the indicator misses its target, else ``None``.

    Realisasi/target by polarity when computable (a printed figure it contradicts is CAP001's
    concern), else the printed capaian.
    """
    if fig.computed is not None:
        return (fig.computed, True) if fig.computed < _HUNDRED else None
    if fig.printed is not None and fig.printed < _HUNDRED:
        return fig.printed, False
    return None


def _ancestor(doc: Document, line: int, level: int) -> Section | None:
    sec = doc.section_at(line)
    while sec is not None and sec.level > level:
        sec = sec.parent
    return sec if sec is not None and sec.level == level else None


def _common(doc: Document, sec: Section | None, own: Section | None) -> bool:
    """Text of no other sasaran: none, the row's own, or one whose label is a table row.

    A capaian table may list every sasaran as group rows ("Sasaran 3: …" between its rows);
    the analyses printed after it then fall under the last sasaran label but concern all.
    """
    if sec is None or sec == own:
        return True
    return any(t.kind == "capaian" and t.line <= sec.line <= t.end_line for t in doc.tables)


def _scope(ctx: RuleContext, row: IndicatorRow) -> str:
    """The text that may explain the row.

    Its sasaran block; the common analysis after the last capaian table of its subsection and
    outside the other sasaran blocks (or the whole subsection when it has no sasaran blocks);
    any Bab III or Penutup paragraph that names the indicator's RO code.
    """
    doc: Document = ctx.doc
    line = row.line
    own, outer = _ancestor(doc, line, 3), _ancestor(doc, line, 2)
    parts = [doc.text_of(own)] if own is not None else []
    if outer is not None and own is None:
        parts.append(doc.text_of(outer))
    elif outer is not None:
        last = max(
            (t.end_line for t in doc.tables if t.kind == "capaian" and outer.contains(t.line)),
            default=outer.line,
        )
        # after the last table, outside every other sasaran block: the analysis of them all
        parts += [
            b.text
            for b in doc.mentions.blocks_in(outer)
            if b.line > last and _common(doc, _ancestor(doc, b.line, 3), own)
        ]
    if own is None:  # a combined table: its analyses may sit in another subsection's blocks
        parts += [doc.text_of(b) for b in sasaran_blocks(doc, row.sasaran_no, row.sasaran)]
    kode = row.kode or None
    if kode:
        for chapter in [doc.chapter("bab3"), *closing_chapters(doc)]:
            parts += [b.text for b in doc.mentions.blocks_in(chapter) if chapter and kode in b.text]
    return "\n".join(parts)


def _shortfall(row: IndicatorRow, fig: Indicator, capaian: Fraction, recomputed: bool) -> str:
    """How the row falls short: computed figures in Indonesian format, printed ones quoted."""
    if not recomputed:
        return f"capaian tercetak {numfmt.quoted(row.capaian_raw)}"
    given = (
        f"realisasi {numfmt.quoted(row.realisasi_raw)} terhadap target "
        f"{numfmt.quoted(row.target_raw)}"
    )
    if fig.agrees:  # the printed capaian is the recomputed one: cite it as printed
        return f"{given}, capaian {numfmt.quoted(row.capaian_raw)}"
    return f"{given} memberi capaian {numfmt.pct(capaian, 2)}"


@rule(
    code="CMP009",
    name="completeness.shortfall_explained",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the causes of a missed target and the remedy (R-A5) are a required analysis"
    ),
    domain=("R-A5", "R-A1", "R-S04"),
    tables=("capaian",),
    tolerance="capaian strictly below 100% (recomputed by polarity; printed if not computable)",
)
def shortfall_explained(ctx: RuleContext) -> Iterator[Finding]:
    """Every Bab III indicator below target has its cause and its remedy explained.

    Why it matters: PermenPANRB 53/2014 asks, for each sasaran, why a target was missed and
    what is done about it (R-A5, KKE 3.2(7)); a failed indicator left uncommented, e.g. a
    realisasi "-" (nihil) under a table followed by nothing, hides the problem the LKj exists
    to show.
    Fails when: an indicator's capaian (realisasi/target by polarity, or the printed figure
    where it cannot be computed) is below 100%, and neither its sasaran block, nor the common
    analysis after the last capaian table of its subsection, nor a Bab III or Penutup
    paragraph naming its RO code gives a cause (penyebab, disebabkan, karena, kendala,
    hambatan, faktor…) and a remedy (upaya, solusi, langkah, tindak lanjut, perbaikan, ke
    depan…).
    Passes when: every indicator reaches its target, or the text around it gives both cause
    and remedy (the reviewer judges their substance). A printed capaian below 100% that the
    row's own figures put at 100% is CAP001's concern, not a shortfall.
    """
    indicators = {i.line: i for i in ctx.figures.capaian.indicators}
    for row in capaian_rows(ctx):
        fig = indicators.get(row.line)
        short = _below_target(fig) if fig is not None else None
        if fig is None or short is None:
            continue
        text = _scope(ctx, row)
        missing = [
            what
            for what, pattern in (("penyebabnya", CAUSE), ("upaya perbaikannya", REMEDY))
            if not pattern.search(text)
        ]
        if not missing:
            continue
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="analisis capaian",
            stated=row.capaian_raw or None,
            message=(
                f"Indikator {label(row)} tidak mencapai target ({_shortfall(row, fig, *short)}), "
                f"tetapi uraian sasarannya tidak menjelaskan {' maupun '.join(missing)}. "
                "Uraikan penyebab tidak tercapainya target dan upaya/langkah tindak lanjutnya "
                "(analisis capaian, PermenPANRB 53/2014)."
            ),
            evidence=row.evidence,
        )
