"""relpolicy: decide whether to accept a connection request, by letting rule plugins vote."""

from ._advice import Advice, NoteCheck, check_note
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
from ._markers import hookimpl, hookspec
from ._model import Action, Decision, Profile, Request, RuleFailure, Verdict, Vote
from ._plugins import PluginInfo, plugin_name
from ._policy import Policy
from ._settings import SettingInfo, setting

__all__ = [
    "Action",
    "Advice",
    "Config",
    "ConfigError",
    "Decision",
    "InvalidRequest",
    "NoteCheck",
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
    "SettingInfo",
    "Verdict",
    "Vote",
    "check_note",
    "decide",
    "find_config",
    "hookimpl",
    "hookspec",
    "plugin_name",
    "setting",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("relpolicy")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
