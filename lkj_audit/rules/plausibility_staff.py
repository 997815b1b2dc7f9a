"""Staff-table plausibility: academic titles, golongan, shifted columns (DOMAIN.md §3.4).

Checks R-G04 (academic title vs education), R-G05 (golongan vs staff type and service) and
R-G06 (column shift). The staff tables are read by ``load/pegawai.py``, titles and education
levels by ``load/education.py``; NIP / NI PPPK rules are in ``plausibility_nip``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lkj_audit.load import education, nip
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules._staff import DATE_RE, PNS_GOL_RE, ROMAN, gol_rank, pns_gol, who
from lkj_audit.rules.registry import RuleContext, rule

_PPPK_GOL_RE = re.compile(
    r"^\(?\s*(XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*\)?$"
)
_MAX_LETTER = {1: "d", 2: "d", 3: "d", 4: "e"}
# Entry rank (I/a = 0 … IV/e = 16) of a new PNS by education (PP 99/2000 pangkat awal).
_ENTRY_RANK = {
    "SD": 0,
    "SMP": 2,
    "SMA": 4,
    "D1": 4,
    "D2": 5,
    "D3": 6,
    "D4": 8,
    "S1": 8,
    "S2": 9,
    "S3": 10,
}
_COLUMN_WORDS = {
    "gol": "golongan",
    "tmt_gol": "TMT golongan",
    "jabatan": "jabatan",
    "tmt_jabatan": "TMT jabatan",
    "pendidikan": "pendidikan",
}


@rule(
    code="PLA011",
    name="plausibility.title_vs_education",
    category=Category.PLAUSIBILITY,
    severity=Severity.INFO,
    severity_reason=("cosmetic: academic titles against the education column (policy example)"),
    domain=("R-G04",),
    tables=("pegawai",),
    tolerance="D-IV and S1 are the same level",
)
def title_vs_education(ctx: RuleContext) -> Iterator[Finding]:
    """The academic titles in a staff member's name agree with the education column.

    Why it matters: "A.Md" (D3) with "S1" in the education column, or "S.H." with "SMA",
    means one of the two was not updated; education determines golongan and jabatan, so the
    staff profile in Bab I misstates the organisation's capacity.
    Fails when: the highest title in the name (A.Md → D3, S.x → S1, M.x → S2, Dr. → S3) is a
    different level from the education column.
    Passes when: they agree, the name carries no title, or the column is empty or unreadable.
    """
    for row in ctx.tables.pegawai.itertuples():
        col_level = education.column_level(row.pendidikan)
        title_level, titles = education.title_level(row.nama)
        if col_level is None or title_level is None:
            continue
        if education.RANK[col_level] == education.RANK[title_level]:
            continue
        higher = education.RANK[title_level] > education.RANK[col_level]
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=who(row),
            column="pendidikan",
            stated=row.pendidikan,
            expected=title_level,
            message=(
                f"{str(row.nama).split(',')[0].strip()} bergelar {titles} (setara {title_level}), "
                "tetapi kolom pendidikan "
                f"tertulis {row.pendidikan}. "
                + (
                    "Pendidikan di tabel lebih rendah dari gelarnya"
                    if higher
                    else "Gelar di nama belum sesuai pendidikannya"
                )
                + "; samakan nama dan kolom pendidikan dengan data kepegawaian."
            ),
            evidence=row.evidence,
        )


def _golongan_problem(ctx: RuleContext, row: Any) -> tuple[str, Severity | None] | None:
    gol = str(row.gol or "").strip()
    if not gol:
        return None
    pns = pns_gol(gol)
    if row.jenis == "PPPK":
        return (
            ("golongan berpola PNS (I–IV dengan huruf), padahal PPPK bergolongan I–XVII", None)
            if pns
            else None
        )
    if row.jenis != "PNS":
        return None
    if pns is None:
        if _PPPK_GOL_RE.match(gol) and not re.match(r"^\(?\s*(I|II|III|IV)\s*\)?$", gol):
            return "golongan berpola PPPK (angka romawi tanpa huruf), padahal pegawai ini PNS", None
        return None
    top = _MAX_LETTER[ROMAN[pns.group(1)]]
    if pns.group(2).lower() > top:
        return f"golongan {pns.group(1)}/{pns.group(2)} tidak ada (ruang tertinggi {top})", None
    return _service_problem(ctx, row)


def _service_problem(ctx: RuleContext, row: Any) -> tuple[str, Severity | None] | None:
    """Golongan above the entry rank for the education plus one promotion per two years."""
    rank = gol_rank(row.gol)
    n = nip.parse(str(row.nip or ""), "PNS")
    levels = [education.column_level(row.pendidikan), education.title_level(row.nama)[0]]
    known = [lv for lv in levels if lv]
    if rank is None or n.defects or n.start_year is None or not known:
        return None
    top = max(known, key=lambda lv: education.RANK[lv])
    reachable = _ENTRY_RANK[top] + max(0, ctx.year - n.start_year) // 2
    if rank <= reachable:
        return None
    return (
        f"golongan {row.gol} sulit dicapai dengan pendidikan {top} dan masa kerja sejak "
        f"{n.start_year} (TMT CPNS menurut NIP)",
        Severity.INFO,
    )


@rule(
    code="PLA012",
    name="plausibility.golongan",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a golongan that does not exist or belongs to the other staff type; hint: a"
        " rank hard to reach in the years of service"
    ),
    domain=("R-G05",),
    tables=("pegawai",),
    tolerance="one promotion per two years of service (generous: regular promotions take four)",
)
def golongan(ctx: RuleContext) -> Iterator[Finding]:
    """Each golongan fits the staff type, exists, and is reachable from education and service.

    Why it matters: PNS golongan run I/a–IV/e, PPPK golongan I–XVII; a PPPK golongan in the
    PNS table (or the reverse) puts the person in the wrong category, and a golongan that
    does not exist or cannot have been reached was mistyped.
    Fails when: a PNS has a PPPK-style golongan (e.g. "IX") or a rank that does not exist
    (e.g. "III/e"); a PPPK has a PNS-style golongan ("III/a"). A PNS golongan above the entry
    rank for the education plus one rank per two years since the TMT CPNS is info.
    Passes when: every golongan fits its table and is reachable.
    """
    for row in ctx.tables.pegawai.itertuples():
        problem = _golongan_problem(ctx, row)
        if problem is None:
            continue
        text, severity = problem
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=who(row),
            column="golongan",
            stated=row.gol,
            severity=severity,
            message=f"{row.jenis} {who(row)}: {text}. Periksa golongan di tabel pegawai.",
            evidence=row.evidence,
        )


def _foreign(column: str, value: str) -> str | None:
    """What kind of value ``value`` is if it does not belong in ``column``."""
    v = (value or "").strip()
    if not v:
        return None
    is_date = bool(DATE_RE.match(v))
    is_edu = education.column_level(v) is not None and not is_date and not PNS_GOL_RE.match(v)
    if column in ("tmt_gol", "tmt_jabatan"):
        return "pendidikan" if is_edu else "golongan" if PNS_GOL_RE.match(v) else None
    if column == "pendidikan":
        return "tanggal" if is_date else "golongan" if PNS_GOL_RE.match(v) else None
    if column == "gol":
        return "tanggal" if is_date else None
    if column == "jabatan":  # a bare level ("S1", "SMA") is never a position
        return "pendidikan" if is_edu and len(v) <= 10 else None
    return None


@rule(
    code="PLA013",
    name="plausibility.staff_column_shift",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: a shifted staff row puts values under the wrong column"),
    domain=("R-G06",),
    tables=("pegawai",),
)
def staff_column_shift(ctx: RuleContext) -> Iterator[Finding]:
    """Every staff cell holds the kind of value its column is for (no shifted rows).

    Why it matters: "SMA" in the TMT jabatan column with an empty education column means
    the row was shifted by one cell; the TMT jabatan is then missing and the education is
    printed in the wrong place, so the table reads wrong.
    Fails when: a TMT column holds an education level or a golongan, the jabatan column holds
    a bare education level, the education column holds a date or a golongan, or the golongan
    column holds a date.
    Passes when: every cell fits its column (empty cells are not judged).
    """
    for row in ctx.tables.pegawai.itertuples():
        for column in _COLUMN_WORDS:
            value = getattr(row, column)
            kind = _foreign(column, value)
            if kind is None:
                continue
            empty = (
                f"; kolom {kind} baris ini kosong"
                if kind in _COLUMN_WORDS.values() and not _cell_of_kind(row, kind)
                else ""
            )
            yield ctx.finding(
                line=row.line,
                table=row.table,
                row=who(row),
                column=_COLUMN_WORDS[column],
                stated=value,
                message=(
                    f'Kolom {_COLUMN_WORDS[column]} untuk {who(row)} berisi "{value}" (nilai '
                    f"{kind}){empty}. Isi baris tampaknya bergeser kolom; perbaiki tabelnya."
                ),
                evidence=row.evidence,
            )


def _cell_of_kind(row: Any, kind: str) -> str:
    column = next(c for c, w in _COLUMN_WORDS.items() if w == kind)
    return str(getattr(row, column) or "").strip()
