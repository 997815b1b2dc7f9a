"""Narrative rules on claims: "semua target tercapai", category words, previous-year claims.

DOMAIN.md R-K03/R-V08 (narrative claims agree with the tables), R-K02/R-V06 (a category word
equals the band of the report's own scale for the recomputed capaian, §2.3) and R-A2
(a comparison with earlier years needs the earlier figures, §1.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

import pandas as pd

from lkj_audit import numfmt
from lkj_audit.load.document import Block
from lkj_audit.load.mentions.comparisons import comparisons_in, earlier_refs_in
from lkj_audit.load.mentions.figures import first_figure
from lkj_audit.load.mentions.sections import summary_chapters
from lkj_audit.load.mentions.years import years_in
from lkj_audit.load.schema import table_rows
from lkj_audit.load.skala import category_for
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules._figures import (
    capaian_rows,
    printed_capaian,
    recomputed_capaian,
    sasaran_key,
)
from lkj_audit.rules.common import label
from lkj_audit.rules.registry import RuleContext, rule

_ALL_CLAIM_RE = re.compile(
    r"(?i)\b(semua|seluruh|keseluruhan)\s+(target|sasaran|indikator)(?P<mid>[^.]{0,120}?)"
    r"\b(tercapai|terpenuhi|terwujud|diwujudkan|dicapai|terealisasi|mencapai\s+target)\b"
)
_OVERALL = "keseluruhan sasaran"
_PRINTED_NOTE = " (kategori tertulis hanya cocok dengan angka tercetak)"
_ONE_SASARAN_RE = re.compile(r"(?i)\bsasaran\s+(?:ke-?\s*)?\d")
# "hampir semua", "agar seluruh target …": not a claim that all were achieved.
_HEDGE_RE = re.compile(
    r"(?i)(?:\b(?:tidak|belum|hampir|sebagian|kurang|agar|supaya|diharapkan|upaya|berupaya|"
    r"mengupayakan|memastikan|jika|apabila|bila)\s+(?:\w+\s+){0,2}|\b(?:untuk|guna|demi)\s+"
    r"(?:dapat\s+)?(?:mencapai|mewujudkan|memenuhi|merealisasikan)\s+)$"
)
_NOT_A_CLAIM_MID = re.compile(
    r"(?i)%|capaian|\bdengan\s+nilai|\b(akan|harus|perlu|diharapkan|agar|supaya)\b"
)


def _below(df: pd.DataFrame) -> tuple[list[str], bool]:
    """Indicators below 100% (as printed or recomputed) and whether any recomputed is below."""
    out, recomputed_below = [], False
    for row in table_rows(df):
        printed, rec = printed_capaian(row), recomputed_capaian(row)
        if rec is not None and rec < 100:
            recomputed_below = True
            out.append(f"{label(row)} {numfmt.pct(rec, 2)}")
        elif printed is not None and printed < 100:
            out.append(f"{label(row)} {numfmt.quoted(row.capaian_raw)} (tercetak)")
    return out, recomputed_below


@rule(
    code="NAR002",
    name="narrative.all_achieved_claim",
    category=Category.NARRATIVE,
    severity=Severity.ERROR,
    severity_reason=(
        "disproved: a recomputed capaian below 100% disproves the claim; inconsistent: only "
        "printed capaian are below 100%, the recomputed ones are not"
    ),
    domain=("R-K03", "R-V08"),
    tables=("capaian",),
    tolerance="capaian below 100 at any precision",
)
def all_achieved_claim(ctx: RuleContext) -> Iterator[Finding]:
    """A claim that all targets or sasaran were achieved agrees with the capaian tables.

    Why it matters: "semua target tercapai" in the Ikhtisar or Penutup is the sentence a
    reader remembers; when indicators in Bab III are below 100% the claim misreports the year.
    Fails when: a sentence says all (semua/seluruh) targets, sasaran or indicators were
    achieved (tercapai, terpenuhi, diwujudkan…) and an indicator's recomputed capaian is below
    100% (error), or only its printed capaian is (warning).
    Passes when: every indicator reaches 100%, or the claim is hedged ("hampir semua",
    "secara umum") or restricted ("seluruh indikator dengan capaian 100% …").
    """
    cap = capaian_rows(ctx)
    if cap.empty:
        return
    below, recomputed_below = _below(cap)
    if not below:
        return
    for block in ctx.doc.blocks_in(None):
        if block.kind not in {"paragraph", "list_item"}:
            continue
        for m in _ALL_CLAIM_RE.finditer(block.text):
            if _HEDGE_RE.search(block.text[: m.start()]) or _NOT_A_CLAIM_MID.search(m.group("mid")):
                continue
            shown = ", ".join(below[:6]) + (
                f" dan {len(below) - 6} lainnya" if len(below) > 6 else ""
            )
            yield ctx.finding(
                line=block.line,
                row=m.group(0)[:60],
                column="klaim",
                stated=m.group(0),
                expected=f"{len(below)} dari {len(cap)} indikator di bawah 100%",
                severity=None if recomputed_below else Severity.WARNING,
                message=(
                    f"Teks menyatakan {numfmt.quoted(m.group(0))}, padahal {len(below)} dari "
                    f"{len(cap)} "
                    "indikator "
                    f"di tabel capaian di bawah 100%: {shown}."
                ),
            )
            break


def _category_re(labels: list[str]) -> re.Pattern[str] | None:
    if not labels:
        return None
    alt = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    subject = r"(?:sasaran|capaian|kinerja|target|indikator)[^.]{0,80}?"
    return re.compile(
        rf"(?i){subject}(?:(?:dicapai|tercapai|terealisasi|terwujud|diwujudkan|berhasil)\s+dengan\s+"
        rf"(?:(?:predikat|kategori)\s+)?|\b(?:kategori|predikat)\s+(?:capaian\s+|kinerja\s+)?)[\"“']?"
        rf"(?P<cat>{alt})\b"
    )


def _regions(
    ctx: RuleContext,
) -> Iterator[tuple[str, list[Block], Fraction | None, Fraction | None]]:
    """(what, blocks, recomputed mean, printed mean) for each sasaran section and overall."""
    cap = capaian_rows(ctx)
    rec, prt = ctx.figures.capaian.sasaran_recomputed, ctx.figures.capaian.sasaran_printed
    done: set[int] = set()
    for row in cap.drop_duplicates("table").itertuples():
        raw = ctx.tables.raw_table(row.table)
        sec = raw.section if raw is not None else None
        if sec is None or sec.level != 3 or id(sec) in done:
            continue
        done.add(id(sec))
        key = sasaran_key(row)
        yield key, list(ctx.doc.blocks_in(sec)), rec.get(key), prt.get(key)
    summary: list[Block] = [b for s in summary_chapters(ctx.doc) for b in ctx.doc.blocks_in(s)]
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
    skala = ctx.tables.skala
    pattern = _category_re(list(dict.fromkeys(skala.kategori))) if not skala.empty else None
    if pattern is None:
        return
    for what, blocks, rec, prt in _regions(ctx):
        if rec is None:
            continue
        expected = category_for(skala, float(rec))
        if expected is None:
            continue
        for block in blocks:
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


def _earlier_mentions(text: str, year: int) -> Iterator[int]:
    """Offsets just after each mention of an earlier year ("tahun 2023", "tahun sebelumnya")."""
    for ref in earlier_refs_in(text):
        if ref.year is None or year - 6 < ref.year < year:
            yield ref.end


def has_previous_year_figure(ctx: RuleContext) -> bool:
    """Does the report print any capaian or realisasi figure of an earlier year?"""
    if (ctx.tables.capaian.realisasi_prev_raw.astype(str).str.strip() != "").any():
        return True
    for table in ctx.tables.raw:
        # A header with years ("Realisasi 2023") may be read as the first data row.
        head = " ".join(
            [table.header_text] + [c.lower() for c in (table.rows[0].cells if table.rows else [])]
        )
        years = [y.value for y in years_in(head)]
        if any(ctx.year - 6 < y < ctx.year for y in years) and re.search(
            r"realisasi|capaian", head
        ):
            return True
    for block in ctx.doc.blocks_in(None):
        for end in _earlier_mentions(block.text, ctx.year):
            window = block.text[end : end + 60]
            fig = first_figure(window)
            if fig is not None and not years_in(window[:fig]):
                return True
    return False


@rule(
    code="NAR004",
    name="narrative.previous_year_claim",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    severity_reason=("missing: a comparison with the previous year needs that year's figure"),
    domain=("R-A2",),
    tables=("capaian",),
    tolerance=(
        "a figure within 60 characters after an earlier year, or a table column of an earlier year"
    ),
)
def previous_year_claim(ctx: RuleContext) -> Iterator[Finding]:
    """A comparison with the previous year is backed by a previous-year figure.

    Why it matters: "tetap konsisten dibandingkan dengan pencapaian tahun sebelumnya" is an
    analysis PermenPANRB 53/2014 requires (R-A2); stated without any earlier figure it is an
    unverifiable claim and the required comparison is in fact missing.
    Fails when: the text compares with the previous year / an earlier year ("dibandingkan
    dengan tahun sebelumnya", "dibanding tahun 2023") and the report prints no capaian or
    realisasi figure of an earlier year (no such table column, and no percentage or amount
    right after an earlier year in the text).
    Passes when: an earlier-year figure is printed somewhere, or no such comparison is made.
    """
    claims: list[tuple[Block, str]] = []
    for block in ctx.doc.blocks_in(None):
        if block.kind not in {"paragraph", "list_item"}:
            continue
        for m in comparisons_in(block.text):
            if m.year is not None and m.year >= ctx.year:
                continue
            claims.append((block, m.raw))
            break
    if not claims or has_previous_year_figure(ctx):
        return
    for block, claim in claims:
        yield ctx.finding(
            line=block.line,
            row=claim,
            column="perbandingan tahun sebelumnya",
            stated=claim,
            expected=f"capaian/realisasi tahun {ctx.year - 1} dicantumkan",
            message=(
                f"Teks membandingkan dengan tahun sebelumnya ('{claim}'), tetapi laporan tidak "
                "memuat "
                f"angka capaian atau realisasi tahun {ctx.year - 1} maupun tahun-tahun sebelumnya; "
                "cantumkan angka pembandingnya (analisis perbandingan antartahun)."
            ),
        )
