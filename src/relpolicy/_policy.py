"""`Policy`: a configured pipeline of rule plugins that turns requests into decisions."""

from __future__ import annotations

import importlib
import inspect
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
import pluggy

from . import _plugins, hookspecs
from ._builtin import BUILTIN_PLUGINS
from ._config import Config, coerce_config, rule_path
from ._errors import ConfigError, PluginError, PluginLoadWarning
from ._markers import PROJECT, hookimpl
from ._model import Action, Decision, Profile, Request, RuleFailure, Verdict, Vote
from ._plugins import ISOLATED, PluginInfo
from ._settings import describe_settings, read_settings

#: How many inputs travel to a worker process at once.
DEFAULT_CHUNKSIZE = 512

#: The combiner every policy starts with; a policy refuses to be without a combiner.
COMBINER = "relpolicy.combine"

#: Hooks called once per plugin while a policy is built, not per request.
_SETUP_HOOKS = ("relpolicy_settings", "relpolicy_configure")


@attrs.frozen
class _Recipe:
    """What a policy was built from: enough to build it again in another process."""

    plugins: tuple[tuple[str | None, object], ...]
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


class _Rule:
    """What pluggy registers for one plugin: its hook implementations, the isolated
    ones wrapped by `relpolicy._plugins.isolate`."""

    def __init__(self, plugin: object) -> None:
        #: The plugin object as given or loaded.
        self.plugin = plugin


def _given(plugins: Iterable[object] | Mapping[str, object]) -> tuple[tuple[str | None, object], ...]:
    if isinstance(plugins, Mapping):
        return tuple((str(name), plugin) for name, plugin in plugins.items())
    return tuple((None, plugin) for plugin in plugins)


class Policy:
    """A configured pipeline of rule plugins.

    ``Policy(plugins)`` uses exactly the plugin objects given (plus relpolicy's own
    combiner and conversation step); `Policy.default` loads every installed rule
    plugin. A policy is immutable once built: it is picklable and safe to share
    between threads.

    Args:
        plugins: Plugin objects (modules, class instances) with hook implementations,
            or a mapping of names to them. A plugin given without a name takes part
            under the name `relpolicy.plugin_name` gives it.
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
        plugins: Iterable[object] | Mapping[str, object] = (),
        *,
        recipient: Profile | None = None,
        config: Config | Mapping[str, Any] | None = None,
    ) -> None:
        self._build(_Recipe(_given(plugins), recipient, coerce_config(config), False, ()))

    @classmethod
    def default(
        cls,
        *,
        recipient: Profile | None = None,
        config: Config | Mapping[str, Any] | None = None,
        plugins: Iterable[object] | Mapping[str, object] = (),
        disable: Iterable[str] = (),
    ) -> Policy:
        """A policy with every installed rule plugin (the ``relpolicy`` entry-point group).

        Args:
            recipient: The person deciding, for requests that name none.
            config: A `Config` or a mapping; ``None`` for the defaults.
            plugins: Extra plugin objects to take part as well (or a mapping of names to them).
            disable: Names of installed plugins not to load (nor import). The
                environment variables ``RELPOLICY_DISABLE_PLUGINS`` and
                ``RELPOLICY_LOAD_PLUGINS`` narrow the set further.

        A plugin that fails to import is reported with a `PluginLoadWarning` and left out.
        """
        policy = cls.__new__(cls)
        policy._build(_Recipe(_given(plugins), recipient, coerce_config(config), True, tuple(disable)))
        return policy

    # -- building ---------------------------------------------------------------------

    def _build(self, recipe: _Recipe) -> None:
        self._recipe = recipe
        config = recipe.config
        self._config = config
        self._recipient = recipe.recipient if recipe.recipient is not None else config.recipient
        self._strict = config.strict
        self._infos: dict[str, PluginInfo] = {}
        self._settings: dict[str, Any] = {}
        self._isolated: dict[Callable[..., Any], _plugins.Isolated] = {}
        #: Installed plugins that failed to load: every decision reports them, so none is an accept.
        self._load_failures: list[RuleFailure] = []
        pm = pluggy.PluginManager(PROJECT)
        pm.add_hookspecs(hookspecs)
        self._pm = pm
        chosen: dict[str, tuple[object, Any]] = {}  # name -> (plugin, its entry point or None)
        builtin: object
        for builtin in BUILTIN_PLUGINS:
            self._choose(chosen, _plugins.plugin_name(builtin), builtin, None)
        if recipe.entry_points:
            self._load_installed(chosen, recipe.disable)
        for name, plugin in recipe.plugins:
            self._choose(chosen, name or _plugins.plugin_name(plugin), plugin, None)
        config.check_rule_names(self._infos)
        # pluggy calls the last registered first: registering in reverse order of names
        # runs the rules in order of names, whatever order they were found in.
        for name in sorted(chosen, reverse=True):
            plugin, ep = chosen[name]
            self._register(name, plugin, installed=ep is not None)
        if not pm.hook.relpolicy_combine.get_hookimpls():
            raise ConfigError(
                f"{config.source}: {rule_path(COMBINER)}: a policy needs a combiner; "
                "disable it only where another plugin implements relpolicy_combine"
            )
        tracing = _plugins.tracing()
        if tracing:
            _plugins.trace_to_stderr(pm)
        self._vote_runs = self._runs("relpolicy_vote", tracing)
        self._combine_runs = self._runs("relpolicy_combine", tracing)
        self._action_runs = self._runs("relpolicy_actions", tracing)
        self._decide_hook = self._decide_wrappers()

    def _choose(self, chosen: dict[str, tuple[object, Any]], name: str, plugin: object, ep: Any) -> None:
        """Add *plugin* under *name*, unless the configuration disables it."""
        if not self._config.rule(name).enabled:
            self._infos[name] = PluginInfo(name, enabled=False)
            return
        if name in chosen or any(plugin is other for other, _ep in chosen.values()):
            raise PluginError(
                name, "a plugin of that name is already registered; give one a `relpolicy_name`"
            )
        chosen[name] = (plugin, ep)
        self._infos[name] = PluginInfo(name)

    def _load_installed(self, chosen: dict[str, tuple[object, Any]], disable: tuple[str, ...]) -> None:
        eps = _plugins.installed()
        names = [ep.name for ep in eps]
        blocked = _plugins.blocked(names, disable) | {
            name for name, rule in self._config.rules.items() if not rule.enabled
        }
        for ep in eps:
            if ep.name in blocked:
                self._pm.set_blocked(ep.name)
                self._infos[ep.name] = PluginInfo(ep.name, enabled=False)
                continue
            try:
                plugin = _plugins.load(ep)
            except (Exception, SystemExit) as exc:  # a broken plugin must not stop the others
                self._left_out(ep.name, _plugins.warn_load_failure(ep.name, ep.value, exc), exc)
                continue
            if ep.name in chosen:
                self._left_out(ep.name, "a plugin of that name is already registered", None)
                continue
            chosen[ep.name] = (plugin, ep)
            self._infos[ep.name] = PluginInfo(ep.name)

    def _left_out(self, name: str, message: str, exc: BaseException | None) -> None:
        """Record that installed plugin *name* takes no part, and why."""
        self._infos[name] = PluginInfo(name, enabled=False, error=message)
        error = type(exc).__name__ if exc is not None else "PluginError"
        self._load_failures.append(RuleFailure(name, error, message[:500], "load"))

    def _register(self, name: str, plugin: object, *, installed: bool) -> None:
        """Check, configure and register *plugin*: a broken installed one is left out
        with a warning; a broken one given in code raises `PluginError`."""
        try:
            hooks = self._hooks_of(name, plugin)
            declared, settings = self._configure(name, hooks)
            rule = self._wrap(name, plugin, hooks, settings)
            try:
                self._pm.register(rule, name=name)
                self._pm.check_pending()
            except pluggy.PluginValidationError as exc:
                self._pm.unregister(name=name)
                raise PluginError(name, str(exc)) from None
        except ConfigError:
            raise  # the user's settings are wrong: say so, naming the key
        except Exception as exc:
            if not installed:
                if isinstance(exc, PluginError):
                    raise
                raise PluginError(name, f"{type(exc).__name__}: {exc}") from exc
            import warnings

            warnings.warn(f"relpolicy plugin {name!r}: {exc}", PluginLoadWarning, stacklevel=5)
            self._left_out(name, str(exc), exc)
            return
        self._settings[name] = settings
        self._infos[name] = attrs.evolve(
            self._infos[name],
            hooks=tuple(sorted(hooks)),
            settings=tuple(describe_settings(declared)) if declared is not None else (),
        )

    def _hooks_of(self, name: str, plugin: object) -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
        """The hook implementations *plugin* marks with `hookimpl`, checked against the specs."""
        found: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {}
        for attribute in dir(plugin):
            opts = self._pm.parse_hookimpl_opts(plugin, attribute)
            if opts is None:
                continue
            function = getattr(plugin, attribute)
            hook = opts.get("specname") or attribute
            wraps = opts.get("wrapper") or opts.get("hookwrapper")
            if hook in ISOLATED or hook in _SETUP_HOOKS:
                if wraps:
                    raise PluginError(
                        name, f"{hook} cannot be a wrapper: each implementation is called on its own"
                    )
                spec = getattr(self._pm.hook, hook).spec
                argnames = _argnames(function)
                unknown = [arg for arg in argnames if arg not in spec.argnames]
                if unknown:
                    raise PluginError(
                        name,
                        f"hook {hook!r}: argument {unknown[0]!r} is not one the hook offers "
                        f"({', '.join(spec.argnames)})",
                    )
            elif hook == "relpolicy_decide" and not wraps:
                raise PluginError(name, "relpolicy_decide takes only wrappers (@hookimpl(wrapper=True))")
            found[hook] = (function, dict(opts))
        return found

    def _settings_class(
        self, name: str, declared: tuple[Callable[..., Any], dict[str, Any]] | None
    ) -> type | None:
        if declared is None:
            return None
        cls = declared[0]()
        if cls is not None and not (isinstance(cls, type) and attrs.has(cls)):
            raise PluginError(
                name, f"relpolicy_settings returned {cls!r:.80}, expected an attrs class or None"
            )
        return cls

    def _configure(
        self, name: str, hooks: Mapping[str, tuple[Callable[..., Any], dict[str, Any]]]
    ) -> tuple[type | None, Any]:
        """The class of *name*'s settings, and the settings its hooks receive: its table
        read into that class, then prepared by its `relpolicy_configure`."""
        config = self._config
        cls = self._settings_class(name, hooks.get("relpolicy_settings"))
        settings = read_settings(cls, config.rule(name).settings, f"{config.source}: {rule_path(name)}")
        configure = hooks.get("relpolicy_configure")
        if configure is None:
            return cls, settings
        arguments = {"settings": settings, "config": config}
        prepared = configure[0](*[arguments[arg] for arg in _argnames(configure[0])])
        return cls, settings if prepared is None else prepared

    def _wrap(
        self,
        name: str,
        plugin: object,
        hooks: Mapping[str, tuple[Callable[..., Any], dict[str, Any]]],
        settings: Any,
    ) -> _Rule:
        rule = _Rule(plugin)
        marker = f"{PROJECT}_impl"
        for hook, (function, opts) in hooks.items():
            if hook in _SETUP_HOOKS:
                continue  # (called once, above)
            if hook in ISOLATED:
                argnames = _argnames(function)
                isolated = _plugins.isolate(
                    function,
                    hook,
                    argnames,
                    name,
                    settings,
                    strict=self._strict,
                    timeout=self._config.rule(name).timeout,
                )
                setattr(isolated.function, marker, {**opts, "specname": None})
                setattr(rule, hook, isolated.function)
                self._isolated[isolated.function] = isolated
            else:
                setattr(rule, hook, function)
        return rule

    def _runs(self, hook: str, tracing: bool) -> tuple[Callable[[tuple[Any, ...]], Any], ...]:
        """What the pipeline calls for *hook*: each implementation's `Isolated.run`, in
        pluggy's order; or, when tracing, one call through pluggy (whose monitoring
        traces it) that answers them all at once, as a `_Traced` list."""
        impls = tuple(reversed(getattr(self._pm.hook, hook).get_hookimpls()))
        if not tracing:
            return tuple(self._isolated[impl.function].run for impl in impls)
        if not impls:
            return ()
        caller = getattr(self._pm.hook, hook)
        names = ISOLATED[hook]

        def through_pluggy(args: tuple[Any, ...]) -> _Traced:
            return _Traced(caller(**dict(zip(names, args, strict=True))))

        return (through_pluggy,)

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
        raise `PluginError` instead. A vote counts under the name of the plugin that
        cast it, whatever rule it names.

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
        # The hot path: plain loops over what was prepared when the policy was built.
        votes: list[Vote] = []
        errors: list[RuleFailure] = [*self._load_failures] if self._load_failures else []
        args = (request, recipient, None)
        for run in self._vote_runs:
            answer = run(args)
            if answer is None:
                continue
            if type(answer) is Vote:
                votes.append(answer)
                continue
            for each in _answers(answer):  # (a failure, a Vote subclass, or a traced list)
                (errors if type(each) is RuleFailure else votes).append(each)
        verdict, score = self._combine(votes, errors, request)
        accepting = verdict is _ACCEPT
        if errors and accepting and not self._config.ignore_failed_rules:
            verdict, accepting = _REVIEW, False
        decision = Decision(verdict, score, tuple(votes), (), tuple(errors), request.id)
        if not self._action_runs:
            return decision
        actions, failures = self._actions(request, recipient, decision)
        if failures and accepting and not self._config.ignore_failed_rules:
            # A failing step hook is a failed plugin too: no accept, and the steps follow suit.
            decision = Decision(_REVIEW, score, decision.votes, (), decision.errors, request.id)
            actions, failures = self._actions(request, recipient, decision)
        if actions or failures:
            errors.extend(failures)
            decision = Decision(decision.verdict, score, decision.votes, actions, tuple(errors), request.id)
        return decision

    def _combine(
        self, votes: list[Vote], errors: list[RuleFailure], request: Request
    ) -> tuple[Verdict, float]:
        """The first usable answer of the combiners; a veto always declines."""
        args = (votes, errors, request, self._config, None)
        for run in self._combine_runs:
            answer = run(args)
            if answer is None:
                continue
            for each in _answers(answer):
                if type(each) is RuleFailure:
                    errors.append(each)
                    continue
                verdict, score = each
                if verdict is not _DECLINE:
                    for vote in votes:
                        if vote.veto:
                            return _DECLINE, score
                return verdict, score
        raise PluginError(COMBINER, "no combiner answered")  # (the built-in one always does)

    def _actions(
        self, request: Request, recipient: Profile | None, decision: Decision
    ) -> tuple[tuple[Action, ...], list[RuleFailure]]:
        found: dict[Action, None] = {}
        failures: list[RuleFailure] = []
        args = (request, recipient, decision, None)
        for run in self._action_runs:
            answer = run(args)
            if answer is None or answer == ():
                continue
            for each in _answers(answer):
                if type(each) is RuleFailure:
                    failures.append(each)
                else:
                    found.update(dict.fromkeys(each))
        return tuple(found), failures

    def advise(self, request: Request, decision: Decision) -> tuple[tuple[Any, ...], list[RuleFailure]]:
        """What every plugin that implements `~relpolicy.hookspecs.relpolicy_advise` says of
        *request*'s note, and the plugins that failed (`relpolicy.check_note` orders it)."""
        advice: list[Any] = []
        failures: list[RuleFailure] = []
        args = (request, request.recipient, decision, None)
        for run in self._runs("relpolicy_advise", _plugins.tracing()):
            for each in _answers(run(args)):
                if type(each) is RuleFailure:
                    failures.append(each)
                elif each is not None:
                    advice.extend(each)
        return tuple(advice), failures

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
        return tuple(impl.plugin_name for impl in reversed(self._pm.hook.relpolicy_vote.get_hookimpls()))

    def settings_of(self, rule: str) -> Any:
        """The settings rule *rule* runs with: its ``[rules.NAME]`` table read into the
        class it declares, as its ``relpolicy_configure`` prepared them.

        Raises:
            KeyError: No plugin of that name takes part.
        """
        try:
            return self._settings[rule]
        except KeyError:
            raise KeyError(f"no plugin named {rule!r} takes part in this policy") from None

    @property
    def plugins(self) -> tuple[PluginInfo, ...]:
        """Every plugin the policy knows of, enabled or not, with why any failed to load."""
        if self._recipe.entry_points:  # name each installed plugin's distribution, once
            for ep in _plugins.installed():
                info = self._infos.get(ep.name)
                if info is not None and info.distribution is None:
                    found, version = _plugins.distribution(ep)
                    self._infos[ep.name] = attrs.evolve(info, distribution=found, version=version)
        return tuple(self._infos[name] for name in sorted(self._infos))

    def __repr__(self) -> str:
        return f"<Policy rules={list(self.rules)!r}>"

    # -- pickling ---------------------------------------------------------------------

    def __reduce__(self) -> tuple[Callable[[_Recipe], Policy], tuple[_Recipe]]:
        recipe = self._recipe
        plugins = tuple(
            (name, _ModuleRef(p.__name__) if isinstance(p, types.ModuleType) else p)
            for name, p in recipe.plugins
        )
        return (_rebuild, (attrs.evolve(recipe, plugins=plugins),))


class _Traced(list[Any]):
    """The answers of every implementation of a hook, called through pluggy."""


def _answers(answer: Any) -> list[Any] | tuple[Any]:
    """The answers *answer* stands for: itself, or each of a `_Traced` list."""
    return answer if type(answer) is _Traced else (answer,)


def _argnames(function: Callable[..., Any]) -> tuple[str, ...]:
    """The arguments a hook implementation asks for: its positional parameters without
    a default, as pluggy reads them."""
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return ()
    return tuple(
        p.name
        for p in parameters
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    )


def _rebuild(recipe: _Recipe) -> Policy:
    plugins = tuple((name, p.resolve() if isinstance(p, _ModuleRef) else p) for name, p in recipe.plugins)
    policy = Policy.__new__(Policy)
    policy._build(attrs.evolve(recipe, plugins=plugins))
    return policy


_ACCEPT, _DECLINE, _REVIEW = Verdict.ACCEPT, Verdict.DECLINE, Verdict.REVIEW
