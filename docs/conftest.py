"""Run every example in the documentation as a test (``pytest docs``, part of ``nox -s docs``).

- ``python`` blocks run, in order, in one namespace per page; those that start with
  ``>>>`` are doctests, so their output is checked (``...`` matches anything, so a
  page can leave out a fitted number that changes at every refit).
- ``json`` blocks must be valid JSON; a request (it has a ``sender``) must be a valid
  `relpolicy.Request` and a decision (it has a ``verdict``) a valid `relpolicy.Decision`.
- ``toml`` blocks that configure relpolicy must build a policy with every installed
  plugin: unknown keys, unknown rule names and rule settings the rule refuses all fail.
- ``make_policy`` and ``make_request``, the fixtures relpolicy gives pytest, are in every
  page's namespace, so a page can run the example tests it shows.
- ``console`` blocks: each ``$ relpolicy ...`` command runs from the repository's root
  and must succeed; the lines after it, if any, are its output (``...`` matches
  anything, as in doctests). Other commands (``pip``, ``python -m build``) are shown only.
"""

from __future__ import annotations

import doctest
import json
import os
import shlex
import sys
import types
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser

import relpolicy
from relpolicy.cli import cli

ROOT = Path(__file__).parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


def check_json(example: Example) -> None:
    """Parse a JSON block and, when it is a request or a decision, read it as one."""
    data = json.loads(example.parsed)
    if isinstance(data, dict) and "sender" in data:
        relpolicy.Request.from_dict(data)
    elif isinstance(data, dict) and "verdict" in data:
        relpolicy.Decision.from_dict(data)


def check_toml(example: Example) -> None:
    """Parse a TOML block and build a policy from the relpolicy configuration in it."""
    data: dict[str, Any] = tomllib.loads(example.parsed)
    if "tool" in data:
        data = data["tool"].get("relpolicy", {})
    elif "project" in data or "build-system" in data:
        return  # packaging metadata, not a relpolicy configuration
    relpolicy.Policy.default(config=data)


class ExampleModule(types.ModuleType):
    """A plugin module made from a page's example."""


def console_commands(block: str) -> list[tuple[str, str]]:
    """The ``$ `` commands of a console block, each with the output written under it."""
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    return [(command, "\n".join(output).strip()) for command, output in commands]


def check_console(example: Example) -> None:
    """Run each ``relpolicy`` command of a console block and compare its output."""
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    for command, expected in console_commands(example.parsed):
        words = shlex.split(command)
        env = {}
        while words and "=" in words[0]:
            name, _, value = words.pop(0).partition("=")
            env[name] = value
        if not words or words[0] != "relpolicy":
            continue
        here = Path.cwd()
        os.chdir(ROOT)
        try:
            result = CliRunner().invoke(cli, words[1:], env=env, catch_exceptions=False)
        finally:
            os.chdir(here)
        assert result.exit_code == 0, f"{command}: exit status {result.exit_code}\n{result.output}"
        if expected and not checker.check_output(expected + "\n", result.output, flags):
            raise AssertionError(f"{command}: expected\n{expected}\ngot\n{result.output}")


def as_plugin(**attributes: Any) -> types.ModuleType:
    """A plugin module holding *attributes*, as if a page's example were its own file."""
    module = ExampleModule(str(attributes.get("relpolicy_name", "example")))
    vars(module).update(attributes)
    return module


def setup(namespace: dict[str, Any]) -> None:
    """Give every page's hidden checks `as_plugin`."""
    namespace["as_plugin"] = as_plugin


def teardown(namespace: dict[str, Any]) -> None:
    """Forget the example modules a page put in `sys.modules` to import them."""
    for name, module in list(sys.modules.items()):
        if isinstance(module, ExampleModule):
            del sys.modules[name]


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS),
        CodeBlockParser("json", check_json),
        CodeBlockParser("toml", check_toml),
        CodeBlockParser("console", check_console),
        SkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*"],
    setup=setup,
    teardown=teardown,
    fixtures=["make_policy", "make_request"],
).pytest()
