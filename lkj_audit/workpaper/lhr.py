"""``lhr.docx``: a draft Laporan Hasil Reviu (LHR) atas Laporan Kinerja, for the reviewer to edit.

The usual form of an Inspektorat's LHR (PermenPANRB 53/2014, tata cara reviu): dasar, tujuan,
ruang lingkup, hasil reviu per kelompok with the findings the reviewer accepted, saran, and the
reviewer's signature block (name and NIP from review.yaml). Written from the findings
document, so the draft and findings.json never disagree.
"""

from __future__ import annotations

import copy
import io
from collections import defaultdict
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from lkj_audit.fsutil import atomic_write_bytes
from lkj_audit.render.env import CATEGORY_LABEL
from lkj_audit.workpaper.text_view import grouped, place

FILE_NAME = "lhr.docx"
ACCEPTED = ("diterima", "ditindaklanjuti", "selesai")
DASAR = (
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
    "Pemerintah;",
    "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, "
    "Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;",
    "Surat Tugas Nomor ………… tanggal ………… .",
)
SARAN = {
    "arithmetic": "memperbaiki angka jumlah dan persentase yang tidak sesuai dengan hasil hitung "
    "ulang, dengan berpedoman pada data LRA dan realisasi kinerja;",
    "cross_table": "menyelaraskan kode, nama dan angka yang sama di antara tabel-tabel laporan;",
    "narrative": "menyesuaikan uraian dan kesimpulan naratif dengan angka pada tabel;",
    "period": "menyeragamkan tahun dan periode Renstra/PK yang dirujuk dengan tahun laporan;",
    "identity": "memastikan nama dan wilayah satker yang disebut adalah satker sendiri;",
    "structure": "merapikan sistematika, daftar isi dan penomoran bab sesuai format "
    "PermenPANRB 53/2014;",
    "completeness": "melengkapi data dan analisis yang belum dicantumkan;",
    "plausibility": "memeriksa kembali angka dan data yang tidak wajar beserta dokumen sumbernya;",
}


# python-docx's default template with our Normal font, parsed once per process (~14 ms a
# parse; a deep copy of the parsed one is cheaper) and the ids of the styles we use.
_TEMPLATE: DocxDocument | None = None
_STYLE_NAMES = ("Heading 1", "Heading 2", "Heading 3", "List Bullet")
_STYLE_IDS: dict[str, str] = {}


def _blank() -> DocxDocument:
    """A fresh document from the template, formatted as every LHR starts."""
    global _TEMPLATE
    if _TEMPLATE is None:
        template = Document()
        template.styles["Normal"].font.name = "Arial"
        template.styles["Normal"].font.size = Pt(11)
        for name in _STYLE_NAMES:
            _STYLE_IDS[name] = str(template.styles[name].style_id)
        _TEMPLATE = template
    return copy.deepcopy(_TEMPLATE)


def _para(doc: DocxDocument, text: str, style: str) -> Paragraph:
    """``doc.add_paragraph(text, style=style)`` with the style id known in advance.

    python-docx resolves a style name by scanning every style of the document twice (~1.2 ms
    each time, most of the draft's cost); the ids of the template's styles never change.
    """
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = _STYLE_IDS[style]
    return paragraph


def _heading(doc: DocxDocument, text: str) -> None:
    _para(doc, text, "Heading 2")


def _accepted(data: dict[str, Any]) -> dict[str, list[list[dict[str, Any]]]]:
    by_cat: dict[str, list[list[dict[str, Any]]]] = defaultdict(list)
    for members in grouped(data["findings"]):
        if (members[0].get("review") or {}).get("status") in ACCEPTED:
            by_cat[members[0]["category"]].append(members)
    return by_cat


def _results(doc: DocxDocument, data: dict[str, Any]) -> list[str]:
    by_cat = _accepted(data)
    undecided = sum(
        1
        for m in grouped(data["findings"])
        if (m[0].get("review") or {}).get("status", "baru") == "baru"
    )
    if not by_cat:
        doc.add_paragraph("Belum ada temuan yang diterima reviewer (lihat review.yaml).")
    for n, cat in enumerate((c for c in CATEGORY_LABEL if c in by_cat), start=1):
        _para(doc, f"{n}. {CATEGORY_LABEL[cat]}", "Heading 3")
        for k, members in enumerate(by_cat[cat], start=1):
            lead, review = members[0], members[0].get("review") or {}
            item = doc.add_paragraph()  # numbered by hand: Word list numbering runs on
            item.paragraph_format.left_indent = Cm(0.8)
            item.paragraph_format.first_line_indent = Cm(-0.8)
            item.add_run(f"{n}.{k}\t{lead['message']}")
            places = "; ".join(place(m) for m in members)
            item.add_run(f" (letak: {places}").italic = True
            if review.get("status") != "diterima":
                item.add_run(f"; status: {review['status']}").italic = True
            item.add_run(")").italic = True
            if review.get("note"):
                note = doc.add_paragraph(f"Tanggapan: {review['note']}")
                note.paragraph_format.left_indent = Cm(0.8)
    if undecided:
        doc.add_paragraph(
            f"Catatan: {undecided} masalah lain belum diputuskan reviewer (status baru) dan "
            "tidak dimuat dalam laporan ini."
        )
    return [c for c in CATEGORY_LABEL if c in by_cat]


def _signature(doc: DocxDocument, data: dict[str, Any]) -> None:
    reviewer = (data.get("review") or {}).get("reviewer") or {}
    table = doc.add_table(rows=1, cols=2)
    cell = table.rows[0].cells[1]
    lines = [
        "…………, ………… 20…",
        "Reviewer,",
        "",
        "",
        "",
        reviewer.get("name") or "(nama)",
        f"NIP {reviewer.get('nip') or '…………'}",
    ]
    cell.text = "\n".join(lines)
    for p in cell.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def document(data: dict[str, Any]) -> DocxDocument:
    """The draft LHR of a findings document."""
    doc = _blank()
    satker, year = data["satker"], data["year"]
    title = _para(
        doc, f"LAPORAN HASIL REVIU ATAS LAPORAN KINERJA\n{satker}\nTAHUN {year}", "Heading 1"
    )
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("Nomor: …………").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _heading(doc, "A. Dasar Reviu")
    for n, text in enumerate(DASAR, start=1):
        item = doc.add_paragraph(f"{n}.\t{text}")
        item.paragraph_format.left_indent = Cm(0.8)
        item.paragraph_format.first_line_indent = Cm(-0.8)
    _heading(doc, "B. Tujuan Reviu")
    doc.add_paragraph(
        "Reviu bertujuan memberikan keyakinan terbatas mengenai akurasi, keandalan dan keabsahan "
        f"data/informasi kinerja dalam Laporan Kinerja {satker} Tahun {year}, sehingga dapat "
        "menghasilkan laporan kinerja yang berkualitas."
    )
    _heading(doc, "C. Ruang Lingkup")
    source = data.get("source") or {}
    tool = data.get("tool") or {}
    doc.add_paragraph(
        f"Reviu dilakukan atas Laporan Kinerja {satker} Tahun {year} (berkas "
        f"{Path(str(source.get('path', ''))).name}, SHA-256 {str(source.get('sha256', ''))[:16]}…) "
        "dengan menghitung ulang setiap jumlah dan persentase pada tabel realisasi anggaran, "
        "capaian kinerja dan data pemilih, membandingkan bagian-bagian laporan satu sama lain, "
        f"serta memeriksa kelengkapan isi menurut format PermenPANRB 53/2014, dibantu lkj-audit "
        f"versi {tool.get('version', '')} ({tool.get('rules', '')} aturan pemeriksaan). Reviu "
        "tidak menguji bukti pendukung sebagaimana audit."
    )
    _heading(doc, "D. Hasil Reviu")
    cats = _results(doc, data)
    fixes = [c for c in data.get("corrections") or [] if c.get("applied")]
    if fixes:
        doc.add_paragraph(
            f"Dalam reviu, {len(fixes)} angka tercetak dikoreksi reviewer sebelum pemeriksaan "
            "(rinciannya pada kertas kerja)."
        )
    _heading(doc, "E. Saran")
    doc.add_paragraph(f"Kami menyarankan agar {satker}:")
    for cat in cats or ["completeness"]:
        _para(doc, SARAN[cat], "List Bullet")
    doc.add_paragraph(
        "lalu menyampaikan kembali Laporan Kinerja yang telah diperbaiki sebelum ditandatangani "
        "dan dipublikasikan."
    )
    _heading(doc, "F. Penutup")
    doc.add_paragraph(
        "Demikian laporan hasil reviu ini disampaikan untuk dapat ditindaklanjuti sebagaimana "
        "mestinya."
    )
    _signature(doc, data)
    doc.core_properties.title = f"LHR LKj {satker} {year}"
    doc.core_properties.author = "lkj-audit"
    return doc


def write(path: Path, data: dict[str, Any]) -> Path:
    """Write ``lhr.docx`` atomically."""
    buf = io.BytesIO()
    document(data).save(buf)
    return atomic_write_bytes(path, buf.getvalue())
