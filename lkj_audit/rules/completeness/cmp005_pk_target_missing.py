"""CMP005 ``completeness.pk_target_missing``.

Every indicator of the Perjanjian Kinerja has a target value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.rows import PkRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import _short
from lkj_audit.rules.registry import RuleContext, rule

_HEAD_WORD_RE = re.compile(
    r"^(?:Persentase|Presentase|Prosentase|Jumlah|Nilai|Indeks|Tingkat|Rasio|Angka|Opini|Rata-rata|"
    r"Banyaknya|Predikat|Skor|Capaian|Laporan|Dokumen|Terlaksananya|Tersedianya|Tersusunnya)\b"
)


_UNIT_ONLY_RE = re.compile(
    r"(?i)^(?:dokumen|laporan|lap|layanan|lembaga|kali|unit|orang|kegiatan|satker|bulan|persen|%)\.?$"
)


def _pk_indicators(ctx: RuleContext) -> Iterator[tuple[PkRow, str, list[str]]]:
    """(first entry, whole indicator text, printed targets) per PK indicator.

    Entries the PK loader split off at a capitalised wrapped line are joined back unless they
    start an indicator (Persentase, Jumlah, …).
    """
    current: tuple[PkRow, list[str], list[str]] | None = None
    for entry in (p for p in ctx.rows.pk if p.source == "pk"):
        text = entry.indikator.strip()
        same_row = current is not None and (current[0].table, current[0].evidence) == (
            entry.table,
            entry.evidence,
        )
        if current is not None and same_row and not _HEAD_WORD_RE.match(text):
            current[1].append(text)
            current[2].append(entry.target_raw.strip())
            continue
        if current is not None:
            yield current[0], " ".join(current[1]), [t for t in current[2] if t]
        current = (entry, [text], [entry.target_raw.strip()])
    if current is not None:
        yield current[0], " ".join(current[1]), [t for t in current[2] if t]


@rule(
    code="CMP005",
    name="completeness.pk_target_missing",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=("missing: a PK indicator without a target cannot be measured"),
    domain=("R-S03", "R-V02"),
    tables=("pk",),
)
def pk_target_missing(ctx: RuleContext) -> Iterator[Finding]:
    """Every indicator of the Perjanjian Kinerja has a target value.

    Why it matters: an indicator agreed without a target cannot be measured; its capaian in
    Bab III has nothing to be computed against.
    Fails when: a PK indicator (starting with Persentase/Jumlah/Nilai/… or of six words or more)
    has an empty target cell, or a target that is only a unit ("Dokumen") without a number.
    Passes when: every PK indicator prints a target (number with unit, or a qualitative target
    such as WTP).
    """
    for entry, text, targets in _pk_indicators(ctx):
        words = re.findall(r"[A-Za-z]{2,}", text)
        if not (_HEAD_WORD_RE.match(text) or len(words) >= 6):
            continue  # OCR debris or a fragment, not an indicator
        unit_only = bool(targets) and all(_UNIT_ONLY_RE.match(t) for t in targets)
        if targets and not unit_only:
            continue
        problem = (
            f"targetnya hanya satuan {numfmt.quoted(targets[0])} tanpa angka"
            if unit_only
            else "tidak mencantumkan target"
        )
        yield ctx.finding(
            line=int(entry.line),
            table=str(entry.table),
            row=_short(text),
            column="target",
            stated=targets[0] if unit_only else None,
            message=(
                f"Indikator Perjanjian Kinerja {numfmt.quoted(_short(text))} {problem}; "
                f"lengkapi target tahun {ctx.year}."
            ),
        )
