"""STR005 ``structure.subsection_letters``.

Lettered subsections of each chapter run A, B, C… without repeats.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.document import Section
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


def _letter_findings(subs: list[Section]) -> Iterator[tuple[Section, str, str, bool]]:
    """(section, printed letter, expected letter, is a repeat) for each break in A, B, C…"""
    expected = "A"
    i = 0
    while i < len(subs):
        s = subs[i]
        letter = s.letter or ""
        if letter == expected:
            expected = chr(ord(letter) + 1)
        elif letter > expected:
            yield s, letter, expected, False
            expected = chr(ord(letter) + 1)
        elif letter == "A" and i + 1 < len(subs) and subs[i + 1].letter == "B":
            # A nested lettered list (A, B, … again) inside a subsection: skip the run.
            while (
                i + 1 < len(subs)
                and subs[i + 1].letter != expected
                and (subs[i + 1].letter or "") < expected
            ):
                i += 1
        else:
            yield s, letter, expected, True
        i += 1


@rule(
    code="STR005",
    name="structure.subsection_letters",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    severity_reason=("cosmetic: subsection letters (policy example)"),
    domain=("R-V01",),
)
def subsection_letters(ctx: RuleContext) -> Iterator[Finding]:
    """Lettered subsections of each chapter run A, B, C… without repeats.

    Why it matters: a repeated letter ("A. Rencana Strategis, B. Visi dan Misi, A. Sasaran…")
    shows a section pasted in from another document and breaks references to it.
    Fails when: a subsection repeats a letter already used in its chapter or skips letters (the
    skipped heading may be missing or unrecognised).
    Passes when: every chapter's subsections are lettered in sequence from A.
    """
    doc = ctx.doc
    for chapter in (s for s in doc.sections if s.level == 1 and s.key.startswith("bab")):
        subs = [s for s in doc.subsections(chapter) if s.level == 2]
        letters = ", ".join(s.letter or "?" for s in subs)
        for s, letter, want, repeat in _letter_findings(subs):
            what = f"huruf {letter} terulang" if repeat else f"huruf {want} dilewati"
            yield ctx.finding(
                line=s.line,
                row=s.title,
                stated=letter,
                expected=want,
                message=(
                    f'Subbab {chapter.title} berurutan {letters}: pada "{s.title}" {what}; '
                    f"seharusnya {want}. Perbaiki penomoran subbab."
                ),
            )
