"""Bar charts of one report in seaborn's look, as PNG bytes (embedded inline: no URLs).

Drawn with matplotlib directly: seaborn's ``barplot`` and ``set_theme`` cost more than the
drawing itself for a dozen bars (unit conversion, a groupby per call, the whole rc reset on
every chart). Its "whitegrid"/"paper" style is read once and applied per figure instead.

A batch kernel draws both charts for every report: each kind keeps one figure per process
(:class:`_Chart`) whose fixed parts (axes, title, x axis, the 100 % line, legend) are made
once; a report adds its bars, ticks, row names and bands and takes them away again.
"""

from __future__ import annotations

import math
from typing import Any

import matplotlib

matplotlib.use("Agg")

import seaborn as sns  # noqa: E402
from matplotlib.artist import Artist  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import ScaledTranslation, blended_transform_factory  # noqa: E402

from lkj_audit import numfmt  # noqa: E402
from lkj_audit.load.schema import table_rows  # noqa: E402
from lkj_audit.model import AuditContext  # noqa: E402
from lkj_audit.render import charts_agg  # noqa: E402

_CLIP = 130.0  # % shown on the axis; larger values are drawn at the edge and labelled
_BAND_COLOURS = ["#f4cccc", "#fce5cd", "#d9ead3", "#cfe2f3", "#d9d2e9", "#ead1dc"]
_LABEL_CHARS = 34
_DPI = 80
# What sns.set_theme(style="whitegrid", context="paper") would set, computed once.
_STYLE: dict[str, Any] = {
    **sns.axes_style("whitegrid"),
    **sns.plotting_context("paper"),
    "font.family": ["sans-serif"],
}
_SATURATION = 0.75  # seaborn's barplot desaturates its colour this much
# Where a y tick label would stand: left of the axes by the tick's pad plus its (hidden) size.
_LABEL_OFFSET_PT = (_STYLE.get("ytick.major.pad") or 3.5) + _STYLE["ytick.major.size"]
_XTICKS = (0, 20, 40, 60, 80, 100, 120)
# Below the axes, as XAxis places them: tick labels by pad + (unseen) tick size, the axis label
# under the tick labels' line height (matplotlib measures it on "lp") by the label pad.
_XTICK_OFFSET_PT = (_STYLE.get("xtick.major.pad") or 3.5) + _STYLE["xtick.major.size"]
_XLABEL_OFFSET_PT = (
    _XTICK_OFFSET_PT
    + charts_agg.line_height_pt(_STYLE["xtick.labelsize"], _STYLE["font.family"], _DPI)
    + (_STYLE.get("axes.labelpad") or 4.0)
)


def styled() -> Any:
    """The whitegrid/paper look of seaborn for one chart, without touching the global settings."""
    return matplotlib.rc_context(_STYLE)  # type: ignore[arg-type]  # keys are rc names


def _rectangles(spans: list[tuple[float, float, float, float]], **style: Any) -> PolyCollection:
    """One artist for many rectangles ``(x0, x1, y0, y1)``.

    A patch each (``barh``, ``axvspan``) costs ~1 ms to add, for autoscaling that these
    charts do not use (their limits are fixed).
    """
    return PolyCollection(
        [[(x0, y0), (x0, y1), (x1, y1), (x1, y0)] for x0, x1, y0, y1 in spans], **style
    )


class _Chart:
    """Horizontal bars of the recomputed value, a red tick at the printed one, one row each.

    One instance per kind of chart and process. Its figure and the parts every report shares
    are made once (a new figure with its axes costs ~10 ms: spines, axis machinery, a clear);
    :meth:`draw` removes the previous report's artists, adds this report's and returns the
    PNG. Row names are ``Text`` artists reused from report to report. Draw it inside
    :func:`styled` (what a report adds takes its look from the style too).
    """

    def __init__(self, title: str, xlabel: str, colour: str) -> None:
        self.colour = sns.desaturate(colour, _SATURATION)
        with styled():  # the figure and axes take their look from the style when made
            self.fig = charts_agg.figure((7.5, 3.0), _DPI)
            self.ax = ax = self.fig.add_subplot()
            ax.set_xlim(0, _CLIP)
            _x_axis(self.fig, ax, xlabel)
            ax.axvline(100, color="#444", lw=0.8, ls="--")
            ax.set_title(title, fontsize=9, y=1.0)  # y given: no search for overlapping artists
        self._legends: dict[bool, Legend] = {}  # with and without the "tertulis" tick
        self._transient: list[Artist] = []  # this report's artists, removed before the next
        self._labels: list[Text] = []  # row names, reused

    def add(self, artist: Artist) -> Any:
        """Keep ``artist`` (already on the axes) for this report only."""
        self._transient.append(artist)
        return artist

    def start(self, rows: list[dict[str, Any]]) -> Axes:
        """Clear the previous report's artists and add this one's rows.

        Rows are numbered, so two rows with the same code stay two bars. Returns the axes,
        for what a chart adds on top (``add`` it).
        """
        for artist in self._transient:
            artist.remove()
        self._transient = []
        ax, fig = self.ax, self.fig
        height = 0.32 * len(rows) + 1.3
        fig.set_size_inches(7.5, height)
        # Labels are at most _LABEL_CHARS long, so a fixed left margin fits them.
        fig.subplots_adjust(left=0.36, right=0.98, top=1 - 0.45 / height, bottom=0.55 / height)
        computed = [float(row["dihitung"]) for row in rows]
        # The bars as barh draws them (0.8 high, white edge of patch.linewidth), in one artist.
        bars = _rectangles(
            [(0.0, min(v, _CLIP), i - 0.4, i + 0.4) for i, v in enumerate(computed)],
            facecolors=self.colour,
            edgecolors=_STYLE["patch.edgecolor"],
            linewidths=_STYLE["patch.linewidth"],
            label="dihitung ulang",
        )
        self.add(ax.add_collection(bars, autolim=False))
        printed = [
            (min(row["tercetak"], _CLIP), i)
            for i, row in enumerate(rows)
            if row["tercetak"] is not None and not math.isnan(row["tercetak"])
        ]
        ticks = None
        if printed:
            ticks = self.add(
                ax.scatter(
                    [p for p, _ in printed],
                    [i for _, i in printed],
                    color="#cc0000",
                    marker="|",
                    s=180,
                    zorder=3,
                    label="tertulis",
                )
            )
        for i, v in enumerate(computed):
            if v > _CLIP:  # an impossible value (e.g. 90.175%) is named, not drawn off the page
                self.add(
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
                )
        self._row_labels([f"{i}. {row['label']}"[:_LABEL_CHARS] for i, row in enumerate(rows, 1)])
        ax.set_ylim(len(rows) - 0.5, -0.5)  # first row on top, as a categorical axis
        self._legend(bars, ticks)
        return ax

    def _legend(self, bars: PolyCollection, ticks: Any) -> None:
        # The legend shows only the look of its entries, the same for every report.
        has_ticks = ticks is not None
        legend = self._legends.get(has_ticks)
        if legend is None:
            handles = [ticks, bars] if has_ticks else [bars]
            legend = self._legends[has_ticks] = self.ax.legend(
                handles=handles, loc="lower right", fontsize=7
            )
        self.ax.legend_ = legend

    def _row_labels(self, labels: list[str]) -> None:
        """The row names where y tick labels would stand, as plain texts.

        Tick labels cost a whole ``Tick`` each (two lines, a grid line, two texts, copied
        properties) and a second layout pass for the axis; whitegrid draws no y tick marks,
        so a text per row looks the same for about a third of the time.
        """
        if not self._labels or len(self._labels) < len(labels):
            to_label = blended_transform_factory(
                self.ax.transAxes, self.ax.transData
            ) + ScaledTranslation(-_LABEL_OFFSET_PT / 72, 0, self.fig.dpi_scale_trans)
            size, colour = _STYLE["ytick.labelsize"], _STYLE["ytick.color"]
            while len(self._labels) < len(labels):
                self._labels.append(
                    self.ax.text(
                        0,
                        len(self._labels),
                        "",
                        transform=to_label,
                        ha="right",
                        va="center",
                        fontsize=size,
                        color=colour,
                        parse_math=False,  # report text: a "$" is a dollar sign, never mathtext
                    )
                )
        for i, text in enumerate(self._labels):
            text.set_visible(i < len(labels))
            text.set_text(labels[i] if i < len(labels) else "")

    def png(self) -> bytes:
        """The chart as drawn now."""
        # Fixed margins instead of bbox_inches="tight" or a layout engine: one draw.
        return charts_agg.png(self.fig)


def _x_axis(fig: Figure, ax: Axes, xlabel: str) -> None:
    """Grid lines, tick labels and axis label of the x axis, as an ``XAxis`` would draw them.

    An axis builds a ``Tick`` per value on its first draw (two marks, a grid line, two texts,
    copied properties): ~13 ms for 7 ticks, more than the bars. whitegrid draws no tick
    marks, so grid lines in one collection and plain texts at the same offsets look the same.
    """
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)  # no y ticks either: the row names stand in their place
    on_x = ax.get_xaxis_transform()  # x in data, y in axes units
    ax.add_collection(
        LineCollection(
            [[(x, 0.0), (x, 1.0)] for x in _XTICKS],
            colors=_STYLE["grid.color"],
            linewidths=_STYLE["grid.linewidth"],
            linestyles=_STYLE["grid.linestyle"],
            transform=on_x,
            zorder=0.5,  # axes.axisbelow: above the rating bands (0), below the bars (1)
        ),
        autolim=False,
    )
    below = on_x + ScaledTranslation(0, -_XTICK_OFFSET_PT / 72, fig.dpi_scale_trans)
    size, colour = _STYLE["xtick.labelsize"], _STYLE["xtick.color"]
    for x in _XTICKS:
        ax.text(x, 0, f"{x:g}", transform=below, ha="center", va="top", fontsize=size, color=colour)
    under = ax.transAxes + ScaledTranslation(0, -_XLABEL_OFFSET_PT / 72, fig.dpi_scale_trans)
    ax.text(
        0.5,
        0,
        xlabel,
        transform=under,
        ha="center",
        va="top",
        fontsize=_STYLE["axes.labelsize"],
        color=_STYLE["axes.labelcolor"],
    )


_charts: dict[str, _Chart] = {}


def _chart(kind: str, title: str, xlabel: str, colour: str) -> _Chart:
    """The figure of ``kind`` in this process (made on first use)."""
    found = _charts.get(kind)
    if found is None:
        found = _charts[kind] = _Chart(title, xlabel, colour)
    return found


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
    with styled():
        chart = _chart(
            "serapan",
            "Serapan per RO/kegiatan: dihitung ulang (batang), tertulis (garis merah)",
            "Serapan anggaran (%)",
            "#6fa8dc",
        )
        chart.start(rows)
        return chart.png()


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
    with styled():
        chart = _chart(
            "capaian",
            "Capaian per indikator: dihitung ulang (batang), tertulis (garis merah)",
            "Capaian kinerja (%) — latar: skala penilaian laporan",
            "#3d85c6",
        )
        ax = chart.start(rows)
        spans, colours = [], []
        for i, band in enumerate(table_rows(ctx.tables.skala)):
            lo = 0.0 if band.lower == -math.inf else max(band.lower, 0.0)
            hi = _CLIP if band.upper == math.inf else min(band.upper, _CLIP)
            spans.append((lo, hi, 0.0, 1.0))
            colours.append(_BAND_COLOURS[i % len(_BAND_COLOURS)])
            chart.add(
                ax.text(
                    (lo + hi) / 2,
                    -0.75,
                    str(band.kategori),
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    parse_math=False,
                )
            )
        # As axvspan: the full height of the axes, behind everything else.
        bands = _rectangles(
            spans,
            facecolors=colours,
            alpha=0.8,
            linewidths=0,
            transform=ax.get_xaxis_transform(),
            zorder=0,
        )
        chart.add(ax.add_collection(bands, autolim=False))
        ax.set_ylim(len(rows) - 0.5, -1.2)
        return chart.png()
