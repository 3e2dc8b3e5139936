"""Deciding Dask collections of requests, on one machine or a ``distributed`` cluster.

Install with the ``relpolicy[dask]`` extra. Both functions are lazy: they add tasks to
the collection's graph, and nothing is decided until it is computed.

The policy travels in the graph once, as a single small value that every partition
depends on; each worker process builds the `relpolicy.Policy` from it the first time
a task needs it and keeps it, keyed by a digest of its pickle, for every later task and
computation. Each worker must have relpolicy and the policy's rule plugins installed.

Example::

    import json
    import dask.bag as db
    from distributed import Client
    from relpolicy import Policy
    from relpolicy.dask import decide_bag

    client = Client("tcp://scheduler:8786")
    requests = db.read_text("s3://inbox/2026-*.jsonl").map(json.loads)
    decisions = decide_bag(requests, Policy.default(recipient=me), output="dict")
    decisions.map(json.dumps).to_textfiles("s3://inbox/decided/*.jsonl")
"""

from __future__ import annotations

import hashlib
import json
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

# Typed loosely: the type checker may run where the extra is not installed.
from dask import delayed  # type: ignore[attr-defined, import-not-found, unused-ignore]

from ._errors import InvalidRequest, Problem
from ._model import Decision, Request
from ._policy import Policy

if TYPE_CHECKING:
    import dask.bag as db  # type: ignore[import-not-found, unused-ignore]
    import dask.dataframe as dd  # type: ignore[import-not-found, unused-ignore]
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["DATAFRAME_COLUMNS", "decide_bag", "decide_dataframe"]

#: The columns of `decide_dataframe`'s result.
DATAFRAME_COLUMNS = ("id", "verdict", "score", "decision")

#: How many policies a worker keeps built at once.
_KEEP = 8
_lock = threading.Lock()
_built: OrderedDict[str, Policy] = OrderedDict()


class _PolicyRef:
    """A policy as it travels to the workers: its pickle, and a digest to find it built."""

    __slots__ = ("digest", "payload")

    def __init__(self, policy: Policy) -> None:
        self.payload = pickle.dumps(policy)
        self.digest = hashlib.sha256(self.payload).hexdigest()

    def __getstate__(self) -> tuple[str, bytes]:
        return self.digest, self.payload

    def __setstate__(self, state: tuple[str, bytes]) -> None:
        self.digest, self.payload = state

    def load(self) -> Policy:
        """The policy, built at most once per process (of the last few policies seen)."""
        with _lock:
            policy = _built.get(self.digest)
            if policy is None:
                policy = _built[self.digest] = pickle.loads(self.payload)
                while len(_built) > _KEEP:
                    _built.popitem(last=False)
            else:
                _built.move_to_end(self.digest)
            return policy


def _in_graph(policy: Policy) -> Any:
    """*policy* as one graph value that every partition task depends on."""
    if not isinstance(policy, Policy):
        raise TypeError(f"expected a relpolicy.Policy, got {type(policy).__name__}")
    ref = _PolicyRef(policy)
    return delayed(ref, name=f"relpolicy-policy-{ref.digest[:16]}", pure=True)


def _as_request(item: Any) -> Request | Mapping[str, Any]:
    """A request, from a `Request`, its JSON form, or that form as JSON text.

    Raises:
        InvalidRequest: *item* is none of those (JSON text of anything but an object,
            a number, ``None``...); `Policy.decide` says what is wrong with a mapping.
    """
    if isinstance(item, (str, bytes, bytearray)):
        try:
            item = json.loads(item)
        except ValueError as exc:  # (JSONDecodeError, and integers too long to read)
            raise InvalidRequest([Problem("", f"expected a request as JSON text: {exc}")]) from None
    if isinstance(item, (Request, Mapping)):
        return item
    raise InvalidRequest([Problem("", f"expected a request, got {type(item).__name__}")])


def _decide_partition(items: Iterable[object], ref: _PolicyRef, output: str) -> list[Any]:
    decide = ref.load().decide
    decisions = [decide(_as_request(item)) for item in items]  # type: ignore[arg-type] # (a mapping is read)
    if output == "dict":
        return [d.to_dict() for d in decisions]
    return decisions


def decide_bag(
    requests: db.Bag, policy: Policy, *, output: Literal["decision", "dict"] = "decision"
) -> db.Bag:
    """Decide every request of a Dask bag, in the bag's order.

    Args:
        requests: A bag of `relpolicy.Request` values, of requests in their JSON form
            (mappings), or of that form as JSON text (one request per item, as
            ``dask.bag.read_text`` gives the lines of a ``.jsonl`` file).
        policy: The policy to decide with.
        output: ``"decision"`` for `relpolicy.Decision` values, ``"dict"`` for their
            JSON-safe `relpolicy.Decision.to_dict` form, which is cheaper to move
            between workers and ready for ``json.dumps``.

    Returns:
        A bag with one item per request.

    Raises:
        TypeError: *policy* is not a `relpolicy.Policy`.
        ValueError: *output* is neither ``"decision"`` nor ``"dict"``.

    Computing the bag raises `relpolicy.InvalidRequest` for a request that is not
    valid, as `relpolicy.Policy.decide` does.
    """
    if output not in ("decision", "dict"):
        raise ValueError(f"output must be 'decision' or 'dict', got {output!r}")
    collection: Any = requests
    decided: db.Bag = collection.map_partitions(_decide_partition, _in_graph(policy), output)
    return decided


def _frame(decisions: list[Decision], index: pd.Index[Any]) -> pd.DataFrame:
    import pandas as pd  # only DataFrames need it, and it takes a while to import

    columns = {
        "id": [d.request_id for d in decisions],
        "verdict": [d.verdict.value for d in decisions],
        "score": [d.score for d in decisions],
        "decision": [json.dumps(d.to_dict()) for d in decisions],
    }
    frame = pd.DataFrame(columns, index=index, columns=list(DATAFRAME_COLUMNS))
    return frame.astype({"id": object, "verdict": object, "score": "float64", "decision": object})


def _decide_series(series: pd.Series[Any], ref: _PolicyRef) -> pd.DataFrame:
    return _frame(_decide_partition(series, ref, "decision"), series.index)


def decide_dataframe(requests: dd.DataFrame, policy: Policy, *, column: str = "request") -> dd.DataFrame:
    """Decide the request in each row of a Dask DataFrame.

    Args:
        requests: A DataFrame with a column of requests: `relpolicy.Request` values,
            mappings in the JSON form, or JSON text.
        policy: The policy to decide with.
        column: The name of that column.

    Returns:
        A DataFrame with the same index and partitions, and the columns of
        `DATAFRAME_COLUMNS`: ``id`` (the request's), ``verdict`` (``"accept"``,
        ``"decline"`` or ``"review"``), ``score`` and ``decision`` (the whole decision
        as JSON text). Join it to *requests* to keep both.

    Raises:
        TypeError: *policy* is not a `relpolicy.Policy`.
        KeyError: *requests* has no column *column*.
    """
    if column not in requests.columns:
        raise KeyError(f"no column {column!r} in the DataFrame (it has {list(requests.columns)})")
    collection: Any = requests
    meta = _frame([], collection._meta.index)
    decided: dd.DataFrame = collection[column].map_partitions(_decide_series, _in_graph(policy), meta=meta)
    return decided
