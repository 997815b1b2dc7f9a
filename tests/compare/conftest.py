"""Last year's report of the bundled satker, made with the project's own generator.

``synth.report_text(..., back=1)`` moves the bundled 2024 report to 2023 and varies its budget
and voter figures; on top, one indicator's realisasi is halved and one PPNPN is not listed,
so every kind of comparison item has a known change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit.batch import synth
from lkj_audit.load import satker as satker_list
from tests.conftest import SEED

# The bundled report's row of indicator 6709.QGE.007 (target and realisasi 1.0 Lembaga).
QGE007 = "Penyusunan Peraturan\t1.0 Lembaga\t1.0 Lembaga"
PPNPN_ROW = "2\tIndah Mayasari\tPramubakti/ Petugas Kebersihan\tS1\t\n"


def previous_text(code: str = "656532") -> str:
    target = satker_list.by_code(code)
    assert target is not None
    text = synth.report_text(SEED.read_text(encoding="utf-8"), target, seed=3, back=1)
    assert QGE007 in text and PPNPN_ROW in text
    return text.replace(QGE007, "Penyusunan Peraturan\t1.0 Lembaga\t0.5 Lembaga").replace(
        PPNPN_ROW, ""
    )


@pytest.fixture(scope="session")
def previous_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("previous") / "lkj_2023_kpu_kab_ogan_komering_ilir.txt"
    path.write_text(previous_text(), encoding="utf-8")
    return path
