"""Checks of the built HTML (``nox -s docs`` builds it, then runs these): what a reader sees.

Run after ``sphinx-build ... docs docs/_build/html``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

BUILT = Path(__file__).parent / "_build" / "html"


def page(name: str) -> str:
    path = BUILT / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: build the docs first (nox -s docs does)")
    return path.read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_no_link_on_the_cli_page_points_nowhere() -> None:
    body = re.search(r"<article .*?</article>", page("cli.html"), re.S)
    assert body is not None
    for target in re.findall(r'<a [^>]*href="([^"]*)"', body.group(0)):
        assert re.match(r"(https?://|#|[\w./-]+\.html(#|$))", target), target
    assert "FILE:LINE" in text_of(body.group(0))


def test_the_api_reference_shows_default_values() -> None:
    api = page("api.html")
    assert "attr_dict" not in api
    assert "NOTHING" not in text_of(api)
    vote = re.search(r'id="relpolicy.Vote".*?</dt>', api, re.S)
    assert vote is not None
    signature = text_of(vote.group(0))
    assert "reason=''" in signature
    assert "veto=False" in signature


def test_the_plugin_guide_shows_check_plugin_and_the_fixtures_in_use() -> None:
    guide = text_of(page("plugins.html"))
    assert "check_plugin(rule)" in guide
    assert "check_plugin(rule, settings=" in guide
    assert "def test_a_question_counts_for_the_request(make_policy, make_request):" in guide


def test_the_report_page_shows_the_screenshot() -> None:
    report = page("report.html")
    images = re.findall(r'<img [^>]*src="([^"]+)"', report)
    assert images
    for source in images:
        image = (BUILT / source).resolve()
        assert image.is_file(), source
        assert image.read_bytes().startswith(b"\x89PNG")
