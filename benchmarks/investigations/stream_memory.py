"""Peak memory of `Policy.decide_many` streaming many requests through worker processes.

Run in a fresh process, so that the peak it reports is this run's::

    python benchmarks/investigations/stream_memory.py --count 1000000 --workers 2

The requests are generated as they are read (`corpus.request_dicts`, then
`Request.from_dict`), all different, so the rules' caches fill up as they would on a real
inbox. Prints one JSON object: the peak resident memory of this process and of the
largest worker process, in MB, and the seconds taken.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # (the benchmarks: corpus, conftest)

import corpus
from conftest import standard_policy

from relpolicy import Request


def peak_mb(who: int) -> float:
    """Peak resident memory in MB of this process or of its largest child.

    For this process, Linux's ``VmHWM`` where there is one: ``ru_maxrss`` survives
    ``exec``, so it would report the peak of whatever process started this one.
    """
    if who == resource.RUSAGE_SELF:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
    return resource.getrusage(who).ru_maxrss / 1024  # in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    policy = standard_policy(corpus.recipient())
    before = peak_mb(resource.RUSAGE_SELF)
    requests = (Request.from_dict(data) for data in corpus.request_dicts(args.count))
    start = time.perf_counter()
    decided = sum(1 for _ in policy.decide_many(requests, workers=args.workers))
    seconds = time.perf_counter() - start
    assert decided == args.count
    report = {
        "count": args.count,
        "workers": args.workers,
        "seconds": round(seconds, 2),
        "peak_mb_before": round(before, 1),
        "peak_mb": round(peak_mb(resource.RUSAGE_SELF), 1),
        "peak_mb_largest_worker": round(peak_mb(resource.RUSAGE_CHILDREN), 1),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
