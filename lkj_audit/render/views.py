"""Display data: stated vs recomputed, side by side, for each typed table (no I/O, no HTML)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from lkj_audit import __version__, numfmt
from lkj_audit.load.schema import table_rows
from lkj_audit.load.skala import category_for
from lkj_audit.model import AuditContext, Finding
from lkj_audit.render.env import CATEGORY_LABEL
from lkj_audit.rules.support.common import label, val


@dataclass(frozen=True, slots=True)
class Compared:
    """One printed figure next to its recomputation.

    ``finding`` is the fingerprint of the finding that reports the printed figure: a cell is
    shown as disagreeing only then, so the HTML and findings.json cannot disagree.
    """

    stated: str
    computed: str
    ok: bool | None  # the figures agree (True), do not (False), or cannot be compared
    finding: str | None = None


class Marks:
    """Which finding reports the figure printed at a source line and column."""

    def __init__(self, findings: list[Finding]) -> None:
        self._by: dict[tuple[str, int, str], str] = {}
        for f in findings:
            loc = f.location
            if loc.line is not None and loc.column:
                self._by.setdefault((f.rule, loc.line, loc.column), f.fingerprint)

    def of(self, rules: tuple[str, ...], line: int, column: str) -> str | None:
        """The fingerprint of the first of ``rules`` reporting ``column`` on ``line``."""
        return next((fp for r in rules if (fp := self._by.get((r, line, column)))), None)


def _pct_compare(
    printed_raw: str, printed: Any, decimals: int, computed: Any, ok: bool | None, mark: str | None
) -> Compared:
    if computed is None:
        return Compared(printed_raw or "–", "–", None, mark)
    text = numfmt.pct(computed, max(decimals, 2))
    if printed is None:
        return Compared("–", text, None, mark)
    return Compared(printed_raw, text, ok, mark)


def budget_rows(ctx: AuditContext, found: list[Finding]) -> list[dict[str, Any]]:
    """Every budget row with its printed and recomputed serapan (``ctx.figures``)."""
    marks = Marks(found)
    out = []
    for row, fig in zip(table_rows(ctx.tables.anggaran), ctx.figures.anggaran.rows, strict=True):
        over = marks.of(("ANG005",), fig.line, "realisasi")
        out.append(
            {
                "line": row.line,
                "level": row.level,
                "label": label(row),
                "uraian": row.uraian,
                "pagu": row.pagu_raw or "–",
                "realisasi": row.realisasi_raw or "–",
                "pct": _pct_compare(
                    row.pct_raw,
                    fig.printed,
                    fig.decimals,
                    fig.computed,
                    fig.agrees,
                    marks.of(("ANG001",), fig.line, "persentase realisasi"),
                ),
                "over": over,
            }
        )
    return out


_FOOTING_RULES = {"kegiatan": ("ANG002",), "program": ("ANG003",), "total": ("ANG004",)}


def budget_footings(ctx: AuditContext, found: list[Finding]) -> list[dict[str, Any]]:
    """Kegiatan, program and total rows: printed amounts next to the sums of their parts.

    The parts and sums are those of ``ctx.figures`` (the rows the loader says each total
    closes, the same ones ANG002-ANG004 add).
    """
    marks = Marks(found)
    out = []
    for fig in ctx.figures.anggaran.footings:
        raw = next(table_rows(ctx.tables.anggaran[ctx.tables.anggaran.line == fig.line]))
        entry: dict[str, Any] = {
            "line": fig.line,
            "label": fig.label,
            "level": fig.level,
            "n": len(fig.parts),
        }
        for column in ("pagu", "realisasi"):
            s = fig.sums.get(column)
            if s is None:
                entry[column] = Compared(getattr(raw, f"{column}_raw") or "–", "–", None)
                continue
            mark = marks.of(_FOOTING_RULES.get(fig.level, ()), fig.line, column)
            ok = s.agrees if fig.trusted else None
            entry[column] = Compared(s.raw or "–", numfmt.rupiah(s.computed), ok, mark)
        out.append(entry)
    return out


def budget_whole(ctx: AuditContext) -> dict[str, Any] | None:
    """The whole budget's serapan: printed (the Jumlah row) and recomputed (which level)."""
    fig = ctx.figures.anggaran
    whole, total = fig.whole, fig.printed_total
    if whole is None and total is None:
        return None
    return {
        "printed": numfmt.pct(total.printed, 2) if total and total.printed is not None else None,
        "printed_line": total.line if total else None,
        "computed": (
            numfmt.pct(whole.serapan_pct, 2) if whole and whole.serapan_pct is not None else None
        ),
        "pagu": numfmt.rupiah(whole.pagu) if whole else None,
        "realisasi": numfmt.rupiah(whole.realisasi) if whole else None,
        "level": whole.level if whole else None,
        "rows": whole.rows if whole else 0,
        "tables": ", ".join(whole.tables) if whole else "",
    }


def capaian_mean(ctx: AuditContext) -> dict[str, Any] | None:
    """The mean recomputed capaian of the Bab III indicators, and what it was taken over."""
    mean = ctx.figures.capaian.mean
    if mean is None:
        return None
    return {
        "mean": numfmt.pct(mean.mean_pct, 2),
        "sasaran_mean": numfmt.pct(mean.sasaran_mean_pct, 2) if mean.sasaran_mean_pct else None,
        "rows": mean.rows,
        "tables": ", ".join(mean.tables),
    }


def capaian_rows(ctx: AuditContext, found: list[Finding]) -> list[dict[str, Any]]:
    """Every indicator with printed and recomputed capaian and the scale's category."""
    marks = Marks(found)
    out = []
    indicators = ctx.figures.capaian.indicators
    for row, fig in zip(table_rows(ctx.tables.capaian), indicators, strict=True):
        computed = fig.computed
        kategori = category_for(ctx.tables.skala, float(computed)) if computed is not None else None
        out.append(
            {
                "line": row.line,
                "sasaran": row.sasaran_no,
                "label": label(row),
                "indikator": row.indikator,
                "target": row.target_raw or "–",
                "realisasi": row.realisasi_raw or "–",
                "polarity": row.polarity,
                "capaian": _pct_compare(
                    row.capaian_raw,
                    fig.printed,
                    fig.decimals,
                    computed,
                    fig.agrees,
                    marks.of(("CAP001", "CAP003"), fig.line, "capaian"),
                ),
                "kategori": kategori or "–",
            }
        )
    return out


def voter_rows(ctx: AuditContext, found: list[Finding]) -> list[dict[str, Any]]:
    """Every voter-table row: printed JUMLAH next to LK + PR."""
    marks = Marks(found)
    out = []
    for row in table_rows(ctx.tables.pemilih):
        lk, pr, jml = val(row, "lk"), val(row, "pr"), val(row, "jumlah")
        computed = lk + pr if lk is not None and pr is not None else None
        out.append(
            {
                "line": row.line,
                "tahap": row.tahap or "–",
                "wilayah": row.wilayah,
                "lk": row.lk_raw or "–",
                "pr": row.pr_raw or "–",
                "jumlah": Compared(
                    row.jumlah_raw or "–",
                    numfmt.rupiah(computed) if computed is not None else "–",
                    None if computed is None or jml is None else computed == jml,
                    marks.of(("PML001",), int(row.line), "JUMLAH"),
                ),
            }
        )
    return out


def staff_counts(ctx: AuditContext, found: list[Finding]) -> list[dict[str, Any]]:
    """Each staff count stated in the text next to the people its tables list or count."""
    marks = Marks(found)
    figures = ctx.figures.pegawai  # the one count per kind PEG001/PEG003 compare with
    out = []
    for s in table_rows(ctx.tables.pegawai_stated):
        fig = figures.get(s.jenis)
        tabled = None if fig is None else fig.listed if fig.listed is not None else fig.counted
        out.append(
            {
                "line": s.line,
                "jenis": s.jenis,
                "stated": int(s.count),
                "listed": tabled,
                "ok": None if tabled is None else tabled == s.count,
                "finding": marks.of(("PEG001", "PEG003"), int(s.line), "jumlah pegawai"),
            }
        )
    return out


def conclusion(ctx: AuditContext, findings: list[Finding]) -> str:
    """A paragraph an auditor can paste into the Laporan Hasil Reviu (plain text)."""
    sev = Counter(f.severity.value for f in findings)
    cats = Counter(f.category.value for f in findings if f.severity.value == "error")
    intro = (
        f"Berdasarkan reviu atas Laporan Kinerja {ctx.satker} Tahun {ctx.year} yang dilakukan "
        f"dengan lkj-audit versi {__version__} (berkas {ctx.doc.source}, SHA-256 "
        f"{ctx.doc.sha256[:16]}…), seluruh jumlah dan persentase pada tabel anggaran, capaian "
        "kinerja dan data pemilih telah dihitung ulang dan dibandingkan antarbagian laporan. "
    )
    if not findings:
        return (
            intro
            + "Tidak ditemukan ketidaksesuaian; LKj dapat dilanjutkan ke tahap penandatanganan."
        )
    found = (
        f"Ditemukan {sev.get('error', 0)} kesalahan, {sev.get('warning', 0)} peringatan dan "
        f"{sev.get('info', 0)} catatan. "
    )
    if cats:
        main = ", ".join(f"{CATEGORY_LABEL[c].lower()} ({n})" for c, n in cats.most_common())
        found += f"Kesalahan terutama menyangkut {main}. "
    advice = (
        "Kami merekomendasikan agar satker memperbaiki angka dan uraian yang disebut dalam "
        "daftar temuan, melengkapi data yang belum dicantumkan, lalu menyampaikan kembali LKj "
        "untuk direviu sebelum ditandatangani dan dipublikasikan."
        if sev.get("error", 0) or sev.get("warning", 0)
        else "Catatan yang ada bersifat informatif dan tidak menghalangi penandatanganan LKj."
    )
    return intro + found + advice
