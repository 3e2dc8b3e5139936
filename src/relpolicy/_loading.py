"""Finding and importing the rule plugins installed under the ``relpolicy`` entry-point group.

Entry points are listed once per process, and each plugin is imported at most once,
on first use. Plugins that are disabled (by ``disable=``, the configuration, or
``RELPOLICY_DISABLE_PLUGINS``) or not selected (``RELPOLICY_LOAD_PLUGINS``) are never
imported at all, so their import side effects never happen.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterable
from importlib import metadata

import attrs

from ._markers import PROJECT

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


_lock = threading.Lock()
_entry_points: tuple[metadata.EntryPoint, ...] | None = None
_loaded: dict[tuple[str, str], object] = {}


def installed_entry_points() -> tuple[metadata.EntryPoint, ...]:
    """The entry points of the ``relpolicy`` group, listed once per process."""
    global _entry_points
    if _entry_points is None:
        with _lock:
            if _entry_points is None:
                _entry_points = tuple(sorted(metadata.entry_points(group=PROJECT), key=lambda ep: ep.name))
    return _entry_points


def forget_entry_points() -> None:
    """Forget what was listed and imported, so newly installed plugins are seen."""
    global _entry_points
    with _lock:
        _entry_points = None
        _loaded.clear()


def load_entry_point(ep: metadata.EntryPoint) -> object:
    """Import the plugin behind *ep*, once per process. Exceptions propagate."""
    key = (ep.name, ep.value)
    try:
        return _loaded[key]
    except KeyError:
        pass
    plugin = ep.load()
    with _lock:
        return _loaded.setdefault(key, plugin)


def names_from_env(name: str) -> frozenset[str] | None:
    """The comma-separated names in environment variable *name*; ``None`` when unset."""
    value = os.environ.get(name)
    if value is None:
        return None
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def blocked_names(disable: Iterable[str]) -> frozenset[str]:
    """*disable* plus the names in ``RELPOLICY_DISABLE_PLUGINS``."""
    return frozenset(disable) | (names_from_env(DISABLE_ENV) or frozenset())


def selected(ep_names: Iterable[str], blocked: Collection[str]) -> list[str]:
    """Which of *ep_names* to import: honours ``RELPOLICY_LOAD_PLUGINS`` and *blocked*."""
    only = names_from_env(LOAD_ENV)
    return [name for name in ep_names if name not in blocked and (only is None or name in only)]


def tracing() -> bool:
    """Whether ``RELPOLICY_TRACE_PLUGINS`` asks for hook calls to be traced."""
    return os.environ.get(TRACE_ENV, "") not in ("", "0")


def distribution_of(ep: metadata.EntryPoint) -> tuple[str | None, str | None]:
    """The name and version of the distribution that declares *ep*."""
    dist = ep.dist
    if dist is None:
        return None, None
    return dist.metadata["Name"], dist.version
