"""`relpolicy.dask` on a real ``distributed`` cluster of two worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from relpolicy import Config, InvalidRequest, Policy, Profile, Request, Vote, hookimpl  # noqa: E402
from relpolicy.dask import DATAFRAME_COLUMNS, decide_bag, decide_dataframe  # noqa: E402

#: Policies built in this process by `CountingRule.relpolicy_configure` (read on each worker).
BUILT: list[str] = []


class CountingRule:
    """Counts how often a policy holding it is built in this process; votes on the note."""

    relpolicy_name = "counting-rule"

    @hookimpl
    def relpolicy_configure(self, config: Config) -> None:
        BUILT.append(self.relpolicy_name)

    @hookimpl
    def relpolicy_vote(self, request: Request, recipient: Profile | None) -> Vote | None:
        if request.note is None:
            return None
        shared = len(request.shared_groups or ())
        return Vote(self.relpolicy_name, len(request.note) / 40 + shared - 0.6, "note and groups")


def builds_here() -> int:
    """Run on a worker by ``client.run``."""
    return len(BUILT)


RECIPIENT = Profile(name="Pat Coach", groups=("NJ Job Seekers Network",))


def request_dicts(count: int) -> list[dict[str, Any]]:
    notes = [None, "Hi", "We met at the NJ Job Seekers Network meeting; could I ask your advice?"]
    return [
        {
            "id": f"r{i}",
            "sender": {"name": f"Sender {i}", "groups": ["NJ Job Seekers Network"] if i % 2 else []},
            **({"note": notes[i % 3]} if notes[i % 3] is not None else {}),
        }
        for i in range(count)
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def policy() -> Policy:
    return Policy([CountingRule()], recipient=RECIPIENT)


def test_a_bag_is_decided_in_order_with_the_policy_built_once_per_worker(client: Any, policy: Policy) -> None:
    items = request_dicts(120)
    expected = [policy.decide(item) for item in items]  # type: ignore[arg-type]
    assert len({d.verdict for d in expected}) == 3
    bag = db.from_sequence(items, npartitions=12)
    assert decide_bag(bag, policy).compute() == expected
    assert decide_bag(bag, policy, output="dict").compute() == [d.to_dict() for d in expected]
    builds = client.run(builds_here)
    assert sorted(builds) == sorted(client.scheduler_info()["workers"])
    assert all(count <= 1 for count in builds.values()), builds  # not once per task
    assert sum(builds.values()) >= 1


def test_a_bag_of_requests_or_json_lines_is_decided_alike(client: Any, policy: Policy) -> None:
    items = request_dicts(30)
    expected = [policy.decide(item).to_dict() for item in items]  # type: ignore[arg-type]
    objects = db.from_sequence([Request.from_dict(item) for item in items], npartitions=3)
    lines = db.from_sequence([json.dumps(item) for item in items], npartitions=3)
    assert decide_bag(objects, policy, output="dict").compute() == expected
    assert decide_bag(lines, policy, output="dict").compute() == expected


def test_another_policy_is_another_policy(client: Any, policy: Policy) -> None:
    items = request_dicts(12)
    weighted = Policy(
        [CountingRule()], recipient=RECIPIENT, config={"rules": {"counting-rule": {"weight": 3}}}
    )
    bag = db.from_sequence(items, npartitions=2)
    scores = [d.score for d in decide_bag(bag, weighted).compute()]
    assert scores == [weighted.decide(item).score for item in items]  # type: ignore[arg-type]
    assert scores != [policy.decide(item).score for item in items]  # type: ignore[arg-type]


def check_frame(result: Any, frame: Any, expected: list[Any]) -> None:
    assert tuple(result.columns) == DATAFRAME_COLUMNS
    assert list(result.index) == list(frame.index)
    assert list(result["id"]) == [d.request_id for d in expected]
    assert list(result["verdict"]) == [d.verdict.value for d in expected]
    assert list(result["score"]) == [d.score for d in expected]
    assert [json.loads(text) for text in result["decision"]] == [d.to_dict() for d in expected]


def test_a_dataframe_column_of_json_text_is_decided_row_by_row(client: Any, policy: Policy) -> None:
    items = request_dicts(40)
    expected = [policy.decide(item) for item in items]  # type: ignore[arg-type]
    column = [json.dumps(item) for item in items]
    frame = pd.DataFrame({"request": column, "n": range(40)}, index=[f"row-{i}" for i in range(40)])
    result = decide_dataframe(dd.from_pandas(frame, npartitions=4, sort=False), policy).compute()
    check_frame(result, frame, expected)


def test_a_dataframe_column_of_objects_is_decided_when_dask_keeps_them(client: Any, policy: Policy) -> None:
    items = request_dicts(20)
    expected = [policy.decide(item) for item in items]  # type: ignore[arg-type]
    column: list[Any] = [Request.from_dict(item) if i % 2 else item for i, item in enumerate(items)]
    frame = pd.DataFrame({"requests": column})
    with dask.config.set({"dataframe.convert-string": False}):  # else Dask turns objects into text
        result = decide_dataframe(dd.from_pandas(frame, npartitions=3), policy, column="requests").compute()
    check_frame(result, frame, expected)


def test_an_invalid_request_fails_the_computation(client: Any, policy: Policy) -> None:
    items: list[Any] = request_dicts(6)
    items[4] = {"sender": {"name": 7}}
    with pytest.raises(InvalidRequest, match=r"sender\.name"):
        decide_bag(db.from_sequence(items, npartitions=2), policy).compute()


@pytest.mark.parametrize("scalar", [7, None, 2.5, True, ["a", "list"], "3", b"null"])
def test_an_item_that_is_no_request_is_an_invalid_request(
    client: Any, policy: Policy, scalar: object
) -> None:
    items: list[Any] = request_dicts(4)
    items[2] = scalar
    with pytest.raises(InvalidRequest, match=r"expected a request"):
        decide_bag(db.from_sequence(items, npartitions=2), policy).compute()


def test_mistakes_are_caught_before_anything_runs(policy: Policy) -> None:
    bag = db.from_sequence(request_dicts(2))
    with pytest.raises(TypeError, match=r"expected a relpolicy\.Policy"):
        decide_bag(bag, object())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="output must be"):
        decide_bag(bag, policy, output="json")  # type: ignore[arg-type]
    frame = dd.from_pandas(pd.DataFrame({"other": [1]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'request'"):
        decide_dataframe(frame, policy)
