"""NAR003 ``narrative.category_word``.

The category a text gives a sasaran is the band of the report's own scale.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.document import Block
from lkj_audit.load.mentions.sections import summary_chapters
from lkj_audit.load.mentions.words import folded
from lkj_audit.load.skala import category_for
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.figures import (
    capaian_rows,
    sasaran_key,
)

_OVERALL = "keseluruhan sasaran"


_PRINTED_NOTE = " (kategori tertulis hanya cocok dengan angka tercetak)"


_ONE_SASARAN_RE = re.compile(r"(?i)\bsasaran\s+(?:ke-?\s*)?\d")


_SUBJECTS = ("sasaran", "capaian", "kinerja", "target", "indikator")


def _category_re(labels: list[str]) -> re.Pattern[str] | None:
    if not labels:
        return None
    alt = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    subject = rf"(?:{'|'.join(_SUBJECTS)})[^.]{{0,80}}?"
    return re.compile(
        rf"(?i){subject}(?:(?:dicapai|tercapai|terealisasi|terwujud|diwujudkan|berhasil)\s+dengan\s+"
        rf"(?:(?:predikat|kategori)\s+)?|\b(?:kategori|predikat)\s+(?:capaian\s+|kinerja\s+)?)[\"“']?"
        rf"(?P<cat>{alt})\b"
    )


def _may_name_category(text: str, labels: list[str]) -> bool:
    low = folded(text)
    return any(w in low for w in _SUBJECTS) and any(x in low for x in labels)


def _regions(
    ctx: RuleContext,
) -> Iterator[tuple[str, list[Block], Fraction | None, Fraction | None]]:
    """(what, blocks, recomputed mean, printed mean) for each sasaran section and overall."""
    cap = capaian_rows(ctx)
    rec, prt = ctx.figures.capaian.sasaran_recomputed, ctx.figures.capaian.sasaran_printed
    done: set[int] = set()
    tables = {r.table: r for r in cap[::-1]}  # the first row of each table
    for row in (r for r in cap if tables[r.table] is r):
        raw = ctx.tables.raw_table(row.table)
        sec = raw.section if raw is not None else None
        if sec is None or sec.level != 3 or id(sec) in done:
            continue
        done.add(id(sec))
        key = sasaran_key(row)
        yield key, list(ctx.doc.mentions.blocks_in(sec)), rec.get(key), prt.get(key)
    summary: list[Block] = [
        b for s in summary_chapters(ctx.doc) for b in ctx.doc.mentions.blocks_in(s)
    ]
    r_all, p_all = list(rec.values()), list(prt.values())
    yield (
        _OVERALL,
        summary,
        sum(r_all, Fraction(0)) / len(r_all) if r_all else None,
        sum(p_all, Fraction(0)) / len(p_all) if p_all else None,
    )


@rule(
    code="NAR003",
    name="narrative.category_word",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a category word against the report's scale misstates no figure (policy "
        "example)"
    ),
    domain=("R-K02", "R-K03", "R-V06"),
    tables=("skala", "capaian"),
    tolerance="band bounds as printed in the report's scale (inclusive/exclusive as written)",
)
def category_word(ctx: RuleContext) -> Iterator[Finding]:
    """The category a text gives a sasaran is the band of the report's own scale.

    Why it matters: "Sasaran ini dapat dicapai dengan sangat baik" for a capaian of 100%, when
    the report's scale says 76–100% = Baik and > 100% = Sangat Baik, overstates the result by
    the report's own standard.
    Fails when: in a sasaran section (or, for all sasaran, in the Ikhtisar/Penutup) a sentence
    about the sasaran/capaian names a category of the scale ("dicapai dengan baik", "kategori
    Sangat Baik") other than the band of the recomputed mean capaian (also when the word fits
    the printed capaian).
    Passes when: every category word equals the band, or the report prints no scale.
    """
    skala = ctx.rows.skala
    labels = list(dict.fromkeys(b.kategori for b in skala))
    pattern = _category_re(labels) if skala else None
    if pattern is None:
        return
    # Cheap necessary test per block: a subject word and a category label (ASCII labels,
    # whose case-insensitive match folded() decides) must both be in it.
    low_labels = [folded(x) for x in labels] if all(x.isascii() for x in labels) else None
    for what, blocks, rec, prt in _regions(ctx):
        if rec is None:
            continue
        expected = category_for(skala, float(rec))
        if expected is None:
            continue
        for block in blocks:
            if low_labels is not None and not _may_name_category(block.text, low_labels):
                continue
            for m in pattern.finditer(block.text):
                claimed = m.group("cat")
                if claimed.lower() == expected.lower():
                    continue
                if what == _OVERALL and _ONE_SASARAN_RE.search(m.group(0)):
                    continue  # a summary sentence about one sasaran, not about all of them
                fits_printed = (
                    prt is not None
                    and (category_for(skala, float(prt)) or "").lower() == claimed.lower()
                )
                yield ctx.finding(
                    line=block.line,
                    row=what,
                    column="kategori",
                    stated=claimed,
                    expected=expected,
                    message=(
                        f"Teks memberi {what} kategori '{claimed}', padahal rata-rata capaiannya "
                        f"{numfmt.pct(rec, 2)} (dihitung ulang) termasuk '{expected}' menurut "
                        f"skala penilaian laporan ini{_PRINTED_NOTE if fits_printed else ''}."
                    ),
                )
