"""The command table of planmonitor.cli: every command's module is imported only when it runs."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from planmonitor.cli import COMMANDS, main


def _registered(module: str) -> dict[str, str | None]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(module).add_commands(sub)
    helps = {a.dest: a.help for a in sub._choices_actions}
    return {name: helps.get(name) for name in sub.choices}


@pytest.mark.parametrize("module", sorted({m for m, _ in COMMANDS.values()}))
def test_each_module_registers_exactly_its_commands_with_the_tables_help(module: str) -> None:
    table = {name: help_text for name, (owner, help_text) in COMMANDS.items() if owner == module}
    assert _registered(module) == table


def test_the_window_path_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "from planmonitor import cli\n"
        "p = cli._parser([])\n"
        "p.parse_args([])\n"
        "print(sorted(m for m in sys.modules if m.startswith('planmonitor.cli.')"
        " or m.split('.')[0] in ('openpyxl', 'numpy', 'docx')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_command_imports_only_its_own_module() -> None:
    code = (
        "import sys\n"
        "from planmonitor import cli\n"
        "cli._parser(['--db', 'report', 'plans', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('planmonitor.cli.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['planmonitor.cli.common', 'planmonitor.cli.plans']"


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for name, (_, help_text) in COMMANDS.items():
        assert name in out and help_text in out


def test_a_commands_own_help_shows_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["record", "--help"])
    assert "--standing" in capsys.readouterr().out
