"""The command line reference page (docs/cli.md), generated from the Typer app's command tree.

``cli_markdown(app)`` walks the command tree that ``typer.main.get_command`` builds and renders
every visible command and subcommand: its help, usage line, arguments and options, with the
same names, types, defaults and ranges that ``--help`` shows. A test fails when the page
drifts; regenerate it with ``python -m communique.cli.reference docs/cli.md``.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

import typer
from typer.core import TyperArgument, TyperGroup

# Markdown that help text must not trigger: emphasis, links, raw HTML, table cells.
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]|])")
# Help text marks code with backticks, as these docs do: such spans stay code.
_CODE_SPAN = re.compile(r"(`[^`]+`)")
_DEEPEST_HEADING = 6


class _Parameter(Protocol):
    """What the page needs of a click parameter: the two columns ``--help`` prints."""

    def get_help_record(self, ctx: typer.Context) -> tuple[str, str] | None: ...


def cli_markdown(app: typer.Typer) -> str:
    """Render the command line reference of a Typer app as one Markdown page.

    Args:
        app: The Typer app to document (``communique.cli.app`` for docs/cli.md).

    Returns:
        The page: an introduction, then one section per visible command, groups before
        their subcommands, in the order the app declares them; it ends with a newline.
    """
    root = typer.main.get_command(app)
    name = root.name or "communique"
    lines = [
        "# Command line",
        "",
        f"Every `{name}` command and subcommand, with its arguments and options. This page is",
        "generated from the Typer app (`communique.cli:app`); a test fails when it drifts.",
        "Regenerate it with `python -m communique.cli.reference docs/cli.md`. Every command",
        "also takes `--help`, which prints the same in the terminal.",
    ]
    for ctx in _walk(typer.Context(root, info_name=name)):
        lines.extend(["", *_command_section(ctx)])
    return "\n".join(lines) + "\n"


def _walk(ctx: typer.Context) -> Iterator[typer.Context]:
    """This command's context, then those of its visible subcommands, depth first."""
    yield ctx
    group = ctx.command
    if not isinstance(group, TyperGroup):
        return
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            yield from _walk(typer.Context(command, parent=ctx, info_name=name))


def _command_section(ctx: typer.Context) -> list[str]:
    """Heading, help, usage, then tables of subcommands, arguments and options."""
    command = ctx.command
    depth = ctx.command_path.count(" ")  # the root and its commands share a level
    heading = "#" * min(max(depth, 1) + 1, _DEEPEST_HEADING)
    lines = [f"{heading} `{ctx.command_path}`", ""]
    if command.deprecated:
        lines.extend(["**Deprecated.**", ""])
    help_text = inspect.cleandoc(command.help or "")
    if help_text:
        lines.extend([_escape(line) for line in help_text.split("\n")])
        lines.append("")
    usage = " ".join([ctx.command_path, *command.collect_usage_pieces(ctx)])
    lines.extend(["```", usage, "```"])
    if isinstance(command, TyperGroup):
        lines.extend(_subcommand_table(ctx, command))
    params = [p for p in command.get_params(ctx) if p.name != "help"]
    arguments = [p for p in params if isinstance(p, TyperArgument)]
    options = [p for p in params if not isinstance(p, TyperArgument)]
    lines.extend(_param_table("argument", arguments, ctx))
    lines.extend(_param_table("option", options, ctx))
    return lines


def _subcommand_table(ctx: typer.Context, group: TyperGroup) -> list[str]:
    """One row per visible subcommand: its name, linked to its section, and its first line."""
    rows = ["", "| command | what it does |", "| --- | --- |"]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        anchor = f"{ctx.command_path} {name}".replace(" ", "-")
        summary = inspect.cleandoc(command.short_help or command.help or "").split("\n\n")[0]
        rows.append(f"| [`{name}`](#{anchor}) | {_escape(' '.join(summary.split()))} |")
    return rows


def _param_table(kind: str, params: Sequence[_Parameter], ctx: typer.Context) -> list[str]:
    """A table of parameters as ``--help`` describes them; nothing when there are none."""
    records = [record for p in params if (record := p.get_help_record(ctx)) is not None]
    if not records:
        return []
    rows = ["", f"| {kind} | description |", "| --- | --- |"]
    for names, help_text in records:
        rows.append(f"| {_code(names)} | {_escape(' '.join(help_text.split()))} |")
    return rows


def _code(text: str) -> str:
    """Text as a code span; Python-Markdown's tables leave pipes inside code spans alone."""
    fence = "`` " if "`" in text else "`"
    return f"{fence}{text}{fence[::-1]}"


def _escape(text: str) -> str:
    """Help text as literal Markdown: code spans kept, other special characters escaped."""
    parts = _CODE_SPAN.split(text)
    for i in range(0, len(parts), 2):  # even parts are outside code spans
        escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", parts[i]).replace("`", "\\`")
        parts[i] = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(parts)


if __name__ == "__main__":
    from communique.cli import app

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs") / "cli.md"
    target.write_text(cli_markdown(app), encoding="utf-8")
