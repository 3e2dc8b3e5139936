"""What sending requests to a worker process and their decisions back costs.

    python benchmarks/investigations/transfer.py                # 60,000 requests in their JSON form
    python benchmarks/investigations/transfer.py --count 20000 --form Request

First the pieces alone, per request, on chunks of 512 (the least of five turns): what
this process does to send a chunk (pack and seal) and to take its decisions back (unseal
and rebuild), and what the worker does besides deciding (unseal the chunk, pack and
seal the decisions). Then
``Policy.decide_many(workers=2)`` over the requests, with the worker's chunks timed from
inside: how long the worker sat idle between two chunks, which is time the transfer
costs beyond CPU (see ``relpolicy._parallel._seal``). ``--no-compression`` sends the
chunks pickled but not compressed, as the worker machinery did before.
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import os
import pickle
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))  # (the benchmarks: corpus, conftest)

import corpus
from conftest import standard_policy

from relpolicy import Policy, Request, _parallel, _wire

CHUNK = 512


def per_request(function: Callable[[Any], Any], chunks: list[Any], turns: int = 5) -> tuple[list[Any], float]:
    """*function* of each chunk, and the time it took per request in µs: the least of
    *turns* turns, so that a garbage collector's full pass does not land in one piece."""
    best = float("inf")
    for _ in range(turns):
        start = time.process_time()
        results = [function(chunk) for chunk in chunks]
        best = min(best, time.process_time() - start)
    return results, best / (CHUNK * len(chunks)) * 1e6


def pieces(policy: Policy, items: list[Any]) -> None:
    chunks = [items[i : i + CHUNK] for i in range(0, len(items) - CHUNK + 1, CHUNK)]
    sealed, send = per_request(_parallel._pack_requests, chunks)
    # The worker's pieces, with what this process holds frozen, as the worker has it
    # (see `relpolicy._parallel._work`): else the garbage collector's passes
    # over it, which the worker does not make, would count.
    gc.freeze()
    try:
        packed, worker_unseal = per_request(_parallel._unseal, sealed)
        decisions = [[policy.decide(_wire.unpack_request(item)) for item in chunk] for chunk in packed]
        tables, worker_pack = per_request(_wire.pack_decisions, decisions)
        back, worker_seal = per_request(_parallel._seal, tables)
        del packed, decisions, tables
    finally:
        gc.unfreeze()
    unsealed, unseal = per_request(_parallel._unseal, back)
    _, rebuild = per_request(lambda chunk: sum(1 for _ in _wire.unpack_decisions(chunk)), unsealed)
    print("per request, in µs:")
    print(f"  this process sends it: {send:.1f} (pack and seal)")
    back_cost = f"{unseal + rebuild:.1f} (unseal {unseal:.1f}, rebuild {rebuild:.1f})"
    print(f"  this process takes its decision back: {back_cost}")
    worker = worker_unseal + worker_pack + worker_seal
    parts = f"unseal {worker_unseal:.1f}, pack {worker_pack:.1f}, seal {worker_seal:.1f}"
    print(f"  the worker, besides deciding: {worker:.1f} ({parts})")
    request_bytes = statistics.mean(map(len, sealed)) / CHUNK
    decision_bytes = statistics.mean(map(len, back)) / CHUNK
    print(f"  it travels in {request_bytes:.0f} bytes, and its decision comes back in {decision_bytes:.0f}")


_decide_chunk = _parallel._decide_chunk
_unseal = _parallel._unseal
_spans: list[tuple[float, float]] = []


def _timed_chunk(policy: Policy, sealed: bytes) -> tuple[Any, Any]:
    """`_decide_chunk`, with when it started and ended (it runs in the worker)."""
    start = time.perf_counter()
    outcome, error = _decide_chunk(policy, sealed)
    return (outcome, (start, time.perf_counter())), error


def _unseal_timed(value: Any) -> Any:
    if isinstance(value, tuple):  # a worker's outcome, and when the worker made it
        _spans.append(value[1])
        value = value[0]
    return _unseal(value)


def idle_between_chunks(policy: Policy, items: list[Any]) -> None:
    """Decide *items* with ``workers=2``, the worker's chunks timed; report its idle gaps."""
    _parallel._decide_chunk = _timed_chunk
    _parallel._unseal = _unseal_timed  # type: ignore[assignment]
    try:
        before, start = os.times(), time.perf_counter()
        count = sum(1 for _ in policy.decide_many(items, workers=2))
        after, wall = os.times(), time.perf_counter() - start
    finally:
        _parallel._decide_chunk, _parallel._unseal = _decide_chunk, _unseal
    spans = sorted(_spans)
    gaps = [later[0] - earlier[1] for earlier, later in itertools.pairwise(spans)]
    cpu = sum(after[:4]) - sum(before[:4])
    print(f"workers=2: {count:,} requests in {wall:.2f} s, {count / wall:,.0f} a second,", end=" ")
    print(f"{cpu / wall:.2f} cores had")
    print(f"the worker decided {len(spans)} chunks; idle between two of them:")
    idle = sum(gaps)
    print(
        f"  median {statistics.median(gaps) * 1e3:.1f} ms, {idle:.2f} s in all ({idle / wall:.0%} of the run)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60_000, help="requests for the run with workers")
    parser.add_argument("--form", choices=["JSON", "Request"], default="JSON")
    parser.add_argument(
        "--no-compression", action="store_true", help="seal chunks with pickle alone, as before compression"
    )
    args = parser.parse_args()
    if args.no_compression:
        global _unseal
        _parallel._seal = functools.partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)
        _parallel._unseal = _unseal = pickle.loads  # type: ignore[assignment]
    policy = standard_policy(corpus.recipient())
    items: list[Any] = list(corpus.request_dicts(args.count, seed=7))
    if args.form == "Request":
        items = [Request.from_dict(item) for item in items]
    pieces(policy, items[: 20 * CHUNK])
    idle_between_chunks(policy, items)


if __name__ == "__main__":
    main()
