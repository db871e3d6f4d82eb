"""`communique explain`, run through a small Typer app that registers the command."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from communique.cli.explain import explain_command
from communique.errors import InputError

app = typer.Typer()


@app.callback()
def _root() -> None:
    """A group, so the command is called by name as on the real app."""


app.command("explain")(explain_command)


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["explain", *args])


def test_explain_cli_describes_a_code() -> None:
    result = _run("042")
    assert result.exit_code == 0, result.output
    assert "Make a visit" in result.stdout and "+1.9" in result.stdout


def test_explain_cli_describes_a_plover_mode() -> None:
    result = _run("RETREAT:ceasefire")
    assert result.exit_code == 0, result.output
    assert "0871" in result.stdout


def test_explain_cli_without_argument_lists_roots_and_types() -> None:
    result = _run()
    assert result.exit_code == 0, result.output
    assert "CAMEO roots" in result.stdout and "ASSAULT" in result.stdout
    assert "0871" not in result.stdout


def test_explain_cli_list_shows_every_code() -> None:
    result = _run("--list")
    assert result.exit_code == 0, result.output
    assert (
        "0871" in result.stdout and "2042" in result.stdout and "PLOVER contexts" in result.stdout
    )


def test_explain_cli_unknown_code_raises_input_error_for_main_to_report() -> None:
    result = _run("0499")
    assert isinstance(result.exception, InputError)
    assert result.exception.reason == "unknown-code"
    assert "communique explain --list" in str(result.exception)


def test_explain_cli_help_names_the_list_option() -> None:
    result = _run("--help")
    assert result.exit_code == 0
    assert "--list" in result.stdout


@pytest.mark.parametrize("name", ["consult", "04"])
def test_explain_cli_accepts_types_and_roots(name: str) -> None:
    assert _run(name).exit_code == 0
