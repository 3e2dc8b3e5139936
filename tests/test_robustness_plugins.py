"""Broken plugins: each failure is reported under the plugin's name, every other vote is
kept, nothing is lost, and the decision is never an accept.

Plugins that fail when they vote are throwaway objects defined here; plugins that fail
when they are imported are throwaway distributions put on ``sys.path`` for one test.
"""

from __future__ import annotations

import math
import os
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from relpolicy import PluginLoadWarning, Policy, Profile, Request, Verdict, Vote, hookimpl, setting
from relpolicy._plugins import forget_installed as forget_entry_points

from .strategies import FixedRule

REQUEST = Request(
    sender=Profile(name="Sam Rivera", groups=("NJ Job Seekers Network",)),
    note="Hello",
    recipient=Profile(name="Pat Coach", groups=("NJ Job Seekers Network",)),
)
#: Two rules whose votes add up to an accept when nothing else goes wrong.
GOOD = (FixedRule("good-a", Vote("good-a", 1.0, "one")), FixedRule("good-b", Vote("good-b", 1.0, "two")))


class _NaNVote(Vote):
    """A `Vote` whose score reads as NaN: built without ``__init__``, so never validated."""

    @property
    def score(self) -> float:
        return math.nan


class _LookAlike:
    """Not a `Vote`, but with the same attributes."""

    rule = "broken"
    score = 1.0
    veto = False
    reason = "pretending"
    evidence = ()


def _nan_by_setattr() -> Vote:
    vote = Vote("broken", 1.0)
    object.__setattr__(vote, "score", math.inf)
    return vote


def _pretending_vote_subclass() -> Vote:
    vote = object.__new__(_NaNVote)
    for name in ("rule", "reason", "veto", "evidence"):
        object.__setattr__(vote, name, getattr(Vote("broken", 1.0), name))
    return vote


def _set_note(request: Request) -> None:
    request.note = "changed"  # type: ignore[misc]


def _set_extra(request: Request) -> None:
    request.sender.extra["injected"] = True


def _append_group(request: Request) -> None:
    request.shared_groups.append("injected")  # type: ignore[union-attr]


def _set_recipient_groups(request: Request) -> None:
    request.recipient.groups = ()  # type: ignore[misc, union-attr]


def _raise(error: BaseException) -> Callable[[Request], None]:
    def fail(request: Request) -> None:
        raise error

    return fail


#: What each broken plugin does when asked to vote, and the error it is recorded with.
BREAKAGES: dict[str, tuple[Callable[[Request], Any], str]] = {
    "raises": (_raise(ValueError("boom")), "ValueError"),
    "raises SystemExit": (_raise(SystemExit(2)), "SystemExit"),
    "raises RecursionError": (_raise(RecursionError()), "RecursionError"),
    "returns a string": (lambda r: "accept", "InvalidVote"),
    "returns a number": (lambda r: 1.0, "InvalidVote"),
    "returns a list of votes": (lambda r: [Vote("broken", 1.0)], "InvalidVote"),
    "returns the Vote class": (lambda r: Vote, "InvalidVote"),
    "returns a look-alike": (lambda r: _LookAlike(), "InvalidVote"),
    "returns infinity set behind the type's back": (lambda r: _nan_by_setattr(), "InvalidVote"),
    "returns a subclass whose score is NaN": (lambda r: _pretending_vote_subclass(), "InvalidVote"),
    "sets an attribute of the request": (_set_note, "FrozenInstanceError"),
    "writes into an extra mapping": (_set_extra, "TypeError"),
    "appends to the shared groups": (_append_group, "AttributeError"),
    "sets an attribute of the recipient": (_set_recipient_groups, "FrozenInstanceError"),
}


class Broken:
    """A rule plugin that misbehaves in one of the `BREAKAGES` ways."""

    relpolicy_name = "broken"

    def __init__(self, breakage: Callable[[Request], Any]) -> None:
        self.breakage = breakage

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Any:
        return self.breakage(request)


def test_without_the_broken_plugin_the_good_votes_accept() -> None:
    assert Policy(GOOD).decide(REQUEST).verdict is Verdict.ACCEPT


@pytest.mark.parametrize("kind", list(BREAKAGES))
def test_a_broken_plugin_is_named_and_every_other_vote_is_kept(kind: str) -> None:
    breakage, error = BREAKAGES[kind]
    decision = Policy([*GOOD, Broken(breakage)]).decide(REQUEST)
    assert [(failure.rule, failure.error) for failure in decision.errors] == [("broken", error)]
    assert [vote.rule for vote in decision.votes] == ["good-a", "good-b"]
    assert decision.verdict is Verdict.REVIEW
    assert math.isfinite(decision.score)


@pytest.mark.parametrize("kind", list(BREAKAGES))
def test_a_broken_plugin_changes_nothing_another_plugin_sees(kind: str) -> None:
    seen: list[Request] = []

    class Witness:
        relpolicy_name = "witness"  # sorts after "broken", so it votes after the attempt

        @hookimpl
        def relpolicy_vote(self, request: Request) -> None:
            seen.append(request)

    before = REQUEST.to_dict()
    Policy([Broken(BREAKAGES[kind][0]), Witness()]).decide(REQUEST)
    assert [request.to_dict() for request in seen] == [before]


def test_a_broken_plugin_among_the_standard_rules_keeps_their_votes() -> None:
    healthy = Policy.default().decide(REQUEST)
    decision = Policy.default(plugins=[Broken(_raise(ValueError("boom")))]).decide(REQUEST)
    assert decision.votes == healthy.votes
    assert [failure.rule for failure in decision.errors] == ["broken"]
    assert decision.verdict is not Verdict.ACCEPT


def test_a_broken_settings_mapping_cannot_be_changed_either() -> None:
    @attrs.frozen
    class Limit:
        limit: int = setting(3, help="A limit.")

    class Writer:
        relpolicy_name = "writer"

        @hookimpl
        def relpolicy_settings(self) -> type[Limit]:
            return Limit

        @hookimpl
        def relpolicy_vote(self, settings: Any) -> None:
            settings.limit = 1

    policy = Policy([Writer(), *GOOD], config={"rules": {"writer": {"limit": 5}}})
    decision = policy.decide(REQUEST)
    assert [(f.rule, f.error) for f in decision.errors] == [("writer", "FrozenInstanceError")]
    assert policy.config.rule("writer").settings == {"limit": 5}
    assert policy.decide(REQUEST).errors == decision.errors


def test_votes_near_the_largest_float_still_add_up_to_a_finite_total() -> None:
    huge = [FixedRule(name, Vote(name, sign * sys.float_info.max)) for name, sign in [("up", 1), ("up2", 1)]]
    decision = Policy(huge).decide(REQUEST)
    assert decision.verdict is Verdict.ACCEPT
    assert math.isfinite(decision.score)
    weighted = Policy(huge[:1], config={"rules": {"up": {"weight": 1e300}}}).decide(REQUEST)
    assert math.isfinite(weighted.score)


def test_decide_many_loses_no_request_when_a_plugin_breaks_on_some() -> None:
    def break_on_even(request: Request) -> Vote:
        if int(request.id or 0) % 2 == 0:
            raise ValueError(request.id)
        return Vote("broken", 0.5)

    requests = [Request(sender=Profile(), id=str(i)) for i in range(50)]
    decisions = list(Policy([Broken(break_on_even), *GOOD]).decide_many(requests))
    assert [d.request_id for d in decisions] == [r.id for r in requests]
    assert all(len(d.votes) == 2 + (int(d.request_id or 0) % 2) for d in decisions)
    assert {bool(d.errors) for d in decisions} == {True, False}


# -- plugins that fail when imported ----------------------------------------------------


class Distributions:
    """Puts throwaway distributions, each with one ``relpolicy`` entry point, on ``sys.path``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.modules: list[str] = []

    def add(self, name: str, source: str) -> str:
        """Install a plugin named *name* whose module has *source*; return the module's name."""
        module = "relpolicy_throwaway_" + name.replace("-", "_")
        (self.folder / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = self.folder / f"{module}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[relpolicy]\n{name} = {module}\n")
        self.modules.append(module)
        forget_entry_points()
        return module


@pytest.fixture
def distributions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Distributions]:
    monkeypatch.syspath_prepend(str(tmp_path))
    installed = Distributions(tmp_path)
    yield installed
    for module in installed.modules:
        sys.modules.pop(module, None)
    forget_entry_points()


GOOD_PLUGIN = """
    from relpolicy import Vote, hookimpl

    @hookimpl
    def relpolicy_vote(request):
        return Vote("fine", 2.0, "always fine")
"""

IMPORT_FAILURES = {
    "missing-dependency": ("import relpolicy_no_such_module\n", "ModuleNotFoundError"),
    "syntax-error": ("def relpolicy_vote(request:\n", "SyntaxError"),
    "raises-at-import": ("raise RuntimeError('no config file')\n", "RuntimeError"),
    "exits-at-import": ("import sys\nsys.exit('plugin refuses to load')\n", "SystemExit"),
    "bad-hook": (
        "from relpolicy import hookimpl\n\n@hookimpl\ndef relpolicy_vote(request, mood):\n    return None\n",
        "PluginError",
    ),
}


def test_a_good_installed_plugin_takes_part(distributions: Distributions) -> None:
    distributions.add("fine", GOOD_PLUGIN)
    assert "fine" in Policy.default().rules


@pytest.mark.parametrize("name", list(IMPORT_FAILURES))
def test_a_plugin_that_fails_to_load_is_reported_and_the_others_still_vote(
    distributions: Distributions, name: str
) -> None:
    source, error = IMPORT_FAILURES[name]
    distributions.add("fine", GOOD_PLUGIN)
    distributions.add(name, source)
    with pytest.warns(PluginLoadWarning, match=rf"{name}.*{error}" if error != "PluginError" else name):
        policy = Policy.default()
    assert "fine" in policy.rules
    assert name not in policy.rules
    info = {plugin.name: plugin for plugin in policy.plugins}
    assert not info[name].enabled
    assert info[name].error
    decision = policy.decide(REQUEST)
    assert "fine" in [vote.rule for vote in decision.votes]
    assert [failure.rule for failure in decision.errors] == [name]
    assert decision.verdict is not Verdict.ACCEPT


# -- plugins that are not wanted are never imported -------------------------------------


SIDE_EFFECTS = """
    import os
    import pathlib

    pathlib.Path({marker!r}).write_text("imported")
    os.environ["RELPOLICY_THROWAWAY_IMPORTED"] = "yes"

    from relpolicy import hookimpl

    @hookimpl
    def relpolicy_vote(request):
        return None
"""


@pytest.mark.parametrize(
    ("environment", "disable", "imported"),
    [
        ({}, (), True),
        ({"RELPOLICY_DISABLE_PLUGINS": "noisy"}, (), False),
        ({"RELPOLICY_DISABLE_PLUGINS": "hard-sell, noisy"}, (), False),
        ({"RELPOLICY_LOAD_PLUGINS": "hard-sell,note-present"}, (), False),
        ({"RELPOLICY_LOAD_PLUGINS": ""}, (), False),
        ({"RELPOLICY_LOAD_PLUGINS": "noisy"}, (), True),
        ({}, ("noisy",), False),
    ],
)
def test_a_plugin_left_out_is_never_imported(
    distributions: Distributions,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    disable: tuple[str, ...],
    imported: bool,
) -> None:
    marker = tmp_path / "imported.txt"
    module = distributions.add("noisy", SIDE_EFFECTS.format(marker=str(marker)))
    monkeypatch.setenv("RELPOLICY_THROWAWAY_IMPORTED", "not yet")  # so that the test's end restores it
    monkeypatch.delenv("RELPOLICY_THROWAWAY_IMPORTED")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    policy = Policy.default(disable=disable)
    assert ("noisy" in policy.rules) is imported
    assert marker.exists() is imported
    assert (module in sys.modules) is imported
    assert ("RELPOLICY_THROWAWAY_IMPORTED" in os.environ) is imported


def test_a_plugin_disabled_in_the_config_is_never_imported(
    distributions: Distributions, tmp_path: Path
) -> None:
    marker = tmp_path / "imported.txt"
    module = distributions.add("noisy", SIDE_EFFECTS.format(marker=str(marker)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Policy.default(config={"rules": {"noisy": {"enabled": False}}})
    assert not marker.exists()
    assert module not in sys.modules
