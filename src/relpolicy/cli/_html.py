"""The page of ``relpolicy report``: decisions laid out for a person, in one HTML file.

The page is rendered by Jinja2, with autoescaping on, from ``templates/report.html.jinja``
beside this module, so every string that came from a request reaches the page escaped.
It needs nothing from a network: the CSS and the charts are inline, and its one script
(filtering by verdict and searching) is allowed by a content security policy that names
the script's hash, so no other script could run even if one slipped in. With scripts
off, every card is shown.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from importlib import resources
from typing import Any

import attrs

from .._model import Decision, Request, Verdict, Vote
from ..inputs import RecordError

#: The order of the groups of cards on the page: what needs a person's eye comes first.
VERDICT_ORDER = (Verdict.REVIEW, Verdict.ACCEPT, Verdict.DECLINE)
#: The heading of each group.
GROUP_TITLES = {Verdict.REVIEW: "To review", Verdict.ACCEPT: "Accept", Verdict.DECLINE: "Decline"}

#: The highlight classes: what a vote against quotes, what a vote for quotes.
PITCH = "pitch"
REASON = "reason"

_SURROGATE = re.compile("[\ud800-\udfff]")


class MissingJinja(Exception):
    """Jinja2, which the ``report`` extra installs, cannot be imported."""


def require_jinja() -> None:
    """Raise `MissingJinja`, with the way to install it, when Jinja2 is missing."""
    try:
        import jinja2  # noqa: F401
    except ImportError:
        raise MissingJinja(
            "relpolicy report needs Jinja2, which the report extra installs: "
            "python -m pip install 'relpolicy[report]'"
        ) from None


def clean(text: str) -> str:
    """*text* with lone surrogates (valid in JSON, not in a UTF-8 file) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


# -- highlighting evidence in place ---------------------------------------------------------


@attrs.frozen
class Quote:
    """One evidence string of one vote, and how to mark it."""

    #: The text the vote quoted.
    text: str
    #: `PITCH` or `REASON`.
    kind: str
    #: The rule that quoted it.
    rule: str


@attrs.frozen
class Segment:
    """A run of text, marked when some quote covers it."""

    text: str
    #: The kinds of the quotes covering it, such as ``"pitch"`` or ``"pitch reason"``; empty when none.
    kind: str = ""
    #: The rules whose quotes cover it.
    rules: tuple[str, ...] = ()


def kind_of(vote: Vote) -> str | None:
    """How the evidence of *vote* is marked: a vote against quotes pitch moves, a vote for
    quotes reasons; a vote of score zero that does not veto marks nothing."""
    if vote.veto or vote.score < 0:
        return PITCH
    if vote.score > 0:
        return REASON
    return None


def occurrences(text: str, quote: str) -> Iterable[tuple[int, int]]:
    """Where *quote* occurs in *text*, compared case-insensitively: ``(start, end)`` pairs.

    Occurrences may overlap: ``"aa"`` occurs twice in ``"aaa"``.
    """
    if not quote:
        return ()
    return (m.span(1) for m in re.finditer(f"(?=({re.escape(quote)}))", text, re.IGNORECASE))


def highlight(text: str, quotes: Sequence[Quote]) -> tuple[tuple[Segment, ...], frozenset[Quote]]:
    """*text* cut into segments, each occurrence of each quote marked with its kind and rule.

    Overlapping quotes mark their overlap with both kinds and both rules.

    Returns:
        The segments, whose texts joined are *text*, and the quotes found in it.
    """
    starts: dict[int, list[Quote]] = {}
    ends: dict[int, list[Quote]] = {}
    found: set[Quote] = set()
    for quote in quotes:
        for start, end in occurrences(text, quote.text):
            found.add(quote)
            starts.setdefault(start, []).append(quote)
            ends.setdefault(end, []).append(quote)
    if not found:
        return ((Segment(text),) if text else ()), frozenset()
    active: Counter[Quote] = Counter()
    segments: list[Segment] = []
    bounds = sorted({0, len(text), *starts, *ends})
    for left, right in itertools.pairwise(bounds):
        for quote in ends.get(left, ()):
            active[quote] -= 1
        for quote in starts.get(left, ()):
            active[quote] += 1
        covering = [q for q, n in active.items() if n > 0]
        kind = " ".join(sorted({q.kind for q in covering}))
        rules = tuple(sorted({q.rule for q in covering}))
        piece = text[left:right]
        if segments and segments[-1].kind == kind and segments[-1].rules == rules:
            segments[-1] = Segment(segments[-1].text + piece, kind, rules)
        else:
            segments.append(Segment(piece, kind, rules))
    return tuple(segments), frozenset(found)


# -- what the page shows --------------------------------------------------------------------


@attrs.frozen
class VoteView:
    """One vote on a card."""

    rule: str
    score: float
    veto: bool
    reason: str
    #: ``for``, ``against``, ``veto`` or ``even``.
    lean: str
    #: Evidence found neither in the note nor in the headline, listed under the vote.
    unfound: tuple[str, ...]


@attrs.frozen
class Card:
    """One decided request."""

    anchor: str
    verdict: str
    score: float
    name: str
    #: The sender's profile address when it is an http(s) address, else empty (never linked).
    link: str
    #: The address as text, when there is one that is not linked.
    address: str
    request_id: str
    sent_at: str
    mutual: int | None
    headline: tuple[Segment, ...]
    #: ``None`` when the request came without a note.
    note: tuple[Segment, ...] | None
    votes: tuple[VoteView, ...]
    actions: tuple[str, ...]
    failures: tuple[str, ...]


@attrs.frozen
class BadRecord:
    """One problem of a record that was not decided."""

    source: str
    line: str
    field: str
    message: str


@attrs.define
class RuleTally:
    """How one rule voted across the requests."""

    rule: str
    voted: int = 0
    against: int = 0
    vetoes: int = 0
    favour: int = 0
    failed: int = 0


def _lean(vote: Vote) -> str:
    if vote.veto:
        return "veto"
    return "for" if vote.score > 0 else "against" if vote.score < 0 else "even"


def _link(url: str | None) -> str:
    if url and re.match(r"https?://[^\s]+$", url, re.IGNORECASE):
        return url
    return ""


def card_of(request: Request, decision: Decision, number: int) -> Card:
    """The card of one decided request (the *number*-th of the page)."""
    quotes = [
        Quote(clean(text), kind, vote.rule)
        for vote in decision.votes
        if (kind := kind_of(vote)) is not None
        for text in vote.evidence
    ]
    headline_text = clean(request.sender.headline or "")
    headline, in_headline = highlight(headline_text, quotes)
    note: tuple[Segment, ...] | None = None
    in_note: frozenset[Quote] = frozenset()
    if request.note is not None:
        note, in_note = highlight(clean(request.note), quotes)
    found = {q.text for q in in_headline | in_note}
    votes = tuple(
        VoteView(
            rule=clean(vote.rule),
            score=vote.score,
            veto=vote.veto,
            reason=clean(vote.reason),
            lean=_lean(vote),
            unfound=tuple(
                dict.fromkeys(clean(e) for e in vote.evidence if not (kind_of(vote) and clean(e) in found))
            ),
        )
        for vote in decision.votes
    )
    url = clean(request.sender.url or "")
    link = _link(url)
    return Card(
        anchor=f"request-{number}",
        verdict=decision.verdict.value,
        score=decision.score,
        name=clean(request.sender.name or request.id or url or "(unnamed)"),
        link=link,
        address="" if link else url,
        request_id=clean(request.id or ""),
        sent_at=request.sent_at.isoformat(sep=" ", timespec="minutes") if request.sent_at else "",
        mutual=request.mutual_connections,
        headline=headline,
        note=note,
        votes=votes,
        actions=tuple(clean(a.text) for a in decision.actions),
        failures=tuple(clean(f"{e.rule}: {e.error}: {e.message}") for e in decision.errors),
    )


class Report:
    """Collects decisions and unreadable records, then renders the page.

    Args:
        sources: The inputs, as the user named them.
        recipient: Who decides, for the page's heading (``None``: not known).
        configuration: Which configuration was in force, in words.
        rules: The rules of the policy, so that one that never voted is listed too.
    """

    def __init__(
        self, sources: Sequence[str], recipient: str | None, configuration: str, rules: Sequence[str]
    ) -> None:
        self.sources = tuple(clean(s) for s in sources)
        self.recipient = clean(recipient) if recipient else None
        self.configuration = clean(configuration)
        self.cards: dict[str, list[Card]] = {v.value: [] for v in VERDICT_ORDER}
        self.bad: list[BadRecord] = []
        self.failed = 0
        self.rules: dict[str, RuleTally] = {name: RuleTally(clean(name)) for name in rules}

    @property
    def decided(self) -> int:
        """How many requests were decided."""
        return sum(len(cards) for cards in self.cards.values())

    def add(self, request: Request, decision: Decision) -> None:
        """Add the card of one decision, and count its votes."""
        if self.recipient is None and request.recipient is not None and request.recipient.name:
            self.recipient = clean(request.recipient.name)
        self.cards[decision.verdict.value].append(card_of(request, decision, self.decided + 1))
        for vote in decision.votes:
            tally = self.rules.setdefault(vote.rule, RuleTally(clean(vote.rule)))
            tally.voted += 1
            tally.vetoes += vote.veto
            tally.favour += vote.score > 0 and not vote.veto
            tally.against += vote.score < 0 and not vote.veto
        for error in decision.errors:
            self.rules.setdefault(error.rule, RuleTally(clean(error.rule))).failed += 1

    def add_error(self, error: RecordError) -> None:
        """Add a record that could not be read: one row per problem."""
        self.failed += 1
        for problem in error.problems:
            self.bad.append(
                BadRecord(clean(error.source), str(error.line), clean(problem.path), clean(problem.message))
            )

    def add_failure(self, request: Request, message: str) -> None:
        """Add a request that could not be decided (a rule failed in strict mode), under the
        ``FILE:LINE`` it was read from (its ``source``, else its id) when that is known."""
        self.failed += 1
        name = clean(request.id or request.sender.name or "?")
        where = request.extra.get("source")
        source, _, line = clean(where if isinstance(where, str) else name).rpartition(":")
        if not (source and line.isdigit()):
            source, line = name, ""
        elif name != f"{source}:{line}":
            message = f"{name}: {message}"
        self.bad.append(BadRecord(source, line, "", clean(message)))

    def render(self, *, version: str, now: datetime | None = None) -> str:
        """The page, as text."""
        import jinja2
        import markupsafe

        script = _asset("report.js")
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        environment = jinja2.Environment(
            loader=jinja2.PackageLoader("relpolicy.cli", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        now = now or datetime.now(timezone.utc)
        counts = {v.value: len(self.cards[v.value]) for v in VERDICT_ORDER}
        context: dict[str, Any] = {
            "version": version,
            "written": now.strftime("%Y-%m-%d %H:%M UTC"),
            "sources": self.sources,
            "recipient": self.recipient,
            "configuration": self.configuration,
            "groups": [(v.value, GROUP_TITLES[v], self.cards[v.value]) for v in VERDICT_ORDER],
            "counts": counts,
            "failed": self.failed,
            "decided": self.decided,
            "chart": _chart(counts, self.failed),
            "rules": sorted(self.rules.values(), key=lambda t: (-t.voted, t.rule)),
            "bad": self.bad,
            "css": markupsafe.Markup(_asset("report.css")),
            "script": markupsafe.Markup(script),
            "script_hash": f"sha256-{digest}",
        }
        return environment.get_template("report.html.jinja").render(context)


@attrs.frozen
class Bar:
    """One bar of the summary chart."""

    key: str
    label: str
    count: int
    #: Its length, as a share of the longest bar (0 to 1).
    share: float


def _chart(counts: dict[str, int], failed: int) -> tuple[Bar, ...]:
    labels = {"review": "to review", "accept": "accepted", "decline": "declined"}
    rows = [(key, labels[key], counts[key]) for key in counts] + [("failed", "failed", failed)]
    most = max(count for _, _, count in rows) or 1
    return tuple(Bar(key, label, count, count / most) for key, label, count in rows)


def _asset(name: str) -> str:
    return resources.files("relpolicy.cli").joinpath("templates", name).read_text(encoding="utf-8")
