"""Export an executed audit notebook to the self-contained narrative HTML (code hidden).

Uses nbconvert with the package's own template (``nbtemplate/lkj``): it extends the classic
cell layout but replaces the page head, so there is no require.js, no MathJax, no CDN and
no external font — just one small inline stylesheet and images embedded as data URIs.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import nbformat
from nbconvert import HTMLExporter

from lkj_audit import config


@lru_cache(maxsize=1)
def css() -> str:
    """The audit stylesheet (inlined into every page)."""
    return resources.files("lkj_audit").joinpath("render/audit.css").read_text("utf-8")


def exporter() -> HTMLExporter:
    """A configured exporter; build once and reuse (template compilation is the slow part)."""
    exp = HTMLExporter(
        template_name="lkj",
        extra_template_basedirs=[str(config.NB_TEMPLATE_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exp.anchor_link_text = ""
    return exp


def to_html(nb: nbformat.NotebookNode, title: str, exp: HTMLExporter | None = None) -> str:
    """The narrative HTML of an executed notebook."""
    body, _ = (exp or exporter()).from_notebook_node(
        nb, resources={"lkj_css": css(), "lkj_title": title}
    )
    return body


def title_for(params: dict[str, Any]) -> str:
    """Page title from the notebook parameters."""
    return f"Audit LKj {params.get('satker', '')} {params.get('year', '')}".strip()
