"""hard-sell: a sales pitch, in the note or the headline, instead of a relationship.

A pitch is a set of moves (`relpolicy.reading`): an offer of something sold to the
reader or their kind, a claim of results, a price, a guarantee, pressure of scarcity,
a push to book, reply or click, fault found with what the reader has, an income on
the side, a feature that is paid for. Each move weighs what the settings say (the
defaults are fitted by ``scripts/fit_defaults.py``); their sum is the pitch's strength.

Votes, of kind ``pitch``:

* a clear pitch (strength at least ``clear_at``): minus the strength, and a veto;
* weaker sales signals (at least ``weak_at``): minus the strength, no veto; a combiner
  that judges in order never accepts such a request;
* only hidden characters or look-alike letters: a small minus, of no kind;
* otherwise the rule abstains.

A writer who is looking for work describes their own work in a seller's words: their
service headline, a call or a question count for nothing then.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from relpolicy import Advice, Request, Vote, hookimpl, setting
from relpolicy.reading import NOTE, PITCH, REASON, RECORD, Reading, read

from . import _fitted

__all__ = [
    "LABELS",
    "SELF_DESCRIBING",
    "WEIGHTS",
    "Settings",
    "relpolicy_advise",
    "relpolicy_settings",
    "relpolicy_vote",
]

#: How much each move of a pitch weighs before fitting (the defaults are fitted: `Settings`).
WEIGHTS: dict[str, float] = {
    "offer": 1.0,
    "promise": 1.0,
    "result_rate": 1.0,
    "case_study": 0.6,
    "market_offer": 0.6,
    "deadline": 0.6,
    "opportunity": 1.0,
    "agitation": 1.0,
    "award": 1.0,
    "paid_feature": 1.0,
    "guarantee": 1.0,
    "savings": 1.0,
    "claim": 0.6,
    "price": 0.6,
    "call_to_action": 0.6,
    "scarcity": 0.6,
    "service_headline": 0.6,
    "launch": 0.6,
    "vendor": 0.6,
    "free_offer": 0.6,
    "product": 0.6,
    "delivery": 0.6,
    "demo": 0.6,
    "deal": 0.4,
    "denial": 0.4,
    "slogan": 0.4,
    "ask": 0.3,
    "meeting": 0.2,
    "disguised": 0.4,
}
#: How each move reads in a vote's reason.
LABELS: dict[str, str] = {
    "offer": "an offer aimed at your business",
    "promise": "a result promised to you",
    "result_rate": "results counted by the month",
    "case_study": "another customer's results",
    "market_offer": "a service offered to a market",
    "deadline": "a deadline to reply",
    "opportunity": "an income or investment opportunity",
    "agitation": "fault found with what you have",
    "award": "a prize that is sold",
    "paid_feature": "a feature you pay for",
    "guarantee": "a guarantee",
    "savings": "promised savings",
    "claim": "a claim of results",
    "price": "a price",
    "call_to_action": "a push to book, reply or click",
    "scarcity": "pressure of scarcity",
    "service_headline": "a headline that sells",
    "launch": "a product launch",
    "vendor": "a seller's market",
    "free_offer": "something free to start a sale",
    "product": "a product for your kind of business",
    "delivery": "results delivered to clients",
    "demo": "a push for a demo",
    "deal": "terms of a sale",
    "slogan": "a seller's slogan in the headline",
    "denial": "'not selling anything'",
    "ask": "a question that asks for a yes",
    "meeting": "a push for a call",
    "disguised": "wording disguised to pass a filter",
}
#: Moves that describe the writer's own work as often as they sell it: they count for
#: nothing when the writer is looking for work (as `relpolicy.reading.RECORD` does), and
#: for the share ``with_reason`` when the note gives a reason of its own for writing.
SELF_DESCRIBING = frozenset(
    {"service_headline", "slogan", "vendor", "market_offer", "ask", "meeting", "demo", "deal", "product"}
)


def _settings_class() -> type[Any]:
    fitted = _fitted.DEFAULTS
    fields: dict[str, Any] = {
        "veto": setting(True, help="Whether a clear pitch vetoes the request.", type=bool),
        "headline": setting(
            True, help="Whether the sender's headline is read as well as the note.", type=bool
        ),
        "clear_at": setting(
            fitted.get("clear_at", 1.2),
            help="The strength from which a pitch is clear (and vetoed).",
            gt=0,
            tunable=True,
            type=float,
        ),
        "with_reason": setting(
            fitted.get("with_reason", 1.0),
            help="The share of a self-describing move's weight that counts when the note gives a reason.",
            ge=0,
            le=1,
            tunable=True,
            type=float,
        ),
        "weak_at": setting(
            fitted.get("weak_at", 0.55),
            help="The strength from which sales signals count against a request.",
            gt=0,
            tunable=True,
            type=float,
        ),
    }
    for kind, weight in WEIGHTS.items():
        fields[kind] = setting(
            fitted.get(kind, weight),
            help=f"What {LABELS[kind]} adds to a pitch's strength.",
            ge=0,
            tunable=True,
            type=float,
        )
    return attrs.make_class("Settings", fields, frozen=True, slots=True)


#: The ``[rules.hard-sell]`` table: ``veto``, ``headline``, the two strengths, and
#: the weight of each move of `WEIGHTS`.
Settings: type[Any] = _settings_class()


@hookimpl
def relpolicy_settings() -> type[Any]:
    """The rule's settings."""
    return Settings


@hookimpl
def relpolicy_vote(request: Request, settings: Any) -> Vote | None:
    """Count a pitch's moves against the request; veto a clear pitch."""
    headline = request.sender.headline if settings.headline else None
    seeking = bool(request.sender.open_to_work)
    return _vote(request.note, headline, seeking, settings)


@functools.lru_cache(maxsize=8192)
def _vote(note: str | None, headline: str | None, seeking: bool, settings: Any) -> Vote | None:
    reading = read(note, headline)
    if not reading.moves and not reading.disguised:
        return None
    shares = _counted(reading, seeking, settings)
    strength = sum(getattr(settings, kind) * share for kind, share in shares.items())
    if strength < settings.weak_at:
        if reading.disguised:
            return Vote(score=-settings.disguised, reason=_hidden(reading))
        return None
    moves = [m for m in reading.of(PITCH) if shares.get(m.kind)]
    places = " and ".join(where for where in ("note", "headline") if any(m.where == where for m in moves))
    labels = ", ".join(LABELS[kind] for kind, share in shares.items() if share)
    quotes = (reading.quote(m, note, headline) for m in moves)
    evidence = tuple(dict.fromkeys(quote for quote in quotes if quote))[:6]
    strength = round(strength, 6)
    if strength >= settings.clear_at:
        return Vote(
            score=-strength,
            reason=f"a sales pitch in the {places} instead of a relationship: {labels}",
            veto=settings.veto,
            evidence=evidence,
            kind="pitch",
        )
    return Vote(
        score=-strength, reason=f"sales signals in the {places}: {labels}", evidence=evidence, kind="pitch"
    )


def _counted(reading: Reading, seeking: bool, settings: Any) -> dict[str, float]:
    """The kinds of pitch move found, in the order of `WEIGHTS`, with the share of
    their weight that counts."""
    found = reading.pitch
    seeking = seeking or "seeking" in reading.kinds(NOTE)
    with_reason = bool(reading.kinds(REASON, "note"))
    shares: dict[str, float] = {}
    for kind in WEIGHTS:
        if kind not in found:
            continue
        if seeking and (kind in SELF_DESCRIBING or kind in RECORD):
            continue
        shares[kind] = settings.with_reason if with_reason and kind in SELF_DESCRIBING else 1.0
    if reading.disguised and shares:
        shares["disguised"] = 1.0
    return shares


def _hidden(reading: Reading) -> str:
    if reading.invisible:
        return f"the note hides {reading.invisible} invisible character{'s' * (reading.invisible != 1)}"
    return "the words are disguised with look-alike letters"


@hookimpl
def relpolicy_advise(request: Request, settings: Any) -> list[Advice]:
    """Whether the note (or the writer's headline) pitches, as this rule reads it."""
    if request.note is None:
        return []
    vote = relpolicy_vote(request, settings)
    if vote is not None and vote.kind == "pitch":
        return [
            Advice(
                "pitch",
                False,
                "Leave out the pitch: first build the relationship; offer your services once they know you.",
                vote.evidence,
            )
        ]
    return [Advice("pitch", True, "no sales pitch")]
