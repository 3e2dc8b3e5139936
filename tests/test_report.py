"""``relpolicy report``: the page, read back with an HTML parser.

What a browser makes of it (the counts, the highlights, the filter, that no injected
script runs) is checked in ``browser_tests/``, by ``nox -s browser``.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner, Result
from hypothesis import example, given, settings
from hypothesis import strategies as st

from relpolicy import Decision, Policy, Profile, Request, Verdict, Vote, strategies
from relpolicy.cli import ExitStatus, cli
from relpolicy.cli._html import PITCH, REASON, Quote, Report, card_of, clean, highlight, kind_of
from relpolicy.inputs import RecordError, read_recipient, read_requests

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
EXPORT = ROOT / "examples" / "linkedin-export"
ME = ROOT / "examples" / "me.toml"
GOOD = DATA / "cli-requests.jsonl"
MIXED = DATA / "cli-mixed.jsonl"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@attrs.define
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element | str] = attrs.field(factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.walk()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes) and e is not self
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Element:
        (found,) = self.find_all(tag, cls)
        return found

    def by_id(self, wanted: str) -> Element:
        (found,) = [e for e in self.walk() if e.attrs.get("id") == wanted]
        return found


class TreeBuilder(HTMLParser):
    """A tree of the page: elements, their attributes and their text (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attributes}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attributes}, self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, "an element is left open"
    return builder.root


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so no relpolicy.toml is found by chance."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def decided(path: Path, policy: Policy) -> list[tuple[Request, Decision]]:
    items = read_requests(path, export_recipient=policy.recipient is None)
    return [(r, policy.decide(r)) for r in items if isinstance(r, Request)]


def marked_characters(element: Element) -> tuple[str, list[set[str]]]:
    """The text of *element* and, for each of its characters, the classes of the <mark> around it."""
    text: list[str] = []
    marks: list[set[str]] = []
    for child in element.children:
        if isinstance(child, str):
            text.append(child)
            marks.extend(set() for _ in child)
        else:
            assert child.tag == "mark", f"<{child.tag}> inside a note"
            inner = child.text()
            text.append(inner)
            marks.extend(set(child.classes) for _ in inner)
    return "".join(text), marks


# -- highlighting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "veto", "kind"),
    [
        (-0.5, False, PITCH),
        (-2.0, True, PITCH),
        (0.0, True, PITCH),
        (0.75, False, REASON),
        (0.0, False, None),
    ],
)
def test_a_vote_against_quotes_pitch_moves_and_a_vote_for_quotes_reasons(
    score: float, veto: bool, kind: str | None
) -> None:
    assert kind_of(Vote("r", score, veto=veto)) == kind


small_texts = st.text(alphabet="aAbB <>&\n", max_size=40)
kinds = st.sampled_from([PITCH, REASON])


@example(text="aaa", quotes=[Quote("AA", PITCH, "x")])
@given(
    text=small_texts,
    quotes=st.lists(st.builds(Quote, st.text(alphabet="aAbB <", max_size=4), kinds, st.sampled_from("xyz"))),
)
def test_every_occurrence_of_every_quote_is_marked_and_nothing_else(text: str, quotes: list[Quote]) -> None:
    segments, found = highlight(text, quotes)
    assert "".join(s.text for s in segments) == text
    marked: list[tuple[set[str], set[str]]] = []
    for segment in segments:
        marked.extend((set(segment.kind.split()), set(segment.rules)) for _ in segment.text)
    expected: list[tuple[set[str], set[str]]] = [(set(), set()) for _ in text]
    for quote in quotes:
        size = len(quote.text)
        for start in range(len(text) - size + 1):
            if size and text[start : start + size].lower() == quote.text.lower():
                for i in range(start, start + size):
                    expected[i][0].add(quote.kind)
                    expected[i][1].add(quote.rule)
    assert marked == expected
    assert found == {q for q in quotes if q.text and q.text.lower() in text.lower()}


@given(text=strategies.adversarial_texts(max_size=200, huge_size=5000), data=st.data())
def test_any_text_comes_back_whole_with_its_quotes_marked(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 30)))
    quote = Quote(text[start:end], PITCH, "hard-sell")
    segments, found = highlight(text, [quote])
    assert "".join(s.text for s in segments) == text
    if quote.text:
        assert found == {quote}
        assert any(s.kind == PITCH for s in segments)


def test_overlapping_quotes_of_both_kinds_mark_the_overlap_with_both() -> None:
    segments, _ = highlight(
        "I can grow your practice today",
        [
            Quote("grow your practice", PITCH, "hard-sell"),
            Quote("your practice today", REASON, "note-present"),
        ],
    )
    assert [(s.text, s.kind) for s in segments] == [
        ("I can ", ""),
        ("grow ", PITCH),
        ("your practice", f"{PITCH} {REASON}"),
        (" today", REASON),
    ]


def test_evidence_found_nowhere_is_listed_under_its_vote() -> None:
    request = Request(sender=Profile(name="Sam", headline="Analyst"), note="We met AT the fair.")
    vote = Vote("r", 1.0, "met", evidence=("met at", "industry: Logistics", "MET AT"))
    (view,) = card_of(request, Decision(Verdict.ACCEPT, 1.0, (vote,)), 1).votes
    assert view.unfound == ("industry: Logistics",)


# -- the page, from the command line ----------------------------------------------------------


def page_of(tmp_path: Path, *args: str | Path, status: int = 0) -> Element:
    out = tmp_path / "report.html"
    result = run("report", *args, "-o", out)
    assert result.exit_code == status, result.output
    return parse(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("args", [(EXPORT, "--me", ME), (GOOD,)], ids=["export", "jsonl"])
def test_the_page_has_the_counts_and_a_card_per_request_in_verdict_groups(
    tmp_path: Path, args: tuple[str | Path, ...]
) -> None:
    page = page_of(tmp_path, *args)
    policy = Policy.default(recipient=read_recipient(str(ME)) if "--me" in args else None)
    pairs = decided(Path(args[0]), policy)
    verdicts = Counter(d.verdict.value for _, d in pairs)
    counts = {e.attrs["data-verdict"]: int(e.find("dd").text()) for e in page.find_all("div", "count")}
    assert counts == {
        "review": verdicts["review"],
        "accept": verdicts["accept"],
        "decline": verdicts["decline"],
        "failed": 0,
    }
    groups = [g.attrs["data-verdict"] for g in page.find_all("section", "group")]
    assert groups == ["review", "accept", "decline"]
    for group in page.find_all("section", "group"):
        cards = group.find_all("article", "card")
        assert {c.attrs["data-verdict"] for c in cards} <= {group.attrs["data-verdict"]}
        expected = [(r, d) for r, d in pairs if d.verdict.value == group.attrs["data-verdict"]]
        assert len(cards) == len(expected)
        for card, (request, decision) in zip(cards, expected, strict=True):
            assert card.find("h3", "name").text() == request.sender.name
            assert card.find("span", "score").text() == f"{decision.score:+.2f}"
            votes = card.find_all("li", "vote")
            assert [v.attrs["data-rule"] for v in votes] == [v.rule for v in decision.votes]
            assert [v.find("span", "reason").text() for v in votes] == [
                v.reason or "(no reason given)" for v in decision.votes
            ]
            actions = card.find_all("div", "actions")
            steps = [li.text() for div in actions for li in div.find_all("li")]
            assert steps == [a.text for a in decision.actions]
            check_highlights(card, request, decision)
    rules = {
        row.attrs["data-rule"]: row
        for row in page.find("table", "rules").find_all("tr")
        if "data-rule" in row.attrs
    }
    for rule in policy.rules:
        voted = sum(1 for _, d in pairs for v in d.votes if v.rule == rule)
        assert rules[rule].find("td", "voted").text() == f"{voted} of {len(pairs)}"


def check_highlights(card: Element, request: Request, decision: Decision) -> None:
    """Each evidence string of a vote for or against is marked wherever it occurs in the note
    or headline, in the colour of its vote; the others are listed under the vote."""
    places = []
    if request.note is not None:
        places.append(marked_characters(card.find("blockquote", "note")))
    if request.sender.headline:
        places.append(marked_characters(card.find("p", "headline")))
    for vote, view in zip(decision.votes, card.find_all("li", "vote"), strict=True):
        kind = kind_of(vote)
        listed = [q.text() for q in view.find_all("q")]
        for evidence in vote.evidence:
            spots = [
                (marks, m.start())
                for text, marks in places
                for m in re.finditer(re.escape(evidence), text, re.IGNORECASE)
            ]
            if kind is None or not spots:
                assert evidence in listed
                continue
            for marks, start in spots:
                assert all(kind in marks[i] for i in range(start, start + len(evidence))), evidence


def test_records_that_cannot_be_read_are_listed_with_file_line_and_problem(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", MIXED, "-o", out)
    assert result.exit_code == 1
    page = parse(out.read_text(encoding="utf-8"))
    errors = [e for e in read_requests(MIXED) if isinstance(e, RecordError)]
    assert errors
    rows = page.by_id("invalid").find("table", "bad").find_all("tr")[1:]
    expected = [(str(MIXED), str(e.line), p.path, p.message) for e in errors for p in e.problems]
    got = [tuple(td.text() for td in row.find_all("td")) for row in rows]
    assert got == expected
    counts = {e.attrs["data-verdict"]: e.find("dd").text() for e in page.find_all("div", "count")}
    assert counts["failed"] == str(len(errors))
    for line in (line for e in errors for line in e.lines()):
        assert line in result.stderr


def test_configuration_in_force_is_named(tmp_path: Path, elsewhere: Path) -> None:
    page = page_of(tmp_path, GOOD)
    assert "none, the defaults" in page.by_id("configuration").text()
    (elsewhere / "relpolicy.toml").write_text("accept_threshold = 3.0\n")
    page = page_of(tmp_path, GOOD)
    found = str((elsewhere / "relpolicy.toml").resolve())
    assert page.by_id("configuration").text() == f"Configuration: {found} (found in the current folder)"


HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '</textarea><img src=x onerror="window.__pwned = 2">',
    '"><svg onload="window.__pwned = 3">',
    '<a href="javascript:window.__pwned = 4">click me</a>',
    "{{ 7 * 7 }} {% raw %} &amp; &lt;b&gt;",
    "</style><style>body{display:none}</style>",
    "\u202eevil\u202c \ud800 \x00 \x1b[31m",
]

#: Tags the page is made of; anything else came from input that was not escaped.
PAGE_TAGS = {
    "#document", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "section", "div", "svg", "g", "text", "rect", "dl", "dt", "dd", "mark", "table", "thead",
    "tbody", "tr", "th", "td", "span", "form", "fieldset", "legend", "label", "input", "output", "main",
    "article", "a", "blockquote", "ul", "li", "q", "footer", "script",
}  # fmt: skip


def hostile_page(note: str, name: str, headline: str, url: str) -> str:
    request = Request(sender=Profile(name=name, headline=headline, url=url), note=note, id=name)
    vote = Vote(name, -1.0, reason=note, evidence=(note[:10], headline, url))
    decision = Decision(Verdict.DECLINE, -1.0, (vote,), request_id=name)
    report = Report([name], name, name, [name])
    report.add(request, decision)
    report.add_failure(request, note)
    return report.render(version="0")


def check_escaped(html: str, note: str) -> Element:
    page = parse(html)
    assert {e.tag for e in page.walk()} <= PAGE_TAGS
    (script,) = page.find_all("script")
    csp = next(e for e in page.find_all("meta") if e.attrs.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(script.text().encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp.attrs["content"]
    for element in page.walk():
        assert not any(name.startswith("on") for name in element.attrs), element
        if "href" in element.attrs:
            assert re.match(r"https?://", element.attrs["href"]), element.attrs["href"]
    card = page.find("article", "card")
    assert card.find("blockquote", "note").text() == clean(note)
    return page


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_text_shows_as_text(note: str) -> None:
    check_escaped(hostile_page(note, note, note, "javascript:window.__pwned = 5"), note)


#: Text made of markup pieces, and any text at all.
markup_texts = st.one_of(
    strategies.adversarial_texts(max_size=120, huge_size=2000),
    st.lists(
        st.one_of(
            st.sampled_from(["<", ">", "&", '"', "'", "/", "=", "script", "img", " on", "\n"]), st.text()
        ),
        max_size=12,
    ).map("".join),
)


@settings(max_examples=60, deadline=None)
@given(
    note=markup_texts,
    name=markup_texts,
    url=st.one_of(st.just("javascript:alert(1)"), st.just("https://x.example/<b>"), markup_texts),
)
def test_any_text_is_escaped(note: str, name: str, url: str) -> None:
    page = check_escaped(hostile_page(note, name, name, url), note)
    link = page.find("article", "card").find("h3", "name").find_all("a")
    assert [a.attrs["href"] for a in link] == ([clean(url)] if re.match(r"https?://\S+$", url, re.I) else [])


def test_the_page_needs_no_network_and_reads_without_scripts(tmp_path: Path) -> None:
    page = page_of(tmp_path, EXPORT, "--me", ME)
    for element in page.walk():
        assert "src" not in element.attrs
        assert element.tag not in {"link", "iframe", "img", "object", "embed"}
    css = page.find("style").text()
    assert "url(" not in css
    assert "@import" not in css
    assert "hidden" in page.by_id("controls").attrs
    assert not [c for c in page.find_all("article") if "hidden" in c.attrs]


def test_without_jinja_the_command_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    out = tmp_path / "report.html"
    result = run("report", GOOD, "-o", out)
    assert result.exit_code == ExitStatus.USAGE
    assert "pip install 'relpolicy[report]'" in result.stderr
    assert not out.exists()


def test_a_page_that_cannot_be_written_names_the_file(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "report.html"
    result = run("report", GOOD, "-o", out)
    assert result.exit_code == ExitStatus.OUTPUT_ERROR
    assert str(out) in result.stderr


def test_a_page_replaces_the_old_one_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old")
    assert run("report", GOOD, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "work"]


def test_the_page_gets_the_permissions_of_an_ordinary_file(tmp_path: Path) -> None:
    probe = tmp_path / "probe.html"
    probe.write_text("")
    out = tmp_path / "report.html"
    assert run("report", GOOD, "-o", out).exit_code == 0
    assert out.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
    out.chmod(0o640)
    assert run("report", GOOD, "-o", out).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("record", "where"),
    [
        ({"id": "https://www.linkedin.com/in/ann", "source": "Invitations.csv:7"}, ("Invitations.csv", "7")),
        ({"id": "export.jsonl:12"}, ("export.jsonl", "12")),
        ({"id": "inv-0001"}, ("inv-0001", "")),
    ],
)
def test_a_request_that_could_not_be_decided_is_listed_where_it_was_read(
    record: dict[str, str], where: tuple[str, str]
) -> None:
    request = Request.from_dict({**record, "sender": {"name": "Ann"}})
    report = Report(["x"], None, "none", [])
    report.add_failure(request, "rule 'boom': relpolicy_vote raised RuntimeError")
    (row,) = report.bad
    assert (row.source, row.line) == where
    assert row.message.endswith("rule 'boom': relpolicy_vote raised RuntimeError")
    assert record["id"] in f"{row.source}:{row.line} {row.message}"
    assert report.failed == 1
