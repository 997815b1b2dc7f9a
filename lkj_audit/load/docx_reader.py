"""Read a DOCX report into the plain-text extraction format that :mod:`text_reader` parses.

The body is walked in document order (paragraphs and tables interleaved, content controls
such as a generated Daftar Isi included); page headers and footers are not part of the body,
so running titles never reach the text. Conventions (those of ``tests/fixtures/*.txt``):

* each paragraph on one line, a blank line between blocks; Word list numbering is written
  out (``A.``, ``1.``, ``a)``) and bullets become ``- ``, so "A. Capaian Kinerja" headings
  and list items read as they print; a line break inside a heading splits it into lines
  ("BAB III" / "AKUNTABILITAS KINERJA"), inside body text it is a space;
* a table row is one line, cells separated by tabs; a cell's paragraphs are joined with a
  space; a merged cell's text is emitted once (in its first grid column and first row),
  the grid positions it covers are emitted empty so columns stay aligned;
* tabs inside a paragraph are kept only where neighbouring paragraphs have the same number
  of tab-separated parts (a Daftar Isi, a tab-aligned table); elsewhere they are spaces.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkj_audit.errors import DamagedFileError, MissingReaderError

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_TAGS = tuple(f"{_W}{t}" for t in ("t", "tab", "br", "cr", "noBreakHyphen"))
# Text under these is not printed in the paragraph's flow (or not at all).
_SKIP_TAGS = {f"{_W}{t}" for t in ("del", "moveFrom", "txbxContent", "pPr", "rPr")} | {_MC_FALLBACK}
_HEADING_STYLE_RE = re.compile(r"^(heading|judul|title)\b", re.I)
_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        "m cm d cd c xc l xl x ix v iv i".split(),
        strict=True,
    )
)


@dataclass(slots=True)
class _Para:
    parts: list[str]  # text split at tabs
    heading: bool


def docx_to_text(path: str | Path) -> str:
    """Extract ``path`` as text in the format of the seed extraction (see module docstring).

    Raises :class:`InputFileError` when the file is not a readable DOCX.
    """
    p = Path(path)
    document = _open(p)
    numbering = _Numbering(document)
    items: list[_Para | list[str]] = []
    try:
        for child in document.element.body.iterchildren():
            _walk(child, document, numbering, items)
    except Exception as exc:  # noqa: BLE001 - malformed XML surfaces as many types
        log.debug("python-docx failed on %s", p, exc_info=True)
        raise DamagedFileError(
            f"{p}: the DOCX is damaged ({type(exc).__name__}: {str(exc)[:120]}); open and "
            "re-save it in Word or LibreOffice, or supply a text extraction."
        ) from None
    return "\n\n".join(_render(items)) + "\n"


def check_package(p: Path) -> None:
    """Cheap check (nothing parsed): the file is a ZIP package, not an old or locked .doc."""
    with p.open("rb") as fh:
        magic = fh.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise DamagedFileError(
            f"{p}: this is a password-protected DOCX or an old Word .doc file; save it as an "
            "unprotected .docx (Word 2007 or later) and try again."
        )
    if not zipfile.is_zipfile(p):
        raise DamagedFileError(
            f"{p}: not a DOCX file (a .docx is a ZIP package; this one is damaged or of "
            "another type); re-save it as .docx or supply a text extraction."
        )


def _open(p: Path) -> Any:
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the install
        raise MissingReaderError(
            f"{p}: reading DOCX needs python-docx; install it with pip install 'lkj-audit[docx]'."
        ) from None
    check_package(p)
    try:
        return docx.Document(str(p))
    except Exception as exc:  # noqa: BLE001 - python-docx/zipfile/lxml errors alike
        log.debug("python-docx could not open %s", p, exc_info=True)
        raise DamagedFileError(
            f"{p}: not a readable DOCX ({type(exc).__name__}: {str(exc)[:120]}); re-save it "
            "as .docx in Word or LibreOffice, or supply a text extraction."
        ) from None


def _walk(el: Any, document: Any, numbering: _Numbering, items: list[_Para | list[str]]) -> None:
    """Append the paragraphs and tables under body element ``el`` in document order."""
    from docx.text.paragraph import Paragraph

    if el.tag == f"{_W}p":
        para = Paragraph(el, document)
        style = para.style.name if para.style is not None else ""
        text = numbering.label(el, para.style) + _para_text(el)
        items.append(_Para(text.split("\t"), bool(_HEADING_STYLE_RE.match(style))))
        for box in _text_boxes(el):
            items.append(_Para([_para_text(box)], False))
    elif el.tag == f"{_W}tbl":
        items.append(_table_lines(el))
    elif el.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
        for child in el.iterchildren():
            _walk(child, document, numbering, items)


def _para_text(p: Any) -> str:
    """Text of paragraph ``p`` as printed, from runs at any depth.

    Runs inside tracked insertions, fields, smart tags and hyperlinks count; deleted text,
    text boxes (read separately) and tab-stop definitions do not.
    """
    out: list[str] = []
    for el in p.iter(*_TEXT_TAGS):
        node = el.getparent()
        while node is not None and node is not p and node.tag not in _SKIP_TAGS:
            node = node.getparent()
        if node is not p:
            continue
        if el.tag == f"{_W}t":
            out.append(el.text or "")
        elif el.tag == f"{_W}tab":
            out.append("\t")
        elif el.tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif el.get(f"{_W}type") in (None, "textWrapping"):  # w:br, w:cr; not page breaks
            out.append("\n")
    return "".join(out)


def _text_boxes(p: Any) -> list[Any]:
    """Paragraphs of text boxes anchored in ``p`` (cover pages), once per box."""
    out = []
    for box in p.iter(f"{_W}txbxContent"):
        if not _in_fallback(box):
            out.extend(box.iterchildren(f"{_W}p"))
    return out


def _table_lines(tbl: Any) -> list[str]:
    """One tab line per row; a merged cell's text once, its other grid positions empty."""
    lines = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells: list[str] = [""] * _grid_before(tr)
        for tc in tr.iter(f"{_W}tc"):
            if next(tc.iterancestors(f"{_W}tr")) is not tr:
                continue  # a cell of a nested table
            span = int(tc.grid_span)
            text = "" if tc.vMerge == "continue" else _cell_text(tc)
            cells += [text] + [""] * (span - 1)
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _grid_before(tr: Any) -> int:
    try:
        return int(tr.grid_before)
    except (AttributeError, TypeError, ValueError):
        return 0


def _cell_text(tc: Any) -> str:
    """Every paragraph of the cell (nested tables included), joined by spaces."""
    paragraphs = [p for p in tc.iter(f"{_W}p") if not _in_fallback(p)]
    return " ".join(" ".join(_para_text(p) for p in paragraphs).split())


def _in_fallback(el: Any) -> bool:
    """Inside the VML copy that Word keeps of a DrawingML object (text boxes)."""
    return any(a.tag == _MC_FALLBACK for a in el.iterancestors())


def _render(items: list[_Para | list[str]]) -> list[str]:
    """Blocks of output text: tables as tab lines, paragraphs one per line."""

    def width(i: int) -> int:
        item = items[i] if 0 <= i < len(items) else None
        return len(_strip(item.parts)) if isinstance(item, _Para) else 0

    blocks: list[str] = []
    prev_tabbed = False
    for i, item in enumerate(items):
        if isinstance(item, list):
            if item:
                blocks.append("\n".join(item))
            prev_tabbed = False
            continue
        parts = _strip(item.parts)
        tabbed = len(parts) > 1 and width(i) in (width(i - 1), width(i + 1))
        text = "\t".join(parts) if tabbed else " ".join(parts)
        segments = [_clean(s) for s in text.split("\n") if s.strip()]
        if tabbed and prev_tabbed and segments:
            blocks[-1] += "\n" + "\n".join(segments)  # rows of one tab-aligned listing
        elif item.heading or all(s.isupper() for s in segments):
            blocks.extend(segments)
        elif segments:
            blocks.append(" ".join(segments))
        prev_tabbed = tabbed and bool(segments) or (prev_tabbed and not segments)
    return blocks


def _clean(segment: str) -> str:
    """Collapse spaces inside each tab-separated part."""
    return "\t".join(" ".join(part.split()) for part in segment.strip().split("\t"))


def _strip(parts: list[str]) -> list[str]:
    """Drop empty leading/trailing tab parts (indentation, right-aligned nothing)."""
    parts = [p.strip(" ") for p in parts]
    while parts and not parts[0].strip():
        parts.pop(0)
    while parts and not parts[-1].strip():
        parts.pop()
    return parts


class _Numbering:
    """Writes out Word list numbers ("A.", "1.", "a)") and bullets ("- ") as printed."""

    def __init__(self, document: Any) -> None:
        try:
            self._root: Any = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self._root = None
        self._counters: dict[str, list[int]] = {}

    def label(self, p: Any, style: Any) -> str:
        """Return the number or bullet Word prints before paragraph ``p`` ('' when none)."""
        num_id, ilvl = self._num_pr(p, style)
        lvl = self._level(num_id, ilvl) if num_id else None
        if num_id is None or lvl is None:
            return ""
        fmt = self._val(lvl, "numFmt") or "decimal"
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        counts = self._counters.setdefault(num_id, [0] * 9)
        start = int(self._val(lvl, "start") or 1)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        counts[ilvl + 1 :] = [0] * (8 - ilvl)
        text = self._val(lvl, "lvlText") or f"%{ilvl + 1}."
        for k in range(ilvl + 1):
            number = _format(max(counts[k], 1), fmt if k == ilvl else "decimal")
            text = text.replace(f"%{k + 1}", number)
        return f"{text} " if text.strip() else ""

    def _num_pr(self, p: Any, style: Any) -> tuple[str | None, int]:
        num_pr = p.pPr.numPr if p.pPr is not None else None
        while num_pr is None and style is not None:
            ppr = style.element.pPr
            num_pr = ppr.numPr if ppr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None:
            return None, 0
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        return str(num_pr.numId.val), min(int(ilvl), 8)

    def _level(self, num_id: str, ilvl: int) -> Any:
        if self._root is None or num_id == "0":
            return None
        num = _child(self._root, "num", "numId", num_id)
        abstract = num.find(f"{_W}abstractNumId") if num is not None else None
        if abstract is None:
            return None
        definition = _child(self._root, "abstractNum", "abstractNumId", abstract.get(f"{_W}val"))
        return _child(definition, "lvl", "ilvl", str(ilvl)) if definition is not None else None

    @staticmethod
    def _val(lvl: Any, tag: str) -> str | None:
        el = lvl.find(f"{_W}{tag}")
        return el.get(f"{_W}val") if el is not None else None


def _child(parent: Any, tag: str, attr: str, value: str | None) -> Any:
    """Find the ``w:tag`` child of ``parent`` whose ``w:attr`` is ``value`` (else ``None``)."""
    children = parent.iterchildren(f"{_W}{tag}")
    return next((c for c in children if c.get(f"{_W}{attr}") == value), None)


def _format(n: int, fmt: str) -> str:
    """``n`` written in Word number format ``fmt`` (decimal, upperLetter, lowerRoman, …)."""
    if fmt in ("upperLetter", "lowerLetter"):
        s = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out, n = out + numeral, n - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
