"""Deciding in several processes: in input order, streaming, with bounded memory.

``workers=N`` means N processes decide: this one and N - 1 worker processes. The
workers unpickle the policy once, when they start. This process cuts the input into
chunks and keeps a few chunks per worker in flight; whenever the workers have enough
to do, it decides the next chunk itself instead of waiting. That matters on a small
machine: sending a request to another process and its decision back costs a fair
part of deciding it, so on two cores one worker plus this process beats two workers.

Requests travel in the compact form of `relpolicy._wire`, and decisions come back in
it, each chunk pickled and compressed (see `_seal`). ``multiprocessing`` and
``concurrent.futures`` are imported on first use: most programs never start a worker,
and they would add to every ``import relpolicy``.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import pickle
import threading
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from . import _wire
from ._model import Request
from ._policy import DEFAULT_CHUNKSIZE

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

    from ._model import Decision
    from ._policy import Policy

T = TypeVar("T")
R = TypeVar("R")

#: How many chunks per worker may be in flight before this process decides one itself.
_IN_FLIGHT_PER_WORKER = 3

#: What a chunk gives: the results, up to the item that raised, and what it raised.
_Outcome = tuple[Any, "BaseException | None"]

_worker_policy: Policy | None = None


def _start_worker(policy_bytes: bytes) -> None:
    global _worker_policy
    _worker_policy = pickle.loads(policy_bytes)
    # The policy, its plugins and their tables live as long as the worker: leave them
    # out of the garbage collector's full passes, which would walk them all each time.
    gc.freeze()


def worker_policy() -> Policy:
    """The policy of the current worker process (for functions run by `map_in_workers`)."""
    if _worker_policy is None:
        raise RuntimeError("not in a relpolicy worker process")
    return _worker_policy


def _until_error(function: Callable[[T], R], items: Iterable[T], failures: list[Exception]) -> Iterator[R]:
    """``function`` of each item, as they are asked for, until one raises: what it raised
    is appended to *failures*."""
    for item in items:
        try:
            result = function(item)
        except Exception as exc:
            failures.append(exc)
            return
        yield result


def _apply(function: Callable[[T], R], items: Iterable[T]) -> tuple[list[R], BaseException | None]:
    """``function`` of each item until one raises: the results so far and the error, as a loop."""
    failures: list[Exception] = []
    results = list(_until_error(function, items, failures))
    return results, failures[0] if failures else None


def _map_chunk(function: Callable[[Policy, T], R], chunk: list[T]) -> _Outcome:
    return _apply(functools.partial(function, worker_policy()), chunk)


def _seal(value: object) -> bytes:
    """*value* pickled and compressed, to send to another process (`_unseal` undoes it).

    ``concurrent.futures`` moves each chunk to a worker, and its decisions back, through
    pipes that helper threads of this process write and read. A message larger than a
    pipe's buffer (64 KiB on Linux) goes in parts, and each part waits for the helper
    thread to get the interpreter lock, up to ``sys.getswitchinterval()`` (5 ms) while
    this process decides; the worker idles meanwhile. At zlib's fastest level, which
    costs 1 to 1.5 µs a request on each side, a chunk of 512 requests shrinks below
    that, and so do their decisions: to about a fifth of their size on the benchmarks'
    requests (``benchmarks/transfer.py`` prints both).
    """
    return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)


def _unseal(sealed: bytes) -> Any:
    return pickle.loads(zlib.decompress(sealed))


def _decide_chunk(sealed: bytes) -> _Outcome:
    decide = worker_policy().decide
    failures: list[Exception] = []
    # Each decision is packed, and let go, as it is made.
    decided = _until_error(lambda item: decide(_wire.unpack_request(item)), _unseal(sealed), failures)
    return _seal(_wire.pack_decisions(decided)), failures[0] if failures else None


def _context() -> BaseContext:
    """The platform's way of starting processes, but never ``fork`` beside other threads.

    Forking a process that runs threads can copy a lock held by one of them, and
    deadlock the child (Python 3.12 warns of it); ``spawn`` starts afresh.
    """
    import multiprocessing

    context = multiprocessing.get_context()
    if context.get_start_method() == "fork" and threading.active_count() > 1:
        return multiprocessing.get_context("spawn")
    return context


def _in_order(
    policy: Policy,
    items: Iterable[Any],
    *,
    workers: int,
    chunksize: int,
    remote: Callable[[Any], _Outcome],
    pack: Callable[[list[Any]], Any],
    local: Callable[[list[Any]], _Outcome],
) -> Generator[_Outcome, None, None]:
    """Each chunk's outcome, in input order: ``remote(pack(chunk))`` in a worker, or ``local(chunk)``.

    A chunk that *pack* returns ``None`` for is decided here too.
    """
    from concurrent.futures import ProcessPoolExecutor

    limit = (workers - 1) * _IN_FLIGHT_PER_WORKER
    pool = ProcessPoolExecutor(
        workers - 1, mp_context=_context(), initializer=_start_worker, initargs=(pickle.dumps(policy),)
    )
    pending: deque[Future[_Outcome] | _Outcome] = deque()
    in_flight = 0
    iterator = iter(items)
    try:
        while chunk := list(itertools.islice(iterator, chunksize)):
            packed = pack(chunk) if in_flight < limit else None
            if packed is not None:
                pending.append(pool.submit(remote, packed))
                in_flight += 1
            else:  # the workers have enough to do, or the chunk cannot travel: decide it here
                pending.append(local(chunk))
            # Hand on what is ready; wait only when too much is buffered behind a worker.
            while pending and (len(pending) > 2 * limit or _ready(pending[0])):
                head = pending.popleft()
                if isinstance(head, tuple):
                    yield head
                else:
                    in_flight -= 1
                    yield head.result()
        while pending:
            head = pending.popleft()
            yield head if isinstance(head, tuple) else head.result()
    finally:
        # Also when the reader stops early: drop the chunks not started yet.
        pool.shutdown(wait=True, cancel_futures=True)


def _ready(entry: Future[_Outcome] | _Outcome) -> bool:
    return isinstance(entry, tuple) or entry.done()


def _check(workers: int, chunksize: int) -> None:
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, got {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, got {chunksize}")


def map_in_workers(
    policy: Policy,
    function: Callable[[Policy, T], R],
    items: Iterable[T],
    *,
    workers: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[R]:
    """Yield ``function(policy, item)`` for each item, in order, computed in *workers* processes.

    This process is one of them (``workers=1`` starts none). *function* must be
    picklable (a module-level function); so must the items and the results. At most a
    few chunks per worker are in flight, so memory stays bounded however long *items*
    is. When *function* raises, the results before the failing item are yielded and
    then the exception is raised, as a plain loop would.
    """
    _check(workers, chunksize)
    if workers == 1:
        yield from (function(policy, item) for item in items)
        return
    outcomes = _in_order(
        policy,
        items,
        workers=workers,
        chunksize=chunksize,
        remote=functools.partial(_map_chunk, function),
        pack=_same,
        local=functools.partial(_apply, functools.partial(function, policy)),
    )
    with contextlib.closing(outcomes):  # stop the workers now, even when raising
        for results, error in outcomes:
            yield from results
            if error is not None:
                raise error


def decide_in_workers(
    policy: Policy, requests: Iterable[Any], *, workers: int, chunksize: int = DEFAULT_CHUNKSIZE
) -> Iterator[Decision]:
    """`Policy.decide` for each request, in *workers* processes (this one included), in input order."""
    _check(workers, chunksize)
    if workers == 1:
        yield from map(policy.decide, requests)
        return
    outcomes = _in_order(
        policy,
        requests,
        workers=workers,
        chunksize=chunksize,
        remote=_decide_chunk,
        pack=_pack_requests,
        local=functools.partial(_apply, policy.decide),
    )
    with contextlib.closing(outcomes):  # stop the workers now, even when raising
        for results, error in outcomes:
            yield from results if isinstance(results, list) else _wire.unpack_decisions(_unseal(results))
            if error is not None:
                raise error


def _same(chunk: list[Any]) -> list[Any]:
    return chunk


def _pack_requests(chunk: list[Any]) -> bytes | None:
    """The chunk's requests packed and sealed, or ``None`` when one is not a request nor
    a mapping (deciding it here raises the error `Policy.decide` raises, in its place),
    or cannot be pickled (a request may carry any value in ``extra``)."""
    packed = [_wire.pack_request(request) for request in chunk]
    for item in packed:
        if type(item) is list and not isinstance(item[0], (Request, Mapping)):
            return None
    try:
        return _seal(packed)
    except Exception:  # (pickle raises TypeError, PicklingError, AttributeError ...)
        return None
