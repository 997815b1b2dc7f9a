"""The one Jinja environment: package templates, strict undefined, HTML autoescape.

Text taken from a report is data: autoescape makes every ``{{ }}`` safe, and templates
never mark report text ``|safe``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from lkj_audit import numfmt

SEVERITY_LABEL = {"error": "Kesalahan", "warning": "Peringatan", "info": "Catatan"}
CATEGORY_LABEL = {
    "arithmetic": "Aritmetika",
    "cross_table": "Antar-tabel",
    "narrative": "Narasi",
    "period": "Periode",
    "identity": "Identitas satker",
    "structure": "Struktur",
    "completeness": "Kelengkapan",
    "plausibility": "Kewajaran",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared, autoescaping environment with number filters."""
    env = Environment(
        loader=PackageLoader("lkj_audit", "render/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["rupiah"] = numfmt.rupiah
    env.filters["pct"] = numfmt.pct
    env.filters["number"] = numfmt.number
    env.filters["severity_label"] = lambda s: SEVERITY_LABEL.get(str(s), str(s))
    env.filters["category_label"] = lambda c: CATEGORY_LABEL.get(str(c), str(c))
    return env


def render(template: str, **context: Any) -> str:
    """Render a package template to an HTML string."""
    return environment().get_template(template).render(**context)
