"""The ``relpolicy`` command: triage a backlog of connection requests from the shell.

Exit status, for every command: ``0`` when all went well, ``1`` when some input
records could not be read (each is reported on stderr as ``FILE:LINE: field: problem``,
and every other record is still decided), ``2`` for a usage error (a missing file, an
unknown option, format or rule, a configuration that is not valid).
"""

from __future__ import annotations

import contextlib
import inspect
import itertools
import json
import os
import sys
import textwrap
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

import attrs
import click

from ._builtin import BUILTIN_PLUGINS
from ._config import Config, find_config
from ._errors import RelpolicyError
from ._hints import close_matches
from ._model import Decision, Profile, Request
from ._note_review import NoteReview, review_note
from ._output import FORMATS, WRITERS, Tally, clip, explain_lines, pad, printable
from ._policy import Policy, plugin_name
from ._reading import read_requests
from ._records import InputError, RecordError
from ._senders import Senders, name_key, read_profiles, read_recipient, url_key

#: Inputs with more records than this show a progress count on a terminal's stderr.
PROGRESS_AFTER = 5000

_F = TypeVar("_F", bound=Callable[..., Any])
_T = TypeVar("_T")


class UsageProblem(click.ClickException):
    """A usage error that is not about the command line's syntax: exit status 2."""

    exit_code = 2


# -- shared options -------------------------------------------------------------------------


def _file_option(*names: str, help: str) -> Callable[[_F], _F]:
    """An option naming a file that must exist."""
    return click.option(*names, type=click.Path(exists=True, dir_okay=False), metavar="FILE", help=help)


def _format_option(choices: tuple[str, ...], help: str | None = None) -> Callable[[_F], _F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices, case_sensitive=False),
        default=choices[0],
        show_default=True,
        help=help,
    )


_config_option = _file_option(
    "--config",
    "config_path",
    help="A relpolicy.toml (or a pyproject.toml with [tool.relpolicy]). "
    "Default: the one in the current folder, if any.",
)
_disable_option = click.option(
    "--disable", multiple=True, metavar="RULE", help="Leave out the rule plugin RULE (repeatable)."
)
_me_option = _file_option(
    "--me",
    help="Your own profile, JSON or TOML (the recipient's profile; beats the "
    "configuration's [recipient] and a LinkedIn export's Profile.csv).",
)
_profiles_option = _file_option(
    "--profiles",
    help="What you know of senders: a .json or .jsonl file of profiles (with their "
    "profile address as url, and mutual_connections if you know it), filled in "
    "where a request lacks it.",
)


def _policy_options(command: _F) -> _F:
    return _me_option(_config_option(_disable_option(command)))


@contextlib.contextmanager
def _warnings_on_stderr() -> Iterator[None]:
    """Show each distinct warning once, as one line on stderr (a broken plugin is a warning)."""
    shown: set[str] = set()

    def show(message: Warning | str, category: type[Warning], *args: object, **kwargs: object) -> None:
        text = f"relpolicy: warning: {message}"
        if category.__module__.split(".")[0] != "relpolicy":
            text = f"relpolicy: warning: {category.__name__}: {message}"
        if text not in shown:
            shown.add(text)
            click.echo(text, err=True)

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        yield


def _load_config(config_path: str | None) -> Config | None:
    path = config_path or find_config(".")
    if path is None:
        return None
    try:
        return Config.from_file(path)
    except RelpolicyError as exc:
        raise UsageProblem(str(exc)) from None


def _read_profile(path: str | None) -> Profile | None:
    if path is None:
        return None
    try:
        return read_recipient(path)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None


def _build_policy(recipient: Profile | None, config: Config | None, disable: Iterable[str]) -> Policy:
    disable = tuple(disable)
    try:
        policy = Policy.default(recipient=recipient, config=config, disable=disable)
    except RelpolicyError as exc:
        raise UsageProblem(str(exc)) from None
    except Exception as exc:  # a plugin's configure hook that raises stops the policy being built
        message = f"a rule plugin failed while the rules were set up: {type(exc).__name__}: {exc}"
        raise click.ClickException(f"{message}; leave it out with --disable") from None
    known = [info.name for info in policy.plugins]
    for name in disable:
        if name not in known:
            close = close_matches(name, known, n=1)
            hint = (
                f"; did you mean {close[0]!r}?" if close else f"; the rules are: {', '.join(sorted(known))}"
            )
            raise click.BadParameter(f"no rule plugin is named {name!r}{hint}", param_hint="'--disable'")
    return policy


def _policy(me: str | None, config_path: str | None, disable: Iterable[str]) -> Policy:
    return _build_policy(_read_profile(me), _load_config(config_path), disable)


class _Reporter:
    """Reports unreadable records on stderr and counts what was decided."""

    def __init__(self) -> None:
        self.tally = Tally()

    def only_valid(self, items: Iterable[_T | RecordError]) -> Iterator[_T]:
        """The records of *items*, reporting the errors among them on the way."""
        for item in items:
            if isinstance(item, RecordError):
                self.error(item)
            else:
                yield item

    def error(self, error: RecordError) -> None:
        self.tally.invalid += 1
        for line in error.lines():
            click.echo(line, err=True)

    def failure(self, request: Request, exc: RelpolicyError) -> None:
        self.tally.invalid += 1
        click.echo(f"{request.id or printable(request.sender.name or '?')}: {exc}", err=True)

    @property
    def status(self) -> int:
        return 1 if self.tally.invalid else 0


def _senders(path: str | None, reporter: _Reporter) -> Senders | None:
    if path is None:
        return None
    try:
        entries = read_profiles(path)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    return Senders(reporter.only_valid(entries))


def _inputs(
    paths: Iterable[str], senders: Senders | None, *, export_recipient: bool
) -> Iterator[Request | RecordError]:
    streams = []
    for path in paths:  # open every input first: a usage error before any output
        try:
            streams.append(read_requests(path, senders=senders, export_recipient=export_recipient))
        except InputError as exc:
            raise UsageProblem(str(exc)) from None
    return itertools.chain.from_iterable(streams)


def _setup(
    paths: Iterable[str],
    me: str | None,
    config_path: str | None,
    disable: Iterable[str],
    profiles: str | None,
) -> tuple[Policy, _Reporter, Iterator[Request | RecordError]]:
    """The policy, a reporter, and the records of *paths*: what triage and explain start from."""
    policy = _policy(me, config_path, disable)
    reporter = _Reporter()
    senders = _senders(profiles, reporter)
    return policy, reporter, _inputs(paths, senders, export_recipient=policy.recipient is None)


def _takes_workers(policy: Policy) -> bool:
    try:
        return "workers" in inspect.signature(policy.decide_many).parameters
    except (TypeError, ValueError):  # pragma: no cover - decide_many is a plain method
        return False


def decisions(
    policy: Policy, items: Iterable[Request | RecordError], reporter: _Reporter, *, workers: int = 1
) -> Iterator[tuple[Request, Decision]]:
    """Decide each request of *items* in order, reporting the errors among them on the way."""
    if workers > 1 and _takes_workers(policy):
        pending: deque[Request] = deque()

        def requests() -> Iterator[Request]:
            for request in reporter.only_valid(items):
                pending.append(request)
                yield request

        decide_many: Callable[..., Iterator[Decision]] = policy.decide_many
        try:
            for decision in decide_many(requests(), workers=workers):
                yield pending.popleft(), decision
        except RelpolicyError as exc:  # a failing rule in `strict` mode stops the workers
            raise click.ClickException(str(exc)) from None
        return
    if workers > 1:
        click.echo("relpolicy: this version decides in one process; --workers is ignored", err=True)
    decide = policy.decide
    for request in reporter.only_valid(items):
        try:
            decision = decide(request)
        except RelpolicyError as exc:  # a failing rule in `strict` mode
            reporter.failure(request, exc)
            continue
        yield request, decision


class Progress:
    """A count of decided requests on stderr, shown once an input passes *after* records.

    Args:
        stream: Where to write (a terminal).
        after: How many records before the count shows.
        every: How often it is updated.
    """

    def __init__(self, stream: TextIO, *, after: int = PROGRESS_AFTER, every: int = 1000) -> None:
        self.stream = stream
        self.after = after
        self.every = every
        self._shown = 0

    def update(self, count: int) -> None:
        """Note that *count* requests have been decided."""
        if count >= self.after and count % self.every == 0:
            text = f"\rrelpolicy: {count:,} requests decided\u2026"
            self.stream.write(text)
            self.stream.flush()
            self._shown = len(text)

    def close(self) -> None:
        """Wipe the count off the line."""
        if self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(out: TextIO) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return max(int(columns), 60)
    if _isatty(out):
        return max(os.get_terminal_size(out.fileno()).columns, 60)
    return 80


def _color() -> bool | None:
    """``False`` when ``NO_COLOR`` is set; else let click colour only a terminal."""
    return False if os.environ.get("NO_COLOR") else None


# -- the commands ---------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="relpolicy", prog_name="relpolicy")
def cli() -> None:
    """Decide whether to accept connection requests, by letting rule plugins vote.

    Start with "relpolicy triage examples/requests.jsonl", or point triage at the
    folder (or .zip) of your LinkedIn data export. "relpolicy explain" shows why a
    request was decided as it was.

    Exit status: 0 when every record was decided; 1 when some input records were not
    readable (each is reported on stderr as FILE:LINE: field: problem, and every other
    record is still decided and printed); 2 for a usage error.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True), metavar="PATH...")
@_policy_options
@_profiles_option
@_format_option(
    FORMATS,
    "table: one aligned row per request, for people. json: an array of decisions. "
    "jsonl: one decision per line. csv: a header row, then one row per request.",
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
    workers: int,
) -> None:
    """Decide every request in PATH... and print one row per request.

    PATH is a .json file (one request or an array of them), a .jsonl file (one per
    line), or a LinkedIn data export: its folder, its .zip, or its Invitations.csv, of
    which the INCOMING invitations are decided. Files are read as streams: a file of
    a million requests takes little memory.

    The person deciding is, first, --me; else the configuration's [recipient]; else the
    export's Profile.csv. A request without an id is given FILE:LINE as its id.

    Exit status: 0 when every record was decided; 1 when some were not readable (each
    is reported on stderr as FILE:LINE: field: problem, the others are still decided and
    printed); 2 for a usage error.
    """
    with _warnings_on_stderr():
        policy, reporter, items = _setup(paths, me, config_path, disable, profiles)
        out = sys.stdout
        err = sys.stderr
        writer = WRITERS[output_format](out, width=_width(out), color=_color())
        progress = Progress(err) if _isatty(err) and not _isatty(out) else None
        writer.begin()
        tally = reporter.tally
        for count, (request, decision) in enumerate(decisions(policy, items, reporter, workers=workers), 1):
            tally.verdicts[decision.verdict] += 1
            writer.write(request, decision)
            if progress is not None:
                progress.update(count)
        if progress is not None:
            progress.close()
        writer.end(tally)
    click.get_current_context().exit(reporter.status)


def _matches(request: Request, wanted: str) -> bool:
    if request.id == wanted:
        return True
    sender = request.sender
    if sender.url and url_key(sender.url) == url_key(wanted):
        return True
    return bool(sender.name) and name_key(sender.name or "") == name_key(wanted)


@cli.command()
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--id",
    "wanted",
    metavar="ID",
    help="Explain only the request with this id, or from the sender with this name or profile address.",
)
@_policy_options
@_profiles_option
@_format_option(
    ("text", "json"), "json: one object per request, with the request, the decision and the thresholds."
)
def explain(
    path: str,
    wanted: str | None,
    me: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
    profiles: str | None,
    output_format: str,
) -> None:
    """Explain decisions: every vote with its score, reason and evidence, the thresholds,
    the rules that failed, and the next steps.

    Explains every request in PATH (read as triage reads it), or only the one --id
    names. Exit status as for triage; an --id that names no request is a usage error (2).
    """
    with _warnings_on_stderr():
        policy, reporter, items = _setup((path,), me, config_path, disable, profiles)
        if wanted is not None:
            items = (i for i in items if isinstance(i, RecordError) or _matches(i, wanted))
        out = sys.stdout
        config, width, found = policy.config, _width(out), 0
        for request, decision in decisions(policy, items, reporter):
            found += 1
            if output_format == "json":
                data = {
                    "request": request.to_dict(),
                    "decision": decision.to_dict(),
                    "thresholds": {"accept": config.accept_threshold, "decline": config.decline_threshold},
                }
                click.echo(json.dumps(data, ensure_ascii=True), file=out)
                continue
            if found > 1:
                click.echo(file=out)
            for line in explain_lines(request, decision, config, width=width):
                click.echo(line, file=out, color=_color())
    if wanted is not None and not found and not reporter.status:
        raise UsageProblem(f"no request in {path} has the id, sender name or profile address {wanted!r}")
    click.get_current_context().exit(reporter.status)


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


@cli.command()
@_format_option(("table", "json"))
@click.option("--all", "show_all", is_flag=True, help="Also list relpolicy's own built-in plugins.")
@_file_option("--config", "config_path", help="A configuration to apply (it can disable rules).")
@click.option("--disable", multiple=True, metavar="RULE", help="Show RULE as disabled (repeatable).")
def plugins(output_format: str, show_all: bool, config_path: str | None, disable: tuple[str, ...]) -> None:
    """List the installed rule plugins: name, distribution, version, hooks, and whether enabled.

    A plugin that fails to load is listed with the error (and a warning), never a crash.
    """
    with _warnings_on_stderr():
        policy = _build_policy(None, _load_config(config_path), disable)
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
        click.echo(line, file=out, color=_color())
        if row["error"]:
            click.echo(f"    failed to load: {printable(row['error'])}", file=out)


def check_note_review(
    note: str, policy: Policy, *, sender: Profile | None, recipient: Profile | None
) -> NoteReview:
    """Review *note*: the one place ``check-note`` asks the rules what they make of it."""
    return review_note(note, policy, sender=sender, recipient=recipient)


@cli.command("check-note")
@click.argument("text", metavar="TEXT|-")
@_file_option(
    "--me",
    help="Your profile, JSON or TOML (your headline is read too). "
    "Default: the configuration's [recipient], which is you.",
)
@_file_option("--to", "to", help="The profile of the person you are writing to, JSON or TOML.")
@_config_option
@_disable_option
@_format_option(("text", "json"))
def check_note(
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
    with _warnings_on_stderr():
        config = _load_config(config_path)
        sender = _read_profile(me) or (config.recipient if config else None)
        if config is not None:
            config = attrs.evolve(config, recipient=None)  # the configured recipient is you, the sender here
        policy = _build_policy(None, config, disable)
        review = check_note_review(note, policy, sender=sender, recipient=_read_profile(to))
    out = sys.stdout
    if output_format == "json":
        click.echo(json.dumps(review.to_dict(), ensure_ascii=True), file=out)
    else:
        for line in _review_lines(review, _width(out)):
            click.echo(line, file=out, color=_color())
    click.get_current_context().exit(0 if review.ok else 1)


def _review_lines(review: NoteReview, width: int) -> list[str]:
    changes = sum(1 for a in review.advice if a.ok is False)
    head = (
        "The note is ready to send."
        if not changes
        else f"{changes} thing{'s' if changes > 1 else ''} to change:"
    )
    lines = [click.style(head, bold=True)]
    for advice in review.advice:
        if advice.ok is None:
            mark = click.style("skip  ", dim=True)
        elif advice.ok:
            mark = click.style("ok    ", fg="green")
        else:
            mark = click.style("change", fg="red", bold=True)
        message = textwrap.wrap(printable(advice.message), max(width - 24, 30)) or [""]
        lines.append(f"  {mark}  {advice.topic:<13} {message[0]}")
        lines.extend(" " * 24 + part for part in message[1:])
        if advice.evidence:
            quoted = ", ".join(f"\u201c{clip(printable(e), 50)}\u201d" for e in advice.evidence[:2])
            lines.append(" " * 24 + clip(("" if advice.ok else "found: ") + quoted, max(width - 24, 30)))
    decision = review.decision
    lines.append(
        f"The rules would decide a request with this note: {decision.verdict.value} ({decision.score:+.2f})."
    )
    return lines


def main() -> None:
    """Run the ``relpolicy`` command."""
    cli(prog_name="relpolicy")
