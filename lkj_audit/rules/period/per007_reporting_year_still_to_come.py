"""PER007 ``period.reporting_year_still_to_come``.

Events of the reporting year (or earlier) are not described as still to come.

DOMAIN.md R-D02: the trace of last year's report copied forward is a plan ("akan
dilaksanakan pada tahun 2024", "menjelang Pemilu Serentak 2024") left in the report about that
year, written after it ended. PER001 checks the years of documents (RKT, PK, LKj…) and the PK
targets "akan dicapai pada tahun"; this rule checks what the text says is still to happen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lkj_audit.load.document import Block
from lkj_audit.load.mentions.analysis import TextAnalysis
from lkj_audit.load.mentions.citations import citations_in
from lkj_audit.load.mentions.comparisons import comparisons_in, earlier_words_in
from lkj_audit.load.mentions.gate import Gated, gated
from lkj_audit.load.mentions.years import YEAR, spans_in
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

# "akan dilaksanakan pada tahun 2024", "akan diselenggarakan pada tanggal 27 … 2024",
# "akan berlangsung di tahun 2024": a future verb whose time is a year. Targets "akan dicapai"
# are PER001's (its PK-target check).
_FUTURE_AT = gated(
    r"(?i)\bakan\s+(?:(?:segera|kembali|terus|dapat)\s+)?(?!(?:di|ter|men)?capai)"
    r"(?:di|me|ber|ter)\w+(?:\s+(?!(?:pada|di|dalam|selama|menjelang)\b)[\w/()-]+){0,6}?"
    r"\s+(?:pada|di|dalam|selama|menjelang)\s+(?:(?:akhir|awal|pertengahan)\s+)?"
    r"(?:(?:tahun|bulan|tanggal|triwulan|semester)\s+)?(?:[\w]+\s+){0,3}?"
    rf"(?P<year>{YEAR})\b"
)
# An election of the year named as still ahead: "Pemilu Serentak 2024 yang akan datang".
_EVENT = r"(?:pemilu|pemilihan|pilkada|pilpres|pileg)"
_EVENT_AHEAD = gated(
    rf"(?i)\b{_EVENT}\b(?:\s+[\w/-]+){{0,5}}?\s+(?:tahun\s+)?(?P<year>{YEAR})\s*,?\s*"
    r"(?:yang\s+akan\s+(?:datang|dilaksanakan|diselenggarakan|berlangsung)|mendatang|nanti)\b"
)
# In a list of what will be done ("… akan dilaksanakan ke depan, antara lain:"), an election of
# the year as the time of the action: "saat pelaksanaan Pemilu Serentak 2024".
_EVENT_AS_TIME = gated(
    r"(?i)\b(?:saat|pada\s+saat|menjelang|jelang|menghadapi|"
    r"(?:dalam|untuk)\s+(?:pelaksanaan|penyelenggaraan))\s+"
    rf"(?:(?:pelaksanaan|penyelenggaraan|tahapan)\s+)?{_EVENT}\b(?:\s+[\w/-]+){{0,3}}?\s+"
    rf"(?:tahun\s+)?(?P<year>{YEAR})\b"
)
_PLAN_INTRO = gated(
    r"(?i)\bakan\b|ke\s*depan|mendatang|tahun\s+depan|rencana\s+(?:aksi|tindak|kegiatan)"
)
# A sentence about a plan document (the RKT or PK of the year lists what "akan dilaksanakan")
# describes that plan, not the year's events.
_PLAN_DOCUMENT = gated(
    r"(?i)rencana\s+kinerja|\bRKT\b|perjanjian\s+kinerja|penetapan\s+kinerja|\bPK\b|\bRKA\b|"
    r"\bDIPA\b|renstra|rencana\s+strategis|\btarget"
)
# What every pattern above needs ("akan" or an election), tested once per block and sentence
# before the patterns themselves.
_TRIGGER = gated(rf"(?i)\bakan\b|\b{_EVENT}\b")
# A list item that looks back (an evaluation of the election, its report) is not a plan for it.
_LOOKS_BACK = gated(
    r"(?i)evaluasi|hasil|pasca|setelah|sesudah|\btelah\b|\bsudah\b|laporan|pertanggungjawaban"
)


@dataclass(frozen=True, slots=True)
class StillToCome:
    """A phrase that puts an event of ``year`` in the future, as printed."""

    words: str
    year: int
    start: int


def _blanked(text: str) -> str:
    """Legal citations replaced by spaces (offsets kept); calendar dates stay, they are times."""
    for start, end in citations_in(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _in_span(text: str, start: int) -> bool:
    return any(s <= start < e for _, _, s, e in spans_in(text))


def _found(text: str, year: int, patterns: tuple[Gated, ...]) -> list[StillToCome]:
    clean = _blanked(text)
    out = []
    for pattern in patterns:
        for m in pattern.finditer(clean):
            printed = int(m["year"])
            if printed > year or _in_span(clean, m.start("year")):
                continue
            out.append(StillToCome(" ".join(m.group(0).split()), printed, m.start()))
    return sorted(out, key=lambda s: s.start)


def _names_year_up_to(text: TextAnalysis, sentence: str, year: int) -> bool:
    return any(y <= year for y in text.years(sentence))


def _plan_items(blocks: list[Block]) -> set[int]:
    """Indexes of the list items announced by a plan ("… akan dilaksanakan ke depan:")."""
    items: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind != "paragraph" or not block.text.rstrip().endswith(":"):
            continue
        if not _PLAN_INTRO.search(block.text):
            continue
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "list_item":
            items.add(j)
            j += 1
    return items


@rule(
    code="PER007",
    name="period.reporting_year_still_to_come",
    category=Category.PERIOD,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a plan copied from last year's report misdates the year's events but "
        "misstates no figure"
    ),
    domain=("R-D02",),
    tolerance="years up to the reporting year; spans of years, citations and targets excluded",
)
def reporting_year_still_to_come(ctx: RuleContext) -> Iterator[Finding]:
    """Events of the reporting year (or earlier) are not described as still to come.

    Why it matters: the LKj reports a year that has ended; "akan dilaksanakan pada tahun 2024"
    or "menjelang Pemilu Serentak 2024" in the 2024 report is last year's plan copied
    forward, and the reader cannot tell whether it was done.
    Fails when: a sentence puts a year up to the reporting year in the future: a future verb
    whose time is that year ("akan dilaksanakan pada tahun 2024"), an election of that year
    "yang akan datang"/"mendatang", or, in a list introduced as what will be done ("… akan
    dilaksanakan ke depan:"), an election of that year as the time of the action ("saat
    pelaksanaan Pemilu 2024") — unless the sentence compares with earlier years.
    Passes when: future tense is kept for later years; spans of years (Renstra 2020-2024),
    citations, PK targets "akan dicapai" (PER001), sentences describing a plan document (RKT,
    PK, RKA, Renstra: what it says "akan dilaksanakan") and items looking back (evaluasi,
    hasil, setelah …) are not judged.
    """
    blocks = [b for b in ctx.doc.blocks if b.kind in {"paragraph", "list_item"}]
    in_plan = _plan_items(blocks)
    text = ctx.doc.mentions
    for i, block in enumerate(blocks):
        # Cheap necessary tests first: a year up to the reporting year, and "akan" or an
        # election (a sentence's years and words are those of its block within it).
        if not _names_year_up_to(text, block.text, ctx.year) or not _TRIGGER.search(block.text):
            continue
        patterns = [_FUTURE_AT, _EVENT_AHEAD]
        if i in in_plan and not _LOOKS_BACK.search(block.text):
            patterns.append(_EVENT_AS_TIME)
        for sent in text.block_sentences(block):
            if not _names_year_up_to(text, sent.text, ctx.year) or not _TRIGGER.search(sent.text):
                continue
            if comparisons_in(sent.text) or earlier_words_in(sent.text):
                continue
            these = [
                q for q in patterns if q is not _FUTURE_AT or not _PLAN_DOCUMENT.search(sent.text)
            ]
            for hit in _found(sent.text, ctx.year, tuple(these))[:1]:
                line = sent.line_of(ctx.doc, str(hit.year))
                words = hit.words if len(hit.words) <= 80 else "…" + hit.words[-77:]
                yield ctx.finding(
                    line=line,
                    row=words,
                    stated=words,
                    message=(
                        f'Tertulis "{words}" dalam laporan kinerja tahun {ctx.year}: peristiwa '
                        "tahun itu diuraikan seolah-olah belum terjadi. Kemungkinan teks "
                        "disalin dari laporan tahun sebelumnya; uraikan apa yang telah "
                        "dilaksanakan dan hasilnya, atau perbarui tahunnya."
                    ),
                )
