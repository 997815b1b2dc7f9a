"""Cross-table and narrative defects (issue 3): RO codes, PK vs Bab III, counts, summary claims."""

from __future__ import annotations

import re

from tests.corpus.builder import Spec
from tests.corpus.injections.base import amount_cell, bump_percent, edit_line, injection, set_cell

# --- cross_table: RO codes ------------------------------------------------------------


@injection(
    "ro_code_malformed",
    "XTB001",
    also={"XTB004": "the malformed code no longer matches its capaian indicator (info)"},
    line_marker="6709.QGE.04 ",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "6709.QGE.004", lambda ln: ln.replace("6709.QGE.004", "6709.QGE.04"))


@injection(
    "ro_renamed_in_budget",
    "XTB002",
    line_marker="Perencanaan dan Penganggaran Pemilu (6709.QGE.001)",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "6709.QGE.001 Perencanaan",
        lambda ln: ln.replace(
            "Perencanaan dan Penganggaran Pemilu", "Pengadaan Kendaraan Dinas Operasional"
        ),
    )


@injection(
    "capaian_ro_not_in_budget",
    "XTB003",
    also={"XTB004": "the budget RO lost its capaian indicator (renamed code)"},
    line_marker="6709.QGE.009",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text, "(6709.QGE.001)", lambda ln: ln.replace("6709.QGE.001", "6709.QGE.009"), last=True
    )


@injection(
    "ro_under_other_kegiatan",
    "XTB005",
    also={"XTB004": "the RO's changed code has no capaian indicator (info)"},
    line_marker="6872.QGE.002",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "6871.QGE.002 ", lambda ln: ln.replace("6871.QGE.002", "6872.QGE.002"))


@injection(
    "management_kegiatan_under_election_program",
    "XTB006",
    also={"ANG003": "the moved kegiatan no longer adds up under either program"},
    line_marker="1.\tPengelolaan Keuangan",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "Program Dukungan Manajemen terdapat",
        lambda ln: ln.replace("Dukungan Manajemen", "Penyelenggaraan Pemilu Lanjutan"),
    )


@injection(
    "indicator_under_two_sasaran",
    "XTB007",
    also={
        "XTB004": "the renamed row no longer reports the RO it replaced",
        "XTB008": "the PK indicator of the renamed row is no longer reported",
    },
    line_marker="(3360.EBA.994)\t1 Dokumen",
)
def _(text: str, spec: Spec) -> str:
    old = "Perencanaan dan Penganggaran Pemilu (6709.QGE.001)"
    return edit_line(
        text, old, lambda ln: ln.replace(old, "Layanan Perkantoran (3360.EBA.994)"), last=True
    )


@injection(
    "capaian_achieved_nothing_spent",
    "XTB012",
    also={"ANG002": "the RO's realisasi set to 0 no longer adds up to its kegiatan row"},
    line_marker="(6709.QGE.001)\t1 Dokumen\t1 Dokumen",
)
def _(text: str, spec: Spec) -> str:
    def zero(line: str) -> str:
        return set_cell(
            line, amount_cell(line, 1), lambda c: re.sub(r"^[\d.,]+\s*\(.*\)", "0 (0,00%)", c)
        )

    return edit_line(text, "6709.QGE.001 Perencanaan", zero)


# --- cross_table: PK vs Bab III, counts ------------------------------------------------


@injection(
    "pk_indicator_not_reported", "XTB008", line_marker="Indeks kepuasan layanan", severity="warning"
)
def _(text: str, spec: Spec) -> str:
    old = "Persentase partisipasi pemilih dalam Pemilu"
    return edit_line(
        text, old, lambda ln: ln.replace(old, "Indeks kepuasan layanan informasi publik")
    )


@injection("pk_target_differs", "XTB009", line_marker="\t81,2%\t")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "Persentase partisipasi pemilih dalam Pemilu\t77,5%",
        lambda ln: ln.replace("77,5%", "80%"),
    )


@injection("stated_kegiatan_count", "XTB010", line_marker="terdapat 4 Kegiatan")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "terdapat 3 Kegiatan", lambda ln: ln.replace("terdapat 3", "terdapat 4"))


@injection("stated_program_count", "XTB010", line_marker="terdapat 3 Program")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "terdapat 2 Program", lambda ln: ln.replace("terdapat 2", "terdapat 3"))


@injection("staff_count_words", "XTB011", line_marker="(lima) orang Pegawai")
def _(text: str, spec: Spec) -> str:
    n = len(spec.pns)
    return edit_line(text, f"{n} (", lambda ln: ln.replace(f"{n} (empat)", f"{n} (lima)", 1))


# --- narrative --------------------------------------------------------------------------


@injection("penutup_mean_capaian", "NAR001", line_marker="wujud akuntabilitas kinerja")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "wujud akuntabilitas kinerja", lambda ln: bump_percent(ln, 2))


@injection("ikhtisar_serapan", "NAR001", line_marker="dari pagu Rp")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "dari pagu Rp",
        lambda ln: re.sub(r"atau (\d+)", lambda m: f"atau {int(m.group(1)) + 1}", ln),
    )


@injection(
    "penutup_all_targets_claim",
    "NAR002",
    also={
        "NAR001": "the 0% capaian changes the mean the text quotes",
        "NAR003": "the 0% capaian changes the sasaran's category",
        "CMP009": "the indicator now below target has no cause and remedy in its text",
    },
    line_marker="Semua target kinerja",
)
def _(text: str, spec: Spec) -> str:
    text = edit_line(
        text,
        "(3360.EBA.994)\t1 Laporan\t1 Laporan",
        lambda ln: ln.replace("\t1 Laporan\t1 Laporan\t100,00%", "\t1 Laporan\t0 Laporan\t0,00%"),
        last=True,
    )
    return text.replace(
        "Langkah ke depan:",
        f"Semua target kinerja tahun {spec.year} telah tercapai. Langkah ke depan:",
        1,
    )


@injection("sasaran_category_word", "NAR003", line_marker="kategori Sangat Baik")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "sehingga termasuk kategori Baik.",
        lambda ln: ln.replace("kategori Baik", "kategori Sangat Baik"),
    )


@injection(
    "previous_year_claim_without_figures",
    "NAR004",
    also={"CMP001": "the removed figures were the report's comparison with earlier years"},
    line_marker="Apabila dibandingkan",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "Perbandingan dengan tahun sebelumnya",
        lambda ln: (
            "Apabila dibandingkan dengan pencapaian tahun sebelumnya, capaian kinerja tetap "
            "konsisten."
        ),
    )


# --- digit slips in the capaian table (R-X01, CAP001's hint) ----------------------------


@injection(
    "capaian_digits_swapped",
    "CAP001",
    line_marker="140,77%",
    message_contains='Kemungkinan salah ketik: capaian 104,77% (tertulis "140,77%")',
)
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "\t104,77%", lambda ln: ln.replace("104,77%", "140,77%"), last=True)


@injection(
    "capaian_realisasi_slip",
    "CAP001",
    also={
        "NAR003": "the text's category fits the printed capaian, not the recomputed one (warning)",
        "CMP010": "the Ikhtisar quotes the printed mean capaian, not the recomputed one (info)",
    },
    line_marker="\t18,2%\t",
    message_contains='realisasi 81,2% (tertulis "18,2%")',
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text, "\t81,2%\t104,77%", lambda ln: ln.replace("\t81,2%", "\t18,2%"), last=True
    )
