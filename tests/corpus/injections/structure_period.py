"""Structure, completeness and period defects (issue 3): missing chapters and analyses,
broken numbering, a daftar isi out of step, years and dates copied from other reports."""

from __future__ import annotations

import re

from tests.corpus.builder import Spec
from tests.corpus.injections.base import cells, edit_line, injection, set_cell


def drop_line(text: str, marker: str) -> str:
    """Remove the first line containing ``marker`` (with the blank line after it)."""
    lines = text.split("\n")
    i = next(k for k, ln in enumerate(lines) if marker in ln)
    del lines[i : i + 2 if i + 1 < len(lines) and not lines[i + 1].strip() else i + 1]
    return "\n".join(lines)


def drop_between(text: str, start: str, stop: str) -> str:
    """Remove from the text line (not a table or daftar isi line) starting with ``start`` up to
    (not including) the next line starting with ``stop``."""
    lines = text.split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith(start) and "\t" not in ln)
    j = next(k for k in range(i + 1, len(lines)) if lines[k].startswith(stop))
    return "\n".join(lines[:i] + lines[j:])


# --- structure --------------------------------------------------------------------------


@injection(
    "ikhtisar_missing",
    "STR001",
    also={"STR010": "the daftar isi still lists the removed Ikhtisar"},
    line_marker="DAFTAR ISI",
)
def _(text: str, spec: Spec) -> str:
    return text.replace("\nIKHTISAR EKSEKUTIF\n", "\nRingkasan\n", 1)


@injection(
    "pk_summary_missing",
    "STR002",
    also={"STR010": "the daftar isi names the removed PK heading (info)"},
    line_marker="BAB II",
)
def _(text: str, spec: Spec) -> str:
    return drop_between(text, "B. Perjanjian Kinerja", "BAB III")


@injection(
    "lampiran_missing",
    "STR003",
    also={
        "STR004": "the reviu statement was in the removed Lampiran",
        "STR010": "the daftar isi still lists the removed Lampiran",
    },
    line_marker="LAMPIRAN",
)
def _(text: str, spec: Spec) -> str:
    return text[: text.rindex("\nLAMPIRAN\n")] + "\n"


@injection("review_statement_missing", "STR004", line_marker="LAMPIRAN", severity="info")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "Pernyataan Telah Direviu", lambda ln: "2. Struktur Organisasi")


@injection("subsection_letter_repeated", "STR005", line_marker="A. Realisasi Anggaran")
def _(text: str, spec: Spec) -> str:
    return text.replace("\nB. Realisasi Anggaran\n", "\nA. Realisasi Anggaran\n", 1)


@injection("sasaran_number_repeated", "STR006", line_marker="2. Sasaran 1")
def _(text: str, spec: Spec) -> str:
    return text.replace("2. Sasaran 2 - ", "2. Sasaran 1 - ", 1)


@injection("announced_formula_missing", "STR007", line_marker="menggunakan rumus :")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "dihitung dengan rumus",
        lambda ln: "Capaian kinerja setiap indikator menggunakan rumus :",
    )


@injection("toc_page_backwards", "STR008", line_marker="B. Realisasi Anggaran\t")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "B. Realisasi Anggaran\t", lambda ln: set_cell(ln, 1, lambda c: "9"))


@injection("toc_page_missing", "STR009", line_marker="C. Struktur Organisasi\t")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "C. Struktur Organisasi\t", lambda ln: set_cell(ln, 1, lambda c: ""))


@injection("toc_entry_without_heading", "STR010", line_marker="D. Evaluasi Internal")
def _(text: str, spec: Spec) -> str:
    return text.replace(
        "C. Struktur Organisasi\t3\n", "C. Struktur Organisasi\t3\nD. Evaluasi Internal\t5\n", 1
    )


# --- completeness ------------------------------------------------------------------------


@injection("analysis_previous_years_missing", "CMP001", line_marker="A. Capaian Kinerja Organisasi")
def _(text: str, spec: Spec) -> str:
    return drop_line(text, "Perbandingan dengan tahun sebelumnya")


@injection("analysis_renstra_target_missing", "CMP002", line_marker="A. Capaian Kinerja Organisasi")
def _(text: str, spec: Spec) -> str:
    return drop_line(text, "Perbandingan dengan target jangka menengah")


@injection("analysis_efficiency_missing", "CMP003", line_marker="A. Capaian Kinerja Organisasi")
def _(text: str, spec: Spec) -> str:
    return drop_line(text, "Analisis efisiensi")


@injection(
    "analysis_narrative_missing",
    "CMP004",
    line_marker="A. Capaian Kinerja Organisasi",
    severity="info",
)
def _(text: str, spec: Spec) -> str:
    return drop_line(text, "Analisis keberhasilan")


@injection("pk_target_missing", "CMP005", line_marker="Persentase partisipasi pemilih dalam")
def _(text: str, spec: Spec) -> str:
    # The PK table in Bab II names the indicator before the capaian table does.
    return edit_line(
        text,
        "Persentase partisipasi pemilih dalam",
        lambda ln: set_cell(ln, len(cells(ln)) - 1, lambda c: ""),
    )


@injection(
    "sasaran_without_capaian_table",
    "CMP006",
    also={
        "NAR001": "the removed table's indicators leave the quoted mean",
        "XTB008": "the PK indicator of that table is no longer reported in Bab III",
    },
    line_marker="1. Sasaran 1 -",
)
def _(text: str, spec: Spec) -> str:
    return drop_between(text, "Capaian Kinerja Sasaran 1", "Sasaran ini tercapai")


@injection(
    "indicator_table_without_realisasi",
    "CMP007",
    also={
        "NAR001": "the removed table's indicators leave the quoted mean",
        "XTB008": "the PK indicator of that table is no longer reported in Bab III",
    },
    line_marker="\tHasil\t",
)
def _(text: str, spec: Spec) -> str:
    return text.replace(
        "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
        "No\tIndikator Kinerja\tTarget\tHasil\tCapaian",
        1,
    )


@injection("main_issues_missing", "CMP008", line_marker="BAB I")
def _(text: str, spec: Spec) -> str:
    return re.sub(r" Permasalahan utama \(isu strategis\)[^.]*\.", "", text, count=1)


# --- period ---------------------------------------------------------------------------------


@injection("rkt_year_copied", "PER001", line_marker="(RKT) Tahun")
def _(text: str, spec: Spec) -> str:
    return text.replace(f"(RKT) Tahun {spec.year}", f"(RKT) Tahun {spec.year - 1}", 1)


@injection("pk_targets_other_year", "PER001", line_marker="dicapai pada Tahun")
def _(text: str, spec: Spec) -> str:
    return text.replace(f"dicapai pada Tahun {spec.year}", f"dicapai pada Tahun {spec.year + 1}", 1)


@injection("renstra_period_inconsistent", "PER002", line_marker="menetapkan sasaran strategis")
def _(text: str, spec: Spec) -> str:
    r0, r1 = spec.renstra
    return edit_line(
        text, "menetapkan sasaran strategis", lambda ln: ln.replace(f"{r0}-{r1}", f"{r0 + 1}-{r1}")
    )


@injection("renstra_year_index_wrong", "PER003", line_marker="pelaksanaan Renstra")
def _(text: str, spec: Spec) -> str:
    k = spec.year - spec.renstra[0] + 1
    return edit_line(
        text, "pelaksanaan Renstra", lambda ln: ln.replace(f"tahun ke-{k}", f"tahun ke-{k - 1}")
    )


@injection("signed_within_year", "PER004", line_marker="15 Januari")
def _(text: str, spec: Spec) -> str:
    return text.replace(f"15 Januari {spec.year + 1}", f"15 Januari {spec.year}", 1)


@injection("signed_after_deadline", "PER005", line_marker="15 Juni", severity="info")
def _(text: str, spec: Spec) -> str:
    return text.replace(f"15 Januari {spec.year + 1}", f"15 Juni {spec.year + 1}", 1)


@injection("pk_signed_late", "PER006", line_marker="10 Agustus", severity="info")
def _(text: str, spec: Spec) -> str:
    # A signature date under the PK table, months after the start of the year.
    return text.replace("\nBAB III\n", f"\n{spec.capital}, 10 Agustus {spec.year}\n\nBAB III\n", 1)
