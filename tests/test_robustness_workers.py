"""Worker processes that die, hang or cannot start: no request is lost, no process is left.

The rules here misbehave only in worker processes (they compare their process with the
one that made them), so each request has a known decision: the one this process makes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from relpolicy import (
    Decision,
    PluginError,
    Policy,
    Profile,
    RelpolicyWarning,
    Request,
    Verdict,
    Vote,
    hookimpl,
)
from relpolicy._parallel import CAREFUL_ATTEMPTS, WORKER_DIED, WORKER_RULE, WorkerError


class InWorkers:
    """A rule that behaves in the process that made it, and does *what* in any other on
    the requests whose note is *trigger* (or on every request, when it is ``None``)."""

    relpolicy_name = "in-workers"

    def __init__(self, what: str, trigger: str | None = "poison", delay: float = 0.0) -> None:
        self.home = os.getpid()
        self.what = what
        self.trigger = trigger
        self.delay = delay

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote:
        if os.getpid() != self.home:
            time.sleep(self.delay)
            if self.trigger is None or request.note == self.trigger:
                if self.what == "exit":
                    os._exit(3)
                if self.what == "hang":
                    while True:
                        time.sleep(0.05)
        return Vote("in-workers", 0.25 if request.note else -0.25, "looked")


class NoteLength:
    relpolicy_name = "note-length"

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote | None:
        return Vote("note-length", len(request.note or "") / 10 - 1, "how long") if request.note else None


def inbox(count: int, poisoned: set[int] = frozenset()) -> list[Request]:  # type: ignore[assignment]
    notes = ["Hello, we met at the meetup", "hi", None, "I would like to ask your advice on a move"]
    return [
        Request(
            sender=Profile(name=f"s{i}"),
            note="poison" if i in poisoned else notes[i % len(notes)],
            id=f"r{i}",
        )
        for i in range(count)
    ]


def is_worker_failure(decision: Decision, request: Request, rule: str) -> bool:
    if decision.verdict is not Verdict.REVIEW or decision.votes or decision.request_id != request.id:
        return False
    return [(e.rule, e.error) for e in decision.errors] == [(rule, WORKER_DIED)]


@pytest.fixture(autouse=True)
def no_process_left() -> Any:
    yield
    assert multiprocessing.active_children() == []


def test_requests_a_worker_dies_on_get_a_failure_and_every_other_its_decision() -> None:
    # The first chunks always go to the worker: poison in them, alone, in a row, first of a chunk.
    poisoned = {0, 5, 8, 9, 23, 150}
    policy = Policy([InWorkers("exit"), NoteLength()])
    requests = inbox(200, poisoned)
    with pytest.warns(RelpolicyWarning, match="a worker process died"):
        got = list(policy.decide_many(requests, workers=2, chunksize=8))
    assert len(got) == len(requests)
    failed = set()
    for index, (request, decision) in enumerate(zip(requests, got, strict=True)):
        if is_worker_failure(decision, request, "in-workers"):
            failed.add(index)
            assert decision.errors[0].hook == "relpolicy_vote"
            assert "exit status 3" in decision.errors[0].message
        else:  # (a poisoned request this process decided is decided as any other)
            assert decision == policy.decide(request)
    assert {0, 5, 8, 9} <= failed <= poisoned


def test_a_worker_killed_mid_run_loses_no_decision() -> None:
    policy = Policy([InWorkers("nothing", delay=0.002), NoteLength()])
    requests = inbox(400)
    expected = [policy.decide(r) for r in requests]
    got: list[Decision] = []
    decisions = policy.decide_many(requests, workers=2, chunksize=10)
    with pytest.warns(RelpolicyWarning, match=r"a worker process died \(killed by SIGKILL\)"):  # noqa: PT031
        got.append(next(decisions))
        (worker,) = multiprocessing.active_children()
        assert worker.pid is not None
        os.kill(worker.pid, signal.SIGKILL)
        got.extend(decisions)
    assert got == expected


def test_after_three_careful_deaths_the_rest_of_the_chunk_is_given_up() -> None:
    policy = Policy([InWorkers("exit", trigger=None)])
    requests = inbox(CAREFUL_ATTEMPTS + 3)
    with pytest.warns(RelpolicyWarning):
        got = list(policy.decide_many(requests, workers=2, chunksize=len(requests)))
    named = [is_worker_failure(d, r, "in-workers") for d, r in zip(got, requests, strict=True)]
    given_up = [is_worker_failure(d, r, WORKER_RULE) for d, r in zip(got, requests, strict=True)]
    assert named == [True] * CAREFUL_ATTEMPTS + [False] * 3
    assert given_up == [False] * CAREFUL_ATTEMPTS + [True] * 3
    assert all("not decided" in d.errors[0].message for d in got[CAREFUL_ATTEMPTS:])


def test_in_strict_mode_a_worker_death_raises_where_it_happened() -> None:
    policy = Policy([InWorkers("exit")], config={"strict": True})
    requests = inbox(12, {3})
    got: list[Decision] = []
    with pytest.warns(RelpolicyWarning), pytest.raises(PluginError, match=r"'in-workers'.*died"):
        got.extend(policy.decide_many(requests, workers=2, chunksize=12))
    assert got == [policy.decide(r) for r in requests[:3]]


class BrokenInWorkers:
    """A plugin that cannot be unpickled in another process: it raises, or exits."""

    relpolicy_name = "broken-in-workers"

    def __init__(self, how: str) -> None:
        self.home = os.getpid()
        self.how = how

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if os.getpid() != self.home:
            if self.how == "exit":
                os._exit(4)
            raise ValueError("cannot live here")

    @hookimpl
    def relpolicy_vote(self, request: Request) -> None:
        return None


@pytest.mark.parametrize(
    ("how", "message"),
    [("raise", "cannot build the policy: ValueError: cannot live here"), ("exit", "died while it built")],
)
def test_workers_that_cannot_build_the_policy_stop_the_run(how: str, message: str) -> None:
    policy = Policy([BrokenInWorkers(how)])
    with pytest.raises(WorkerError, match=message):
        list(policy.decide_many(inbox(40), workers=2, chunksize=4))


def test_an_interruption_stops_a_hung_worker() -> None:
    policy = Policy([InWorkers("hang")])
    requests = inbox(60, {2})
    main = threading.main_thread().ident
    assert main is not None

    def interrupt() -> None:
        time.sleep(0.5)
        signal.pthread_kill(main, signal.SIGINT)

    got: list[Decision] = []
    interrupter = threading.Thread(target=interrupt)
    with pytest.raises(KeyboardInterrupt):  # noqa: PT012 - the interruption may come anywhere
        interrupter.start()
        got.extend(policy.decide_many(requests, workers=2, chunksize=5))
    interrupter.join()
    assert len(got) < 2  # (the chunk the worker hangs on comes first)


CHILD = """
import multiprocessing, os, sys, threading, time
sys.path.insert(0, {tests!r})
from relpolicy import Policy
from test_robustness_workers import InWorkers, inbox


def report():
    while not multiprocessing.active_children():
        time.sleep(0.01)
    print(*[p.pid for p in multiprocessing.active_children()], flush=True)


if __name__ == "__main__":
    policy = Policy([InWorkers("hang")])
    threading.Thread(target=report, daemon=True).start()
    list(policy.decide_many(inbox(30, {{0}}), workers=2, chunksize=5))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_do_not_outlive_a_killed_parent(tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(CHILD.format(tests=str(Path(__file__).parent))))
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        workers = [int(pid) for pid in child.stdout.readline().split()]
        assert workers
        child.kill()
    for pid in workers:
        for _ in range(600):  # (a guard of a minute: it goes at once)
            if not alive(pid):
                break
            time.sleep(0.1)
        assert not alive(pid), f"worker {pid} outlived its parent"


def alive(pid: int) -> bool:
    """Whether process *pid* runs (a zombie, dead but not reaped, does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    state = next(line for line in status.splitlines() if line.startswith("State:"))
    return "Z" not in state.split()[1]


# -- a rule's time limit ---------------------------------------------------------------


class Slow:
    """A rule that takes *seconds* on the requests whose note is "slow"."""

    relpolicy_name = "slow"

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote:
        if request.note == "slow":
            time.sleep(self.seconds)
        return Vote(score=0.5, reason="looked")


LIMITED = {"rules": {"slow": {"timeout": 0.2}}}


def test_a_rule_over_its_time_limit_is_a_failure_of_that_rule() -> None:
    policy = Policy([Slow(30), NoteLength()], config=LIMITED)
    slow, quick = policy.decide_many(
        [Request(sender=Profile(), note="slow"), Request(sender=Profile(), note="ok")]
    )
    [failure] = slow.errors
    assert (failure.rule, failure.error, failure.hook) == ("slow", "RuleTimeout", "relpolicy_vote")
    assert "0.2 s" in failure.message
    assert slow.verdict is not Verdict.ACCEPT
    assert [v.rule for v in slow.votes] == ["note-length"]
    assert quick.errors == ()


def test_the_time_limit_holds_in_worker_processes_and_nothing_is_lost() -> None:
    requests = [Request(sender=Profile(), note="slow" if i % 5 == 0 else "ok", id=f"r{i}") for i in range(20)]
    decisions = list(Policy([Slow(30)], config=LIMITED).decide_many(requests, workers=2))
    assert [d.request_id for d in decisions] == [r.id for r in requests]
    timed_out = [d.request_id for d in decisions if [e.error for e in d.errors] == ["RuleTimeout"]]
    assert timed_out == [r.id for r in requests if r.note == "slow"]


def test_without_a_time_limit_a_slow_rule_finishes() -> None:
    [decision] = Policy([Slow(0.3)]).decide_many([Request(sender=Profile(), note="slow")])
    assert decision.errors == ()
    assert [v.rule for v in decision.votes] == ["slow"]


def test_off_the_main_thread_the_limit_is_not_enforced() -> None:
    # (a signal can only interrupt the main thread: elsewhere the call runs to its end)
    found: list[Decision] = []
    thread = threading.Thread(
        target=lambda: found.append(
            Policy([Slow(0.4)], config=LIMITED).decide(Request(sender=Profile(), note="slow"))
        )
    )
    thread.start()
    thread.join()
    assert found[0].errors == ()


def test_a_time_limit_must_be_a_number_of_seconds() -> None:
    from relpolicy import ConfigError

    for bad in (0, -1, "fast", float("inf")):
        with pytest.raises(ConfigError, match=r"rules\.slow\.timeout"):
            Policy([Slow(0)], config={"rules": {"slow": {"timeout": bad}}})
    assert Policy([Slow(0)], config=LIMITED).settings_of("slow") is None  # (not a setting of the rule)
