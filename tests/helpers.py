"""Test helpers: run the CLI as a real process, inspect HTML for external references."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


# The findings contract's categories, spelled out here (not taken from the code under test).
CONTRACT_CATEGORIES = frozenset(
    {
        "arithmetic",
        "cross_table",
        "narrative",
        "period",
        "identity",
        "structure",
        "completeness",
        "plausibility",
    }
)


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``lkj-audit ARGS`` in a fresh interpreter (exactly what a user runs)."""
    return subprocess.run(
        [sys.executable, "-m", "lkj_audit", *args],
        capture_output=True,
        text=True,
        cwd=cwd or PROJECT,
        timeout=timeout,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        for name, value in attrs:
            if name in {"src", "href", "srcset", "action", "data", "poster"} and value:
                self.refs.append((tag, name, value))


def _same_folder_page(ref: str) -> bool:
    """A relative link to another page of the same folder (``other.html``, ``b.html#x``).

    Only such links are allowed in a self-contained page: anything with a scheme, a host,
    an absolute path or another folder would be fetched from elsewhere (or not at all).
    """
    path = ref.split("#", 1)[0].split("?", 1)[0]
    return (
        path.endswith(".html")
        and ref == ref.strip()
        and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", ref)  # https:, file:, javascript:
        and "/" not in path
        and "\\" not in path
    )


def external_references(html: str) -> list[str]:
    """Every reference that would make the browser fetch something outside the page."""
    parser = _Refs()
    parser.feed(html)
    out = [
        f"<{t} {a}={v[:80]}>"
        for t, a, v in parser.refs
        if not v.startswith(("data:", "#")) and not _same_folder_page(v)
    ]
    out += [
        f"css url({m[:80]})"
        for m in re.findall(r"url\(\s*['\"]?([^)'\"]+)", html)
        if not m.startswith("data:")
    ]
    out += [f"@import {m[:80]}" for m in re.findall(r"@import\s+([^;]+)", html)]
    return out


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Refs()
    parser.feed(html)
    return parser.tags
