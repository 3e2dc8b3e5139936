"""The plugins every policy starts with: the default combiner and the conversation step.

They are ordinary plugins, registered the way any other is, so an application can
outrank the combiner (``tryfirst=True``) or disable the conversation step
(``[rules."relpolicy.conversation"] enabled = false``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from . import _fitted
from ._config import Config
from ._markers import hookimpl
from ._model import Action, Decision, Request, Verdict, Vote
from ._settings import setting

#: Each weighted score counts at most this much either way, so that the total of any
#: number of votes stays finite (``math.fsum`` raises rather than overflow).
_CAP = 1e150


@attrs.frozen
class CombineSettings:
    """The ``[rules."relpolicy.combine"]`` table: the order in which votes are judged."""

    pitch_blocks_accept: bool = setting(
        True, help="A vote of kind pitch that leans against a request never lets it be accepted."
    )
    accept_needs_reason: bool = setting(
        True,
        help="Accept only with a reason (a vote of kind reason, or of no kind, for the request) or enough "
        "common ground "
        "(votes of kind common-ground for it from common_ground_rules rules).",
    )
    common_ground_rules: int = setting(
        2, help="How many rules of kind common-ground for a request stand in for a reason.", ge=1
    )
    pitch_declines_at: float = setting(
        _fitted.DEFAULTS.get("pitch_declines_at", 2.0),
        help="Votes of kind pitch that together lean at least this far against a request decline it, "
        "whatever else votes for it: several weaker signals that agree make a clear pitch.",
        gt=0,
        tunable=True,
    )


class Combiner:
    """Judges votes in order: a veto declines; a pitch is never outweighed; an accept
    needs a reason or common ground; otherwise the weighted sum against the thresholds."""

    relpolicy_name = "relpolicy.combine"

    @hookimpl
    def relpolicy_settings(self) -> type[CombineSettings]:
        """The combiner's settings."""
        return CombineSettings

    @hookimpl(trylast=True)
    def relpolicy_combine(
        self, votes: Sequence[Vote], request: Request, config: Config, settings: CombineSettings
    ) -> tuple[Verdict, float]:
        """Add up the weighted scores and compare the total with the thresholds, in the
        order of judgement.

        A vote that vetoes declines, and so do votes of kind ``pitch`` that together
        lean ``pitch_declines_at`` or more against the request. A request with a vote of
        kind ``pitch`` against it is never accepted (``pitch_blocks_accept``): field, connections and groups
        never redeem a pitch. An accept needs a vote of kind ``reason`` (or of no kind)
        for the request, or votes of kind ``common-ground`` for it from
        ``common_ground_rules`` rules (``accept_needs_reason``); short of that the
        request is to review. A vote of kind ``signal`` only adds to the total. Failed rules
        do not count here; the policy keeps a decision with failures from being an accept.
        """
        # Called once per decision: plain loops and module constants, no generators.
        if not votes:
            return _REVIEW, 0.0
        weight = config.weight if config.rules else None
        scores = []
        vetoed = pitched = reasoned = False
        common = 0
        pitch = 0.0
        for vote in votes:
            score = vote.score if weight is None else vote.score * weight(vote.rule)
            if not -_CAP <= score <= _CAP:
                score = min(max(score, -_CAP), _CAP)
            scores.append(score)
            if vote.veto:
                vetoed = True
            kind = vote.kind
            if kind == "pitch":
                if score < 0:
                    pitched = True
                    pitch += score
            elif kind == "common-ground":
                common += score > 0
            elif kind == "reason" or not kind:
                # (a vote of no kind is taken at its word: for the request, it is a reason)
                reasoned = reasoned or score > 0
        score = math.fsum(scores)
        if vetoed or pitch <= -settings.pitch_declines_at:
            return _DECLINE, score
        if score <= config.decline_threshold:
            return _DECLINE, score
        if score < config.accept_threshold:
            return _REVIEW, score
        if pitched and settings.pitch_blocks_accept:
            return _REVIEW, score
        if settings.accept_needs_reason and not reasoned and common < settings.common_ground_rules:
            return _REVIEW, score
        return _ACCEPT, score


_ACCEPT, _DECLINE, _REVIEW = Verdict.ACCEPT, Verdict.DECLINE, Verdict.REVIEW


#: The step lasting connections begin with: a conversation.
PROPOSE_CALL = Action("propose-call", "Suggest a short phone or Zoom call to get to know each other.")


class Conversation:
    """On accept, suggest the conversation that lasting connections start with."""

    relpolicy_name = "relpolicy.conversation"

    @hookimpl
    def relpolicy_actions(self, decision: Decision) -> tuple[Action, ...]:
        """Propose a call when the request is accepted."""
        return (PROPOSE_CALL,) if decision.verdict is _ACCEPT else ()


BUILTIN_PLUGINS = (Combiner(), Conversation())
