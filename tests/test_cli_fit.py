"""``relpolicy evaluate`` and ``relpolicy fit`` on labelled requests."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import tomllib
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from relpolicy import Config, Policy, Verdict
from relpolicy._fit import evaluate, labelled_from
from relpolicy.cli import cli
from relpolicy.cli._toml import dumps

TRAIN = Path(__file__).parent / "data" / "train"


def labelled_lines(count: int, start: int = 0) -> list[dict[str, Any]]:
    """*count* requests of the training split, each in its JSON form with a label."""
    rows = []
    for path in sorted(TRAIN.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            rows.append({**item["request"], "label": item["expected"], "category": item["category"]})
    return rows[start : start + count]


def write(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows))
    return path


def run(*args: Any) -> Any:
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def test_evaluate_counts_what_the_policy_decides(tmp_path: Path) -> None:
    rows = labelled_lines(40)
    path = write(tmp_path / "labelled.jsonl", rows)
    done = run("evaluate", path, "--format", "json")
    assert done.exit_code == 0, done.output
    figures = json.loads(done.stdout)
    expected = evaluate(Policy.default().decide, [labelled_from(row) for row in rows])
    assert (figures["total"], figures["agreed"]) == (40, expected.agreed)
    for label in Verdict:
        for verdict in Verdict:
            assert figures["confusion"][label.value][verdict.value] == expected.confusion.get(
                (label, verdict), 0
            )
    table = run("evaluate", path)
    assert f"{expected.agreed} of 40" in table.stdout


def test_evaluate_reads_the_corpus_form_too(tmp_path: Path) -> None:
    corpus_form = [json.loads(line) for line in (TRAIN / "A.jsonl").read_text().splitlines()[:5]]
    path = write(tmp_path / "corpus.jsonl", corpus_form)
    done = run("evaluate", path, "--format", "json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["total"] == 5


def test_bad_lines_are_reported_and_the_rest_counted(tmp_path: Path) -> None:
    rows: list[Any] = labelled_lines(6)
    rows[1] = "{not json"
    rows[3] = {**rows[3], "label": "maybe"}
    rows[4] = {key: value for key, value in rows[4].items() if key != "label"}
    path = write(tmp_path / "labelled.jsonl", rows)
    done = run("evaluate", path, "--format", "json")
    assert done.exit_code == 1
    assert json.loads(done.stdout)["total"] == 3
    assert f"{path}:2: not valid JSON" in done.stderr
    assert f"{path}:4: label: expected accept, decline or review, got 'maybe'" in done.stderr
    assert f"{path}:5: label: is required" in done.stderr


def test_fit_writes_a_configuration_that_does_no_worse(tmp_path: Path) -> None:
    path = write(tmp_path / "labelled.jsonl", labelled_lines(30, start=200))
    out = tmp_path / "relpolicy.toml"
    done = run("fit", path, "-o", out)
    assert done.exit_code == 0, done.output
    Config.from_file(out)  # (it is a valid configuration)
    before = json.loads(run("evaluate", path, "--format", "json").stdout)
    after = json.loads(run("evaluate", path, "--format", "json", "--config", out).stdout)
    assert after["cost"] <= before["cost"]
    assert "agreement" in done.stderr


def test_fit_keeps_the_rest_of_the_configuration(tmp_path: Path) -> None:
    base = tmp_path / "base.toml"
    base.write_text(
        'ignore_failed_rules = true\n\n[recipient]\nname = "Pat Coach"\nindustry = "Career Coaching"\n'
    )
    path = write(tmp_path / "labelled.jsonl", labelled_lines(12, start=400))
    done = run("fit", path, "--config", base)
    assert done.exit_code == 0, done.output
    written = tomllib.loads(done.stdout)
    assert written["ignore_failed_rules"] is True
    assert written["recipient"] == {"name": "Pat Coach", "industry": "Career Coaching"}
    assert "hard-sell" in written["rules"]


def test_fit_with_nothing_to_fit_to_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path / "labelled.jsonl", ["{not json"])
    done = run("fit", path)
    assert done.exit_code == 2
    assert "no labelled requests" in done.stderr


# -- the TOML it writes ----------------------------------------------------------------

keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
)
values = scalars | st.lists(scalars, max_size=4)
tables = st.recursive(
    st.dictionaries(keys, values, max_size=4),
    lambda inner: st.dictionaries(keys, values | inner, max_size=4),
    max_leaves=12,
)


@given(tables)
def test_what_is_written_reads_back_the_same(data: dict[str, Any]) -> None:
    assert tomllib.loads(dumps(data, comment="a comment\nof two lines")) == data


@pytest.mark.parametrize("number", [math.nan, math.inf])
def test_a_number_toml_cannot_hold_is_refused(number: float) -> None:
    with pytest.raises(ValueError, match="TOML"):
        dumps({"x": number})
