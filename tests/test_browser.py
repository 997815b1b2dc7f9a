"""The audit HTML and the batch index in a real headless Chromium.

They render offline, report text cannot inject markup, and the page looks like a report:
valid HTML5 (strict parser), headings and tables present, and only a sliver of the text
inside links (a self-closing ``<a/>`` once left every heading's link open to the page end).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import html5lib
import pytest

from lkj_audit import runner
from tests.conftest import SEED
from tests.helpers import PROJECT, external_references, run_cli, tags

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


def _headless(page: Path, *action: str) -> subprocess.CompletedProcess[str]:
    """Load ``page`` in headless Chromium with the network off and do ``action``."""
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--proxy-server=http://127.0.0.1:9",
             "--virtual-time-budget=3000", *action, page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120,
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def dump_dom(page: Path) -> str:
    """The DOM Chromium builds from ``page`` (after any script would have run)."""
    return _headless(page, "--dump-dom").stdout


def screenshot(page: Path, png: Path) -> Path:
    """A PNG of ``page`` as Chromium paints it (kept as a CI artefact)."""
    png.parent.mkdir(parents=True, exist_ok=True)
    _headless(page, f"--screenshot={png}", "--window-size=1280,2400", "--hide-scrollbars")
    assert png.is_file() and png.stat().st_size > 10_000, png
    return png


_INVISIBLE = {"head", "script", "style", "template", "title", "noscript"}


def _texts(node: object, in_link: bool = False) -> list[tuple[str, bool]]:
    """Visible text of an html5lib element tree: (text, inside an <a>)."""
    tag = str(getattr(node, "tag", "")).rpartition("}")[2]
    if tag in _INVISIBLE:
        return [(str(getattr(node, "tail", "") or ""), in_link)]
    inside = in_link or tag == "a"
    out = [(str(getattr(node, "text", "") or ""), inside)]
    for child in list(node):  # type: ignore[call-overload]
        out += _texts(child, inside)
    out.append((str(getattr(node, "tail", "") or ""), in_link))
    return out


def assert_looks_like_a_report(dom: str) -> None:
    """Headings and tables as rendered; links hold a small share of the visible text."""
    tree = html5lib.parse(dom, namespaceHTMLElements=False)
    texts = _texts(tree.find("body"))
    total = sum(len(t.strip()) for t, _ in texts)
    linked = sum(len(t.strip()) for t, link in texts if link)
    assert total > 500, total
    assert linked / total < 0.05, f"{linked} of {total} visible characters are inside links"
    assert tree.findall(".//h1") or tree.findall(".//h2"), "no h1/h2 heading in the page"
    assert tree.findall(".//table"), "no table in the page"


def assert_strict_html5(html: str) -> None:
    """The page parses without a single error under the WHATWG rules (html5lib strict)."""
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


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


def test_audit_page_is_valid_html_and_reads_as_a_report(hostile_run: runner.RunResult) -> None:
    html = hostile_run.html.read_text(encoding="utf-8")
    assert_strict_html5(html)
    assert_looks_like_a_report(dump_dom(hostile_run.html))
    screenshot(hostile_run.html, PROJECT / "reports" / "ci" / "audit.png")


@pytest.mark.slow
def test_batch_index_is_valid_html_and_reads_as_a_report(tmp_path: Path) -> None:
    rows = "satker,year,source\n656532,2024," + str(SEED) + "\n"
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(rows, encoding="utf-8")
    proc = run_cli("batch", str(manifest), "--out", str(tmp_path / "out"), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    index = tmp_path / "out" / "2024" / "index.html"
    assert_strict_html5(index.read_text(encoding="utf-8"))
    assert_looks_like_a_report(dump_dom(index))
    screenshot(index, PROJECT / "reports" / "ci" / "index.png")
