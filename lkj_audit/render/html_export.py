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
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import TagRemovePreprocessor

from lkj_audit import config

GUIDE_TAG = "petunjuk"


@lru_cache(maxsize=1)
def css() -> str:
    """The audit stylesheet (inlined into every page)."""
    return resources.files("lkj_audit").joinpath("render/audit.css").read_text("utf-8")


class AuditHTMLExporter(HTMLExporter):
    """HTMLExporter without its BeautifulSoup post-pass.

    nbconvert re-parses the whole page only to add missing ``alt`` texts and JupyterLab
    ``tabindex`` attributes; our charts carry alt texts and our template has no JupyterLab
    cells, so the pass (about half of the export time) is skipped.
    """

    def from_notebook_node(  # type: ignore[override]
        self, nb: nbformat.NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        """Render the notebook with the template, nothing more."""
        # nbconvert ships py.typed but leaves these methods unannotated: hence the ignores.
        resources = self._init_resources(resources)  # type: ignore[no-untyped-call]
        self.register_filter(  # type: ignore[no-untyped-call]
            "highlight_code", self.filters.get("highlight_code", lambda s, *a, **k: s)
        )
        self.register_filter(  # type: ignore[no-untyped-call]
            "filter_data_type",
            WidgetsDataTypeFilter(  # type: ignore[no-untyped-call]
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            ),
        )
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def exporter() -> HTMLExporter:
    """A configured exporter; build once and reuse (template compilation is the slow part)."""
    exp = AuditHTMLExporter(  # type: ignore[no-untyped-call]  # nbconvert: unannotated __init__
        template_name="lkj",
        extra_template_basedirs=[str(config.NB_TEMPLATE_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # nbconvert serialises an empty heading anchor as ``<a class="anchor-link" />``; HTML
        # has no self-closing <a>, so browsers would leave the link open to the end of the page.
        exclude_anchor_links=True,
        # Validate the notebook once after all preprocessors, not after each of the dozen
        # (most of them disabled): a third of the export time went into nbformat validation.
        optimistic_validation=True,
    )
    # The reviewer's how-to cell (tag "petunjuk") is for JupyterLab, not the signed report.
    guide = TagRemovePreprocessor(remove_cell_tags={GUIDE_TAG})  # type: ignore[no-untyped-call]
    exp.register_preprocessor(guide, enabled=True)  # type: ignore[no-untyped-call]
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
