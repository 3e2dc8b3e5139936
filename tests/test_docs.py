"""The documentation keeps up with the code: every hook, public name and setting is in it.

The examples in the pages are tested by ``pytest docs`` (see docs/conftest.py).
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import pytest

import relpolicy
import relpolicy.hookspecs
from relpolicy._config import _TOP_KEYS, RESERVED_RULE_KEYS
from relpolicy._settings import describe_settings

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


def test_every_public_member_of_policy_is_in_the_api_reference() -> None:
    text = (DOCS / "api.rst").read_text(encoding="utf-8")
    found = re.search(r"^\.\. autoclass:: relpolicy\.Policy\n   :members: (.*)$", text, flags=re.M)
    assert found, "api.rst: no autoclass of relpolicy.Policy with its members"
    public = {name for name in vars(relpolicy.Policy) if not name.startswith("_")}
    assert public <= set(found[1].split(", "))


@pytest.mark.parametrize(
    "module",
    [
        "relpolicy.hookspecs",
        "relpolicy.text",
        "relpolicy.strategies",
        "relpolicy.testing",
        "relpolicy.reading",
        "relpolicy.sphinxext",
        "relpolicy.recheck",
    ],
)
def test_the_public_modules_are_in_the_api_reference(module: str) -> None:
    assert module in documented_api_names()


@pytest.mark.parametrize("key", sorted(RESERVED_RULE_KEYS))
def test_every_key_relpolicy_keeps_in_a_rules_table_is_in_the_configuration_reference(key: str) -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    table = text[text.index("## `[rules.NAME]`") :]
    assert re.search(rf"^\| `{key}` \|", table, flags=re.M), key


@pytest.mark.parametrize("key", sorted(_TOP_KEYS))
def test_every_configuration_key_is_in_the_configuration_reference(key: str) -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert re.search(rf"^\| `{key}` \|", text, flags=re.M), key


def settings_section(page: Path) -> str:
    """The ``## Settings`` section of a page (up to the next heading of its level)."""
    text = page.read_text(encoding="utf-8")
    found = re.search(r"^## Settings\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert found, f"{page.name}: no Settings section"
    return found[1]


def settings_directive(module: str) -> str:
    return f"```{{relpolicy-settings}} {module}\n```"


@pytest.mark.parametrize(
    "entry_point", metadata.distribution("relpolicy").entry_points.select(group="relpolicy"), ids=str
)
def test_each_rule_page_lists_the_settings_its_rule_declares(entry_point: metadata.EntryPoint) -> None:
    section = settings_section(DOCS / "rules" / f"{entry_point.name}.md")
    assert settings_directive(entry_point.value) in section


def test_the_plugin_guide_lists_the_example_plugins_settings_the_same_way() -> None:
    example = metadata.distribution("relpolicy-sender-connections")
    [entry_point] = example.entry_points.select(group="relpolicy")
    assert settings_directive(entry_point.value) in (DOCS / "plugins.md").read_text(encoding="utf-8")


@attrs.frozen
class _Declared:
    count: int = relpolicy.setting(3, help="A count.", ge=1)
    share: float = relpolicy.setting(0.5, help="A share.", gt=0, le=1)
    words: tuple[str, ...] = relpolicy.setting((), help="Words.")


@pytest.mark.parametrize(
    ("key", "accepts"),
    [
        ("count", "a whole number of at least 1"),
        ("share", "a number greater than 0 and of at most 1"),
        ("words", "a list of strings"),
    ],
)
def test_a_setting_says_what_it_accepts_with_its_bounds(key: str, accepts: str) -> None:
    [info] = [info for info in describe_settings(_Declared) if info.name == key]
    assert info.accepts == accepts


ROOT = DOCS.parent
#: Words that point a reader at papers they do not have: the project's contract, its
#: issues, the post the standard rules follow called by an in-house name.
OUTSIDE_PAPERS = re.compile(
    r"\bthe contract\b|contract's|CONTRACT\.md|\bsection \d|\bissue #?\d|\bthe issue\b|issue's"
    r"|\bthe seed\b|\bseed's\b",
    flags=re.I,
)


def python_sources() -> list[Any]:
    files = sorted([*(ROOT / "src" / "relpolicy").rglob("*.py"), *(ROOT / "plugins").rglob("*.py")])
    params = []
    for path in files:
        params.append(pytest.param(path, id=path.relative_to(ROOT).as_posix()))
    return params


@pytest.mark.parametrize("path", python_sources())
def test_docstrings_and_comments_say_what_the_code_does(path: Path) -> None:
    found = [
        f"{path.name}:{number}: {match.group()!r}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in OUTSIDE_PAPERS.finditer(line)
    ]
    assert not found, "\n".join(found)


BENCHMARKS = ROOT / "benchmarks"
#: Where the docs and the code name benchmark scripts to run.
NAMING_FILES = [
    *DOCS.glob("*.md"),
    *DOCS.glob("*.rst"),
    *(ROOT / "src").rglob("*.py"),
    *BENCHMARKS.rglob("*.py"),
    ROOT / "noxfile.py",
    ROOT / "README.md",
]


def test_the_benchmarks_folder_holds_benchmarks_and_their_helpers_only() -> None:
    others = {path.name for path in BENCHMARKS.glob("*.py") if not path.name.startswith("test_")}
    assert others == {"conftest.py", "corpus.py", "report.py"}, (
        "investigations go in benchmarks/investigations/"
    )


@pytest.mark.parametrize("path", NAMING_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_benchmark_script_named_exists(path: Path) -> None:
    named = set(re.findall(r"\bbenchmarks/[\w/]+\.py\b", path.read_text(encoding="utf-8")))
    missing = sorted(name for name in named if not (ROOT / name).is_file())
    assert not missing, f"{path.name} names scripts that do not exist: {missing}"


@pytest.mark.parametrize("script", sorted((BENCHMARKS / "investigations").glob("*.py")), ids=lambda p: p.name)
def test_each_investigation_starts(script: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout
