"""The audit HTML in a real headless Chromium.

It renders offline, and report text cannot inject markup.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from lkj_audit import runner
from tests.conftest import SEED
from tests.helpers import external_references, tags

pytestmark = [pytest.mark.browser, pytest.mark.notebook]

PAYLOAD_IMG = '<img src=x onerror="document.title=\'PWNED\'">'
PAYLOAD_SCRIPT = "<script>document.title='PWNED'</script>"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("LKJ_AUDIT_REQUIRE_BROWSER") == "1":
        pytest.fail("Chromium is required (LKJ_AUDIT_REQUIRE_BROWSER=1) but not installed")
    pytest.skip("Chromium not installed (apt-get install chromium); CI requires it")


def dump_dom(page: Path) -> str:
    """Load ``page`` in headless Chromium with the network off and return the final DOM."""
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--proxy-server=http://127.0.0.1:9",
             "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120,
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> runner.RunResult:
    """The seed report with markup planted in an RO name, an indicator and a sasaran title."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace(
        "Perencanaan dan Penganggaran\t\t(96.93%)", f"Perencanaan {PAYLOAD_IMG}\t\t(96.93%)"
    )
    text = text.replace(
        "Layanan Perkantoran (3360.EBA.994)\t1.0 Laporan",
        f"Layanan {PAYLOAD_SCRIPT} (3360.EBA.994)\t1.0 Laporan",
    )
    text = text.replace(
        "Sasaran 2 - Terselenggaranya", f"Sasaran 2 - {PAYLOAD_IMG} Terselenggaranya"
    )
    assert text.count("PWNED") == 3
    root = tmp_path_factory.mktemp("hostile")
    src = root / "lkj_hostile.txt"
    src.write_text(text, encoding="utf-8")
    return runner.run_one(src, "656532", 2024, root / "reports")


def test_report_text_is_escaped_in_html_and_never_runs(hostile_run: runner.RunResult) -> None:
    html = hostile_run.html.read_text(encoding="utf-8")
    assert "PWNED" in html  # the text is shown…
    assert not [t for t, a in tags(html) if t == "script" or (t == "img" and a.get("src") == "x")]
    dom = dump_dom(hostile_run.html)
    assert "<title>Audit LKj 656532 2024</title>" in dom  # …but never executed
    assert "&lt;img src=x" in dom or "&lt;img src=\"x\"" in dom


def test_page_renders_offline_with_charts_and_tables(hostile_run: runner.RunResult) -> None:
    html = hostile_run.html.read_text(encoding="utf-8")
    assert external_references(html) == []
    dom = dump_dom(hostile_run.html)
    for text in (
        "Ringkasan hasil reviu",
        "Realisasi anggaran per baris",
        "Capaian kinerja per indikator",
        "Aritmetika",
        "Lembar",
        "class=\"grid\"",
    ):
        assert text in dom or text.lower() in dom.lower(), text
    assert dom.count("data:image/png;base64,") >= 2


def test_notebook_outputs_escape_report_text(hostile_run: runner.RunResult) -> None:
    nb = hostile_run.notebook.read_text(encoding="utf-8")
    assert "<script>document.title" not in nb and "&lt;script&gt;document.title" in nb
