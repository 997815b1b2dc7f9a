"""The test helpers themselves: a checker that cannot fail would make its tests worthless."""

from __future__ import annotations

import pytest

from tests.helpers import external_references


@pytest.mark.parametrize(
    "snippet",
    [
        '<iframe src="https://x/y.html"></iframe>',
        '<a href="http://example.org/audit.html">x</a>',
        '<iframe src="//cdn.example.org/page.html"></iframe>',
        '<iframe src="/var/www/page.html"></iframe>',
        '<iframe src="../other/audit.html"></iframe>',
        '<iframe src="sub/page.html"></iframe>',
        '<iframe src="file:///tmp/page.html"></iframe>',
        '<a href="javascript:alert(1)//.html">x</a>',
        '<img src="chart.png">',
        '<script src="https://cdn.example.org/require.js"></script>',
        '<link rel="stylesheet" href="style.css">',
        "<style>body { background: url(https://x/bg.png) }</style>",
        "<style>@import 'https://x/a.css';</style>",
    ],
)
def test_external_reference_is_reported(snippet: str) -> None:
    assert len(external_references(f"<html><body>{snippet}</body></html>")) == 1, snippet


@pytest.mark.parametrize(
    "snippet",
    [
        '<a href="audit.html">laporan</a>',
        '<a href="index.html#ringkasan">ringkasan</a>',
        '<a href="#temuan">temuan</a>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "<style>td { background: url(data:image/png;base64,AAAA) }</style>",
    ],
)
def test_self_contained_reference_is_allowed(snippet: str) -> None:
    assert external_references(f"<html><body>{snippet}</body></html>") == [], snippet
