"""Render a :class:`~tests.corpus.builder.Spec` as report text in the seed's layout."""

from __future__ import annotations

from fractions import Fraction

from tests.corpus.builder import ORDINAL, Indicator, Spec, Staff, words


def _round(value: Fraction, decimals: int) -> Fraction:
    q = value * 10**decimals
    return Fraction(int(q + Fraction(1, 2)), 10**decimals)  # half up


class Fmt:
    """Number style of a report: Indonesian, English, or mixed (alternating rows)."""

    def __init__(self, style: str) -> None:
        self.style = style
        self._n = 0

    def _en(self) -> bool:
        self._n += 1
        return self.style == "en" or (self.style == "mixed" and self._n % 2 == 0)

    def amount(self, value: int) -> str:
        text = f"{value:,}"
        return text if self._en() else text.replace(",", ".")

    def pct(self, value: Fraction, decimals: int = 2) -> str:
        text = f"{float(_round(value, decimals)):.{decimals}f}"
        return (text if self._en() else text.replace(".", ",")) + "%"

    def dec(self, value: Fraction, decimals: int = 2) -> str:
        text = f"{float(_round(value, decimals)):.{decimals}f}"
        return text if self.style == "en" else text.replace(".", ",")


def capaian_of(ind: Indicator) -> Fraction:
    if ind.polarity == "negative":
        return (2 * ind.target - ind.realisasi) * 100 / ind.target
    return ind.realisasi * 100 / ind.target


def kategori_of(spec: Spec, value: Fraction) -> str:
    """Category of the default 4-band scale (kept in step with Spec.scale)."""
    if value < 55:
        return spec.scale[0][1]
    if value <= 75:
        return spec.scale[1][1]
    if value <= 100:
        return spec.scale[2][1]
    return spec.scale[3][1]


def _volume(value: Fraction, unit: str, fmt: Fmt) -> str:
    if unit == "%":
        return fmt.dec(value, 1 if value.denominator != 1 else 0) + "%"
    return f"{int(value)} {unit}"


def render(spec: Spec) -> str:
    f = Fmt(spec.number_style)
    y, (r0, r1) = spec.year, spec.renstra
    out: list[str] = []
    add = out.append
    pagu = sum(p.pagu for p in spec.programs)
    real = sum(p.realisasi for p in spec.programs)
    serapan = Fraction(real * 100, pagu)
    sasaran_means = [
        sum(capaian_of(i) for i in s.indicators) / len(s.indicators) for s in spec.sasaran
    ]
    overall = sum(sasaran_means) / len(sasaran_means)
    tahun_ke = y - r0 + 1

    add(f"LAPORAN KINERJA SEKRETARIAT {spec.satker_upper} TAHUN {y}")
    add("")
    add("KATA PENGANTAR")
    add("")
    add(f"Laporan Kinerja (LKj) Sekretariat {spec.satker} Tahun {y} disusun sebagai wujud "
        "pertanggungjawaban atas pelaksanaan tugas dan fungsi sesuai Peraturan Presiden Nomor 29 "
        "Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.")
    add("")
    add(f"Laporan ini disusun berpedoman pada Peraturan Menteri Pendayagunaan Aparatur Negara dan "
        "Reformasi Birokrasi Nomor 53 Tahun 2014. "
        f"Semoga laporan ini bermanfaat bagi {spec.satker}.")
    add("")
    add(f"{spec.capital}, 15 Januari {y + 1}")
    add("")
    add(f"Sekretaris {spec.satker}")
    add("")
    add(spec.pns[0].nama.upper())
    add("")
    add("IKHTISAR EKSEKUTIF")
    add("")
    add(f"Laporan Kinerja {spec.satker} Tahun {y} menyajikan capaian kinerja atas sasaran yang "
        f"ditetapkan dalam Perjanjian Kinerja Tahun {y}, yang merupakan tahun ke-{tahun_ke} "
        f"Rencana Strategis {r0}-{r1}.")
    add("")
    add(f"Rata-rata capaian kinerja seluruh sasaran sebesar {f.pct(overall)}. Realisasi anggaran "
        f"tahun {y} sebesar Rp {f.amount(real)} dari pagu Rp {f.amount(pagu)} "
        f"atau {f.pct(serapan)}.")
    add("")
    add("DAFTAR ISI")
    add("")
    toc = [("KATA PENGANTAR", "i"), ("IKHTISAR EKSEKUTIF", "ii"), ("DAFTAR ISI", "iii"),
           ("BAB I PENDAHULUAN", "1"), ("A. Latar Belakang", "1"),
           ("B. Tugas Pokok dan Fungsi", "2"),
           ("C. Struktur Organisasi", "3"), ("BAB II PERENCANAAN KINERJA", "6"),
           ("A. Rencana Strategis", "6"), ("B. Perjanjian Kinerja", "8"),
           ("BAB III AKUNTABILITAS KINERJA", "10"), ("A. Capaian Kinerja Organisasi", "10"),
           ("B. Realisasi Anggaran", "16"), ("BAB IV PENUTUP", "20"), ("LAMPIRAN", "22")]
    out += [f"{h}\t{p}" for h, p in toc]
    add("")
    add("BAB I")
    add("")
    add("PENDAHULUAN")
    add("")
    add("A. Latar Belakang")
    add("")
    add(f"Sebagaimana ditetapkan dalam Rencana Strategis {spec.satker} Tahun {r0}-{r1}, Tahun {y} "
        f"merupakan tahun ke-{tahun_ke} ({ORDINAL.get(tahun_ke, str(tahun_ke))}) "
        "pelaksanaan Renstra. "
        "Permasalahan utama (isu strategis) yang dihadapi organisasi adalah keterbatasan sarana "
        "dan prasarana serta tingginya beban kerja tahapan pemilihan.")
    add("")
    add("B. Tugas Pokok dan Fungsi")
    add("")
    add(f"{spec.satker} melaksanakan tugas penyelenggaraan Pemilu dan Pemilihan di wilayahnya "
        "sebagaimana ditetapkan dalam Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum.")
    add("")
    add("C. Struktur Organisasi")
    add("")
    n1, n2, n3 = len(spec.pns), len(spec.pppk), len(spec.ppnpn)
    add(f"Untuk mendukung pelaksanaan tugas dan fungsinya, Sekretariat {spec.satker} Tahun {y} "
        f"didukung oleh {n1} ({words(n1)}) orang Pegawai Negeri Sipil, "
        f"{n2} ({words(n2)}) orang PPPK, "
        f"{n3} ({words(n3)}) orang PPNPN.")
    add("")
    out += _staff_tables(spec)
    add("")
    add("BAB II")
    add("")
    add("PERENCANAAN KINERJA")
    add("")
    add("A. Rencana Strategis")
    add("")
    add(f"Rencana Strategis {spec.satker} Tahun {r0}-{r1} menetapkan sasaran strategis yang "
        f"dijabarkan setiap tahun dalam Rencana Kinerja Tahunan (RKT) Tahun {y}.")
    add("")
    add("B. Perjanjian Kinerja")
    add("")
    add(f"Perjanjian Kinerja Tahun {y} memuat sasaran, indikator kinerja dan target yang akan "
        f"dicapai pada Tahun {y} sebagai berikut :")
    add("")
    add("No\tSasaran Kegiatan\tIndikator Kinerja\tTarget")
    n = 0
    for s in spec.sasaran:
        for i in s.indicators:
            n += 1
            add(f"{n}.\t{s.nama}\t{i.nama}\t{_volume(i.target, i.unit, f)}")
    add("")
    add("BAB III")
    add("")
    add("AKUNTABILITAS KINERJA")
    add("")
    add("A. Capaian Kinerja Organisasi")
    add("")
    add("Capaian kinerja setiap indikator sasaran dikategorikan menurut skala penilaian berikut :")
    add("")
    add("Kategori Skala Penilaian Capaian Kinerja")
    add("")
    add("No.\tRentang Capaian\tKategori Capaian")
    out += [f"{k}.\t{rng}\t{cat}" for k, (rng, cat) in enumerate(spec.scale, 1)]
    add("")
    add("Capaian indikator berpolaritas positif dihitung dengan rumus Realisasi / Target x 100%, "
        "dan indikator berpolaritas negatif dengan rumus (2 x Target - Realisasi) / Target x 100%.")
    add("")
    for k, (s, mean) in enumerate(zip(spec.sasaran, sasaran_means, strict=True), 1):
        add(f"{k}. Sasaran {k} - {s.nama}")
        add("")
        add(f"Capaian Kinerja Sasaran {k}")
        add("")
        add("No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian")
        for j, i in enumerate(s.indicators, 1):
            declared = i.polarity == "negative" and spec.declare_polarity
            name = i.nama + (" (polaritas negatif)" if declared else "")
            add(f"{j}\t{name}\t{_volume(i.target, i.unit, f)}\t{_volume(i.realisasi, i.unit, f)}"
                f"\t{f.pct(capaian_of(i))}")
        add("")
        add(f"Sasaran ini tercapai dengan rata-rata capaian {f.pct(mean)} "
            f"sehingga termasuk kategori {kategori_of(spec, mean)}.")
        add("")
    add("Data pemilih hasil pemutakhiran adalah sebagai berikut.")
    add("")
    out += voter_tables(spec, f)
    add(f"Perbandingan dengan tahun sebelumnya: capaian kinerja tahun {y - 1} sebesar 97,50% "
        f"dan tahun {y - 2} sebesar 96,00%, sehingga capaian tahun {y} meningkat.")
    add("")
    add(f"Perbandingan dengan target jangka menengah: target Renstra {r0}-{r1} untuk akhir periode "
        f"{r1} telah tercapai sesuai rencana.")
    add("")
    add("Analisis efisiensi penggunaan sumber daya: seluruh indikator dengan capaian 100% atau "
        f"lebih dicapai dengan serapan anggaran {f.pct(serapan)}, "
        "sehingga penggunaan anggaran efisien.")
    add("")
    add("Analisis keberhasilan: capaian setiap indikator telah sesuai dengan standar nasional yang "
        "ditetapkan KPU. Keberhasilan ini didukung oleh kegiatan sosialisasi dan bimbingan teknis, "
        "sedangkan kendala keterbatasan sarana diatasi dengan upaya optimalisasi sarana yang ada.")
    add("")
    add("B. Realisasi Anggaran")
    add("")
    out += _budget(spec, f)
    add("BAB IV")
    add("")
    add("PENUTUP")
    add("")
    add(f"Laporan Kinerja {spec.satker} Tahun {y} merupakan wujud akuntabilitas kinerja. Rata-rata "
        f"capaian kinerja sebesar {f.pct(overall)} dan realisasi penyerapan anggaran sebesar "
        f"{f.pct(serapan)}.")
    add("")
    add("Langkah ke depan: meningkatkan kualitas perencanaan dan pemantauan kinerja.")
    add("")
    add("LAMPIRAN")
    add("")
    add(f"1. Perjanjian Kinerja Tahun {y} {spec.satker}")
    add("")
    add("2. Pernyataan Telah Direviu oleh Inspektorat")
    add("")
    return "\n".join(out) + "\n"


def _staff_tables(spec: Spec) -> list[str]:
    out = ["a. Pegawai Negeri Sipil", "", "No\tNAMA\tGOL\tJABATAN\tPENDIDIKAN"]
    out += [f"{k}\t{s.nama} NIP. {s.nip}\t{s.gol}\t{s.jabatan}\t{s.pendidikan}"
            for k, s in enumerate(spec.pns, 1)]
    out += ["", "b. Pegawai Pemerintah dengan Perjanjian Kerja (PPPK)", "",
            "No\tNAMA\tGOL\tJABATAN\tPENDIDIKAN"]
    out += [f"{k}\t{s.nama} NIPPPK. {s.nip}\t{s.gol}\t{s.jabatan}\t{s.pendidikan}"
            for k, s in enumerate(spec.pppk, 1)]
    out += ["", "c. Pegawai Pemerintah Non Pegawai Negeri (PPNPN)", "",
            "No\tNAMA\tJabatan\tPendidikan"]
    out += [f"{k}\t{s.nama}\t{s.jabatan}\t{s.pendidikan}" for k, s in enumerate(spec.ppnpn, 1)]
    return out


def _row(cols: tuple[str, ...], values: dict[str, str]) -> str:
    return "\t".join(values[c] for c in cols)


def _budget(spec: Spec, f: Fmt) -> list[str]:
    if spec.budget_layout == "single_table":
        return _budget_single_table(spec, f)
    out: list[str] = []
    cols = spec.budget_columns
    head = {"no": "No", "uraian": "Uraian", "pagu": "Pagu Anggaran", "realisasi": "Realisasi",
            "pct": "%"}
    pagu = sum(p.pagu for p in spec.programs)
    real = sum(p.realisasi for p in spec.programs)
    out += [f"Dalam pelaksanaan anggaran Tahun {spec.year}, {spec.satker} terdapat "
            f"{len(spec.programs)} Program yaitu :", ""]
    out.append(_row(cols, {**head, "uraian": "Program"}))

    def values(no: str, name: str, p: int, r: int) -> dict[str, str]:
        pct = f.pct(Fraction(r * 100, p))
        v = {"no": no, "uraian": name, "pagu": f.amount(p), "realisasi": f.amount(r), "pct": pct}
        if "pct" not in cols:
            v["realisasi"] = f"{v['realisasi']} ({pct})"
        return v

    for k, prog in enumerate(spec.programs, 1):
        out.append(_row(cols, values(f"{k}.", prog.nama, prog.pagu, prog.realisasi)))
    out.append(_row(cols, values("", "Jumlah", pagu, real)))
    out.append("")
    for letter, prog in zip("ABCDEFG", spec.programs, strict=False):
        n_keg = len(prog.kegiatan)
        out += [f"- {letter}. Program {prog.nama} terdapat {n_keg} Kegiatan yaitu :", ""]
        for k, keg in enumerate(prog.kegiatan, 1):
            out += [f"{k}. Kegiatan {keg.kode} ({keg.nama})", ""]
            if prog.detail == "kegiatan":
                out.append(_row(cols, {**head, "no": "No", "uraian": "Kegiatan"}))
                out.append(_row(cols, values("1.", keg.nama, keg.pagu, keg.realisasi)))
            elif prog.detail == "both":
                out.append(_row(cols, {**head, "uraian": "Kegiatan / Rincian Output"}))
                keg_name = f"{keg.kode} {keg.nama}"
                out.append(_row(cols, values("1.", keg_name, keg.pagu, keg.realisasi)))
                for j, ro in enumerate(keg.ros, 1):
                    ro_name = f"{ro.kode} {ro.uraian}"
                    out.append(_row(cols, values(f"1.{j}", ro_name, ro.pagu, ro.realisasi)))
            else:
                out.append(_row(cols, {**head, "uraian": "Rincian Output Kegiatan"}))
                for j, ro in enumerate(keg.ros, 1):
                    ro_name = f"{ro.kode} {ro.uraian}"
                    out.append(_row(cols, values(f"{j}.", ro_name, ro.pagu, ro.realisasi)))
            out.append("")
    return out


def _budget_single_table(spec: Spec, f: Fmt) -> list[str]:
    """All programs, kegiatan and RO in one table with a Kode column and a % column."""
    pagu = sum(p.pagu for p in spec.programs)
    real = sum(p.realisasi for p in spec.programs)
    out = [f"Realisasi anggaran {spec.satker} Tahun {spec.year} per program, kegiatan dan rincian "
           "output adalah sebagai berikut :", "", "No\tKode\tUraian\tPagu\tRealisasi\t%"]

    def row(no: str, kode: str, name: str, p: int, r: int) -> str:
        return f"{no}\t{kode}\t{name}\t{f.amount(p)}\t{f.amount(r)}\t{f.pct(Fraction(r * 100, p))}"

    n = 0
    for prog in spec.programs:
        code = "076.01.WA" if "Dukungan" in prog.nama else "076.01.CQ"
        n += 1
        out.append(row(f"{n}.", code, f"Program {prog.nama}", prog.pagu, prog.realisasi))
        for keg in prog.kegiatan:
            n += 1
            out.append(row(f"{n}.", keg.kode, keg.nama, keg.pagu, keg.realisasi))
            for ro in keg.ros:
                n += 1
                out.append(row(f"{n}.", ro.kode, ro.uraian, ro.pagu, ro.realisasi))
    total_pct = f.pct(Fraction(real * 100, pagu))
    out.append(f"\tJumlah\t\t{f.amount(pagu)}\t{f.amount(real)}\t{total_pct}")
    return out + [""]


def voter_tables(spec: Spec, f: Fmt) -> list[str]:
    out: list[str] = []
    names = {"DP4": "Daftar Penduduk Potensial Pemilih Pemilihan (DP4)",
             "DPS": "Daftar Pemilih Sementara (DPS)", "DPT": "Daftar Pemilih Tetap (DPT)"}
    for stage, rows in spec.voters.items():
        out += [f"Berikut {names[stage]}:", ""]
        lk, pr = sum(r[1] for r in rows), sum(r[2] for r in rows)
        if spec.voter_layout == "kecamatan":
            out.append("No\tKecamatan\tLK\tPR\tJUMLAH")
            out += [f"{k}\t{kec}\t{f.amount(a)}\t{f.amount(b)}\t{f.amount(a + b)}"
                    for k, (kec, a, b) in enumerate(rows, 1)]
            out.append(f"\tJumlah\t{f.amount(lk)}\t{f.amount(pr)}\t{f.amount(lk + pr)}")
        else:
            out += ["LK\tPR\tJUMLAH", f"{f.amount(lk)}\t{f.amount(pr)}\t{f.amount(lk + pr)}"]
        out.append("")
    return out


__all__ = ["render", "voter_tables", "capaian_of", "kategori_of", "Fmt", "Staff"]
