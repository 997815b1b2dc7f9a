"""DOCX reader: real DOCX files built with python-docx, read through the whole audit pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from lkj_audit import audit
from lkj_audit.errors import InputFileError
from lkj_audit.load.docx_reader import docx_to_text
from lkj_audit.load.pdf_reader import pdf_to_text

from .conftest import HEADER

ARITHMETIC = {"ANG001", "ANG002", "ANG003", "ANG004", "ANG005", "PML001", "PML002", "CAP001"}


# --------------------------------------------------------------------------- text format


def test_text_follows_the_seed_conventions(lkj_docx: Callable[..., Path]) -> None:
    lines = docx_to_text(lkj_docx()).splitlines()
    for heading in ("KATA PENGANTAR", "BAB III", "AKUNTABILITAS KINERJA", "B. Realisasi Anggaran"):
        assert heading in lines
    assert "- Seluruh tahapan dilaksanakan sesuai jadwal." in lines  # List Bullet
    # Two paragraphs in one cell are joined; the merged "Jumlah" cell is emitted once.
    assert (
        "1.\t6709.QGE.001 Perencanaan dan Penganggaran Pemilu\t805.812.000\t781.065.690 (96,93%)"
        in lines
    )
    assert "Jumlah\t\t860.352.000\t818.902.490 (95,18%)" in lines
    assert "294.966\t282.275\t577.241" in lines
    # Tables stay where they are in the body.
    assert (
        lines.index("A. Capaian Kinerja Organisasi")
        < lines.index("No\tIndikator Kinerja\tTarget\tRealisasi\tPersentase")
        < lines.index("B. Realisasi Anggaran")
    )
    assert HEADER not in lines  # the page header is not part of the body


def test_docx_and_pdf_of_the_same_report_read_alike(
    lkj_docx: Callable[..., Path], lkj_pdf: Callable[..., Path]
) -> None:
    assert docx_to_text(lkj_docx()) == pdf_to_text(lkj_pdf())


def test_word_features_are_written_out_as_printed(tmp_path: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )

    def numbered(text: str, level: int = 0, style: str | None = None) -> None:
        p = document.add_paragraph(text, style=style)
        p._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )

    document.add_paragraph("DAFTAR ISI", style="Heading 1")
    document.add_paragraph("KATA PENGANTAR\ti")
    document.add_paragraph("BAB I PENDAHULUAN\t1")
    document.add_paragraph("\tParagraf dengan indentasi tab di awal.")
    document.add_paragraph("Nama\t: tab tunggal menjadi spasi")
    heading = document.add_paragraph("BAB III", style="Heading 1")
    heading.add_run().add_break()
    heading.add_run("AKUNTABILITAS KINERJA")
    numbered("Capaian Kinerja Organisasi", style="Heading 2")
    numbered("rincian pertama", 1)
    numbered("rincian kedua", 1)
    numbered("Realisasi Anggaran", style="Heading 2")
    document.add_paragraph("satu", style="List Number")
    body = document.add_paragraph("Kalimat panjang")
    body.add_run().add_break()
    body.add_run("yang berlanjut.")
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [
            ["No", "Sasaran", "Target"],
            ["1", "Sasaran A", "90%"],
            ["", "", "95%"],
            ["Jumlah", "", "x"],
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))  # vertical merge
    table.cell(3, 0).merge(table.cell(3, 1))  # horizontal merge
    tracked = document.add_paragraph("Teks ")
    tracked._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>disisipkan</w:t></w:r></w:ins>'
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a">'
            "<w:r><w:delText>dihapus</w:delText></w:r></w:del>"
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t> 12</w:t></w:r></w:fldSimple>'
        )
    )
    cover = document.add_paragraph()
    cover._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r>'
            "<w:t>KPU KABUPATEN OGAN KOMERING ILIR</w:t></w:r></w:p></w:txbxContent></w:drawing>"
            "</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
            "<w:t>KPU KABUPATEN OGAN KOMERING ILIR</w:t></w:r></w:p></w:txbxContent></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Isi kontrol konten</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, control)
    path = tmp_path / "features.docx"
    document.save(str(path))

    assert docx_to_text(path).split("\n\n") == [
        "DAFTAR ISI",
        "KATA PENGANTAR\ti\nBAB I PENDAHULUAN\t1",  # tab-aligned listing: one block, tabs kept
        "Paragraf dengan indentasi tab di awal.",
        "Nama : tab tunggal menjadi spasi",
        "BAB III",
        "AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi",
        "1) rincian pertama",
        "2) rincian kedua",
        "B. Realisasi Anggaran",
        "1. satu",
        "Kalimat panjang yang berlanjut.",
        "No\tSasaran\tTarget\n1\tSasaran A\t90%\n\t\t95%\nJumlah\t\tx",
        "Teks disisipkan 12",  # tracked insertion and field result kept, deletion dropped
        "KPU KABUPATEN OGAN KOMERING ILIR",  # text box, once (not its VML fallback copy)
        "Isi kontrol konten\n",
    ]


# --------------------------------------------------------------------------- through audit


def test_audit_open_detects_identity_and_types_tables(lkj_docx: Callable[..., Path]) -> None:
    ctx = audit.open(lkj_docx())
    assert ctx.year == 2024
    assert ctx.satker.upper() == "KPU KABUPATEN OGAN KOMERING ILIR"
    ang = ctx.tables.anggaran
    ro = ang[ang.level == "ro"].set_index("kode")
    assert list(ro.index) == ["6709.QGE.001", "6709.QGE.003", "6709.QGE.004"]
    assert ro.loc["6709.QGE.004", ["pagu", "realisasi", "pct"]].tolist() == [
        50_000_000,
        33_650_000,
        67.30,
    ]
    total = ang[ang.level == "total"].iloc[0]
    assert (total.pagu, total.realisasi) == (860_352_000, 818_902_490)
    assert len(ctx.tables.capaian) == 2
    pml = ctx.tables.pemilih.set_index("tahap")
    assert pml.loc["DPT", ["lk", "pr", "jumlah"]].tolist() == [294_966, 282_275, 577_241]


def test_correct_report_has_no_arithmetic_findings(lkj_docx: Callable[..., Path]) -> None:
    ctx = audit.open(lkj_docx())
    assert not [f for f in audit.run_rules(ctx) if f.rule in ARITHMETIC]


def test_planted_errors_are_found(lkj_docx: Callable[..., Path]) -> None:
    ctx = audit.open(lkj_docx(errors=True))
    found = {f.rule: f for f in audit.run_rules(ctx) if f.rule in ARITHMETIC}
    assert set(found) == {"ANG001", "ANG004", "PML001"}
    assert (found["ANG004"].stated, found["ANG004"].expected) == ("818.902.940", "818.902.490")
    assert (found["ANG001"].location.row, found["ANG001"].stated) == ("6709.QGE.004", "(76,30%)")
    assert (found["PML001"].stated, found["PML001"].expected) == ("577.341", "577.241")


# --------------------------------------------------------------------------- bad input


def _broken_xml(tmp_path: Path, good: Path) -> Path:
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    return path


def test_random_bytes_are_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(os.urandom(4000))
    with pytest.raises(
        InputFileError, match=r"broken\.docx: not a DOCX file .*re-save it as \.docx"
    ):
        docx_to_text(path)


def test_legacy_doc_or_encrypted_docx_says_so(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000))  # OLE2 container
    with pytest.raises(InputFileError, match="password-protected DOCX or an old Word .doc"):
        docx_to_text(path)


def test_zip_without_word_parts_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "bukan dokumen")
    with pytest.raises(InputFileError, match="not a readable DOCX"):
        docx_to_text(path)


def test_damaged_document_xml_is_an_input_error(
    tmp_path: Path, lkj_docx: Callable[..., Path]
) -> None:
    with pytest.raises(InputFileError, match="not a readable DOCX") as err:
        docx_to_text(_broken_xml(tmp_path, lkj_docx()))
    assert "\n" not in str(err.value)


# --------------------------------------------------------------------------- command line


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "lkj-audit"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "lkj_audit.cli"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_check_docx_prints_json(lkj_docx: Callable[..., Path]) -> None:
    result = _cli("check", str(lkj_docx()), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year"] == 2024
    assert not [f for f in data["findings"] if f["rule"] in ARITHMETIC]


def test_cli_check_corrupt_docx_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(os.urandom(4000))
    result = _cli("check", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith("lkj-audit: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
