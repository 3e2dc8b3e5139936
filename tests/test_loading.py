"""Loading the installed rule plugins through the ``relpolicy`` entry-point group."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from relpolicy import Policy
from relpolicy._loading import (
    EntryPoint,
    _read_entry_points,
    distribution_of,
    forget_entry_points,
    installed_entry_points,
)

STANDARD_RULES = {"note-present", "common-field", "mutual-connections", "hard-sell", "pro-bono-referral"}


def test_the_standard_rules_are_installed_under_their_contract_names() -> None:
    assert {ep.name for ep in installed_entry_points()} >= STANDARD_RULES


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


def _importlib_entry_points() -> list[tuple[str, str]]:
    from importlib import metadata

    return sorted((ep.name, ep.value) for ep in metadata.entry_points(group="relpolicy"))


def _listed() -> list[tuple[str, str]]:
    forget_entry_points()
    try:
        return sorted((ep.name, ep.value) for ep in installed_entry_points())
    finally:
        forget_entry_points()


def _distribution(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / name
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name.partition('-')[0]}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")


def test_the_entry_points_listed_are_those_importlib_metadata_lists() -> None:
    assert _read_entry_points("relpolicy") is not None  # (this environment takes the fast way)
    assert _listed() == _importlib_entry_points()


def test_the_first_distribution_of_a_name_on_the_path_shadows_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _distribution(first, "Shadowed.Rules-2.0.dist-info", "[relpolicy]\nshadowed = first_module\n")
    _distribution(second, "shadowed_rules-1.0.dist-info", "[relpolicy]\nshadowed = second_module\n")
    _distribution(second, "other_rules-1.0.dist-info", "[relpolicy]\nother = second_module\n")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    listed = _listed()
    assert ("shadowed", "first_module") in listed
    assert ("shadowed", "second_module") not in listed
    assert ("other", "second_module") in listed
    assert listed == _importlib_entry_points()


def test_entry_points_files_are_read_as_importlib_metadata_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _distribution(
        tmp_path,
        "spaced_rules-1.0.dist-info",
        """
        # a comment
        [console_scripts]
        spaced = spaced_rules:main

          [relpolicy]
           spaced-rule  =  spaced_rules : plugin [extra]
        with-equals = spaced_rules:a=b
        [relpolicy.other]
        elsewhere = spaced_rules
        """,
    )
    _distribution(tmp_path, "legacy_rules-0.1.egg-info", "[relpolicy]\nlegacy = legacy_rules\n")
    _distribution(tmp_path, "bare_rules-1.0.dist-info", None)
    monkeypatch.syspath_prepend(str(tmp_path))
    listed = _listed()
    assert ("spaced-rule", "spaced_rules : plugin [extra]") in listed
    assert ("legacy", "legacy_rules") in listed
    assert not {name for name, _value in listed} & {"spaced", "elsewhere"}
    assert listed == _importlib_entry_points()


def test_a_zip_on_the_path_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "rules.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_rules-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped_rules\n")
        zipped.writestr("zipped_rules-1.0.dist-info/entry_points.txt", "[relpolicy]\nzipped = zipped_rules\n")
    monkeypatch.syspath_prepend(str(archive))
    assert _read_entry_points("relpolicy") is None
    assert ("zipped", "zipped_rules") in _listed()


def test_another_finder_of_distributions_is_left_to_importlib_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Finder:
        @staticmethod
        def find_spec(*args: object) -> None:
            return None

        @staticmethod
        def find_distributions(*args: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    assert _read_entry_points("relpolicy") is None
    assert _listed() == _importlib_entry_points()


def test_an_entry_point_loads_the_attribute_it_names() -> None:
    assert EntryPoint("path", "os.path:join").load() is os.path.join
    assert EntryPoint("module", "os.path").load() is os.path
    assert EntryPoint("extras", "os.path : join [speed]").load() is os.path.join


def test_an_entry_point_that_names_nothing_importable_says_which_it_is() -> None:
    with pytest.raises(ValueError, match=r"'broken'.*'not a module!'"):
        EntryPoint("broken", "not a module!").load()


def test_a_plugin_is_named_by_the_distribution_that_declares_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _distribution(tmp_path, "Named_Rules-1.0.dist-info", "[relpolicy]\nnamed = named_rules\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    (entry_point,) = (ep for ep in _read_entry_points("relpolicy") or () if ep.name == "named")
    assert distribution_of(entry_point) == ("Named_Rules", "1.0")


def test_the_finder_of_the_importlib_metadata_backport_changes_nothing() -> None:
    # Importing the backport replaces the standard finder for the whole process: in a
    # process of its own, so that the other tests keep the standard one.
    if importlib.util.find_spec("importlib_metadata") is None:
        pytest.skip("the importlib_metadata backport is not installed")
    probe = (
        "import importlib_metadata, sys\n"
        "from importlib import metadata\n"
        "from relpolicy._loading import _read_entry_points\n"
        "read = _read_entry_points('relpolicy')\n"
        "listed = sorted((ep.name, ep.value) for ep in metadata.entry_points(group='relpolicy'))\n"
        "print(read is not None, read is not None and sorted((ep.name, ep.value) for ep in read) == listed)"
    )
    assert subprocess.check_output([sys.executable, "-c", probe], text=True).split() == ["True", "True"]


@pytest.mark.parametrize("folder", ["Upper_Rules-1.0.DIST-INFO", "-1.0.dist-info"])
def test_a_folder_named_otherwise_than_its_distribution_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    _distribution(tmp_path, folder, "[relpolicy]\nodd = odd_rules\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _read_entry_points("relpolicy") is None
    assert ("odd", "odd_rules") in _listed() == _importlib_entry_points()


@pytest.mark.parametrize(
    "content", [b"[relpolicy]\nbroken line without a value\n", b"[relpolicy]\nbad = caf\xe9_rules\n"]
)
def test_an_entry_points_file_importlib_metadata_cannot_read_fails_as_it_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    _distribution(tmp_path, "broken_rules-1.0.dist-info", "")
    (tmp_path / "broken_rules-1.0.dist-info" / "entry_points.txt").write_bytes(content)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _read_entry_points("relpolicy") is None
    try:
        _importlib_entry_points()
    except Exception as exc:  # (whatever importlib.metadata raises)
        expected = exc
    else:
        pytest.fail("importlib.metadata read the file")
    with pytest.raises(type(expected), match=re.escape(str(expected))):
        _listed()


def test_a_first_decision_imports_neither_importlib_metadata_nor_pathlib() -> None:
    # (together they cost about a quarter of the start-up that issue #6 allows)
    probe = (
        "import sys, relpolicy\n"
        "relpolicy.decide(relpolicy.Request(relpolicy.Profile(name='Sam'), note='Hi, we met at the fair.'))\n"
        "print(sorted(m for m in ('importlib.metadata', 'pathlib') if m in sys.modules))"
    )
    assert subprocess.check_output([sys.executable, "-c", probe], text=True).strip() == "[]"
