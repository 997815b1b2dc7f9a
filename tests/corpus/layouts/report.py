"""Render one report of the layout corpus: text plus truth (traits, rows, defects)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from tests.corpus.builder import ORDINAL, words
from tests.corpus.layouts import defects as dfx
from tests.corpus.layouts import model, noise, participation, spaces
from tests.corpus.layouts.budget import BudgetWriter
from tests.corpus.layouts.indicators import CapaianWriter, voter_tables
from tests.corpus.layouts.printing import Printer
from tests.corpus.layouts.tables import Emitter
from tests.corpus.layouts.traits import Layout, draw
from tests.corpus.render import _staff_tables, kategori_of


@dataclass
class Render:
    seed: int
    text: str
    traits: list[str]
    rows: list[dict[str, Any]]
    defects: list[dict[str, Any]] = field(default_factory=list)
    satker: str = ""
    year: int = 0

    def truth(self) -> dict[str, Any]:
        """The machine-readable truth of this render (JSON-ready)."""
        return {"seed": self.seed, "satker": self.satker, "year": self.year,
                "traits": self.traits, "rows": self.rows, "defects": self.defects}


def render(seed: int, *, damaged: bool = False, **fixed: str) -> Render:
    """Render ``seed``; with ``damaged`` one defect per table family is injected."""
    lay = draw(seed, **fixed)
    printer = Printer(grouping=lay["thousands"], mixing=lay["mixing"], rupiah=lay["rupiah"],
                      suffix=lay["amount_suffix"], pct_space=lay["pct_space"],
                      scale=lay["scale"])
    c = model.build(seed, printer.unit, negative=seed % 3 == 0)
    stats = _stats(c)  # the prose quotes the consistent figures, before any defect
    planned = dfx.plan(c, lay, random.Random(f"defects-{seed}")) if damaged else []
    # drawn apart, so adding the participation table left every other render as it was
    turnout = (participation.build(c, random.Random(f"participation-{seed}"))
               if lay.choice["participation"] != "none" else [])
    if turnout and damaged:
        row, code, what = participation.inject(turnout, random.Random(f"turnout-{seed}"))
        planned.append(dfx.Defect("partisipasi", code, row, what))
    em = Emitter(lay, random.Random(f"emit-{seed}"), f"LKj {c.spec.satker} Tahun {c.spec.year}")
    _write(c, lay, printer, em, random.Random(f"labels-{seed}"), stats, turnout)
    lines = noise.apply(em.out, lay, random.Random(f"noise-{seed}"))
    if lay["cells"] == "spaces":
        lines = spaces.align(lines, em.segments, em.segment_table, em.headers, em.spanning,
                             random.Random(f"spaces-{seed}"))
    by_ref = {r.pop("ref"): r for r in em.rows}
    found = [d.located(by_ref) for d in planned]
    return Render(seed, "\n".join(lines) + "\n", lay.traits(), em.rows, found,
                  c.spec.satker, c.spec.year)


def _stats(c: model.Content) -> dict[str, Any]:
    means: dict[int, list[Fraction]] = {}
    for ind in c.indicators:
        means.setdefault(ind.sasaran_no, []).append(ind.capaian)
    sasaran_mean = {k: sum(v) / len(v) for k, v in means.items()}
    return {"pagu": c.pagu, "realisasi": c.realisasi,
            "serapan": Fraction(c.realisasi * 100, c.pagu), "sasaran_mean": sasaran_mean,
            "overall": sum(sasaran_mean.values()) / len(sasaran_mean)}


def _write(c: model.Content, lay: Layout, p: Printer, em: Emitter, rng: random.Random,
           st: dict[str, Any], turnout: list[participation.ParticipationRow]) -> None:
    spec = c.spec
    prose = Printer(grouping=p.grouping, rupiah="none", pct_space=p.pct_space)
    y, (r0, r1) = spec.year, spec.renstra
    serapan, overall, sasaran_mean = st["serapan"], st["overall"], st["sasaran_mean"]
    ke = y - r0 + 1
    em.para(f"LAPORAN KINERJA SEKRETARIAT {spec.satker_upper} TAHUN {y}", "KATA PENGANTAR")
    em.para(f"Laporan Kinerja (LKj) Sekretariat {spec.satker} Tahun {y} disusun sebagai wujud "
            "pertanggungjawaban atas pelaksanaan tugas dan fungsi sesuai Peraturan Presiden "
            "Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.",
            "Laporan ini disusun berpedoman pada Peraturan Menteri Pendayagunaan Aparatur Negara "
            f"dan Reformasi Birokrasi Nomor 53 Tahun 2014. Semoga laporan ini bermanfaat bagi "
            f"{spec.satker}.", f"{spec.capital}, 15 Januari {y + 1}", f"Sekretaris {spec.satker}",
            spec.pns[0].nama.upper(), "IKHTISAR EKSEKUTIF")
    em.para(f"Laporan Kinerja {spec.satker} Tahun {y} menyajikan capaian kinerja atas sasaran "
            f"yang ditetapkan dalam Perjanjian Kinerja Tahun {y}, yang merupakan tahun ke-{ke} "
            f"Rencana Strategis {r0}-{r1}.",
            f"Rata-rata capaian kinerja seluruh sasaran sebesar {prose.pct(overall)}. Realisasi "
            f"anggaran tahun {y} sebesar Rp {prose.amount(st['realisasi'])} dari pagu Rp "
            f"{prose.amount(st['pagu'])} atau {prose.pct(serapan)}.", "DAFTAR ISI")
    toc = [("KATA PENGANTAR", "i"), ("IKHTISAR EKSEKUTIF", "ii"), ("DAFTAR ISI", "iii"),
           ("BAB I PENDAHULUAN", "1"), ("BAB II PERENCANAAN KINERJA", "6"),
           ("BAB III AKUNTABILITAS KINERJA", "10"), ("BAB IV PENUTUP", "40")]
    for h, pg in toc:
        em.line(f"{h}\t{pg}")
    em.line()
    em.para("BAB I", "PENDAHULUAN", "A. Latar Belakang")
    em.para(f"Sebagaimana ditetapkan dalam Rencana Strategis {spec.satker} Tahun {r0}-{r1}, "
            f"Tahun {y} merupakan tahun ke-{ke} ({ORDINAL.get(ke, str(ke))}) pelaksanaan "
            "Renstra. Permasalahan utama (isu strategis) yang dihadapi organisasi adalah "
            "keterbatasan sarana dan prasarana serta tingginya beban kerja tahapan pemilihan.",
            "B. Struktur Organisasi")
    n1, n2, n3 = len(spec.pns), len(spec.pppk), len(spec.ppnpn)
    em.para(f"Untuk mendukung pelaksanaan tugas dan fungsinya, Sekretariat {spec.satker} Tahun "
            f"{y} didukung oleh {n1} ({words(n1)}) orang Pegawai Negeri Sipil, {n2} ({words(n2)}) "
            f"orang PPPK, {n3} ({words(n3)}) orang PPNPN.")
    for ln in _staff_tables(spec):
        em.line(ln)
    em.line()
    em.para("BAB II", "PERENCANAAN KINERJA", "A. Perjanjian Kinerja")
    em.para(f"Perjanjian Kinerja Tahun {y} memuat sasaran, indikator kinerja dan target yang "
            f"akan dicapai pada Tahun {y} sebagai berikut :")
    em.line("No\tSasaran Kegiatan\tIndikator Kinerja\tTarget")
    cw = CapaianWriter(c, lay, p, em, rng)
    for k, ind in enumerate(c.indicators, 1):
        em.line(f"{k}.\t{ind.sasaran}\t{cw.name(ind)}\t{cw.vol(ind.target, ind.unit)}")
    em.line()
    em.para("BAB III", "AKUNTABILITAS KINERJA", "A. Capaian Kinerja Organisasi")
    em.para("Capaian kinerja setiap indikator sasaran dikategorikan menurut skala penilaian "
            "berikut :", "Kategori Skala Penilaian Capaian Kinerja")
    em.line("No.\tRentang Capaian\tKategori Capaian")
    for k, (rng_text, cat) in enumerate(spec.scale, 1):
        em.line(f"{k}.\t{rng_text}\t{cat}")
    em.line()
    em.para("Capaian indikator berpolaritas positif dihitung dengan rumus Realisasi / Target x "
            "100%, dan indikator berpolaritas negatif dengan rumus (2 x Target - Realisasi) / "
            "Target x 100%.")

    def after(k: int) -> None:  # the sasaran's own paragraph
        m = sasaran_mean[k]
        em.para(f"Sasaran {k} tercapai dengan rata-rata capaian {prose.pct(m)} sehingga "
                f"termasuk kategori {kategori_of(spec, m)}.")

    cw.write(after)
    em.para("Data pemilih hasil pemutakhiran adalah sebagai berikut.")
    voter_tables(c, lay, p, em)
    em.para(f"Perbandingan dengan tahun sebelumnya: capaian kinerja tahun {y - 1} sebesar "
            f"97,50% dan tahun {y - 2} sebesar 96,00%, sehingga capaian tahun {y} meningkat.",
            f"Perbandingan dengan target jangka menengah: target Renstra {r0}-{r1} untuk akhir "
            f"periode {r1} telah tercapai sesuai rencana.",
            "Analisis efisiensi penggunaan sumber daya: seluruh indikator dengan capaian 100% "
            f"atau lebih dicapai dengan serapan anggaran {prose.pct(serapan)}, sehingga "
            "penggunaan anggaran efisien.",
            "Analisis keberhasilan: capaian setiap indikator telah sesuai dengan standar nasional "
            "yang ditetapkan KPU. Keberhasilan ini didukung oleh kegiatan sosialisasi dan "
            "bimbingan teknis, sedangkan kendala keterbatasan sarana diatasi dengan upaya "
            "optimalisasi sarana yang ada.", "B. Realisasi Anggaran")
    BudgetWriter(c, lay, p, em, rng).write()
    em.para("BAB IV", "PENUTUP")
    em.para(f"Laporan Kinerja {spec.satker} Tahun {y} merupakan wujud akuntabilitas kinerja. "
            f"Rata-rata capaian kinerja sebesar {prose.pct(overall)} dan realisasi penyerapan "
            f"anggaran sebesar {prose.pct(serapan)}.",
            "Langkah ke depan: meningkatkan kualitas perencanaan dan pemantauan kinerja.",
            "LAMPIRAN", f"1. Perjanjian Kinerja Tahun {y} {spec.satker}",
            "2. Pernyataan Telah Direviu oleh Inspektorat")
    if turnout:  # last, so every render drawn before the trait existed reads as it did
        em.para("3. Partisipasi Pemilih per Kecamatan")
        participation.write(turnout, lay, p, em)
