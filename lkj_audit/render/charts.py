"""Bar charts of one report in seaborn's look, as PNG bytes (embedded inline: no URLs).

Drawn with matplotlib directly: seaborn's ``barplot`` and ``set_theme`` cost more than the
drawing itself for a dozen bars (unit conversion, a groupby per call, the whole rc reset on
every chart). Its "whitegrid"/"paper" style is read once and applied per figure instead.
"""

from __future__ import annotations

import io
import math
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FixedLocator  # noqa: E402
from matplotlib.transforms import ScaledTranslation, blended_transform_factory  # noqa: E402

from lkj_audit import numfmt  # noqa: E402
from lkj_audit.load.schema import table_rows  # noqa: E402
from lkj_audit.model import AuditContext  # noqa: E402

_CLIP = 130.0  # % shown on the axis; larger values are drawn at the edge and labelled
_BAND_COLOURS = ["#f4cccc", "#fce5cd", "#d9ead3", "#cfe2f3", "#d9d2e9", "#ead1dc"]
_LABEL_CHARS = 34
# What sns.set_theme(style="whitegrid", context="paper") would set, computed once.
_STYLE: dict[str, Any] = {
    **sns.axes_style("whitegrid"),
    **sns.plotting_context("paper"),
    "font.family": ["sans-serif"],
}
_SATURATION = 0.75  # seaborn's barplot desaturates its colour this much
# Where a y tick label would stand: left of the axes by the tick's pad plus its (hidden) size.
_LABEL_OFFSET_PT = (_STYLE.get("ytick.major.pad") or 3.5) + _STYLE["ytick.major.size"]


def _styled() -> Any:
    """The whitegrid/paper look of seaborn for one chart, without touching the global settings."""
    return matplotlib.rc_context(_STYLE)  # type: ignore[arg-type]  # keys are rc names


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    # Fixed margins (see _bars) instead of bbox_inches="tight" or a layout engine: one draw.
    fig.savefig(
        buf, format="png", dpi=80, metadata={"Software": None}, pil_kwargs={"compress_level": 1}
    )  # fast zlib: ~2x the bytes, ~/5 the time
    plt.close(fig)
    return buf.getvalue()


def _bars(rows: list[dict[str, Any]], title: str, xlabel: str, colour: str) -> tuple[Figure, Axes]:
    """Horizontal bars of the recomputed value, a red tick at the printed one, one row each.

    Rows are numbered so two rows with the same code stay two bars. Call it (and draw the
    rest of the chart, and save it) inside :func:`_styled`.
    """
    labels = [f"{i}. {row['label']}"[:_LABEL_CHARS] for i, row in enumerate(rows, 1)]
    computed = [float(row["dihitung"]) for row in rows]
    height = 0.32 * len(rows) + 1.3
    fig, ax = plt.subplots(figsize=(7.5, height))
    # Labels are at most _LABEL_CHARS long, so a fixed left margin fits them.
    fig.subplots_adjust(left=0.36, right=0.98, top=1 - 0.45 / height, bottom=0.55 / height)
    ax.barh(
        range(len(rows)),
        [min(v, _CLIP) for v in computed],
        height=0.8,
        color=sns.desaturate(colour, _SATURATION),
        label="dihitung ulang",
    )
    printed = [
        (min(row["tercetak"], _CLIP), i)
        for i, row in enumerate(rows)
        if row["tercetak"] is not None and not math.isnan(row["tercetak"])
    ]
    if printed:
        ax.scatter(
            [p for p, _ in printed],
            [i for _, i in printed],
            color="#cc0000",
            marker="|",
            s=180,
            zorder=3,
            label="tertulis",
        )
    for i, v in enumerate(computed):
        if v > _CLIP:  # an impossible value (e.g. 90.175%) is named, not drawn off the page
            ax.text(
                _CLIP - 1,
                i,
                numfmt.pct(v, 0),
                va="center",
                ha="right",
                fontsize=7,
                color="white",
                fontweight="bold",
            )
    ax.axvline(100, color="#444", lw=0.8, ls="--")
    ax.set_xlim(0, _CLIP)
    ax.xaxis.set_major_locator(FixedLocator([0, 20, 40, 60, 80, 100, 120]))
    _row_labels(fig, ax, labels)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first row on top, as a categorical axis
    ax.yaxis.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=9, y=1.0)  # y given: no search for overlapping artists
    ax.legend(loc="lower right", fontsize=7)
    return fig, ax


def _row_labels(fig: Figure, ax: Axes, labels: list[str]) -> None:
    """The row names where y tick labels would stand, as plain texts.

    Tick labels cost a whole ``Tick`` each (two lines, a grid line, two texts, copied
    properties) and a second layout pass for the axis; whitegrid draws no y tick marks, so a
    text per row looks the same for about a third of the time.
    """
    ax.set_yticks([])
    to_label = blended_transform_factory(ax.transAxes, ax.transData) + ScaledTranslation(
        -_LABEL_OFFSET_PT / 72, 0, fig.dpi_scale_trans
    )
    size, colour = _STYLE["ytick.labelsize"], _STYLE["ytick.color"]
    for i, label in enumerate(labels):
        ax.text(
            0, i, label, transform=to_label, ha="right", va="center", fontsize=size, color=colour
        )


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
    with _styled():
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
    with _styled():
        fig, ax = _bars(
            rows,
            "Capaian per indikator: dihitung ulang (batang), tertulis (garis merah)",
            "Capaian kinerja (%) — latar: skala penilaian laporan",
            "#3d85c6",
        )
        for i, band in enumerate(table_rows(ctx.tables.skala)):
            lo = 0.0 if band.lower == -math.inf else max(band.lower, 0.0)
            hi = _CLIP if band.upper == math.inf else min(band.upper, _CLIP)
            ax.axvspan(
                lo, hi, color=_BAND_COLOURS[i % len(_BAND_COLOURS)], alpha=0.8, lw=0, zorder=0
            )
            ax.text((lo + hi) / 2, -0.75, str(band.kategori), ha="center", va="bottom", fontsize=7)
        ax.set_ylim(len(rows) - 0.5, -1.2)
        return _png(fig)
