"""Where relative notebook parameters start from, and where the notebooks are found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkj_audit import audit, config
from lkj_audit.errors import InputFileError
from tests.helpers import PROJECT


def test_in_the_checkout_relative_paths_start_from_the_project_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(config.HOME_ENV, raising=False)
    monkeypatch.chdir(PROJECT / "notebooks")  # where JupyterLab starts the kernel
    assert config.in_checkout()
    assert config.project_root() == PROJECT
    assert audit.project_path("reports") == PROJECT / "reports"
    assert audit.project_path(tmp_path / "x.txt") == tmp_path / "x.txt"  # absolute: as given
    default = "data/raw/2024/656532/lkj_2024_kpu_kab_ogan_komering_ilir.txt"
    assert audit.project_path(default) == config.DEMO_REPORT and config.DEMO_REPORT.is_file()


def test_lkj_audit_home_overrides_the_project_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))
    assert audit.project_path("reports/batch") == tmp_path.resolve() / "reports" / "batch"


def test_notebooks_are_found_in_the_checkout_and_through_the_package_link() -> None:
    assert config.notebook("audit_lkj.ipynb") == PROJECT / "notebooks" / "audit_lkj.ipynb"
    # The package's notebooks/ is the same folder (one source of truth), shipped in the wheel.
    link = config.PACKAGED_NOTEBOOKS
    assert link.is_symlink() and os.readlink(link) == "../notebooks"
    assert link.resolve() == (PROJECT / "notebooks").resolve()


def test_a_missing_notebook_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.NOTEBOOKS_ENV, str(tmp_path))
    with pytest.raises(
        InputFileError, match=r"audit_lkj\.ipynb not found in .*LKJ_AUDIT_NOTEBOOKS"
    ):
        config.notebook("audit_lkj.ipynb")
