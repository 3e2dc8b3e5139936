"""The pluggy markers for the ``relpolicy`` project."""

from __future__ import annotations

import pluggy

#: The project name plugins register under, and the entry-point group they are found in.
PROJECT = "relpolicy"

#: Marks the hook specifications in `relpolicy.hookspecs`.
hookspec = pluggy.HookspecMarker(PROJECT)

#: Marks a plugin's hook implementations: ``@hookimpl def relpolicy_vote(request): ...``.
hookimpl = pluggy.HookimplMarker(PROJECT)
