"""``relpolicy check-note``: review a connection note before it is sent."""

from __future__ import annotations

import json
import sys
import textwrap

import attrs
import click

from .._advice import NoteCheck, check_note
from ._common import (
    build_policy,
    color,
    config_option,
    disable_option,
    file_option,
    format_option,
    load_config,
    read_profile,
    warnings_on_stderr,
    width_of,
)
from ._output import printable, shorten


@click.command("check-note")
@click.argument("text", metavar="TEXT|-")
@file_option(
    "--me",
    help="Your profile, JSON or TOML (your headline is read too). "
    "Default: the configuration's [recipient], which is you.",
)
@file_option("--to", "to", help="The profile of the person you are writing to, JSON or TOML.")
@config_option
@disable_option
@format_option(("text", "json"))
def check_note_command(
    text: str,
    me: str | None,
    to: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
    output_format: str,
) -> None:
    """Review a connection note before you send it (TEXT, or - to read it from stdin).

    Following the advice "introduce yourself first and look to set up a time to have a
    conversation", it says what the note does and what to change: a missing
    introduction, no reason to connect, no proposal to talk, or a sales pitch.

    Exit status: 0 when nothing needs to change, 1 when something does, 2 for a usage error.
    """
    note = sys.stdin.read() if text == "-" else text
    with warnings_on_stderr():
        config = load_config(config_path)
        sender = read_profile(me) or (config.recipient if config else None)
        if config is not None:
            config = attrs.evolve(config, recipient=None)  # the configured recipient is you, the sender here
        policy = build_policy(None, config, disable)
        review = check_note(note, policy, sender=sender, recipient=read_profile(to))
    out = sys.stdout
    if output_format == "json":
        click.echo(json.dumps(review.to_dict(), ensure_ascii=True), file=out)
    else:
        for line in _review_lines(review, width_of(out)):
            click.echo(line, file=out, color=color())
    click.get_current_context().exit(0 if review.ok else 1)


def _review_lines(review: NoteCheck, width: int) -> list[str]:
    changes = sum(1 for a in review.advice if a.ok is False)
    head = (
        "The note is ready to send."
        if not changes
        else f"{changes} thing{'s' if changes > 1 else ''} to change:"
    )
    lines = [click.style(head, bold=True)]
    for advice in review.advice:
        mark = click.style("ok    ", fg="green") if advice.ok else click.style("change", fg="red", bold=True)
        message = textwrap.wrap(printable(advice.message), max(width - 24, 30)) or [""]
        lines.append(f"  {mark}  {advice.topic:<13} {message[0]}")
        lines.extend(" " * 24 + part for part in message[1:])
        if advice.evidence:
            quoted = ", ".join(f"\u201c{shorten(printable(e), 50)}\u201d" for e in advice.evidence[:2])
            lines.append(" " * 24 + shorten(("" if advice.ok else "found: ") + quoted, max(width - 24, 30)))
    decision = review.decision
    lines.append(
        f"The rules would decide a request with this note: {decision.verdict.value} ({decision.score:+.2f})."
    )
    return lines
