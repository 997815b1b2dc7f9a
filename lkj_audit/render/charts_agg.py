# mypy: disable-error-code="no-untyped-call"
# (matplotlib's Agg renderer and its helpers are unannotated)
"""An Agg canvas that lays out and rasterises each distinct text once per process.

matplotlib 3.11 shapes a string twice per chart (once to measure it, once to draw it, ~0.8 ms
each with libraqm) and then renders it glyph by glyph in Python. A batch kernel draws the
same titles, axis labels, tick labels, legend entries and many of the same row names for
every report, so this renderer keeps, per string and font, the measured size and the
string's grey-level bitmap (rendered in one call, as matplotlib up to 3.10 did), and pastes
the bitmap at the text's whole-pixel position. Mathtext, TeX and texts with OpenType
features or a language fall back to matplotlib's own path.
"""

from __future__ import annotations

import math
import struct
import zlib
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

_LIMIT = 4096  # entries per cache; a batch of 500 reports draws a few thousand strings
_METRICS: dict[tuple[Any, ...], tuple[float, float, float]] = {}
_BITMAPS: dict[tuple[Any, ...], tuple[Any, float, float, float]] = {}


def _key(text: str, prop: FontProperties, dpi: float) -> tuple[Any, ...]:
    # FontProperties is mutable: the key holds its values, not the object.
    return (
        text,
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
        dpi,
        get_hinting_flag(),
    )


def _remember(cache: dict[tuple[Any, ...], Any], key: tuple[Any, ...], value: Any) -> Any:
    if len(cache) >= _LIMIT:
        cache.clear()  # crude, but a batch never comes near it with its own texts
    cache[key] = value
    return value


def clear() -> None:
    """Forget every cached text (tests; a process that changes its fonts)."""
    _METRICS.clear()
    _BITMAPS.clear()


class CachedTextRenderer(RendererAgg):
    """``RendererAgg`` with per-process caches for plain text."""

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        """Width, height and descent of ``s`` (measured once per string, font and dpi)."""
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-any-return]
        key = _key(s, prop, self.dpi)
        found = _METRICS.get(key)
        if found is None:
            found = _remember(_METRICS, key, super().get_text_width_height_descent(s, prop, ismath))
        return found

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        """Paste the string's cached bitmap (rotated by Agg if ``angle``)."""
        shaped = mtext is not None and (
            getattr(mtext, "get_fontfeatures", lambda: None)()
            or getattr(mtext, "get_language", lambda: None)()
        )
        if ismath or shaped:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        antialiased = bool(gc.get_antialiased())
        key = (*_key(s, prop, self.dpi), antialiased)
        found = _BITMAPS.get(key)
        if found is None:
            found = _remember(_BITMAPS, key, self._bitmap(s, prop, antialiased))
        image, descent, xo, yo = found
        # As RendererAgg.draw_text up to matplotlib 3.10: the descent follows the angle.
        xd = descent * math.sin(math.radians(angle))
        yd = descent * math.cos(math.radians(angle))
        self._renderer.draw_text_image(image, round(x + xo + xd), round(y + yo + yd) + 1, angle, gc)

    def _bitmap(
        self, s: str, prop: FontProperties, antialiased: bool
    ) -> tuple[Any, float, float, float]:
        font = self._prepare_font(prop)
        font.set_text(s, 0, flags=get_hinting_flag())  # angle 0: Agg rotates the bitmap
        font.draw_glyphs_to_bitmap(antialiased=antialiased)
        xo, yo = font.get_bitmap_offset()
        image = np.array(font.get_image(), dtype=np.uint8)  # a copy: the font's buffer is reused
        return image, font.get_descent() / 64.0, xo / 64.0, yo / 64.0


class CachedTextCanvas(FigureCanvasAgg):
    """``FigureCanvasAgg`` whose renderer is a :class:`CachedTextRenderer`."""

    def get_renderer(self) -> CachedTextRenderer:
        """The renderer for the figure's current size and dpi (reused while they stay)."""
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = CachedTextRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        renderer: CachedTextRenderer = self.renderer
        return renderer


def supported() -> bool:
    """Whether this matplotlib's fonts still render a whole string in one call."""
    from matplotlib.ft2font import FT2Font

    return all(hasattr(FT2Font, name) for name in ("draw_glyphs_to_bitmap", "get_bitmap_offset"))


def line_height_pt(size: float, family: list[str], dpi: float) -> float:
    """Height in points of one line of text, as matplotlib's layout measures it (on "lp")."""
    prop = FontProperties(family=family, size=size)
    _, height, _ = RendererAgg(1, 1, dpi).get_text_width_height_descent("lp", prop, False)
    return float(height) * 72 / dpi


def figure(figsize: tuple[float, float], dpi: float) -> Figure:
    """A figure outside pyplot (nothing to close) on the caching canvas where possible."""
    fig = Figure(figsize=figsize, dpi=dpi)
    (CachedTextCanvas if _SUPPORTED else FigureCanvasAgg)(fig)
    return fig


_SUPPORTED = supported()


def png(fig: Figure) -> bytes:
    """The figure drawn once and written as a PNG (RGB when opaque), at the figure's dpi."""
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg), canvas  # figure() made it
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    pixels = rgba[..., :3] if bool((rgba[..., 3] == 255).all()) else rgba
    return encode_png(pixels, fig.dpi)


def encode_png(pixels: Any, dpi: float) -> bytes:
    """An 8-bit RGB or RGBA PNG of ``pixels`` (rows x columns x 3 or 4), unfiltered, fast zlib.

    Pillow tries every PNG row filter on every row (~9 ms for a 600 x 560 chart); a chart is
    mostly flat colour, which zlib alone packs as small: no filter and level 1 take ~2 ms.
    """
    height, width, channels = pixels.shape
    rows = np.empty((height, width * channels + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "None" for every row
    rows[:, 1:] = pixels.reshape(height, width * channels)
    ppm = round(dpi / 0.0254)  # pixels per metre, as Pillow writes the dpi
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(
                b"IHDR", struct.pack(">IIBBBBB", width, height, 8, _COLOUR_TYPE[channels], 0, 0, 0)
            ),
            _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)),
            _chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)),
            _chunk(b"IEND", b""),
        )
    )


_COLOUR_TYPE = {3: 2, 4: 6}  # PNG colour types: truecolour, truecolour with alpha


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
