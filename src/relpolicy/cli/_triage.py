"""``relpolicy triage`` and ``relpolicy explain``: decide the requests in files."""

from __future__ import annotations

import json
import sys

import click

from ..inputs import RecordError
from ..recheck import REQUEST_ONLY_RULES
from ._common import (
    Progress,
    UsageProblem,
    color,
    config_in_force,
    decisions,
    format_option,
    isatty,
    make_policy,
    policy_options,
    profiles_option,
    request_matches,
    setup,
    warnings_on_stderr,
    width_of,
    width_option,
)
from ._exits import count_written, whole
from ._output import FORMATS, WRITERS, explain_lines
from ._recheck import enable_option, explain_recheck


@click.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True), metavar="PATH..."
)
@policy_options
@profiles_option
@format_option(
    FORMATS,
    "table: one aligned row per request, for people. json: an array of decisions. "
    "jsonl: one decision per line. csv: a header row, then one row per request.",
)
@width_option
@click.option(
    "--no-truncate",
    is_flag=True,
    help="In the table, never cut a cell: long names and reasons run past the width.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Decide in N processes (when this version of relpolicy can); output keeps the input's order.",
)
def triage(
    paths: tuple[str, ...],
    me: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
    profiles: str | None,
    output_format: str,
    width: int | None,
    no_truncate: bool,
    workers: int,
) -> None:
    """Decide every request in PATH... and print one row per request.

    PATH is a .json file (one request or an array of them), a .jsonl file (one per
    line), - for standard input (JSON Lines), or a LinkedIn data export: its folder, its
    .zip, or its Invitations.csv, of which the INCOMING invitations are decided. Files
    are read as streams: a file of a million requests takes little memory.

    The person deciding is, first, --me; else the configuration's [recipient]; else the
    export's Profile.csv. A request from an export has its sender's profile address as
    its id (the same in the next export, so that two runs can be compared with
    "relpolicy diff"); a request without an id in a JSON file is given FILE:LINE.

    When a configuration file is in force (--config, or a relpolicy.toml found in the
    current folder), its name is written on stderr first.

    Exit status: as for relpolicy (see relpolicy --help): 0 when every record was
    decided; 1 when some were not readable (each is reported on stderr as FILE:LINE:
    field: problem, the others are still decided and printed); 2 for a usage error;
    130 when interrupted, saying how many records were written.
    """
    with warnings_on_stderr():
        policy, reporter, items = setup(paths, me, config_path, disable, profiles)
        configuration = config_in_force(config_path)
        if configuration.path is not None:
            click.echo(f"relpolicy: configuration: {configuration.describe()}", err=True)
        out = sys.stdout
        err = sys.stderr
        writer = WRITERS[output_format](
            out, width=width or width_of(out), color=color(), truncate=not no_truncate
        )
        progress = Progress(err) if isatty(err) and not isatty(out) else None
        count_written(lambda: writer.count)
        writer.begin()
        tally = reporter.tally
        for count, (request, decision) in enumerate(decisions(policy, items, reporter, workers=workers), 1):
            tally.verdicts[decision.verdict] += 1
            with whole:
                writer.write(request, decision)
            if progress is not None:
                progress.update(count)
        if progress is not None:
            progress.close()
        writer.end(tally)
    click.get_current_context().exit(reporter.status)


@click.command()
@click.argument("path", type=click.Path(exists=True, allow_dash=True))
@click.option(
    "--id",
    "wanted",
    metavar="ID",
    help="Explain only the request with this id, or from the sender with this name or profile address.",
)
@click.option(
    "--recheck",
    "rechecking",
    is_flag=True,
    help="Explain the re-check of connections (as relpolicy recheck makes it) instead: "
    "PATH is an export, --id a connection's profile address or name.",
)
@policy_options
@enable_option
@profiles_option
@format_option(
    ("text", "json"),
    "json: one object per request, with the request, the decision, the thresholds and the "
    "configuration file in force (null for none).",
)
@width_option
def explain(
    path: str,
    wanted: str | None,
    rechecking: bool,
    me: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
    enable: tuple[str, ...],
    profiles: str | None,
    output_format: str,
    width: int | None,
) -> None:
    """Explain decisions: every vote with its score, reason and evidence, the thresholds,
    the rules that failed, and the next steps.

    Explains every request in PATH (read as triage reads it; - for standard input), or
    only the one --id names, and says which configuration file is in force. Lines are
    wrapped to the terminal's width (or --width). With --recheck, explains how each
    connection of the export PATH (or the one --id names) was re-checked: every message
    they sent, its verdict, and the votes on the message that decided. Exit status as
    for triage; an --id that names no request (or connection) is a usage error (2).
    """
    if rechecking:
        if profiles is not None:
            raise click.UsageError("--profiles does not apply to a re-check")
        with warnings_on_stderr():
            policy = make_policy(me, config_path, disable, left_out=REQUEST_ONLY_RULES - set(enable))
            status = explain_recheck(path, wanted, policy, output_format)
        click.get_current_context().exit(status)
    if enable:
        raise click.UsageError("--enable applies only with --recheck")
    with warnings_on_stderr():
        policy, reporter, items = setup((path,), me, config_path, disable, profiles)
        if wanted is not None:
            items = (i for i in items if isinstance(i, RecordError) or request_matches(i, wanted))
        out = sys.stdout
        config, found = policy.config, 0
        width = width or width_of(out)
        configuration = config_in_force(config_path)
        count_written(lambda: found)
        for request, decision in decisions(policy, items, reporter):
            if output_format == "json":
                data = {
                    "request": request.to_dict(),
                    "decision": decision.to_dict(),
                    "thresholds": {"accept": config.accept_threshold, "decline": config.decline_threshold},
                    "configuration": None if configuration.path is None else str(configuration.path),
                }
                text = json.dumps(data, ensure_ascii=True)
            else:
                lines = explain_lines(
                    request, decision, config, width=width, configuration=configuration.describe()
                )
                text = "\n".join(["", *lines] if found else lines)
            with whole:
                click.echo(text, file=out, color=color())
                found += 1
    if wanted is not None and not found and not reporter.status:
        where = "standard input" if path == "-" else path
        raise UsageProblem(f"no request in {where} has the id, sender name or profile address {wanted!r}")
    click.get_current_context().exit(reporter.status)
