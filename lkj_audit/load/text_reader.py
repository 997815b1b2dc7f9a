"""Read the plain-text extraction of an LKj (one paragraph per line, table cells tab-separated).

This is the format of ``data/raw/**.txt`` and of what the PDF and DOCX readers produce.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from lkj_audit.load import headings as hd
from lkj_audit.load.aligned_text import Unread, prose_width, tabulate, wraps_on
from lkj_audit.load.cellcache import cell_cache
from lkj_audit.load.document import Block, Document, RawTable, Section
from lkj_audit.load.flow_cells import find_cell_tables, find_unread_cells
from lkj_audit.load.flow_rebuild import Rebuilt, as_raw_table, rebuild
from lkj_audit.load.flow_rows import (
    ONE_OF_A_FAMILY_UNREAD,
    continues,
    header_family,
    rebuild_rows,
    same_header,
)
from lkj_audit.load.flow_tables import FlowTable, find_flow_tables
from lkj_audit.load.rawtables import (
    build_table,
    continues_table,
    is_page_furniture,
    opens_group,
    row_number,
)

# A page number printed before or after a running title ("25 LKj …", "… Tahun 2024 - 25 -").
PAGE_AT_ENDS_RE = re.compile(r"^\d{1,3}\s+(?=\D)|\s+[-–|]?\s*\d{1,3}\s*[-–]?$")
_PAGE_BEFORE_RE = re.compile(r"\d{1,3}\s+(?=\D)")
_PAGE_AFTER_RE = re.compile(r"\s+[-–|]?\s*\d{1,3}\s*[-–]?$")
# With single spaces the number after a title takes at most " – 123 –", 8 characters.
_PAGE_AFTER_LEN = 8
_RUNNING_TITLE_RE = re.compile(r"(?i)\d{4}|^(LK|LAKIP|Laporan|KPU|Komisi|Sekretariat)")
_LIST_RE = re.compile(r"^\s*(?:[-•*]\s+|(?:\d{1,2}|[a-zA-Z])[.)]\s+|\d\)\s*)")
_CONTEXT_BLOCKS = 3


def furniture_lines(lines: list[str]) -> set[str]:
    """Running headers/footers: short lines repeated on several pages, and page numbers."""
    keys: list[str | None] = [
        _furniture_keys(t)[1]  # _title_key of its words, kept for the block pass
        if t.strip() and "\t" not in t and len(t.strip()) <= 90
        else None
        for t in lines
    ]
    counts = Counter(k for k in keys if k)
    heading_tests: dict[str, bool] = {}

    def heading_like(t: str) -> bool:
        """A heading, never a running title (tested only for the keys that could be one)."""
        found = heading_tests.get(t)
        if found is None:
            found = heading_tests[t] = bool(hd.chapter_candidates([t]) or hd.subsection_match(t))
        return found

    # Printed twice only, it must stand alone each time (blank lines or a page break around
    # it): a place and date over a signature, or a wrapped cell line ("2024 yang") printed in
    # two tables, is printed twice and is no running title.
    crowded = {k for n, k in enumerate(keys) if k and counts[k] == 2 and not _alone(lines, n)}
    repeated = {t for t, n in counts.items() if n >= 2 and t not in crowded and not heading_like(t)}
    # Printed once, a running title still shows itself by the page number beside it and the
    # blank lines around it (a report cut at one page only).
    repeated |= {
        k
        for n, k in enumerate(keys)
        if k
        and counts[k] == 1
        and k != _furniture_keys(lines[n])[0]  # the line's words: a page number beside it
        and _alone(lines, n)
        and not heading_like(k)
    }
    # Only lines that look like a running title ("Tahun 2024", "LKj KPU ... 2024"), never a
    # sentence: no final full stop, at most twelve words.
    return {
        t
        for t in repeated
        if _RUNNING_TITLE_RE.search(t) and len(t.split()) <= 12 and not t.endswith((".", ":"))
    }


def _alone(lines: list[str], n: int) -> bool:
    """Line ``n`` has a blank line, a page number or a page break before and after it."""

    def clear(k: int) -> bool:
        if k < 0 or k >= len(lines) or not lines[k].strip() or "\f" in lines[k]:
            return True
        return is_page_furniture(" ".join(lines[k].split()))

    return (clear(n - 1) or "\f" in lines[n]) and clear(n + 1)


def _is_furniture(text: str, furniture: set[str]) -> bool:
    t, key, page = _furniture_keys(text)
    return bool(t) and (t in furniture or key in furniture or page)


@cell_cache
def _furniture_keys(text: str) -> tuple[str, str, bool]:
    """What :func:`_is_furniture` compares of a line: its words, its title key, a page number.

    Asked of most lines two or three times (tabulate, the gap before a table, the block pass).
    """
    t = " ".join(text.split())
    if not t:
        return t, t, False
    return t, _title_key(t), is_page_furniture(t)


def _title_key(text: str) -> str:
    """A running title without the page number printed beside it ("… Tahun 2024 25").

    ``text`` has single spaces (both callers join its words): then the number after the title
    is in its last characters, and only those are searched. ``PAGE_AT_ENDS_RE.sub`` gives the
    same key, but tries its pattern at every position of every paragraph (~25 µs a line).
    """
    before = _PAGE_BEFORE_RE.match(text)
    start = before.end() if before else 0
    after = _PAGE_AFTER_RE.search(text, max(start, len(text) - _PAGE_AFTER_LEN))
    return text[start : after.start() if after else len(text)].strip()


def read_text(text: str, source: str = "<string>") -> Document:
    """Parse extracted report text into a :class:`Document`."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").split("\n")
    furniture = furniture_lines(lines)
    # Space-aligned tables (pdftotext -layout) become tab cells, line for line.
    aligned, unread = tabulate(lines, lambda t: _is_furniture(t, furniture))
    if aligned != lines:
        lines, furniture = aligned, furniture_lines(aligned)
    chosen, rejected = hd.select_chapters(lines, hd.chapter_candidates(lines))
    zones = hd.listing_zones(rejected)
    width = prose_width(lines)  # once: ~2 ms, asked by every chapter and the blocks
    sections = _build_sections(lines, chosen, zones, width)
    blocks, table_runs = _blocks_and_table_runs(lines, furniture, sections, zones, width)
    tables = _assemble_tables(table_runs, blocks, sections, furniture, lines)
    unread = _attach_uncertain(unread, tables)
    doc = Document(
        source=source,
        sha256=sha,
        lines=lines,
        sections=sections,
        blocks=blocks,
        tables=tables,
        rejected_headings=[(c.line, c.title) for c in rejected],
        unread_tables=[(u.line, u.end_line, u.why) for u in unread],
    )
    # Tables printed as flowing text (one cell per line, rows run together): recorded, unread.
    taken = [(t.line, t.end_line) for t in tables] + [(u.line, u.end_line) for u in unread]
    stops = frozenset(s.line for s in sections)
    # One cell per line, row after row (a word processor's text export): read when certain.
    cells = dict(find_cell_tables(lines, taken, stops))
    taken += [(f.line, f.end_line) for f in cells]
    flow = sorted([*cells, *find_flow_tables(lines, taken, stops)], key=lambda f: f.line)
    flow = _adopt_rebuilt(doc, flow, furniture, width, cells)  # when certain: read
    # A cell a line that none of them took: recorded unread all the same.
    seen = taken + [(f.line, f.end_line) for f in flow] + [(t.line, t.end_line) for t in doc.tables]
    flow += find_unread_cells(lines, seen, stops)
    doc.unread_tables += [(f.line, f.end_line, f.why) for f in flow]
    doc.unread_tables.sort()
    return doc


def _adopt_rebuilt(
    doc: Document,
    flow: list[FlowTable],
    furniture: set[str],
    width: int,
    cells: dict[FlowTable, Rebuilt] | None = None,
) -> list[FlowTable]:
    """Tables printed column by column that rebuild with certainty join ``doc.tables``.

    Their lines stop being running text. The rest of ``flow`` is returned, still unread.
    """
    left = []

    def is_furniture(text: str) -> bool:
        return _is_furniture(text, furniture)

    for f, built in _rebuilt(doc.lines, flow, is_furniture, width, cells or {}):
        if not isinstance(built, Rebuilt):
            why = f"{f.why}; tidak dapat disusun ulang dengan pasti: {built}" if built else f.why
            left.append(replace(f, why=why))
            continue
        table = as_raw_table(f"T{len(doc.tables) + 1:02d}", built)
        doc.blocks = [
            b
            for b in doc.blocks
            if b.kind == "furniture" or not table.line <= b.line <= b.end_line <= table.end_line
        ]
        stop = bisect_left([b.line for b in doc.blocks], table.line)
        table.section = _section_for(doc.sections, table.line)
        chapter = table.section.chapter if table.section else None
        table.context = _context_before(doc.blocks, stop, chapter)
        doc.tables.append(table)
    doc.tables.sort(key=lambda t: t.line)
    return left


def _rebuilt(
    lines: list[str],
    flow: list[FlowTable],
    is_furniture: Callable[[str], bool],
    width: int,
    cells: dict[FlowTable, Rebuilt],
) -> list[tuple[FlowTable, Rebuilt | str | None]]:
    """Each flow-text place with its rebuild (or why none): column by column, rows run together.

    A run-together table cut by a page break, its header printed again, is rebuilt whole;
    when it cannot be, its parts stay unread as they were found. Run-together tables of one
    family (capaian, budget, voters) are rebuilt all or none: a mean capaian or a budget
    total compared with part of them would be a false finding.
    """
    out: list[tuple[FlowTable, Rebuilt | str | None]] = []
    k = 0
    while k < len(flow):
        f = flow[k]
        if f.shape == "cells":  # rebuilt when found (lkj_audit.load.flow_cells)
            out.append((f, cells[f]))
            k += 1
            continue
        if f.shape == "column":
            out.append((f, rebuild(lines, f.line, f.end_line, is_furniture, width)))
            k += 1
            continue
        if f.shape != "row":
            out.append((f, None))
            k += 1
            continue
        parts = [f]
        while (
            k + len(parts) < len(flow)
            and (nxt := flow[k + len(parts)]).shape == "row"
            and same_header(lines[nxt.line - 1], lines[f.line - 1])
            and continues(lines, parts[-1].end_line, nxt.line, is_furniture)
        ):
            parts.append(nxt)
        built = rebuild_rows(lines, f.line, parts[-1].end_line, is_furniture)
        if isinstance(built, Rebuilt):
            out.append((replace(f, end_line=parts[-1].end_line), built))
        else:
            out += [(p, built) for p in parts]
        k += len(parts)
    # Tables of one family are compared as a whole: one left unread keeps its kin unread.
    family = {f: header_family(lines[f.line - 1]) for f, _ in out if f.shape == "row"}
    unread = {family[f] for f, b in out if f in family and not isinstance(b, Rebuilt)}
    unread.discard("")
    return [
        (f, ONE_OF_A_FAMILY_UNREAD if family.get(f) in unread and isinstance(b, Rebuilt) else b)
        for f, b in out
    ]


def _attach_uncertain(unread: list[Unread], tables: list[RawTable]) -> list[Unread]:
    """Blocks read with a guess go to the table they joined; the rest stay unread."""
    left = []
    for u in unread:
        table = next((t for t in tables if t.line <= u.end_line and u.line <= t.end_line), None)
        if u.kind != "uncertain":
            left.append(u)
        elif table is not None:
            table.uncertain.append(f"baris {u.line}–{u.end_line}: {u.why}")
    return left


def _in_zone(line: int, zones: list[tuple[int, int]]) -> bool:
    return any(a <= line <= b for a, b in zones)


def _build_sections(
    lines: list[str], chosen: list[hd.Candidate], zones: list[tuple[int, int]], width: int
) -> list[Section]:
    sections: list[Section] = []
    n = len(lines)
    for idx, c in enumerate(chosen):
        end = chosen[idx + 1].line - 1 if idx + 1 < len(chosen) else n
        chapter = Section(key=c.key, title=c.title, level=1, line=c.line, end_line=end)
        sections.append(chapter)
        if c.key.startswith("bab"):
            sections.extend(_subsections(lines, chapter, zones, width))
    return sections


def _subsections(
    lines: list[str], chapter: Section, zones: list[tuple[int, int]], width: int
) -> list[Section]:
    subs: list[Section] = []
    current: Section | None = None
    for ln in range(chapter.line + 1, chapter.end_line + 1):
        text = lines[ln - 1]
        if not text or text.isspace() or _in_zone(ln, zones):
            continue  # a blank line is no heading
        sub = hd.subsection_match(text)
        numbered = None if sub else hd.numbered_subsection_match(text, chapter.key)
        if sub or numbered:
            letter, title = sub or numbered or ("", "")
            current = Section(
                key=f"{chapter.key}.{letter}",
                title=f"{letter}. {title}" if sub else title,
                level=2,
                line=ln,
                parent=chapter,
                letter=letter,
            )
            subs.append(current)
            continue
        sas = hd.sasaran_match(text) if chapter.key == "bab3" else None
        if sas:
            number, title = sas
            if width and ln < len(lines) and lines[ln][:1].islower() and "\t" not in lines[ln]:
                title = f"{title} {lines[ln].strip()}"  # a heading wrapped by pdftotext
            subs.append(
                Section(
                    key=f"{chapter.key}.sasaran{number}",
                    title=f"Sasaran {number} – {title}",
                    level=3,
                    line=ln,
                    parent=current or chapter,
                    number=number,
                )
            )
    # Close each section where the next one of the same or a higher level begins.
    for i, s in enumerate(subs):
        later = [t.line for t in subs[i + 1 :] if t.level <= s.level]
        if s.level == 3:
            later += [t.line for t in subs[i + 1 :] if t.level == 2]
        s.end_line = (min(later) - 1) if later else chapter.end_line
        if s.parent is not None and s.parent.level == 2:
            s.end_line = min(s.end_line, s.parent.end_line or chapter.end_line)
    return subs


def _section_for(sections: list[Section], line: int) -> Section | None:
    best: Section | None = None
    for s in sections:
        if s.line <= line <= s.end_line and (best is None or s.level >= best.level):
            best = s
    return best


def _sections_by_line(sections: list[Section], n: int) -> list[Section | None]:
    """:func:`_section_for` of every line 1..``n`` at once (index = line), same choice.

    Sections are visited in the same order with the same test, per line: one pass over
    their spans instead of a scan of every section for every line.
    """
    best: list[Section | None] = [None] * (n + 1)
    for s in sections:
        for ln in range(max(s.line, 1), min(s.end_line, n) + 1):
            b = best[ln]
            if b is None or s.level >= b.level:
                best[ln] = s
    return best


def _blocks_and_table_runs(
    lines: list[str],
    furniture: set[str],
    sections: list[Section],
    zones: list[tuple[int, int]],
    width: int,
) -> tuple[list[Block], list[list[tuple[int, str]]]]:
    heading_lines = {s.line for s in sections}
    section_at = _sections_by_line(sections, len(lines))
    blocks: list[Block] = []
    runs: list[list[tuple[int, str]]] = []
    pending_gap: list[int] = []  # non-table lines seen since the last table line
    for ln, text in enumerate(lines, start=1):
        # A line of tabs only: a blank line between two rows of an aligned table.
        if "\t" in text and (text.strip() or (runs and not pending_gap)):
            gap_ok = all(
                not lines[g - 1].strip() or _is_furniture(lines[g - 1], furniture)
                for g in pending_gap
            )
            # A group label printed without tabs ("Sasaran 1: …") between rows of one table.
            # Only before a numbered data row: a label over a repeated header opens a new table.
            group_gap = (
                not gap_ok
                and row_number(text.split("\t")[0]) is not None
                and _only_group_labels(pending_gap, lines, furniture)
            )
            if runs and pending_gap and gap_ok and continues_table(runs[-1], [(ln, text)]):
                runs[-1].append((ln, text))
            elif runs and group_gap and continues_table(runs[-1], [(ln, text)]):
                labels = [
                    g
                    for g in pending_gap
                    if lines[g - 1].strip() and not _is_furniture(lines[g - 1], furniture)
                ]
                blocks = [b for b in blocks if b.line not in labels]
                runs[-1] += [(g, lines[g - 1].strip()) for g in labels] + [(ln, text)]
            elif runs and not pending_gap:
                runs[-1].append((ln, text))
            else:
                runs.append([(ln, text)])
            pending_gap = []
            continue
        pending_gap.append(ln)
        if not text.strip():
            continue
        section = section_at[ln]
        if _is_furniture(text, furniture):
            blocks.append(Block("furniture", ln, ln, text.strip(), section))
            continue
        if ln in heading_lines or (
            section is not None  # the section's own line first: cheap, false on most lines
            and section.line == ln
            and not _in_zone(ln, zones)
            and (hd.subsection_match(text) or hd.sasaran_match(text))
        ):
            blocks.append(Block("heading", ln, ln, " ".join(text.split()), section))
            continue
        after = bool(blocks) and blocks[-1].end_line == ln - 1
        wrapped = after and wraps_on(lines[ln - 2], text, width)  # hard-wrapped (pdftotext)
        if width and after and blocks[-1].kind == "heading" and text[:1].islower():
            blocks[-1].text, blocks[-1].end_line = f"{blocks[-1].text} {text.strip()}", ln
            continue
        if (
            (text.startswith(" ") or wrapped)
            and blocks
            and blocks[-1].kind
            in {
                "paragraph",
                "list_item",
            }
        ):
            prev = blocks[-1]
            # After a blank line, an indented capitalised line under a finished sentence is
            # the first line of the next paragraph (pdftotext -layout keeps the indent).
            new_paragraph = (
                prev.end_line < ln - 1
                and text[:1] == " "
                and text.strip()[:1].isupper()
                # "… sebagai berikut:" then a table's caption: the caption stands alone
                and (prev.text.rstrip().endswith((".", "!", "?")) or _CAPTION_RE.match(text))
            )
            if not new_paragraph and _no_table_between(runs, prev.end_line, ln):
                prev.text = f"{prev.text} {text.strip()}"
                prev.end_line = ln
                continue
        kind = "list_item" if _LIST_RE.match(text) else "paragraph"
        blocks.append(Block(kind, ln, ln, text.strip(), section))
    return blocks, runs


_CAPTION_RE = re.compile(r"^\s*(?:Tabel|Table|Gambar|Grafik|Diagram)\s+[\dIVX]+(?:\.\d+)*\b")


def _only_group_labels(gap: list[int], lines: list[str], furniture: set[str]) -> bool:
    """The non-blank lines of ``gap`` are one or two group labels ("Sasaran 1: …").

    A label may wrap: the lines straight under it at its indent, none ending a sentence
    ("Sasaran 3: Tersedianya" / "data dan informasi" / "pemilih yang akurat").
    """
    filled = [g for g in gap if lines[g - 1].strip() and not _is_furniture(lines[g - 1], furniture)]
    if not 0 < len(filled) <= 6:
        return False
    labels = 0
    for k, g in enumerate(filled):
        text = lines[g - 1]
        if opens_group([text.strip()]):
            labels += 1
            continue
        above = lines[filled[k - 1] - 1] if k else ""
        wraps = (
            k > 0
            and filled[k - 1] == g - 1
            and _indent(text) == _indent(above)
            and not text.rstrip().endswith((".", ":"))
        )
        if not wraps:
            return False
    return 0 < labels <= 2


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _furniture_inside(
    run: list[tuple[int, str]], lines: list[str], furniture: set[str]
) -> list[tuple[int, str]]:
    """Running titles and page numbers between the first and last line of a joined table."""
    in_run = {ln for ln, _ in run}
    return [
        (ln, "nomor halaman / judul berjalan")
        for ln in range(run[0][0] + 1, run[-1][0])
        if ln not in in_run and _is_furniture(lines[ln - 1], furniture)
    ]


def _no_table_between(runs: list[list[tuple[int, str]]], start: int, stop: int) -> bool:
    return not runs or not (start < runs[-1][-1][0] < stop)


def _context_before(blocks: list[Block], stop: int, chapter: Section | None) -> list[Block]:
    """The last text blocks before ``blocks[stop]`` in the same chapter (oldest first)."""
    out: list[Block] = []
    for b in reversed(blocks[:stop]):
        if len(out) == _CONTEXT_BLOCKS or (chapter is not None and b.line < chapter.line):
            break
        if b.kind in _CONTEXT_KINDS:
            out.append(b)
    return out[::-1]


_CONTEXT_KINDS = frozenset({"paragraph", "list_item", "heading"})


def _assemble_tables(
    runs: list[list[tuple[int, str]]],
    blocks: list[Block],
    sections: list[Section],
    furniture: set[str],
    lines: list[str],
) -> list[RawTable]:
    tables: list[RawTable] = []
    starts = [b.line for b in blocks]  # in line order
    prefixes = tuple({f[:8] for f in furniture if f})
    for run in runs:
        start = run[0][0]
        section = _section_for(sections, start)
        chapter = section.chapter if section else None
        context = _context_before(blocks, bisect_left(starts, start), chapter)
        # A running title printed with its page number ("… Tahun 2022   7") inside the run:
        # dropped as it is, never merged as the wrapped rest of the row above. (Only lines
        # that begin like a running title are looked at: a table has hundreds of lines.)
        titled = {
            " ".join(t.split())
            for _, t in run
            if " ".join(t.lstrip()[:24].split()).startswith(prefixes)  # cells may split it
            and _is_furniture(t, furniture)
        }
        table = build_table(f"T{len(tables) + 1:02d}", run, context, furniture | titled)
        if table is not None:
            table.dropped += _furniture_inside(run, lines, furniture)
            table.dropped.sort()
            table.section = section
            tables.append(table)
    return tables
