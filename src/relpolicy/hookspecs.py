"""The hooks a relpolicy plugin can implement.

A rule plugin implements `relpolicy_vote`; everything else is optional. A hook
implementation may take any subset of the arguments its specification lists, by name.

The policy calls each implementation of `relpolicy_vote`, `relpolicy_combine`,
`relpolicy_actions` and `relpolicy_advise` on its own, so that one plugin that raises
(or answers with something unusable) cannot hide the answers of the others: its
failure is recorded in `Decision.errors` instead. ``settings`` is, for each plugin,
its own settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ._markers import hookspec

if TYPE_CHECKING:
    from ._advice import Advice
    from ._config import Config
    from ._model import Action, Decision, Profile, Request, RuleFailure, Verdict, Vote


@hookspec
def relpolicy_settings() -> type | None:
    """Declare the rule's settings: return the attrs class of its ``[rules.NAME]`` table.

    Each field is made with `relpolicy.setting` (default, help, bounds). The policy
    reads the table into the class, refusing unknown keys and wrong values with a
    `ConfigError` that names the file and the key, and passes the instance as the
    ``settings`` argument of the plugin's other hooks. ``relpolicy plugins --settings``
    and the docs list the fields. A rule that declares no class takes no settings.
    """


@hookspec
def relpolicy_configure(settings: Any, config: Config) -> Any:
    """Prepare a rule's settings once, when a policy is built.

    Whatever is returned (unless ``None``) replaces the settings as the ``settings``
    argument of the plugin's other hooks, so expensive preparation (compiling phrase
    lists, resolving names) happens once. Raise `ConfigError` (naming the key) to
    refuse settings that the declared class cannot check.

    Args:
        settings: The instance of the class `relpolicy_settings` declares, or ``None``.
        config: The whole configuration.
    """


@hookspec
def relpolicy_vote(request: Request, recipient: Profile | None, settings: Any) -> Vote | None:
    """Give one rule's opinion of a request, or ``None`` to abstain.

    The vote counts under the plugin's name, whatever rule the `Vote` names: leave
    its ``rule`` out.

    Args:
        request: The request to decide. Its ``recipient`` is filled in from the
            policy when the request named none, and so are its ``shared_groups``.
        recipient: The person deciding (the same as ``request.recipient``), or
            ``None`` when nobody told the policy who that is.
        settings: This plugin's settings (see `relpolicy_settings`).

    Returns:
        A `Vote`, or ``None`` to abstain.
    """


@hookspec
def relpolicy_combine(
    votes: Sequence[Vote], errors: Sequence[RuleFailure], request: Request, config: Config, settings: Any
) -> tuple[Verdict, float] | None:
    """Combine the votes into a verdict and a total score.

    relpolicy's own combiner (the plugin named ``relpolicy.combine``) adds up the
    weighted scores and runs last; register another implementation with
    ``tryfirst=True`` to replace it. Each implementation answers in turn and the
    first usable answer wins: ``None``, or an answer that is not a `Verdict` and a
    finite score, lets the next one answer (a bad answer is recorded as that plugin's
    failure). Whatever the combiner says, a veto declines.

    Args:
        votes: Every valid vote, in the order the rules ran.
        errors: The rules that failed.
        request: The request being decided.
        config: The policy's configuration (thresholds and weights).
        settings: This plugin's settings.

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
        settings: This plugin's settings.

    Returns:
        Any number of `Action` values, or ``None``.
    """


@hookspec
def relpolicy_advise(
    request: Request, recipient: Profile | None, decision: Decision, settings: Any
) -> Iterable[Advice] | None:
    """Advise the writer of a note before it is sent (``relpolicy check-note``).

    `relpolicy.check_note` decides a request that carries the note, then asks each
    plugin what the writer should keep or change, in the light of its own vote.

    Args:
        request: The request carrying the note.
        recipient: The person it is written to, or ``None``.
        decision: How the policy decided it.
        settings: This plugin's settings.

    Returns:
        Any number of `Advice` values, or ``None``.
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
