"""``relpolicy plugins``: the installed rule plugins."""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs
import click

from .._builtin import BUILTIN_PLUGINS
from .._policy import Policy, plugin_name
from ._common import build_policy, color, file_option, format_option, load_config, warnings_on_stderr
from ._output import pad, printable


def _plugin_rows(policy: Policy, show_all: bool) -> list[dict[str, Any]]:
    builtin = {plugin_name(p) for p in BUILTIN_PLUGINS}
    rows = []
    for info in policy.plugins:
        if info.name in builtin and not show_all:
            continue
        row = attrs.asdict(info)
        row["hooks"] = list(info.hooks)
        row["builtin"] = info.name in builtin
        rows.append(row)
    return rows


@click.command()
@format_option(("table", "json"))
@click.option("--all", "show_all", is_flag=True, help="Also list relpolicy's own built-in plugins.")
@file_option("--config", "config_path", help="A configuration to apply (it can disable rules).")
@click.option("--disable", multiple=True, metavar="RULE", help="Show RULE as disabled (repeatable).")
def plugins(output_format: str, show_all: bool, config_path: str | None, disable: tuple[str, ...]) -> None:
    """List the installed rule plugins: name, distribution, version, hooks, and whether enabled.

    A plugin that fails to load is listed with the error (and a warning), never a crash.
    """
    with warnings_on_stderr():
        policy = build_policy(None, load_config(config_path), disable)
        rows = _plugin_rows(policy, show_all)
    out = sys.stdout
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2), file=out)
        return
    click.echo(click.style(f"{'NAME':<22}  {'FROM':<24}  {'ENABLED':<7}  HOOKS", bold=True), file=out)
    for row in rows:
        source = " ".join(part for part in (row["distribution"], row["version"]) if part) or "-"
        if row["builtin"]:
            source = "(built in)"
        enabled = (
            click.style("yes    ", fg="green") if row["enabled"] else click.style("no     ", fg="yellow")
        )
        hooks = ", ".join(h.removeprefix("relpolicy_") for h in row["hooks"]) or "-"
        line = f"{pad(printable(row['name']), 22)}  {pad(printable(source), 24)}  {enabled}  {hooks}"
        click.echo(line, file=out, color=color())
        if row["error"]:
            click.echo(f"    failed to load: {printable(row['error'])}", file=out)
