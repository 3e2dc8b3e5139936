"""The public surface: exactly the contract's names, each documented."""

from __future__ import annotations

import inspect

import pytest

import relpolicy

#: CONTRACT.md section 1, plus what the library adds to it.
CONTRACT_NAMES = {
    "Profile",
    "Request",
    "Vote",
    "Verdict",
    "Decision",
    "Policy",
    "decide",
    "hookimpl",
    "RelpolicyError",
    "InvalidRequest",
}
ADDED_NAMES = {
    "Action",
    "Advice",
    "NoteCheck",
    "SettingInfo",
    "check_note",
    "plugin_name",
    "setting",
    "Config",
    "ConfigError",
    "PluginError",
    "PluginInfo",
    "PluginLoadWarning",
    "Problem",
    "RelpolicyWarning",
    "RuleConfig",
    "RuleFailure",
    "find_config",
    "hookspec",
}


def test_all_is_exactly_the_public_names() -> None:
    assert set(relpolicy.__all__) == CONTRACT_NAMES | ADDED_NAMES
    assert relpolicy.__all__ == sorted(relpolicy.__all__), "keep __all__ sorted"


def test_no_other_public_names_leak() -> None:
    modules = {
        "hookspecs",
        "text",
        "strategies",
        "testing",
        "pytest_plugin",
        "cli",
        "fields",
        "inputs",
        "dask",
        "reading",
        "recheck",
        "sphinxext",
    }
    public = {n for n in vars(relpolicy) if not n.startswith(("_", "@"))}
    assert public - set(relpolicy.__all__) <= modules


@pytest.mark.parametrize("name", sorted(relpolicy.__all__))
def test_every_public_name_has_a_docstring(name: str) -> None:
    obj = getattr(relpolicy, name)
    doc = inspect.getdoc(obj)
    assert doc, f"relpolicy.{name} has no docstring"
    if name not in {"hookimpl", "hookspec"}:  # pluggy marker instances share pluggy's docstring
        assert doc != inspect.getdoc(type(obj)) or inspect.isclass(obj)


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert relpolicy.__version__ == version("relpolicy")


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        relpolicy.no_such_name  # noqa: B018


def test_errors_share_one_base() -> None:
    for name in ("InvalidRequest", "ConfigError", "PluginError"):
        assert issubclass(getattr(relpolicy, name), relpolicy.RelpolicyError)
    assert issubclass(relpolicy.PluginLoadWarning, relpolicy.RelpolicyWarning)


def test_verdict_values_are_the_json_words() -> None:
    assert {v.value for v in relpolicy.Verdict} == {"accept", "decline", "review"}
    assert relpolicy.Verdict("accept") is relpolicy.Verdict.ACCEPT


def test_the_library_ships_py_typed() -> None:
    from importlib.resources import files

    assert files("relpolicy").joinpath("py.typed").is_file()


def test_hookimpl_is_the_relpolicy_marker() -> None:
    assert relpolicy.hookimpl.project_name == "relpolicy"
