"""A generated, realistic mix of connection requests for the benchmarks.

This is not the rules' labelled corpus (``tests/data/corpus*.jsonl``): nothing here is
labelled, and the mix is tuned to look like a busy inbox, not to test the rules. The
weights follow what *First, Build the Relationship* describes: most requests come without a note, some with
LinkedIn's template, some with a real reason, job seekers asking for advice, sales
pitches in the note or the headline, pitches disguised to slip past a keyword filter,
and the odd long letter. Everything is drawn from a seeded `random.Random`, so a run
is repeatable, and notes are assembled from parts so that few are exactly alike (a
benchmark that decided the same few notes over and over would measure the caches).

Run it to write requests as JSON lines::

    python benchmarks/corpus.py 1000 > requests.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from typing import Any

from relpolicy import Profile, Request

#: The person deciding: a career coach, like the author of *First, Build the Relationship*.
RECIPIENT: dict[str, Any] = {
    "name": "Pat Coach",
    "headline": "Career coach and job search strategist",
    "industry": "Professional Training and Coaching",
    "location": "Princeton, NJ",
    "groups": ["NJ Job Seekers Network", "Career Coaches Circle", "Central Jersey Networking Group"],
    "pro_bono_groups": ["NJ Job Seekers Network"],
    "hiring_network": ["Hospitals and Health Care", "Transportation, Logistics, Supply Chain and Storage"],
}

_FIRST = [
    "Sam",
    "Alex",
    "Priya",
    "Jordan",
    "Maria",
    "Wei",
    "Tom",
    "Aisha",
    "Diego",
    "Keiko",
    "Liam",
    "Noor",
    "Grace",
    "Omar",
    "Ines",
    "Tariq",
    "Lena",
    "Kofi",
    "Hannah",
    "Ravi",
    "Sofia",
    "Mateo",
    "Chloe",
    "Yusuf",
    "Elena",
    "Marcus",
    "Fatima",
    "Jonas",
    "Amara",
    "Luca",
    "Mei",
    "Andre",
    "Zoe",
    "Ibrahim",
]
_LAST = [
    "Rivera",
    "Chen",
    "Okafor",
    "Schmidt",
    "Patel",
    "Nguyen",
    "Kowalski",
    "Haddad",
    "Silva",
    "Berg",
    "Murphy",
    "Tanaka",
    "Rossi",
    "Dubois",
    "Mensah",
    "Novak",
    "Larsen",
    "Kim",
    "Costa",
    "Fischer",
    "Ahmed",
    "Walsh",
    "Moreau",
    "Yilmaz",
    "Santos",
    "Ivanova",
    "Brennan",
    "Osei",
]
_PLACES = ["Newark, NJ", "Princeton, NJ", "New York, NY", "Philadelphia, PA", "Austin, TX", "Remote", None]

#: (industry, headlines) in LinkedIn's words, near to and far from the recipient's field.
_FIELDS = [
    ("Professional Training and Coaching", ["Leadership coach", "Career development coach | speaker"]),
    ("Human Resources Services", ["HR business partner", "Talent development lead"]),
    ("Staffing and Recruiting", ["Technical recruiter", "Executive search consultant"]),
    ("Hospitals and Health Care", ["Registered nurse", "Clinical operations manager"]),
    (
        "Transportation, Logistics, Supply Chain and Storage",
        ["Supply chain analyst", "Logistics coordinator"],
    ),
    ("Software Development", ["Senior software engineer", "Engineering manager"]),
    ("Financial Services", ["Financial analyst", "Wealth advisor"]),
    ("Higher Education", ["Career services director", "Adjunct professor"]),
    ("Marketing Services", ["Growth marketer", "Brand strategist"]),
    ("Retail", ["Store manager", "Merchandising lead"]),
    ("Non-profit Organizations", ["Program manager", "Volunteer coordinator"]),
    ("Real Estate", ["Realtor", "Property manager"]),
    ("Career Coaching", ["Resume writer and interview coach"]),
    (None, ["Looking for my next challenge"]),
]
_GROUPS = [
    "NJ Job Seekers Network",
    "Career Coaches Circle",
    "Central Jersey Networking Group",
    "Women in Tech NJ",
    "APICS Supply Chain Council",
    "PyData NYC",
    "Nurses Network",
    "Small Business Owners of America",
]
_SKILLS = ["Excel", "SAP", "Python", "Negotiation", "Public speaking", "Recruiting", "Patient care", "SEO"]

_TEMPLATES = [
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi, I'd like to join your LinkedIn network.",
    "I'd like to connect with you.",
]
_MET = [
    "I heard you speak at the {group} last {day}",
    "we met at the {group} meetup in {month}",
    "I read your article on salary negotiation",
    "a friend from the {group} suggested I reach out",
    "I saw your talk on changing careers after 40",
]
_REASONS = [
    "I'm moving into {field} and would value your view of the field.",
    "your point about following up after interviews stuck with me.",
    "I run the mentoring program at my company and think our members would enjoy your workshop.",
    "I also coach new graduates, and it would be good to compare notes.",
]
_INTROS = [
    "I'm {first}, a {headline} based in {place}.",
    "A bit about me: {headline}, twelve years in the field.",
    "",
]
_SEEKER_NOTES = [
    "I was laid off in {month} and I'm looking for my next role in {field}. "
    "Could I ask your advice on my search? Any pointers would mean a lot.",
    "I'm a {headline} in job search and a member of the {group}. "
    "I'd be grateful for 15 minutes of your advice on networking.",
    "Job seeker here ({headline}). I'd love to learn how you'd approach my resume.",
]
_PITCHES = [
    "Your website is out of date, and I can make it far more attractive and get you a lot more clients.",
    "I have a Marketing System that helps to build 6 and 7 figure businesses for coaches and consultants.",
    "We help coaches like you get 20+ qualified leads a month on autopilot. "
    "Book a free strategy call this week!",
    "Quick question: are you open to scaling to $50k/month? Our done-for-you funnels guarantee results.",
    "I noticed your SEO could use some work. We can get you on page one of Google in 30 days.",
]
_PITCH_HEADLINES = [
    "I help coaches build 6 and 7 figure businesses | DM me for a free audit",
    "Lead generation expert | 10x your clients in 90 days",
]
#: Openings, asides and sign-offs: real notes differ in more than their middle.
_GREETINGS = ["Hi {recipient},", "Hello {recipient},", "Dear {recipient},", "{recipient},", "Hi there,", ""]
_ASIDES = [
    "",
    "",
    "Hope your week is going well.",
    "I see we are both near {place}.",
    "I noticed we have {mutual} connections in common.",
    "Congratulations on the new workshop series!",
    "Happy {day}!",
]
_SIGN_OFFS = ["", "Best, {first}", "Thanks, {first} {last}", "Regards, {first}", "- {first}", "Cheers!"]
_LONG_PARAGRAPH = (
    "I have followed your posts about job search strategy for a couple of years now, and the one "
    "about building the relationship before asking for anything changed how I network. I used to send "
    "requests to everyone in my field without a word; now I write to people whose work I know. "
)


def _disguise(text: str, rng: random.Random) -> str:
    """The tricks people use to slip a pitch past a keyword filter."""
    trick = rng.randrange(4)
    if trick == 0:  # digits for letters
        return text.translate(str.maketrans("eaois", "34015"))
    if trick == 1:  # Cyrillic look-alikes
        return text.translate(str.maketrans("aeopcx", "аеорсх"))
    if trick == 2:  # zero-width spaces inside words
        return "\u200b".join(text[i : i + 3] for i in range(0, len(text), 3))
    words = text.split(" ")  # one key word spaced out
    index = max(range(len(words)), key=lambda i: len(words[i]))
    words[index] = " ".join(words[index])
    return " ".join(words)


def _fill(template: str, sender: dict[str, Any], rng: random.Random) -> str:
    return template.format(
        first=sender["name"].split()[0],
        last=sender["name"].split()[-1],
        mutual=rng.randrange(2, 90),
        recipient=RECIPIENT["name"].split()[0],
        headline=sender.get("headline") or "professional",
        field=sender.get("industry") or "a new field",
        place=sender.get("location") or "New Jersey",
        group=rng.choice(_GROUPS),
        day=rng.choice(["Tuesday", "week", "month"]),
        month=rng.choice(["March", "June", "October"]),
    )


_EMPLOYER_KINDS = ["Labs", "Group", "Health", "Logistics", "Partners", "Consulting", "Studio", "Bank"]
#: Syllables of made-up names, for senders and employers that no other request names.
_SYLLABLES = ["ka", "ri", "mo", "len", "sa", "dor", "vi", "na", "tel", "bru", "an", "jo", "mi", "ros", "ha"]


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randrange(2, 4))).title()


def _sender(
    rng: random.Random, *, seeker: bool = False, pitch_headline: bool = False, own: bool = False
) -> dict[str, Any]:
    industry, headlines = rng.choice(_FIELDS)
    name = f"{_made_up(rng) if own else rng.choice(_FIRST)} {rng.choice(_LAST)}"
    headline = rng.choice(_PITCH_HEADLINES) if pitch_headline else rng.choice(headlines)
    if own:
        headline = f"{headline} at {_made_up(rng)} {rng.choice(_EMPLOYER_KINDS)}"
    sender: dict[str, Any] = {
        "name": name,
        "headline": headline,
        "industry": industry,
        "location": rng.choice(_PLACES),
        "groups": rng.sample(_GROUPS, rng.choice([0, 0, 1, 1, 2, 3])),
        "skills": rng.sample(_SKILLS, rng.randrange(4)),
        "url": f"https://www.linkedin.com/in/member-{rng.randrange(10**6)}",
    }
    if seeker:
        sender["headline"] += " | open to new roles"
        sender["open_to_work"] = True
    elif rng.random() < 0.5:
        sender["open_to_work"] = False
    return {k: v for k, v in sender.items() if v is not None}


def _request(rng: random.Random, number: int, *, own: bool = False) -> dict[str, Any]:
    kind = rng.choices(
        ["none", "template", "personal", "seeker", "pitch", "disguised", "headline", "long"],
        weights=[35, 12, 20, 10, 10, 5, 4, 4],
    )[0]
    sender = _sender(rng, seeker=kind == "seeker", pitch_headline=kind == "headline", own=own)
    note: str | None = None
    if kind == "template":
        note = rng.choice(_TEMPLATES)
    elif kind in ("personal", "long"):
        met = rng.choice(_MET)
        parts = [f"{met[0].upper()}{met[1:]}, and {rng.choice(_REASONS)}"]
        parts.append(rng.choice(_INTROS))
        if kind == "long":
            parts.append(_LONG_PARAGRAPH * rng.randrange(3, 12))
        note = _fill(" ".join(p for p in parts if p), sender, rng)
    elif kind == "seeker":
        note = _fill(rng.choice(_SEEKER_NOTES), sender, rng)
    elif kind in ("pitch", "disguised"):
        note = _fill(rng.choice(_PITCHES), sender, rng)
        if kind == "disguised":
            note = _disguise(note, rng)
    elif kind == "headline" and rng.random() < 0.5:
        note = rng.choice(_TEMPLATES)
    if note is not None and kind not in ("template", "headline"):
        frame = [rng.choice(_GREETINGS), rng.choice(_ASIDES), note, rng.choice(_SIGN_OFFS)]
        note = _fill(" ".join(part for part in frame if part), sender, rng)
    request: dict[str, Any] = {"id": f"req-{number:07d}", "sender": sender}
    if note is not None:
        request["note"] = note
    if rng.random() < 0.8:
        request["mutual_connections"] = min(int(rng.paretovariate(1.2)) - 1, 1000)
    request["sent_at"] = f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T09:30:00Z"
    return request


def request_dicts(count: int, *, seed: int = 2020, own: bool = False) -> Iterator[dict[str, Any]]:
    """*count* requests in their JSON form, none naming a recipient (the policy's is used).

    The senders' first names and headlines are drawn from a few dozen, so the rules'
    caches remember most of them; with *own*, each sender has a first name and an
    employer in their headline that few others have, as in a large real inbox.
    """
    rng = random.Random(seed)
    for number in range(count):
        yield _request(rng, number, own=own)


def requests(count: int, *, seed: int = 2020, own: bool = False) -> list[Request]:
    """*count* `Request` values (see `request_dicts`)."""
    return [Request.from_dict(data) for data in request_dicts(count, seed=seed, own=own)]


def recipient() -> Profile:
    """The recipient as a `Profile`."""
    return Profile.from_dict(RECIPIENT)


def note_of_size(size: int, *, salt: str = "") -> str:
    """A note of *size* characters: a personal note, a pitch and a disguised pitch, repeated.

    *salt* starts it, so that notes of the same size differ (and no cache answers).
    """
    rng = random.Random(size)
    unit = " ".join(
        [
            _fill(f"Hi Pat, {_MET[0]}, and {_REASONS[0]}", {"name": "Sam Rivera"}, rng),
            _PITCHES[0],
            _disguise(_PITCHES[1], rng),
            _LONG_PARAGRAPH,
        ]
    )
    text = salt + " " + unit * (size // len(unit) + 1)
    return text[:size]


if __name__ == "__main__":
    for item in request_dicts(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        print(json.dumps(item, ensure_ascii=False))
