"""The wheel as a user installs it: built from the project, installed into a fresh virtualenv,
``lkj-audit run`` on the bundled report from another directory.

An editable install finds ``notebooks/`` beside the package; a wheel has only what it ships,
so this is the test that the notebooks, templates and data travel inside the package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lkj_audit import config
from tests.helpers import PROJECT

pytestmark = [pytest.mark.slow, pytest.mark.wheel]
# What the build needs from the checkout; copied so no build/ or egg-info lands in it.
BUILD_INPUTS = ("pyproject.toml", "README.md", "lkj_audit", "notebooks")
SHIPPED = (
    "lkj_audit/notebooks/audit_lkj.ipynb",
    "lkj_audit/notebooks/batch_index.ipynb",
    "lkj_audit/render/nbtemplate/lkj/index.html.j2",
    "lkj_audit/render/nbtemplate/lkj/conf.json",
    "lkj_audit/render/audit.css",
    "lkj_audit/kpu_satker_kode_wilayah.csv",
)


def _sh(
    *cmd: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in BUILD_INPUTS:
        path = PROJECT / name
        if path.is_dir():
            # symlinks=True: lkj_audit/notebooks stays the link to ../notebooks, as in git
            shutil.copytree(
                path,
                src / name,
                symlinks=True,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
            )
        else:
            shutil.copy2(path, src / name)
    dist = tmp_path_factory.mktemp("dist")
    _sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, src, cwd=src)
    (built,) = dist.glob("lkj_audit-*.whl")
    return built


def test_wheel_ships_the_notebooks_unchanged_and_the_templates(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        missing = [n for n in SHIPPED if n not in names]
        assert missing == []
        for name in ("audit_lkj.ipynb", "batch_index.ipynb"):  # one source of truth
            assert (
                zf.read(f"lkj_audit/notebooks/{name}")
                == (PROJECT / "notebooks" / name).read_bytes()
            )
        templates = {p.name for p in (PROJECT / "lkj_audit" / "render" / "templates").glob("*.j2")}
        assert templates and all(f"lkj_audit/render/templates/{t}" in names for t in templates)


def test_installed_wheel_runs_the_bundled_report_from_another_folder(
    wheel: Path,
    tmp_path: Path,
    seed_findings,  # type: ignore[no-untyped-def]
) -> None:
    venv = tmp_path / "venv"
    _sh(sys.executable, "-m", "venv", venv, cwd=tmp_path)  # no system site-packages
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin"
    pip = (venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-compile")  # pyc: lazily
    _sh(*pip, wheel, cwd=tmp_path, env=env)
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    where = _sh(
        venv / "bin" / "python",
        "-c",
        "import lkj_audit; print(lkj_audit.__file__)",
        cwd=elsewhere,
        env=env,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv)  # the installed copy, not the checkout

    out = tmp_path / "out"
    _sh(
        venv / "bin" / "lkj-audit",
        "run",
        config.DEMO_REPORT,
        "--satker",
        "656532",
        "--year",
        "2024",
        "--out",
        out,
        cwd=elsewhere,
        env=env,
    )

    target = out / "2024" / "656532"
    for name in ("audit.html", "findings.json", "audit_lkj.ipynb"):
        assert (target / name).stat().st_size > 0, name
    assert {"anggaran.csv", "capaian.csv"} <= {p.name for p in (target / "tables").glob("*.csv")}
    data = json.loads((target / "findings.json").read_text(encoding="utf-8"))
    assert sorted(f["fingerprint"] for f in data["findings"]) == sorted(
        f.fingerprint for f in seed_findings
    )
    html = (target / "audit.html").read_text(encoding="utf-8")
    assert "Petunjuk untuk reviewer" not in html and "Kertas Kerja Reviu" in html
    assert list(elsewhere.iterdir()) == []  # nothing written in the caller's folder
