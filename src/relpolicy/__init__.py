"""relpolicy: decide whether to accept a connection request, by letting rule plugins vote."""

from ._config import Config, RuleConfig, find_config
from ._decide import decide
from ._errors import (
    ConfigError,
    InvalidRequest,
    PluginError,
    PluginLoadWarning,
    Problem,
    RelpolicyError,
    RelpolicyWarning,
)
from ._loading import PluginInfo
from ._markers import hookimpl, hookspec
from ._model import Action, Decision, Profile, Request, RuleFailure, Verdict, Vote
from ._policy import Policy

__all__ = [
    "Action",
    "Config",
    "ConfigError",
    "Decision",
    "InvalidRequest",
    "PluginError",
    "PluginInfo",
    "PluginLoadWarning",
    "Policy",
    "Problem",
    "Profile",
    "RelpolicyError",
    "RelpolicyWarning",
    "Request",
    "RuleConfig",
    "RuleFailure",
    "Verdict",
    "Vote",
    "decide",
    "find_config",
    "hookimpl",
    "hookspec",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("relpolicy")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
