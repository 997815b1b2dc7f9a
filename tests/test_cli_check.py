"""The check's own command-line reader (no typer) agrees with the typer command it stands for.

A plain ``lkj-audit check PATH …`` line is read by :func:`lkj_audit.cli_check.parse_check`;
every other line goes to typer. These tests pin that the reader knows exactly the typer
command's options, takes only what it can read exactly as typer would, and that both ways
print the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from lkj_audit.cli import app
from lkj_audit.cli_check import CHECK_OPTIONS, parse_check
from tests.conftest import SEED
from tests.helpers import run_cli


def test_the_reader_knows_exactly_the_typer_check_options() -> None:
    command = typer.main.get_command(app)
    check = command.commands["check"]  # type: ignore[attr-defined]  # a click Group
    typer_options = {
        opt: (param.name, bool(param.is_flag))
        for param in check.params
        if param.param_type_name == "option"
        for opt in [*param.opts, *param.secondary_opts]
    }
    ours = {opt: (dest, read is None) for opt, (dest, read) in CHECK_OPTIONS.items()}
    assert ours == typer_options
    arguments = [p.name for p in check.params if p.param_type_name == "argument"]
    assert arguments == ["path"]


def test_plain_lines_are_read() -> None:
    assert parse_check(["check", "a.txt"]) == {"debug": False, "path": Path("a.txt")}
    assert parse_check(
        ["--debug", "check", "-f", "text", "a.txt", "--year=2023", "--satker", "999001",
         "--satker-name", "Satker Uji", "--previous", "b.txt", "--review", "r.yaml",
         "--corrections", "c.yaml", "--debug"]
    ) == {
        "debug": True,
        "path": Path("a.txt"),
        "format": "text",
        "year": 2023,
        "satker": "999001",
        "satker_name": "Satker Uji",
        "previous": Path("b.txt"),
        "review": Path("r.yaml"),
        "corrections": Path("c.yaml"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["run", "a.txt"],
        ["--version"],
        ["--version", "check", "a.txt"],
        ["check"],
        ["check", "a.txt", "b.txt"],
        ["check", "--help"],
        ["check", "a.txt", "-h"],
        ["check", "a.txt", "--bogus"],
        ["check", "a.txt", "--format", "xml"],
        ["check", "a.txt", "--format"],
        ["check", "a.txt", "--year", "abc"],
        ["check", "a.txt", "--year", "-5"],
        ["check", "a.txt", "--year", "２０２４"],  # digits, but not ASCII ones
        ["check", "a.txt", "--satker", "--debug"],
        ["check", "a.txt", "--satker="],
        ["check", "a.txt", "-f", "json", "--format", "text"],
        ["check", "a.txt", "-fjson"],
        ["check", "a.txt", "-f=json"],
        ["check", "a.txt", "--debug=yes"],
        ["check", "--", "a.txt"],
    ],
)
def test_anything_else_goes_to_typer(argv: list[str]) -> None:
    assert parse_check(argv) is None


@pytest.mark.process
def test_both_ways_print_the_same() -> None:
    fast = run_cli("check", str(SEED), "-f", "text", "--year", "2023")
    # A repeated option is not plain: typer reads this line (and takes the last value).
    slow = run_cli("check", str(SEED), "-f", "text", "--year", "1999", "--year", "2023")
    assert fast.returncode == slow.returncode == 0, (fast.stderr, slow.stderr)
    assert fast.stdout == slow.stdout and fast.stdout.startswith("KPU Kabupaten Ogan")
    missing = [
        run_cli("check", "tidak-ada.txt", *extra) for extra in ([], ["--year", "1", "--year", "1"])
    ]
    assert [p.returncode for p in missing] == [2, 2]
    assert missing[0].stderr == missing[1].stderr and "tidak ditemukan" in missing[0].stderr


@pytest.mark.process
def test_typer_still_answers_help_and_bad_values() -> None:
    helped = run_cli("check", "--help")
    assert helped.returncode == 0 and "Usage: lkj-audit check" in helped.stdout
    assert "--satker-name" in helped.stdout
    bad = run_cli("check", str(SEED), "--format", "xml")
    assert bad.returncode == 2 and "xml" in bad.stderr
