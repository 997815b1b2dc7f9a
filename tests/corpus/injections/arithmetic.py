"""Arithmetic defects (issue 2): footing, cross-footing, capaian, voters, staff counts."""

from __future__ import annotations

import re

from tests.corpus.builder import Spec
from tests.corpus.injections.base import (
    amount_cell,
    bump_percent,
    cells,
    change_digit,
    edit_line,
    injection,
    set_cell,
)

# --- arithmetic (issue 2) -------------------------------------------------------------


@injection("budget_row_percentage", "ANG001", line_marker="6709.QGE.004")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "6709.QGE.004", bump_percent)


@injection(
    "budget_total_pagu",
    "ANG004",
    also={"ANG001": "the Jumlah row's % no longer fits its changed pagu"},
    line_marker="Jumlah\t",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "Jumlah\t", lambda ln: set_cell(ln, amount_cell(ln, 0), change_digit))


@injection(
    "budget_program_realisasi",
    "ANG003",
    also={
        "ANG001": "the program row's % no longer fits its changed realisasi",
        "ANG004": "the Jumlah row adds the program rows",
        "ANG005": "the raised realisasi now exceeds the program's pagu",
    },
    line_marker="Dukungan Manajemen\t",
    message_contains="Kemungkinan salah ketik",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text, "Dukungan Manajemen\t", lambda ln: set_cell(ln, amount_cell(ln, 1), change_digit)
    )


@injection(
    "budget_kegiatan_row",
    "ANG002",
    also={
        "ANG001": "the kegiatan row's % no longer fits its changed pagu",
        "ANG003": "the changed kegiatan pagu is part of its program's sum",
        "ANG005": "the lowered pagu is now below the row's realisasi",
    },
    line_marker="6709 Perencanaan",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text, "6709 Perencanaan", lambda ln: set_cell(ln, amount_cell(ln, 0), change_digit)
    )


@injection(
    "budget_single_table_kegiatan",
    "ANG002",
    also={
        "ANG001": "the kegiatan row's % no longer fits its changed realisasi",
        "ANG003": "the changed kegiatan row is part of its program's sum",
        "ANG005": "the raised realisasi now exceeds the kegiatan's pagu",
    },
    line_marker="\t6867\t",
    budget_layout="single_table",
)
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "\t6867\t", lambda ln: set_cell(ln, amount_cell(ln, 1), change_digit))


@injection(
    "budget_realisasi_above_pagu",
    "ANG005",
    also={
        "ANG001": "the swapped figures change the row's %",
        "ANG002": "the RO's swapped figures no longer add up to its kegiatan row",
    },
    line_marker="6709.QGE.004",
)
def _(text: str, spec: Spec) -> str:
    def swap(line: str) -> str:
        parts = cells(line)
        p, r = amount_cell(line, 0), amount_cell(line, 1)
        pagu_text = parts[p]
        real_text = re.match(r"[\d.,]+", parts[r]).group(0)  # type: ignore[union-attr]
        parts[p] = real_text
        parts[r] = parts[r].replace(real_text, pagu_text, 1)
        return "\t".join(parts)

    return edit_line(text, "6709.QGE.004", swap)


@injection("budget_missing_realisasi", "ANG006", line_marker="6871.QGE.002")
def _(text: str, spec: Spec) -> str:
    return edit_line(
        text,
        "6871.QGE.002",
        lambda ln: set_cell(ln, amount_cell(ln, 1), lambda c: re.sub(r"^[\d.,]+\s*", "", c)),
    )


@injection("budget_mixed_separators", "ANG007", line_marker="6867.QGE.002")
def _(text: str, spec: Spec) -> str:
    def mix(c: str) -> str:
        return c.replace(".", ",", 1) if c.count(".") >= 2 else c.replace(",", ".", 1)

    return edit_line(text, "6867.QGE.002", lambda ln: set_cell(ln, amount_cell(ln, 0), mix))


@injection("capaian_wrong_percentage", "CAP001", line_marker="Persentase partisipasi pemilih")
def _(text: str, spec: Spec) -> str:
    # The capaian table comes after the PK table that names the same indicator.
    return edit_line(
        text,
        "Persentase partisipasi pemilih dalam",
        lambda ln: set_cell(ln, -1, lambda c: bump_percent(c, 5)),
        last=True,
    )


def _negative_as_positive(text: str, spec: Spec) -> str:
    # Target 2%, realisasi 1,5%: negative formula gives 125%, the positive one 75%.
    return edit_line(
        text,
        "tidak masuk dalam daftar pemilih",
        lambda ln: set_cell(
            ln, -1, lambda c: re.sub(r"[\d.,]+%", "75,00%" if "," in c else "75.00%", c)
        ),
        last=True,
    )


injection(
    "capaian_negative_polarity_computed_as_positive",
    "CAP001",
    severity="warning",
    line_marker="tidak masuk dalam daftar pemilih",
    negative_indicator=True,
)(_negative_as_positive)
injection(
    "capaian_inferred_negative_polarity",
    "CAP001",
    severity="warning",
    line_marker="tidak masuk dalam daftar pemilih",
    negative_indicator=True,
    declare_polarity=False,
)(_negative_as_positive)


@injection("capaian_missing_realisasi", "CAP002", line_marker="1\tLayanan Perkantoran (3360")
def _(text: str, spec: Spec) -> str:
    return edit_line(text, "1\tLayanan Perkantoran (3360", lambda ln: set_cell(ln, 3, lambda c: ""))


@injection(
    "capaian_nil_realisasi_printed_achieved",
    "CAP001",
    also={
        "NAR003": "the nil realisasi puts the sasaran's recomputed mean at 0%, below its category",
        "CMP009": "the failed indicator's cause and remedy are not explained",
        "CMP010": "the Ikhtisar quotes the printed mean capaian, not the recomputed one (info)",
    },
    line_marker="1\tLayanan Perkantoran (3360",
    message_contains='realisasi "-"',
)
def _(text: str, spec: Spec) -> str:
    # "-" is nil (issue 9.6e): realisasi 0, so the printed 100% is disproved.
    return edit_line(
        text, "1\tLayanan Perkantoran (3360", lambda ln: set_cell(ln, 3, lambda c: "-")
    )


@injection(
    "voters_lk_plus_pr",
    "PML001",
    also={"PLA006": "the changed JUMLAH changes the step between voter lists"},
    line_marker=None,
    message_contains="Kemungkinan salah ketik",
)
def _(text: str, spec: Spec) -> str:
    lines = text.split("\n")
    i = next(k for k, ln in enumerate(lines) if ln == "LK\tPR\tJUMLAH") + 1
    lines[i] = set_cell(lines[i], 2, change_digit)
    return "\n".join(lines)


@injection(
    "voters_kecamatan_total",
    "PML002",
    also={
        "PLA005": "the changed PR total gives an implausible LK/PR ratio",
        "PLA006": "the changed total changes the step between voter lists",
    },
    line_marker="\tJumlah\t",
    voter_layout="kecamatan",
)
def _(text: str, spec: Spec) -> str:
    def edit(line: str) -> str:
        parts = cells(line)
        parts[2] = change_digit(parts[2])
        parts[4] = change_digit(parts[4])  # keep LK + PR = JUMLAH on the total row itself
        return "\t".join(parts)

    return edit_line(text, "\tJumlah\t", edit)


@injection(
    "staff_count_stated",
    "PEG001",
    also={"XTB011": "the changed figure no longer matches its number words"},
)
def _(text: str, spec: Spec) -> str:
    n = len(spec.pns)
    return text.replace(f"{n} (", f"{n + 1} (", 1)
