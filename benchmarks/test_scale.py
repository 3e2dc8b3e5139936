"""One machine: `Policy.decide_many` in one process and in two, and its memory; start-up time.

``workers=2`` is this process and one worker process (see ``relpolicy._parallel``).
Both forms of input are timed: `Request` values, and the JSON form, which the deciding
process reads with `Request.from_dict` (as a program reading files would). The
200,000 requests are all different and made in advance: cycling through fewer would let
the rules' caches answer more often in two processes, which see half as many each.
Each run of two processes comes between two of one, and its speed-up is over their mean.

Start-up runs fresh interpreters with their bytecode compiled beforehand (in a private
cache folder), as an installed package has it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import corpus
import pytest

from relpolicy import Policy, Request

HERE = Path(__file__).parent
#: Requests per run of the worker benchmarks (the target is stated for this many).
COUNT = 200_000
#: Requests streamed by the memory benchmark; ``investigations/stream_memory.py --count
#: 1000000`` for the target's million (it takes long: the memory it needs does not grow
#: with the count).
MEMORY_COUNT = 200_000


@pytest.fixture(scope="module")
def inbox() -> list[dict[str, Any]]:
    return list(corpus.request_dicts(COUNT, seed=7))


@pytest.fixture(scope="module")
def inbox_requests(inbox: list[dict[str, Any]]) -> list[Request]:
    return [Request.from_dict(data) for data in inbox]


#: Runs of two processes, each between two runs of one. The speed of this (shared,
#: virtual) machine drifts by 10 % and more within minutes, so each speed-up compares a
#: run of two processes with the mean of the runs of one just before and just after it,
#: which cancels a steady drift; the figure is the median of those ratios.
PAIRS = 3


def _decide_all(policy: Policy, items: list[Any], workers: int) -> dict[str, float]:
    """Decide every item in *workers* processes: the wall-clock time, the cores used and
    the CPU time per decision (user and system, this process and its workers)."""
    before, start = os.times(), time.perf_counter()
    count = sum(1 for _ in policy.decide_many(items, workers=workers))
    after, wall = os.times(), time.perf_counter() - start
    assert count == len(items)
    cpu = sum(after[:4]) - sum(before[:4])
    return {"seconds": wall, "cores_used": cpu / wall, "cpu_us_per_decision": cpu / count * 1e6}


@pytest.mark.parametrize("form", ["Request", "JSON"])
def test_workers(benchmark: Any, policy: Policy, request: pytest.FixtureRequest, form: str) -> None:
    """``workers=2`` timed by pytest-benchmark, each round between two runs of ``workers=1``."""
    benchmark.group = f"decide_many, {COUNT:,} requests as {form}"
    items: list[Any] = request.getfixturevalue("inbox_requests" if form == "Request" else "inbox")
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}

    def one_worker() -> None:  # (pytest-benchmark's setup: run before each timed round, untimed)
        runs[1].append(_decide_all(policy, items, 1))

    def two_workers() -> None:
        runs[2].append(_decide_all(policy, items, 2))

    benchmark.pedantic(two_workers, setup=one_worker, rounds=PAIRS)
    # (``--benchmark-cprofile`` runs one more round, profiled: leave it out)
    ones = [*runs[1][:PAIRS], _decide_all(policy, items, 1)]
    twos = runs[2][:PAIRS]
    benchmark.extra_info.update(form=form, count=COUNT, cpus=os.cpu_count())
    for workers, measured in ((1, ones), (2, twos)):
        benchmark.extra_info[f"workers_{workers}"] = {
            key: [run[key] for run in measured] for key in ("seconds", "cores_used", "cpu_us_per_decision")
        }
    benchmark.extra_info["speedups"] = [
        (before["seconds"] + after["seconds"]) / 2 / two["seconds"]
        for before, two, after in zip(ones[:-1], twos, ones[1:], strict=True)
    ]


def test_stream_memory(benchmark: Any) -> None:
    benchmark.group = "memory"
    command = [
        sys.executable,
        str(HERE / "investigations" / "stream_memory.py"),
        "--count",
        str(MEMORY_COUNT),
        "--workers",
        "2",
    ]
    output = benchmark.pedantic(subprocess.check_output, args=(command,), kwargs={"text": True}, rounds=1)
    benchmark.extra_info.update(json.loads(output))


STARTUP = {
    "python": "pass",
    "import relpolicy": "import relpolicy",
    "first decision": (
        "import relpolicy\n"
        "policy = relpolicy.Policy.default()\n"
        "policy.decide(relpolicy.Request(relpolicy.Profile(name='Sam'), note='Hi, we met at the fair.'))"
    ),
    # What each standard rule adds to the start-up of Policy.default(), importing it.
    **{
        f"import relpolicy, {module}": f"import relpolicy, {module}"
        for module in (
            "relpolicy_common_field",
            "relpolicy_hard_sell",
            "relpolicy_mutual_connections",
            "relpolicy_note_present",
            "relpolicy_pro_bono_referral",
            "relpolicy_text_model",
        )
    },
}


@pytest.fixture(scope="module")
def compiled_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment whose interpreters find relpolicy's bytecode compiled (once, here)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))
    subprocess.run([sys.executable, "-c", STARTUP["first decision"]], env=env, check=True)
    return env


@pytest.mark.parametrize("what", list(STARTUP))
def test_startup(benchmark: Any, compiled_env: dict[str, str], what: str) -> None:
    benchmark.group = "start-up"
    command = [sys.executable, "-c", STARTUP[what]]
    benchmark.pedantic(
        subprocess.run, args=(command,), kwargs={"env": compiled_env, "check": True}, rounds=15
    )
    benchmark.extra_info["what"] = what
    if what == "import relpolicy":
        probe = "import sys, relpolicy; print(sorted(m for m in sys.modules if m.split('.')[0] in {names!r}))"
        names = {"hypothesis", "click", "dask", "distributed", "pandas", "multiprocessing", "concurrent"}
        found = subprocess.check_output(
            [sys.executable, "-c", probe.format(names=names)], env=compiled_env, text=True
        )
        benchmark.extra_info["heavy_modules_imported"] = found.strip()
