"""Deciding in several processes: the same answers as one process, in order, streaming.

The compact wire form is tested without processes (it must give back equal values of
the same types); a few tests then start real worker processes.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import (
    Action,
    Decision,
    InvalidRequest,
    Policy,
    Profile,
    Request,
    RuleFailure,
    Verdict,
    Vote,
    _parallel,
    _wire,
    hookimpl,
)

from . import rule_module
from .strategies import FixedRule, requests, votes

# -- rules whose answers depend on the request, so that a mix-up of order shows ------------


class NoteLength:
    """Votes the length of the note (so every request gets its own score), with evidence;
    vetoes an empty note."""

    relpolicy_name = "note-length"

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote | None:
        if request.note is None:
            return None
        if not request.note:
            return Vote("note-length", -1.0, "an empty note", veto=True)
        return Vote("note-length", len(request.note) / 100, "how long", evidence=(request.note[:20],))


class RecipientEcho:
    """Votes only when it sees a recipient, and suggests a step naming the sender."""

    relpolicy_name = "recipient-echo"

    @hookimpl
    def relpolicy_vote(self, request: Request, recipient: Profile | None) -> Vote | None:
        if recipient is None:
            return None
        return Vote("recipient-echo", -0.0 if request.sender.name else 0.0, "a recipient is known")

    @hookimpl
    def relpolicy_actions(self, request: Request) -> list[Action]:
        return [Action("say-hello", f"Say hello to {request.sender.name}")] if request.sender.name else []


class FailsOnShortNotes:
    """Raises for notes under ten characters: a failure recorded in the decision."""

    relpolicy_name = "fails-on-short-notes"

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote | None:
        if request.note is not None and len(request.note) < 10:
            raise ValueError("too short to judge")
        return None


class LoudVote(Vote):
    """A `Vote` subclass a plugin might return: it must come back as itself."""


class SubclassVoter:
    relpolicy_name = "subclass-voter"

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote | None:
        return LoudVote("subclass-voter", 0.125, "loud") if request.id and request.id.endswith("7") else None


RECIPIENT = Profile(name="Pat Coach", groups=("NJ Job Seekers Network",))
RULES = [NoteLength(), RecipientEcho(), FailsOnShortNotes(), SubclassVoter(), rule_module]


def make_requests(count: int) -> list[Request]:
    notes = [None, "", "hi", "I heard you speak at the NJ Job Seekers Network", "x" * 300]
    return [
        Request(
            sender=Profile(name=f"Sender {i}" if i % 3 else None, groups=("NJ Job Seekers Network",)),
            note=notes[i % len(notes)],
            mutual_connections=i % 7 or None,
            id=f"r{i}",
            extra={"source": "test"} if i % 4 == 0 else {},
        )
        for i in range(count)
    ]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return Policy(RULES, recipient=RECIPIENT)


# -- the wire form --------------------------------------------------------------------------


@settings(max_examples=200)
@given(requests())
def test_a_request_comes_back_equal_and_of_its_type(request: Request) -> None:
    back = _wire.unpack_request(pickle.loads(pickle.dumps(_wire.pack_request(request))))
    assert type(back) is Request
    assert back == request
    assert back.to_dict() == request.to_dict()


def test_anything_else_travels_as_it_is() -> None:
    @attrs.frozen
    class TaggedRequest(Request):
        pass

    tagged = TaggedRequest(sender=Profile(name="x"))
    mapping = {"sender": {"name": "x"}}
    for item in (tagged, mapping, ("a", "tuple"), None):
        assert _wire.unpack_request(_wire.pack_request(item)) is item


def decisions_of(draw_votes: list[list[Vote]], verdicts: list[Verdict]) -> list[Decision]:
    actions = (Action("propose-call", "Call"), Action("ask", "Ask how to help"))
    return [
        Decision(
            verdict,
            math.fsum(v.score for v in vs),
            tuple(vs),
            actions[: i % 3],
            (RuleFailure("r", "ValueError", "bad"),) if i % 5 == 0 else (),
            None if i % 4 == 0 else f"id-{i}",
        )
        for i, (vs, verdict) in enumerate(zip(draw_votes, verdicts, strict=True))
    ]


@settings(max_examples=100)
@given(st.data())
def test_decisions_come_back_equal_and_of_their_types(data: st.DataObject) -> None:
    pool = data.draw(st.lists(votes(), min_size=1, max_size=6))
    vote_lists = data.draw(st.lists(st.lists(st.sampled_from(pool), max_size=4), max_size=20))
    verdicts = data.draw(
        st.lists(st.sampled_from(Verdict), min_size=len(vote_lists), max_size=len(vote_lists))
    )
    decisions = decisions_of(vote_lists, verdicts)
    back = list(_wire.unpack_decisions(pickle.loads(pickle.dumps(_wire.pack_decisions(decisions)))))
    assert back == decisions
    assert [type(d) for d in back] == [Decision] * len(decisions)
    assert [d.to_dict() for d in back] == [d.to_dict() for d in decisions]


def test_the_sign_of_a_zero_score_survives() -> None:
    decisions = [Decision(Verdict.REVIEW, 0.0, (Vote("a", score),)) for score in (0.0, -0.0, 0.0)]
    back = list(_wire.unpack_decisions(_wire.pack_decisions(decisions)))
    assert [math.copysign(1, d.votes[0].score) for d in back] == [1, -1, 1]


def test_subclassed_values_in_decisions_travel_as_they_are() -> None:
    loud = Decision(Verdict.ACCEPT, 1.0, (LoudVote("a", 1.0),))
    back = list(_wire.unpack_decisions(_wire.pack_decisions([loud])))
    assert type(back[0].votes[0]) is LoudVote
    assert back == [loud]


# -- worker processes -----------------------------------------------------------------------


def test_workers_give_the_same_decisions_in_the_same_order(policy: Policy) -> None:
    requests = make_requests(700)
    expected = [policy.decide(r) for r in requests]
    assert {d.verdict for d in expected} == set(Verdict)  # the mix covers every verdict
    assert any(d.errors for d in expected)
    assert any(d.actions for d in expected)
    got = list(policy.decide_many(iter(requests), workers=3, chunksize=16))
    assert got == expected
    assert [type(v) for d in got for v in d.votes] == [type(v) for d in expected for v in d.votes]


def test_workers_read_the_json_form_too(policy: Policy) -> None:
    requests = make_requests(60)
    got = list(policy.decide_many((r.to_dict() for r in requests), workers=2, chunksize=8))  # type: ignore[misc]
    assert got == [policy.decide(r) for r in requests]


def test_input_is_read_a_few_chunks_ahead_only(policy: Policy) -> None:
    consumed = 0

    def endless() -> Iterator[Request]:
        nonlocal consumed
        for request in itertools.cycle(make_requests(50)):
            consumed += 1
            yield request

    decisions = policy.decide_many(endless(), workers=2, chunksize=10)
    first = list(itertools.islice(decisions, 25))
    decisions.close()  # type: ignore[attr-defined]
    assert [d.request_id for d in first] == [f"r{i}" for i in range(25)]
    # One worker has at most three chunks in flight; at most twice that wait behind it.
    assert consumed <= 10 * (3 + 2 * 3 + 2)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        ({"sender": {"name": 3}}, InvalidRequest, r"sender\.name"),
        (lambda: None, TypeError, r"decide\(\) takes a Request, got function"),
    ],
)
def test_a_bad_item_stops_the_stream_where_a_loop_would(
    policy: Policy, bad: object, error: type[Exception], message: str
) -> None:
    items: list[Any] = [r.to_dict() for r in make_requests(30)]
    items[17] = bad
    got: list[Decision] = []
    with pytest.raises(error, match=message):
        got.extend(policy.decide_many(iter(items), workers=2, chunksize=4))
    assert got == [policy.decide(item) for item in items[:17]]
    assert multiprocessing.active_children() == []  # the workers stopped with the error


def test_a_request_that_cannot_be_pickled_is_decided_here(policy: Policy) -> None:
    requests = make_requests(30)
    # (any value can ride in `extra`; a lock cannot be pickled) In the first chunk,
    # which is always sent to the worker:
    requests[2] = attrs.evolve(requests[2], extra={"lock": threading.Lock()})
    got = list(policy.decide_many(iter(requests), workers=2, chunksize=4))
    assert got == [policy.decide(r) for r in requests]
    assert multiprocessing.active_children() == []


def test_beside_other_threads_workers_are_spawned_not_forked(policy: Policy) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert _parallel._context().get_start_method() == "spawn"
        requests = make_requests(40)
        assert list(policy.decide_many(requests, workers=2, chunksize=5)) == [
            policy.decide(r) for r in requests
        ]
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize(("workers", "chunksize"), [(0, 10), (2, 0)])
def test_nonsense_counts_are_refused(policy: Policy, workers: int, chunksize: int) -> None:
    with pytest.raises(ValueError, match="must be 1 or more"):
        list(_parallel.decide_in_workers(policy, make_requests(3), workers=workers, chunksize=chunksize))


def test_one_worker_decides_here(policy: Policy) -> None:
    requests = make_requests(5)
    assert list(policy.decide_many(requests, workers=1)) == [policy.decide(r) for r in requests]
    assert multiprocessing.active_children() == []


def test_a_fixed_rule_policy_pickles_into_workers() -> None:
    policy = Policy([FixedRule("a", Vote("a", 1.5, "yes", evidence=("e",)))])
    requests = make_requests(20)
    assert list(policy.decide_many(requests, workers=2, chunksize=3)) == [policy.decide(r) for r in requests]


def test_importing_relpolicy_loads_no_process_machinery_nor_optional_packages() -> None:
    wanted = {"multiprocessing", "concurrent", "dask", "distributed", "pandas", "hypothesis", "click"}
    probe = f"import sys, relpolicy; print(sorted(m for m in sys.modules if m.split('.')[0] in {wanted!r}))"
    assert subprocess.check_output([sys.executable, "-c", probe], text=True).strip() == "[]"
