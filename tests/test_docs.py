"""The documentation keeps up with the code: every hook, public name and setting is in it.

The examples in the pages are tested by ``pytest docs`` (see docs/conftest.py).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import relpolicy
import relpolicy.hookspecs
from relpolicy._config import _TOP_KEYS

DOCS = Path(__file__).parent.parent / "docs"

#: A hook section's heading: ``## `relpolicy_vote(request: Request, ...) -> Vote | None` ``.
HOOK_HEADING = re.compile(r"^##\s+`(?P<name>relpolicy_\w+)(?P<signature>\(.*?\)(?: -> .+?)?)`\s*$")


def hook_specs() -> dict[str, Callable[..., Any]]:
    """The hook specifications in `relpolicy.hookspecs`, by name."""
    return {
        name: value
        for name, value in vars(relpolicy.hookspecs).items()
        if callable(value) and hasattr(value, "relpolicy_spec")
    }


def signature_text(function: Callable[..., Any]) -> str:
    """``(name: Type, ...) -> Type`` as written in source (annotations are strings there)."""

    def annotation(value: object) -> str:
        return value if isinstance(value, str) else inspect.formatannotation(value)

    signature = inspect.signature(function)
    parameters = ", ".join(
        p.name if p.annotation is p.empty else f"{p.name}: {annotation(p.annotation)}"
        for p in signature.parameters.values()
    )
    returns = (
        ""
        if signature.return_annotation is signature.empty
        else f" -> {annotation(signature.return_annotation)}"
    )
    return f"({parameters}){returns}"


def hook_sections() -> dict[str, list[tuple[str, str]]]:
    """Each hook heading of hooks.md: name -> [(signature, the section's text)]."""
    sections: dict[str, list[tuple[str, str]]] = {}
    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    chunks = re.split(r"^(?=## )", text, flags=re.M)
    for chunk in chunks:
        heading = chunk.splitlines()[0] if chunk.startswith("## ") else ""
        if "relpolicy_" not in heading:
            continue
        match = HOOK_HEADING.match(heading)
        assert match, f"hooks.md: a hook heading that is not `name(signature)`: {heading!r}"
        sections.setdefault(match["name"], []).append((match["signature"], chunk))
    return sections


def test_the_hookspecs_module_has_hooks() -> None:
    assert "relpolicy_vote" in hook_specs()


def test_every_hook_has_exactly_one_section_and_no_section_is_stale() -> None:
    sections = hook_sections()
    assert sorted(sections) == sorted(hook_specs())
    assert all(len(found) == 1 for found in sections.values()), sections.keys()


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_the_section_is_headed_by_the_exact_signature(name: str) -> None:
    [(written, _)] = hook_sections().get(name, [("<no section>", "")])
    assert written == signature_text(hook_specs()[name])


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_the_section_describes_each_argument_and_has_a_hookimpl_example(name: str) -> None:
    [(_, section)] = hook_sections().get(name, [("", "")])
    for argument in inspect.signature(hook_specs()[name]).parameters:
        assert re.search(rf"^`{argument}`$", section, flags=re.M), (
            f"{name}: argument {argument} not described"
        )
    assert re.search(rf"```python\n(?:.*\n)*?@hookimpl.*\n(?:.*\n)*?def {name}\(", section), name


def documented_api_names() -> set[str]:
    text = (DOCS / "api.rst").read_text(encoding="utf-8")
    return set(re.findall(r"^\.\. (?:auto\w+|data|function|class|exception):: ([\w.]+)", text, flags=re.M))


@pytest.mark.parametrize("name", relpolicy.__all__)
def test_every_public_name_is_in_the_api_reference(name: str) -> None:
    assert f"relpolicy.{name}" in documented_api_names()


@pytest.mark.parametrize(
    "module", ["relpolicy.hookspecs", "relpolicy.text", "relpolicy.strategies", "relpolicy.recheck"]
)
def test_the_public_modules_are_in_the_api_reference(module: str) -> None:
    assert module in documented_api_names()


@pytest.mark.parametrize("key", sorted(_TOP_KEYS))
def test_every_configuration_key_is_in_the_configuration_reference(key: str) -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert re.search(rf"^\| `{key}` \|", text, flags=re.M), key
