"""Loading the installed rule plugins through the ``relpolicy`` entry-point group."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from relpolicy import PluginLoadWarning, Policy, plugin_name
from relpolicy._plugins import forget_installed, installed

STANDARD_RULES = {"note-present", "common-field", "mutual-connections", "hard-sell", "pro-bono-referral"}


def test_the_standard_rules_are_installed_under_their_contract_names() -> None:
    assert {ep.name for ep in installed()} >= STANDARD_RULES


def test_the_default_policy_votes_with_every_standard_rule() -> None:
    assert set(Policy.default().rules) >= STANDARD_RULES


def test_disable_leaves_a_rule_out() -> None:
    policy = Policy.default(disable=["hard-sell"])
    assert "hard-sell" not in policy.rules
    info = {p.name: p for p in policy.plugins}
    assert not info["hard-sell"].enabled
    assert info["note-present"].enabled
    assert info["note-present"].distribution == "relpolicy"
    assert "relpolicy_vote" in info["note-present"].hooks


def test_disabled_in_the_config_is_disabled() -> None:
    policy = Policy.default(config={"rules": {"common-field": {"enabled": False}}})
    assert "common-field" not in policy.rules


def test_the_environment_selects_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "hard-sell, note-present")
    assert set(Policy.default().rules) == {"hard-sell", "note-present"}
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "")
    assert Policy.default().rules == ()
    monkeypatch.delenv("RELPOLICY_LOAD_PLUGINS")
    monkeypatch.setenv("RELPOLICY_DISABLE_PLUGINS", "hard-sell")
    assert "hard-sell" not in Policy.default().rules


def test_extra_plugin_objects_join_the_default_policy() -> None:
    from . import rule_module

    assert "module-rule" in Policy.default(plugins=[rule_module]).rules


# -- listing entry points without importlib.metadata ------------------------------------


def _distribution(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / name
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name.partition('-')[0]}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")


def _modules_imported_by(code: str) -> set[str]:
    """The standard rules' modules imported by a fresh interpreter that runs *code*."""
    probe = code + "\nimport sys\nprint(' '.join(m for m in sys.modules if m.startswith('relpolicy_')))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELPOLICY_")}
    return set(subprocess.check_output([sys.executable, "-c", probe], text=True, env=env).split())


@pytest.mark.parametrize("rule", sorted(STANDARD_RULES))
def test_a_disabled_rule_is_never_imported(rule: str) -> None:
    module = "relpolicy_" + rule.replace("-", "_")
    assert module in _modules_imported_by("import relpolicy; relpolicy.Policy.default()")
    by_argument = f"import relpolicy; relpolicy.Policy.default(disable=[{rule!r}])"
    assert module not in _modules_imported_by(by_argument)
    table = {"rules": {rule: {"enabled": False}}}
    by_config = f"import relpolicy; relpolicy.Policy.default(config={table!r})"
    assert module not in _modules_imported_by(by_config)
    by_environment = f"import os; os.environ['RELPOLICY_DISABLE_PLUGINS'] = {rule!r}\n" + by_argument
    assert module not in _modules_imported_by(by_environment)


@pytest.mark.parametrize("variable", ["RELPOLICY_LOAD_PLUGINS", "RELPOLICY_DISABLE_PLUGINS"])
def test_an_unknown_name_in_the_environment_is_reported_with_the_closest(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "hard_sell")
    with pytest.warns(PluginLoadWarning, match=rf"{variable} names 'hard_sell'.*did you mean 'hard-sell'\?"):
        Policy.default()


def test_a_plugin_given_as_a_module_is_named_by_its_entry_point() -> None:
    import relpolicy_hard_sell

    from . import rule_module

    assert plugin_name(relpolicy_hard_sell) == "hard-sell"
    assert Policy([relpolicy_hard_sell]).rules == ("hard-sell",)
    assert plugin_name(rule_module) == "module-rule"  # (its relpolicy_name)


def test_a_plugin_is_named_by_the_distribution_that_declares_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _distribution(tmp_path, "Named_Rules-1.0.dist-info", "[relpolicy]\nnamed = named_rules\n")
    (tmp_path / "named_rules.py").write_text(
        "from relpolicy import Vote, hookimpl\n\n@hookimpl\ndef relpolicy_vote(request):\n    return None\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    forget_installed()
    try:
        info = {p.name: p for p in Policy.default().plugins}
    finally:
        forget_installed()
    assert (info["named"].distribution, info["named"].version) == ("Named_Rules", "1.0")
    assert info["named"].hooks == ("relpolicy_vote",)


def test_a_plugin_that_fails_to_import_is_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _distribution(tmp_path, "broken_rules-1.0.dist-info", "[relpolicy]\nbroken = broken_rules\n")
    (tmp_path / "broken_rules.py").write_text("raise ImportError('no such thing')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    forget_installed()
    try:
        with pytest.warns(PluginLoadWarning, match="'broken'.*ImportError: no such thing"):
            policy = Policy.default()
    finally:
        forget_installed()
    assert "broken" not in policy.rules
    assert set(policy.rules) >= STANDARD_RULES
    decision = policy.decide(REQUEST)
    assert [(e.rule, e.hook) for e in decision.errors] == [("broken", "load")]
    assert decision.verdict.value != "accept"


REQUEST = __import__("relpolicy").Request(
    __import__("relpolicy").Profile(name="Sam"), note="Hi Pat, we met at the job fair last week."
)


def test_no_standard_plugin_imports_another() -> None:
    # Each rule stands alone: what two rules need, they read from relpolicy (such as
    # relpolicy.reading), never from each other.
    import ast

    plugins = Path(__file__).parent.parent / "plugins"
    packages = {path.name for path in plugins.iterdir() if (path / "__init__.py").exists()}
    assert len(packages) >= 5
    found = []
    for package in sorted(packages):
        for source in (plugins / package).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                names = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom) and node.level == 0
                    else []
                )
                found += [(package, name) for name in names if name.split(".")[0] in packages - {package}]
    assert found == []
