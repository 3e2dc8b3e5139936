"""The hard-sell rule: a sales pitch instead of a relationship declines the request."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pytest
import relpolicy_hard_sell as rule
import relpolicy_note_present
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import ConfigError, Policy, Profile, Request, Verdict, Vote
from relpolicy.strategies import adversarial_texts, disguised, requests, texts
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


DEFAULTS = rule.Settings()


def clear(found: Vote) -> bool:
    """Whether *found* is the vote on a clear pitch: a veto at least `clear_at` strong."""
    return found.veto and found.kind == "pitch" and found.score <= -DEFAULTS.clear_at


def weak(found: Vote) -> bool:
    """Whether *found* counts sales signals against a request without a veto."""
    return not found.veto and found.kind == "pitch" and -DEFAULTS.clear_at < found.score <= -DEFAULTS.weak_at


def vote(note: str | None = None, headline: str | None = None, **table: Any) -> Vote | None:
    return vote_of(rule, Request(sender=Profile(name="Sam", headline=headline), note=note), settings=table)


def decide(note: str | None = None, headline: str | None = None) -> Any:
    return Policy([rule], recipient=COACH).decide(Request(sender=Profile(headline=headline), note=note))


def verdict(note: str | None = None, headline: str | None = None) -> Verdict:
    """What the standard rules together decide of a stranger's request to the coach."""
    request = Request(sender=Profile(name="Sam Reyes", headline=headline), note=note)
    return Policy.default(recipient=COACH).decide(request).verdict


# -- the seed ------------------------------------------------------------------------


@pytest.mark.parametrize(("note", "headline"), [(SEED_NOTE, None), (None, SEED_HEADLINE), (SEED_NEVER, None)])
def test_the_seeds_pitches_are_declined(note: str | None, headline: str | None) -> None:
    decision = decide(note, headline)
    assert decision.verdict is Verdict.DECLINE
    assert verdict(note, headline) is Verdict.DECLINE
    [found] = decision.votes
    assert (found.rule, found.kind) == ("hard-sell", "pitch")
    assert found.score <= -DEFAULTS.weak_at
    written = note or headline or ""
    assert found.evidence
    assert all(quote in written for quote in found.evidence)


def test_the_seeds_note_is_quoted_as_written() -> None:
    found = vote(SEED_NOTE)
    assert found is not None
    assert "Your website is out of date" in found.evidence
    assert "get you a lot more clients" in found.evidence


@pytest.mark.parametrize("note", PITCHES)
def test_pitches_are_declined(note: str) -> None:
    found = vote(note)
    assert found is not None
    assert found.kind == "pitch"
    assert verdict(note) is Verdict.DECLINE


@pytest.mark.parametrize("note", GENUINE)
def test_genuine_notes_with_sales_words_are_never_declined(note: str) -> None:
    found = vote(note)
    assert found is None or not found.veto
    assert verdict(note) is not Verdict.DECLINE


@pytest.mark.parametrize("headline", GENUINE_HEADLINES)
def test_ordinary_headlines_are_left_alone(headline: str) -> None:
    found = vote(GENUINE[0], headline)
    assert found is None or not found.veto


@pytest.mark.parametrize(
    ("note", "headline"),
    [
        ("Happy to connect.", "Bookkeeping for restaurants | Helping owners grow"),
        ("Hello! We build websites for clinics.", None),
    ],
)
def test_a_writer_looking_for_work_describes_their_work(note: str, headline: str | None) -> None:
    # The same words from someone open to work count for nothing: it is their trade.
    selling = vote_of(rule, Request(sender=Profile(headline=headline), note=note))
    seeking = vote_of(rule, Request(sender=Profile(headline=headline, open_to_work=True), note=note))
    assert selling is not None
    assert selling.kind == "pitch"
    assert seeking is None or seeking.score > selling.score


def test_a_reason_in_the_note_weighs_the_writers_description_of_their_work_less() -> None:
    headline = "Websites for dentists | Helping practices grow"
    bare = vote("Happy to connect.", headline, with_reason=0.5)
    with_reason = vote("We met at the county dental meeting last week.", headline, with_reason=0.5)
    assert bare is not None
    assert with_reason is None or with_reason.score > bare.score


def test_the_headline_and_the_note_add_up() -> None:
    # Weighed as a weak signal, a headline that sells growth to businesses; a call to
    # book under it weighs more than either alone.
    light = {"service_headline": 0.4, "slogan": 0.4}
    alone = vote(None, "Helping small businesses grow", **light)
    assert alone is not None
    assert weak(alone)
    note = vote("Book a call with me this week.", **light)
    both = vote("Book a call with me this week.", "Helping small businesses grow", **light)
    assert both is not None
    assert both.score < min(alone.score, note.score if note else 0.0)
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
def test_every_kind_of_pitch_is_declined(note: str) -> None:
    found = vote(note)
    assert found is not None, note
    assert found.kind == "pitch"
    assert found.evidence
    assert all(quote in note for quote in found.evidence)
    decision = Policy.default(recipient=COACH).decide(Request(sender=Profile(name="Sam"), note=note))
    assert decision.verdict is Verdict.DECLINE, decision.votes


@pytest.mark.parametrize("headline", GUARANTEE_HEADLINES)
def test_a_headline_that_guarantees_the_reader_results_is_vetoed(headline: str) -> None:
    found = vote("Hello, happy to connect!", headline)
    assert found is not None
    assert found.veto
    assert "headline" in found.reason
    assert "a guarantee" in found.reason


def test_a_price_alone_weighing_less_than_clear_at_is_a_weak_signal() -> None:
    found = vote("Our bookkeepers work at $40/hour.", price=(DEFAULTS.weak_at + DEFAULTS.clear_at) / 2)
    assert found is not None
    assert weak(found)
    assert rule.LABELS["price"] in found.reason
    assert any("$40/hour" in quote for quote in found.evidence)


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
#: would say who they are: they count against the request.
ADVERTS = [
    (None, "Helping dentists get found on Google"),
    (None, "We design logos for restaurants"),
    (None, "DM me about my skincare products"),
    (None, "Free website audit"),
    (None, "Career coach helping job seekers land interviews | Free resume review | DM me"),
    ("Great meeting you at the expo. We handle payroll for small firms if you ever need a hand.", None),
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
def test_advertising_a_service_counts_against(note: str | None, headline: str | None) -> None:
    found = vote(note, headline)
    assert found is not None, (note, headline)
    assert found.kind == "pitch"
    assert found.score <= -DEFAULTS.weak_at
    assert found.evidence


@pytest.mark.parametrize("headline", JOB_TITLES)
def test_a_job_title_is_not_a_sales_signal(headline: str) -> None:
    assert vote(None, headline) is None
    assert vote("Hi Pat, we met at the Tuesday networking breakfast.", headline) is None


def test_services_listed_in_a_note_with_a_reason_weigh_less() -> None:
    # Beside a reason to connect, what the writer sells says who they are.
    words = "We build apps for startups."
    alone = vote(words, with_reason=0.5)
    introduced = vote(f"Hi Pat, I enjoyed your panel on hiring at the job fair. {words}", with_reason=0.5)
    assert alone is not None
    assert introduced is None or introduced.score > alone.score


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
def test_disguised_pitches_are_declined(disguise: str, pitch: str) -> None:
    written = DISGUISES[disguise](pitch)
    found = vote(written)
    assert found is not None, written
    assert found.kind == "pitch"
    assert verdict(written) is Verdict.DECLINE
    assert found.evidence
    decoded = html.unescape(written)
    assert all(quote in decoded for quote in found.evidence)


@pytest.mark.parametrize("disguise", ["fullwidth with ideographic spaces", "heavy leetspeak with joiners"])
@pytest.mark.parametrize("pitch", ONE_OF_EACH_KIND)
def test_every_kind_of_pitch_is_declined_in_disguise(disguise: str, pitch: str) -> None:
    written = DISGUISES[disguise](pitch)
    found = vote(written)
    assert found is not None, written
    assert found.kind == "pitch"
    assert verdict(written) is Verdict.DECLINE
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
    found = vote(written)
    assert found is not None
    assert found.veto, found.reason
    assert any("12" in quote for quote in found.evidence)
    assert " 12 " in skeleton(written)
    assert "12 n3w" in normalize(written)
    assert "$50k/" in normalize(written)


def test_a_disguised_headline_is_declined() -> None:
    headline = DISGUISES["homoglyphs"](SEED_HEADLINE)
    found = vote(None, headline)
    assert found is not None
    assert found.kind == "pitch"
    assert verdict(None, headline) is Verdict.DECLINE


def test_hidden_characters_alone_count_a_little_against() -> None:
    found = vote("Hi Pat, nice to m\u200beet you at the fair.")
    assert found is not None
    assert (found.score, found.veto) == (-DEFAULTS.disguised, False)
    assert "1 invisible character" in found.reason


def test_hidden_characters_add_to_the_signals_they_hide() -> None:
    plain = vote("We do SEO and Google Ads, guaranteed.")
    hidden = vote("We do S\u200bEO and Google A\u200bds, guar\u200banteed.")
    assert plain is not None
    assert hidden is not None
    assert hidden.score == pytest.approx(plain.score - DEFAULTS.disguised)
    assert rule.LABELS["disguised"] in hidden.reason


# -- properties ----------------------------------------------------------------------

hostile_text = st.one_of(st.text(), adversarial_texts(max_size=300, huge_size=50_000), disguised())


@settings(max_examples=300, deadline=None)
@given(st.none() | hostile_text, st.none() | hostile_text)
def test_the_rule_never_raises_and_quotes_only_what_is_there(note: str | None, headline: str | None) -> None:
    found = vote(note, headline)
    if found is None:
        return
    assert found.rule == "hard-sell"
    assert found.score < 0
    assert found.veto == (found.score <= -DEFAULTS.clear_at)
    written = [t for t in (note, headline) if t]
    for quote in found.evidence:
        assert any(
            quote in t or quote in html.unescape(t) or quote in normalize(t) or quote in skeleton(t)
            for t in written
        ), quote


@settings(max_examples=200, deadline=None)
@given(st.none() | texts(max_size=300) | hostile_text, st.sampled_from(PITCHES))
def test_appending_a_pitch_never_raises_the_score(note: str | None, pitch: str) -> None:
    before = vote(note)
    after = vote(f"{note}\n{pitch}" if note else pitch)
    assert after is not None
    assert after.score <= (before.score if before else 0.0)
    assert after.kind == "pitch"


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
    check_plugin(rule, settings={"veto": False, "clear_at": 0.5, "weak_at": 0.25, "with_reason": 0.0})


@settings(max_examples=50, deadline=None)
@given(requests(text=hostile_text))
def test_the_same_request_gets_the_same_vote_directly_and_through_a_policy(request: Request) -> None:
    direct = rule.relpolicy_vote(request, DEFAULTS)
    through = Policy([rule]).decide(request).votes
    assert through == ((direct.named("hard-sell"),) if direct else ())


# -- settings ------------------------------------------------------------------------


def test_veto_can_be_turned_off() -> None:
    vetoed = vote(SEED_NOTE, clear_at=DEFAULTS.weak_at)
    found = vote(SEED_NOTE, clear_at=DEFAULTS.weak_at, veto=False)
    assert vetoed is not None
    assert found is not None
    assert vetoed.veto
    assert not found.veto
    assert found.score == vetoed.score


def test_headline_can_be_ignored() -> None:
    request = Request(sender=Profile(headline=SEED_HEADLINE), note="Hello Pat")
    assert rule.relpolicy_vote(request, rule.Settings(headline=False)) is None
    assert rule.relpolicy_vote(request, rule.Settings()) is not None


def test_a_moves_weight_is_a_setting() -> None:
    note = "My rate is $40 an hour."
    light = vote(note, price=(DEFAULTS.weak_at + DEFAULTS.clear_at) / 2)
    heavy = vote(note, price=DEFAULTS.clear_at)
    assert light is not None
    assert not light.veto
    assert heavy is not None
    assert heavy.veto
    assert any("$40" in quote for quote in heavy.evidence)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"veto": "yes"}, r"config: rules\.hard-sell\.veto: expected true or false, got the string 'yes'"),
        ({"offers": 1.0}, r"rules\.hard-sell\.offers: unknown setting; did you mean 'offer'\?"),
        ({"offer": -1}, r"rules\.hard-sell\.offer: expected a number of at least 0, got -1"),
        ({"clear_at": 0}, r"rules\.hard-sell\.clear_at: expected a number greater than 0, got 0"),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Policy([rule], config={"rules": {"hard-sell": table}})


def test_a_configured_policy_pickles(tmp_path: Any) -> None:
    import pickle

    table = {"veto": False, "clear_at": DEFAULTS.weak_at, "price": 0.0}
    policy = Policy([rule], config={"rules": {"hard-sell": table}})
    again = pickle.loads(pickle.dumps(policy))
    assert again.settings_of("hard-sell") == policy.settings_of("hard-sell")
    [found] = again.decide(Request(sender=Profile(), note=SEED_NOTE)).votes
    assert found.score <= -DEFAULTS.weak_at
    assert not found.veto
