"""A generator of consistent LKj reports (fictional satker, the seed's layout and variants).

``build(Spec(...))`` renders a complete report in the plain-text extraction format: every
total foots, every percentage recomputes, every year and name is right. Injections
(``injections.py``) then break one thing at a time, so a test can assert that exactly the
rule meant for that defect fires. Layout variants (column order, number style, per-kecamatan
voter tables, negative-polarity indicators, kota/provinsi level, other years) exercise the
readers beyond the one real report.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
ANGKA = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas"]
ORDINAL = {1: "pertama", 2: "kedua", 3: "ketiga", 4: "keempat", 5: "kelima"}


def words(n: int) -> str:
    """Indonesian number words up to 99 (for "14 (empat belas)")."""
    if n < 12:
        return ANGKA[n]
    if n < 20:
        return f"{ANGKA[n - 10]} belas"
    tens, unit = divmod(n, 10)
    head = "sepuluh" if tens == 1 else f"{ANGKA[tens]} puluh"
    return head if unit == 0 else f"{head} {ANGKA[unit]}"


@dataclass
class RO:
    kode: str
    uraian: str
    pagu: int
    realisasi: int


@dataclass
class Kegiatan:
    kode: str
    nama: str
    ros: list[RO]

    @property
    def pagu(self) -> int:
        return sum(r.pagu for r in self.ros)

    @property
    def realisasi(self) -> int:
        return sum(r.realisasi for r in self.ros)


@dataclass
class Program:
    nama: str
    kegiatan: list[Kegiatan]
    detail: str = "ro"  # "ro": RO rows per kegiatan; "kegiatan": one row per kegiatan; "both"

    @property
    def pagu(self) -> int:
        return sum(k.pagu for k in self.kegiatan)

    @property
    def realisasi(self) -> int:
        return sum(k.realisasi for k in self.kegiatan)


@dataclass
class Indicator:
    nama: str
    target: Fraction
    realisasi: Fraction
    unit: str  # "%", "Laporan", "Lembaga", "Dokumen"
    polarity: str = "positive"


@dataclass
class Sasaran:
    nama: str
    indicators: list[Indicator]


@dataclass
class Staff:
    nama: str
    nip: str
    gol: str
    jabatan: str
    pendidikan: str


@dataclass
class Spec:
    """Everything a consistent report says. Defaults give a complete, correct kabupaten report."""

    level: str = "Kabupaten"  # Kabupaten | Kota | Provinsi
    region: str = "Mekar Jaya"
    capital: str = "Mekarsari"
    year: int = 2024
    renstra: tuple[int, int] = (2020, 2024)
    seed: int = 7
    number_style: str = "id"  # id: 1.234.567 and 99,65% | en: 1,234,567 and 99.65% | mixed
    # + "pct" column optional
    budget_columns: tuple[str, ...] = ("no", "uraian", "pagu", "realisasi")
    voter_layout: str = "single"  # single | kecamatan
    budget_layout: str = "split"  # split: program summary + one table per kegiatan | single_table
    kecamatan: tuple[str, ...] = ("Mekarsari", "Sukadana", "Cibunar", "Talang Jaya")
    negative_indicator: bool = False
    declare_polarity: bool = True  # write "(polaritas negatif)" next to negative indicators
    scale: tuple[tuple[str, str], ...] = (
        ("Kurang dari 55 %", "Gagal"),
        ("55 % - 75 %", "Cukup Baik"),
        ("> 75 % - 100 %", "Baik"),
        ("Lebih dari 100 %", "Sangat Baik"),
    )
    programs: list[Program] = field(default_factory=list)
    sasaran: list[Sasaran] = field(default_factory=list)
    voters: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)
    pns: list[Staff] = field(default_factory=list)
    pppk: list[Staff] = field(default_factory=list)
    ppnpn: list[Staff] = field(default_factory=list)

    @property
    def satker(self) -> str:
        return f"KPU {self.level} {self.region}"

    @property
    def satker_upper(self) -> str:
        return f"KOMISI PEMILIHAN UMUM {self.level.upper()} {self.region.upper()}"


def _ro(rng: random.Random, kode: str, uraian: str, scale: int, serapan: tuple[float, float]) -> RO:
    pagu = rng.randrange(scale // 10, scale) // 1000 * 1000
    real = int(pagu * rng.uniform(*serapan))
    return RO(kode, uraian, pagu, real)


def default_spec(**overrides: object) -> Spec:
    """A complete consistent spec; ``overrides`` replace any :class:`Spec` field."""
    spec = Spec(**overrides)  # type: ignore[arg-type]
    rng = random.Random(spec.seed)
    if not spec.programs:
        spec.programs = [
            Program("Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", [
                Kegiatan("6709", "Perencanaan Program dan Anggaran", [
                    _ro(rng, "6709.QGE.001", "Perencanaan dan Penganggaran Pemilu",
                        900_000_000, (0.9, 0.99)),
                    _ro(rng, "6709.QGE.004", "Sosialisasi dan Bimbingan Teknis Tahapan",
                        80_000_000, (0.6, 0.95)),
                ]),
                Kegiatan("6867", "Pembentukan Badan Adhoc", [
                    _ro(rng, "6867.QGE.002", "Honorarium Badan Adhoc",
                        40_000_000_000, (0.95, 0.999)),
                ]),
                Kegiatan("6871", "Pengelolaan Logistik dan Data Pemilih", [
                    _ro(rng, "6871.QGE.001", "Penyiapan dan Pengelolaan Logistik Pemilu",
                        20_000_000_000, (0.9, 0.99)),
                    _ro(rng, "6871.QGE.002", "Pemutakhiran Data Pemilih",
                        4_000_000_000, (0.9, 0.99)),
                ]),
            ]),
            Program("Dukungan Manajemen", [
                Kegiatan("3355", "Pengelolaan Keuangan dan Barang Milik Negara", [
                    _ro(rng, "3355.EBA.962", "Layanan Umum", 3_000_000_000, (0.95, 0.99))]),
                Kegiatan("3360", "Operasional Perkantoran dan Dukungan Sarana Prasarana", [
                    _ro(rng, "3360.EBA.994", "Layanan Perkantoran", 200_000_000, (0.95, 0.99))]),
            ], detail="kegiatan"),
        ]
    if not spec.sasaran:
        spec.sasaran = [
            Sasaran("Terselenggaranya dukungan operasional dan pemeliharaan perkantoran", [
                Indicator("Layanan Perkantoran (3360.EBA.994)",
                          Fraction(1), Fraction(1), "Laporan"),
            ]),
            Sasaran("Terwujudnya Perencanaan Program dan Anggaran", [
                Indicator("Perencanaan dan Penganggaran Pemilu (6709.QGE.001)",
                          Fraction(1), Fraction(1), "Dokumen"),
                Indicator("Persentase partisipasi pemilih dalam Pemilu",
                          Fraction(775, 10), Fraction(812, 10), "%"),
            ]),
        ]
        if spec.negative_indicator:
            spec.sasaran[1].indicators.append(Indicator(
                "Persentase pemilih yang berhak memilih tetapi tidak masuk dalam daftar pemilih",
                Fraction(2), Fraction(3, 2), "%", "negative"))
    if not spec.voters:
        for stage, base in (("DP4", 200_000), ("DPS", 205_000), ("DPT", 207_500)):
            rows = []
            for i, kec in enumerate(spec.kecamatan):
                lk = base // len(spec.kecamatan) + rng.randrange(-900, 900) + i * 37
                pr = lk - rng.randrange(500, 3000)
                rows.append((kec, lk, pr))
            spec.voters[stage] = rows
    if not spec.pns:
        spec.pns = [
            Staff("Andi Saputra, S.E., M.M.", "198001012005011002", "IV/a", "Sekretaris", "S2"),
            Staff("Rina Marlina, S.H.", "198503152010122001", "III/c",
                  "Kasubbag Hukum dan SDM", "S1"),
            Staff("Budi Hartono, S.Kom.", "199002202015031003", "III/b", "Pranata Komputer", "S1"),
            Staff("Siti Aminah, A.Md.", "199107072019022004", "II/c", "Pengelola Keuangan", "D3"),
        ]
        spec.pppk = [
            Staff("Dewi Lestari, S.Pd.", "199408232024212039", "IX", "Penata Kelola Pemilu", "S1"),
            Staff("Rizky Pratama, S.Kom.", "199510062024211012", "IX", "Pranata Komputer", "S1"),
        ]
        spec.ppnpn = [
            Staff("Joko Susilo", "", "", "Pengemudi", "SMA"),
            Staff("Lina Wati", "", "", "Petugas Kebersihan", "SMA"),
            Staff("Agus Salim", "", "", "Satpam", "SMA"),
        ]
    return spec
