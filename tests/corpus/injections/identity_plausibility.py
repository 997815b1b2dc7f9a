"""Identity and plausibility defects (issue 3): other satker named, bad NIP, scale gap, units…

The consistent report is about a fictional satker (not in the satker list), so the identity
injections insert real listed names; rules that need the satker's population (PLA004) or a
run filed under a satker code (IDN004) are covered by YAML cases instead.
"""

from __future__ import annotations

import re

from tests.corpus.builder import Spec
from tests.corpus.injections.base import cells, edit_line, injection, set_cell

# --- identity ------------------------------------------------------------------------


@injection(
    "identity_other_kpu_named", "IDN001", line_marker="bermanfaat bagi KPU Kabupaten Banyuasin"
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "Semoga laporan ini bermanfaat bagi",
        lambda ln: ln.replace(spec.satker, "KPU Kabupaten Banyuasin"),
    )


@injection("identity_other_region_named", "IDN002", line_marker="Komisi Informasi Kota Palembang")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "Langkah ke depan:",
        lambda ln: (
            ln.rstrip(".") + ", serta fasilitasi pembentukan Komisi Informasi Kota Palembang."
        ),
    )


@injection(
    "identity_other_province_named",
    "IDN003",
    line_marker="bermanfaat bagi KPU Provinsi Jambi",
    level="Provinsi",
    region="Nusa Indah",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "Semoga laporan ini bermanfaat bagi",
        lambda ln: ln.replace(spec.satker, "KPU Provinsi Jambi"),
    )


# --- units and scale ------------------------------------------------------------------


@injection(
    "unit_percent_indicator_counted",
    "PLA001",
    also={"XTB009": "the Bab III target now differs from the changed PK target"},
    line_marker="Persentase partisipasi pemilih dalam Pemilu\t4 Kali",
)
def _(text: str, spec: Spec) -> str:
    # The first line naming the indicator is the PK table (Bab II); its last cell is the target.
    return edit_line(
        text,
        "Persentase partisipasi pemilih dalam Pemilu",
        lambda ln: set_cell(ln, -1, lambda c: "4 Kali"),
    )


@injection("unit_target_realisasi_differ", "PLA002", line_marker="1\tLayanan Perkantoran (3360")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "1\tLayanan Perkantoran (3360",
        lambda ln: set_cell(ln, 3, lambda c: c.replace("Laporan", "Lembaga")),
    )


@injection(
    "unit_ocr_variant",
    "PLA002",
    also={"XTB009": "the garbled unit also differs from the PK's unit"},
    line_marker="1\tLayanan Perkantoran (3360",
    severity="info",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "1\tLayanan Perkantoran (3360",
        lambda ln: set_cell(ln, 2, lambda c: c.replace("Laporan", "Lavoran")),
    )


@injection(
    "scale_gap_between_bands", "PLA003", line_marker="76 % - 100 %", message_contains="celah"
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text, "> 75 % - 100 %", lambda ln: ln.replace("> 75 % - 100 %", "76 % - 100 %")
    )


# --- voters ---------------------------------------------------------------------------


def _edit_dpt(text: str, lk_factor: float, pr_factor: float) -> str:
    """Scale the DPT row (third LK/PR/JUMLAH table) keeping LK + PR = JUMLAH."""
    lines = text.split("\n")
    headers = [k for k, ln in enumerate(lines) if ln == "LK\tPR\tJUMLAH"]
    i = headers[2] + 1
    lk, pr, _ = (int(re.sub(r"\D", "", c)) for c in cells(lines[i]))
    lk, pr = int(lk * lk_factor), int(pr * pr_factor)
    lines[i] = "\t".join(f"{n:,}".replace(",", ".") for n in (lk, pr, lk + pr))  # 1.234.567
    return "\n".join(lines)


@injection(
    "voters_sex_ratio_out_of_range",
    "PLA005",
    also={"PLA006": "the changed figures change the step between voter lists"},
    message_contains="di luar rentang wajar",
)
def _(text: str, spec: Spec) -> str:
    return _edit_dpt(text, 0.8, 1.0)


@injection("voters_stage_jump", "PLA006", message_contains="perlu dijelaskan")
def _(text: str, spec: Spec) -> str:
    return _edit_dpt(text, 1.1, 1.1)


# --- efficiency -----------------------------------------------------------------------


@injection("efficiency_value_out_of_range", "PLA007", line_marker="Nilai efisiensi")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "Analisis efisiensi",
        lambda ln: ln + " Nilai efisiensi kegiatan tahun ini sebesar 235%.",
    )


@injection("efficiency_claimed_below_target", "PLA008", line_marker="Analisis efisiensi")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text, "Analisis efisiensi", lambda ln: ln.replace("capaian 100% atau lebih", "capaian 95%")
    )


# --- staff ----------------------------------------------------------------------------


@injection("staff_nip_impossible_birth_date", "PLA009", line_marker="NIP. 199002302015031003")
def _(text: str, spec: Spec) -> str:
    person = spec.pns[2]
    return edit_line(
        text, person.nama, lambda ln: ln.replace(person.nip, person.nip[:6] + "30" + person.nip[8:])
    )


@injection("staff_ni_pppk_bad_sex_digit", "PLA010", line_marker="NIPPPK. 199408232024215039")
def _(text: str, spec: Spec) -> str:
    person = spec.pppk[0]
    return edit_line(
        text,
        person.nama,
        lambda ln: ln.replace(person.nip, person.nip[:14] + "5" + person.nip[15:]),
    )


@injection("staff_title_vs_education", "PLA011", line_marker="A.Md.")
def _(text: str, spec: Spec) -> str:
    person = next(s for s in spec.pns if "A.Md" in s.nama)
    return edit_line(text, person.nama, lambda ln: set_cell(ln, -1, lambda c: "S1"))


@injection("staff_pppk_golongan_for_pns", "PLA012", line_marker="NIP. 199002202015031003")
def _(text: str, spec: Spec) -> str:
    person = spec.pns[2]
    return edit_line(text, person.nama, lambda ln: set_cell(ln, 2, lambda c: "IX"))


@injection(
    "staff_row_shifted",
    "PLA013",
    line_marker="NIP. 198503152010122001",
    message_contains="kolom pendidikan",
)
def _(text: str, spec: Spec) -> str:
    person = spec.pns[1]

    def shift(line: str) -> str:
        parts = cells(line)
        return "\t".join(parts[:2] + parts[3:] + [""])  # the golongan cell was lost

    return edit_line(text, person.nama, shift)
