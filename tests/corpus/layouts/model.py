"""What one report prints, before any layout: budget rows, indicator rows, voter rows.

Built from :func:`tests.corpus.builder.default_spec` (its programs, sasaran and voters), made
richer where real reports are (a sasaran with several indicators, qualified figures for the
previous year and the Renstra). Defects change these printed values, so the truth is always
"what is printed", and a consistent report is one no defect touched.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction

from tests.corpus.builder import Indicator, Sasaran, Spec, default_spec

REGIONS = (
    ("Kabupaten", "Mekar Jaya", "Mekarsari"),
    ("Kota", "Bukit Permai", "Bukit Permai"),
    ("Provinsi", "Nusa Indah", "Kota Indah"),
    ("Kabupaten", "Tanjung Harapan", "Harapan Baru"),
    ("Kabupaten", "Sungai Kencana", "Kencana"),
)


@dataclass
class BudgetRow:
    level: str  # program | kegiatan | ro | subtotal | total
    kode: str | None
    uraian: str
    pagu: int
    realisasi: int
    pct: Fraction  # the serapan printed (from the consistent figures unless a defect)

    @classmethod
    def of(cls, level: str, kode: str | None, uraian: str, pagu: int, real: int) -> BudgetRow:
        return cls(level, kode, uraian, pagu, real, Fraction(real * 100, pagu))


@dataclass
class IndicatorRow:
    sasaran_no: int
    sasaran: str
    nama: str
    unit: str
    polarity: str
    target: Fraction
    realisasi: Fraction
    capaian: Fraction
    prev: Fraction  # realisasi of the previous year
    renstra: Fraction  # target akhir Renstra
    sem1: Fraction  # realisasi s.d. semester I
    bobot: int


@dataclass
class VoterRow:
    wilayah: str
    lk: int
    pr: int
    jumlah: int
    tps: int
    is_total: bool = False


@dataclass
class Content:
    spec: Spec
    programs: list[tuple[BudgetRow, list[tuple[BudgetRow, list[BudgetRow]]]]]
    indicators: list[IndicatorRow]
    total: BudgetRow
    voters: dict[str, list[VoterRow]] = field(default_factory=dict)
    voter_totals: dict[str, VoterRow] = field(default_factory=dict)

    @property
    def pagu(self) -> int:
        return sum(p.pagu for p, _ in self.programs)

    @property
    def realisasi(self) -> int:
        return sum(p.realisasi for p, _ in self.programs)


def capaian(target: Fraction, real: Fraction, polarity: str) -> Fraction:
    if polarity == "negative":
        return (2 * target - real) * 100 / target
    return real * 100 / target


def _extra_sasaran() -> Sasaran:
    return Sasaran("Tersedianya data dan informasi pemilih yang akurat", [
        Indicator("Persentase data pemilih yang dimutakhirkan tepat waktu",
                  Fraction(90), Fraction(95), "%"),
        Indicator("Jumlah laporan pemutakhiran data pemilih berkelanjutan",
                  Fraction(12), Fraction(12), "Laporan"),
        Indicator("Persentase kecamatan yang menyampaikan rekapitulasi daftar pemilih",
                  Fraction(100), Fraction(875, 10), "%"),
    ])


def build(seed: int, unit: int, *, negative: bool) -> Content:
    """The printed content of render ``seed``; every amount a multiple of ``unit`` rupiah."""
    rng = random.Random(f"content-{seed}")
    level, region, capital = REGIONS[seed % len(REGIONS)]
    year = rng.choice((2023, 2024, 2025))
    renstra = (2020, 2024) if year <= 2024 else (2025, 2029)
    spec = default_spec(level=level, region=region, capital=capital, year=year,
                        renstra=renstra, seed=seed, negative_indicator=negative)
    spec.sasaran.append(_extra_sasaran())
    progs = []
    for k, prog in enumerate(spec.programs):
        kegs = []
        for keg in prog.kegiatan:
            ros = [BudgetRow.of("ro", ro.kode, ro.uraian, ro.pagu // unit * unit,
                                ro.realisasi // unit * unit) for ro in keg.ros]
            kp, kr = sum(r.pagu for r in ros), sum(r.realisasi for r in ros)
            kegs.append((BudgetRow.of("kegiatan", keg.kode, keg.nama, kp, kr), ros))
        pp, pr = sum(k.pagu for k, _ in kegs), sum(k.realisasi for k, _ in kegs)
        code = "076.01.WA" if k else "076.01.CQ"
        progs.append((BudgetRow.of("program", code, prog.nama, pp, pr), kegs))
    indicators = []
    for s_no, sas in enumerate(spec.sasaran, 1):
        for ind in sas.indicators:
            t, r = ind.target, ind.realisasi
            indicators.append(IndicatorRow(
                s_no, sas.nama, ind.nama, ind.unit, ind.polarity, t, r,
                capaian(t, r, ind.polarity),
                prev=_near(rng, r, ind.unit), renstra=_near(rng, t, ind.unit, up=True),
                sem1=_half(r, ind.unit), bobot=rng.choice((10, 15, 20, 25))))
    c = Content(spec, progs, indicators, BudgetRow.of(
        "total", None, "Jumlah", sum(p.pagu for p, _ in progs), sum(p.realisasi for p, _ in progs)))
    for stage, rows in spec.voters.items():
        c.voters[stage] = [VoterRow(kec, lk, pr, lk + pr, (lk + pr) // 280) for kec, lk, pr in rows]
        c.voter_totals[stage] = voter_total(c.voters[stage])
    return c


def _near(rng: random.Random, v: Fraction, unit: str, *, up: bool = False) -> Fraction:
    if unit != "%":
        return v + (1 if up else 0)
    step = Fraction(rng.randint(1, 30), 10)
    return min(v + step, Fraction(100)) if up else max(v - step, Fraction(1))


def _half(v: Fraction, unit: str) -> Fraction:
    return v if unit == "%" else Fraction(int(v) // 2)


def voter_total(rows: list[VoterRow], name: str = "Jumlah") -> VoterRow:
    return VoterRow(name, sum(r.lk for r in rows), sum(r.pr for r in rows),
                    sum(r.jumlah for r in rows), sum(r.tps for r in rows), is_total=True)
