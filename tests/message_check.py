"""The message check of issue 9.5, shared by every test that runs rules over a report.

:func:`problems` lists what is wrong with the numbers of one finding's message:

1. outside quotes, no number in English format: comma thousands (``90,175.84``) or a point
   before one, two or four+ digits (``91.52%``, ``1.0``). A point before exactly three digits
   is an Indonesian thousands group; dotted codes (``6709.QGE.001``, ``076.01.CQ``), dates
   (``31.12.2024``), NIPs, years and references such as "Tabel 3.1" are not figures;
2. outside quotes, no formatted figure (``7.647.000``, ``93,27%``) that the finding's own
   source line prints: a printed value is cited in quotes;
3. the finding's ``stated`` value, when it is a figure (a number, range or percentage, with
   at most a unit word) and the message repeats it, stands in quotes;
4. every quoted span holding a digit is text of the report, exactly as printed (a computed
   value in quotes would pass for a printed one);
5. quotes are balanced.
"""

from __future__ import annotations

import re

from lkj_audit.model import AuditContext, Finding

_CLOSE = {'"': '"', "“": "”"}

# A comma before a group of three digits, led by 1-999: thousands the English way.
_EN_GROUPS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?!\d|[.,]\d)")
# A point before 1-2 or 4+ digits, not inside a dotted code or date: an English decimal.
_EN_DECIMAL = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?!\w|[.,]\w)")
# Numbered references ("Tabel 3.1", "butir 2.3") carry points that are not decimals.
_REFERENCE = re.compile(
    r"(?:tabel|gambar|grafik|bab|subbab|lampiran|butir|poin|pasal|ayat|nomor|no\.?)\s*$",
    re.IGNORECASE,
)
# A formatted figure: grouped thousands, or a percentage (as a report prints them).
_FIGURE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?%)(?![\w%]|[.,]\d)"
)
# A stated value that is a figure: a number, range or percentage, at most with a unit word.
_STATED_FIGURE = re.compile(
    r"[(]?[-+]?\d[\d.,]*(?:\s?%|\s?[-–]\s?\d[\d.,]*%?)?[)]?(?:\s[A-Za-z]+)?"
)


def _threshold(figure: str) -> bool:
    """0% and 100% ("di bawah 100%") are concepts every reader knows, not the report's figures."""
    return re.fullmatch(r"(?:100|0)(?:[.,]0+)?\s?%", figure) is not None


def split_quotes(message: str) -> tuple[list[str], str, bool]:
    """Quoted spans, the message with them blanked out, and whether every quote closes."""
    spans: list[str] = []
    outside: list[str] = []
    i, balanced = 0, True
    while i < len(message):
        ch = message[i]
        if ch in _CLOSE:
            end = message.find(_CLOSE[ch], i + 1)
            if end == -1:
                balanced = False
            else:
                spans.append(message[i + 1 : end])
                outside.append(" ⟪⟫ ")
                i = end + 1
                continue
        outside.append(ch)
        i += 1
    return spans, "".join(outside), balanced


def normal(text: str) -> str:
    """Text with cells (tabs) as `` | `` and runs of whitespace as one space."""
    return " ".join(text.replace("\t", " | ").split())


def english_numbers(outside: str) -> list[str]:
    """Numbers in English format in the unquoted part of a message."""
    hits = [m.group() for m in _EN_GROUPS.finditer(outside)]
    for m in _EN_DECIMAL.finditer(outside):
        if not _REFERENCE.search(outside[: m.start()]):
            hits.append(m.group())
    return hits


def _figures(text: str) -> set[str]:
    return {m.group() for m in _FIGURE.finditer(text)}


def problems(f: Finding, report_text: str) -> list[str]:
    """What is wrong with the numbers of one finding's message (see the module docstring)."""
    spans, outside, balanced = split_quotes(f.message)
    out = [] if balanced else ["an opening quote is never closed"]
    out += [f"English-format number {n!r} outside quotes" for n in english_numbers(outside)]
    printed = _figures(f.evidence or "")
    out += [
        f"printed figure {n!r} (source line) not in quotes"
        for n in sorted(_figures(outside) & printed)
        if not _threshold(n)
    ]
    stated = (f.stated or "").strip()
    # A bare count of up to three digits may be computed (XTB008 states how many indicators).
    if _STATED_FIGURE.fullmatch(stated) and not re.fullmatch(r"\d{1,3}", stated):
        if re.search(r"(?<![\w.,])" + re.escape(stated) + r"(?![\w]|[.,]\d)", outside):
            out.append(f"stated value {stated!r} not in quotes")
    for span in spans:
        pieces = [p.strip(" .,;:") for p in normal(span).split("…")]
        missing = [p for p in pieces if re.search(r"\d", p) and p not in report_text]
        if missing:
            out.append(f"quoted {span!r} is not printed so in the report")
    return out


def report_text(ctx: AuditContext) -> str:
    """The whole report, normalised like a quoted span."""
    return normal("\n".join(ctx.doc.lines))


def check(ctx: AuditContext, found: list[Finding], where: str) -> list[str]:
    """One line per problem of every finding of a run, naming where it came from."""
    text = report_text(ctx)
    return [
        f"{where} {f.rule} l.{f.location.line}: {p}\n    {f.message}"
        for f in found
        for p in problems(f, text)
    ]
