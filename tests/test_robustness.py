"""Bad input: every record is either read or refused with `InvalidRequest`, and every
request read is decided by the standard rules without an error, the same way twice."""

from __future__ import annotations

import contextlib
import json
import math
import pickle
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from relpolicy import InvalidRequest, Policy, Profile, Request
from relpolicy._checks import MAX_NESTING
from relpolicy.strategies import adversarial_texts, json_values, mangled_json_requests, profiles, requests
from relpolicy.testing import COACH

#: Hostile inputs are large: Hypothesis' warnings about slow or large data do not apply.
HOSTILE = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


def read(data: Any) -> Request | None:
    """`Request.from_dict`, with `None` for a refusal; any other exception propagates."""
    try:
        return Request.from_dict(data)
    except InvalidRequest as exc:
        refusal = exc
    assert refusal.problems, "a refusal names at least one problem"
    assert all(problem.message for problem in refusal.problems)
    str(refusal).encode("utf-8", "backslashreplace")
    assert pickle.loads(pickle.dumps(refusal)).problems == refusal.problems
    return None


def _nested(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = [value]
    return value


@HOSTILE
@given(mangled_json_requests())
@example({"sender": {}, "id": 10**5000})
@example({"sender": {}, "mutual_connections": -(10**5000)})
@example({"sender": {}, "mutual_connections": math.nan})
@example({"sender": {}, "mutual_connections": 1e300})
@example({"sender": {"name": "\ud800", "groups": ["\udfff\x00"]}, "note": "\x1b[31m\x07"})
@example({"sender": {}, "sent_at": "2020-01-01T00:00:00\ud800"})
@example({"sender": {}, "deep": _nested(MAX_NESTING + 1)})
@example({"sender": {}, "recipient": {"groups": "NJ Job Seekers Network"}})
def test_from_dict_reads_a_request_or_refuses_it_and_nothing_else(data: Any) -> None:
    request = read(data)
    if request is not None:
        text = json.dumps(request.to_dict())
        assert json.dumps(Request.from_dict(json.loads(text)).to_dict()) == text


@given(json_values())
def test_profile_from_dict_reads_a_profile_or_refuses_it(data: Any) -> None:
    with contextlib.suppress(InvalidRequest):
        assert isinstance(Profile.from_dict(data), Profile)


@pytest.mark.parametrize("depth", [MAX_NESTING - 1, MAX_NESTING])
def test_values_nested_up_to_the_limit_are_kept(depth: int) -> None:
    request = Request.from_dict({"sender": {}, "deep": _nested(depth)})
    assert json.loads(json.dumps(request.to_dict()))["deep"] == _nested(depth)


def test_values_nested_beyond_the_limit_are_refused_naming_the_key() -> None:
    with pytest.raises(InvalidRequest, match=r"^sender\.deep: nested more than \d+ levels deep$"):
        Request.from_dict({"sender": {"deep": _nested(sys.getrecursionlimit())}})


def test_numbers_too_long_to_write_out_are_refused_naming_the_field() -> None:
    with pytest.raises(InvalidRequest) as caught:
        Request.from_dict({"sender": {}, "id": 10**5000, "mutual_connections": -(10**5000)})
    assert caught.value.paths == ("mutual_connections", "id")
    assert "5001 digits" in str(caught.value)


@pytest.fixture(scope="module")
def default_policy() -> Policy:
    return Policy.default()


@pytest.fixture(scope="module")
def coach_policy() -> Policy:
    return Policy.default(recipient=COACH)


@HOSTILE
@given(requests(text=adversarial_texts()), st.booleans())
def test_the_standard_rules_decide_hostile_text_without_error_and_the_same_way_twice(
    default_policy: Policy, coach_policy: Policy, request: Request, as_coach: bool
) -> None:
    policy = coach_policy if as_coach else default_policy
    decision = policy.decide(request)
    assert decision.errors == ()
    assert policy.decide(Request.from_dict(request.to_dict())) == decision
    json.dumps(decision.to_dict(), allow_nan=False)


@HOSTILE
@given(mangled_json_requests())
def test_every_request_read_from_hostile_json_is_decided_without_error(
    default_policy: Policy, data: Any
) -> None:
    request = read(data)
    if request is not None:
        assert default_policy.decide(request).errors == ()


@settings(HOSTILE, max_examples=30)
@given(st.lists(requests(text=adversarial_texts()), max_size=8), profiles())
def test_decide_many_loses_no_request(coach_policy: Policy, batch: list[Request], someone: Profile) -> None:
    batch = [*batch, Request(sender=someone)]
    decisions = list(coach_policy.decide_many(batch))
    assert len(decisions) == len(batch)
    assert [d.request_id for d in decisions] == [r.id for r in batch]
    assert all(d.errors == () for d in decisions)
