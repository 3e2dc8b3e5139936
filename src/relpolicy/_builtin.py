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
        rules = config.rules
        if rules:
            score = math.fsum(v.score * config.weight(v.rule) for v in votes)
        else:
            score = math.fsum(v.score for v in votes)
        if not votes:
            return Verdict.REVIEW, score
        if any(v.veto for v in votes):
            return Verdict.DECLINE, score
        if score >= config.accept_threshold:
            return Verdict.ACCEPT, score
        if score <= config.decline_threshold:
            return Verdict.DECLINE, score
        return Verdict.REVIEW, score


#: The step the seed's author says lasting connections began with.
PROPOSE_CALL = Action("propose-call", "Suggest a short phone or Zoom call to get to know each other.")


class Conversation:
    """On accept, suggest the conversation that lasting connections start with."""

    relpolicy_name = "relpolicy.conversation"

    @hookimpl
    def relpolicy_actions(self, decision: Decision) -> tuple[Action, ...]:
        """Propose a call when the request is accepted."""
        return (PROPOSE_CALL,) if decision.verdict is Verdict.ACCEPT else ()


BUILTIN_PLUGINS = (Combiner(), Conversation())
