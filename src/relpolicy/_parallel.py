"""Deciding in several processes: in input order, streaming, with bounded memory, and
no request lost when a worker process dies.

``workers=N`` means N processes decide: this one and N - 1 worker processes, each
joined to this one by a socket pair. A worker unpickles the policy once, when it
starts, then decides the chunks it is sent, in the order sent, and sends back each
chunk's decisions. This process cuts the input into chunks and keeps a few chunks per
worker in flight; whenever the workers have enough to do, it decides the next chunk
itself instead of waiting. That matters on a small machine: sending a request to
another process and its decision back costs a fair part of deciding it, so on two
cores one worker plus this process beats two workers.

Requests travel in the compact form of `relpolicy._wire`, and decisions come back in
it, each chunk pickled and compressed (see `_seal`).

When a worker dies (``os._exit``, a crash in C code, the OOM killer), the decisions
it sent are kept and the chunks it had not begun go to another worker. The chunk it
was deciding is decided again in a fresh worker, carefully: one request at a time,
each decision sent back as it is made, and the name of each plugin hook sent as it
starts (see `_HookWatch`). If that worker dies too, the request it was deciding gets
a decision recording the failure of the rule that was running (`worker_failure`), and
the requests after it go to another careful worker; after `CAREFUL_ATTEMPTS` careful
workers have died on one chunk, its requests left get such decisions too.

Workers ignore SIGINT: Ctrl-C reaches every process of the terminal's group, and this
process stops its workers itself (terminating them) when it is interrupted, when an
error stops it, or when its reader stops early. A worker whose parent is gone exits at
once: its socket is closed, and on Linux the kernel kills it.

``multiprocessing`` is imported on first use: most programs never start a worker, and
it would add to every ``import relpolicy``.
"""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import queue
import signal
import sys
import threading
import warnings
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import FrameType
from typing import TYPE_CHECKING, Any

from . import _wire
from ._errors import PluginError, RelpolicyError, RelpolicyWarning
from ._model import Decision, Request, RuleFailure, Verdict
from ._policy import DEFAULT_CHUNKSIZE

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext

    from ._policy import Policy

#: How many chunks per worker may be in flight before this process decides one itself.
_IN_FLIGHT_PER_WORKER = 3
#: How many careful workers may die on one chunk before its requests left are given up.
CAREFUL_ATTEMPTS = 3
#: How long a worker that is told to stop may take before it is killed, in seconds.
_GRACE = 1.0
#: The rule named in a worker failure when no plugin hook was running (or it is not known).
WORKER_RULE = "relpolicy.worker"
#: The error named in a worker failure.
WORKER_DIED = "WorkerDied"

#: The ends of worker sockets that this process holds. A worker started with ``fork``
#: inherits them and closes them first, so that each worker's socket closes with this process.
_held: set[Connection] = set()


class WorkerError(RelpolicyError):
    """The worker processes cannot decide: they fail to build the policy, or die starting."""


# -- in the worker ----------------------------------------------------------------------------


def _work(conn: Connection, policy_bytes: bytes, parent: int) -> None:
    """A worker's life: build the policy, then decide what it is sent until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    for inherited in list(_held):
        inherited.close()
    _held.clear()
    try:
        policy = pickle.loads(policy_bytes)
    except BaseException as exc:  # (a plugin that exits while importing is a broken one too)
        conn.send(("broken", f"{type(exc).__name__}: {exc}"))
        return
    # The policy, its plugins and their tables live as long as the worker: leave them
    # out of the garbage collector's full passes, which would walk them all each time.
    gc.freeze()
    inbox: queue.SimpleQueue[tuple[str, bytes] | None] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(conn, inbox), daemon=True).start()
    conn.send(("ready",))
    while (task := inbox.get()) is not None:
        kind, sealed = task
        if kind == "chunk":
            conn.send(("chunk", *_decide_chunk(policy, sealed)))
        else:
            _decide_carefully(policy, sealed, conn.send)


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), and exit if it has."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - a C library without prctl
            pass
    if os.getppid() != parent:
        os._exit(1)


def _receive(conn: Connection, inbox: queue.SimpleQueue[tuple[str, bytes] | None]) -> None:
    """Move what the parent sends to *inbox* as it comes, so that the parent never waits
    to send while this worker decides; exit the process when the parent has gone."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        inbox.put(message)
        if message is None:
            return


def _until_error(
    function: Callable[[Any], Decision], items: Iterable[Any], failures: list[Exception]
) -> Iterator[Decision]:
    """``function`` of each item, as they are asked for, until one raises: what it raised
    is appended to *failures*."""
    for item in items:
        try:
            result = function(item)
        except Exception as exc:
            failures.append(exc)
            return
        yield result


def _apply(
    function: Callable[[Any], Decision], items: Iterable[Any]
) -> tuple[list[Decision], Exception | None]:
    """``function`` of each item until one raises: the results so far and the error, as a loop."""
    failures: list[Exception] = []
    results = list(_until_error(function, items, failures))
    return results, failures[0] if failures else None


def _seal(value: object) -> bytes:
    """*value* pickled and compressed, to send to another process (`_unseal` undoes it).

    A chunk of requests, or of decisions, larger than the buffer of the socket between
    the processes goes in parts, and the reader wakes for each. At zlib's fastest level,
    which costs 1 to 1.5 µs a request on each side, a chunk of 512 requests shrinks to
    about a fifth of its size on the benchmarks' requests, and so do their decisions
    (``benchmarks/investigations/transfer.py`` prints both).
    """
    return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)


def _unseal(sealed: bytes) -> Any:
    return pickle.loads(zlib.decompress(sealed))


def _sendable(exc: Exception | None) -> Exception | None:
    """*exc*, or a `RuntimeError` saying what it was when it cannot travel between processes."""
    if exc is None:
        return None
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _decide_chunk(policy: Policy, sealed: bytes) -> tuple[bytes, Exception | None]:
    """Decide a sealed chunk: its decisions sealed, up to the request that raised, and what it raised."""
    decide = policy.decide
    failures: list[Exception] = []
    # Each decision is packed, and let go, as it is made.
    decided = _until_error(lambda item: decide(_wire.unpack_request(item)), _unseal(sealed), failures)
    return _seal(_wire.pack_decisions(decided)), _sendable(failures[0] if failures else None)


def _decide_carefully(policy: Policy, sealed: bytes, send: Callable[[object], None]) -> None:
    """Decide a sealed chunk one request at a time, sending each decision as it is made and,
    through `_HookWatch`, each plugin hook as it starts and ends; then ``("end", error)``."""
    decide = policy.decide
    error: Exception | None = None
    with _HookWatch(send):
        for item in _unseal(sealed):
            try:
                decision = decide(_wire.unpack_request(item))
            except Exception as exc:
                error = exc
                break
            send(("one", _wire.pack_decisions([decision])))
    send(("end", _sendable(error)))


def _folder_of(module: str) -> str:
    spec = sys.modules[module].__file__ or ""
    return os.path.dirname(spec) + os.sep


class _HookWatch:
    """While active (a ``with`` block), tell *send* which plugin hook runs in this thread.

    A profile function sees every call: a function named ``relpolicy_*`` that relpolicy
    or pluggy calls is a plugin's hook implementation. As one starts, *send* gets
    ``("hook", plugin, hook)``; as it ends, the hook below it, or ``("hook", None, None)``.
    The plugin is named as the policy names it: by its ``relpolicy_name``, its entry
    point, or its module.
    """

    def __init__(self, send: Callable[[object], None]) -> None:
        self._send = send
        self._running: list[FrameType] = []
        self._callers = (_folder_of("relpolicy"), _folder_of("pluggy"))
        self._entry_points: dict[str, str] | None = None

    def __enter__(self) -> None:
        sys.setprofile(self._profile)

    def __exit__(self, *exc_info: object) -> None:
        sys.setprofile(None)

    def _profile(self, frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            caller = frame.f_back
            if (
                frame.f_code.co_name.startswith("relpolicy_")
                and caller is not None
                and caller.f_code.co_filename.startswith(self._callers)
            ):
                self._running.append(frame)
                self._send(("hook", self._plugin(frame), frame.f_code.co_name))
        elif event == "return" and self._running and frame is self._running[-1]:
            self._running.pop()
            if self._running:
                below = self._running[-1]
                self._send(("hook", self._plugin(below), below.f_code.co_name))
            else:
                self._send(("hook", None, None))

    def _plugin(self, frame: FrameType) -> str:
        owner = frame.f_locals.get("self")
        if owner is not None:
            name = getattr(owner, "relpolicy_name", None)
            return name if isinstance(name, str) and name else type(owner).__name__
        name = frame.f_globals.get("relpolicy_name")
        if isinstance(name, str) and name:
            return name
        module = str(frame.f_globals.get("__name__", "?"))
        if self._entry_points is None:
            from importlib.metadata import entry_points

            self._entry_points = {ep.module: ep.name for ep in entry_points(group="relpolicy")}
        return self._entry_points.get(module, module)


# -- in this process --------------------------------------------------------------------------


def worker_failure(request_id: str | None, rule: str | None, hook: str | None, message: str) -> Decision:
    """The decision of a request that no worker could decide: `Verdict.REVIEW`, no votes,
    and a `RuleFailure` named after the *rule* (hook) that was running, if known."""
    failure = RuleFailure(rule or WORKER_RULE, WORKER_DIED, message, hook or "relpolicy_vote")
    return Decision(Verdict.REVIEW, 0.0, (), (), (failure,), request_id)


def _how(exitcode: int | None) -> str:
    """How a process ended, for people: ``killed by SIGKILL``, ``exit status 3``."""
    if exitcode is None:
        return "no longer answering"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


def _request_id(item: Any) -> str | None:
    """The id of a request, or of one in its JSON form (whose errors `Policy.decide` raises)."""
    if isinstance(item, Request):
        return item.id
    return Request.from_dict(item).id


def _shown_id(item: Any) -> str:
    """The id of a request for a message, whatever the item."""
    try:
        return repr(_request_id(item))
    except Exception:
        return "(a request that is not valid)"


class _Task:
    """A chunk of requests decided in a worker, and what has come back of it."""

    __slots__ = ("careful", "decisions", "done", "error", "failures", "hook", "items", "offset", "sealed")

    def __init__(self, items: list[Any], sealed: bytes) -> None:
        #: The requests, as given: to decide them again, and to name them.
        self.items = items
        self.sealed = sealed
        #: Whether it is decided one request at a time, after a worker died on it.
        self.careful = False
        #: The decisions, when ``done``: a sealed chunk, or (careful) a list as they come.
        self.decisions: bytes | list[Decision] = []
        #: Careful: how many requests have their decision.
        self.offset = 0
        #: Careful: how many workers died on it.
        self.failures = 0
        #: Careful: the plugin and hook running, when known.
        self.hook: tuple[str, str] | None = None
        self.error: Exception | None = None
        self.done = False

    def __iter__(self) -> Iterator[Decision]:
        if isinstance(self.decisions, list):
            return iter(self.decisions)
        return iter(_wire.unpack_decisions(_unseal(self.decisions)))


class _Worker:
    """A worker process, its socket, and the tasks sent to it that have not come back."""

    def __init__(self, context: BaseContext, policy_bytes: bytes) -> None:
        here, there = context.Pipe()
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_work, args=(there, policy_bytes, os.getpid()), daemon=True, name="relpolicy-worker"
        )
        _held.add(here)
        try:
            self.process.start()
        finally:
            there.close()
        self.conn = here
        self.tasks: deque[_Task] = deque()
        self.ready = False
        self.careful = False

    def send(self, message: object) -> bool:
        """Send *message*; ``False`` when the worker has gone (its death is handled when seen)."""
        try:
            self.conn.send(message)
        except OSError:
            return False
        return True

    def close(self) -> None:
        _held.discard(self.conn)
        self.conn.close()


class _Pool:
    """The worker processes of one `decide_in_workers` run."""

    def __init__(self, policy: Policy, size: int) -> None:
        self.policy_bytes = pickle.dumps(policy)
        self.strict = policy.config.strict
        self.size = size
        self.context = _context()
        self.workers: list[_Worker] = []  # the ordinary ones, at most `size`
        self.careful: list[_Worker] = []
        self.in_flight = 0

    def submit(self, task: _Task) -> None:
        """Send *task* to the least busy worker, starting one if there are fewer than `size`."""
        if len(self.workers) < self.size:
            self.workers.append(_Worker(self.context, self.policy_bytes))
        worker = min(self.workers, key=lambda w: len(w.tasks))
        worker.tasks.append(task)
        worker.send(("chunk", task.sealed))

    def start(self, task: _Task) -> None:
        """Send *task* to a worker of its own, to be decided carefully from its ``offset`` on."""
        worker = _Worker(self.context, self.policy_bytes)
        worker.careful = True
        self.careful.append(worker)
        worker.tasks.append(task)
        if task.offset:
            task.sealed = _seal([_wire.pack_request(item) for item in task.items[task.offset :]])
        worker.send(("careful", task.sealed))
        worker.send(None)

    def collect(self, timeout: float | None) -> bool:
        """Take in what the workers have sent, waiting up to *timeout* seconds for something,
        and deal with those that died.

        Returns:
            Whether any worker has work out (else there was nothing to wait for).

        Raises:
            WorkerError: A worker could not build the policy, or died before it could.
        """
        from multiprocessing.connection import wait

        watched: dict[Any, _Worker] = {}
        for worker in (*self.workers, *self.careful):
            if worker.tasks or not worker.ready:
                watched[worker.conn] = worker
                watched[worker.process.sentinel] = worker
        if not watched:
            return False
        seen = set()
        for ready in wait(list(watched), timeout):
            worker = watched[ready]
            if worker not in seen:
                seen.add(worker)
                self._read(worker)
        return True

    def _read(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                self._take(worker, worker.conn.recv())
        except (EOFError, OSError):
            self._gone(worker)
            return
        if not worker.process.is_alive():  # its socket may close a moment after it dies
            self._gone(worker)

    def _take(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "chunk":
            task = worker.tasks.popleft()
            task.decisions, task.error = message[1], message[2]
            self._finish(task)
        elif kind == "one":
            task = worker.tasks[0]
            assert isinstance(task.decisions, list)
            task.decisions.extend(_wire.unpack_decisions(message[1]))
            task.offset += 1
        elif kind == "hook":
            worker.tasks[0].hook = (message[1], message[2]) if message[1] else None
        elif kind == "end":
            task = worker.tasks.popleft()
            task.error = message[1]
            self._finish(task)
        elif kind == "ready":
            worker.ready = True
        else:  # "broken"
            raise WorkerError(f"a worker process cannot build the policy: {message[1]}")

    def _finish(self, task: _Task) -> None:
        task.done = True
        self.in_flight -= 1

    def _gone(self, worker: _Worker) -> None:
        """*worker* has died (or, its work done, exited): hand its tasks on."""
        worker.process.join(_GRACE)
        if worker.process.is_alive():  # its socket closed, but it lingers
            worker.process.kill()
            worker.process.join()
        worker.close()
        (self.careful if worker.careful else self.workers).remove(worker)
        how = _how(worker.process.exitcode)
        if not worker.ready:
            raise WorkerError(f"a worker process died while it built the policy ({how})")
        if not worker.tasks:
            return
        if worker.careful:
            self._careful_death(worker.tasks[0], how)
            return
        # The worker decides its tasks in the order sent: the first was running.
        running, *waiting = worker.tasks
        warnings.warn(
            f"a worker process died ({how}) while deciding the {len(running.items)} requests "
            f"from {_shown_id(running.items[0])} on; they are decided again, one at a time, "
            "in a fresh worker",
            RelpolicyWarning,
            stacklevel=2,
        )
        running.careful = True
        self.start(running)
        for task in waiting:
            self.submit(task)

    def _careful_death(self, task: _Task, how: str) -> None:
        """A careful worker died: its request running failed; try the rest, or give them up."""
        assert isinstance(task.decisions, list)
        if task.offset >= len(task.items):  # it died after its last decision
            self._finish(task)
            return
        plugin, hook = task.hook or (None, None)
        running = f"{plugin!r} ran {hook}" if plugin else "no rule hook was running"
        message = f"a worker process died while deciding this request ({how}); {running}"
        try:
            request_id = _request_id(task.items[task.offset])
        except Exception as exc:  # a request in its JSON form that is not valid: raise it there
            task.error = exc
            self._finish(task)
            return
        if self.strict:
            task.error = PluginError(plugin or WORKER_RULE, message)
            self._finish(task)
            return
        warnings.warn(f"request {request_id!r}: {message}", RelpolicyWarning, stacklevel=2)
        task.decisions.append(worker_failure(request_id, plugin, hook, message))
        task.offset += 1
        task.failures += 1
        task.hook = None
        if task.offset < len(task.items) and task.failures < CAREFUL_ATTEMPTS:
            self.start(task)
            return
        given_up = f"not decided: {task.failures} worker processes died on requests before it in its chunk"
        for item in task.items[task.offset :]:
            try:
                item_id = _request_id(item)
            except Exception as exc:
                task.error = exc
                break
            task.decisions.append(worker_failure(item_id, None, None, given_up))
        self._finish(task)

    def close(self, *, abort: bool) -> None:
        """Stop every worker: told to, or (*abort*) terminated at once; killed if it lingers."""
        workers = [*self.workers, *self.careful]
        if not abort:
            for worker in workers:
                worker.send(None)
            for worker in workers:
                worker.process.join(_GRACE)
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in workers:
            worker.process.join(_GRACE)
            if worker.process.is_alive():  # pragma: no cover - a plugin that handles SIGTERM
                worker.process.kill()
                worker.process.join()
            worker.close()
        self.workers.clear()
        self.careful.clear()


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


def _check(workers: int, chunksize: int) -> None:
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, got {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, got {chunksize}")


def decide_in_workers(
    policy: Policy, requests: Iterable[Any], *, workers: int, chunksize: int = DEFAULT_CHUNKSIZE
) -> Iterator[Decision]:
    """`Policy.decide` for each request, in *workers* processes (this one included), in input order.

    An item that `Policy.decide` refuses stops the stream where a loop would: the
    decisions before it come, then the error it raises. A request that no worker could
    decide gets the decision of `worker_failure`.

    Raises:
        WorkerError: The workers cannot build the policy, or die before they can.
    """
    _check(workers, chunksize)
    if workers == 1:
        yield from map(policy.decide, requests)
        return
    pool = _Pool(policy, workers - 1)
    aborted = True
    try:
        yield from _in_order(pool, policy, requests, chunksize)
        aborted = False
    finally:  # also when interrupted, or when the reader stops early
        pool.close(abort=aborted)


def _in_order(pool: _Pool, policy: Policy, requests: Iterable[Any], chunksize: int) -> Iterator[Decision]:
    limit = pool.size * _IN_FLIGHT_PER_WORKER
    pending: deque[_Task | tuple[list[Decision], Exception | None]] = deque()
    iterator = iter(requests)
    while chunk := list(itertools.islice(iterator, chunksize)):
        sealed = _pack_requests(chunk) if pool.in_flight < limit else None
        if sealed is not None:
            task = _Task(chunk, sealed)
            pool.in_flight += 1
            pool.submit(task)
            pending.append(task)
        else:  # the workers have enough to do, or the chunk cannot travel: decide it here
            pending.append(_apply(policy.decide, chunk))
        pool.collect(0)
        # Hand on what is ready; wait only when too much is buffered behind a worker.
        while pending and (len(pending) > 2 * limit or _ready(pending[0])):
            yield from _hand_on(pool, pending.popleft())
    while pending:
        yield from _hand_on(pool, pending.popleft())


def _ready(entry: _Task | tuple[list[Decision], Exception | None]) -> bool:
    return isinstance(entry, tuple) or entry.done


def _hand_on(pool: _Pool, entry: _Task | tuple[list[Decision], Exception | None]) -> Iterator[Decision]:
    if isinstance(entry, tuple):
        decisions, error = entry
        yield from decisions
    else:
        while not entry.done:
            if not pool.collect(None):
                raise RuntimeError("a chunk sent to the workers was lost")  # pragma: no cover
        yield from entry
        error = entry.error
    if error is not None:
        raise error


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
