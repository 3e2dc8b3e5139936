"""``relpolicy recheck``: connections already made, re-checked from what they wrote to you."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TextIO

import attrs
import click

from .._config import Config
from .._model import Decision, Request
from .._policy import Policy
from ..inputs import ConnectionMessage, InputError, RecordError, read_connection_messages
from ..recheck import REQUEST_ONLY_RULES, ConnectionVerdict, Recheck, judge, recheck, verdict_of
from ._common import (
    Reporter,
    UsageProblem,
    color,
    config_option,
    disable_option,
    format_option,
    make_policy,
    me_option,
    request_matches,
    warnings_on_stderr,
    width_of,
)
from ._output import csv_cell, explain_lines, pad, printable, shorten, write_text

FORMATS = ("table", "json", "jsonl", "csv")
COLORS = {
    ConnectionVerdict.KEEP: "green",
    ConnectionVerdict.REVIEW: "yellow",
    ConnectionVerdict.REMOVE: "red",
}
#: The columns of ``--format csv``.
CSV_COLUMNS = (
    "id",
    "name",
    "verdict",
    "date",
    "score",
    "reasons",
    "votes",
    "connected_on",
    "messages",
    "replied",
    "call",
    "source",
)

enable_option = click.option(
    "--enable",
    multiple=True,
    type=click.Choice(sorted(REQUEST_ONLY_RULES)),
    help="Read the messages with this rule too, though it judges requests to connect "
    "rather than messages: note-present counts 'Thanks for connecting!' against its sender.",
)


@attrs.define
class RecheckTally:
    """How many connections got each verdict, and how many records could not be read."""

    verdicts: Counter[ConnectionVerdict] = attrs.field(factory=Counter)
    invalid: int = 0

    def summary(self) -> str:
        """One line for people, such as ``6 connections wrote to you: 1 remove, 1 review, 4 keep.``"""
        wrote = sum(self.verdicts.values())
        parts = ", ".join(
            f"{self.verdicts[v]} {v.value}" for v in reversed(ConnectionVerdict) if self.verdicts[v]
        )
        text = f"{wrote} connection{' wrote' if wrote == 1 else 's wrote'} to you"
        if parts:
            text += f": {parts}"
        if self.invalid:
            text += f"; {self.invalid} record{'' if self.invalid == 1 else 's'} not readable (see the errors)"
        return text + "."


def _date(item: Recheck) -> str:
    sent_at = item.request.sent_at
    return sent_at.date().isoformat() if sent_at is not None else ""


class RecheckWriter:
    """Writes re-checks to a text stream, one at a time."""

    def __init__(self, out: TextIO, *, width: int = 80, color: bool | None = None) -> None:
        self.out = out
        self.width = width
        self.color = color
        self.count = 0

    def begin(self) -> None:
        """Write what comes before the first row."""

    def write(self, item: Recheck) -> None:
        """Write one connection's re-check."""
        self.count += 1
        write_text(self.out, self.render(item))

    def render(self, item: Recheck) -> str:
        """The text of one row."""
        raise NotImplementedError

    def end(self, tally: RecheckTally) -> None:
        """Write what comes after the last row."""
        self.out.flush()


class TableWriter(RecheckWriter):
    """One aligned row per connection: who, the verdict, the date of the deciding message, why."""

    NAME = 22
    VERDICT = 7
    DATE = 10

    def begin(self) -> None:
        """Write the header row."""
        header = f"{'CONNECTION':<{self.NAME}}  {'VERDICT':<{self.VERDICT}}  {'DATE':<{self.DATE}}  WHY"
        click.echo(click.style(header, bold=True), file=self.out, color=self.color)

    def write(self, item: Recheck) -> None:
        """Write one row, with the verdict in colour on a terminal."""
        self.count += 1
        rest = max(self.width - self.NAME - self.VERDICT - self.DATE - 6, 16)
        verdict = click.style(f"{item.verdict.value:<{self.VERDICT}}", fg=COLORS[item.verdict])
        name = item.connection.name or item.connection.id
        why = "; ".join(printable(reason) for reason in item.reasons)
        line = (
            f"{pad(printable(name), self.NAME)}  {verdict}  {_date(item):<{self.DATE}}  {shorten(why, rest)}"
        )
        click.echo(line, file=self.out, color=self.color)

    def end(self, tally: RecheckTally) -> None:
        """Write the summary line."""
        click.echo(click.style(tally.summary(), dim=True), file=self.out, color=self.color)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


class JsonLinesWriter(RecheckWriter):
    """One re-check per line, in its JSON form (see `Recheck.to_dict`)."""

    def render(self, item: Recheck) -> str:
        """A line of JSON."""
        return _json(item.to_dict()) + "\n"


class JsonWriter(RecheckWriter):
    """A JSON array of re-checks."""

    def begin(self) -> None:
        """Open the array."""
        self.out.write("[")

    def render(self, item: Recheck) -> str:
        """One element."""
        lead = ",\n  " if self.count > 1 else "\n  "
        return lead + _json(item.to_dict())

    def end(self, tally: RecheckTally) -> None:
        """Close the array."""
        self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


def csv_row(item: Recheck) -> list[str]:
    """The cells of one re-check under `CSV_COLUMNS`."""
    data = item.to_dict()
    votes = "; ".join(f"{v['rule']}={v['score']:+g}{' (veto)' if v['veto'] else ''}" for v in data["votes"])
    cells = (
        data["id"],
        data["name"] or "",
        data["verdict"],
        data["date"] or "",
        repr(data["score"]),
        " | ".join(data["reasons"]),
        votes,
        data["connected_on"] or "",
        str(data["messages"]),
        "true" if data["replied"] else "false",
        data["call"] or "",
        data["source"] or "",
    )
    return [csv_cell(cell) for cell in cells]


class CsvWriter(RecheckWriter):
    """A header row, then one row per connection (see `CSV_COLUMNS`)."""

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

    def render(self, item: Recheck) -> str:
        """One CSV row."""
        return self._line(csv_row(item))


WRITERS: dict[str, type[RecheckWriter]] = {
    "table": TableWriter,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "csv": CsvWriter,
}


def read_messages(export: str, policy: Policy) -> Iterator[ConnectionMessage | RecordError]:
    """The messages of *export*, opened now so that a path of the wrong kind is a usage error."""
    try:
        return read_connection_messages(export, recipient=policy.recipient is None)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None


@click.command(name="recheck")
@click.argument("export", type=click.Path(exists=True), metavar="EXPORT")
@me_option
@config_option
@disable_option
@enable_option
@format_option(
    FORMATS,
    "table: one aligned row per connection, for people. json: an array. jsonl: one "
    "connection per line. csv: a header row, then one row per connection.",
)
def recheck_command(
    export: str,
    me: str | None,
    config_path: str | None,
    disable: tuple[str, ...],
    enable: tuple[str, ...],
    output_format: str,
) -> None:
    """Re-check the connections you have made, from what they wrote to you.

    EXPORT is a LinkedIn data export (its folder or .zip) with Connections.csv and
    messages.csv. Each message a connection sent you one-to-one after you connected is
    decided by the rules, as a request's note would be, with their position and company
    as what is known of them. Group conversations, messages from people who are not
    connections, and your own messages are never read as an approach.

    A row per connection who wrote: remove (a message was vetoed: a clear pitch, at any
    point), review (weaker sales signals, or a rule failed), or keep; the date of the
    message that decided it; and why, with a two-way conversation or one that led to a
    call shown as evidence of a relationship. The rule note-present is left out (see
    --enable). "relpolicy explain EXPORT --recheck --id ADDRESS" shows every message
    and vote of one connection.

    Exit status: 0 when every record was read; 1 when some were not readable (each is
    reported on stderr as FILE:LINE: field: problem, the rest is still re-checked); 2
    for a usage error.
    """
    with warnings_on_stderr():
        policy = make_policy(me, config_path, disable, left_out=REQUEST_ONLY_RULES - set(enable))
        items = read_messages(export, policy)
        out = sys.stdout
        writer = WRITERS[output_format](out, width=width_of(out), color=color())
        reporter = Reporter()
        tally = RecheckTally()
        writer.begin()
        for item in recheck(policy, items):
            if isinstance(item, RecordError):
                reporter.error(item)
                continue
            tally.verdicts[item.verdict] += 1
            writer.write(item)
        tally.invalid = reporter.tally.invalid
        writer.end(tally)
    click.get_current_context().exit(reporter.status)


# -- explain --recheck ------------------------------------------------------------------------


def _oldest_first(request: Request) -> tuple[bool, float]:
    sent_at = request.sent_at
    return (True, 0.0) if sent_at is None else (False, sent_at.timestamp())


def _connection_lines(
    item: Recheck, decided: list[tuple[ConnectionMessage, Decision]], width: int
) -> list[str]:
    connection = item.connection
    title = printable(connection.name or connection.id)
    if connection.url:
        title += f"  ({printable(connection.url)})"
    lines = [click.style(title, bold=True)]
    headline = connection.profile().headline
    if headline:
        lines.append(f"  {'works as':<10}{shorten(printable(headline), max(width - 12, 20))}")
    if connection.connected_on is not None:
        lines.append(f"  {'connected':<10}{connection.connected_on.isoformat()}")
    verdict = click.style(item.verdict.value.upper(), fg=COLORS[item.verdict], bold=True)
    lines.append(f"  {'recheck':<10}{verdict}")
    for reason in item.reasons:
        lines.append(f"            {shorten(printable(reason), max(width - 12, 20))}")
    lines.append(f"  {'messages':<10}{len(decided)} read, oldest first")
    for message, decision in sorted(decided, key=lambda pair: _oldest_first(pair[0].request)):
        sent_at = message.request.sent_at
        when = sent_at.isoformat(sep=" ", timespec="minutes")[:16] if sent_at else "(undated)"
        mark = "*" if message.request is item.request else " "
        text = printable(message.request.note or "")
        head = f"   {mark}{when:<17} {verdict_of(decision).value:<7} "
        lines.append(head + shorten(f"\u201c{text}\u201d", max(width - len(head), 20)))
    lines.append("  deciding message (*):")
    return lines


def explain_recheck(export: str, wanted: str | None, policy: Policy, output_format: str) -> int:
    """Explain the re-check of each connection of *export* (or of the one *wanted* names).

    Returns:
        The exit status: 1 when some records were not readable, else 0.

    Raises:
        UsageProblem: *wanted* names no connection who wrote.
    """
    reporter = Reporter()
    decided: dict[str, list[tuple[ConnectionMessage, Decision]]] = {}
    for item in read_messages(export, policy):
        if isinstance(item, RecordError):
            reporter.error(item)
            continue
        if wanted is not None and not request_matches(item.request, wanted):
            continue
        decided.setdefault(item.connection.id, []).append((item, policy.decide(item.request)))
    if wanted is not None and not decided and not reporter.status:
        raise UsageProblem(f"no connection in {export} who wrote to you has the address or name {wanted!r}")
    out = sys.stdout
    config: Config = policy.config
    width = width_of(out)
    for number, pairs in enumerate(decided.values()):
        [found] = judge(pairs)
        if output_format == "json":
            data = {
                "connection": found.to_dict(),
                "messages": [
                    {
                        "request": message.request.to_dict(),
                        "decision": decision.to_dict(),
                        "verdict": verdict_of(decision).value,
                    }
                    for message, decision in pairs
                ],
            }
            click.echo(json.dumps(data, ensure_ascii=True), file=out)
            continue
        if number:
            click.echo(file=out)
        for line in _connection_lines(found, pairs, width):
            click.echo(line, file=out, color=color())
        for line in explain_lines(found.request, found.decision, config, width=width - 2):
            click.echo("  " + line, file=out, color=color())
    return reporter.status
