"""``relpolicy diff``: what a change of configuration changes, request by request.

Two ways in: replay requests under two configurations (``--old-config``,
``--new-config``), or compare two saved ``triage --format jsonl`` outputs. Either way
only the requests whose verdict changes are listed, with the votes that differ.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import math
import sys
from collections import Counter
from collections.abc import Generator, Iterable, Iterator, Mapping
from typing import Any, TextIO, cast

import attrs
import click

from .._errors import InvalidRequest, Problem, RelpolicyError
from .._model import Decision, Request
from .._policy import Policy
from ..inputs import InputError, RecordError
from ..inputs._records import built, open_binary, value_reader
from ._common import (
    Reporter,
    UsageProblem,
    build_policy,
    color,
    disable_option,
    file_option,
    format_option,
    inputs,
    known_senders,
    load_config,
    me_option,
    profiles_option,
    read_profile,
    warnings_on_stderr,
    width_of,
)
from ._output import VERDICT_COLORS, csv_cell, pad, printable, shorten, write_text

FORMATS = ("table", "jsonl", "csv")
_VERDICTS = ("accept", "decline", "review")
_COLORS = {verdict.value: color for verdict, color in VERDICT_COLORS.items()}
#: The columns of ``--format csv``.
CSV_COLUMNS = ("id", "old", "new", "old_score", "new_score", "votes")


@attrs.frozen
class Side:
    """One request's decision on one side of the comparison, as its JSON form gives it."""

    verdict: str
    score: float
    #: The votes' JSON forms.
    votes: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def of(cls, decision: Decision) -> Side:
        """The side of a decision just made."""
        data = decision.to_dict()
        return cls(data["verdict"], data["score"], tuple(data["votes"]))


@attrs.frozen
class Change:
    """A request whose verdict changed, or that only one side has (``None`` on the other)."""

    id: str
    old: Side | None
    new: Side | None
    #: Who sent the request, when the requests were read (not from saved decisions).
    name: str | None = None

    def vote_changes(self) -> list[dict[str, Any]]:
        """Each rule whose vote differs: ``{"rule", "old", "new"}``, ``None`` where it abstained."""
        old = _by_rule(self.old.votes if self.old else ())
        new = _by_rule(self.new.votes if self.new else ())
        changes = []
        for rule in dict.fromkeys((*old, *new)):
            before, after = old.get(rule), new.get(rule)
            if before != after:
                changes.append({"rule": rule, "old": before, "new": after})
        return changes

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``id``, ``old`` and ``new`` verdicts, the two scores, the votes that differ."""
        return {
            "id": self.id,
            "old": self.old.verdict if self.old else None,
            "new": self.new.verdict if self.new else None,
            "old_score": self.old.score if self.old else None,
            "new_score": self.new.score if self.new else None,
            "votes": self.vote_changes(),
        }


def _by_rule(votes: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The votes by rule; a rule that voted twice keeps both, as a list."""
    found: dict[str, Any] = {}
    for vote in votes:
        rule = str(vote.get("rule"))
        if rule in found:
            held = found[rule]
            found[rule] = [*held, dict(vote)] if isinstance(held, list) else [held, dict(vote)]
        else:
            found[rule] = dict(vote)
    return found


def _vote_text(vote: Any) -> str:
    if vote is None:
        return "abstains"
    if isinstance(vote, list):
        return " + ".join(_vote_text(v) for v in vote)
    return f"{float(vote.get('score', 0.0)):+.2f}{' veto' if vote.get('veto') else ''}"


def change_text(change: Mapping[str, Any]) -> str:
    """One vote change for people: ``hard-sell -2.00 veto → abstains``."""
    before, after = _vote_text(change["old"]), _vote_text(change["new"])
    if before == after:
        after += " (reason or evidence)"
    return f"{change['rule']} {before} \u2192 {after}"


@attrs.define
class DiffTally:
    """How many requests changed verdict, how, and how many did not."""

    moves: Counter[tuple[str | None, str | None]] = attrs.field(factory=Counter)
    unchanged: int = 0
    invalid: int = 0

    def summary(self) -> str:
        """One line, such as ``2 of 10 requests change verdict (2 decline → review); 8 unchanged.``"""
        changed = sum(n for (old, new), n in self.moves.items() if old and new)
        total = changed + self.unchanged
        moves = ", ".join(
            f"{n} {old} \u2192 {new}" for (old, new), n in sorted(self.moves.items(), key=str) if old and new
        )
        text = f"{changed} of {total} request{'' if total == 1 else 's'} change verdict"
        if moves:
            text += f" ({moves})"
        text += f"; {self.unchanged} unchanged"
        only_old = sum(n for (old, new), n in self.moves.items() if not new)
        only_new = sum(n for (old, new), n in self.moves.items() if not old)
        if only_old:
            text += f"; {only_old} only in the old"
        if only_new:
            text += f"; {only_new} only in the new"
        if self.invalid:
            text += f"; {self.invalid} record{'' if self.invalid == 1 else 's'} not readable (see the errors)"
        return text + "."


class DiffWriter:
    """Writes changes to a text stream, one at a time."""

    def __init__(self, out: TextIO, *, width: int = 80, color: bool | None = None) -> None:
        self.out = out
        self.width = width
        self.color = color

    def begin(self) -> None:
        """Write what comes before the first change."""

    def write(self, change: Change) -> None:
        """Write one change."""
        write_text(self.out, self.render(change))

    def render(self, change: Change) -> str:
        """The text of one change."""
        raise NotImplementedError

    def end(self, tally: DiffTally) -> None:
        """Write what comes after the last change; the summary goes to stderr."""
        self.out.flush()
        click.echo(tally.summary(), err=True)


_ARROW_HEADER = "OLD \u2192 NEW"


def _score(side: Side | None) -> str:
    return f"{side.score:+.2f}" if side else "-"


class TableWriter(DiffWriter):
    """One aligned row per change: the request, old and new verdicts and scores, the votes that differ."""

    NAME = 22
    VERDICTS = 18
    SCORES = 14

    def begin(self) -> None:
        """Write the header row."""
        header = (
            f"{'REQUEST':<{self.NAME}}  {_ARROW_HEADER:<{self.VERDICTS}}  "
            f"{'SCORES':<{self.SCORES}}  VOTES THAT DIFFER"
        )
        click.echo(click.style(header, bold=True), file=self.out, color=self.color)

    def write(self, change: Change) -> None:
        """Write one row, with the new verdict in colour on a terminal."""
        old = change.old.verdict if change.old else "-"
        new = change.new.verdict if change.new else "-"
        moved = f"{old} \u2192 " + click.style(new, fg=_COLORS.get(new))
        moved += " " * max(self.VERDICTS - len(old) - 3 - len(new), 0)
        scores = f"{_score(change.old)} \u2192 {_score(change.new)}"
        rest = max(self.width - self.NAME - self.VERDICTS - self.SCORES - 6, 16)
        votes = "; ".join(change_text(c) for c in change.vote_changes()) or "(the same votes)"
        line = (
            f"{pad(printable(change.name or change.id), self.NAME)}  {moved}  "
            f"{scores:<{self.SCORES}}  {shorten(printable(votes), rest)}"
        )
        click.echo(line, file=self.out, color=self.color)

    def end(self, tally: DiffTally) -> None:
        """Write the summary line."""
        click.echo(click.style(tally.summary(), dim=True), file=self.out, color=self.color)


class JsonLinesWriter(DiffWriter):
    """One change per line, in its JSON form (see `Change.to_dict`)."""

    def render(self, change: Change) -> str:
        """A line of JSON."""
        return json.dumps(change.to_dict(), ensure_ascii=False) + "\n"


class CsvWriter(DiffWriter):
    """A header row, then one row per change (see `CSV_COLUMNS`)."""

    def __init__(self, out: TextIO, *, width: int = 80, color: bool | None = None) -> None:
        super().__init__(out, width=width, color=color)
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\n")

    def _line(self, cells: Iterable[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(cells)
        return self._buffer.getvalue()

    def begin(self) -> None:
        """Write the header row."""
        self.out.write(self._line(CSV_COLUMNS))

    def render(self, change: Change) -> str:
        """One CSV row."""
        data = change.to_dict()
        return self._line(
            (
                csv_cell(data["id"]),
                data["old"] or "",
                data["new"] or "",
                "" if data["old_score"] is None else repr(data["old_score"]),
                "" if data["new_score"] is None else repr(data["new_score"]),
                csv_cell("; ".join(change_text(c) for c in data["votes"])),
            )
        )


WRITERS: dict[str, type[DiffWriter]] = {"table": TableWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}


# -- saved decisions ------------------------------------------------------------------------


@attrs.frozen
class Saved:
    """A decision read back from a saved ``triage --format jsonl`` output."""

    id: str
    side: Side


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def saved_decision(data: object) -> Saved:
    """Read a decision's JSON form, as triage writes it.

    Raises:
        InvalidRequest: naming every field that is wrong.
    """
    if not isinstance(data, Mapping):
        raise InvalidRequest([Problem("", f"expected a decision (a JSON object), got {type(data).__name__}")])
    problems = []
    if "verdict" not in data and "sender" in data:
        problems.append(
            Problem("", "a request, not a decision: give --old-config or --new-config to replay requests")
        )
        raise InvalidRequest(problems)
    found_id = data.get("id")
    if not isinstance(found_id, str) or not found_id:
        problems.append(Problem("id", f"expected the request's id (a string), got {found_id!r:.40}"))
    verdict = data.get("verdict")
    if verdict not in _VERDICTS:
        problems.append(Problem("verdict", f"expected one of {', '.join(_VERDICTS)}, got {verdict!r:.40}"))
    score = data.get("score")
    if not _number(score):
        problems.append(Problem("score", f"expected a finite number, got {score!r:.40}"))
    votes = data.get("votes", [])
    if not isinstance(votes, list):
        problems.append(Problem("votes", f"expected a list of votes, got {type(votes).__name__}"))
        votes = []
    for index, vote in enumerate(votes):
        where = f"votes[{index}]"
        if not isinstance(vote, Mapping):
            problems.append(Problem(where, f"expected a vote (a JSON object), got {type(vote).__name__}"))
        elif not isinstance(vote.get("rule"), str) or not _number(vote.get("score")):
            problems.append(Problem(where, "expected a 'rule' (a string) and a 'score' (a number)"))
    if problems:
        raise InvalidRequest(problems)
    return Saved(cast(str, found_id), Side(cast(str, verdict), float(cast(float, score)), tuple(votes)))


def read_saved(path: str) -> Generator[tuple[int, Saved] | RecordError, None, None]:
    """The decisions of a saved output, with the line each is on.

    Raises:
        InputError: the file is neither ``.jsonl`` nor ``.json``, or (when first read)
            cannot be opened.
    """
    reader = value_reader(path)
    if reader is None:
        raise InputError(f"{path}: expected saved decisions, a .jsonl (or .json) file")
    with open_binary(path) as stream:
        yield from built(reader(stream, path), path, lambda line, data: (line, saved_decision(data)))


def compare_saved(old_path: str, new_path: str, reporter: Reporter, tally: DiffTally) -> Iterator[Change]:
    """The changes between two saved outputs, matched by id: in the new file's order, then
    the requests only the old one has."""
    try:
        with contextlib.closing(read_saved(old_path)) as old_items:
            old = _saved_by_id(old_path, old_items, reporter)
        with contextlib.closing(read_saved(new_path)) as new_items:
            seen: dict[str, int] = {}
            for line, saved in _first_is_not_a_request(new_items, reporter):
                if saved.id in seen:
                    reporter.error(_duplicate(new_path, line, saved.id, seen[saved.id]))
                    continue
                seen[saved.id] = line
                before = old.pop(saved.id, None)
                change = _change(saved.id, before, saved.side, None, tally)
                if change is not None:
                    yield change
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    for request_id, side in old.items():
        change = _change(request_id, side, None, None, tally)
        if change is not None:
            yield change


def _saved_by_id(
    path: str, items: Iterator[tuple[int, Saved] | RecordError], reporter: Reporter
) -> dict[str, Side]:
    found: dict[str, Side] = {}
    lines: dict[str, int] = {}
    for line, saved in _first_is_not_a_request(items, reporter):
        if saved.id in found:
            reporter.error(_duplicate(path, line, saved.id, lines[saved.id]))
            continue
        found[saved.id] = saved.side
        lines[saved.id] = line
    return found


def _first_is_not_a_request(
    items: Iterator[tuple[int, Saved] | RecordError], reporter: Reporter
) -> Iterator[tuple[int, Saved]]:
    """The decisions of *items*, reporting errors; a file of requests is a usage error."""
    for number, item in enumerate(items):
        if isinstance(item, RecordError):
            if number == 0 and any(p.message.startswith("a request, not a decision") for p in item.problems):
                raise UsageProblem(f"{item.source}: {item.problems[0].message}")
            reporter.error(item)
            continue
        yield item


def _duplicate(path: str, line: int, request_id: str, first: int) -> RecordError:
    message = f"the id {request_id!r:.60} is already on line {first}; ids must be unique to compare"
    return RecordError(path, line, (Problem("id", message),))


def _change(
    request_id: str, old: Side | None, new: Side | None, name: str | None, tally: DiffTally
) -> Change | None:
    if old is not None and new is not None and old.verdict == new.verdict:
        tally.unchanged += 1
        return None
    tally.moves[(old.verdict if old else None, new.verdict if new else None)] += 1
    return Change(request_id, old, new, name)


# -- replaying requests ---------------------------------------------------------------------


def _decide(policy: Policy, request: Request, reporter: Reporter) -> Side | None:
    try:
        return Side.of(policy.decide(request))
    except RelpolicyError as exc:  # a failing rule in `strict` mode
        reporter.failure(request, exc)
        return None


def replay(
    paths: tuple[str, ...],
    policies: tuple[Policy, Policy],
    profiles: str | None,
    reporter: Reporter,
    tally: DiffTally,
) -> Iterator[Change]:
    """Decide each request of *paths* under both policies, and give the changes.

    An export's own owner is the recipient under a policy that has none; when only one
    of the two has one, the requests are read twice, once for each.
    """
    old, new = policies
    senders = known_senders(profiles, reporter)
    # the read that makes the export's owner the recipient reports every bad record
    owners = old.recipient is None or new.recipient is None
    items = inputs(paths, senders, export_recipient=owners)
    other: Iterator[Request] | None = None
    if (old.recipient is None) != (new.recipient is None):
        again = inputs(paths, senders, export_recipient=False)
        other = (item for item in again if not isinstance(item, RecordError))
    for item in items:
        if isinstance(item, RecordError):
            reporter.error(item)
            continue
        twin = next(other) if other is not None else item
        for_old, for_new = (item, twin) if old.recipient is None else (twin, item)
        before, after = _decide(old, for_old, reporter), _decide(new, for_new, reporter)
        if before is None or after is None:
            continue
        change = _change(item.id or "", before, after, item.sender.name, tally)
        if change is not None:
            yield change


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True), metavar="PATH...")
@file_option(
    "--old-config", "old_config", help="The configuration in use. Default: the one triage would find."
)
@file_option(
    "--new-config", "new_config", help="The configuration to try. Default: the one triage would find."
)
@me_option
@disable_option
@profiles_option
@format_option(
    FORMATS,
    "table: one aligned row per change, for people. jsonl: one change per line. csv: a "
    "header row, then one row per change. The summary goes to stderr in jsonl and csv.",
)
def diff(
    paths: tuple[str, ...],
    old_config: str | None,
    new_config: str | None,
    me: str | None,
    disable: tuple[str, ...],
    profiles: str | None,
    output_format: str,
) -> None:
    """Show the requests whose verdict a change of configuration changes.

    With --old-config or --new-config, decides every request in PATH... (read as triage
    reads them) under both configurations; the one not given is the configuration
    triage would use (the relpolicy.toml of the current folder, or the defaults).
    --me, --disable and --profiles apply to both.

    Without them, PATH is two saved outputs of "relpolicy triage --format jsonl", OLD and
    NEW, matched by id: a request from a LinkedIn export is known by its sender's
    profile address, so two exports compare request by request.

    Each request whose verdict changes is listed with its old and new verdicts and
    scores and the votes that differ; a request only one side has is listed too.
    Unchanged requests are counted in the summary line.

    Exit status: 0 when every record was compared; 1 when some were not readable (each
    is reported on stderr as FILE:LINE: field: problem, the rest is still compared); 2
    for a usage error.
    """
    replaying = old_config is not None or new_config is not None
    reporter = Reporter()
    tally = DiffTally()
    with warnings_on_stderr():
        if replaying:
            recipient = read_profile(me)
            configs = (load_config(old_config), load_config(new_config))
            policies = (
                build_policy(recipient, configs[0], disable),
                build_policy(recipient, configs[1], disable),
            )
            changes = replay(paths, policies, profiles, reporter, tally)
        else:
            if len(paths) != 2:
                raise click.UsageError(
                    "give two saved outputs (OLD.jsonl NEW.jsonl), or --old-config and --new-config "
                    "to replay requests"
                )
            for name, value in (("--me", me), ("--profiles", profiles), ("--disable", disable)):
                if value:
                    raise click.UsageError(
                        f"{name} applies only when replaying requests under two configurations"
                    )
            changes = compare_saved(paths[0], paths[1], reporter, tally)
        out = sys.stdout
        writer = WRITERS[output_format](out, width=width_of(out), color=color())
        changes = _started(changes)
        writer.begin()
        for change in changes:
            writer.write(change)
        tally.invalid = reporter.tally.invalid
        writer.end(tally)
    click.get_current_context().exit(reporter.status)


def _started(changes: Iterator[Change]) -> Iterator[Change]:
    """*changes*, with its first step taken now: usage errors come before any output."""
    try:
        first = next(changes)
    except StopIteration:
        return iter(())
    return itertools.chain((first,), changes)
