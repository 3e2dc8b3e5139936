"""The ``relpolicy`` command group."""

from __future__ import annotations

import click

from ._check_note import check_note_command
from ._diff import diff
from ._evaluate import evaluate_command, fit_command
from ._exits import Group, exit_status_help
from ._plugins import plugins
from ._recheck import recheck_command
from ._report import report
from ._triage import explain, triage

_HELP = f"""Decide whether to accept connection requests, by letting rule plugins vote.

Start with "relpolicy triage examples/requests.jsonl", or point triage at the folder
(or .zip) of your LinkedIn data export. "relpolicy explain" shows why a request was
decided as it was. "relpolicy recheck" reads what the connections you have made wrote
to you since; "relpolicy diff" shows what a new configuration would change before you
adopt it.

{exit_status_help()}
"""


@click.group(
    cls=Group,
    help=_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="relpolicy", prog_name="relpolicy")
def cli() -> None:
    """The ``relpolicy`` command (its help is ``_HELP``)."""


def main() -> None:
    """Run the ``relpolicy`` command."""
    cli(prog_name="relpolicy")


for _command in (
    triage,
    explain,
    report,
    recheck_command,
    diff,
    plugins,
    check_note_command,
    evaluate_command,
    fit_command,
):
    cli.add_command(_command)
