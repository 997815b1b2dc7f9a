"""Rules read the loader's text analysis; no rule module scans text for what it provides.

Issue 8.4: sentences, the citation/date blanker, years and spans, dates and signature lines,
Renstra periods, percentages, counts with number words, previous-year comparisons and region
names come from ``lkj_audit/load/mentions/`` (``doc.mentions``). A rule module that compiles
its own pattern for one of these is a second definition that will drift (there were three
sentence splitters and two year patterns). Each remaining pattern that looks like one is
listed below with the reason it is something else.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.helpers import PROJECT

RULES = PROJECT / "lkj_audit" / "rules"

# What a rule module may not spell itself: (what, pattern over the module's string constants).
FORBIDDEN: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a year pattern (load.mentions.years)", re.compile(r"19\|20|\\d\{4\}")),
    ("a percentage pattern (load.mentions.figures)", re.compile(r"\\[sd][*+?]?\)?%")),
    (
        "a sentence splitter (load.mentions.sentences)",
        re.compile(r"\(\?<=\[[.!?;]|\[[.;!?]{3,4}\]"),
    ),
    ("month names (load.mentions.dates)", re.compile(r"(?i)januari|desember")),
    (
        "a previous-year comparison (load.mentions.comparisons)",
        re.compile(r"(?i)banding\w*\W.*sebelumnya|tahun\(\?:-tahun\)|tahun\\s\+\(\?:sebelumnya"),
    ),
    ("a legal-citation blanker (load.mentions.citations)", re.compile(r"(?i)tentang\\b\[")),
)
_MONTHS = {"januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus"}
_MONTHS |= {"september", "oktober", "november", "nopember", "desember"}
# Names a rule module may not import: the loader's analysis builds them once per report.
FORBIDDEN_IMPORTS = {
    ("lkj_audit.load.numbers", "YEAR_RE"): "years_in / YEAR of load.mentions.years",
    ("lkj_audit.load.regions", "mentions"): "doc.mentions.regions",
    ("lkj_audit.load.terbilang", "number_pairs"): "doc.mentions.number_pairs(block)",
}
# Patterns that look like the above but are something else, each with its reason.
ALLOWED: dict[str, str] = {
    r"\bKegiatan\s+(\d{4})\b": "a 4-digit kegiatan code in a heading, not a year",
    r"^\W*(?:[A-Za-z0-9]{1,2}\s*[.)]\s*)?Kegiatan\s+(\d{4})\b": "a kegiatan code heading",
    r"\d{4}": "a kegiatan code cell (fullmatch), not a year in text",
    r"^\d{4}\.[A-Z]{3}\.\d{3}$": "the RO code of a budget cell",
    r"^\s*(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4})\s*$": (
        "a date of birth in a staff-table cell (dd-mm-yyyy), not a date in running text"
    ),
    r"\d{4}-\d{2}-\d{2}": "the ISO date of the deadline option, not report text",
    r"(?i)\b(undang[- ]undang|uu|peraturan|perda|perpres|keputusan|kepmendagri|instruksi)\b"
    r".{0,200}?\b(nomor|no\.)\s*\d|\btahun\s+\d{4}\s+tentang\b": (
        "identity: a sentence naming a regulation excuses a region name (any regulation word "
        "within 200 characters of a Nomor); it blanks nothing"
    ),
}


def _modules() -> list[Path]:
    return sorted(p for p in RULES.rglob("*.py"))


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant of a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def _is_message(text: str) -> bool:
    """Plain words (messages, labels): no regex syntax at all."""
    return not re.search(r"\\[a-zA-Z]|\(\?|\[\^?[^\]]*\]|[|*+]", text)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(RULES)))
def test_rule_module_spells_no_pattern_the_text_analysis_provides(path: Path) -> None:
    found = [
        f"{path.name}:{line}: {what}: {text!r}"
        for line, text in _strings(path)
        if text not in ALLOWED and not _is_message(text)
        for what, pattern in FORBIDDEN
        if pattern.search(text)
    ]
    found += [
        f"{path.name}:{line}: a month name (load.mentions.dates): {text!r}"
        for line, text in _strings(path)
        if text.strip().lower() in _MONTHS
    ]
    assert not found, "read doc.mentions / lkj_audit.load.mentions instead:\n" + "\n".join(found)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(RULES)))
def test_rule_module_imports_no_scanner_the_text_analysis_replaces(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"{path.name}:{node.lineno}: {node.module}.{a.name} -> use {FORBIDDEN_IMPORTS[key]}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
        for a in node.names
        if (key := (node.module, a.name)) in FORBIDDEN_IMPORTS
    ]
    found += [
        f"{path.name}:{node.lineno}: re.split (sentences come from doc.mentions)"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
    ]
    assert not found, "\n".join(found)


def test_every_allowed_pattern_is_still_used() -> None:
    """An allowance whose pattern left the rules is stale: remove it."""
    used = {text for path in _modules() for _, text in _strings(path)}
    assert sorted(set(ALLOWED) - used) == []


@pytest.mark.parametrize(
    ("what", "source"),
    [
        ("year", r"(?<!\d)(?:19|20)\d\d(?!\d)"),
        ("percentage", r"(\d+(?:[.,]\d+)?)\s*%"),
        ("sentence", r"(?<=[.;])\s+(?=[A-Z])"),
        ("month", r"(?i)(\d{1,2})\s+(januari|februari)"),
        ("comparison", r"(?i)dibandingkan\s+dengan\s+tahun\s+sebelumnya"),
        ("comparison", r"(?i)tahun(?:-tahun)?\s+(?:sebelumnya|lalu)"),
    ],
)
def test_the_check_catches_a_pattern_of_each_kind(what: str, source: str) -> None:
    assert not _is_message(source)
    assert any(p.search(source) for _, p in FORBIDDEN), what


# One phrase for each alternative of the shared R-A5 vocabulary (CMP004 and CMP009).
_CAUSES = (
    "penyebabnya", "sebab itu", "disebabkan oleh", "dikarenakan", "karena", "akibatnya",
    "kendala", "hambatan", "terhambat", "permasalahan", "masalah", "faktor", "belum optimal",
    "keterbatasan", "keterlambatan", "tidak dapat dilaksanakan", "tidak terlaksana",
    "ditunda", "dibatalkan",
)  # fmt: skip
_REMEDIES = (
    "upaya", "solusi", "langkah", "tindak lanjut", "tindaklanjut", "ditindaklanjuti",
    "menindaklanjuti", "perbaikan", "memperbaiki", "diperbaiki", "rencana aksi", "strategi",
    "diatasi", "mengatasi", "antisipasi", "mengantisipasi", "rekomendasi", "ke depan",
    "mendatang", "akan dilakukan",
)  # fmt: skip


@pytest.mark.parametrize(("phrases", "kind"), [(_CAUSES, "cause"), (_REMEDIES, "remedy")])
def test_the_r_a5_vocabulary_is_one_and_its_pre_test_words_are_necessary(
    phrases: tuple[str, ...], kind: str
) -> None:
    """CMP004 (Bab III) and CMP009 (each indicator) accept exactly the same wording."""
    from lkj_audit.load.mentions.words import folded
    from lkj_audit.rules.completeness import _shared
    from lkj_audit.rules.completeness import cmp004_analysis_narrative as cmp004
    from lkj_audit.rules.completeness import cmp009_shortfall_explained as cmp009

    pattern, words = (
        (_shared.CAUSE, _shared.CAUSE_WORDS)
        if kind == "cause"
        else (_shared.REMEDY, _shared.REMEDY_WORDS)
    )
    assert getattr(cmp009, kind.upper()) is pattern
    r_a5 = next(entry for entry in cmp004._NARRATIVE if entry[0] == "R-A5")
    assert r_a5[2 if kind == "cause" else 3] == ((pattern, words),)
    for phrase in phrases:
        text = f"Hal ini {phrase.capitalize()} pada tahun ini."
        assert pattern.search(text), phrase
        # CMP004 skips a sentence holding none of the words: it must hold one whenever it matches
        assert any(w in folded(text) for w in words), phrase
