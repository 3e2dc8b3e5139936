"""``relpolicy report``'s page, opened in headless Chromium: what a person sees and can do.

The page is written by the command, as a user runs it, and opened from disk. Expected
counts and highlights come from deciding the same requests in this process.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from relpolicy import Decision, Policy, Request
from relpolicy.cli._html import kind_of
from relpolicy.inputs import read_recipient, read_requests

ROOT = Path(__file__).parent.parent
EXPORT = ROOT / "examples" / "linkedin-export"
ME = ROOT / "examples" / "me.toml"

#: Records a listener on each page before its own script runs: content security policy
#: violations (an injected script or handler that escaping let through and the policy blocked).
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def write_report(out: Path, *args: str | Path, status: int = 0) -> Path:
    """Run ``relpolicy report ARGS... -o OUT`` from the repository's root, as a user would."""
    command = [sys.executable, "-m", "relpolicy", "report", *map(str, args), "-o", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == status, result.stderr
    return out


@attrs.define
class Opened:
    """A page open in the browser, with what it asked of the network and what it logged."""

    page: Page
    requests: list[str]
    console: list[ConsoleMessage]
    errors: list[str]

    def check_quiet(self) -> None:
        """Nothing but the file itself was loaded; no error, no blocked script."""
        assert [url for url in self.requests if not url.startswith("file:")] == []
        assert [m.text for m in self.console if m.type in ("error", "warning")] == []
        assert self.errors == []
        assert self.page.evaluate("window.__violations") == []


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Any]:
    contexts = []

    def open_(path: Path, *, scripts: bool = True) -> Opened:
        context = browser.new_context(java_script_enabled=scripts, viewport={"width": 1100, "height": 1400})
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(WATCH)
        opened = Opened(page, [], [], [])
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda message: opened.console.append(message))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.goto(path.as_uri())
        return opened

    yield open_
    for context in contexts:
        context.close()


def decided(path: Path, me: Path | None) -> list[tuple[Request, Decision]]:
    policy = Policy.default(recipient=read_recipient(str(me)) if me else None)
    items = read_requests(path, export_recipient=me is None)
    return [(r, policy.decide(r)) for r in items if isinstance(r, Request)]


#: The text of an element and, for each of its characters, the classes of the <mark> around it.
MARKED = """
element => Array.from(element.childNodes).map(node =>
  [node.textContent, node.nodeName === "MARK" ? node.className : ""])
"""


def check_highlights(page: Page, anchor: str, request: Request, decision: Decision) -> None:
    """Every evidence string of a vote for or against is marked where it occurs in the note or
    headline, in its vote's colour; an evidence string found in neither is listed under the vote."""
    card = page.locator(f"#{anchor}")
    places = []
    for selector, text in (("blockquote.note", request.note), ("p.headline", request.sender.headline)):
        if text:
            pieces = card.locator(selector).evaluate(MARKED)
            marks = [set(kind.split()) for piece, kind in pieces for _ in piece]
            places.append(("".join(piece for piece, _ in pieces), marks))
    votes = card.locator("li.vote")
    assert votes.count() == len(decision.votes)
    for index, vote in enumerate(decision.votes):
        listed = votes.nth(index).locator("q").all_inner_texts()
        kind = kind_of(vote)
        for evidence in vote.evidence:
            spots = [
                (marks, m.start())
                for text, marks in places
                for m in re.finditer(re.escape(evidence), text, re.IGNORECASE)
            ]
            if kind is None or not spots:
                assert evidence in listed
            for marks, start in spots if kind else ():
                assert all(kind in marks[i] for i in range(start, start + len(evidence))), evidence


def visible_cards(page: Page) -> list[str]:
    return [c.get_attribute("data-verdict") or "" for c in page.locator("article.card:visible").all()]


def test_the_example_export(open_page: Any, tmp_path: Path, screenshots: Path) -> None:
    page_file = write_report(tmp_path / "r.html", "examples/linkedin-export", "--me", "examples/me.toml")
    pairs = decided(EXPORT, ME)
    verdicts = Counter(decision.verdict.value for _, decision in pairs)
    opened = open_page(page_file)
    page = opened.page

    for key in ("review", "accept", "decline"):
        assert page.locator(f".counts [data-verdict={key}] dd").inner_text() == str(verdicts[key])
    assert page.locator(".counts [data-verdict=failed] dd").inner_text() == "0"
    assert page.locator("#shown").inner_text() == f"{len(pairs)} of {len(pairs)} shown"
    assert sorted(visible_cards(page)) == sorted(d.verdict.value for _, d in pairs)

    order = {"review": 0, "accept": 1, "decline": 2}
    in_page = sorted(range(len(pairs)), key=lambda i: order[pairs[i][1].verdict.value])
    anchors = page.locator("article.card").evaluate_all("cards => cards.map(c => c.id)")
    names = page.locator("article.card h3.name").evaluate_all("names => names.map(n => n.textContent)")
    assert names == [pairs[i][0].sender.name for i in in_page]
    for anchor, i in zip(anchors, in_page, strict=True):
        check_highlights(page, anchor, *pairs[i])

    pitch = page.locator("mark.pitch").first
    reason = page.locator("mark.reason").first
    colours = [m.evaluate("m => getComputedStyle(m).backgroundColor") for m in (pitch, reason)]
    assert len(set(colours)) == 2
    assert "rgba(0, 0, 0, 0)" not in colours

    page.screenshot(path=screenshots / "report.png", full_page=True)

    page.locator("input[name=verdict][value=decline]").check()
    assert visible_cards(page) == ["decline"] * verdicts["decline"]
    assert page.locator("#shown").inner_text() == f"{verdicts['decline']} of {len(pairs)} shown"
    assert page.locator("#group-accept").is_hidden()

    page.locator("input[name=verdict][value=all]").check()
    someone = pairs[0][0].sender.name or ""
    page.locator("#search").fill(f"  {someone.upper()} ")
    # (the page filters on the input event: wait for it rather than race it)
    expect(page.locator("article.card:visible h3.name").filter(has_text=someone)).not_to_have_count(0)
    assert someone in page.locator("article.card:visible h3.name").all_inner_texts()
    shown_and_matching = page.locator("article.card").evaluate_all(
        "(cards, word) => cards.map(c => [!c.hidden, c.textContent.toLowerCase().includes(word)])",
        someone.lower(),
    )
    assert all(shown == matches for shown, matches in shown_and_matching)
    page.locator("#search").fill("no request says this")
    assert visible_cards(page) == []
    assert page.locator("#nothing").is_visible()

    page.emulate_media(media="print")
    assert page.locator("#controls").is_hidden()
    opened.check_quiet()


def test_without_scripts_every_card_shows_and_the_controls_do_not(open_page: Any, tmp_path: Path) -> None:
    page_file = write_report(tmp_path / "r.html", "examples/linkedin-export", "--me", "examples/me.toml")
    opened = open_page(page_file, scripts=False)
    page = opened.page
    assert page.locator("article.card:visible").count() == len(decided(EXPORT, ME))
    assert page.locator("#controls").is_hidden()
    assert [url for url in opened.requests if not url.startswith("file:")] == []


HOSTILE_NOTES = [
    "<script>window.__pwned = 1</script>Hi!",
    '</textarea><img src=x onerror="window.__pwned = 2"> your website is out of date',
    '"><svg onload="window.__pwned = 3"></svg>',
    '<a href="javascript:window.__pwned = 4">click me</a> I can get you a lot more clients',
    "</blockquote></article><script>window.__pwned = 5</script>",
    '<style>body { display: none }</style><iframe src="javascript:parent.__pwned = 6"></iframe>',
]


def test_hostile_notes_and_names_show_as_text_and_run_nothing(
    open_page: Any, tmp_path: Path, screenshots: Path
) -> None:
    records = [
        {
            "id": f"<b id=x{i}>hostile {i}</b>",
            "note": note,
            "sender": {
                "name": f"<img src=x onerror=window.__pwned={i}> Mallory {i}",
                "headline": f"<script>window.__pwned = {i}</script> | grow your business",
                "url": f"javascript:window.__pwned={i}",
            },
        }
        for i, note in enumerate(HOSTILE_NOTES)
    ]
    records.append({"sender": {"name": "<script>window.__pwned = 99</script>", "groups": 3}})
    source = tmp_path / "hostile.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    opened = open_page(write_report(tmp_path / "r.html", source, status=1))
    page = opened.page

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main img, main iframe, main svg, main script, main style").count() == 0
    assert page.locator("script").count() == 1
    assert page.locator("a[href^='javascript:' i]").count() == 0
    notes = page.locator("blockquote.note").evaluate_all("notes => notes.map(n => n.textContent)")
    assert sorted(notes) == sorted(HOSTILE_NOTES)
    names = page.locator("h3.name").all_inner_texts()
    assert sorted(names) == sorted(r["sender"]["name"] for r in records[:-1])  # type: ignore[index]
    assert "sender.groups" in page.locator("#invalid").inner_text()
    page.screenshot(path=screenshots / "report-hostile.png", full_page=True)
    page.locator("#search").fill("<script>window.__pwned = 7</script>")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    opened.check_quiet()


def test_search_keeps_up_with_a_long_backlog(open_page: Any, tmp_path: Path) -> None:
    """Past 500 cards the search waits for a pause in typing; it still finds what is typed."""
    examples = [
        json.loads(line) for line in (ROOT / "examples" / "requests.jsonl").read_text().splitlines() if line
    ]
    records = [{**record, "id": f"req-{n:04d}"} for n in range(60) for record in examples]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    opened = open_page(write_report(tmp_path / "r.html", source))
    page = opened.page
    total = len(records)
    assert total > 500
    expect(page.locator("#shown")).to_have_text(f"{total} of {total} shown")
    page.locator("#search").press_sequentially("req-0042")
    expect(page.locator("#shown")).to_have_text(f"{len(examples)} of {total} shown")
    ids = page.locator("article.card:not([hidden]) footer .id").evaluate_all(
        "ids => ids.map(i => i.textContent)"
    )
    assert ids == ["req-0042"] * len(examples)
    page.locator("#search").fill("")
    expect(page.locator("#shown")).to_have_text(f"{total} of {total} shown")
    opened.check_quiet()
