"""``relpolicy report``: the decisions as one self-contained HTML page."""

from __future__ import annotations

import contextlib
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

import click

from .._errors import RelpolicyError
from .._model import Request
from ..inputs import RecordError
from ._common import (
    Reporter,
    UsageProblem,
    config_in_force,
    decisions,
    policy_options,
    profiles_option,
    setup,
    warnings_on_stderr,
)
from ._exits import ExitStatus
from ._html import MissingJinja, Report, require_jinja
from ._output import printable


class PageProblem(click.ClickException):
    """The page could not be written: `ExitStatus.OUTPUT_ERROR`."""

    exit_code = ExitStatus.OUTPUT_ERROR


class _KeepingReporter(Reporter):
    """Reports unreadable records on stderr, as triage does, and keeps them for the page."""

    def __init__(self) -> None:
        super().__init__()
        self.kept: list[RecordError | tuple[Request, str]] = []

    def error(self, error: RecordError) -> None:
        super().error(error)
        self.kept.append(error)

    def failure(self, request: Request, exc: RelpolicyError) -> None:
        super().failure(request, exc)
        self.kept.append((request, str(exc)))


def _mode_for(path: Path) -> int:
    """The permissions *path* keeps if it exists, else those a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file beside it, so a failure leaves no half page.

    The file gets the permissions an ordinary write would give it (a temporary file is
    readable by its owner only).
    """
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True), metavar="PATH...")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="FILE.html",
    help="Where to write the page (replaced if it exists).",
)
@policy_options
@profiles_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Decide in N processes (when this version of relpolicy can).",
)
def report(
    paths: tuple[str, ...],
    output: Path,
    me: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
    profiles: str | None,
    workers: int,
) -> None:
    """Decide every request in PATH... and write them as one HTML page for a person.

    PATH is read as triage reads it. The page has a summary (how many were accepted,
    declined, left to review or not decided, and how each rule voted), one card per
    request grouped by verdict (to review first), with the note and headline, the
    pitch moves and reasons the votes quoted highlighted in place, every vote and the
    next steps; and the records that could not be read, with their file, line and
    problem. It is one file that needs no network, with filtering and search that run
    in the browser; without scripts every card shows.

    Needs the report extra: pip install 'relpolicy[report]'.

    Exit status: as for relpolicy (see relpolicy --help): 0 when every record was
    decided; 1 when some were not readable (each is reported on stderr and on the page,
    the others are still decided); 2 for a usage error, Jinja2 missing included; 74 when
    the page cannot be written.
    """
    try:
        require_jinja()
    except MissingJinja as exc:
        raise UsageProblem(str(exc)) from None
    with warnings_on_stderr():
        reporter = _KeepingReporter()
        policy, _, items = setup(paths, me, config_path, disable, profiles, reporter)
        recipient = policy.recipient
        page = Report(
            paths,
            recipient.name if recipient else None,
            config_in_force(config_path).describe(absolute=True),
            policy.rules,
        )
        for request, decision in decisions(policy, items, reporter, workers=workers):
            page.add(request, decision)
    for kept in reporter.kept:
        if isinstance(kept, RecordError):
            page.add_error(kept)
        else:
            page.add_failure(*kept)
    text = page.render(version=version("relpolicy"))
    try:
        write_atomically(output, text)
    except OSError as exc:
        raise PageProblem(f"{output}: cannot write: {exc.strerror or exc}") from None
    summary = f"relpolicy: wrote {printable(str(output))}: {page.decided} decided"
    if page.failed:
        summary += f", {page.failed} not decided"
    click.echo(summary + ".", err=True)
    click.get_current_context().exit(reporter.status)
