"""Profiles and requests: their JSON forms, validation, and immutability."""

from __future__ import annotations

import pickle
from datetime import datetime, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from relpolicy import Decision, InvalidRequest, Profile, Request, Verdict, Vote

from .strategies import profiles, requests


def minimal(**fields: Any) -> dict[str, Any]:
    return {"sender": {"name": "Sam Rivera"}, **fields}


@given(requests())
def test_request_json_round_trip(request: Request) -> None:
    assert Request.from_dict(request.to_dict()) == request


@given(profiles())
def test_profile_json_round_trip(profile: Profile) -> None:
    assert Profile.from_dict(profile.to_dict()) == profile


@given(requests())
def test_requests_pickle(request: Request) -> None:
    assert pickle.loads(pickle.dumps(request)) == request


def test_only_the_sender_is_required() -> None:
    request = Request.from_dict(minimal())
    assert request.sender.name == "Sam Rivera"
    assert (request.note, request.mutual_connections, request.id, request.recipient) == (None,) * 4


def test_nulls_are_the_same_as_absent_fields() -> None:
    nulls = dict.fromkeys(("id", "note", "sent_at", "mutual_connections", "shared_groups", "recipient"))
    assert Request.from_dict(minimal(**nulls)) == Request.from_dict(minimal())


def test_missing_sender_is_named() -> None:
    with pytest.raises(InvalidRequest, match=r"^sender: is required$"):
        Request.from_dict({"note": "hi"})


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (minimal(sender={"groups": 3}), "sender.groups", "expected a list of strings, got int"),
        (minimal(sender={"groups": ["a", 2]}), "sender.groups[1]", "expected a string, got int"),
        (minimal(mutual_connections=-4), "mutual_connections", "0 or more"),
        (minimal(mutual_connections="12"), "mutual_connections", "expected a whole number, got str"),
        (minimal(mutual_connections=True), "mutual_connections", "expected a whole number, got bool"),
        (minimal(mutual_connections=2.5), "mutual_connections", "whole number"),
        (minimal(note=["hi"]), "note", "expected a string, got list"),
        (minimal(sent_at="yesterday"), "sent_at", "ISO 8601"),
        (minimal(recipient={"open_to_work": "yes"}), "recipient.open_to_work", "true or false"),
        (minimal(shared_groups="NJ Job Seekers"), "shared_groups", "list of strings, got str"),
        ({"sender": "Sam"}, "sender", "expected an object, got str"),
    ],
)
def test_bad_fields_are_named(data: dict[str, Any], path: str, message: str) -> None:
    with pytest.raises(InvalidRequest) as info:
        Request.from_dict(data)
    assert [p.path for p in info.value.problems] == [path]
    assert message in info.value.problems[0].message
    assert str(info.value).startswith(f"{path}: ")


def test_every_problem_of_one_input_is_reported_at_once() -> None:
    data = {"sender": {"groups": 3, "skills": [1]}, "note": 5, "mutual_connections": -1}
    with pytest.raises(InvalidRequest) as info:
        Request.from_dict(data)
    assert set(info.value.paths) == {"sender.groups", "sender.skills[0]", "note", "mutual_connections"}


@pytest.mark.parametrize("data", [[], "x", 3, None])
def test_a_request_must_be_an_object(data: Any) -> None:
    with pytest.raises(InvalidRequest, match="expected a JSON object"):
        Request.from_dict(data)


def test_invalid_request_pickles_with_its_problems() -> None:
    with pytest.raises(InvalidRequest) as info:
        Request.from_dict({})
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.problems == info.value.problems
    assert str(copy) == str(info.value)


def test_unknown_keys_are_kept_for_plugins() -> None:
    data = minimal(campaign={"source": "event", "tags": ["a", "b"]}, sender={"name": "S", "pronouns": "they"})
    request = Request.from_dict(data)
    assert request.extra["campaign"]["tags"] == ("a", "b")
    assert request.sender.extra == {"pronouns": "they"}
    assert request.to_dict()["campaign"] == {"source": "event", "tags": ["a", "b"]}


def test_extra_cannot_be_changed_by_a_plugin() -> None:
    request = Request.from_dict(minimal(campaign={"source": "event"}))
    with pytest.raises(TypeError):
        request.extra["campaign"] = "changed"  # type: ignore[index]
    with pytest.raises(TypeError):
        request.extra["campaign"]["source"] = "changed"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        request.note = "changed"  # type: ignore[misc]


def test_shared_groups_default_to_the_common_groups() -> None:
    data = minimal(
        sender={"groups": ["NJ Job Seekers Network", "PyData NYC"]},
        recipient={"groups": ["nj job seekers network", "Career Coaches Circle"]},
    )
    assert Request.from_dict(data).shared_groups == ("NJ Job Seekers Network",)


def test_given_shared_groups_win_over_the_intersection() -> None:
    data = minimal(shared_groups=["A"], sender={"groups": ["B"]}, recipient={"groups": ["B"]})
    assert Request.from_dict(data).shared_groups == ("A",)


def test_without_a_recipient_shared_groups_are_unknown() -> None:
    assert Request.from_dict(minimal(sender={"groups": ["B"]})).shared_groups is None


def test_sent_at_reads_utc_z_and_writes_it_back() -> None:
    request = Request.from_dict(minimal(sent_at="2026-11-20T14:03:00Z"))
    assert request.sent_at == datetime(2026, 11, 20, 14, 3, tzinfo=timezone.utc)
    assert request.to_dict()["sent_at"] == "2026-11-20T14:03:00Z"


def test_numeric_ids_become_strings() -> None:
    assert Request.from_dict(minimal(id=17)).id == "17"


def test_direct_construction_checks_types_with_the_field_name() -> None:
    with pytest.raises(TypeError, match="'name'"):
        Profile(name=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"'groups\[0\]'"):
        Profile(groups=[1])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="mutual_connections"):
        Request(sender=Profile(), mutual_connections=-1)


@pytest.mark.parametrize("score", [float("nan"), float("inf"), -float("inf")])
def test_votes_refuse_non_finite_scores(score: float) -> None:
    with pytest.raises(ValueError, match="'score' must be finite"):
        Vote("r", score)


def test_vote_positional_form_and_defaults() -> None:
    vote = Vote("my-rule", 1, "has a note")
    assert (vote.rule, vote.score, vote.reason, vote.veto, vote.evidence) == (
        "my-rule",
        1.0,
        "has a note",
        False,
        (),
    )
    assert isinstance(vote.score, float)


@given(st.builds(Vote, rule=st.text(), score=st.floats(allow_nan=False, allow_infinity=False)))
def test_vote_json_round_trip(vote: Vote) -> None:
    assert Vote.from_dict(vote.to_dict()) == vote


def test_decision_json_form_matches_the_contract() -> None:
    vote = Vote("note-present", 1.5, "personal note that says why to connect", evidence=("heard you speak",))
    decision = Decision(Verdict.ACCEPT, 1.5, (vote,), request_id="inv-0001")
    data = decision.to_dict()
    assert list(data) == ["id", "verdict", "score", "votes", "actions", "errors"]
    assert data["verdict"] == "accept"
    assert data["votes"][0] == {
        "rule": "note-present",
        "score": 1.5,
        "veto": False,
        "reason": "personal note that says why to connect",
        "evidence": ["heard you speak"],
    }
    assert Decision.from_dict(data) == decision


@given(requests(with_recipient=False), profiles())
def test_with_recipient_is_the_same_as_evolve(request: Request, recipient: Profile) -> None:
    assert request.with_recipient(recipient) == attrs.evolve(request, recipient=recipient)
