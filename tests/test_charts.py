"""The report's two charts: real matplotlib drawings, text cached per process, our own PNG.

The caching canvas (:mod:`lkj_audit.render.charts_agg`) must draw what matplotlib draws; the
PNG writer must write what Pillow reads back pixel for pixel; report text in a chart is text,
never mathtext.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from lkj_audit.model import AuditContext
from lkj_audit.render import charts, charts_agg


def _texts(fig: Figure) -> None:
    ax = fig.add_subplot()
    ax.set_title("Serapan per RO/kegiatan: dihitung ulang (batang)", fontsize=9)
    ax.set_xlabel("Capaian kinerja (%) — latar: skala penilaian laporan")
    ax.set_ylabel("Rotated label, 90 degrees")
    ax.text(0.5, 0.5, "12. 6709.QGE.001 Pemutakhiran", fontsize=7, fontweight="bold")
    ax.text(0.1, 0.2, "miring", rotation=30, fontsize=8)


def _pixels(fig: Figure) -> np.ndarray:
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].astype(int)


def test_cached_text_draws_what_matplotlib_draws() -> None:
    charts_agg.clear()
    plain = Figure(figsize=(6, 4), dpi=80)
    FigureCanvasAgg(plain)
    _texts(plain)
    reference = _pixels(plain)
    cached = charts_agg.figure((6, 4), 80)
    assert isinstance(cached.canvas, charts_agg.CachedTextCanvas)
    _texts(cached)
    first = _pixels(cached)
    assert charts_agg._BITMAPS and charts_agg._METRICS  # the texts went through the caches
    again = charts_agg.figure((6, 4), 80)
    _texts(again)
    assert np.array_equal(_pixels(again), first)  # from the caches: the very same pixels
    # The same texts at the same places: whole-pixel placement moves glyphs by < 1 px, so
    # compare the ink per text region, not pixel by pixel.
    ink_ref, ink_new = (reference.sum(axis=2) < 300), (first.sum(axis=2) < 300)
    assert ink_ref.sum() > 2000
    assert abs(int(ink_new.sum()) - int(ink_ref.sum())) < 0.05 * ink_ref.sum()
    rows_ref, rows_new = np.nonzero(ink_ref.any(axis=1))[0], np.nonzero(ink_new.any(axis=1))[0]
    assert abs(rows_ref.min() - rows_new.min()) <= 1 and abs(rows_ref.max() - rows_new.max()) <= 1
    cols_ref, cols_new = np.nonzero(ink_ref.any(axis=0))[0], np.nonzero(ink_new.any(axis=0))[0]
    assert abs(cols_ref.min() - cols_new.min()) <= 1 and abs(cols_ref.max() - cols_new.max()) <= 1
    assert np.abs(first - reference).mean() < 4.0  # per channel, of 255: glyph edges only


@pytest.mark.parametrize("channels", [3, 4])
def test_png_reads_back_pixel_for_pixel(channels: int) -> None:
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, size=(37, 53, channels), dtype=np.uint8)
    pixels[10:20] = 255  # flat runs, as in a chart
    png = charts_agg.encode_png(pixels, 80)
    image = Image.open(io.BytesIO(png))
    image.load()  # checks every chunk's CRC and the zlib stream
    assert image.mode == ("RGB" if channels == 3 else "RGBA")
    assert image.info["dpi"] == pytest.approx((80, 80), abs=0.05)
    assert np.array_equal(np.asarray(image), pixels)


def _png_size(png: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.size


def test_seed_charts_are_pngs_with_bars(seed_ctx: AuditContext) -> None:
    serapan, capaian = charts.serapan_chart(seed_ctx), charts.capaian_chart(seed_ctx)
    assert serapan is not None and capaian is not None
    rows = [f for f in seed_ctx.figures.anggaran.rows if f.level in {"ro", "kegiatan"}]
    rows = [f for f in rows if f.computed is not None]
    width, height = _png_size(serapan)
    assert width == 600 and height == int((0.32 * len(rows) + 1.3) * 80)
    bars = np.asarray(Image.open(io.BytesIO(serapan)).convert("RGB")).astype(int)
    blue = (bars[..., 2] > 180) & (bars[..., 0] < 150)  # the desaturated bar colour
    assert blue.sum() > 20_000  # one bar per row, most near 100 %
    assert _png_size(capaian)[0] == 600


def _draw(rows: list[dict[str, object]], chart: charts._Chart | None = None) -> bytes:
    with charts.styled():
        chart = chart or charts._Chart("Judul", "Sumbu (%)", "#6fa8dc")
        chart.start(rows)
        return chart.png()


def test_report_text_is_never_mathtext() -> None:
    """A row name with dollar signs is drawn as written (mathtext would fail on this one)."""
    rows = [
        {"label": r"Belanja $\frac{ US$ 5", "dihitung": 50.0, "tercetak": 50.0},
        {"label": "Sewa $x$ gedung", "dihitung": 140.0, "tercetak": None},
    ]
    png = _draw(rows)
    assert _png_size(png) == (600, int((0.32 * 2 + 1.3) * 80))
    assert any(key[0] == r"1. Belanja $\frac{ US$ 5" for key in charts_agg._BITMAPS)


def _rows(n: int, printed: bool, over: bool = False) -> list[dict[str, object]]:
    return [
        {
            "label": f"6709.QGE.{i:03d} Kegiatan {i}",
            "dihitung": 160.0 if over and i == 1 else 10.0 * i,
            "tercetak": 9.5 * i if printed else None,
        }
        for i in range(1, n + 1)
    ]


def test_a_reused_figure_draws_each_report_as_a_new_one_would() -> None:
    """Nothing of one report (bars, ticks, names, legend entry) stays for the next."""
    reports = [_rows(9, True, over=True), _rows(3, False), _rows(14, True), _rows(2, True)]
    reused = charts._Chart("Judul", "Sumbu (%)", "#6fa8dc")
    for rows in reports:
        again = _draw(rows, reused)
        fresh = _draw(rows)
        assert _png_size(again) == (600, int((0.32 * len(rows) + 1.3) * 80))
        assert np.array_equal(_decoded(again), _decoded(fresh))


def _decoded(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
