"""Display data: stated vs recomputed, side by side, for each typed table (no I/O, no HTML)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from lkj_audit import __version__, numfmt, recompute
from lkj_audit.load.schema import table_rows
from lkj_audit.load.skala import category_for
from lkj_audit.model import AuditContext, Finding
from lkj_audit.render.env import CATEGORY_LABEL
from lkj_audit.rules.common import label, program_members, val


@dataclass(frozen=True, slots=True)
class Compared:
    """One printed figure next to its recomputation."""

    stated: str
    computed: str
    ok: bool | None  # None: not computable


def _pct_compare(printed_raw: str, printed: Any, decimals: int, computed: Any) -> Compared:
    if computed is None:
        return Compared(printed_raw or "–", "–", None)
    text = numfmt.pct(computed, max(decimals, 2))
    if printed is None:
        return Compared("–", text, None)
    return Compared(printed_raw, text, recompute.agrees(printed, decimals, computed))


def budget_rows(ctx: AuditContext) -> list[dict[str, Any]]:
    """Every budget row with its printed and recomputed serapan."""
    out = []
    for row in table_rows(ctx.tables.anggaran):
        pagu, real = val(row, "pagu"), val(row, "realisasi")
        computed = recompute.percent(real, pagu) if pagu and real is not None else None
        out.append(
            {
                "line": row.line,
                "level": row.level,
                "label": label(row),
                "uraian": row.uraian,
                "pagu": row.pagu_raw or "–",
                "realisasi": row.realisasi_raw or "–",
                "pct": _pct_compare(row.pct_raw, val(row, "pct"), int(row.pct_dec), computed),
                "over": bool(pagu is not None and real is not None and real > pagu),
            }
        )
    return out


def budget_footings(ctx: AuditContext) -> list[dict[str, Any]]:
    """Program and total rows: printed amounts next to the sums of their parts."""
    df = ctx.tables.anggaran
    out = []
    for row in table_rows(df[df.level.isin(["program", "kegiatan", "total"])]):
        if row.level == "program":
            parts = program_members(df, row.uraian)
        elif row.level == "kegiatan":
            parts = df[(df.level == "ro") & (df.kegiatan == row.kegiatan)]
        else:  # the rows this total closes, as the loader decided (the same ones ANG004 adds)
            lines = {int(x) for x in str(row.closes).split(",") if x}
            parts = df[(df.table == row.table) & df.line.isin(lines) & (df.line != row.line)]
        if parts.empty:
            continue
        entry: dict[str, Any] = {
            "line": row.line,
            "label": label(row),
            "level": row.level,
            "n": len(parts),
        }
        for column in ("pagu", "realisasi"):
            printed = val(row, column)
            values = [val(p, column) for p in parts.itertuples()]
            total = recompute.column_sum(values)
            raw = getattr(row, f"{column}_raw")
            decimals = [int(getattr(row, f"{column}_dec")), *map(int, parts[f"{column}_dec"])]
            agrees = None
            if printed is not None and None not in values:
                present = [v for v in values if v is not None]
                agrees = recompute.sums_agree(printed, present, decimals)
            entry[column] = Compared(raw or "–", numfmt.rupiah(total), agrees)
        out.append(entry)
    return out


def capaian_rows(ctx: AuditContext) -> list[dict[str, Any]]:
    """Every indicator with printed and recomputed capaian and the scale's category."""
    out = []
    for row in table_rows(ctx.tables.capaian):
        t, r = val(row, "target"), val(row, "realisasi")
        computed = (
            recompute.capaian(t, r, row.polarity) if t is not None and r is not None else None
        )
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
                    row.capaian_raw, val(row, "capaian"), int(row.capaian_dec), computed
                ),
                "kategori": kategori or "–",
            }
        )
    return out


def voter_rows(ctx: AuditContext) -> list[dict[str, Any]]:
    """Every voter-table row: printed JUMLAH next to LK + PR."""
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
                ),
            }
        )
    return out


def staff_counts(ctx: AuditContext) -> list[dict[str, Any]]:
    """Each staff count stated in the text next to the number of people listed."""
    listed = ctx.tables.pegawai.groupby("jenis").size().to_dict()
    return [
        {
            "line": s.line,
            "jenis": s.jenis,
            "stated": int(s.count),
            "listed": listed.get(s.jenis),
            "ok": None if s.jenis not in listed else listed[s.jenis] == s.count,
        }
        for s in table_rows(ctx.tables.pegawai_stated)
    ]


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
