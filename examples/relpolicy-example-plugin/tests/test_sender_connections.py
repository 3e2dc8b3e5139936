"""Tests of the sender-connections rule, through relpolicy's public API only."""

from __future__ import annotations

import pytest
import relpolicy_sender_connections as rule
from hypothesis import given
from hypothesis import strategies as st

from relpolicy import ConfigError, Policy, Profile, Request, strategies
from relpolicy.testing import check_plugin


def request_from(connections: object) -> Request:
    return Request.from_dict({"sender": {"name": "Sam Rivera", "connections": connections}})


def votes_of(policy: Policy, request: Request) -> list[float]:
    decision = policy.decide(request)
    assert decision.errors == ()
    return [vote.score for vote in decision.votes if vote.rule == "sender-connections"]


def test_a_sender_with_almost_no_connections_counts_against_the_request() -> None:
    decision = Policy([rule]).decide(request_from(2))
    [vote] = decision.votes
    assert vote.rule == "sender-connections"
    assert vote.score < 0
    assert not vote.veto
    assert "2" in vote.reason
    assert vote.evidence == ("connections: 2",)
    assert votes_of(Policy([rule]), request_from(" 3 ")) == [rule.SCORE]


@pytest.mark.parametrize("value", [None, "many", -4, True, 2.5, ["3"], "12345678901234567890"])
def test_an_unknown_or_unusable_count_abstains(value: object) -> None:
    assert votes_of(Policy([rule]), request_from(value)) == []


def test_a_request_without_the_key_abstains() -> None:
    assert votes_of(Policy([rule]), Request(sender=Profile(name="Sam"))) == []


def test_linkedins_500_plus_is_read_as_a_count() -> None:
    assert rule.connection_count("500+") == 500
    assert votes_of(Policy([rule]), request_from("500+")) == []
    assert votes_of(
        Policy([rule], config={"rules": {"sender-connections": {"few": 501}}}), request_from("500+")
    )


@given(count=st.integers(min_value=0, max_value=10_000), few=st.integers(min_value=1, max_value=1_000))
def test_votes_exactly_when_the_count_is_below_few(count: int, few: int) -> None:
    policy = Policy([rule], config={"rules": {"sender-connections": {"few": few}}})
    assert bool(votes_of(policy, request_from(count))) == (count < few)
    assert bool(votes_of(policy, request_from(str(count)))) == (count < few)


@pytest.mark.parametrize(
    ("table", "key", "problem"),
    [
        ({"few": 0}, "few", "expected a number of at least 1, got 0"),
        ({"few": "ten"}, "few", "expected a whole number, got the string 'ten'"),
        ({"fewer": 3}, "fewer", "unknown setting; did you mean 'few'?"),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, object], key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as refused:
        Policy([rule], config={"rules": {"sender-connections": table}})
    assert str(refused.value) == f"config: rules.sender-connections.{key}: {problem}"


def test_the_weight_scales_the_vote() -> None:
    decision = Policy([rule], config={"rules": {"sender-connections": {"weight": 3.0}}}).decide(
        request_from(0)
    )
    assert decision.score == pytest.approx(3.0 * rule.SCORE)


def with_connections(request: Request, connections: object) -> Request:
    """*request* with the sender's ``connections`` key set, through the JSON form."""
    data = request.to_dict()
    data["sender"] = {**data["sender"], "connections": connections}
    return Request.from_dict(data)


connection_values = st.one_of(
    st.integers(min_value=-3, max_value=40),
    st.integers(min_value=0, max_value=40).map(str),
    st.sampled_from(["500+", " 7 ", "07", "", "+", "12a"]),
    st.text(max_size=8),
)


def test_behaves_on_any_request() -> None:
    check_plugin(rule)


def test_behaves_on_requests_that_carry_a_connection_count() -> None:
    check_plugin(rule, requests=st.builds(with_connections, strategies.requests(), connection_values))


def test_behaves_with_other_settings() -> None:
    check_plugin(rule, settings={"few": 1000}, max_examples=30)
