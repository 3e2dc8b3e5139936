"""`Policy`: a configured pipeline of rule plugins that turns requests into decisions."""

from __future__ import annotations

import importlib
import math
import sys
import types
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
import pluggy

from . import _loading, hookspecs
from ._builtin import BUILTIN_PLUGINS, Combiner
from ._config import Config, coerce_config
from ._errors import ConfigError, PluginError, PluginLoadWarning
from ._markers import PROJECT, hookimpl
from ._model import Action, Decision, Profile, Request, RuleFailure, Verdict, Vote

#: How many inputs travel to a worker process at once.
DEFAULT_CHUNKSIZE = 512

#: Hooks whose implementations the policy calls one at a time, isolating failures.
_ISOLATED_HOOKS = ("relpolicy_configure", "relpolicy_vote", "relpolicy_actions")
_ARG_POSITION = {"request": 0, "recipient": 1, "settings": 2, "decision": 3}


def plugin_name(plugin: object) -> str:
    """The name a plugin object takes part under.

    Its ``relpolicy_name`` attribute if it has one, else its module or class name.
    """
    name = getattr(plugin, "relpolicy_name", None)
    if isinstance(name, str) and name:
        return name
    if isinstance(plugin, (types.ModuleType, type)):
        return plugin.__name__
    return type(plugin).__name__


#: The argument lists (positions in ``(request, recipient, settings, decision)``) that
#: the hot loops pass directly; a hook implementation taking any other goes through `_Caller`.
_SHAPES = {(0, 2): 0, (0,): 1, (0, 1): 2, (0, 1, 2): 3, (3,): 4, (0, 3, 2): 5}
_BY_POSITION = -1


@attrs.frozen
class _Caller:
    """One plugin's implementation of one isolated hook, ready to call cheaply."""

    name: str
    hook: str
    function: Callable[..., Any]
    positions: tuple[int, ...]

    def __call__(self, args: tuple[Any, ...]) -> Any:
        positions = self.positions
        if len(positions) == 1:
            return self.function(args[positions[0]])
        return self.function(*[args[i] for i in positions])

    @property
    def shape(self) -> int:
        """Which of the direct calls `Policy._pipeline` makes fits this implementation."""
        return _SHAPES.get(self.positions, _BY_POSITION)


def _failure(caller: _Caller, exc: BaseException) -> RuleFailure:
    return RuleFailure(rule=caller.name, error=type(exc).__name__, message=str(exc)[:500], hook=caller.hook)


@attrs.frozen
class _Recipe:
    """What a policy was built from: enough to build it again in another process."""

    plugins: tuple[object, ...]
    recipient: Profile | None
    config: Config
    entry_points: bool
    disable: tuple[str, ...]


class _ModuleRef:
    """Stands in for a module while a policy is pickled: modules are imported again."""

    def __init__(self, name: str) -> None:
        self.name = name

    def resolve(self) -> object:
        return importlib.import_module(self.name)


class Policy:
    """A configured pipeline of rule plugins.

    ``Policy(plugins)`` uses exactly the plugin objects given (plus relpolicy's own
    combiner and conversation step); `Policy.default` loads every installed rule
    plugin. A policy is immutable once built: it is picklable and safe to share
    between threads.

    Args:
        plugins: Plugin objects (modules, class instances) with hook implementations.
        recipient: The person deciding, for requests that name none. Defaults to the
            configuration's ``recipient``.
        config: A `Config`, or a mapping of the same structure as ``relpolicy.toml``.

    Raises:
        ConfigError: The configuration is invalid or names an unknown rule.
        PluginError: A plugin given here implements a hook wrongly (a misspelt hook
            name, an argument no specification offers, a wrapper where none is allowed).
    """

    def __init__(
        self,
        plugins: Iterable[object] = (),
        *,
        recipient: Profile | None = None,
        config: Config | Mapping[str, Any] | None = None,
    ) -> None:
        self._build(_Recipe(tuple(plugins), recipient, coerce_config(config), False, ()))

    @classmethod
    def default(
        cls,
        *,
        recipient: Profile | None = None,
        config: Config | Mapping[str, Any] | None = None,
        plugins: Iterable[object] = (),
        disable: Iterable[str] = (),
    ) -> Policy:
        """A policy with every installed rule plugin (the ``relpolicy`` entry-point group).

        Args:
            recipient: The person deciding, for requests that name none.
            config: A `Config` or a mapping; ``None`` for the defaults.
            plugins: Extra plugin objects to take part as well.
            disable: Names of installed plugins not to load (nor import). The
                environment variables ``RELPOLICY_DISABLE_PLUGINS`` and
                ``RELPOLICY_LOAD_PLUGINS`` narrow the set further.

        A plugin that fails to import is reported with a `PluginLoadWarning` and left out.
        """
        policy = cls.__new__(cls)
        policy._build(_Recipe(tuple(plugins), recipient, coerce_config(config), True, tuple(disable)))
        return policy

    # -- building ---------------------------------------------------------------------

    def _build(self, recipe: _Recipe) -> None:
        self._recipe = recipe
        config = recipe.config
        self._config = config
        self._recipient = recipe.recipient if recipe.recipient is not None else config.recipient
        self._strict = config.strict
        self._infos: list[_loading.PluginInfo] = []
        self._entry_points: dict[str, _loading.EntryPoint] = {}
        pm = pluggy.PluginManager(PROJECT)
        pm.add_hookspecs(hookspecs)
        self._pm = pm
        for builtin in BUILTIN_PLUGINS:
            self._register(builtin, plugin_name(builtin), strict=True)
        known = {plugin_name(p) for p in BUILTIN_PLUGINS}
        #: Installed plugins that failed to load: every decision reports them, so none is an accept.
        self._load_failures: list[RuleFailure] = []
        self._installed: set[str] = set()
        if recipe.entry_points:
            self._installed = self._load_entry_points(recipe.disable)
            known.update(self._installed)
        for plugin in recipe.plugins:
            name = plugin_name(plugin)
            known.add(name)
            self._register(plugin, name, strict=True)
        config.check_rule_names(known)
        self._trace = _loading.tracing()
        if self._trace:
            pm.trace.root.setwriter(sys.stderr.write)
            pm.enable_tracing()
        self._settings = self._configure()
        self._voters = self._callers("relpolicy_vote")
        self._vote_plan = self._plan(self._voters)
        self._action_plan = self._plan(self._callers("relpolicy_actions"))
        self._combine = self._combiner()
        self._decide_hook = self._decide_wrappers()

    def _load_entry_points(self, disable: tuple[str, ...]) -> set[str]:
        eps = _loading.installed_entry_points()
        blocked = _loading.blocked_names(disable) | {
            name for name, rule in self._config.rules.items() if not rule.enabled
        }
        wanted = set(_loading.selected([ep.name for ep in eps], blocked))
        for ep in eps:
            # (the distribution of each is looked up when `plugins` is first asked for)
            self._entry_points[ep.name] = ep
            if ep.name not in wanted:
                self._infos.append(_loading.PluginInfo(ep.name, enabled=False))
                continue
            try:
                plugin = _loading.load_entry_point(ep)
            except (Exception, SystemExit) as exc:  # a broken plugin must not stop the others
                message = f"{type(exc).__name__}: {exc}"
                warnings.warn(
                    f"relpolicy plugin {ep.name!r} ({ep.value}) failed to load: {message}",
                    PluginLoadWarning,
                    stacklevel=4,
                )
                self._infos.append(_loading.PluginInfo(ep.name, enabled=False, error=message))
                self._load_failures.append(RuleFailure(ep.name, type(exc).__name__, str(exc)[:500], "load"))
                continue
            try:
                self._register(plugin, ep.name, strict=False)
            except PluginError as exc:
                warnings.warn(str(exc), PluginLoadWarning, stacklevel=4)
                self._infos.append(_loading.PluginInfo(ep.name, enabled=False, error=str(exc)))
                self._load_failures.append(RuleFailure(ep.name, "PluginError", str(exc)[:500], "load"))
                continue
            hooks = tuple(sorted(h.name for h in self._pm.get_hookcallers(plugin) or ()))
            self._infos.append(_loading.PluginInfo(ep.name, hooks=hooks))
        return {ep.name for ep in eps}

    def _register(self, plugin: object, name: str, *, strict: bool) -> None:
        if not self._config.rule(name).enabled:
            self._infos.append(_loading.PluginInfo(name, enabled=False))
            return
        if self._pm.has_plugin(name) or self._pm.is_registered(plugin):
            raise PluginError(
                name, "a plugin of that name is already registered; give one a `relpolicy_name`"
            )
        try:
            self._pm.register(plugin, name=name)
            self._pm.check_pending()
        except pluggy.PluginValidationError as exc:
            self._pm.unregister(name=name)
            raise PluginError(name, str(exc)) from None
        for hook in self._pm.get_hookcallers(plugin) or ():
            for impl in hook.get_hookimpls():
                if impl.plugin is plugin:
                    self._check_call_mode(name, hook.name, impl)
        if strict:
            hooks = tuple(sorted(h.name for h in self._pm.get_hookcallers(plugin) or ()))
            self._infos.append(_loading.PluginInfo(name, hooks=hooks))

    def _check_call_mode(self, name: str, hook: str, impl: pluggy.HookImpl) -> None:
        wraps = impl.wrapper or impl.hookwrapper
        problem = None
        if hook in _ISOLATED_HOOKS and wraps:
            problem = f"{hook} cannot be a wrapper: each implementation is called on its own"
        elif hook == "relpolicy_decide" and not wraps:
            problem = "relpolicy_decide takes only wrappers (@hookimpl(wrapper=True))"
        if problem:
            self._pm.unregister(name=name)
            raise PluginError(name, problem)

    def _callers(self, hook: str) -> tuple[_Caller, ...]:
        callers = []
        for impl in getattr(self._pm.hook, hook).get_hookimpls():
            caller = _Caller(
                impl.plugin_name, hook, impl.function, tuple(_ARG_POSITION[a] for a in impl.argnames)
            )
            callers.append(caller)
        callers.sort(key=lambda c: c.name)  # the order of registration never matters
        if self._trace:
            callers = [_traced(c) for c in callers]
        return tuple(callers)

    def _plan(self, callers: tuple[_Caller, ...]) -> tuple[tuple[_Caller, Callable[..., Any], int, Any], ...]:
        """What the hot loops need of each caller: it, its function, its shape, its settings."""
        settings, config = self._settings, self._config
        return tuple(
            (c, c.function, c.shape, settings.get(c.name, config.rule(c.name).settings)) for c in callers
        )

    def _configure(self) -> dict[str, Any]:
        settings: dict[str, Any] = {}
        for impl in self._pm.hook.relpolicy_configure.get_hookimpls():
            raw = self._config.rule(impl.plugin_name).settings
            kwargs = {"settings": raw, "config": self._config}
            try:
                prepared = impl.function(*[kwargs[a] for a in impl.argnames])
            except ConfigError:
                raise  # the user's settings are wrong: say so, naming the key
            except Exception as exc:
                if impl.plugin_name not in self._installed:
                    raise PluginError(impl.plugin_name, f"relpolicy_configure raised {exc!r}") from exc
                # A broken installed plugin is left out, as if it had failed to import.
                message = f"relpolicy_configure raised {type(exc).__name__}: {exc}"
                warnings.warn(
                    f"relpolicy plugin {impl.plugin_name!r}: {message}", PluginLoadWarning, stacklevel=4
                )
                self._pm.unregister(name=impl.plugin_name)
                self._load_failures.append(
                    RuleFailure(impl.plugin_name, type(exc).__name__, message[:500], "load")
                )
                self._infos = [
                    attrs.evolve(i, enabled=False, error=message) if i.name == impl.plugin_name else i
                    for i in self._infos
                ]
                continue
            if prepared is not None:
                settings[impl.plugin_name] = prepared
        return settings

    def _combiner(self) -> Callable[..., Any]:
        hook = self._pm.hook.relpolicy_combine
        impls = hook.get_hookimpls()
        if len(impls) == 1 and isinstance(impls[0].plugin, Combiner) and not self._trace:
            return impls[0].plugin.relpolicy_combine
        return hook

    def _decide_wrappers(self) -> Callable[..., Any] | None:
        hook = self._pm.hook.relpolicy_decide
        if not hook.get_hookimpls():
            return None

        class _Pipeline:
            relpolicy_name = "relpolicy.pipeline"

            @staticmethod
            @hookimpl
            def relpolicy_decide(request: Request, recipient: Profile | None) -> Decision:
                return pipeline(request, recipient)

        pipeline = self._pipeline
        self._pm.register(_Pipeline(), name="relpolicy.pipeline")
        return hook

    # -- deciding ---------------------------------------------------------------------

    def decide(self, request: Request) -> Decision:
        """Decide one request.

        Rules that raise or return something other than a `Vote` or ``None`` are
        recorded in `Decision.errors`; the decision is then never `Verdict.ACCEPT`
        unless the configuration sets ``ignore_failed_rules``. In ``strict`` mode they
        raise `PluginError` instead.

        Args:
            request: A `Request` (a mapping in its JSON form is read with `Request.from_dict`).

        Raises:
            InvalidRequest: *request* is a mapping that is not a valid request.
        """
        if type(request) is not Request and not isinstance(request, Request):
            if isinstance(request, Mapping):  # type: ignore[unreachable]
                request = Request.from_dict(request)
            else:
                raise TypeError(f"decide() takes a Request, got {type(request).__name__}")
        recipient = request.recipient
        if recipient is None and self._recipient is not None:
            recipient = self._recipient
            request = request.with_recipient(recipient)
        if self._decide_hook is not None:
            return self._decide_hook(request=request, recipient=recipient)  # type: ignore[no-any-return]
        return self._pipeline(request, recipient)

    def decide_many(
        self, requests: Iterable[Request], *, workers: int | None = None, chunksize: int = DEFAULT_CHUNKSIZE
    ) -> Iterator[Decision]:
        """Decide each request, lazily: one decision out per request in, in the same order.

        Args:
            requests: Any iterable, consumed as the decisions are read.
            workers: Decide in this many processes: this one and ``workers - 1`` worker
                processes, each of which builds the policy once. ``None`` or 1 decides
                here alone. Requests and decisions are read and handed out in chunks,
                a few per worker at a time, so the input streams.
            chunksize: With workers, how many requests travel to a worker at once.
        """
        if workers is not None and workers > 1:
            from . import _parallel  # (worker processes are for some programs only)

            return _parallel.decide_in_workers(self, requests, workers=workers, chunksize=chunksize)
        return map(self.decide, requests)

    def _pipeline(self, request: Request, recipient: Profile | None) -> Decision:
        # The hot path: every name it needs is prepared when the policy is built.
        votes: list[Vote] = []
        errors: list[RuleFailure] = list(self._load_failures)
        for caller, function, shape, settings in self._vote_plan:
            try:
                if shape == 0:
                    vote = function(request, settings)
                elif shape == 1:
                    vote = function(request)
                elif shape == 2:
                    vote = function(request, recipient)
                elif shape == 3:
                    vote = function(request, recipient, settings)
                else:
                    vote = caller((request, recipient, settings))
            except (Exception, SystemExit) as exc:
                if self._strict:
                    raise PluginError(caller.name, f"raised {type(exc).__name__}: {exc}") from exc
                errors.append(_failure(caller, exc))
                continue
            if vote is None:
                continue
            if isinstance(vote, Vote) and -_INF < vote.score < _INF:
                votes.append(vote)
                continue
            problem = _bad_vote(vote)
            if self._strict:
                raise PluginError(caller.name, problem)
            errors.append(RuleFailure(rule=caller.name, error="InvalidVote", message=problem))
        verdict, score = self._combine(votes=votes, errors=errors, request=request, config=self._config)
        if errors and verdict is _ACCEPT and not self._config.ignore_failed_rules:
            verdict = _REVIEW
        decision = Decision(verdict, score, tuple(votes), (), tuple(errors), request.id)
        if not self._action_plan:
            return decision
        failures: list[RuleFailure] = []
        actions = self._actions(request, recipient, decision, failures)
        if failures and verdict is _ACCEPT and not self._config.ignore_failed_rules:
            # A failing step hook is a failed plugin too: no accept, and the steps follow suit.
            decision = Decision(_REVIEW, score, decision.votes, (), decision.errors, request.id)
            failures.clear()
            actions = self._actions(request, recipient, decision, failures)
        if actions or failures:
            decision = Decision(
                decision.verdict, score, decision.votes, actions, (*errors, *failures), request.id
            )
        return decision

    def _actions(
        self, request: Request, recipient: Profile | None, decision: Decision, errors: list[RuleFailure]
    ) -> tuple[Action, ...]:
        found: dict[Action, None] = {}
        for caller, function, shape, settings in self._action_plan:
            try:
                if shape == 4:
                    suggested = function(decision)
                elif shape == 5:
                    suggested = function(request, decision, settings)
                else:
                    suggested = caller((request, recipient, settings, decision))
                for action in suggested or ():
                    if not isinstance(action, Action):
                        raise TypeError(f"expected Action values, got {type(action).__name__}")
                    found[action] = None
            except (Exception, SystemExit) as exc:
                if self._strict:
                    raise PluginError(caller.name, f"raised {type(exc).__name__}: {exc}") from exc
                errors.append(_failure(caller, exc))
        return tuple(found)

    # -- looking inside ---------------------------------------------------------------

    @property
    def config(self) -> Config:
        """The validated configuration."""
        return self._config

    @property
    def recipient(self) -> Profile | None:
        """The person deciding, for requests that name none."""
        return self._recipient

    @property
    def rules(self) -> tuple[str, ...]:
        """The names of the plugins that vote, in the order they run."""
        return tuple(c.name for c in self._voters)

    @property
    def plugins(self) -> tuple[_loading.PluginInfo, ...]:
        """Every plugin the policy knows of, enabled or not, with why any failed to load."""
        if self._entry_points:  # name each installed plugin's distribution, once
            self._infos = [
                _with_distribution(info, self._entry_points.get(info.name)) for info in self._infos
            ]
            self._entry_points = {}
        return tuple(self._infos)

    def __repr__(self) -> str:
        return f"<Policy rules={list(self.rules)!r}>"

    # -- pickling ---------------------------------------------------------------------

    def __reduce__(self) -> tuple[Callable[[_Recipe], Policy], tuple[_Recipe]]:
        recipe = self._recipe
        plugins = tuple(
            _ModuleRef(p.__name__) if isinstance(p, types.ModuleType) else p for p in recipe.plugins
        )
        return (_rebuild, (attrs.evolve(recipe, plugins=plugins),))


def _rebuild(recipe: _Recipe) -> Policy:
    plugins = tuple(p.resolve() if isinstance(p, _ModuleRef) else p for p in recipe.plugins)
    policy = Policy.__new__(Policy)
    policy._build(attrs.evolve(recipe, plugins=plugins))
    return policy


def _bad_vote(value: object) -> str:
    if isinstance(value, Vote):
        return f"returned a vote with a non-finite score ({value.score!r})"
    return f"returned {type(value).__name__} ({value!r:.80}), expected a Vote or None"


def _traced(caller: _Caller) -> _Caller:
    function = caller.function

    def traced(*args: Any) -> Any:
        print(f"relpolicy: {caller.name}.{caller.hook}(...)", file=sys.stderr)
        try:
            result = function(*args)
        except BaseException as exc:
            print(f"relpolicy:   {caller.name} raised {type(exc).__name__}: {exc}", file=sys.stderr)
            raise
        print(f"relpolicy:   {caller.name} -> {result!r}", file=sys.stderr)
        return result

    return attrs.evolve(caller, function=traced)


_INF = math.inf
_ACCEPT = Verdict.ACCEPT
_REVIEW = Verdict.REVIEW


def _with_distribution(info: _loading.PluginInfo, ep: _loading.EntryPoint | None) -> _loading.PluginInfo:
    """*info* with the name and version of the distribution that declares *ep*."""
    if ep is None:
        return info
    distribution, version = _loading.distribution_of(ep)
    return attrs.evolve(info, distribution=distribution, version=version)
