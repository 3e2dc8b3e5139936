"""Checks for rule-plugin authors: `check_plugin`, and the `CANARY` request.

Install with the ``relpolicy[testing]`` extra. A test of a rule can be one line::

    from relpolicy.testing import check_plugin

    import my_rule


    def test_my_rule_behaves():
        check_plugin(my_rule)
"""

from __future__ import annotations

import copy
import json
import time
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.errors import Flaky, HypothesisWarning

from . import strategies
from ._errors import PluginError
from ._model import Decision, Profile, Request, Vote
from ._plugins import plugin_name
from ._policy import Policy
from .text import normalize

__all__ = [
    "CANARY",
    "COACH",
    "HARD_SIZE",
    "PluginCheckFailure",
    "check_plugin",
    "hard_requests",
    "request_full_of",
    "vote_of",
]

#: A request every policy with the standard rules must decline, whoever decides it.
#:
#: The two pitches quoted in *First, Build the Relationship*, one in the note and one
#: in the headline, from a stranger with no connections and no groups in common. Like the
#: GTUBE message spam filters are tested with, it shows that the rules are installed
#: and enabled (``hard-sell`` at least), not how finely they judge. Its JSON form is
#: ``CANARY.to_dict()``.
CANARY = Request(
    id="relpolicy-canary",
    sender=Profile(
        name="Casey Canary",
        headline=(
            "I have a Marketing System that helps to build 6 and 7 figure businesses"
            " for coaches and consultants"
        ),
        industry="Marketing Services",
    ),
    note="Your website is out of date, and I can make it far more attractive and get you a lot more clients.",
    mutual_connections=0,
    shared_groups=(),
)


#: A career coach as the person deciding, like the author of *First, Build the
#: Relationship*: one who volunteers in a job-search support group and knows people who
#: hire in two fields. For tests of
#: rules that read the recipient: ``check_plugin(rule, recipient=COACH)``.
COACH = Profile(
    name="Pat Coach",
    headline="Career coach and job search strategist",
    industry="Career Coaching",
    groups=("NJ Job Seekers Network",),
    pro_bono_groups=("NJ Job Seekers Network",),
    hiring_network=("Logistics and Supply Chain", "Hospital & Health Care"),
)


class PluginCheckFailure(AssertionError):
    """`check_plugin` found a request that a rule plugin mishandles.

    Attributes:
        rule: The plugin's name.
        problem: What it did wrong.
        request: The request it did it on (after Hypothesis shrank it, the simplest found).
    """

    def __init__(self, rule: str, problem: str, request: Request) -> None:
        self.rule = rule
        self.problem = problem
        self.request = request
        super().__init__(f"rule {rule!r} {problem}\nfailing request: {_short_json(request)}")

    def __reduce__(self) -> tuple[type[PluginCheckFailure], tuple[str, str, Request]]:
        return (type(self), (self.rule, self.problem, self.request))


def check_plugin(
    plugin: object,
    *,
    max_examples: int = 100,
    budget: float = 0.25,
    recipient: Profile | None = None,
    settings: Mapping[str, Any] | None = None,
    requests: st.SearchStrategy[Request] | None = None,
    name: str | None = None,
) -> None:
    """Run a rule plugin against many requests, realistic and hostile, and fail loudly.

    The plugin votes through a `Policy` of its own in ``strict`` mode, on requests
    drawn from `relpolicy.strategies` (realistic ones, and ones with
    `~relpolicy.strategies.adversarial_texts` in every field) and on a fixed set of
    hard ones: the `CANARY`, an empty request, and 200,000-character fields in each of
    the `~relpolicy.strategies.pathological_texts` shapes. Each request is decided
    twice, the second time as a copy. When Hypothesis finds a failure it looks for the
    simplest request that fails the same way, and that is the one reported.

    Returns quietly when the plugin behaves.

    Args:
        plugin: A module or object with hook implementations, as for ``Policy([plugin])``.
        max_examples: How many requests Hypothesis draws, besides the fixed ones.
        budget: The most seconds one vote may take. Judged once every request has
            passed, on the slowest one, by the fastest of four tries.
        recipient: The person deciding, for requests that name none.
        settings: The plugin's ``[rules.NAME]`` table, read into the class its
            ``relpolicy_settings`` declares.
        requests: Draw requests from this strategy instead.
        name: The name the plugin takes part under; by default `relpolicy.plugin_name`'s.
            Its votes must name this rule, or none.

    Raises:
        PluginCheckFailure: An `AssertionError` naming the rule, the problem and the
            failing request: the plugin raised (``SystemExit`` included) or tried to
            change its input; returned something other than a `Vote` or ``None``, or a
            non-finite score; answered differently for the same request; voted under
            another name; quoted evidence that is not in the request (compared after
            `relpolicy.text.normalize`); or took longer than *budget*.
        AssertionError: The plugin has no ``relpolicy_vote``, or implements a hook wrongly.
        ConfigError: Its ``relpolicy_configure`` refused *settings*.
    """
    rule = name or plugin_name(plugin)
    config: dict[str, Any] = {"strict": True}
    if settings is not None:
        config["rules"] = {rule: dict(settings)}
    try:
        policy = Policy({rule: plugin}, recipient=recipient, config=config)
    except PluginError as exc:
        raise AssertionError(str(exc)) from exc
    if not policy.rules:
        raise AssertionError(f"rule {rule!r} implements no relpolicy_vote hook")
    if requests is None:
        requests = st.one_of(strategies.requests(), strategies.requests(text=strategies.adversarial_texts()))

    slowest = (0.0, CANARY)

    def check(request: Request) -> None:
        nonlocal slowest
        seconds = _check_one(policy, rule, request)
        if seconds > slowest[0]:
            slowest = (seconds, request)

    run = _run_settings(max_examples)(given(requests)(check))
    try:
        with warnings.catch_warnings():
            # Hypothesis warns before it prints a failing request of over 30 kB; the
            # failure raised here shortens it instead.
            warnings.filterwarnings("ignore", "Generating overly large repr", HypothesisWarning)
            run()
    except Flaky as exc:
        raise _unsteady(rule, exc) from exc
    for hard in hard_requests():  # after the drawn ones, which fail with simpler requests
        check(hard)
    # Time is judged last, on the slowest request, timed again: shrinking a slow request
    # would take long, and a moment of load on the machine must not fail a rule.
    seconds, request = slowest
    if seconds > budget:
        seconds = min(seconds, _timed(policy, request)[1], _timed(policy, request)[1])
        if seconds > budget:
            raise PluginCheckFailure(
                rule, f"took {seconds:.3f} s to vote (the budget is {budget} s)", request
            )


def vote_of(
    plugin: object,
    request: Request,
    *,
    settings: Mapping[str, Any] | None = None,
    recipient: Profile | None = None,
    name: str | None = None,
) -> Vote | None:
    """The vote *plugin* casts on *request*, through a strict policy of its own.

    The vote is the one a policy counts: named after the plugin, with its settings
    read and prepared as a policy prepares them. Policies are built once per plugin
    and settings, so a property test may call this for every example.

    Args:
        plugin: A module or object with hook implementations.
        request: The request to decide.
        settings: The plugin's ``[rules.NAME]`` table.
        recipient: The person deciding, for a request that names none.
        name: The name the plugin takes part under; by default `relpolicy.plugin_name`'s.

    Raises:
        PluginError: The plugin failed.
        ConfigError: The settings are not valid.
    """
    rule = name or plugin_name(plugin)
    key = (id(plugin), rule, json.dumps(settings, sort_keys=True, default=repr), recipient)
    policy = _POLICIES.get(key)
    if policy is None:
        config: dict[str, Any] = {"strict": True, "rules": {rule: dict(settings or {})}}
        policy = _POLICIES[key] = Policy({rule: plugin}, recipient=recipient, config=config)
        _KEPT.append(plugin)  # (so that no other plugin takes its id while the policy is kept)
    votes = policy.decide(request).votes
    return votes[0] if votes else None


_POLICIES: dict[tuple[Any, ...], Policy] = {}
_KEPT: list[object] = []


def _run_settings(max_examples: int) -> hypothesis_settings:
    """Hypothesis settings for a run of *max_examples* that times calls on its own.

    Huge inputs are meant, so the health checks about slow or large data are off; one
    failure is reported, the simplest found, without Hypothesis' explain phase (which
    runs the test hundreds of times more to say which parts of the request matter).
    """
    return hypothesis_settings(
        # Every call shares one inner test function, so Hypothesis' example database
        # would replay one plugin's failures against the next: keep none.
        database=None,
        max_examples=max_examples,
        deadline=None,
        report_multiple_bugs=False,
        phases=[phase for phase in Phase if phase is not Phase.explain],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


#: The size of the fields of `hard_requests`: 200,000 characters, far beyond any real field.
HARD_SIZE = 200_000


def hard_requests() -> Iterator[Request]:
    """The fixed requests `check_plugin` always tries: the `CANARY`, an empty request,
    and a `request_full_of` each `~relpolicy.strategies.pathological_texts` shape,
    `HARD_SIZE` characters of it."""
    yield CANARY
    yield Request(sender=Profile())
    for text in strategies.pathological_texts(HARD_SIZE).values():
        yield request_full_of(text)


def request_full_of(text: str) -> Request:
    """A request with *text* in every text field, the recipient's included."""
    person = Profile(
        name=text,
        headline=text,
        industry=text,
        location=text,
        groups=(text,),
        skills=(text,),
        pro_bono_groups=(text,),
        hiring_network=(text,),
    )
    return Request(sender=person, note=text, id=text[:40], shared_groups=(text,), recipient=person)


def _check_one(policy: Policy, rule: str, request: Request) -> float:
    """Check the plugin's answer to *request*; return the fewest seconds it took."""
    try:
        first, seconds = _timed(policy, request)
        again, seconds_again = _timed(policy, copy.deepcopy(request))
    except PluginError as exc:
        raise PluginCheckFailure(rule, str(exc).partition(": ")[2], request) from exc
    if (first.votes, first.actions) != (again.votes, again.actions):
        problem = f"answered differently for the same request: {first.votes!r:.300} then {again.votes!r:.300}"
        raise PluginCheckFailure(rule, problem, request)
    seen = request
    if request.recipient is None and policy.recipient is not None:
        seen = request.with_recipient(policy.recipient)
    for vote in first.votes:
        for quote in vote.evidence:
            if not _quoted(quote, seen):
                problem = f"quoted evidence that is not in the request: {quote!r:.200}"
                raise PluginCheckFailure(rule, problem, request)
    return min(seconds, seconds_again)


def _timed(policy: Policy, request: Request) -> tuple[Decision, float]:
    start = time.perf_counter()
    decision = policy.decide(request)
    return decision, time.perf_counter() - start


def _quoted(quote: str, request: Request) -> bool:
    """Whether *quote* occurs in one of the request's texts, as written or normalised."""
    texts = list(_texts(request.to_dict(), None))
    if any(quote in text for text in texts):
        return True
    folded = normalize(quote)
    return any(folded in normalize(text) or quote in normalize(text) for text in texts)


def _texts(value: Any, key: str | None) -> Iterator[str]:
    """Every string and number in a JSON value, and each also as ``key: value``."""
    if isinstance(value, Mapping):
        for child_key, child in value.items():
            yield from _texts(child, child_key)
        return
    if isinstance(value, (list, tuple)):
        for child in value:
            yield from _texts(child, key)
        return
    try:
        text = value if isinstance(value, str) else json.dumps(value)
    except ValueError:  # an int too long to write out
        return
    yield text
    if key is not None:
        yield f"{key}: {text}"


def _short_json(request: Request) -> str:
    """The request's JSON form with long strings cut, for a readable message."""

    def cut(value: Any) -> Any:
        if isinstance(value, str) and len(value) > 120:
            return f"{value[:100]}... ({len(value)} characters)"
        if isinstance(value, dict):
            return {k: cut(v) for k, v in value.items()}
        if isinstance(value, list):
            return [cut(v) for v in value]
        return value

    return json.dumps(cut(request.to_dict()), ensure_ascii=True)


def _unsteady(rule: str, exc: Flaky) -> AssertionError:
    """The error for a failure Hypothesis could not reproduce."""
    found = [e for e in getattr(exc, "exceptions", ()) if isinstance(e, PluginCheckFailure)]
    if found:
        problem = f"{found[0].problem}, but not when tried again (not deterministic, or close to the budget)"
        return PluginCheckFailure(rule, problem, found[0].request)
    return AssertionError(f"rule {rule!r} does not behave the same way twice: {exc}")
