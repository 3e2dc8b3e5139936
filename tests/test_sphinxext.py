"""``relpolicy.sphinxext``: a plugin's declared settings, rendered as a table by Sphinx.

Sphinx comes with the docs' dependencies, so ``nox -s docs`` runs these; where it is
not installed they are skipped.
"""

from __future__ import annotations

import io
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

import relpolicy
from relpolicy._config import RESERVED_RULE_KEYS
from relpolicy.sphinxext import declared_settings

PLUGIN = """
import attrs
from typing import Literal

from relpolicy import Vote, hookimpl, setting

relpolicy_name = "{name}"


@attrs.frozen
class Settings:
    at_least: int = setting(3, help="How many connections in common are enough.", ge=1)
    ratio: float = setting(0.5, help="A share.", gt=0, le=1, tunable=True)
    words: tuple[str, ...] = setting(("hello",), help="Words to look for.")
    mood: Literal["calm", "loud"] = setting("calm", help="How to say it.")


@hookimpl
def relpolicy_settings():
    return Settings


@hookimpl
def relpolicy_vote(request):
    return Vote(score=0.1)


class Quiet:
    relpolicy_name = "{name}-quiet"

    @hookimpl
    def relpolicy_vote(self, request):
        return None


quiet = Quiet()
"""

BROKEN_DEFAULTS = """
import attrs

from relpolicy import hookimpl, setting


@attrs.frozen
class Settings:
    at_least: int = setting(0, help="Refused by its own bound.", ge=1)


@hookimpl
def relpolicy_settings():
    return Settings
"""


def build(tmp_path: Path, page: str) -> tuple[ET.Element, str]:
    """Build *page* (reStructuredText) with the extension; its doctree as XML, and the warnings."""
    source = tmp_path / "docs"
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["relpolicy.sphinxext"]\n', encoding="utf-8")
    (source / "index.rst").write_text(page, encoding="utf-8")
    warnings = io.StringIO()
    with docutils_namespace():  # (as sphinx-build does: what one build registers, the next does not see)
        app = Sphinx(
            str(source),
            str(source),
            str(tmp_path / "out"),
            str(tmp_path / "doctrees"),
            "xml",
            status=None,
            warning=warnings,
            freshenv=True,
        )
        app.build()
    return ET.parse(tmp_path / "out" / "index.xml").getroot(), warnings.getvalue()


def rows(tree: ET.Element) -> list[list[str]]:
    """Every row of every table: the text of each cell."""
    return [
        ["".join(entry.itertext()).strip() for entry in row.iter("entry")]
        for table in tree.iter("table")
        for row in table.iter("row")
    ]


@pytest.fixture
def plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    """A plugin module importable under a name of its own test, with settings of four types."""
    name = f"relpolicy_sphinx_{request.node.name}"
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / f"{name}.py").write_text(PLUGIN.format(name=name.replace("_", "-")), encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, name, raising=False)
    return name


def test_the_table_lists_each_setting_as_the_policy_reads_it(tmp_path: Path, plugin_module: str) -> None:
    tree, warnings = build(tmp_path, f"Settings\n========\n\n.. relpolicy-settings:: {plugin_module}\n")
    assert warnings == ""
    name, _settings, plugin = declared_settings(plugin_module)
    [info] = [p for p in relpolicy.Policy([plugin]).plugins if p.name == name]
    header, *body = rows(tree)
    assert header == ["setting", "type", "default", "what it changes"]
    fitted = {s.name: " Fitted." if s.tunable else "" for s in info.settings}
    assert body == [[s.name, s.accepts, s.default, s.help + fitted[s.name]] for s in info.settings]
    assert [row[0] for row in body] == ["at_least", "ratio", "words", "mood"]
    assert body[0] == [
        "at_least",
        "a whole number of at least 1",
        "3",
        "How many connections in common are enough.",
    ]
    assert body[1][1:] == ["a number greater than 0 and of at most 1", "0.5", "A share. Fitted."]
    assert body[2][2] == '["hello"]'
    assert body[3][1] == "one of 'calm', 'loud'"


def test_an_object_in_a_module_is_named_as_an_entry_point_names_it(
    tmp_path: Path, plugin_module: str
) -> None:
    tree, warnings = build(tmp_path, f".. relpolicy-settings:: {plugin_module}:quiet\n")
    assert warnings == ""
    assert rows(tree) == []
    text = "".join(tree.itertext())
    quiet = plugin_module.replace("_", "-") + "-quiet"
    assert f"{quiet} declares no settings: its [rules.{quiet}] table takes only " in text
    assert all(key in text for key in RESERVED_RULE_KEYS)


def test_a_plugin_that_cannot_be_imported_fails_the_build(tmp_path: Path) -> None:
    _tree, warnings = build(tmp_path, ".. relpolicy-settings:: relpolicy_no_such_plugin_here\n")
    assert "relpolicy-settings: relpolicy_no_such_plugin_here: ModuleNotFoundError" in warnings
    assert "ERROR" in warnings


def test_settings_a_policy_refuses_fail_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "relpolicy_sphinx_broken.py").write_text(BROKEN_DEFAULTS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    _tree, warnings = build(tmp_path, ".. relpolicy-settings:: relpolicy_sphinx_broken\n")
    assert "relpolicy-settings: relpolicy_sphinx_broken: ConfigError" in warnings
    assert "at_least: expected a number of at least 1, got 0" in warnings


def test_the_standard_rules_are_documented_from_their_declarations() -> None:
    import relpolicy_mutual_connections

    name, settings, plugin = declared_settings("relpolicy_mutual_connections")
    assert (name, plugin) == ("mutual-connections", relpolicy_mutual_connections)
    assert [s.name for s in settings] == [
        field.name for field in relpolicy.Policy.default().settings_of(name).__attrs_attrs__
    ]
