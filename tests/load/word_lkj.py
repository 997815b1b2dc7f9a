"""An LKj written the way satker write them: in Word (python-docx), exported to PDF by LibreOffice.

The content is the corpus builder's consistent report (``tests.corpus.builder`` rendered by
``tests.corpus.render``), so its plain-text extraction is known and every figure in it foots.
That text is laid out as a Word document with what real Word-made LKj carry:

* a title, chapter headings "BAB I" / "PENDAHULUAN" in one Heading 1 (line break inside),
  sub-headings "A. …" (Heading 2) and "a. …" / "1. Sasaran …" (Heading 3), justified body text,
  a signature block aligned right, a Daftar Isi with dot-leader tab stops, a page break before
  each chapter;
* bordered tables (Table Grid) with a bold header row marked "repeat as header row"
  (``w:tblHeader``), so tables longer than a page print their header again on the next page;
* merged cells: in the Perjanjian Kinerja table a sasaran cell spans all its indicator rows
  (vertical merge); capaian tables carry a group header "Tahun 2024" over Target | Realisasi |
  Capaian, with No and Indikator merged over both header rows; a "Jumlah" total row whose
  label spans the leading columns (horizontal merge);
* a running header (the report's title) and a footer "Halaman N dari M" made of PAGE and
  NUMPAGES fields.

``report_text`` gives the text (consistent, or with defects injected by the corpus
injections); ``build_docx`` writes it as DOCX; ``to_pdf`` converts with ``soffice``.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.corpus.builder import Spec, default_spec
from tests.corpus.injections import INJECTIONS
from tests.corpus.render import render

# Enough kecamatan that each voter table runs over a page break (a real kabupaten has 10-30).
KECAMATAN = (
    "Mekarsari",
    "Sukadana",
    "Cibunar",
    "Talang Jaya",
    "Air Bening",
    "Bukit Indah",
    "Danau Biru",
    "Gunung Sari",
    "Karang Anyar",
    "Lebak Sari",
    "Muara Tiga",
    "Padang Luas",
    "Pangkalan Baru",
    "Pulau Harapan",
    "Rantau Panjang",
    "Sei Lilin",
    "Simpang Empat",
    "Sungai Rambai",
    "Tanjung Batu",
    "Teluk Gelam",
    "Tulung Selapan",
    "Ujung Tanjung",
    "Way Kanan",
    "Bandar Agung",
)
# Defects that the damaged report carries (each on its own line; rules from four families).
DEFECTS = (
    "budget_single_table_kegiatan",  # ANG002 a kegiatan row that does not add up
    "budget_row_percentage",  # ANG001 a printed serapan that does not recompute
    "capaian_wrong_percentage",  # CAP001
    "voters_kecamatan_total",  # PML002 a per-kecamatan total
    "pk_target_differs",  # XTB009 PK target differs from the capaian table
    "penutup_mean_capaian",  # NAR001 the Penutup quotes another mean
)
SOFFICE_TIMEOUT = 240


def report_spec() -> Spec:
    """The report: one budget table over all programs, per-kecamatan voters, a negative IKU."""
    spec = default_spec(
        voter_layout="kecamatan",
        kecamatan=KECAMATAN,
        budget_layout="single_table",
        negative_indicator=True,
    )
    rng = random.Random(spec.seed)
    for stage, base in (("DP4", 9_000), ("DPS", 9_150), ("DPT", 9_200)):
        # as many women as men, within a few percent (the builder's sexes drift on small areas)
        rows = [(kec, base + rng.randrange(-2500, 2500), 0) for kec in KECAMATAN]
        spec.voters[stage] = [(k, lk, round(lk * rng.uniform(0.96, 1.04))) for k, lk, _ in rows]
    return spec


def report_text(damaged: bool = False) -> str:
    """The report as a plain-text extraction (the truth both Word files are made from)."""
    spec = report_spec()
    text = render(spec)
    if damaged:
        for name in DEFECTS:
            text = INJECTIONS[name].mutate(text, spec)
    return text


# --------------------------------------------------------------------------- text -> blocks


@dataclass
class Block:
    kind: str  # title | h1 | h2 | h3 | caption | p | sign | toc | table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


_CHAPTER_RE = re.compile(r"^BAB [IVX]+$")
_CAPTION_RE = re.compile(r"^(Capaian Kinerja Sasaran \d+|Kategori Skala Penilaian .*)$")
_TOC_RE = re.compile(r"^[^\t]+\t(?:\d{1,3}|[ivx]{1,5})$")


def blocks(text: str) -> list[Block]:
    """The text's blocks: runs of tab lines are tables (or the Daftar Isi), lines paragraphs."""
    chunks = [c.split("\n") for c in text.strip("\n").split("\n\n")]
    out: list[Block] = []
    signing = False
    for k, lines in enumerate(chunks):
        lines = [ln for ln in lines if ln.strip()]
        if not lines:
            continue
        if all("\t" in ln for ln in lines):
            if all(_TOC_RE.match(ln) for ln in lines):
                out += [Block("toc", ln) for ln in lines]
            else:
                out.append(Block("table", rows=[ln.split("\t") for ln in lines]))
            continue
        for line in lines:
            kind = _kind(line, first=k == 0)
            if re.match(r"^.+, \d{1,2} \w+ \d{4}$", line):  # "Mekarsari, 15 Januari 2025"
                signing = True
            if signing and kind == "p":
                kind = "sign"
            elif kind != "p":
                signing = False
            if kind == "sign" and line.isupper():
                signing = False  # the name closes the signature block
            if out and out[-1].kind == "h1" and _CHAPTER_RE.match(out[-1].text):
                out[-1].text += "\n" + line  # "BAB I" and its title: one heading, two lines
                continue
            out.append(Block(kind, line))
    return out


def _kind(line: str, first: bool) -> str:
    if first:
        return "title"
    if _CHAPTER_RE.match(line) or (line.isupper() and not re.search(r"[,.]", line)):
        return "h1"
    if re.match(r"^[A-H]\. \w", line):
        return "h2"
    if re.match(r"^[a-h]\. \w", line) or re.match(r"^\d+\. Sasaran \d", line):
        return "h3"
    if _CAPTION_RE.match(line):
        return "caption"
    return "p"


# --------------------------------------------------------------------------- DOCX


def build_docx(text: str, path: Path, running_title: str) -> Path:
    """Write ``text`` (see :func:`report_text`) as a Word-made LKj at ``path``."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.name = "Arial"
    _running_header(section, running_title)
    _page_footer(section)

    chapters = 0
    for block in blocks(text):
        if block.kind == "table":
            _table(document, block.rows)
            document.add_paragraph()  # Word needs a paragraph between two tables
            continue
        if block.kind == "title":
            p = document.add_paragraph(style="Title")
            p.add_run(block.text)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if block.kind in ("h1", "h2", "h3"):
            p = document.add_paragraph(
                style={"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3"}[block.kind]
            )
            first, *rest = block.text.split("\n")
            run = p.add_run(first)
            for more in rest:
                run.add_break()
                run = p.add_run(more)
            if block.kind == "h1":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                chapters += 1
                p.paragraph_format.page_break_before = chapters > 1
            continue
        p = document.add_paragraph()
        if block.kind == "toc":
            title, page = block.text.split("\t")
            stops = p.paragraph_format.tab_stops
            stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            p.add_run(f"{title}\t{page}")
            p.paragraph_format.space_after = Pt(2)
        elif block.kind == "caption":
            p.add_run(block.text).bold = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "sign":
            run = p.add_run(block.text)
            run.bold = block.text.isupper()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            p.add_run(block.text)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.save(str(path))
    return path


def _running_header(section: object, title: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = section.header.paragraphs[0]  # type: ignore[attr-defined]
    run = p.add_run(title)
    run.font.size, run.italic = Pt(9), True
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _page_footer(section: object) -> None:
    """ "Halaman N dari M" from PAGE and NUMPAGES fields, as Word's page-number gallery makes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = section.footer.paragraphs[0]  # type: ignore[attr-defined]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Halaman ").font.size = Pt(9)
    _field(p, "PAGE", "1")
    p.add_run(" dari ").font.size = Pt(9)
    _field(p, "NUMPAGES", "1")


def _field(p: object, code: str, shown: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def char(kind: str) -> None:
        run = p.add_run()  # type: ignore[attr-defined]
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    char("begin")
    run = p.add_run()  # type: ignore[attr-defined]
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run._r.append(instr)
    char("separate")
    p.add_run(shown).font.size = Pt(9)  # type: ignore[attr-defined]
    char("end")


_NUMERIC_RE = re.compile(r"^[\d.,%()\s-]+$|^\d+ \w+$")


def _table(document: object, rows: list[list[str]]) -> None:
    """A bordered table; the header repeats on each page; sasaran, group and total merges."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    header, body = rows[0], rows[1:]
    grouped = header[1:] == ["Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    head_rows = [header]
    if grouped:  # "Tahun N" over the figures (N from the report's own year)
        year = _report_year(document)
        head_rows = [[header[0], header[1], f"Tahun {year}", "", ""], ["", "", *header[2:]]]
    table = document.add_table(  # type: ignore[attr-defined]
        rows=len(head_rows) + len(body), cols=len(header)
    )
    table.style = "Table Grid"
    for r, cells in enumerate(head_rows + body):
        for c, text in enumerate(cells):
            para = table.cell(r, c).paragraphs[0]
            run = para.add_run(text)
            run.font.size = Pt(9)
            if r < len(head_rows):
                run.bold = True
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif c > 0 and _NUMERIC_RE.match(text):
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for r in range(len(head_rows)):
        _repeat_header(table.rows[r])
    if grouped:
        _merge(table, (0, 0), (1, 0))
        _merge(table, (0, 1), (1, 1))
        _merge(table, (0, 2), (0, 4))
    top = len(head_rows)
    if header[1].startswith("Sasaran"):  # one sasaran cell over all its indicators
        start = 0
        for k in range(1, len(body) + 1):
            if k == len(body) or body[k][1] != body[start][1]:
                if k - start > 1:
                    _merge(table, (top + start, 1), (top + k - 1, 1))
                start = k
    last = body[-1] if body else []
    if last and not last[0] and "Jumlah" in last:  # "Jumlah" over the leading columns
        upto = last.index("Jumlah")
        while upto + 1 < len(last) and not last[upto + 1]:
            upto += 1
        row = top + len(body) - 1
        _merge(table, (row, 0), (row, upto), text="Jumlah")
    _widths(table, head_rows[-1:] + body)


def _widths(table: object, rows: list[list[str]]) -> None:
    """Column widths after the longest text (a narrow No column), over 16 cm as Word fits."""
    from docx.shared import Cm

    def weight(texts: list[str]) -> int:  # no word or figure broken over two lines
        longest_word = max((len(w) for t in texts for w in t.split()), default=0)
        return max(min(max(map(len, texts)), 30), longest_word + 5, 6)

    weights = [weight([r[c] for r in rows]) for c in range(len(rows[0]))]
    table.autofit = False  # type: ignore[attr-defined]
    grid = table._tbl.tblGrid.gridCol_lst  # type: ignore[attr-defined]
    for c, weight in enumerate(weights):
        width = Cm(16.0 * weight / sum(weights))
        grid[c].w = width  # LibreOffice lays out by the grid, Word by the cells
        for cell in table.columns[c].cells:  # type: ignore[attr-defined]
            cell.width = width


def _report_year(document: object) -> str:
    for p in document.paragraphs:  # type: ignore[attr-defined]
        m = re.search(r"TAHUN (\d{4})$", p.text)
        if m:
            return m.group(1)
    raise AssertionError("the report title names no year")


def _merge(table: object, a: tuple[int, int], b: tuple[int, int], text: str | None = None) -> None:
    """Merge cells ``a``..``b`` keeping ``a``'s text (or ``text``) once, as Word does."""
    first = table.cell(*a)  # type: ignore[attr-defined]
    runs = [(r.text, r.bold, r.font.size) for r in first.paragraphs[0].runs]
    if text is not None:
        runs = [(text, True, runs[0][2] if runs else None)]
    merged = first.merge(table.cell(*b))  # type: ignore[attr-defined]
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    para = merged.paragraphs[0]
    for r in list(para.runs):
        r._r.getparent().remove(r._r)
    for text, bold, size in runs:
        run = para.add_run(text)
        run.bold, run.font.size = bold, size


def _repeat_header(row: object) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:tblHeader"))
    tr_pr.append(OxmlElement("w:cantSplit"))


# --------------------------------------------------------------------------- PDF


def soffice() -> str | None:
    """Path of LibreOffice's command line converter, ``None`` when not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_files: list[Path], outdir: Path) -> list[Path]:
    """Convert DOCX files to PDF with LibreOffice in one headless run (a private profile)."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("soffice not found: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="lkj-soffice-") as profile:
        # A private profile: another soffice (a user's, a parallel test) cannot lock ours.
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_files),
        ]
        env = {**os.environ, "HOME": profile}
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT, env=env, check=False
        )
    pdfs = [outdir / (p.stem + ".pdf") for p in docx_files]
    missing = [p.name for p in pdfs if not p.exists()]
    if done.returncode != 0 or missing:
        raise RuntimeError(
            f"soffice failed (rc {done.returncode}, missing {missing}): "
            f"{done.stdout[-500:]} {done.stderr[-500:]}"
        )
    return pdfs


@dataclass(frozen=True)
class WordMade:
    """One report in its three forms: the text extraction, the DOCX, and the PDF made from it."""

    name: str
    text: Path
    docx: Path
    pdf: Path


def make_all(outdir: Path) -> dict[str, WordMade]:
    """The consistent and the damaged report as text, DOCX and LibreOffice PDF."""
    spec = report_spec()
    title = f"Laporan Kinerja {spec.satker} Tahun {spec.year}"
    made: dict[str, tuple[Path, Path]] = {}
    for name, damaged in (("consistent", False), ("damaged", True)):
        text = report_text(damaged)
        txt = outdir / f"{name}.txt"
        txt.write_text(text, encoding="utf-8")
        made[name] = (txt, build_docx(text, outdir / f"{name}.docx", title))
    pdfs = to_pdf([d for _, d in made.values()], outdir)
    return {
        name: WordMade(name, txt, docx_path, pdf)
        for (name, (txt, docx_path)), pdf in zip(made.items(), pdfs, strict=True)
    }
