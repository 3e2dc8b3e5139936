"""``relpolicy plugins``: the installed rule plugins."""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs
import click

from .._builtin import BUILTIN_PLUGINS
from .._plugins import plugin_name
from .._policy import Policy
from ._common import build_policy, color, file_option, format_option, load_config, warnings_on_stderr
from ._output import display_width, pad, printable


def _plugin_rows(policy: Policy, show_all: bool) -> list[dict[str, Any]]:
    builtin = {plugin_name(p) for p in BUILTIN_PLUGINS}
    rows = []
    for info in policy.plugins:
        if info.name in builtin and not show_all:
            continue
        row = attrs.asdict(info, recurse=True)
        row["hooks"] = list(info.hooks)
        row["settings"] = [attrs.asdict(setting) for setting in info.settings]
        row["builtin"] = info.name in builtin
        rows.append(row)
    return rows


@click.command()
@format_option(("table", "json"))
@click.option("--all", "show_all", is_flag=True, help="Also list relpolicy's own built-in plugins.")
@click.option(
    "--settings",
    "show_settings",
    is_flag=True,
    help="Also list each plugin's settings: type, default, meaning.",
)
@file_option("--config", "config_path", help="A configuration to apply (it can disable rules).")
@click.option("--disable", multiple=True, metavar="RULE", help="Show RULE as disabled (repeatable).")
def plugins(
    output_format: str, show_all: bool, show_settings: bool, config_path: str | None, disable: tuple[str, ...]
) -> None:
    """List the installed rule plugins: name, distribution, version, hooks, and whether enabled.

    With --settings, each plugin's settings follow it: the keys of its [rules.NAME]
    table in relpolicy.toml. A plugin that fails to load is listed with the error (and
    a warning), never a crash.
    """
    with warnings_on_stderr():
        policy = build_policy(None, load_config(config_path), disable)
        rows = _plugin_rows(policy, show_all)
    out = sys.stdout
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2), file=out)
        return
    sources = [
        "(built in)"
        if row["builtin"]
        else " ".join(p for p in (row["distribution"], row["version"]) if p) or "-"
        for row in rows
    ]
    name_width = max([len("NAME"), *(display_width(printable(row["name"])) for row in rows)])
    source_width = max([len("FROM"), *(display_width(printable(source)) for source in sources)])
    head = f"{pad('NAME', name_width)}  {pad('FROM', source_width)}  ENABLED  HOOKS"
    click.echo(click.style(head, bold=True), file=out)
    for row, source in zip(rows, sources, strict=True):
        enabled = (
            click.style("yes    ", fg="green") if row["enabled"] else click.style("no     ", fg="yellow")
        )
        hooks = ", ".join(h.removeprefix("relpolicy_") for h in row["hooks"]) or "-"
        name = pad(printable(row["name"]), name_width)
        line = f"{name}  {pad(printable(source), source_width)}  {enabled}  {hooks}"
        click.echo(line, file=out, color=color())
        if row["error"]:
            click.echo(f"    failed to load: {printable(row['error'])}", file=out)
        if show_settings:
            for setting in row["settings"]:
                click.echo(
                    f"    {printable(setting['name'])} = {printable(setting['default'])}"
                    f"  ({printable(setting['type'])}): {printable(setting['help'])}",
                    file=out,
                )
