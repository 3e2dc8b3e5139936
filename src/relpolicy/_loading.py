"""Finding and importing the rule plugins installed under the ``relpolicy`` entry-point group.

Entry points are listed once per process, and each plugin is imported at most once,
on first use. Plugins that are disabled (by ``disable=``, the configuration, or
``RELPOLICY_DISABLE_PLUGINS``) or not selected (``RELPOLICY_LOAD_PLUGINS``) are never
imported at all, so their import side effects never happen.

Listing reads the ``entry_points.txt`` of each distribution on ``sys.path`` directly,
as ``importlib.metadata.entry_points`` would find them. Importing
``importlib.metadata`` (and the ``email`` and ``zipfile`` packages it needs) takes
about 25 ms, a sixth of the start-up that issue #6 allows a first decision; it is
imported only where this reader does not go (a zip file or an ``.egg`` on the path, a
finder of distributions other than Python's own, a metadata folder or an
``entry_points.txt`` that it would read otherwise than ``importlib.metadata`` does) and
to name a plugin's distribution in `PluginInfo`.
"""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import os
import re
import sys
import threading
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from ._markers import PROJECT

if TYPE_CHECKING:
    from importlib import metadata

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


#: What an entry point's value may be: ``module``, ``module:attribute.attribute``, and
#: extras in brackets, which do not matter here (as ``importlib.metadata`` reads it).
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@attrs.frozen
class EntryPoint:
    """One entry point of the ``relpolicy`` group: a plugin's name and where it lives."""

    #: The plugin's name.
    name: str
    #: What to import: ``module`` or ``module:attribute``.
    value: str
    #: The metadata folder (``.dist-info`` or ``.egg-info``) of the distribution that declares it.
    folder: str | None = None
    #: The ``importlib.metadata`` entry point, where that listed it.
    found: metadata.EntryPoint | None = attrs.field(default=None, eq=False, repr=False)

    def load(self) -> object:
        """Import the module the value names, and return it or its named attribute."""
        if self.found is not None:
            return self.found.load()
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"entry point {self.name!r}: {self.value!r} is not 'module' or 'module:name'")
        module = importlib.import_module(match["module"])
        return functools.reduce(getattr, filter(None, (match["attr"] or "").split(".")), module)


_lock = threading.Lock()
_entry_points: tuple[EntryPoint, ...] | None = None
_loaded: dict[tuple[str, str], object] = {}


def installed_entry_points() -> tuple[EntryPoint, ...]:
    """The entry points of the ``relpolicy`` group, by name, listed once per process."""
    global _entry_points
    if _entry_points is None:
        with _lock:
            if _entry_points is None:
                found = _read_entry_points(PROJECT)
                if found is None:
                    found = _entry_points_of_importlib(PROJECT)
                _entry_points = tuple(sorted(found, key=lambda ep: ep.name))
    return _entry_points


def _entry_points_of_importlib(group: str) -> list[EntryPoint]:
    from importlib import metadata

    return [EntryPoint(ep.name, ep.value, found=ep) for ep in metadata.entry_points(group=group)]


def _read_entry_points(group: str) -> list[EntryPoint] | None:
    """The entry points of *group* on ``sys.path``, or ``None`` where only
    ``importlib.metadata`` knows how to find them.

    The same distributions as ``importlib.metadata.distributions()``, in the same order
    (the path in order, each folder as listed), and only the first of each name. Where
    it meets what it does not read as ``importlib.metadata`` does (a metadata folder
    whose name hides the distribution's, an ``entry_points.txt`` that is not UTF-8 or
    has a line that is not ``name = value``), it leaves the listing to that, which names
    the problem as it always has.
    """
    if not all(
        _searches_the_path(finder) for finder in sys.meta_path if hasattr(finder, "find_distributions")
    ):
        return None
    seen: set[str] = set()
    found: list[EntryPoint] = []
    try:
        for entry in sys.path:
            _read_path_entry(entry, group, seen, found)
    except _NotPlain:
        return None
    return found


class _NotPlain(Exception):
    """What `_read_entry_points` leaves to ``importlib.metadata``."""


def _read_path_entry(entry: object, group: str, seen: set[str], found: list[EntryPoint]) -> None:
    """Add the entry points of *group* in the folder *entry* of ``sys.path`` to *found*,
    skipping the distributions named in *seen*, and adding the others' names to it.

    Raises:
        _NotPlain: *entry* is a zip file or an egg, or holds what `_read_entry_points`
            leaves to ``importlib.metadata``.
    """
    if isinstance(entry, os.PathLike):
        entry = os.fspath(entry)
    if not isinstance(entry, str) or entry.lower().endswith(".egg"):
        raise _NotPlain
    try:
        children = os.listdir(entry or ".")
    except NotADirectoryError:
        raise _NotPlain from None  # a zip file
    except OSError:
        return  # (no such folder: nothing there)
    for child in children:
        low = child.lower()
        if not low.endswith((".dist-info", ".egg-info")):
            continue
        name = _normalized(low.rpartition(".")[0].partition("-")[0])
        if not name or not child.endswith((".dist-info", ".egg-info")):
            raise _NotPlain  # (importlib.metadata names it from its METADATA)
        if name in seen:
            continue  # an earlier one of that name shadows it
        seen.add(name)
        folder = os.path.join(entry, child)
        found.extend(ep for ep_group, ep in _read_folder(folder) if ep_group == group)


def _searches_the_path(finder: object) -> bool:
    """Whether *finder* finds distributions only where this reader looks: the standard
    finder, or the one the ``importlib_metadata`` backport puts in its place when it is
    imported (Dask imports it), which searches ``sys.path`` in the same way."""
    if finder is importlib.machinery.PathFinder:
        return True
    kind = type(finder)
    return kind.__name__ == "MetadataPathFinder" and kind.__module__.partition(".")[0] == "importlib_metadata"


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name)


def _read_folder(folder: str) -> Iterator[tuple[str | None, EntryPoint]]:
    """The entry points a distribution's ``entry_points.txt`` declares, with their group."""
    try:
        with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8") as file:
            text = file.read()
    except UnicodeDecodeError:
        raise _NotPlain from None
    except OSError:
        return  # (none: as importlib.metadata reads a missing or unreadable file)
    group = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line.strip("[]")
        elif group is not None:
            if "=" not in line:
                raise _NotPlain
            name, value = map(str.strip, line.split("=", 1))
            yield group, EntryPoint(name, value, folder)


def forget_entry_points() -> None:
    """Forget what was listed and imported, so newly installed plugins are seen."""
    global _entry_points
    with _lock:
        _entry_points = None
        _loaded.clear()


def load_entry_point(ep: EntryPoint) -> object:
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


def distribution_of(ep: EntryPoint) -> tuple[str | None, str | None]:
    """The name and version of the distribution that declares *ep*."""
    from importlib import metadata
    from pathlib import Path

    if ep.found is not None:
        dist = ep.found.dist
    elif ep.folder is not None:
        dist = metadata.PathDistribution(Path(ep.folder))
    else:
        dist = None
    if dist is None:
        return None, None
    return dist.metadata["Name"], dist.version
