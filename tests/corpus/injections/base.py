"""Injection registry and text-editing helpers shared by the injection modules.

Add an injection with the :func:`injection` decorator: a function that takes the rendered
consistent report text (and its spec) and returns the damaged text. ``rule`` is the code
expected to fire; ``line_marker`` (optional) is a substring of the damaged line, and the
finding must point at that line. ``spec`` gives layout options the base report needs.

An injection changes the findings of its own rule and of nothing else, except the rules it
declares in ``also`` (rule code -> why the defect legitimately shows there too, e.g. a changed
kegiatan figure also breaks its program's sum). Any other new or vanished finding fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.corpus.builder import Spec

Mutator = Callable[[str, Spec], str]


@dataclass(frozen=True)
class Injection:
    name: str
    rule: str
    mutate: Mutator
    spec: dict[str, Any] = field(default_factory=dict)
    line_marker: str | None = None
    severity: str | None = None  # expected severity when it differs from the rule's default
    message_contains: str | None = None
    also: dict[str, str] = field(default_factory=dict)  # knock-on rule -> reason


INJECTIONS: dict[str, Injection] = {}


def injection(
    name: str,
    rule: str,
    *,
    line_marker: str | None = None,
    severity: str | None = None,
    message_contains: str | None = None,
    also: dict[str, str] | None = None,
    **spec: Any,
) -> Callable[[Mutator], Mutator]:
    def register(func: Mutator) -> Mutator:
        assert name not in INJECTIONS, f"duplicate injection {name}"
        assert all(reason.strip() for reason in (also or {}).values()), f"{name}: give reasons"
        INJECTIONS[name] = Injection(
            name, rule, func, spec, line_marker, severity, message_contains, dict(also or {})
        )
        return func

    return register


def edit_line(text: str, marker: str, edit: Callable[[str], str], *, last: bool = False) -> str:
    """Apply ``edit`` to the first (or last) line containing ``marker``; fail if nothing changes."""
    lines = text.split("\n")
    order = range(len(lines) - 1, -1, -1) if last else range(len(lines))
    for i in order:
        line = lines[i]
        if marker in line:
            new = edit(line)
            assert new != line, f"injection did not change the line with {marker!r}"
            lines[i] = new
            return "\n".join(lines)
    raise AssertionError(f"no line contains {marker!r}")


def cells(line: str) -> list[str]:
    return line.split("\t")


def bump_percent(line: str, by: int = 3) -> str:
    """Add ``by`` points to the first percentage of a line, keeping its format."""
    return re.sub(
        r"(\d+)([.,]\d+)?%", lambda m: f"{int(m.group(1)) + by}{m.group(2) or ''}%", line, count=1
    )


def change_digit(number_text: str, position: int = 1) -> str:
    """Replace one digit of a printed figure (``1.234.567`` -> ``1.334.567``)."""
    digits = [i for i, ch in enumerate(number_text) if ch.isdigit()]
    i = digits[position]
    new = str((int(number_text[i]) + 1) % 10)
    return number_text[:i] + new + number_text[i + 1 :]


def set_cell(line: str, index: int, edit: Callable[[str], str]) -> str:
    parts = cells(line)
    parts[index] = edit(parts[index])
    return "\t".join(parts)


def amount_cell(line: str, which: int) -> int:
    """Index of the ``which``-th cell holding an amount (a number with thousands groups)."""
    found = [i for i, c in enumerate(cells(line)) if re.search(r"\d{1,3}([.,]\d{3})+", c)]
    return found[which]
