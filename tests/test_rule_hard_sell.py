"""The hard-sell rule: a sales pitch instead of a relationship declines the request."""

from __future__ import annotations

import html
import itertools
import math
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
import relpolicy_hard_sell as rule
import relpolicy_note_present
from hypothesis import example, given, settings
from hypothesis import strategies as st

from relpolicy import ConfigError, Policy, Profile, Request, Verdict, Vote, reading
from relpolicy.reading import _pitch_phrases as _phrases
from relpolicy.strategies import adversarial_texts, disguised, pathological_texts, requests, texts
from relpolicy.testing import check_plugin, vote_of
from relpolicy.text import count_invisible, normalize, skeleton

COACH = Profile(
    name="Pat Coach", headline="Career coach and job search strategist", industry="Career Coaching"
)

# The seed's two pitches, verbatim, and the pitch its author says they would never make.
SEED_NOTE = (
    "Your website is out of date, and I can make it far more attractive and get you a lot more clients."
)
SEED_HEADLINE = (
    "I have a Marketing System that helps to build 6 and 7 figure businesses for coaches and consultants."
)
SEED_NEVER = "I am a career coach. Work with me, and I will guarantee you I will find you a job."

PITCHES = [
    SEED_NOTE,
    SEED_NEVER,
    "I help coaches get 10 new clients a month. Book a free strategy call: calendly.com/growth",
    "Only 3 spots left in my done-for-you lead generation program. DM me to grab yours!",
    "I noticed your site isn't ranking on Google. "
    "Our SEO team can double your traffic in 30 days, guaranteed.",
    "Hi! I'd love to help you scale your coaching business to $50k/month with our proven system.",
    "We redesign websites for coaches. Your website looks outdated and is costing you clients.",
]

# Genuine notes that use a pitch's words about the writer's own situation.
GENUINE = [
    "Hi Pat, I'm a marketing manager in job search (SEO, paid ads, lead generation). "
    "Could I ask your advice on where to focus my search?",
    "Hello Pat, I run a nonprofit that serves 300 clients a year with job training. "
    "We both support job seekers and I'd love to connect.",
    "Hi Pat, I just launched my website with free career resources for veterans. "
    "I would value your feedback.",
    "Hi Pat, I'm a B2B sales rep looking for a new role. Last year I closed $2M in new business "
    "and signed 40 new clients. Any advice on breaking into recruiting?",
    "Hi Pat, we met at the NJ Job Seekers Network meeting. I'd love to set up a time for a quick call.",
    "Could I have a few minutes of your time? I'm changing careers and your posts on interviewing helped me.",
    "I'm a web designer who was laid off in May and I'm looking for my next role. Any advice is welcome.",
]
GENUINE_HEADLINES = [
    "Enterprise account executive | helping SaaS companies grow revenue | open to work",
    "Marketing manager | SEO, PPC and content | seeking my next role",
    "Bookkeeper for small businesses",
    "Career coach helping job seekers land their next role",
]


def vote(note: str | None = None, headline: str | None = None, **table: Any) -> Vote | None:
    return vote_of(rule, Request(sender=Profile(name="Sam", headline=headline), note=note), settings=table)


def decide(note: str | None = None, headline: str | None = None) -> Any:
    return Policy([rule], recipient=COACH).decide(Request(sender=Profile(headline=headline), note=note))


# -- the seed ------------------------------------------------------------------------


@pytest.mark.parametrize(("note", "headline"), [(SEED_NOTE, None), (None, SEED_HEADLINE), (SEED_NEVER, None)])
def test_the_seeds_pitches_are_vetoed(note: str | None, headline: str | None) -> None:
    decision = decide(note, headline)
    assert decision.verdict is Verdict.DECLINE
    [found] = decision.votes
    assert (found.rule, found.score, found.veto) == ("hard-sell", -2.0, True)
    written = note or headline or ""
    assert found.evidence
    assert all(quote in written for quote in found.evidence)


def test_the_seeds_note_is_quoted_as_written() -> None:
    found = vote(SEED_NOTE)
    assert found is not None
    assert "Your website is out of date" in found.evidence
    assert "get you a lot more clients" in found.evidence


@pytest.mark.parametrize("note", PITCHES)
def test_pitches_are_vetoed(note: str) -> None:
    found = vote(note)
    assert found is not None
    assert found.veto
    assert found.score == rule.CLEAR_SCORE


@pytest.mark.parametrize("note", GENUINE)
def test_genuine_notes_with_sales_words_are_left_alone(note: str) -> None:
    assert vote(note) is None


@pytest.mark.parametrize("headline", GENUINE_HEADLINES)
def test_ordinary_headlines_are_left_alone(headline: str) -> None:
    found = vote(GENUINE[0], headline)
    assert found is None or not found.veto


def test_weaker_signals_count_against_without_a_veto() -> None:
    found = vote("We do SEO and Google Ads for small firms, with guaranteed results.")
    assert found is not None
    assert (found.score, found.veto) == (rule.WEAK_SCORE, False)
    assert "SEO" in found.evidence


def test_the_headline_and_the_note_add_up() -> None:
    # A headline that sells growth to businesses is only a weak signal, and a call to
    # book alone is none; a call to book under such a headline is a pitch.
    alone = vote(None, "Helping small businesses grow")
    assert alone is not None
    assert (alone.score, alone.veto) == (rule.WEAK_SCORE, False)
    assert vote("Book a free call with me this week.") is None
    both = vote("Book a free call with me this week.", "Helping small businesses grow")
    assert both is not None
    assert both.veto
    assert "note and headline" in both.reason


# -- kinds of pitch ------------------------------------------------------------------
# Each kind in several wordings of our own: what makes them pitches is that they offer
# something to the reader's business or person, not the particular words.

PITCH_KINDS: dict[str, list[str]] = {
    "a price quoted for a service": [
        "Our nearshore QA engineers are available at $22/hour. Grow your team with our testers this month.",
        "I can staff your product team with vetted Python developers for only $19 per hour.",
        "Senior UX designers from $35/hr - happy to email you our rate card and set up a quick call.",
        "You're probably paying too much for your phone system; our plans start at $12 per user.",
    ],
    "savings or improvement promised to the reader": [
        "Clinics like yours are saving 20% on supplies with our procurement tool.",
        "Our scheduling software can reduce your no-shows by 35%. Worth a quick chat?",
        "I can save you 18% on payroll processing, guaranteed.",
        "Dental practices like yours are overpaying for card processing. I can cut your fees in half.",
    ],
    "agitation about the reader's business": [
        "Is your online store leaking customers at checkout? Our UX audit finds why in 5 days.",
        "Your website loads slowly and is turning away patients every day. Book a call this week.",
        "Are you tired of chasing invoices? Our tool gets you paid 3x faster.",
    ],
    "a demo or a short call after an offer": [
        "Could you spare 20 minutes on Thursday for a quick demo of our analytics suite?",
        "I help gyms grow their membership. Can I show you how on a 10-minute call?",
        "We help agencies win more retainers. Let's schedule a short call.",
    ],
    "results promised to the reader's kind": [
        "I help dentists and orthodontists land 25+ new patients every month.",
        "We help real estate agents book 40 listing appointments a quarter.",
        "Helping therapists fill their calendar with 20 new clients a month.",
    ],
    "result counts, in any person": [
        "My ads get chiropractors 15 new patients a week.",
        "Her agency brings plumbers 30 new jobs a month.",
        "We deliver 25 qualified leads a month to roofers.",
    ],
    "a free offer with urgency": [
        "Complimentary logo concept if you respond by Friday.",
        "Reply today and I'll include a free SEO audit of your site.",
        "Free menu redesign if you answer this week.",
    ],
}
#: Headlines that guarantee the reader results.
GUARANTEE_HEADLINES = [
    "Interview coach | I guarantee you'll get three offers in 30 days or your money back",
    "Resume writer | We guarantee that you land interviews within 14 days",
]
KIND_PITCHES = [pitch for pitches in PITCH_KINDS.values() for pitch in pitches]


@pytest.mark.parametrize("note", KIND_PITCHES)
def test_every_kind_of_pitch_is_vetoed(note: str) -> None:
    found = vote(note)
    assert found is not None, note
    assert (found.score, found.veto) == (rule.CLEAR_SCORE, True), found.reason
    assert all(quote in note for quote in found.evidence)


@pytest.mark.parametrize("headline", GUARANTEE_HEADLINES)
def test_a_headline_that_guarantees_the_reader_results_is_vetoed(headline: str) -> None:
    found = vote("Hello, happy to connect!", headline)
    assert found is not None
    assert found.veto
    assert "headline" in found.reason
    assert "a guarantee" in found.reason


def test_a_price_alone_is_a_weak_signal() -> None:
    found = vote("Our bookkeepers work at $40/hour.")
    assert found is not None
    assert (found.score, found.veto) == (rule.WEAK_SCORE, False)
    assert "a price quoted for a service" in found.reason
    assert "$40/hour" in found.evidence


@pytest.mark.parametrize(
    "note",
    [
        "We met at the library workshop. Could we set up a short call so I can learn more about what you do?",
        "Would you have 15 minutes for a quick call next week? I'm moving into HR and would value your view.",
        "Thanks for the talk on Tuesday. Do you have a few minutes for a chat about the mentoring program?",
    ],
)
def test_asking_for_a_call_without_an_offer_is_not_a_pitch(note: str) -> None:
    assert vote(note) is None


# -- weaker sales signals ------------------------------------------------------------

#: Headlines and notes that advertise a service or a product to clients, where a person
#: would say who they are: a weak signal, never a veto.
ADVERTS = [
    (None, "Helping dentists get found on Google"),
    (None, "We design logos for restaurants"),
    (None, "DM me about my skincare products"),
    (None, "Free website audit"),
    (None, "Bookkeeping services | Month-end close in 5 days"),
    (None, "IT staffing solutions | Contract developer placements"),
    (None, "Revenue growth strategist"),
    (None, "Career coach helping job seekers land interviews | Free resume review | DM me"),
    ("Great meeting you at the expo. We handle payroll for small firms if you ever need a hand.", None),
    ("Let's connect and see what synergies we can find.", None),
    ("I believe we could build something big together. Let's connect!", None),
]
#: Headlines that describe a person's work: no sales signal at all.
JOB_TITLES = [
    "Registered nurse",
    "Supply chain analyst | open to new roles",
    "Career coach and job search strategist",
    "Account executive seeking my next role",
    "Marketing manager",
    "Career coach helping job seekers land their next role",
    "Pediatric dental hygienist",
    "Senior accountant | Audit and tax",
    "Leadership coach for new managers",
    "Owner, Lakeside Staffing",
    "Web designer",
    "Director of Marketing Services, Riverside Health",
    "Executive recruiter | 200+ placements",
]


@pytest.mark.parametrize(("note", "headline"), ADVERTS)
def test_advertising_a_service_is_a_weak_signal(note: str | None, headline: str | None) -> None:
    found = vote(note, headline)
    assert found is not None, (note, headline)
    assert (found.score, found.veto) == (rule.WEAK_SCORE, False), found.reason
    assert found.evidence


@pytest.mark.parametrize("headline", JOB_TITLES)
def test_a_job_title_is_not_a_sales_signal(headline: str) -> None:
    assert vote(None, headline) is None
    assert vote("Hi Pat, we met at the Tuesday networking breakfast.", headline) is None


def test_services_listed_in_a_note_introduce_the_writer() -> None:
    # What a headline lists as services for sale, a note says to introduce its writer.
    words = "We build apps for startups"
    assert vote(None, words) is not None
    assert vote(f"Hi Pat, enjoyed your panel. {words} and I'd love to compare notes.") is None


@pytest.mark.parametrize(
    "note",
    [
        "Hi Pat, I volunteer with a nonprofit that offers free resume reviews to veterans. "
        "Would you speak at our spring event?",
        "I'm a sales engineer between jobs; in my last role I helped customers cut cloud costs by 30%. "
        "Could I ask your advice?",
        "I own a small flower shop and our bookkeeper retired. Are you taking on new clients? "
        "A quick call would be great.",
        "Happy to return the favor if you ever need it. Great talk on Tuesday!",
        "I'm a developer in job search; my team cut our cloud bill by 40% last year. "
        "Any advice on presenting that?",
        "I guarantee you won't regret connecting - I share job leads from my network every week.",
    ],
)
def test_the_writers_own_situation_is_not_a_pitch(note: str) -> None:
    assert vote(note) is None


def test_only_the_writers_own_volunteering_discounts_advertising() -> None:
    headline = "Financial planner | Free retirement review"
    mine = vote("I volunteer with job seekers at the library too - glad to connect.", headline)
    yours = vote("I saw that you volunteer with job seekers - wonderful work.", headline)
    assert mine is None
    assert yours is not None
    assert yours.score == rule.WEAK_SCORE


# -- disguises -----------------------------------------------------------------------

HOMOGLYPHS = str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ")  # Latin to Cyrillic


def spaced(text: str) -> str:
    return "  ".join(" ".join(word) for word in text.split())


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def bold(text: str) -> str:
    return "".join(
        chr(0x1D400 + ord(c) - ord("A"))
        if "A" <= c <= "Z"
        else chr(0x1D41A + ord(c) - ord("a"))
        if "a" <= c <= "z"
        else c
        for c in text
    )


DISGUISES: dict[str, Callable[[str], str]] = {
    "homoglyphs": lambda t: t.translate(HOMOGLYPHS),
    "zero-width": lambda t: "\u200b".join(t),
    "soft hyphens and joiners": lambda t: t.replace("e", "e\u00ad").replace("o", "o\u2060"),
    "fullwidth": fullwidth,
    "mathematical bold": bold,
    "html entities": lambda t: "".join(f"&#{ord(c)};" if c in "aeiou" else c for c in t),
    "spaced letters": spaced,
    "leetspeak": lambda t: t.translate(str.maketrans("oeiast", "031457")),
    "mixed case": lambda t: "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(t)),
    "combining marks": lambda t: "".join(c + "\u0301" if c.isalpha() else c for c in t),
}


def fullwidth_ideographic(text: str) -> str:
    """Fullwidth letters and digits, words parted by the ideographic space U+3000."""
    return fullwidth(text).replace(" ", "\u3000")


def heavy_leet(text: str) -> str:
    """Every a, e, i, o written as a digit, lone letters included, and a zero-width
    joiner after the first character of each longer word."""
    words = text.translate(str.maketrans("aeioAEIO", "43104310")).split(" ")
    return " ".join(f"{w[0]}\u200d{w[1:]}" if len(w) > 3 else w for w in words)


DISGUISES["fullwidth with ideographic spaces"] = fullwidth_ideographic
DISGUISES["heavy leetspeak with joiners"] = heavy_leet
#: One pitch of each kind, to disguise.
ONE_OF_EACH_KIND = [pitches[0] for pitches in PITCH_KINDS.values()]


@pytest.mark.parametrize("disguise", sorted(DISGUISES))
@pytest.mark.parametrize("pitch", [SEED_NOTE, PITCHES[2], PITCHES[3]])
def test_disguised_pitches_are_vetoed(disguise: str, pitch: str) -> None:
    written = DISGUISES[disguise](pitch)
    found = vote(written)
    assert found is not None, written
    assert found.veto
    assert found.evidence
    decoded = html.unescape(written)
    assert all(quote in decoded for quote in found.evidence)


@pytest.mark.parametrize("disguise", ["fullwidth with ideographic spaces", "heavy leetspeak with joiners"])
@pytest.mark.parametrize("pitch", ONE_OF_EACH_KIND)
def test_every_kind_of_pitch_is_vetoed_in_disguise(disguise: str, pitch: str) -> None:
    written = DISGUISES[disguise](pitch)
    found = vote(written)
    assert found is not None, written
    assert found.veto, found.reason
    assert all(quote in written for quote in found.evidence)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("B00k 4 c4ll th1s w33k", "book a call this week"),
        ("1 c4n g3t y0u 10 n3w cl13nts 4 m0nth", "i can get you 10 new clients a month"),
        ("I have 4 kids and 1 dog", "i have 4 kids and 1 dog"),
        ("Our Q3 target: 4 hires", "our qe target 4 hires"),
    ],
)
def test_lone_digits_read_as_letters_only_in_heavy_leetspeak(written: str, read: str) -> None:
    assert skeleton(written) == read


LEET_PIECES = [
    "b00k",
    "4",
    "c4ll",
    "1",
    "0",
    "3",
    "10",
    "g3t",
    "y0u",
    "cl13nts",
    "$15/hr",
    "4nd",
    "hi",
    "\u200d",
]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(LEET_PIECES), max_size=30).map(" ".join))
def test_reading_leetspeak_twice_changes_nothing(text: str) -> None:
    folded = skeleton(text)
    assert skeleton(folded) == folded
    assert skeleton(normalize(text)) == folded


def test_a_joiner_between_a_letter_and_a_digit_hides_something() -> None:
    assert count_invisible("B\u200d00k 4 c\u200d4ll") == 2
    assert count_invisible("1\ufe0f\u20e3 and \U0001f468\u200d\U0001f469") == 0  # keycap and family emoji


def test_heavy_leetspeak_keeps_real_numbers() -> None:
    written = heavy_leet("We get accounting firms 12 new clients a month and 3x your revenue at $50k/month.")
    found = reading.find_pitch(written)
    assert found.level == "clear"
    assert any("12" in quote for quote in found.evidence)
    assert " 12 " in skeleton(written)
    assert "12 n3w" in normalize(written)
    assert "$50k/" in normalize(written)


def test_a_disguised_headline_is_vetoed() -> None:
    found = vote(None, DISGUISES["homoglyphs"](SEED_HEADLINE))
    assert found is not None
    assert found.veto


def test_hidden_characters_alone_count_a_little_against() -> None:
    found = vote("Hi Pat, nice to m\u200beet you at the fair.")
    assert found is not None
    assert (found.score, found.veto) == (rule.HIDDEN_SCORE, False)
    assert "1 invisible character" in found.reason


def test_hidden_characters_make_weak_signals_a_pitch() -> None:
    plain = vote("We do SEO and Google Ads, guaranteed.")
    hidden = vote("We do S\u200bEO and Google A\u200bds, guar\u200banteed.")
    assert plain is not None
    assert hidden is not None
    assert (plain.veto, hidden.veto) == (False, True)


# -- properties ----------------------------------------------------------------------

hostile_text = st.one_of(st.text(), adversarial_texts(max_size=300, huge_size=50_000), disguised())


@settings(max_examples=300, deadline=None)
@given(st.none() | hostile_text, st.none() | hostile_text)
def test_the_rule_never_raises_and_quotes_only_what_is_there(note: str | None, headline: str | None) -> None:
    found = vote(note, headline)
    if found is None:
        return
    assert found.rule == "hard-sell"
    assert -2.0 <= found.score < 0
    assert found.veto == (found.score == rule.CLEAR_SCORE)
    written = [t for t in (note, headline) if t]
    for quote in found.evidence:
        assert any(
            quote in t or quote in html.unescape(t) or quote in normalize(t) or quote in skeleton(t)
            for t in written
        ), quote


@settings(max_examples=200, deadline=None)
@given(st.none() | texts(max_size=300) | hostile_text, st.sampled_from([*PITCHES, SEED_HEADLINE]))
def test_appending_a_pitch_never_raises_the_score(note: str | None, pitch: str) -> None:
    before = vote(note)
    after = vote(f"{note}\n{pitch}" if note else pitch)
    assert after is not None
    assert after.score <= (before.score if before else 0.0)
    assert after.veto


@settings(max_examples=100, deadline=None)
@given(st.none() | texts(max_size=300) | disguised(), st.sampled_from(PITCHES))
def test_appending_a_pitch_never_raises_the_total(note: str | None, pitch: str) -> None:
    policy = Policy([rule, relpolicy_note_present], recipient=COACH)
    before = policy.decide(Request(sender=Profile(), note=note))
    after = policy.decide(Request(sender=Profile(), note=f"{note}\n{pitch}" if note else pitch))
    assert after.score <= before.score
    assert after.verdict is Verdict.DECLINE


def test_the_plugin_passes_the_testing_kit() -> None:
    check_plugin(rule)
    check_plugin(rule, settings={"veto": False, "offer": ["audit your (site|brand)"]})


@settings(max_examples=50, deadline=None)
@given(requests(text=hostile_text))
def test_the_same_request_gets_the_same_vote_directly_and_through_a_policy(request: Request) -> None:
    direct = rule.relpolicy_vote(request, rule.DEFAULT)
    through = Policy([rule]).decide(request).votes
    assert through == ((direct.named("hard-sell"),) if direct else ())


# -- settings ------------------------------------------------------------------------


def test_veto_can_be_turned_off() -> None:
    found = vote(SEED_NOTE, veto=False)
    assert found is not None
    assert (found.score, found.veto) == (rule.CLEAR_SCORE, False)


def test_headline_can_be_ignored() -> None:
    detector = Policy([rule], config={"rules": {"hard-sell": {"headline": False}}}).settings_of("hard-sell")
    request = Request(sender=Profile(headline=SEED_HEADLINE), note="Hello Pat")
    assert rule.relpolicy_vote(request, detector) is None
    assert rule.relpolicy_vote(request, rule.DEFAULT) is not None


def test_extra_phrases_join_their_category() -> None:
    note = "Join my masterclass and my coaching challenge."
    assert vote(note) is None
    found = vote(note, call_to_action=["join my (masterclass|challenge)"], service=["coaching challenge"])
    assert found is not None
    assert found.score == rule.WEAK_SCORE
    assert "Join my masterclass" in found.evidence


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"veto": "yes"}, r"config: rules\.hard-sell\.veto: expected true or false, got the string 'yes'"),
        ({"offers": ["x"]}, r"rules\.hard-sell\.offers: unknown setting; did you mean 'offer'\?"),
        (
            {"offer": "fix your site"},
            r"rules\.hard-sell\.offer: expected a list of strings, got the string 'fix your site'",
        ),
        ({"scarcity": ["only # (spots"]}, r"rules\.hard-sell\.scarcity\[0\]: phrase 'only # \(spots'"),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Policy([rule], config={"rules": {"hard-sell": table}})


def test_a_configured_policy_pickles(tmp_path: Any) -> None:
    import pickle

    policy = Policy([rule], config={"rules": {"hard-sell": {"veto": False}}})
    again = pickle.loads(pickle.dumps(policy))
    [found] = again.decide(Request(sender=Profile(), note=SEED_NOTE)).votes
    assert (found.score, found.veto) == (-2.0, False)


# -- cost ----------------------------------------------------------------------------


def best_times(make: Any, sizes: tuple[int, ...], rounds: int = 3) -> list[float]:
    policy = Policy([rule])
    best = [math.inf] * len(sizes)
    for round_ in range(rounds):
        for index, size in enumerate(sizes):
            request = Request(sender=Profile(), note=f"{round_} {make(size)}")
            start = time.perf_counter()
            policy.decide(request)
            best[index] = min(best[index], time.perf_counter() - start)
    return [max(seconds, 0.002) for seconds in best]


@pytest.mark.parametrize("shape", ["pitch", "almost-a-phrase", "one-letter-words", "url-like", "invisible"])
def test_deciding_time_grows_in_proportion_to_the_note(shape: str) -> None:
    def make(size: int) -> str:
        if shape == "pitch":
            return (SEED_NOTE + " ") * (size // (len(SEED_NOTE) + 1))
        return pathological_texts(size)[shape]

    # 1 MB is decided in well under a second; here the growth from 256 kB to 1 MB is
    # checked by doubling, which says the same without a wall-clock bound.
    times = best_times(make, (250_000, 500_000, 1_000_000))
    assert all(later / earlier < 3.5 for earlier, later in itertools.pairwise(times)), times


# Pieces that claims are made of, so that random texts often come close to one.
CLAIM_PIECES = [
    *"$£€0123456789 ,.-/%+xk",
    *("$5", "£5", "€5", " per ", "/month", " a week", " new clients", " booked calls", "% more", "00"),
    *("100%", " figures", " and ", "six", " k ", "mm", " million", " your", "\u0663", "_", "é", "a1"),
]
#: What `CLAIM_NUMBERS` stands for: it starts with one character class, for speed.
PLAIN_CLAIM_NUMBERS = re.compile(
    rf"[$£€]{_phrases._CLAIM_AFTER_CURRENCY}|\d(?<![\w.$]\d)(?:{'|'.join(_phrases._CLAIM_AFTER_DIGIT)})"
)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(CLAIM_PIECES), max_size=16).map("".join))
@example("€5k/month and £5 per month")
@example("$5 new clients, 1,000 booked calls, 100% more, \u0663 figures")
def test_claim_numbers_find_what_the_plain_alternation_finds(text: str) -> None:
    found = [(m.span(), m.group()) for m in _phrases.CLAIM_NUMBERS.finditer(text)]
    assert found == [(m.span(), m.group()) for m in PLAIN_CLAIM_NUMBERS.finditer(text)]
