r"""A compiled pattern behind a cheap word test: no regex runs on a text that cannot match.

Python's ``re`` tries a case-insensitive alternation that starts with ``\b`` at every
character of the text; most sentences of a report hold none of the words such a pattern needs.
:func:`required_words` reads the pattern itself and finds words of which every match contains
one (lower case); :class:`Gated` runs the pattern only when :func:`~.words.folded` text holds
one of them. The answer is the pattern's own, always: the test only skips texts it proves
cannot match, so no word list is kept by hand beside a pattern.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from lkj_audit.load.mentions.words import folded, folded_same_length

Words = frozenset[str]


def required_words(pattern: re.Pattern[str]) -> Words | None:
    """Lower-case ASCII words one of which every match of ``pattern`` contains, or ``None``.

    Case-sensitive or not, a text holding a match holds the lower case of its ASCII literals
    in ``folded(text)`` (which reads "İ", "ı", "ſ" and the Kelvin sign as ``(?i)`` does).
    """
    words = _required(sre_parse.parse(pattern.pattern, pattern.flags))
    return words if words and min(map(len, words)) >= 2 else None


def requirements(pattern: re.Pattern[str]) -> tuple[Words, ...]:
    """Every set of words the pattern's top-level sequence needs one of (each a condition).

    "semua … target … tercapai" needs a word of each part, not only of the best one.
    """
    found = _candidates(sre_parse.parse(pattern.pattern, pattern.flags))
    return tuple(ws for ws in found if min(map(len, ws)) >= 2)


def _required(seq: Any) -> Words | None:
    """Words for a sequence: its longest literal run, or the best words of one of its parts."""
    candidates = _candidates(seq)
    if not candidates:
        return None
    # The most selective: the shortest word longest, then the fewest words.
    return max(candidates, key=lambda ws: (min(map(len, ws)), -len(ws)))


def _candidates(seq: Any) -> list[Words]:
    """The sets of words a sequence needs one of: its literal runs and its parts' words."""
    candidates: list[Words] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in seq:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is sre.BRANCH and run:
            # "NI(?:P…|\s*PPPK)" (re factors a common prefix out): the prefix and the literal
            # that opens each branch are printed together.
            candidates.append(_prefixed_branch("".join(run), av[1]))
        close()
        words = _required_item(op, av)
        if words:
            candidates.append(words)
    close()
    return candidates


def _prefixed_branch(prefix: str, branches: list[Any]) -> Words:
    """Words for ``prefix`` then an alternation.

    Per branch: the prefix and the branch's opening literal, or the branch's own words when
    they are more selective.
    """
    union: set[str] = set()
    for branch in branches:
        lead = []
        for op, av in branch:
            if op is not sre.LITERAL or av >= 128:
                break
            lead.append(chr(av).lower())
        joined = frozenset({prefix + "".join(lead)})
        own = _required(branch)
        union |= own if own and min(map(len, own)) > len(prefix) + len(lead) else joined
    return frozenset(union)


def _required_item(op: Any, av: Any) -> Words | None:
    if op is sre.SUBPATTERN:
        return _required(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _required(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, item = av
        return _required(item) if low >= 1 else None
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            words = _required(branch)
            if not words:
                return None  # one branch needs no word: the alternation needs none
            union |= words
        return frozenset(union)
    return None  # a class, a look-around, an anchor, a back-reference: no word of its own


_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def openings(pattern: re.Pattern[str]) -> Words | None:
    """Lower-case ASCII words one of which every match of ``pattern`` starts with, or ``None``.

    Anchors and look-arounds before them take no characters; a literal run followed by a
    group or an alternation opens with the run and one of the group's openings.
    """
    found = _openings(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    return found if found and min(map(len, found)) >= 2 else None


def _openings(seq: list[Any]) -> Words | None:
    run: list[str] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:
            if run:
                break  # the opening run ends here
            continue
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        inner: Words | None = None
        if op is sre.SUBPATTERN:
            inner = _openings(list(av[-1]))
        elif op is sre.ATOMIC_GROUP:
            inner = _openings(list(av))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _openings(list(av[2]))
        elif op is sre.BRANCH:
            parts = [_openings(list(branch)) for branch in av[1]]
            if all(parts):
                inner = frozenset(w for part in parts if part for w in part)
        if inner is None:
            break  # a class, a repeat that may be absent…: the run so far opens every match
        prefix = "".join(run)
        return frozenset(prefix + w for w in inner)
    return frozenset({"".join(run)}) if run else None


class Gated:
    """``pattern`` with the methods rules call, each skipping a text without a required word."""

    __slots__ = ("pattern", "words", "needs", "opens")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = required_words(pattern)  # the most selective set (for line scans)
        self.needs = requirements(pattern) if self.words else ()
        self.opens = openings(pattern)

    def _starts(self, text: str) -> list[int] | None:
        r"""Every offset where a match can start, in order (``None``: try every character).

        A text whose lower case keeps its length (no "İ") has its offsets there, and re.I
        reads an ASCII letter as the folded lower case has it, so ``str.find`` of each opening
        gives every offset a match starts at: ``re`` need not try a ``\b`` or a look-behind
        at every character.
        """
        if self.opens is None:
            return None
        low = text.lower()
        if len(low) != len(text):
            return None
        low = folded_same_length(low)
        starts: set[int] = set()
        for word in self.opens:
            at = low.find(word)
            while at >= 0:
                starts.add(at)
                at = low.find(word, at + 1)
        return sorted(starts)

    def possible(self, text: str) -> bool:
        """Can ``pattern`` match somewhere in ``text``? (False proves it cannot.)"""
        if not self.needs:
            return True
        low = folded(text)
        # loops, not all(any(...)): asked ~1,500 times per report, generators cost more
        for words in self.needs:
            for w in words:
                if w in low:
                    break
            else:
                return False
        return True

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """``pattern.search``, or no match when the gate proves none."""
        if not self.possible(text):
            return None
        starts = self._starts(text)
        if starts is None:
            return self.pattern.search(text, pos)
        for at in starts[bisect_left(starts, pos) :]:
            if m := self.pattern.match(text, at):
                return m  # the leftmost offset a match starts at
        return None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """``pattern.match``, or no match when the gate proves none."""
        return self.pattern.match(text, pos) if self.possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer``, or no match when the gate proves none."""
        if not self.possible(text):
            return iter(())
        starts = self._starts(text)
        if starts is None:
            return self.pattern.finditer(text)
        found: list[re.Match[str]] = []
        end = 0  # no match is empty (each opens with a word): the next starts at its end
        for at in starts:
            if at >= end and (m := self.pattern.match(text, at)):
                found.append(m)
                end = m.end()
        return iter(found)

    def findall(self, text: str) -> list[Any]:
        """``pattern.findall``, or no match when the gate proves none."""
        return self.pattern.findall(text) if self.possible(text) else []

    def sub(self, repl: str, text: str) -> str:
        """``pattern.sub``, or no match when the gate proves none."""
        return self.pattern.sub(repl, text) if self.possible(text) else text


def gated(pattern: str, flags: int = 0) -> Gated:
    """``re.compile(pattern, flags)`` behind its word test."""
    return Gated(re.compile(pattern, flags))
