"""One machine: `Policy.decide_many` in one process and in two, and its memory; start-up time.

``workers=2`` is this process and one worker process (see ``relpolicy._parallel``).
Both forms of input are timed: `Request` values, and the JSON form, which the deciding
process reads with `Request.from_dict` (as a program reading files would). The
200,000 requests are all different and made in advance: cycling through fewer would let
the rules' caches answer more often in two processes, which see half as many each.

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
#: Requests per run of the worker benchmarks (the issue's figure).
COUNT = 200_000
#: Requests streamed by the memory benchmark; ``stream_memory.py --count 1000000`` for the
#: issue's figure (it takes long: the memory it needs does not grow with the count).
MEMORY_COUNT = 200_000


@pytest.fixture(scope="module")
def inbox() -> list[dict[str, Any]]:
    return list(corpus.request_dicts(COUNT, seed=7))


@pytest.fixture(scope="module")
def inbox_requests(inbox: list[dict[str, Any]]) -> list[Request]:
    return [Request.from_dict(data) for data in inbox]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("form", ["Request", "JSON"])
def test_workers(
    benchmark: Any, policy: Policy, request: pytest.FixtureRequest, workers: int, form: str
) -> None:
    benchmark.group = f"decide_many, {COUNT:,} requests as {form}"
    items: list[Any] = request.getfixturevalue("inbox_requests" if form == "Request" else "inbox")

    cores_used: list[float] = []
    cpu_seconds: list[float] = []

    def run() -> int:
        before, start = os.times(), time.perf_counter()
        count = sum(1 for _ in policy.decide_many(items, workers=workers))
        after, wall = os.times(), time.perf_counter() - start
        cpu = sum(after[:4]) - sum(before[:4])  # user and system time, this process and its children
        cores_used.append(cpu / wall)
        cpu_seconds.append(cpu)
        return count

    assert benchmark.pedantic(run, rounds=1) == COUNT  # 200,000 requests are many rounds in one
    benchmark.extra_info.update(workers=workers, form=form, count=COUNT, cpus=os.cpu_count())
    benchmark.extra_info["decisions_per_second"] = COUNT / benchmark.stats.stats.median
    # Less than `workers` when other programs took their share of the cores; the CPU
    # time per decision says what the work costs whatever else the machine was doing.
    benchmark.extra_info["cores_used"] = min(cores_used)
    benchmark.extra_info["cpu_us_per_decision"] = min(cpu_seconds) / COUNT * 1e6


def test_stream_memory(benchmark: Any) -> None:
    benchmark.group = "memory"
    command = [sys.executable, str(HERE / "stream_memory.py"), "--count", str(MEMORY_COUNT), "--workers", "2"]
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
