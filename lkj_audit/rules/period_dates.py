"""Period rules on dates: the LKj signed after its year and on time, its PK early in the year.

DOMAIN.md R-D01 (signature date and deadline) and R-D04 (PK signed at the start of the year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lkj_audit.load.document import Document
from lkj_audit.load.mentions.dates import SignedDate, format_date
from lkj_audit.load.mentions.sections import chapters, closing_chapters
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


def _signature_zone(ctx: RuleContext) -> list[tuple[int, int]]:
    """Where the LKj itself is signed: Kata Pengantar, Ikhtisar, Penutup (not the PK)."""
    doc = ctx.doc
    signed_in = chapters(doc, ("kata_pengantar", "ikhtisar")) + closing_chapters(doc)
    zones = [(s.line, s.end_line) for s in signed_in]
    first = min((s.line for s in doc.sections if s.level == 1), default=len(doc.lines) + 1)
    zones.append((1, first - 1))  # the cover and anything before the first chapter
    return zones


# A PK or an attachment printed before the Kata Pengantar or after the Penutup (its title in
# capitals, or under a Lampiran heading) is signed at the start of the year: not the LKj's date.
_PK_TITLE_LINE_RE = re.compile(r"^\s*(?:PERJANJIAN\s+KINERJA|PENETAPAN\s+KINERJA|(?i:lampiran)\b)")
_LOOKBACK = 40


def _under_pk_title(doc: Document, line: int, start: int) -> bool:
    """True when a PK/Lampiran title precedes ``line`` (within its zone and 40 lines)."""
    first = max(start, line - _LOOKBACK)
    return any(_PK_TITLE_LINE_RE.match(doc.lines[i - 1]) for i in range(first, line))


def lkj_signatures(ctx: RuleContext) -> list[SignedDate]:
    """Place-and-date lines of the LKj's own signature blocks (not of a PK printed nearby)."""
    found = [
        d
        for a, b in _signature_zone(ctx)
        for d in ctx.doc.mentions.signatures(a, b)
        if not _under_pk_title(ctx.doc, d.line, a)
    ]
    return sorted({d.line: d for d in found}.values(), key=lambda d: d.line)


@rule(
    code="PER004",
    name="period.signed_after_year",
    category=Category.PERIOD,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a signing date within the year, usually copied, misstates no figure; hint:"
        " no signing date found, the text extraction may have lost the signature block"
    ),
    domain=("R-D01",),
    tolerance="exact date",
)
def signed_after_year(ctx: RuleContext) -> Iterator[Finding]:
    """The LKj is signed after the reporting year has ended.

    Why it matters: an LKj reports a whole year's realisation; one dated within that year
    (e.g. "15 Januari 2024" for LKj 2024) carries a date copied from the previous report or
    was signed before the figures were final (KKE 3.1(3) formalisation).
    Fails when: a place-and-date line of the Kata Pengantar, Ikhtisar or Penutup (or the
    cover) is dated on or before 31 December of the reporting year. No signing date at all
    is reported as info.
    Passes when: every such date falls after the reporting year.
    """
    dates = lkj_signatures(ctx)
    if not dates:
        kp = ctx.doc.chapter("kata_pengantar")
        yield ctx.finding(
            line=kp.line if kp else None,
            severity=Severity.INFO,
            message=(
                "Tempat dan tanggal penandatanganan LKj (mis. di akhir Kata Pengantar) tidak "
                "ditemukan; pastikan LKj ditandatangani dan bertanggal."
            ),
        )
        return
    for d in dates:
        if d.when.year > ctx.year:
            continue
        yield ctx.finding(
            line=d.line,
            row=f"tanggal {d.raw}",
            stated=d.raw,
            expected=f"setelah 31 Desember {ctx.year}",
            message=(
                f"LKj tahun {ctx.year} bertanggal {d.raw}, sebelum tahun laporan berakhir; "
                f"tanggal penandatanganan seharusnya pada tahun {ctx.year + 1}."
            ),
        )


def _deadline(ctx: RuleContext) -> date:
    opt = ctx.options.get("deadline")
    if isinstance(opt, date):
        return opt
    if isinstance(opt, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", opt):
        return date.fromisoformat(opt)
    return date(ctx.year + 1, 3, 31)


@rule(
    code="PER005",
    name="period.signed_by_deadline",
    category=Category.PERIOD,
    severity=Severity.INFO,
    severity_reason=(
        "hint: the deadline is an option and its statutory basis unverified (R-D01); lateness is "
        "no defect of the content"
    ),
    domain=("R-D01",),
    tolerance="option deadline (default 31 March of year n+1)",
)
def signed_by_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """The LKj is signed by the submission deadline (default 31 March of the next year).

    Why it matters: KKE 3.1(6) scores timely submission (full score before 1 March, half
    before 31 March in evaluators' answer keys); a later date loses points [deadline unverified].
    Fails when: the signing date (Kata Pengantar/Ikhtisar/Penutup) is after the deadline
    (option ``deadline``, ISO date).
    Passes when: the LKj is signed on or before the deadline, or bears no date.
    """
    deadline = _deadline(ctx)
    for d in lkj_signatures(ctx):
        if d.when.year > ctx.year and d.when > deadline:
            yield ctx.finding(
                line=d.line,
                row=f"tanggal {d.raw}",
                stated=d.raw,
                expected=f"paling lambat {format_date(deadline)}",
                message=(
                    f"LKj tahun {ctx.year} ditandatangani {d.raw}, setelah batas penyampaian "
                    f"{format_date(deadline)}; periksa ketepatan waktu penyampaian LKj."
                ),
            )


_PK_TITLE_RE = re.compile(r"(?i)perjanjian\s+kinerja|penetapan\s+kinerja")


def _pk_zones(ctx: RuleContext) -> list[tuple[int, int]]:
    """The PK subsection, the Lampiran, and a PK printed next to the LKj's signature zones."""
    doc = ctx.doc
    signed = [
        (d.line, d.line)
        for a, b in _signature_zone(ctx)
        for d in doc.mentions.signatures(a, b)
        if _under_pk_title(doc, d.line, a)
    ]
    zones = signed + [
        (s.line, s.end_line) for s in doc.sections if s.level == 2 and _PK_TITLE_RE.search(s.title)
    ]
    zones += [(s.line, s.end_line) for s in chapters(doc, ("lampiran",))]
    return zones


@rule(
    code="PER006",
    name="period.pk_signed_early",
    category=Category.PERIOD,
    severity=Severity.INFO,
    severity_reason=(
        "hint: the usual PK signing window is unverified (R-D04); the reviewer judges the date"
    ),
    domain=("R-D04", "R-V03"),
    tolerance="PK of year n dated between 1 November n-1 and 28/29 February n",
)
def pk_signed_early(ctx: RuleContext) -> Iterator[Finding]:
    """The Perjanjian Kinerja printed in the report is dated at the start of the reporting year.

    Why it matters: the PK fixes the year's targets and is signed when the DIPA is received,
    normally in January; a PK dated late in the year, or in another year, either was signed
    after the work was done or belongs to another year [R-D04 unverified].
    Fails when: a place-and-date line in the Perjanjian Kinerja subsection or the Lampiran is
    dated before November of the previous year, after February of the reporting year, or in
    a later year.
    Passes when: every such date lies between 1 November n-1 and the end of February n.
    """
    lo, hi = date(ctx.year - 1, 11, 1), date(ctx.year, 3, 1)
    for a, b in _pk_zones(ctx):
        for d in ctx.doc.mentions.signatures(a, b):
            if lo <= d.when < hi:
                continue
            yield ctx.finding(
                line=d.line,
                row=f"tanggal PK {d.raw}",
                stated=d.raw,
                expected=f"antara 1 November {ctx.year - 1} dan akhir Februari {ctx.year}",
                message=(
                    f"Perjanjian Kinerja pada bagian ini bertanggal {d.raw}; PK tahun {ctx.year} "
                    f"lazimnya ditandatangani pada awal tahun {ctx.year}. Periksa apakah PK ini "
                    "milik tahun laporan."
                ),
            )
