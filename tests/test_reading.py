"""relpolicy.reading: the moves of a note and a headline, found from word classes and frames.

The sentences here are written for these tests; none comes from a corpus. Each move is
shown with sentences of several trades and wordings, and beside sentences that use the
same words without making the move.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy.reading import NOTE, PITCH, REASON, STOCK, read, sentences
from relpolicy.strategies import adversarial_texts, disguised

# -- the moves of a pitch ------------------------------------------------------------

PITCH_MOVES = [
    ("offer", "We design booking websites for physiotherapy clinics like yours."),
    ("offer", "Our team can take over your payroll and handle your quarterly filings."),
    ("offer", "I help independent pharmacies get more refill customers every month."),
    ("claim", "Last quarter we booked 42 qualified demos for a cybersecurity vendor."),
    ("claim", "Our tutoring partners saw enrolment go from 30 to 95 students."),
    ("claim", "Clients typically report a 22% increase in repeat orders."),
    ("price", "Packages start at $79/month, cancel anytime."),
    ("price", "Only $450 for the full bundle."),
    ("call_to_action", "Book a slot on my calendar: calendly.com/fixit-fred"),
    ("call_to_action", "Comment 'ROOFS' and I'll send the checklist."),
    ("scarcity", "Only two onboarding spots left this quarter."),
    ("scarcity", "Enrollment closes Friday at midnight."),
    ("guarantee", "Results guaranteed or you don't pay a cent."),
    ("opportunity", "Our members earn a 25% commission on every referral they send."),
    ("opportunity", "It's a flexible side hustle you can run from home."),
    ("agitation", "Your website looks outdated and loads slowly on phones."),
    ("savings", "We cut processing fees for veterinary clinics by up to 30%."),
    ("paid_feature", "Featured guests cover a small production contribution of $300."),
    ("free_offer", "Happy to run a free energy audit for your building."),
    ("demo", "Can we schedule a demo for your team next week?"),
    ("launch", "We're launching a platform that will revolutionize how hospitals schedule nurses."),
    ("deal", "New patients get 15% off their first cleaning."),
    ("deal", "Members save 25 percent off the annual plan."),
    ("scarcity", "The autumn cohort opens Monday and I can save you a seat."),
]


@pytest.mark.parametrize(("kind", "sentence"), PITCH_MOVES)
def test_each_move_of_a_pitch_is_found(kind: str, sentence: str) -> None:
    assert kind in read(sentence).pitch


@pytest.mark.parametrize(
    "sentence",
    [
        "I design booking websites for a living and loved your talk on accessibility.",
        "Our team read your article on payroll mistakes and shared it around.",
        "I help run the food pantry at St. Anne's on Saturdays.",
        "Your post on why a loaf costs $9 was spot on.",
        "Thanks for the free workshop at the library last week.",
        "We met at the expo, you gave the demo on soldering.",
        "I'm searching for my next opportunity in logistics.",
        "It saved our small team a lot of time, thank you for building it.",
        "If you ever have a free hour, I'd enjoy hearing how you got started.",
        "I'm not asking for free advice, I only hoped to say hello.",
        "Our robotics club needs two judges for the final demos on Saturday.",
        "We have a growing number of older members at the parish.",
        "Your piece on starting a referral program at a small clinic was so clear.",
        "I ran 20 minutes off my best time at the marathon.",
    ],
)
def test_the_same_words_without_the_move_are_no_pitch(sentence: str) -> None:
    assert not read(sentence).pitch - {"meeting", "ask"}


def test_a_headline_that_sells_to_a_market_is_read_as_such() -> None:
    headline = "Helping roofing contractors add $80K a month | DM 'ROOF' for the playbook"
    found = read(None, headline)
    assert {"service_headline", "call_to_action"} <= found.pitch
    assert all(move.where == "headline" for move in found.moves)


def test_a_headline_that_says_who_someone_is_is_no_pitch() -> None:
    for headline in (
        "Pediatric nurse at Mercy General",
        "Bakery owner | Sourdough nerd",
        "Seeking analyst roles",
    ):
        assert not read(None, headline).pitch


# -- the moves of a reason -----------------------------------------------------------

REASON_MOVES = [
    ("met", "Great meeting you at the county beekeepers' fair on Saturday!"),
    ("their_work", "I read your article on composting at scale and tried it in our garden."),
    ("their_work", "Loved your keynote at the harbor safety summit."),
    ("referral", "Odalys Brandt from the co-op suggested I reach out."),
    ("referral", "My sister mentioned you helped her with her lease."),
    ("school", "Fellow Oberlin alum here, class of '09!"),
    ("colleague", "We worked together at the Fairview depot back in 2016."),
    ("follow_up", "Following up on our call about the mentoring scheme."),
    ("advice", "Could I ask your advice on moving from nursing into informatics?"),
    ("invite", "Would you consider judging our robotics fair in May?"),
    ("thanks", "Thanks for answering my question at the open house."),
    ("neighbourly", "We're neighbours on Elm Street, I'm the one with the noisy terrier."),
    ("context", "Hi, it's Priyanka from the Tuesday pottery class."),
]


@pytest.mark.parametrize(("kind", "sentence"), REASON_MOVES)
def test_each_kind_of_reason_is_found(kind: str, sentence: str) -> None:
    assert kind in read(sentence).reasons


@pytest.mark.parametrize(
    "note",
    [
        "I'd like to add you to my professional network on LinkedIn.",
        "LinkedIn suggested you as someone I may know.",
        "I came across your impressive profile and would be honored to connect.",
        "Always great to connect with like-minded professionals!",
        "Hope to be part of your network.",
    ],
)
def test_a_stock_note_gives_no_reason_and_is_read_as_stock(note: str) -> None:
    found = read(note)
    assert not found.reasons
    assert found.stock


def test_introductions_proposals_and_job_searches_are_notes_moves() -> None:
    found = read(
        "Hi, I'm a physical therapist in Tulsa and I'm looking for a new role. Could we grab a coffee?"
    )
    assert {"introduction", "proposal", "seeking"} <= found.kinds(NOTE)


# -- the reading as a whole ------------------------------------------------------------


def test_evidence_is_quoted_as_written() -> None:
    note = "Your  WEBSITE looks OUT-OF-DATE, honestly."
    found = read(note)
    [move] = [m for m in found.moves if m.kind == "agitation"]
    assert found.quote(move, note, None) in note


@given(
    st.sampled_from([sentence for _kind, sentence in PITCH_MOVES]).flatmap(
        lambda s: st.tuples(st.just(s), disguised(st.just(s)))
    )
)
@settings(max_examples=150, deadline=None)
def test_look_alike_letters_and_hidden_characters_hide_no_move(pair: tuple[str, str]) -> None:
    plain, hidden = pair
    assert read(plain).pitch <= read(hidden).pitch | {"meeting", "ask"}
    assert read(hidden).disguised or hidden == plain


@given(
    adversarial_texts(max_size=300, huge_size=50_000), st.one_of(st.none(), adversarial_texts(max_size=100))
)
@settings(max_examples=200, deadline=None)
def test_any_text_is_read_without_error_and_twice_the_same(note: str, headline: str | None) -> None:
    first = read(note, headline)
    assert read(note, headline) == first
    for move in first.moves:
        assert move.family in (PITCH, REASON, STOCK, NOTE)


def test_a_huge_note_is_cut_to_its_beginning_and_end_before_it_is_read() -> None:
    note = "Book a call today and grow your revenue. " * 100_000
    assert sum(len(s.light) for s in sentences(note)) < 25_000
    assert "call_to_action" in read(note).pitch
