"""What relpolicy adds to pluggy: finding and naming rule plugins, and isolating each one.

pluggy loads nothing relpolicy does not ask for, blocks what is disabled
(``PluginManager.set_blocked``) and traces hook calls (``add_hookcall_monitoring``).
relpolicy adds one thing: a rule that raises, or answers with something unusable,
must not stop the others nor the decision. Each implementation of an isolated hook
is therefore registered wrapped once, in `isolate`, which catches what the rule
raises and checks what it returns, and answers a `RuleFailure` instead.

Installed plugins are the entry points of the ``relpolicy`` group, listed once per
process with ``importlib.metadata``; a plugin that is disabled is never imported.
"""

from __future__ import annotations

import functools
import inspect
import operator
import os
import signal
import sys
import threading
import types
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from . import hookspecs
from ._errors import PluginError, PluginLoadWarning
from ._hints import close_matches
from ._markers import PROJECT
from ._model import Action, RuleFailure, Verdict, Vote
from ._settings import SettingInfo

if TYPE_CHECKING:
    from importlib import metadata

    import pluggy

#: Comma-separated plugin names to load; only these are loaded. Empty means none.
LOAD_ENV = "RELPOLICY_LOAD_PLUGINS"
#: Comma-separated plugin names never to load.
DISABLE_ENV = "RELPOLICY_DISABLE_PLUGINS"
#: Any non-empty value other than ``0`` traces every hook call to stderr.
TRACE_ENV = "RELPOLICY_TRACE_PLUGINS"


@attrs.frozen
class PluginInfo:
    """What is known of one plugin: for ``relpolicy plugins`` and for embedders."""

    #: The plugin's name (its entry-point name for installed plugins).
    name: str
    #: The distribution that ships it, if installed through an entry point.
    distribution: str | None = None
    #: That distribution's version.
    version: str | None = None
    #: The hooks it implements.
    hooks: tuple[str, ...] = ()
    #: Whether it takes part in the policy.
    enabled: bool = True
    #: Why it could not be loaded, if it could not.
    error: str | None = None
    #: The settings it declares (see `relpolicy.setting`).
    settings: tuple[SettingInfo, ...] = ()


# -- finding installed plugins --------------------------------------------------------

_lock = threading.Lock()
_installed: tuple[metadata.EntryPoint, ...] | None = None


def installed() -> tuple[metadata.EntryPoint, ...]:
    """The entry points of the ``relpolicy`` group, by name, listed once per process."""
    global _installed
    if _installed is None:
        from importlib import metadata

        with _lock:
            if _installed is None:
                found = {ep.name: ep for ep in reversed(metadata.entry_points(group=PROJECT))}
                _installed = tuple(sorted(found.values(), key=operator.attrgetter("name")))
    return _installed


def forget_installed() -> None:
    """Forget the plugins listed, so that newly installed ones are seen."""
    global _installed
    with _lock:
        _installed = None


def distribution(ep: metadata.EntryPoint) -> tuple[str | None, str | None]:
    """The name and version of the distribution that declares *ep*."""
    dist = ep.dist
    if dist is None:
        return None, None
    return dist.metadata["Name"], dist.version


def plugin_name(plugin: object) -> str:
    """The name *plugin* takes part under when it is given as an object.

    Its ``relpolicy_name`` attribute if it has one; else the name of the installed
    entry point that refers to it; else its module's or class's name.
    """
    name = getattr(plugin, "relpolicy_name", None)
    if isinstance(name, str) and name:
        return name
    own = plugin.__name__ if isinstance(plugin, (types.ModuleType, type)) else type(plugin).__name__
    for ep in installed():
        module, _, attribute = ep.value.partition(":")
        if module.strip() == getattr(plugin, "__name__", None) and not attribute:
            return ep.name
    return own


# -- choosing which to load -----------------------------------------------------------


def names_from_env(variable: str) -> frozenset[str] | None:
    """The comma-separated names in environment variable *variable*; ``None`` when unset."""
    value = os.environ.get(variable)
    if value is None:
        return None
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def blocked(names: Collection[str], disable: Iterable[str]) -> frozenset[str]:
    """Which of the installed *names* not to load: *disable*, ``RELPOLICY_DISABLE_PLUGINS``,
    and those ``RELPOLICY_LOAD_PLUGINS`` leaves out.

    A name in either variable that no installed plugin has is reported with a
    `PluginLoadWarning` (with the closest name), never silently ignored.
    """
    disabled = set(disable)
    for variable in (DISABLE_ENV, LOAD_ENV):
        named = names_from_env(variable)
        if named is None:
            continue
        for unknown in sorted(named - set(names)):
            close = close_matches(unknown, names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; installed: {', '.join(sorted(names))}"
            warnings.warn(
                f"{variable} names {unknown!r}, which no installed plugin is called{hint}",
                PluginLoadWarning,
                stacklevel=4,
            )
        disabled |= named if variable == DISABLE_ENV else set(names) - named
    return frozenset(disabled)


def tracing() -> bool:
    """Whether ``RELPOLICY_TRACE_PLUGINS`` asks for hook calls to be traced."""
    return os.environ.get(TRACE_ENV, "") not in ("", "0")


def trace_to_stderr(pm: pluggy.PluginManager) -> None:
    """Print every hook call of *pm*, its arguments and its answers, on stderr."""

    def before(hook_name: str, hook_impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]) -> None:
        names = ", ".join(impl.plugin_name for impl in reversed(hook_impls))
        shown = ", ".join(f"{key}={value!r:.80}" for key, value in kwargs.items() if key != "settings")
        print(f"relpolicy: {hook_name}({shown}) -> [{names}]", file=sys.stderr)

    def after(
        outcome: pluggy.Result[Any],
        hook_name: str,
        hook_impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        if outcome.exception is not None:
            print(f"relpolicy:   {hook_name} raised {outcome.exception!r}", file=sys.stderr)
        else:
            print(f"relpolicy:   {hook_name} answered {outcome.get_result()!r:.500}", file=sys.stderr)

    pm.add_hookcall_monitoring(before, after)


# -- isolating each implementation ----------------------------------------------------

#: The hooks whose implementations are each called on their own.
_ISOLATED_HOOKS = ("relpolicy_vote", "relpolicy_combine", "relpolicy_actions", "relpolicy_advise")
#: Each isolated hook's arguments, as its specification lists them (``settings`` last):
#: the wrapper of an implementation takes them all, in this order.
ISOLATED: dict[str, tuple[str, ...]] = {
    hook: tuple(inspect.signature(getattr(hookspecs, hook)).parameters) for hook in _ISOLATED_HOOKS
}


class Unusable(Exception):
    """What an implementation returned cannot be used: recorded as its failure."""

    def __init__(self, error: str, message: str) -> None:
        super().__init__(message)
        self.error = error


_INFINITY = float("inf")


def _vote(result: Any, rule: str, strict: bool) -> Vote | None:
    if type(result) is Vote and result.rule == rule and -_INFINITY < result.score < _INFINITY:
        return result  # (the usual answer, checked at once)
    if result is None:
        return None
    if isinstance(result, Vote):
        if not -_INFINITY < result.score < _INFINITY:  # (set behind the class's back)
            raise Unusable("InvalidVote", f"returned a vote with a non-finite score ({result.score!r})")
        if result.rule == rule:
            return result
        if strict and result.rule:
            raise Unusable("InvalidVote", f"voted under the name {result.rule!r}, not {rule!r}")
        return result.named(rule)
    raise Unusable(
        "InvalidVote", f"returned {type(result).__name__} ({result!r:.80}), expected a Vote or None"
    )


def _verdict(result: Any, rule: str, strict: bool) -> tuple[Verdict, float] | None:
    if result is None:
        return None
    if (
        isinstance(result, tuple)
        and len(result) == 2
        and isinstance(result[0], Verdict)
        and isinstance(result[1], (int, float))
        and not isinstance(result[1], bool)
        and -_INFINITY < result[1] < _INFINITY
    ):
        return result[0], float(result[1])
    raise Unusable("InvalidVerdict", f"returned {result!r:.80}, expected (Verdict, a finite score) or None")


def _actions(result: Any, rule: str, strict: bool) -> tuple[Action, ...]:
    if result is None:
        return ()
    found = result if type(result) is tuple else tuple(result)
    for action in found:
        if not isinstance(action, Action):
            raise Unusable(
                "InvalidAction", f"returned {type(action).__name__} values, expected Action values"
            )
    return found


def _advice(result: Any, rule: str, strict: bool) -> tuple[Any, ...]:
    from ._advice import Advice

    if result is None:
        return ()
    found = tuple(result)
    for advice in found:
        if not isinstance(advice, Advice):
            raise Unusable(
                "InvalidAdvice", f"returned {type(advice).__name__} values, expected Advice values"
            )
    return found


#: How the answer of each isolated hook is checked.
_CHECKS: dict[str, Callable[[Any, str, bool], Any]] = {
    "relpolicy_vote": _vote,
    "relpolicy_combine": _verdict,
    "relpolicy_actions": _actions,
    "relpolicy_advise": _advice,
}


def _picker(positions: tuple[int, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """A function that takes, of the hook's arguments, those at *positions*."""
    if not positions:
        return lambda values: ()
    if len(positions) == 1:
        (only,) = positions
        return lambda values: (values[only],)
    return operator.itemgetter(*positions)


@attrs.frozen
class Isolated:
    """One implementation of an isolated hook, wrapped once when a policy is built.

    `run` takes the hook's arguments as one tuple, in the order of `ISOLATED` (the
    ``settings`` place may hold anything: the rule's own settings are put there),
    hands the implementation the ones it asks for, and answers what it returns,
    checked, or a `RuleFailure` when it raised or returned what cannot be used: a
    vote is recorded under the rule's name whatever name it gives. `function` takes
    the same arguments one by one, as pluggy passes them; it is what pluggy registers.
    """

    #: The plugin's name.
    rule: str
    #: The hook.
    hook: str
    #: The policy's caller: ``run(arguments) -> answer``.
    run: Callable[[tuple[Any, ...]], Any]
    #: pluggy's caller, with the hook specification's arguments.
    function: Callable[..., Any]


def isolate(
    function: Callable[..., Any],
    hook: str,
    argnames: Sequence[str],
    rule: str,
    settings: Any,
    *,
    strict: bool,
    timeout: float | None = None,
) -> Isolated:
    """Wrap *function*, an implementation of the isolated *hook* by plugin *rule*.

    Args:
        function: The implementation.
        hook: The hook it implements.
        argnames: The arguments it asks for.
        rule: The plugin's name.
        settings: The plugin's settings, which it receives as ``settings``.
        strict: Raise `PluginError` where a failure would be recorded.
        timeout: The most seconds a call may take, where it can be interrupted
            (`time_limited`); ``None``: no limit.
    """
    if timeout is not None:
        function = time_limited(function, timeout)
    names = ISOLATED[hook]
    positions = tuple(names.index(name) for name in argnames)
    check = _CHECKS[hook]
    last = len(names) - 1  # (where ``settings`` stands)

    def failed(exc: BaseException) -> RuleFailure:
        if isinstance(exc, Unusable):
            error, message = exc.error, str(exc)
        else:
            error, message = type(exc).__name__, f"{hook} raised {type(exc).__name__}: {exc}"
        if strict:
            raise PluginError(rule, message) from exc
        return RuleFailure(rule=rule, error=error, message=str(exc)[:500], hook=hook)

    if last in positions:
        pick = _picker(positions)

        def run(values: tuple[Any, ...]) -> Any:
            try:
                return check(function(*pick((*values[:last], settings))), rule, strict)
            except (Exception, SystemExit) as exc:
                return failed(exc)

    elif len(positions) == 1:  # (the most common implementation: a function of the request)
        (only,) = positions

        def run(values: tuple[Any, ...]) -> Any:
            try:
                return check(function(values[only]), rule, strict)
            except (Exception, SystemExit) as exc:
                return failed(exc)

    else:
        pick = _picker(positions)

        def run(values: tuple[Any, ...]) -> Any:
            try:
                return check(function(*pick(values)), rule, strict)
            except (Exception, SystemExit) as exc:
                return failed(exc)

    def call(*values: Any) -> Any:
        return run(values)

    # pluggy reads the arguments a function takes from what it wraps: the specification,
    # so that pluggy hands it every argument, as the policy does.
    spec = getattr(hookspecs, hook)
    functools.update_wrapper(call, spec, assigned=("__name__", "__doc__"), updated=())
    return Isolated(rule, hook, run, call)


class RuleTimeout(Exception):
    """A rule's call took longer than its ``timeout``."""


def time_limited(function: Callable[..., Any], seconds: float) -> Callable[..., Any]:
    """*function*, stopped with `RuleTimeout` when a call takes longer than *seconds*.

    The limit holds where relpolicy can interrupt a call safely: in the main thread, on
    a system with ``SIGALRM``, when nothing else uses that signal (its handler is the
    default one, as in the worker processes of ``decide_many`` and in the ``relpolicy``
    command). Elsewhere the call runs without a limit.
    """

    @functools.wraps(function)
    def limited(*args: Any, **kwargs: Any) -> Any:
        if not _can_interrupt():
            return function(*args, **kwargs)
        previous = signal.signal(signal.SIGALRM, _stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return function(*args, **kwargs)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def _stop(signum: int, frame: object) -> None:
        raise RuleTimeout(f"took longer than {seconds:g} s")

    return limited


def _can_interrupt() -> bool:
    return (
        hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )


def failure_of(exc: BaseException, rule: str, hook: str) -> RuleFailure:
    """*exc*, raised by *rule* while running *hook*, as a `RuleFailure`."""
    return RuleFailure(rule=rule, error=type(exc).__name__, message=str(exc)[:500], hook=hook)


def load(ep: metadata.EntryPoint) -> object:
    """Import the plugin behind *ep*. Exceptions (``SystemExit`` too) propagate."""
    return ep.load()


def warn_load_failure(name: str, where: str, exc: BaseException) -> str:
    """Warn that plugin *name* could not be loaded; return the message."""
    message = f"{type(exc).__name__}: {exc}"
    warnings.warn(
        f"relpolicy plugin {name!r} ({where}) failed to load: {message}", PluginLoadWarning, stacklevel=5
    )
    return message
