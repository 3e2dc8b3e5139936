"""The plugins every policy starts with: the default combiner and the conversation step.

They are ordinary plugins, registered the way any other is, so an application can
outrank the combiner (``tryfirst=True``) or disable the conversation step
(``[rules."relpolicy.conversation"] enabled = false``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ._config import Config
from ._markers import hookimpl
from ._model import Action, Decision, Request, RuleFailure, Verdict, Vote

#: Each weighted score counts at most this much either way, so that the total of any
#: number of votes stays finite (``math.fsum`` raises rather than overflow).
_CAP = 1e150


class Combiner:
    """Weighted sum of the scores; any veto declines; no votes at all is review."""

    relpolicy_name = "relpolicy.combine"

    @hookimpl(trylast=True)
    def relpolicy_combine(
        self, votes: Sequence[Vote], errors: Sequence[RuleFailure], request: Request, config: Config
    ) -> tuple[Verdict, float]:
        """Add up the weighted scores and compare the total with the thresholds.

        Failed rules do not count here; the policy keeps a decision with failures
        from being an accept.
        """
        # Called once per decision: plain loops and module constants, no generators.
        if not votes:
            return _REVIEW, 0.0
        weight = config.weight if config.rules else None
        scores = []
        vetoed = False
        for vote in votes:
            score = vote.score if weight is None else vote.score * weight(vote.rule)
            if not -_CAP <= score <= _CAP:
                score = min(max(score, -_CAP), _CAP)
            scores.append(score)
            if vote.veto:
                vetoed = True
        score = math.fsum(scores)
        if vetoed:
            return _DECLINE, score
        if score >= config.accept_threshold:
            return _ACCEPT, score
        if score <= config.decline_threshold:
            return _DECLINE, score
        return _REVIEW, score


_ACCEPT, _DECLINE, _REVIEW = Verdict.ACCEPT, Verdict.DECLINE, Verdict.REVIEW


#: The step the seed's author says lasting connections began with.
PROPOSE_CALL = Action("propose-call", "Suggest a short phone or Zoom call to get to know each other.")


class Conversation:
    """On accept, suggest the conversation that lasting connections start with."""

    relpolicy_name = "relpolicy.conversation"

    @hookimpl
    def relpolicy_actions(self, decision: Decision) -> tuple[Action, ...]:
        """Propose a call when the request is accepted."""
        return (PROPOSE_CALL,) if decision.verdict is _ACCEPT else ()


BUILTIN_PLUGINS = (Combiner(), Conversation())
