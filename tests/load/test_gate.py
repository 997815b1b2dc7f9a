"""The word gate of a pattern (load/mentions/gate.py) never skips a text the pattern matches.

Every gated pattern of the package is checked with texts Hypothesis builds from the pattern
itself, and again with the letters ``(?i)`` reads as ASCII ("İ", "ı", "ſ", the Kelvin sign)
put in; a gate that skipped one of them would hide a finding.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkj_audit.load.mentions.gate import Gated, gated, required_words
from lkj_audit.rules.registry import load_all


def _all_gates() -> list[tuple[str, Gated]]:
    load_all()
    out = []
    for name, module in sorted(sys.modules.items()):
        if name.startswith("lkj_audit.") and module is not None:
            out += [
                (f"{name}.{attr}", value)
                for attr, value in sorted(vars(module).items())
                if isinstance(value, Gated) and not attr.startswith("__")
            ]
    # one entry per pattern object (a pattern imported by several modules is checked once)
    seen: set[int] = set()
    return [(n, g) for n, g in out if id(g) not in seen and not seen.add(id(g))]  # type: ignore[func-returns-value]


GATES = _all_gates()
_ODD = str.maketrans({"i": "ı", "I": "İ", "s": "ſ", "k": "\u212a"})


def test_the_package_gates_its_patterns() -> None:
    assert len(GATES) >= 25
    assert all(g.words for _, g in GATES), [n for n, g in GATES if not g.words]


@pytest.mark.parametrize(("name", "gate"), GATES, ids=[n for n, _ in GATES])
def test_a_text_the_pattern_matches_passes_its_gate(name: str, gate: Gated) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(gate.pattern), st.data())
    def check(text: str, data: st.DataObject) -> None:
        assert gate.pattern.search(text)  # what Hypothesis built matches
        assert gate.possible(text), (name, text)
        odd = text.translate(_ODD) if data.draw(st.booleans()) else text
        if gate.pattern.search(odd):
            assert gate.possible(odd), (name, odd)

    check()


_CONTEXT = st.text(alphabet="aAkKi ıİſ.,:()-/0129\n", max_size=12)


@pytest.mark.parametrize(("name", "gate"), GATES, ids=[n for n, _ in GATES])
def test_a_gated_pattern_finds_what_the_pattern_finds(name: str, gate: Gated) -> None:
    """Searched from its openings only, a gate finds the pattern's own matches, in order."""

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.from_regex(gate.pattern) | _CONTEXT, max_size=4), st.integers(0, 6))
    def check(parts: list[str], pos: int) -> None:
        text = " ".join(parts)
        spans = [m.span() for m in gate.pattern.finditer(text)]
        assert [m.span() for m in gate.finditer(text)] == spans, (name, text)
        hit, want = gate.search(text, pos), gate.pattern.search(text, pos)
        assert (hit and hit.span()) == (want and want.span()), (name, text, pos)

    check()


def test_required_words_reads_alternations_prefixes_and_repeats() -> None:
    def words(pattern: str, flags: int = 0) -> set[str] | None:
        found = required_words(re.compile(pattern, flags))
        return None if found is None else set(found)

    assert words(r"(?i)\bNIP\b|\bNI\s*PPPK\b") == {"nip", "pppk"}
    assert words(r"(?i)(?:renstra|rencana\s+strategis)") == {"renstra", "strategis"}
    assert words(r"Tahun\s+(?:\d{4})") == {"tahun"}
    assert words(r"(?:akan)?\s*datang") == {"datang"}
    assert words(r"(?:akan)?\d+") is None  # nothing every match prints
    assert words(r"a|bc") is None  # one branch of a single letter: no useful word
    assert words(r"x(?:yz)+") == {"yz"}


def test_a_gated_pattern_answers_as_the_pattern() -> None:
    gate = gated(r"(?i)\bperjanjian\s+kinerja\b")
    assert gate.search("PERJANJIAN   Kinerja 2024")
    assert gate.search("Renstra 2020-2024") is None
    assert gate.findall("Perjanjian Kinerja dan perjanjian kinerja") == [
        "Perjanjian Kinerja",
        "perjanjian kinerja",
    ]
    assert gate.sub("-", "tanpa kata") == "tanpa kata"
    assert gate.possible("PERJANJİAN kinerja")  # "İ" is "i" to (?i)


@pytest.mark.parametrize("odd", [False, True])
def test_lines_holding_are_the_lines_whose_folded_text_holds_a_word(odd: bool) -> None:
    from lkj_audit.load.mentions.words import folded
    from lkj_audit.load.text_reader import read_text

    lines = [
        "KPU Kabupaten Ogan Komering Ilir",
        "Tahun 2024 NIP 19800101 200501 1 001",
        "",
        "PERJANJIAN KINERJA  kota",
        "nip",
        "tanpa kata apa pun",
    ]
    doc = read_text("\n".join(lines * 3))
    if odd:  # a line that is not ASCII: "İ" is two characters in lower case
        doc.lines = [t.replace("I", "İ") for t in doc.lines]
    for words in (frozenset({"kab", "kota"}), frozenset({"nip"}), frozenset({"ilir", "tahun"})):
        want = [i for i, t in enumerate(doc.lines, 1) if any(w in folded(t) for w in words)]
        assert doc.mentions.lines_holding(words) == want


# Patterns rewritten so that re can scan for their first character: the same matches as the
# plain form they replace, on texts of the characters that matter.
_REWRITTEN = [
    ("lkj_audit.load.mentions.years", "YEAR_RE", r"(?<!\d)(?:19|20)\d\d(?!\d)", "0129 x/.-\n٣"),
    (
        "lkj_audit.load.numbers",
        "_OCR_RUN_RE",
        r"(?<![A-Za-z])[\dOoIl|][\dOoIl|.,]*(?![A-Za-z])",
        "0129OoIl|.,xZ %\n-é",
    ),
]


@pytest.mark.parametrize(("module", "attr", "plain", "alphabet"), _REWRITTEN)
def test_a_rewritten_pattern_matches_as_its_plain_form(
    module: str, attr: str, plain: str, alphabet: str
) -> None:
    import importlib

    fast = getattr(importlib.import_module(module), attr)
    slow = re.compile(plain)

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=30), st.integers(min_value=0, max_value=5))
    def check(text: str, pos: int) -> None:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
        hit, want = fast.search(text, pos), slow.search(text, pos)
        assert (hit and hit.span()) == (want and want.span())

    check()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .:\t\u00a0\n–-A1", max_size=24))
def test_toc_normalise_is_the_mark_substitution_it_replaces(heading: str) -> None:
    from lkj_audit.rules.structure._toc import normalise

    text = heading.lower()
    if "." in text or ":" in text:
        text = re.sub(r"\s*([.:])\s*", lambda m: m.group(1) + " ", text)
    assert normalise(heading) == " ".join(text.split()).strip(" .:-–")
