"""The mutual-connections rule: connections and networking groups in common."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
import relpolicy_mutual_connections as rule
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import ConfigError, Policy, Profile, Request, Vote
from relpolicy.strategies import requests
from relpolicy.testing import check_plugin, vote_of
from relpolicy.text import normalize

SAM = Profile(name="Sam Rivera")
counts = st.integers(min_value=0, max_value=10**7)
group_lists = st.lists(st.text(min_size=1, max_size=20), max_size=6, unique_by=str.casefold).map(tuple)
manys = st.floats(min_value=0.5, max_value=10_000)


def vote(count: int | None, groups: tuple[str, ...] | None = None, **table: Any) -> Vote | None:
    return vote_of(rule, Request(sender=SAM, mutual_connections=count, shared_groups=groups), settings=table)


def score(count: int | None, groups: tuple[str, ...] | None = None, **table: Any) -> float:
    found = vote(count, groups, **table)
    assert found is not None
    return found.score


def test_unknown_count_and_no_groups_abstain() -> None:
    assert vote(None) is None
    assert vote(None, ()) is None


def test_nothing_in_common_is_said_but_weighs_nothing() -> None:
    found = vote(0, ())
    assert found is not None
    assert found.rule == "mutual-connections"
    assert found.score == 0
    assert not found.veto
    assert found.evidence == ("mutual_connections: 0",)


def test_a_large_number_in_common_reaches_scale() -> None:
    assert score(50) == pytest.approx(rule.Settings().scale)
    assert score(5000) == pytest.approx(rule.Settings().scale)
    assert score(5) == 0 < score(6) < score(25) < score(50)


def test_a_handful_in_common_is_chance() -> None:
    assert score(int(rule.Settings().floor)) == 0.0
    assert score(3, few=2) > 0 == score(3)


def test_returns_diminish() -> None:
    few = int(rule.Settings().floor)
    steps = [score(n) for n in range(few, 60, 10)]
    gains = [b - a for a, b in itertools.pairwise(steps)]
    assert all(later < earlier for earlier, later in itertools.pairwise(gains))


def test_many_is_configurable() -> None:
    assert score(10, many=10) == pytest.approx(rule.Settings().scale)
    assert score(10, many=100) < score(10) < score(10, many=10)


def test_shared_groups_add_with_less_for_each_one() -> None:
    one = score(None, ("NJ Job Seekers Network",))
    two = score(None, ("NJ Job Seekers Network", "Career Coaches Circle"))
    three = score(None, ("NJ Job Seekers Network", "Career Coaches Circle", "PyData NYC"))
    assert one == pytest.approx(rule.Settings().first_group)
    assert one < two < three
    assert three - two < two - one


def test_the_same_group_twice_counts_once() -> None:
    assert score(None, ("NJ Job Seekers Network", "nj job seekers  network")) == score(
        None, ("NJ Job Seekers Network",)
    )


def test_everything_together_is_capped() -> None:
    groups = tuple(f"group {i}" for i in range(10))
    assert score(10**6, groups, max_score=1.2) == 1.2
    found = vote(42, ("NJ Job Seekers Network",))
    assert found is not None
    assert found.evidence == ("mutual_connections: 42", "NJ Job Seekers Network")
    assert "42 connections" in found.reason
    assert "1 networking group" in found.reason


@given(counts, counts, group_lists, manys)
def test_more_connections_never_lower_the_score(a: int, b: int, groups: tuple[str, ...], many: float) -> None:
    low, high = sorted((a, b))
    assert score(low, groups, many=many) <= score(high, groups, many=many)


@given(st.none() | counts, group_lists, st.text(min_size=1, max_size=20))
def test_another_shared_group_never_lowers_the_score(
    count: int | None, groups: tuple[str, ...], more: str
) -> None:
    before = vote(count, groups)
    after = vote(count, (*groups, more))
    assert (after.score if after else 0.0) >= (before.score if before else 0.0)
    if normalize(more):  # a group with a name (not only blanks or invisible marks) is something in common
        assert after is not None


@given(st.none() | counts, st.none() | group_lists, manys)
def test_scores_stay_in_range(count: int | None, groups: tuple[str, ...] | None, many: float) -> None:
    found = vote(count, groups, many=many)
    assert found is None or 0 <= found.score <= rule.MAX_SCORE


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"many": -3}, r"rules\.mutual-connections\.many: expected a number greater than 0, got -3"),
        ({"many": 0}, r"rules\.mutual-connections\.many: expected a number greater than 0, got 0"),
        ({"many": "lots"}, r"rules\.mutual-connections\.many: expected a number, got the string 'lots'"),
        ({"many": True}, r"rules\.mutual-connections\.many: expected a number, got True"),
        ({"manny": 50}, r"rules\.mutual-connections\.manny: unknown setting"),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Policy([rule], config={"rules": {"mutual-connections": table}})


def test_through_a_policy_groups_in_common_are_worked_out() -> None:
    me = Profile(name="Pat Coach", groups=("NJ Job Seekers Network", "Career Coaches Circle"))
    policy = Policy([rule], recipient=me, config={"rules": {"mutual-connections": {"many": 20}}})
    sender = Profile(name="Sam", groups=("NJ Job Seekers Network",))
    decision = policy.decide(Request(sender=sender, mutual_connections=20))
    (found,) = decision.votes
    settings = rule.Settings()
    assert found.score == pytest.approx(min(settings.max_score, settings.scale + settings.first_group))
    assert policy.decide(Request(sender=SAM)).votes == ()


@given(requests())
@settings(max_examples=100)
def test_any_request_gets_a_finite_vote_or_an_abstention(request: Request) -> None:
    found = vote_of(rule, request)
    assert found is None or (math.isfinite(found.score) and found.rule == "mutual-connections")


def test_the_plugin_behaves() -> None:
    check_plugin(rule, max_examples=40)
