"""What the commands share: options, building the policy, reporting bad records, deciding."""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO, TypeVar

import attrs
import click

from .._config import Config, find_config
from .._errors import RelpolicyError
from .._hints import close_matches
from .._model import Decision, Profile, Request
from .._policy import Policy
from ..inputs import InputError, RecordError, Senders, read_profiles, read_recipient, read_requests
from ..inputs._json import stream_requests
from ..inputs._senders import name_key, url_key
from ._exits import ExitStatus, PluginFailed
from ._output import Tally, printable

PROGRESS_AFTER = 5000

_F = TypeVar("_F", bound=Callable[..., Any])
_T = TypeVar("_T")


class UsageProblem(click.ClickException):
    """A usage error that is not about the command line's syntax: exit status 2."""

    exit_code = ExitStatus.USAGE

    def format_message(self) -> str:
        """The message, safe for a terminal (it may quote a file's content)."""
        return printable(self.message)


# -- shared options -------------------------------------------------------------------------


def file_option(*names: str, help: str) -> Callable[[_F], _F]:
    """An option naming a file that must exist."""
    return click.option(*names, type=click.Path(exists=True, dir_okay=False), metavar="FILE", help=help)


def format_option(choices: tuple[str, ...], help: str | None = None) -> Callable[[_F], _F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices, case_sensitive=False),
        default=choices[0],
        show_default=True,
        help=help,
    )


config_option = file_option(
    "--config",
    "config_path",
    help="A relpolicy.toml (or a pyproject.toml with [tool.relpolicy]). "
    "Default: the one in the current folder, if any.",
)
disable_option = click.option(
    "--disable", multiple=True, metavar="RULE", help="Leave out the rule plugin RULE (repeatable)."
)
me_option = file_option(
    "--me",
    help="Your own profile, JSON or TOML (the recipient's profile; beats the "
    "configuration's [recipient] and a LinkedIn export's Profile.csv).",
)
profiles_option = file_option(
    "--profiles",
    help="What you know of senders: a .json or .jsonl file of profiles (with their "
    "profile address as url, and mutual_connections if you know it), filled in "
    "where a request lacks it.",
)


width_option = click.option(
    "--width",
    type=click.IntRange(min=40),
    metavar="N",
    help="Lay the text out in N columns. Default: the terminal's width, else $COLUMNS, else 80.",
)


def policy_options(command: _F) -> _F:
    return me_option(config_option(disable_option(command)))


@contextlib.contextmanager
def warnings_on_stderr() -> Iterator[None]:
    """Show each distinct warning once, as one line on stderr (a broken plugin is a warning)."""
    shown: set[str] = set()

    def show(message: Warning | str, category: type[Warning], *args: object, **kwargs: object) -> None:
        text = f"relpolicy: warning: {printable(str(message))}"
        if category.__module__.split(".")[0] != "relpolicy":
            text = f"relpolicy: warning: {category.__name__}: {printable(str(message))}"
        if text not in shown:
            shown.add(text)
            click.echo(text, err=True)

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        yield


@attrs.frozen
class ConfigInForce:
    """Which configuration file decides: the one named with ``--config``, else the one
    found in the current folder, else none (the defaults)."""

    #: The file, ``None`` when there is none.
    path: Path | None
    #: Whether it was named with ``--config`` (rather than found).
    given: bool = False

    def describe(self, *, absolute: bool = False) -> str:
        """The configuration in words, such as ``relpolicy.toml (found in the current folder)``."""
        if self.path is None:
            return "none, the defaults (no --config, no relpolicy.toml in the current folder)"
        path = self.path.resolve() if absolute else self.path
        how = "--config" if self.given else "found in the current folder"
        return f"{printable(str(path))} ({how})"


def config_in_force(config_path: str | None) -> ConfigInForce:
    """The configuration file that `load_config` reads for *config_path*."""
    if config_path:
        return ConfigInForce(Path(config_path), given=True)
    return ConfigInForce(find_config("."))


def load_config(config_path: str | None) -> Config | None:
    path = config_in_force(config_path).path
    if path is None:
        return None
    try:
        return Config.from_file(path)
    except RelpolicyError as exc:
        raise UsageProblem(str(exc)) from None


def read_profile(path: str | None) -> Profile | None:
    if path is None:
        return None
    try:
        return read_recipient(path)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None


def build_policy(
    recipient: Profile | None, config: Config | None, disable: Iterable[str], *, left_out: Iterable[str] = ()
) -> Policy:
    """`Policy.default` without the rules named in *disable* (each must exist) and *left_out*."""
    disable = tuple(disable)
    try:
        policy = Policy.default(
            recipient=recipient, config=config, disable=tuple(dict.fromkeys((*disable, *left_out)))
        )
    except RelpolicyError as exc:
        raise UsageProblem(str(exc)) from None
    except Exception as exc:  # a plugin's configure hook that raises stops the policy being built
        message = f"a rule plugin failed while the rules were set up: {type(exc).__name__}: {exc}"
        raise PluginFailed(printable(f"{message}; leave it out with --disable")) from None
    known = [info.name for info in policy.plugins]
    for name in disable:
        if name not in known:
            close = close_matches(name, known, n=1)
            hint = (
                f"; did you mean {close[0]!r}?" if close else f"; the rules are: {', '.join(sorted(known))}"
            )
            raise click.BadParameter(f"no rule plugin is named {name!r}{hint}", param_hint="'--disable'")
    return policy


def make_policy(
    me: str | None, config_path: str | None, disable: Iterable[str], *, left_out: Iterable[str] = ()
) -> Policy:
    """The policy of the options ``--me``, ``--config`` and ``--disable``."""
    return build_policy(read_profile(me), load_config(config_path), disable, left_out=left_out)


def request_matches(request: Request, wanted: str) -> bool:
    """Whether *wanted* is the id of *request*, or its sender's name or profile address."""
    if request.id == wanted:
        return True
    sender = request.sender
    if sender.url and url_key(sender.url) == url_key(wanted):
        return True
    return bool(sender.name) and name_key(sender.name or "") == name_key(wanted)


class Reporter:
    """Reports unreadable records on stderr and counts what was decided."""

    def __init__(self) -> None:
        self.tally = Tally()
        #: How many requests a rule failed on in ``strict`` mode.
        self.failures = 0

    def only_valid(self, items: Iterable[_T | RecordError]) -> Iterator[_T]:
        """The records of *items*, reporting the errors among them on the way."""
        for item in items:
            if isinstance(item, RecordError):
                self.error(item)
            else:
                yield item

    def error(self, error: RecordError) -> None:
        """Report a record that could not be read, one line per problem, safe for a terminal."""
        self.tally.invalid += 1
        for line in error.lines():
            click.echo(printable(line), err=True)

    def failure(self, request: Request, exc: RelpolicyError) -> None:
        """Report a request that a rule failed on, in ``strict`` mode, and count it as not decided."""
        self.tally.invalid += 1
        self.failures += 1
        where = request.extra.get("source")
        name = request.id or request.sender.name or "?"
        if isinstance(where, str) and where != name:
            name = f"{name} ({where})"
        click.echo(printable(f"{name}: {exc}"), err=True)

    @property
    def status(self) -> int:
        """The exit status: `ExitStatus.PLUGIN_FAILED` when a rule failed in ``strict`` mode,
        else `ExitStatus.INVALID_RECORDS` when some records were not readable."""
        if self.failures:
            return ExitStatus.PLUGIN_FAILED
        return ExitStatus.INVALID_RECORDS if self.tally.invalid else ExitStatus.OK


def known_senders(path: str | None, reporter: Reporter) -> Senders | None:
    if path is None:
        return None
    try:
        entries = read_profiles(path)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    return Senders(reporter.only_valid(entries))


#: The name standard input goes by, in messages and in the ids of its requests.
STDIN = "<stdin>"


def inputs(
    paths: Iterable[str], senders: Senders | None, *, export_recipient: bool
) -> Iterator[Request | RecordError]:
    """The records of *paths*, each opened once, all before any is read (a usage error
    comes before any output); ``-`` is standard input, read as JSON Lines. The files are
    closed when the command ends, however it ends."""
    streams: list[Iterator[Request | RecordError]] = []

    def close_all() -> None:
        for opened in streams:
            close = getattr(opened, "close", None)
            if close is not None:
                close()

    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(close_all)
    for path in paths:
        if path == "-":
            stdin = sys.stdin.buffer
            streams.append(stream_requests(stdin, STDIN, senders=senders, owned=False))
            continue
        try:
            streams.append(read_requests(path, senders=senders, export_recipient=export_recipient))
        except InputError as exc:
            close_all()
            raise UsageProblem(str(exc)) from None
    return itertools.chain.from_iterable(streams)


def setup(
    paths: Iterable[str],
    me: str | None,
    config_path: str | None,
    disable: Iterable[str],
    profiles: str | None,
    reporter: Reporter | None = None,
) -> tuple[Policy, Reporter, Iterator[Request | RecordError]]:
    """The policy, a reporter (*reporter*, else a new one), and the records of *paths*:
    what triage, explain and report start from."""
    policy = make_policy(me, config_path, disable)
    reporter = reporter or Reporter()
    senders = known_senders(profiles, reporter)
    return policy, reporter, inputs(paths, senders, export_recipient=policy.recipient is None)


def decisions(
    policy: Policy, items: Iterable[Request | RecordError], reporter: Reporter, *, workers: int = 1
) -> Iterator[tuple[Request, Decision]]:
    """Decide each request of *items* in order, reporting the errors among them on the way.

    In one process, a request a rule fails on in ``strict`` mode is reported and the
    others are decided (`Reporter.status` is then `ExitStatus.PLUGIN_FAILED`).

    Raises:
        PluginFailed: With workers, a rule failed in ``strict`` mode, or the worker
            processes could not build the policy: the command stops there.
    """
    if workers == 1:
        decide = policy.decide
        for request in reporter.only_valid(items):
            try:
                decision = decide(request)
            except RelpolicyError as exc:  # a failing rule in `strict` mode
                reporter.failure(request, exc)
                continue
            yield request, decision
        return
    pending: deque[Request] = deque()

    def requests() -> Iterator[Request]:
        for request in reporter.only_valid(items):
            pending.append(request)
            yield request

    decide_many: Callable[..., Iterator[Decision]] = policy.decide_many
    decided = decide_many(requests(), workers=workers)
    try:
        for decision in decided:
            yield pending.popleft(), decision
    except RelpolicyError as exc:  # a failing rule in `strict` mode
        raise PluginFailed(printable(str(exc))) from None
    finally:  # at once, so that worker processes stop with the command
        close = getattr(decided, "close", None)
        if close is not None:
            close()


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


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def width_of(out: TextIO) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return max(int(columns), 60)
    if isatty(out):
        return max(os.get_terminal_size(out.fileno()).columns, 60)
    return 80


def color() -> bool | None:
    """``False`` when ``NO_COLOR`` is set; else let click colour only a terminal."""
    return False if os.environ.get("NO_COLOR") else None
