"""A Word document written the way satker write their LKj, for the hand-written unseen reports.

A4 page, running header and page-number footer, justified paragraphs, bordered tables whose
header rows repeat on every page; exported to PDF by LibreOffice (``make``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.load.word_lkj import _page_footer, _repeat_header, _running_header, to_pdf


class WordDoc:
    """One python-docx document and the few ways a report uses it."""

    def __init__(self, font: str, running_title: str) -> None:
        import docx
        from docx.shared import Cm, Pt

        self.document = docx.Document()
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.5)
        normal = self.document.styles["Normal"]
        normal.font.name, normal.font.size = font, Pt(11)
        _running_header(section, running_title)
        _page_footer(section)

    def para(self, text: str, align: Any = None) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        self.document.add_paragraph(text).alignment = align or WD_ALIGN_PARAGRAPH.JUSTIFY

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level=level)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def title(self, lines: tuple[str, ...]) -> None:
        """The cover: centred title lines, then a page break."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for line in lines:
            p = self.document.add_paragraph(style="Title")
            p.add_run(line)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.page_break()

    def table(self, rows: list[list[str]], heads: int = 1, size: int = 9) -> Any:
        """A bordered table; a cell text with "\\n" is printed as paragraphs in one cell."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        t = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                cell = t.cell(r, c)
                first, *more = text.split("\n")
                cell.paragraphs[0].add_run(first).font.size = Pt(size)
                for extra in more:  # "Nama" then "NIP …": two paragraphs in one cell
                    cell.add_paragraph().add_run(extra).font.size = Pt(size)
                if r < heads:
                    cell.paragraphs[0].runs[0].bold = True
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for r in range(heads):
            _repeat_header(t.rows[r])
        self.document.add_paragraph()
        return t

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


def make(build: Callable[[Path], Path], name: str, outdir: Path) -> tuple[Path, Path]:
    """The DOCX ``build`` writes as ``name`` and its LibreOffice PDF, in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    docx_path = build(outdir / name)
    (pdf_path,) = to_pdf([docx_path], outdir)
    return docx_path, pdf_path
