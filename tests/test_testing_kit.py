"""The plugin author's kit: `check_plugin`, the canary request and the pytest fixtures."""

from __future__ import annotations

import itertools
import pickle
import random
import subprocess
import sys
import time
from importlib.metadata import entry_points
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relpolicy
from relpolicy import Action, ConfigError, Policy, Profile, Request, Verdict, Vote, hookimpl, setting
from relpolicy.strategies import disguised, profiles, requests
from relpolicy.testing import CANARY, COACH, PluginCheckFailure, check_plugin
from relpolicy.text import normalize

from . import rule_module

STANDARD_RULES = [
    "note-present",
    "common-field",
    "mutual-connections",
    "hard-sell",
    "pro-bono-referral",
    "text-model",
]
EXAMPLE_PLUGIN = "sender-connections"


# -- check_plugin passes what behaves --------------------------------------------------


def _installed(name: str) -> object:
    found = entry_points(group="relpolicy", name=name)
    if not found:
        pytest.skip(f"{name!r} is not installed")
    plugin = next(iter(found)).load()
    if not hasattr(plugin, "relpolicy_vote"):
        pytest.skip(f"{name!r} has no rule yet")
    return plugin


@pytest.mark.parametrize("name", [*STANDARD_RULES, EXAMPLE_PLUGIN])
def test_the_standard_rules_and_the_example_plugin_pass(name: str) -> None:
    check_plugin(_installed(name), max_examples=60)


@pytest.mark.parametrize("name", STANDARD_RULES)
def test_the_standard_rules_pass_for_a_recipient_too(name: str) -> None:
    check_plugin(_installed(name), max_examples=40, recipient=COACH)


class Quoting:
    """Votes on notes that mention a website, quoting the word as written, as folded, or the field."""

    relpolicy_name = "quoting"

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote | None:
        note = request.note or ""
        folded = normalize(note)
        start = folded.find("website")
        if start < 0:
            return None
        evidence = [folded[start : start + 7], "website"]
        if request.mutual_connections is not None:
            evidence.append(f"mutual_connections: {request.mutual_connections}")
        return Vote("quoting", -0.5, "mentions a website", evidence=tuple(evidence))


def test_a_rule_that_behaves_passes() -> None:
    check_plugin(Quoting())


def test_a_module_plugin_passes() -> None:
    check_plugin(rule_module)


def test_the_settings_reach_the_rules_configure_hook() -> None:
    @attrs.frozen
    class Score:
        score: float = setting(-5.0, help="The score to vote.", ge=-1, le=1)

    class Configured:
        relpolicy_name = "configured"

        @hookimpl
        def relpolicy_settings(self) -> type[Score]:
            return Score

        @hookimpl
        def relpolicy_configure(self, settings: Score) -> float:
            return settings.score

        @hookimpl
        def relpolicy_vote(self, settings: float) -> Vote:
            return Vote("configured", settings)

    check_plugin(Configured(), settings={"score": 0.5}, max_examples=10)
    with pytest.raises(ConfigError, match=r"rules\.configured\.score"):
        check_plugin(Configured(), max_examples=10)


def test_requests_come_from_the_strategy_given() -> None:
    seen: list[Request] = []

    class Recorder:
        relpolicy_name = "recorder"

        @hookimpl
        def relpolicy_vote(self, request: Request) -> None:
            seen.append(request)

    check_plugin(Recorder(), requests=st.just(Request(sender=Profile(name="Only"))), max_examples=5)
    assert Profile(name="Only") in {r.sender for r in seen}


# -- check_plugin fails what does not ----------------------------------------------------


def _plugin(vote: Any, name: str = "bad") -> object:
    """A throwaway rule plugin whose vote hook is *vote*."""

    class Throwaway:
        relpolicy_name = name

        @hookimpl
        def relpolicy_vote(self, request: Request) -> Any:
            return vote(request)

    return Throwaway()


def _fail_on_digits(request: Request) -> Vote | None:
    if any(char.isdigit() for char in request.note or ""):
        raise ValueError("cannot read numbers")
    return None


def _sneaky_nan(request: Request) -> Vote:
    vote = Vote("bad", 1.0)
    object.__setattr__(vote, "score", float("nan"))
    return vote


def _mutate(request: Request) -> None:
    request.note = None  # type: ignore[misc]


def _exit(request: Request) -> None:
    raise SystemExit(1)


_counter = itertools.count()

FAILURES: dict[str, tuple[Any, str]] = {
    "raises on some notes": (_fail_on_digits, "raised ValueError: cannot read numbers"),
    "raises SystemExit": (_exit, "raised SystemExit"),
    "returns garbage": (lambda r: {"score": 1}, "expected a Vote or None"),
    "returns a NaN score": (_sneaky_nan, "non-finite score"),
    "changes the request": (_mutate, "raised FrozenInstanceError"),
    "answers differently": (lambda r: Vote("bad", next(_counter) % 2), "answered differently"),
    "quotes what is not there": (
        lambda r: Vote("bad", -1.0, evidence=("your website is out of date",)),
        "quoted evidence that is not in the request",
    ),
    "votes under another name": (lambda r: Vote("someone-else", 1.0), "voted under the name 'someone-else'"),
}


@pytest.mark.parametrize("kind", list(FAILURES))
def test_a_misbehaving_rule_fails_with_the_request_it_failed_on(kind: str) -> None:
    vote, problem = FAILURES[kind]
    with pytest.raises(PluginCheckFailure, match=problem) as caught:
        check_plugin(_plugin(vote), max_examples=50)
    failure = caught.value
    assert isinstance(failure, AssertionError)
    assert failure.rule == "bad"
    assert isinstance(failure.request, Request)
    assert "failing request: {" in str(failure)


def test_the_failing_request_is_the_simplest_hypothesis_found() -> None:
    with pytest.raises(PluginCheckFailure) as caught:
        # Realistic requests only: a 200,000-character run of digits from the adversarial
        # strategy would fail too, and take Hypothesis longer to shrink than it allows.
        check_plugin(_plugin(_fail_on_digits), max_examples=1000, requests=requests())
    assert caught.value.request.note == "0"


def test_a_slow_rule_fails_with_its_time() -> None:
    def slow_on_long_notes(request: Request) -> None:
        if len(request.note or "") > 50:
            time.sleep(0.05)

    with pytest.raises(
        PluginCheckFailure, match=r"took \d+\.\d+ s to vote \(the budget is 0\.02 s\)"
    ) as caught:
        check_plugin(_plugin(slow_on_long_notes), budget=0.02, max_examples=50)
    assert len(caught.value.request.note or "") > 50


def test_a_rule_that_fails_now_and_then_fails_the_check() -> None:
    chance = random.Random(0)

    def sometimes(request: Request) -> None:
        if chance.random() < 0.2:
            raise RuntimeError("unlucky")

    with pytest.raises(AssertionError, match="unlucky"):
        check_plugin(_plugin(sometimes))


def test_a_rule_whose_actions_hook_returns_garbage_fails() -> None:
    class BadActions:
        relpolicy_name = "bad-actions"

        @hookimpl
        def relpolicy_vote(self) -> Vote:
            return Vote("bad-actions", 0.0)

        @hookimpl
        def relpolicy_actions(self) -> list[Any]:
            return [Action("ok", "fine"), "call them"]

    with pytest.raises(PluginCheckFailure, match="expected Action values"):
        check_plugin(BadActions(), max_examples=5)


def test_a_plugin_without_a_vote_hook_is_no_rule() -> None:
    class NoVote:
        @hookimpl
        def relpolicy_actions(self) -> None:
            return None

    with pytest.raises(AssertionError, match="implements no relpolicy_vote"):
        check_plugin(NoVote())


def test_a_plugin_with_a_wrong_hook_signature_fails() -> None:
    class Wrong:
        @hookimpl
        def relpolicy_vote(self, request: Request, mood: str) -> None:
            return None

    with pytest.raises(AssertionError, match="mood"):
        check_plugin(Wrong())


def test_a_check_failure_pickles_with_its_request() -> None:
    failure = PluginCheckFailure("bad", "raised ValueError", CANARY)
    again = pickle.loads(pickle.dumps(failure))
    assert (again.rule, again.problem, again.request, str(again)) == (
        "bad",
        "raised ValueError",
        CANARY,
        str(failure),
    )


# -- the canary ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def standard() -> Policy:
    policy = Policy.default()
    if "hard-sell" not in policy.rules:
        pytest.skip("the hard-sell rule is not written yet")
    return policy


def test_the_default_policy_declines_the_canary(standard: Policy) -> None:
    decision = standard.decide(CANARY)
    assert decision.verdict is Verdict.DECLINE
    assert decision.errors == ()
    assert relpolicy.decide(CANARY).verdict is Verdict.DECLINE
    assert standard.decide(Request.from_dict(CANARY.to_dict())).verdict is Verdict.DECLINE


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=50)
@given(profiles())
def test_whoever_decides_declines_the_canary(standard: Policy, recipient: Profile) -> None:
    assert Policy.default(recipient=recipient).decide(CANARY).verdict is Verdict.DECLINE


def test_without_the_hard_sell_rule_the_canary_is_not_declined_by_a_veto(standard: Policy) -> None:
    assert not Policy.default(disable=["hard-sell"]).decide(CANARY).vetoed


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=50)
@given(st.data())
def test_a_disguised_canary_is_declined_too(standard: Policy, data: st.DataObject) -> None:
    disguise = disguised(st.just(CANARY.note or ""))
    note = data.draw(disguise)
    headline = data.draw(disguised(st.just(CANARY.sender.headline or "")))
    request = Request(sender=Profile(name="Casey", headline=headline), note=note)
    assert standard.decide(request).verdict is Verdict.DECLINE


# -- the pytest fixtures -------------------------------------------------------------


def test_make_policy_builds_a_policy_from_plugins_and_config(make_policy: Any, make_request: Any) -> None:
    policy = make_policy(Quoting(), recipient=Profile(name="Pat"), strict=True, accept_threshold=2.0)
    assert policy.rules == ("quoting",)
    assert policy.recipient == Profile(name="Pat")
    assert policy.config.strict
    assert policy.config.accept_threshold == 2.0
    decision = policy.decide(make_request(note="Your Website is old", name="Sam", mutual_connections=3))
    assert [vote.evidence for vote in decision.votes] == [("website", "website", "mutual_connections: 3")]


def test_make_request_puts_each_field_where_it_belongs(make_request: Any) -> None:
    request = make_request(note="Hi", mutual_connections=4, headline="Nurse", groups=["A"], id="r1")
    assert request == Request(
        sender=Profile(headline="Nurse", groups=("A",)), note="Hi", mutual_connections=4, id="r1"
    )
    sender = Profile(name="Sam")
    assert make_request(sender=sender, note="Hi").sender == sender
    with pytest.raises(TypeError, match="headline"):
        make_request(sender=sender, headline="Nurse")
    with pytest.raises(TypeError):
        make_request(mood="cheerful")


def test_the_pytest_plugin_imports_neither_hypothesis_nor_the_policy() -> None:
    code = (
        "import sys, relpolicy.pytest_plugin; "
        "print(sorted({'hypothesis', 'relpolicy.testing', 'relpolicy.strategies'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
