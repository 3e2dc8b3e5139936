"""Deciding in worker processes: in input order, streaming, with bounded memory.

Each worker unpickles the policy once, when it starts; the parent sends chunks of
inputs and keeps only a few chunks in flight, so an input of any length streams.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ._policy import Policy

T = TypeVar("T")
R = TypeVar("R")

#: How many inputs travel to a worker at once.
DEFAULT_CHUNKSIZE = 512
#: How many chunks per worker may be in flight before the parent waits.
_IN_FLIGHT_PER_WORKER = 3

_worker_policy: Policy | None = None


def _start_worker(policy_bytes: bytes) -> None:
    global _worker_policy
    _worker_policy = pickle.loads(policy_bytes)


def worker_policy() -> Policy:
    """The policy of the current worker process (for functions run by `map_in_workers`)."""
    if _worker_policy is None:
        raise RuntimeError("not in a relpolicy worker process")
    return _worker_policy


def _run_chunk(function: Callable[[Policy, T], R], chunk: list[T]) -> list[R]:
    policy = worker_policy()
    return [function(policy, item) for item in chunk]


def _decide(policy: Policy, request: Any) -> Any:
    return policy.decide(request)


def map_in_workers(
    policy: Policy,
    function: Callable[[Policy, T], R],
    items: Iterable[T],
    *,
    workers: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[R]:
    """Yield ``function(policy, item)`` for each item, computed in *workers* processes, in order.

    *function* must be picklable (a module-level function). At most a few chunks per
    worker are in flight, so memory stays bounded however long *items* is.
    """
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, got {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, got {chunksize}")
    context = multiprocessing.get_context("spawn" if multiprocessing.get_start_method() == "spawn" else None)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(pickle.dumps(policy),)
    ) as pool:
        pending: deque[Future[list[R]]] = deque()
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, chunksize)):
            pending.append(pool.submit(_run_chunk, function, chunk))
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def decide_in_workers(
    policy: Policy, requests: Iterable[Any], *, workers: int, chunksize: int
) -> Iterator[Any]:
    """`Policy.decide` for each request, in *workers* processes, in input order."""
    return map_in_workers(policy, _decide, requests, workers=workers, chunksize=chunksize)
