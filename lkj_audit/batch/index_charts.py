"""Seaborn charts across satker, as PNG bytes (embedded inline: no external files or URLs)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from lkj_audit.model import Category, Severity  # noqa: E402
from lkj_audit.render import charts_agg  # noqa: E402
from lkj_audit.render.charts import styled  # noqa: E402
from lkj_audit.render.env import CATEGORY_LABEL, SEVERITY_LABEL  # noqa: E402

_SEVERITY_COLOURS = {"Kesalahan": "#cc0000", "Peringatan": "#e69138", "Catatan": "#6fa8dc"}
_CLIP = (0.0, 130.0)  # % axis range; points beyond are drawn at the edge
_DPI = 90


def _axes(figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """A figure outside pyplot on the text-caching canvas (call inside :func:`styled`)."""
    fig = charts_agg.figure(figsize, _DPI)
    return fig, fig.add_subplot()


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(
        buf, format="png", dpi=_DPI, bbox_inches="tight", metadata={"Software": None},
        pil_kwargs={"compress_level": 1},
    )  # fmt: skip
    return buf.getvalue()


def serapan_vs_capaian(satker: pd.DataFrame) -> bytes | None:
    """One point per satker: recomputed budget absorption against mean performance."""
    df = satker.dropna(subset=["serapan", "capaian"])
    if df.empty:
        return None
    df = df.assign(
        x=df["serapan"].clip(*_CLIP), y=df["capaian"].clip(*_CLIP), kesalahan=df["error"]
    )
    with styled():
        fig, ax = _axes((7.0, 4.8))
        sns.scatterplot(data=df, x="x", y="y", size="kesalahan", hue="kesalahan",
                        palette="flare", sizes=(30, 160), ax=ax, legend="brief")
        ax.axvline(100, color="#444", lw=0.8, ls="--")
        ax.axhline(100, color="#444", lw=0.8, ls="--")
        ax.set_xlabel("Serapan anggaran, dihitung ulang (%)")
        ax.set_ylabel("Rata-rata capaian indikator, dihitung ulang (%)")
        ax.set_title(f"Serapan anggaran dan capaian kinerja ({len(df)} satker)")
        ax.legend(title="Jumlah kesalahan", fontsize=7, title_fontsize=7, loc="lower left")
        return _png(fig)


def findings_by_category(findings: pd.DataFrame) -> bytes | None:
    """Findings per category across all satker, split by severity."""
    if findings.empty:
        return None
    order = [CATEGORY_LABEL[c.value] for c in Category]
    df = findings.assign(
        kategori=findings["category"].map(lambda c: CATEGORY_LABEL.get(c, c)),
        tingkat=findings["severity"].map(lambda s: SEVERITY_LABEL.get(s, s)),
    )
    hue_order = [SEVERITY_LABEL[s.value] for s in Severity]
    with styled():
        fig, ax = _axes((7.0, 3.8))
        sns.countplot(data=df, y="kategori", hue="tingkat", order=order, hue_order=hue_order,
                      palette=_SEVERITY_COLOURS, ax=ax)
        ax.set_xlabel("Jumlah temuan (semua satker)")
        ax.set_ylabel("")
        ax.set_title("Temuan per kategori")
        ax.legend(title="", fontsize=7)
        return _png(fig)


def top_rules(findings: pd.DataFrame, top: int = 15) -> bytes | None:
    """The rules that fire most often, with how many satker they affect."""
    if findings.empty:
        return None
    grouped = (findings.groupby(["rule", "name"], observed=True)
               .agg(temuan=("rule", "size"), satker=("satker", "nunique"))
               .reset_index().sort_values(["temuan", "rule"], ascending=[False, True]).head(top))
    grouped["aturan"] = grouped["rule"] + " " + grouped["name"]
    with styled():
        fig, ax = _axes((7.0, 0.32 * len(grouped) + 1.2))
        sns.barplot(data=grouped, x="temuan", y="aturan", color="#6fa8dc", ax=ax)
        for i, (n, s) in enumerate(zip(grouped["temuan"], grouped["satker"], strict=True)):
            ax.text(n, i, f"  {s} satker", va="center", fontsize=7)
        ax.set_xlabel("Jumlah temuan")
        ax.set_ylabel("")
        ax.set_title(f"Aturan yang paling sering dilanggar (maks. {top})")
        return _png(fig)
