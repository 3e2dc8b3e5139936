"""Writing decisions out: an aligned table for people, JSON, JSON Lines and CSV for programs.

Writers stream: each decision is written as it comes, so output of any length takes
constant memory. Text from requests is written by strangers; in the table it is made
safe for a terminal (no control characters, no bidirectional overrides), and in CSV
cells that a spreadsheet would run as a formula are quoted with a leading ``'``.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TextIO

import attrs
import click

from .._config import Config
from .._model import Decision, Request, Verdict, Vote

#: The output formats of ``relpolicy triage``.
FORMATS = ("table", "json", "jsonl", "csv")
#: Machine-readable output is flushed every this many decisions, so readers downstream see it come.
FLUSH_EVERY = 1000

VERDICT_COLORS = {Verdict.ACCEPT: "green", Verdict.DECLINE: "red", Verdict.REVIEW: "yellow"}


@attrs.define
class Tally:
    """How many records gave each verdict, and how many could not be read."""

    verdicts: Counter[Verdict] = attrs.field(factory=Counter)
    invalid: int = 0

    @property
    def decided(self) -> int:
        """How many requests were decided."""
        return sum(self.verdicts.values())

    def summary(self) -> str:
        """One line for people, such as ``6 requests: 2 accept, 3 review, 1 decline``."""
        parts = ", ".join(f"{self.verdicts[v]} {v.value}" for v in Verdict if self.verdicts[v])
        text = f"{self.decided} request{'' if self.decided == 1 else 's'} decided"
        if parts:
            text += f": {parts}"
        if self.invalid:
            text += f"; {self.invalid} record{'' if self.invalid == 1 else 's'} not readable (see the errors)"
        return text + "."


def holds_any_text(out: TextIO) -> bool:
    """Whether *out* can take any character: a stream of text, or of a UTF encoding."""
    encoding = getattr(out, "encoding", None)
    if encoding is None:
        return True
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def write_text(out: TextIO, text: str) -> None:
    """Write *text*; characters the stream cannot encode (lone surrogates) are written escaped."""
    try:
        out.write(text)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "utf-8"
        out.write(text.encode(encoding, "backslashreplace").decode(encoding))


# -- text for a terminal ------------------------------------------------------------------


def printable(text: str) -> str:
    """*text* on one line and safe for a terminal.

    White space (new lines too) becomes single spaces, control characters and lone
    surrogates become U+FFFD, and invisible format characters (such as direction
    overrides) are dropped.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable():
            out.append(char)
        elif char.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
        elif unicodedata.category(char) != "Cf":
            out.append("\ufffd")
    return "".join(out)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    """How many terminal columns *text* takes (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def shorten(text: str, width: int) -> str:
    """*text* cut to *width* columns, ending in an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        used += _char_width(char)
        if used > width - 1:
            break
        out.append(char)
    return "".join(out) + "…"


def pad(text: str, width: int) -> str:
    """*text* clipped and padded with spaces to exactly *width* columns."""
    text = shorten(text, width)
    return text + " " * (width - display_width(text))


def who(request: Request) -> str:
    """How to name a request for people: its sender's name, else its id."""
    return request.sender.name or request.id or request.sender.url or "(unnamed)"


def why(decision: Decision) -> str:
    """The reasons of a decision in one line, strongest first."""
    parts = []
    if decision.errors:
        failed = len(decision.errors)
        parts.append(f"{failed} rule{'' if failed == 1 else 's'} failed")
    vetoes = [v for v in decision.votes if v.veto]
    parts.extend(f"veto: {v.reason or v.rule}" for v in vetoes)
    parts.extend(r for r in decision.reasons[len(vetoes) :])
    if not decision.votes:
        parts.append("no rule voted")
    return "; ".join(printable(p) for p in parts)


# -- writers ------------------------------------------------------------------------------


class Writer:
    """Writes decisions to a text stream, one at a time."""

    def __init__(
        self, out: TextIO, *, width: int = 80, color: bool | None = None, truncate: bool = True
    ) -> None:
        self.out = out
        self.width = width
        self.color = color
        self.truncate = truncate
        self.count = 0

    def begin(self) -> None:
        """Write what comes before the first decision."""

    def write(self, request: Request, decision: Decision) -> None:
        """Write one decision (of *request*)."""
        self.count += 1
        write_text(self.out, self.render(request, decision))
        if self.count % FLUSH_EVERY == 0:
            self.out.flush()

    def render(self, request: Request, decision: Decision) -> str:
        """The text for one decision."""
        raise NotImplementedError

    def end(self, tally: Tally) -> None:
        """Write what comes after the last decision."""
        self.out.flush()


class TableWriter(Writer):
    """One aligned row per request: who sent it, the verdict, the score and the reasons.

    Cells are cut to fit the width (ending in an ellipsis), unless ``truncate`` is false.
    """

    NAME = 22
    VERDICT = 7
    SCORE = 6

    def begin(self) -> None:
        """Write the header row."""
        header = f"{'REQUEST':<{self.NAME}}  {'VERDICT':<{self.VERDICT}}  {'SCORE':>{self.SCORE}}  WHY"
        click.echo(click.style(header, bold=True), file=self.out, color=self.color)

    def write(self, request: Request, decision: Decision) -> None:
        """Write one row, with the verdict in colour on a terminal."""
        self.count += 1
        rest = max(self.width - self.NAME - self.VERDICT - self.SCORE - 6, 16)
        verdict = click.style(
            f"{decision.verdict.value:<{self.VERDICT}}", fg=VERDICT_COLORS[decision.verdict]
        )
        name, reasons = printable(who(request)), why(decision)
        if self.truncate:
            name, reasons = pad(name, self.NAME), shorten(reasons, rest)
        else:
            name += " " * max(self.NAME - display_width(name), 0)
        line = f"{name}  {verdict}  {decision.score:>+{self.SCORE}.2f}  {reasons}"
        click.echo(line, file=self.out, color=self.color)

    def end(self, tally: Tally) -> None:
        """Write the summary line."""
        click.echo(click.style(tally.summary(), dim=True), file=self.out, color=self.color)


def _write_json(out: TextIO, text_of: Callable[[bool], str]) -> None:
    if not holds_any_text(out):  # plain ASCII JSON is the same data, and any stream takes it
        out.write(text_of(True))
        return
    try:
        out.write(text_of(False))
    except UnicodeEncodeError:  # a lone surrogate, which no UTF encoding takes
        out.write(text_of(True))


class JsonLinesWriter(Writer):
    """One decision per line, in the JSON form of `relpolicy.Decision.to_dict`."""

    def write(self, request: Request, decision: Decision) -> None:
        """Write one decision as a line of JSON."""
        self.count += 1
        data = decision.to_dict()
        _write_json(self.out, lambda ascii: json.dumps(data, ensure_ascii=ascii) + "\n")
        if self.count % FLUSH_EVERY == 0:
            self.out.flush()


class JsonWriter(Writer):
    """A JSON array of decisions, written element by element."""

    def begin(self) -> None:
        """Open the array."""
        self.out.write("[")

    def write(self, request: Request, decision: Decision) -> None:
        """Write one element."""
        lead = ",\n  " if self.count else "\n  "
        self.count += 1
        data = decision.to_dict()
        _write_json(self.out, lambda ascii: lead + json.dumps(data, ensure_ascii=ascii))
        if self.count % FLUSH_EVERY == 0:
            self.out.flush()

    def end(self, tally: Tally) -> None:
        """Close the array."""
        self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


#: The columns of ``--format csv``.
CSV_COLUMNS = (
    "id",
    "sender",
    "sender_url",
    "verdict",
    "score",
    "vetoed",
    "reasons",
    "votes",
    "actions",
    "errors",
)
#: What starts a formula in a spreadsheet (after NFKC, which maps the fullwidth and small
#: forms such as ``＝`` to these).
_FORMULA_STARTS = frozenset("=+-@")


def csv_cell(text: str) -> str:
    """*text* as a CSV cell a spreadsheet will not run as a formula.

    A cell is given a leading ``'`` when it starts with ``= + - @``, a tab or a carriage
    return, or with one of them (or a fullwidth or small look-alike) after any white
    space, byte-order mark or other invisible characters, which spreadsheets skip.
    """
    if text[:1].isalnum():
        return text
    for char in text:
        if char in "\t\r" or unicodedata.normalize("NFKC", char) in _FORMULA_STARTS:
            return "'" + text
        if not (char.isspace() or unicodedata.category(char) == "Cf"):
            return text
    return text


def csv_row(request: Request, decision: Decision) -> list[str]:
    """The cells of one decision under `CSV_COLUMNS`."""
    votes = "; ".join(f"{v.rule}={v.score:+g}{' (veto)' if v.veto else ''}" for v in decision.votes)
    texts = (
        decision.request_id or "",
        request.sender.name or "",
        request.sender.url or "",
        decision.verdict.value,
    )
    lists = (
        " | ".join(decision.reasons),
        votes,
        " | ".join(a.text for a in decision.actions),
        " | ".join(f"{e.rule}: {e.error}: {e.message}" for e in decision.errors),
    )
    return [
        *(csv_cell(t) for t in texts),
        repr(decision.score),
        "true" if decision.vetoed else "false",
        *(csv_cell(t) for t in lists),
    ]


class CsvWriter(Writer):
    """A header row, then one row per request (see `CSV_COLUMNS`)."""

    def __init__(
        self, out: TextIO, *, width: int = 80, color: bool | None = None, truncate: bool = True
    ) -> None:
        super().__init__(out, width=width, color=color, truncate=truncate)
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\r\n")

    def _line(self, cells: Iterable[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(cells)
        # Written with \r\n line ends, so that a cell holding either is quoted; ended with \n.
        return self._buffer.getvalue()[:-2] + "\n"

    def begin(self) -> None:
        """Write the header row."""
        self.out.write(self._line(CSV_COLUMNS))

    def render(self, request: Request, decision: Decision) -> str:
        """One CSV row."""
        return self._line(csv_row(request, decision))


WRITERS: dict[str, type[Writer]] = {
    "table": TableWriter,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "csv": CsvWriter,
}


# -- explain ------------------------------------------------------------------------------


def wrap(text: str, width: int) -> list[str]:
    """*text* (one line, safe for a terminal) as lines of at most *width* columns.

    Lines break between words; a word wider than *width* is cut wherever it must be.
    Wide East Asian characters count as two columns.
    """
    width = max(width, 2)
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = display_width(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        line, used = "", 0
        while size > width:
            piece, taken = "", 0
            for char in word:
                step = _char_width(char)
                if taken + step > width and piece:
                    break
                piece, taken = piece + char, taken + step
            lines.append(piece)
            word = word[len(piece) :]
            size = display_width(word)
        line, used = word, size
    if line:
        lines.append(line)
    return lines


#: Where the text of a labelled line of ``explain`` starts.
LABEL = 12
#: From this width on, ``explain`` puts a vote's rule and reason beside its score.
WIDE = 80


def _labelled(label: str, text: str, width: int) -> list[str]:
    """``  label     text``, *text* wrapped under itself (nothing when *text* is blank)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(wrap(printable(paragraph), width - LABEL))
    if not lines:
        return []
    return [f"  {label:<{LABEL - 2}}{lines[0]}", *(" " * LABEL + line for line in lines[1:])]


def _indented(text: str, indent: int, width: int) -> list[str]:
    return [" " * indent + line for line in wrap(printable(text), width - indent)]


def _vote_lines(vote: Vote, weight: float, width: int) -> list[str]:
    mark = " VETO" if vote.veto else ""
    weighted = f" x{weight:g}" if weight != 1.0 else ""
    head = f"    {vote.score:+.2f}{weighted}{mark}"
    rule = printable(vote.rule)
    reason = printable(vote.reason) or "(no reason given)"
    evidence = [f"evidence: \u201c{printable(e)}\u201d" for e in vote.evidence]
    if width >= WIDE and display_width(head) < 18 and display_width(rule) <= 20:
        indent = 39
        body = wrap(reason, width - indent) or [""]
        lines = [f"{head:<18}{pad(rule, 20)} {body[0]}", *(" " * indent + part for part in body[1:])]
    else:
        indent = 8
        lines = _indented(f"{head.strip()} {rule}", 4, width)
        lines.extend(_indented(reason, indent, width))
    for text in evidence:
        lines.extend(_indented(text, indent, width))
    return lines


def explain_lines(
    request: Request,
    decision: Decision,
    config: Config,
    *,
    width: int = 80,
    configuration: str | None = None,
) -> list[str]:
    """A decision laid out for a person: the request, every vote, the thresholds, failures, next steps.

    No line is wider than *width* columns (at least 40). *configuration*, when given,
    says which configuration file was in force. Lines may carry ANSI styles;
    `click.echo` strips them when not writing to a terminal.
    """
    width = max(width, 40)
    verdict = decision.verdict
    title = printable(who(request))
    if request.id and request.id != title:
        title += f"  ({printable(request.id)})"
    lines = [click.style(line, bold=True) for line in wrap(title, width)]
    if request.sender.headline:
        lines.extend(_labelled("headline", request.sender.headline, width))
    if request.sent_at is not None:
        lines.append(f"  {'sent':<10}{request.sent_at.isoformat(sep=' ', timespec='minutes')}")
    lines.extend(_labelled("note", request.note or "(none)", width))
    accept, decline = config.accept_threshold, config.decline_threshold
    word = verdict.value.upper()
    first, *rest = _labelled("verdict", f"{word} score {decision.score:+.2f}", width)
    styled = click.style(word, fg=VERDICT_COLORS[verdict], bold=True)
    lines.extend([first.replace(word, styled, 1), *rest])
    thresholds = f"accept at {accept:+.2f} or more, decline at {decline:+.2f} or less"
    lines.extend(_indented(thresholds, LABEL, width))
    if configuration is not None:
        lines.extend(_labelled("config", configuration, width))
    if decision.votes:
        lines.append("  votes")
    else:
        lines.extend(_labelled("votes", "none: every rule abstained", width))
    for vote in decision.votes:
        lines.extend(_vote_lines(vote, config.weight(vote.rule), width))
    if decision.errors:
        heading = "failed rules" + (
            "" if config.ignore_failed_rules else " (a request with a failed rule is never accepted)"
        )
        lines.extend(_indented(heading, 2, width))
        for error in decision.errors:
            lines.extend(_indented(f"{error.rule} in {error.hook}: {error.error}: {error.message}", 4, width))
    if decision.actions:
        lines.append("  next steps")
        for action in decision.actions:
            text = wrap(printable(action.text), width - 6) or [""]
            lines.extend([f"    - {text[0]}", *("      " + part for part in text[1:])])
    extra = {k: v for k, v in request.extra.items() if k in ("already_connected", "connected_on")}
    if extra.get("already_connected"):
        since = f" since {extra['connected_on']}" if extra.get("connected_on") else ""
        lines.extend(_labelled("status", f"already a connection{since}", width))
    return lines
