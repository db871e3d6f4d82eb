"""The CLI reference page: generated from the Typer app, in sync with it, every command on it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from communique.cli import app
from communique.cli.reference import cli_markdown

DOCS = Path(__file__).resolve().parents[3] / "docs" / "cli.md"


def test_cli_reference_docs_page_is_generated_from_the_app() -> None:
    assert DOCS.read_text(encoding="utf-8") == cli_markdown(app), (
        "docs/cli.md is stale: regenerate it with python -m communique.cli.reference docs/cli.md"
    )


def test_cli_reference_has_a_section_for_every_command_and_subcommand() -> None:
    page = cli_markdown(app)
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    for name, command in root.commands.items():
        assert f"\n## `communique {name}`\n" in page
        if isinstance(command, TyperGroup):
            for sub in command.commands:
                assert f"\n### `communique {name} {sub}`\n" in page


def _tiny_app() -> typer.Typer:
    tiny = typer.Typer(name="tiny", help="A tiny app.", add_completion=False)
    group = typer.Typer(help="A group.")

    @tiny.command("run")
    def run(
        paths: Annotated[list[str], typer.Argument(help="Files, or - for stdin.")],
        fmt: Annotated[str, typer.Option("--format", help="json | *csv* <plain>.")] = "json",
        secret: Annotated[bool, typer.Option(hidden=True)] = False,
    ) -> None:
        """Run the tiny app (see `tiny group all`)."""

    @group.command("all")
    def run_all() -> None:
        """Every thing."""

    @group.command("gone", hidden=True)
    def gone() -> None:
        """Not shown."""

    tiny.add_typer(group, name="group")
    return tiny


def test_cli_reference_renders_arguments_options_and_nested_groups() -> None:
    page = cli_markdown(_tiny_app())
    assert "| [`run`](#tiny-run) | Run the tiny app (see `tiny group all`). |" in page
    assert "| `paths... <list[str]>` | Files, or - for stdin. \\[required\\] |" in page
    assert "json \\| \\*csv\\* &lt;plain&gt;. \\[default: json\\]" in page
    assert "\n### `tiny group all`\n\nEvery thing.\n" in page
    assert page.count("--help") == 1  # in the introduction only


def test_cli_reference_leaves_out_hidden_commands_and_options() -> None:
    page = cli_markdown(_tiny_app())
    assert "gone" not in page and "Not shown" not in page
    assert "--secret" not in page
