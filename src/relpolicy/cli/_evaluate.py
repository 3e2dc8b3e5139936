"""``relpolicy evaluate`` and ``relpolicy fit``: a policy measured on labelled requests,
and its numbers fitted to them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import click

from .._config import _toml, find_config
from .._fit import Evaluation, Labelled, evaluate, fit, read_labelled
from .._model import Verdict
from .._policy import Policy
from ..inputs import RecordError
from ._common import (
    UsageProblem,
    build_policy,
    config_option,
    disable_option,
    format_option,
    load_config,
    me_option,
    read_profile,
    warnings_on_stderr,
)
from ._toml import dumps

_PATHS = click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    metavar="LABELLED.jsonl...",
)


@click.command(name="evaluate")
@_PATHS
@me_option
@config_option
@disable_option
@format_option(("table", "json"), help="table: for a person; json: the figures, for a program.")
def evaluate_command(
    paths: tuple[str, ...],
    me: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
    output_format: str,
) -> None:
    """How the policy's verdicts agree with labelled requests.

    Each line of LABELLED.jsonl is a request in its JSON form with a "label" of
    accept, decline or review (and, if you like, a "category" to count agreement by).
    Prints the agreement, the verdicts given to each label, the agreement by category,
    and for each rule how often it voted and how often its vote leaned the way of the
    label. Lines that are not labelled requests are reported on stderr (exit status 1).
    """
    with warnings_on_stderr():
        policy = build_policy(read_profile(me), load_config(config_path), disable)
        labelled, invalid = _read(paths)
        found = evaluate(policy.decide, labelled)
    if output_format == "json":
        click.echo(json.dumps(found.to_dict(), indent=2))
    else:
        click.echo(describe(found))
    sys.exit(1 if invalid else 0)


@click.command(name="fit")
@_PATHS
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    metavar="FILE",
    help="Write the fitted relpolicy.toml here (default: standard output).",
)
@me_option
@config_option
@disable_option
def fit_command(
    paths: tuple[str, ...],
    output: str | None,
    me: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
) -> None:
    """Fit the rules' weights and the thresholds to labelled requests.

    Starts from the configuration (--config, or the relpolicy.toml here) and chooses
    the numbers each rule declares tunable, the weight of each rule that declares
    none, and the two thresholds, so that the verdicts agree with the labels;
    declining a request labelled accept costs ten times a disagreement of one step.
    Writes the whole configuration, with the fitted numbers, as a relpolicy.toml.
    Use a few hundred labelled requests of every label; check the result with
    "relpolicy evaluate" on requests it was not fitted to.
    """
    with warnings_on_stderr():
        recipient = read_profile(me)
        config = load_config(config_path)
        build_policy(recipient, config, disable)  # (a bad configuration is a usage error here)
        base = _raw_config(config_path)
        labelled, invalid = _read(paths)
        if not labelled:
            raise UsageProblem("no labelled requests to fit to")

        def make_policy(mapping: Mapping[str, Any]) -> Policy:
            return Policy.default(recipient=recipient, config=mapping, disable=disable)

        result = fit(make_policy, base, labelled, progress=lambda line: click.echo(line, err=True))
    header = (
        f"Fitted by relpolicy fit to {result.after.total} labelled requests: agreement "
        f"{result.before.agreement:.1%} before, {result.after.agreement:.1%} after."
    )
    text = dumps(result.config, comment=header)
    if output is None:
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"relpolicy: wrote {output}", err=True)
    click.echo(f"relpolicy: {header}", err=True)
    sys.exit(1 if invalid else 0)


def _read(paths: Iterable[str]) -> tuple[list[Labelled], int]:
    """The labelled requests of *paths*, and how many lines were not; each of those is
    reported on stderr as FILE:LINE: field: problem."""
    labelled: list[Labelled] = []
    invalid = 0
    for path in paths:
        try:
            for line, item in read_labelled(path):
                if isinstance(item, Labelled):
                    labelled.append(item)
                    continue
                invalid += 1
                for message in RecordError(path, line, item.problems).lines():
                    click.echo(message, err=True)
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageProblem(f"{path}: cannot read: {exc}") from None
    return labelled, invalid


def _raw_config(config_path: str | None) -> dict[str, Any]:
    """The configuration file's table as written (already validated), or an empty one."""
    path = Path(config_path) if config_path else find_config(".")
    if path is None:
        return {}
    tomllib = _toml()
    with path.open("rb") as file:
        data: dict[str, Any] = tomllib.load(file)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("relpolicy", {})
    return data


def describe(found: Evaluation) -> str:
    """*found* as a few small tables for a person."""
    if not found.total:
        return "No labelled requests."
    lines = [
        f"Agreement: {found.agreed} of {found.total} ({found.agreement:.1%}); cost of the disagreements: "
        f"{found.cost:g}",
        "",
        f"{'labelled':<16}{'accept':>8}{'review':>8}{'decline':>8}   (the verdicts given)",
    ]
    for label in (Verdict.ACCEPT, Verdict.REVIEW, Verdict.DECLINE):
        counts = [
            found.confusion.get((label, verdict), 0)
            for verdict in (Verdict.ACCEPT, Verdict.REVIEW, Verdict.DECLINE)
        ]
        if any(counts):
            lines.append(f"{label.value:<16}" + "".join(f"{count:>8}" for count in counts))
    if found.categories:
        lines += ["", f"{'category':<24}{'agreed':>8}{'of':>6}"]
        for name, (agreed, total) in sorted(found.categories.items()):
            lines.append(f"{name[:24]:<24}{agreed:>8}{total:>6}")
    lines += ["", f"{'rule':<24}{'voted':>7}{'right':>7}{'wrong':>7}{'vetoes':>8}"]
    for name, hits in sorted(found.rules.items()):
        lines.append(f"{name[:24]:<24}{hits.voted:>7}{hits.right:>7}{hits.wrong:>7}{hits.vetoes:>8}")
    return "\n".join(lines)
