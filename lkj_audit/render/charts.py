"""Seaborn charts of one report, as PNG bytes (embedded inline: no external files or URLs)."""

from __future__ import annotations

import io
import math
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from lkj_audit import numfmt  # noqa: E402
from lkj_audit.load.schema import table_rows  # noqa: E402
from lkj_audit.model import AuditContext  # noqa: E402

_CLIP = 130.0  # % shown on the axis; larger values are drawn at the edge and labelled
_BAND_COLOURS = ["#f4cccc", "#fce5cd", "#d9ead3", "#cfe2f3", "#d9d2e9", "#ead1dc"]
_LABEL_CHARS = 34


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    # Fixed margins (see _bars) instead of bbox_inches="tight" or a layout engine: one draw.
    fig.savefig(buf, format="png", dpi=80, metadata={"Software": None},
                pil_kwargs={"compress_level": 1})  # fast zlib: ~2x the bytes, ~/5 the time
    plt.close(fig)
    return buf.getvalue()


def _bars(
    rows: list[dict[str, Any]], title: str, xlabel: str, colour: str
) -> tuple[Figure, Axes]:
    """Horizontal bars of the recomputed value, a red tick at the printed one, one row each.

    Rows are numbered so two rows with the same code stay two bars (seaborn would merge them).
    """
    df = pd.DataFrame(rows)
    df["row"] = [f"{i}. {lab}"[:_LABEL_CHARS] for i, lab in enumerate(df.label, 1)]
    df["shown"] = df.dihitung.clip(upper=_CLIP)
    sns.set_theme(style="whitegrid", context="paper")
    height = 0.32 * len(df) + 1.3
    fig, ax = plt.subplots(figsize=(7.5, height))
    # Labels are at most _LABEL_CHARS long, so a fixed left margin fits them.
    fig.subplots_adjust(left=0.36, right=0.98, top=1 - 0.45 / height, bottom=0.55 / height)
    sns.barplot(
        data=df, x="shown", y="row", color=colour, ax=ax, label="dihitung ulang", errorbar=None
    )
    printed = [
        (min(p, _CLIP), i)
        for i, p in enumerate(df.tercetak)
        if p is not None and not math.isnan(p)
    ]
    if printed:
        ax.scatter([p for p, _ in printed], [i for _, i in printed], color="#cc0000", marker="|",
                   s=180, zorder=3, label="tertulis")
    for i, v in enumerate(df.dihitung):
        if v > _CLIP:  # an impossible value (e.g. 90.175%) is named, not drawn off the page
            ax.text(_CLIP - 1, i, numfmt.pct(v, 0), va="center", ha="right", fontsize=7,
                    color="white", fontweight="bold")
    ax.axvline(100, color="#444", lw=0.8, ls="--")
    ax.set_xlim(0, _CLIP)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.set_title(title, fontsize=9)
    ax.legend(loc="lower right", fontsize=7)
    return fig, ax


def serapan_chart(ctx: AuditContext) -> bytes | None:
    """Recomputed serapan per RO/kegiatan (bars) with the printed % (red ticks)."""
    rows = [
        {
            "label": fig.label,
            "dihitung": float(fig.computed),
            "tercetak": None if fig.printed is None else float(fig.printed),
        }
        for fig in ctx.figures.anggaran.rows
        if fig.level in {"ro", "kegiatan"} and fig.computed is not None
    ]
    if not rows:
        return None
    fig, _ = _bars(
        rows,
        "Serapan per RO/kegiatan: dihitung ulang (batang), tertulis (garis merah)",
        "Serapan anggaran (%)",
        "#6fa8dc",
    )
    return _png(fig)


def capaian_chart(ctx: AuditContext) -> bytes | None:
    """Recomputed capaian per indicator against the report's own rating bands."""
    rows = [
        {
            "label": fig.label,
            "dihitung": float(fig.computed) if fig.computed is not None else 0.0,
            "tercetak": None if fig.printed is None else float(fig.printed),
        }
        for fig in ctx.figures.capaian.indicators
        if fig.computed is not None or fig.printed is not None
    ]
    if not rows:
        return None
    fig, ax = _bars(rows, "Capaian per indikator: dihitung ulang (batang), tertulis (garis merah)",
                    "Capaian kinerja (%) — latar: skala penilaian laporan", "#3d85c6")
    for i, band in enumerate(table_rows(ctx.tables.skala)):
        lo = 0.0 if band.lower == -math.inf else max(band.lower, 0.0)
        hi = _CLIP if band.upper == math.inf else min(band.upper, _CLIP)
        ax.axvspan(lo, hi, color=_BAND_COLOURS[i % len(_BAND_COLOURS)], alpha=0.8, lw=0, zorder=0)
        ax.text((lo + hi) / 2, -0.75, str(band.kategori), ha="center", va="bottom", fontsize=7)
    ax.set_ylim(len(rows) - 0.5, -1.2)
    return _png(fig)
