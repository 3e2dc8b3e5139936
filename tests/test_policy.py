"""The pipeline: combining votes, isolating failures, building and sharing policies."""

from __future__ import annotations

import math
import pickle
import threading
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from relpolicy import (
    Action,
    ConfigError,
    Decision,
    PluginError,
    Policy,
    Profile,
    Request,
    RuleFailure,
    Verdict,
    Vote,
    hookimpl,
    setting,
)

from .strategies import FixedRule, RaisingRule, requests, rule_sets, votes

REQUEST = Request(sender=Profile(name="Sam Rivera"), note="Hi", id="inv-1")


def decide(plugins: Sequence[object], request: Request = REQUEST, **config: object) -> Decision:
    return Policy(plugins, config=config or None).decide(request)


# -- combining ----------------------------------------------------------------------------


def test_no_rules_reviews() -> None:
    decision = Policy().decide(REQUEST)
    assert (decision.verdict, decision.votes, decision.errors) == (Verdict.REVIEW, (), ())


def test_rules_that_all_abstain_review() -> None:
    assert decide([FixedRule("a", None), FixedRule("b", None)]).verdict is Verdict.REVIEW


@given(rule_sets(), st.randoms())
def test_plugin_order_never_changes_a_decision(rules: list[FixedRule], random: st.Random) -> None:
    shuffled = list(rules)
    random.shuffle(shuffled)
    assert decide(rules) == decide(shuffled)


@given(rule_sets(), votes())
def test_a_veto_always_declines(rules: list[FixedRule], vote: Vote) -> None:
    veto = FixedRule("vetoer", Vote("vetoer", vote.score, "no", veto=True))
    assert decide([*rules, veto]).verdict is Verdict.DECLINE


@given(rule_sets(), st.floats(min_value=0, max_value=5, allow_nan=False))
def test_a_positive_vote_never_lowers_the_total_nor_undoes_an_accept(
    rules: list[FixedRule], score: float
) -> None:
    before = decide(rules)
    after = decide([*rules, FixedRule("extra", Vote("extra", score, "plus"))])
    assert after.score >= before.score
    if before.verdict is Verdict.ACCEPT:
        assert after.verdict is Verdict.ACCEPT


@given(rule_sets(), requests())
def test_the_same_request_gets_the_same_decision(rules: list[FixedRule], request: Request) -> None:
    policy = Policy(rules)
    assert policy.decide(request) == policy.decide(request)


@given(rule_sets(min_size=1))
def test_the_score_is_the_weighted_sum(rules: list[FixedRule]) -> None:
    weights = {r.relpolicy_name: float(i + 1) for i, r in enumerate(rules)}
    config = {"rules": {name: {"weight": w} for name, w in weights.items()}}
    decision = Policy(rules, config=config).decide(REQUEST)
    expected = math.fsum(r.vote.score * weights[r.relpolicy_name] for r in rules if r.vote is not None)
    assert decision.score == expected


@pytest.mark.parametrize(
    ("score", "verdict"),
    [(1.0, Verdict.ACCEPT), (0.99, Verdict.REVIEW), (-0.25, Verdict.DECLINE), (-0.24, Verdict.REVIEW)],
)
def test_thresholds_are_inclusive(score: float, verdict: Verdict) -> None:
    config = {"accept_threshold": 1.0, "decline_threshold": -0.25}
    assert decide([FixedRule("a", Vote("a", score))], **config).verdict is verdict


# -- the order of judgement ----------------------------------------------------------------

FOR = st.floats(min_value=0.01, max_value=50, allow_nan=False)


@given(FOR, st.floats(min_value=0.01, max_value=0.9))
def test_a_pitch_is_never_accepted_however_much_votes_for_it(support: float, against: float) -> None:
    rules = [
        FixedRule("reasons", Vote("reasons", support + 2.0, "a reason", kind="reason")),
        FixedRule("pitch", Vote("pitch", -against, "a price", kind="pitch")),
    ]
    order = {"pitch_declines_at": 1.0}
    decision = decide(rules, accept_threshold=1.0, rules={"relpolicy.combine": order})
    assert decision.score > 1.0
    assert decision.verdict is Verdict.REVIEW
    relaxed = decide(
        rules, accept_threshold=1.0, rules={"relpolicy.combine": {**order, "pitch_blocks_accept": False}}
    )
    assert relaxed.verdict is Verdict.ACCEPT


@given(st.lists(st.floats(min_value=0.05, max_value=3), min_size=1, max_size=4), FOR, st.floats(0.1, 5))
def test_pitch_votes_that_reach_pitch_declines_at_decline(
    pitches: list[float], support: float, cut: float
) -> None:
    rules = [
        FixedRule(f"pitch-{i}", Vote(f"pitch-{i}", -s, "sells", kind="pitch")) for i, s in enumerate(pitches)
    ]
    rules.append(FixedRule("reasons", Vote("reasons", support + sum(pitches), "a reason", kind="reason")))
    decision = decide(rules, rules={"relpolicy.combine": {"pitch_declines_at": cut}})
    assert decision.score > 0
    if math.fsum(pitches) >= cut:
        assert decision.verdict is Verdict.DECLINE
    else:
        assert decision.verdict is not Verdict.DECLINE


def test_votes_of_other_kinds_never_add_up_to_a_clear_pitch() -> None:
    rules = [
        FixedRule(name, Vote(name, -0.4, "against", kind=kind))
        for name, kind in (("a", "common-ground"), ("b", "signal"), ("c", "reason"), ("d", "pitch"))
    ]
    config = {"decline_threshold": -5.0, "rules": {"relpolicy.combine": {"pitch_declines_at": 0.5}}}
    assert decide(rules, **config).verdict is Verdict.REVIEW


def test_an_accept_needs_a_reason_or_enough_common_ground() -> None:
    ground = [FixedRule(n, Vote(n, 0.8, "in common", kind="common-ground")) for n in ("field", "mutual")]
    signal = FixedRule("signal", Vote("signal", 3.0, "looks fine", kind="signal"))
    assert decide([signal]).verdict is Verdict.REVIEW
    assert decide([signal, ground[0]]).verdict is Verdict.REVIEW
    assert decide([signal, *ground]).verdict is Verdict.ACCEPT
    one = {"rules": {"relpolicy.combine": {"common_ground_rules": 1}}}
    assert decide([signal, ground[0]], **one).verdict is Verdict.ACCEPT
    loose = {"rules": {"relpolicy.combine": {"accept_needs_reason": False}}}
    assert decide([signal], **loose).verdict is Verdict.ACCEPT


def test_weight_zero_silences_a_rule() -> None:
    rules = [FixedRule("loud", Vote("loud", 5.0))]
    assert decide(rules, rules={"loud": {"weight": 0}}).verdict is Verdict.REVIEW


# -- failures -----------------------------------------------------------------------------


@pytest.mark.parametrize("error", [RuntimeError("boom"), SystemExit(3), KeyError("k"), RecursionError()])
@given(rules=rule_sets())
def test_a_raising_rule_is_recorded_and_never_accepted(rules: list[FixedRule], error: BaseException) -> None:
    good = FixedRule("good", Vote("good", 10.0, "great"))
    decision = decide([*rules, good, RaisingRule("broken", error)])
    assert decision.verdict is not Verdict.ACCEPT
    assert [(e.rule, e.error) for e in decision.errors] == [("broken", type(error).__name__)]
    cast = {v.rule for v in decision.votes}
    assert cast == {r.vote.rule for r in [*rules, good] if r.vote is not None}


def test_a_failed_rule_may_be_ignored_when_configured() -> None:
    rules = [FixedRule("good", Vote("good", 10.0)), RaisingRule("broken", ValueError("x"))]
    decision = decide(rules, ignore_failed_rules=True)
    assert decision.verdict is Verdict.ACCEPT
    assert decision.errors[0].rule == "broken"


def test_keyboard_interrupt_is_not_swallowed() -> None:
    with pytest.raises(KeyboardInterrupt):
        decide([RaisingRule("broken", KeyboardInterrupt())])


@pytest.mark.parametrize("garbage", [1.5, "accept", {"score": 1}, [Vote("x", 1.0)]])
def test_garbage_from_a_rule_is_a_failure_not_a_vote(garbage: object) -> None:
    class Garbage:
        relpolicy_name = "garbage"

        @hookimpl
        def relpolicy_vote(self) -> object:
            return garbage

    decision = decide([Garbage(), FixedRule("good", Vote("good", 2.0))])
    assert decision.errors == (RuleFailure("garbage", "InvalidVote", decision.errors[0].message),)
    assert "expected a Vote or None" in decision.errors[0].message
    assert decision.verdict is Verdict.REVIEW
    assert [v.rule for v in decision.votes] == ["good"]


def test_a_vote_smuggled_past_validation_with_nan_is_a_failure() -> None:
    sneaky = Vote("sneaky", 1.0)
    object.__setattr__(sneaky, "score", float("nan"))
    decision = decide([FixedRule("sneaky", sneaky)])
    assert decision.errors[0].error == "InvalidVote"
    assert not math.isnan(decision.score)


def test_strict_mode_raises_for_plugin_authors() -> None:
    with pytest.raises(PluginError, match=r"'broken'.*ValueError: x"):
        decide([RaisingRule("broken", ValueError("x"))], strict=True)


def test_a_failing_action_hook_is_recorded() -> None:
    class BadActions:
        relpolicy_name = "bad-actions"

        @hookimpl
        def relpolicy_actions(self) -> list[Action]:
            raise LookupError("nope")

    decision = decide([FixedRule("good", Vote("good", 2.0)), BadActions()])
    assert decision.errors == (
        RuleFailure("bad-actions", "LookupError", str(LookupError("nope")), "relpolicy_actions"),
    )
    assert decision.verdict is Verdict.REVIEW
    assert "propose-call" not in [a.kind for a in decision.actions]


# -- hooks --------------------------------------------------------------------------------


def test_rules_receive_the_policy_recipient_and_shared_groups() -> None:
    seen: list[tuple[Request, Profile | None]] = []

    class Spy:
        @hookimpl
        def relpolicy_vote(self, request: Request, recipient: Profile | None) -> None:
            seen.append((request, recipient))

    me = Profile(name="Pat Coach", groups=("NJ Job Seekers Network",))
    request = Request(sender=Profile(groups=("NJ Job Seekers Network", "Other")))
    Policy([Spy()], recipient=me).decide(request)
    [(got, recipient)] = seen
    assert recipient == me == got.recipient
    assert got.shared_groups == ("NJ Job Seekers Network",)


def test_a_request_recipient_wins_over_the_policy_recipient() -> None:
    seen: list[Profile | None] = []

    class Spy:
        @hookimpl
        def relpolicy_vote(self, recipient: Profile | None) -> None:
            seen.append(recipient)

    own = Profile(name="Own")
    Policy([Spy()], recipient=Profile(name="Policy")).decide(Request(sender=Profile(), recipient=own))
    assert seen == [own]


def test_configure_prepares_each_plugins_own_settings() -> None:
    @attrs.frozen
    class Bonus:
        bonus: float = setting(0.0, help="What the vote scores.", ge=0)

    class Configurable:
        relpolicy_name = "configurable"

        @hookimpl
        def relpolicy_settings(self) -> type[Bonus]:
            return Bonus

        @hookimpl
        def relpolicy_configure(self, settings: Bonus) -> float:
            return settings.bonus * 2

        @hookimpl
        def relpolicy_vote(self, settings: float) -> Vote:
            return Vote(score=settings)

    policy = Policy([Configurable()], config={"rules": {"configurable": {"bonus": 2, "weight": 0.5}}})
    assert policy.decide(REQUEST).score == 2.0
    with pytest.raises(ConfigError, match=r"^config: rules\.configurable\.bonus: expected a number, got"):
        Policy([Configurable()], config={"rules": {"configurable": {"bonus": "lots"}}})


def test_the_combiner_can_be_replaced() -> None:
    class Unanimous:
        @hookimpl(tryfirst=True)
        def relpolicy_combine(self, votes: Sequence[Vote]) -> tuple[Verdict, float]:
            ok = bool(votes) and all(v.score > 0 for v in votes)
            return (Verdict.ACCEPT if ok else Verdict.DECLINE), float(len(votes))

    rules = [FixedRule("a", Vote("a", 5.0)), FixedRule("b", Vote("b", -0.1))]
    decision = decide([*rules, Unanimous()])
    assert (decision.verdict, decision.score) == (Verdict.DECLINE, 2.0)


def test_actions_are_collected_once_each() -> None:
    step = Action("ask-how-to-help", "Ask how you may be of help.")

    class Helper:
        def __init__(self, name: str) -> None:
            self.relpolicy_name = name

        @hookimpl
        def relpolicy_actions(self) -> list[Action]:
            return [step]

    decision = decide([FixedRule("a", Vote("a", 2.0)), Helper("h1"), Helper("h2")])
    kinds = [a.kind for a in decision.actions]
    assert kinds.count("ask-how-to-help") == 1
    assert "propose-call" in kinds  # the seed's conversation, on accept


def test_propose_call_only_on_accept() -> None:
    assert decide([FixedRule("a", Vote("a", 0.5))]).actions == ()


def test_a_decide_wrapper_sees_and_may_change_the_decision() -> None:
    class Override:
        @hookimpl(wrapper=True)
        def relpolicy_decide(self, request: Request):  # type: ignore[no-untyped-def]
            decision = yield
            return Decision(Verdict.REVIEW, decision.score, decision.votes, request_id=request.id)

    decision = decide([FixedRule("a", Vote("a", 2.0)), Override()])
    assert decision.verdict is Verdict.REVIEW
    assert decision.score == 2.0


def test_a_plain_decide_implementation_is_refused() -> None:
    class Plain:
        @hookimpl
        def relpolicy_decide(self) -> None:
            return None

    with pytest.raises(PluginError, match="only wrappers"):
        Policy([Plain()])


def test_a_vote_wrapper_is_refused() -> None:
    class Wrapper:
        @hookimpl(wrapper=True)
        def relpolicy_vote(self):  # type: ignore[no-untyped-def]
            return (yield)

    with pytest.raises(PluginError, match="cannot be a wrapper"):
        Policy([Wrapper()])


def test_a_misspelt_hook_is_an_error() -> None:
    class Typo:
        @hookimpl
        def relpolicy_vot(self, request: Request) -> None:
            return None

    with pytest.raises(PluginError, match="relpolicy_vot"):
        Policy([Typo()])


def test_an_argument_no_spec_offers_is_an_error() -> None:
    class Greedy:
        @hookimpl
        def relpolicy_vote(self, request: Request, mood: str) -> None:
            return None

    with pytest.raises(PluginError, match="mood"):
        Policy([Greedy()])


def test_two_plugins_with_one_name_are_refused() -> None:
    with pytest.raises(PluginError, match="already registered"):
        Policy([FixedRule("same", None), FixedRule("same", None)])


def test_an_unknown_rule_in_the_config_gets_a_did_you_mean() -> None:
    with pytest.raises(ConfigError, match="did you mean 'hard-sell'"):
        Policy([FixedRule("hard-sell", None)], config={"rules": {"hard-sel": {"weight": 2}}})


def test_a_rule_disabled_in_the_config_does_not_vote() -> None:
    policy = Policy([FixedRule("a", Vote("a", 2.0))], config={"rules": {"a": {"enabled": False}}})
    assert policy.rules == ()


# -- sharing ------------------------------------------------------------------------------


def test_policies_pickle_and_decide_alike() -> None:
    policy = Policy([FixedRule("a", Vote("a", 2.0))], recipient=Profile(name="Pat"))
    copy = pickle.loads(pickle.dumps(policy))
    assert copy.decide(REQUEST) == policy.decide(REQUEST)
    assert copy.recipient == policy.recipient


def test_policies_with_module_plugins_pickle() -> None:
    from . import rule_module

    policy = Policy([rule_module])
    assert pickle.loads(pickle.dumps(policy)).decide(REQUEST) == policy.decide(REQUEST)


def test_two_policies_share_no_state() -> None:
    one = Policy([FixedRule("a", Vote("a", 2.0))], config={"rules": {"a": {"weight": 2}}})
    two = Policy([FixedRule("a", Vote("a", 2.0))])
    assert (one.decide(REQUEST).score, two.decide(REQUEST).score) == (4.0, 2.0)


def test_a_policy_is_safe_to_share_between_threads() -> None:
    policy = Policy([FixedRule("a", Vote("a", 1.0)), FixedRule("b", Vote("b", 0.5))])
    expected = policy.decide(REQUEST)
    results: list[Decision] = []

    def work() -> None:
        results.extend(policy.decide(REQUEST) for _ in range(200))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 800
    assert all(result == expected for result in results)


def test_decide_many_is_lazy_and_keeps_order() -> None:
    policy = Policy([FixedRule("a", Vote("a", 1.0))])
    consumed: list[int] = []

    def feed():  # type: ignore[no-untyped-def]
        for i in range(5):
            consumed.append(i)
            yield Request(sender=Profile(), id=str(i))

    decisions = policy.decide_many(feed())
    assert consumed == []
    assert next(decisions).request_id == "0"
    assert consumed == [0]
    assert [d.request_id for d in decisions] == ["1", "2", "3", "4"]


def test_decide_accepts_the_json_form() -> None:
    policy = Policy([FixedRule("a", Vote("a", 1.0))])
    assert policy.decide(REQUEST.to_dict()) == policy.decide(REQUEST)  # type: ignore[arg-type]


def test_tracing_writes_each_rule_call_to_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RELPOLICY_TRACE_PLUGINS", "1")
    decision = decide([FixedRule("traced-rule", Vote("traced-rule", 5.0))])
    err = capsys.readouterr().err
    assert "relpolicy: relpolicy_vote(request=Request(" in err
    assert "-> [traced-rule]" in err
    assert "relpolicy_vote answered [Vote(rule='traced-rule', score=5.0" in err
    assert "relpolicy_combine(" in err
    assert decision.verdict is Verdict.ACCEPT


def test_decide_many_in_workers_keeps_order_and_answers() -> None:
    from . import rule_module

    policy = Policy([rule_module, FixedRule("a", Vote("a", 0.25))])
    requests = [Request(sender=Profile(name=str(i)), id=str(i)) for i in range(50)]
    in_workers = list(policy.decide_many(iter(requests), workers=2, chunksize=7))
    assert in_workers == [policy.decide(r) for r in requests]


def test_a_configure_hook_that_crashes_is_a_plugin_error() -> None:
    class Crashes:
        relpolicy_name = "crashes"

        @hookimpl
        def relpolicy_configure(self) -> None:
            raise ZeroDivisionError("oops")

    with pytest.raises(PluginError, match=r"'crashes'.*ZeroDivisionError"):
        Policy([Crashes()])


def test_a_recipient_without_groups_leaves_shared_groups_unknown() -> None:
    request = Request(sender=Profile(groups=("A",)), recipient=Profile(name="Pat"))
    assert request.shared_groups is None
    assert Request(sender=Profile(groups=("A",))).with_recipient(Profile(name="Pat")).shared_groups is None


def test_a_plugin_that_declares_no_settings_gets_none_and_takes_no_keys() -> None:
    seen: list[object] = []

    class Plain:
        relpolicy_name = "plain"

        @hookimpl
        def relpolicy_vote(self, request: Request, recipient: Profile | None, settings: object) -> None:
            seen.append(settings)

    Policy([Plain()], config={"rules": {"plain": {"weight": 3}}}).decide(REQUEST)
    assert seen == [None]
    with pytest.raises(
        ConfigError, match=r"rules\.plain\.bonus: unknown setting; this rule declares no settings"
    ):
        Policy([Plain()], config={"rules": {"plain": {"bonus": 2}}})
