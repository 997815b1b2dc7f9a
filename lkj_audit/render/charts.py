"""Seaborn charts of one report, as PNG bytes (embedded inline: no external files or URLs)."""

from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from lkj_audit import recompute  # noqa: E402
from lkj_audit.model import AuditContext  # noqa: E402
from lkj_audit.rules.common import label, val  # noqa: E402

_CLIP = 130.0  # % shown on the axis; larger values are drawn at the edge and labelled
_BAND_COLOURS = ["#f4cccc", "#fce5cd", "#d9ead3", "#cfe2f3", "#d9d2e9", "#ead1dc"]


def _png(fig: plt.Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _clip(values: list[float]) -> list[float]:
    return [min(v, _CLIP) for v in values]


def serapan_chart(ctx: AuditContext) -> bytes | None:
    """Recomputed serapan per RO/kegiatan (bars) with the printed % (markers)."""
    rows = []
    for row in ctx.tables.anggaran.itertuples():
        if row.level not in {"ro", "kegiatan"}:
            continue
        pagu, real = val(row, "pagu"), val(row, "realisasi")
        computed = recompute.percent(real, pagu) if pagu and real is not None else None
        if computed is None:
            continue
        printed = float(row.pct) if not math.isnan(row.pct) else None
        rows.append({"label": label(row), "dihitung": float(computed), "tercetak": printed})
    if not rows:
        return None
    df = pd.DataFrame(rows)
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(df) + 1.2))
    sns.barplot(data=df.assign(shown=_clip(df.dihitung.tolist())), x="shown", y="label",
                color="#6fa8dc", ax=ax, label="dihitung ulang")
    printed = df.dropna(subset=["tercetak"])
    ax.scatter(_clip(printed.tercetak.tolist()), printed.index, color="#cc0000", marker="|",
               s=180, zorder=3, label="tercetak")
    for i, v in enumerate(df.dihitung):
        if v > _CLIP:
            ax.text(_CLIP - 1, i, f"{v:,.0f}%".replace(",", "."), va="center", ha="right",
                    fontsize=7, color="white", fontweight="bold")
    ax.axvline(100, color="#444", lw=0.8, ls="--")
    ax.set_xlim(0, _CLIP)
    ax.set_xlabel("Serapan anggaran (%)")
    ax.set_ylabel("")
    ax.set_title("Serapan per RO/kegiatan: dihitung ulang (batang) dan tercetak (garis merah)")
    ax.legend(loc="lower right", fontsize=7)
    return _png(fig)


def capaian_chart(ctx: AuditContext) -> bytes | None:
    """Recomputed capaian per indicator against the report's own rating bands."""
    rows = []
    for row in ctx.tables.capaian.itertuples():
        t, r = val(row, "target"), val(row, "realisasi")
        computed = recompute.capaian(t, r, row.polarity) if t is not None and r is not None else None
        printed = float(row.capaian) if not math.isnan(row.capaian) else None
        if computed is None and printed is None:
            continue
        rows.append({
            "label": label(row),
            "dihitung": float(computed) if computed is not None else 0.0,
            "tercetak": printed,
        })
    if not rows:
        return None
    df = pd.DataFrame(rows)
    sns.set_theme(style="white", context="paper")
    fig, ax = plt.subplots(figsize=(7.5, 0.36 * len(df) + 1.4))
    for i, band in enumerate(ctx.tables.skala.itertuples()):
        lo = max(band.lower, 0.0) if band.lower != -math.inf else 0.0
        hi = min(band.upper, _CLIP) if band.upper != math.inf else _CLIP
        ax.axvspan(lo, hi, color=_BAND_COLOURS[i % len(_BAND_COLOURS)], alpha=0.8, lw=0)
        ax.text((lo + hi) / 2, -0.9, str(band.kategori), ha="center", va="bottom", fontsize=7)
    sns.barplot(data=df.assign(shown=_clip(df.dihitung.tolist())), x="shown", y="label",
                color="#3d85c6", ax=ax, label="dihitung ulang")
    printed = df.dropna(subset=["tercetak"])
    ax.scatter(_clip(printed.tercetak.tolist()), printed.index, color="#cc0000", marker="|",
               s=180, zorder=3, label="tercetak")
    ax.set_xlim(0, _CLIP)
    ax.set_ylim(len(df) - 0.5, -1.2)
    ax.set_xlabel("Capaian kinerja (%) — latar: skala penilaian laporan")
    ax.set_ylabel("")
    ax.set_title("Capaian per indikator: dihitung ulang (batang) dan tercetak (garis merah)")
    ax.legend(loc="lower right", fontsize=7)
    return _png(fig)
