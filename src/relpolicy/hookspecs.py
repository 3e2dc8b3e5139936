"""The hooks a relpolicy plugin can implement.

A rule plugin implements `relpolicy_vote`; everything else is optional. A hook
implementation may take any subset of the arguments its specification lists, by name.

The policy calls every implementation of `relpolicy_vote`, `relpolicy_actions` and
`relpolicy_configure` on its own, so that one plugin that raises cannot hide the
answers of the others: its failure is recorded in `Decision.errors` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._markers import hookspec

if TYPE_CHECKING:
    from ._config import Config
    from ._model import Action, Decision, Profile, Request, RuleFailure, Verdict, Vote


@hookspec
def relpolicy_configure(settings: Mapping[str, Any], config: Config) -> Any:
    """Check a plugin's settings once, when a policy is built, and prepare them.

    Called on its own for each plugin that implements it, with that plugin's
    settings only. Raise `ConfigError` (naming the key) to refuse them. Whatever
    is returned (unless ``None``) replaces the raw settings as the ``settings``
    argument of that plugin's other hooks, so expensive preparation happens once.

    Args:
        settings: The plugin's ``[rules.NAME]`` table, less ``enabled`` and ``weight``.
        config: The whole configuration.
    """


@hookspec
def relpolicy_vote(request: Request, recipient: Profile | None, settings: Any) -> Vote | None:
    """Give one rule's opinion of a request, or ``None`` to abstain.

    Args:
        request: The request to decide. Its ``recipient`` is filled in from the
            policy when the request named none, and so are its ``shared_groups``.
        recipient: The person deciding (the same as ``request.recipient``), or
            ``None`` when nobody told the policy who that is.
        settings: This plugin's settings, as prepared by its `relpolicy_configure`.

    Returns:
        A `Vote`, or ``None`` to abstain.
    """


@hookspec(firstresult=True)
def relpolicy_combine(
    votes: Sequence[Vote], errors: Sequence[RuleFailure], request: Request, config: Config
) -> tuple[Verdict, float] | None:
    """Combine the votes into a verdict and a total score; the first answer wins.

    relpolicy's own combiner (the plugin named ``relpolicy.combine``) adds up the
    weighted scores; register another implementation with ``tryfirst=True`` to replace it.

    Args:
        votes: Every valid vote, in the order the rules ran.
        errors: The rules that failed.
        request: The request being decided.
        config: The policy's configuration (thresholds and weights).

    Returns:
        ``(verdict, score)``, or ``None`` to let the next implementation answer.
    """


@hookspec
def relpolicy_actions(
    request: Request, recipient: Profile | None, decision: Decision, settings: Any
) -> Iterable[Action] | None:
    """Suggest next steps for a decided request.

    Args:
        request: The request, as the rules saw it.
        recipient: The person deciding, or ``None``.
        decision: The decision so far (its ``actions`` are empty).
        settings: This plugin's settings, as prepared by its `relpolicy_configure`.

    Returns:
        Any number of `Action` values, or ``None``.
    """


@hookspec(firstresult=True)
def relpolicy_decide(request: Request, recipient: Profile | None) -> Decision | None:
    """Wrap the whole decision of one request: implement it with ``wrapper=True``.

    The policy's pipeline is the only plain implementation; wrappers see the request
    before the rules and the `Decision` after them (``result = yield``), and may
    return a different one. A plain (non-wrapper) implementation is refused when the
    policy is built. The policy skips this hook entirely when no wrapper is registered.

    Args:
        request: The request, with the recipient filled in.
        recipient: The person deciding, or ``None``.
    """
