"""What a process pays for seeing only part of the stream: the rules' caches answer less often.

    python benchmarks/investigations/half_stream.py                  # 200,000 requests, three turns
    python benchmarks/investigations/half_stream.py --count 100000 --turns 2

``decide_many(workers=2)`` cuts the input into chunks of 512 and decides about every
other one in each process. A note, headline or name that repeats is then found in a
process's caches only when it came that process's way before. This decides, in a fresh
interpreter each time (so that no cache is shared), every request, and then only the
even and only the odd chunks, and prints the CPU time per decision of each. Each turn
runs the three in another order, so that a drift of the machine's speed does not always
favour the same one; the last line is the median over the turns.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # (the benchmarks: corpus, conftest)

import corpus

from relpolicy import Policy, Request
from relpolicy._policy import DEFAULT_CHUNKSIZE

PARTS = ("all", "even chunks", "odd chunks")


def decide(part: str, count: int) -> float:
    """CPU seconds per decision over *part* of *count* requests (in this process)."""
    items = [Request.from_dict(data) for data in corpus.request_dicts(count, seed=7)]
    chunks = [items[i : i + DEFAULT_CHUNKSIZE] for i in range(0, len(items), DEFAULT_CHUNKSIZE)]
    chosen = {
        "all": items,
        "even chunks": [r for chunk in chunks[0::2] for r in chunk],
        "odd chunks": [r for chunk in chunks[1::2] for r in chunk],
    }[part]
    policy = Policy.default(recipient=corpus.recipient())
    start = time.process_time()
    for request in chosen:
        policy.decide(request)
    return (time.process_time() - start) / len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000, help="requests in the stream")
    parser.add_argument("--turns", type=int, default=3, help="times each part is decided")
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)  # (one run, in a child)
    args = parser.parse_args()
    if args.part:
        print(decide(args.part, args.count))
        return
    print(f"CPU time per decision, {args.count:,} requests in chunks of {DEFAULT_CHUNKSIZE}:")
    extra: list[float] = []
    for turn in range(args.turns):
        spent = {}
        for part in PARTS[turn % 3 :] + PARTS[: turn % 3]:
            command = [sys.executable, __file__, "--count", str(args.count), "--part", part]
            spent[part] = float(subprocess.check_output(command, text=True))
        extra.append((spent["even chunks"] + spent["odd chunks"]) / 2 / spent["all"] - 1)
        cells = ", ".join(f"{part} {spent[part] * 1e6:.1f} µs" for part in PARTS)
        print(f"turn {turn + 1} ({', '.join(spent)}): {cells}; half a stream costs {extra[-1]:+.1%}")
    print(f"median over {args.turns} turns: half a stream costs {statistics.median(extra):+.1%}")


if __name__ == "__main__":
    main()
