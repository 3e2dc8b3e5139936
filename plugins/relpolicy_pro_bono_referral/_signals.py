"""Reading a sender's words: are they in a job search, and do they ask for advice?"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping

import attrs

from relpolicy.text import find_phrases, normalize

#: Text beyond this many characters is not read: a job search or a request for advice
#: shows early, and connection notes are short (LinkedIn allows 300 characters).
MAX_TEXT = 2000

_TOKEN = re.compile(r"\w+|[|•·;.!?–—]| - ")
_SEGMENT_ENDS = frozenset("|•·;.!?–—") | {" - "}

#: Words after which a headline describes whom the person serves, not the person.
_AUDIENCE = frozenset({"help", "helps", "helping", "serve", "serves", "serving", "supporting", "empowering"})

#: Words that, followed closely by a word for a job, say someone is looking for one.
_SEEKING = frozenset({"seeking", "seek", "looking", "searching", "exploring", "pursuing", "hunting"})
_JOB = frozenset(
    {
        "role", "roles", "position", "positions", "opportunity", "opportunities", "job", "jobs",
        "employment", "work", "opening", "openings", "career", "challenge", "challenges", "chapter",
    }
)  # fmt: skip
#: Words that, between the two, say the person is looking for something else.
_NOT_A_JOB = frozenset(
    {
        "client", "clients", "customer", "customers", "partner", "partners", "partnership",
        "partnerships", "talent", "talented", "candidate", "candidates", "investor", "investors",
        "lead", "leads", "business", "sponsor", "sponsors", "vendor", "vendors", "hire", "hires",
        "hiring", "connect", "connecting", "help", "helping", "recruit", "recruiting",
    }
)  # fmt: skip
_WINDOW = 4
#: The words a wish for a job starts with.
_WISH_STARTS = _SEEKING | {"open"}
#: Words by which a note's writer speaks of themselves, looked for just before a signal.
_FIRST_PERSON = frozenset({"i", "im", "ive", "my", "me", "myself"})

#: Phrases that on their own say someone is looking for work.
SEEKER_PHRASES = (
    "open to work",
    "opentowork",
    "in transition",
    "in career transition",
    "actively looking",
    "actively seeking",
    "job seeker",
    "job seeking",
    "job hunting",
    "job hunter",
    "in job search",
    "in a job search",
    "my job search",
    "between jobs",
    "between roles",
    "laid off",
    "available for hire",
    "available immediately",
    "seeking employment",
    "unemployed",
)

#: Phrases by which a note asks for advice, guidance or an introduction.
ADVICE_PHRASES = (
    "advice",
    "guidance",
    "pick your brain",
    "any tips",
    "some tips",
    "your tips",
    "your insight",
    "your insights",
    "your perspective",
    "your thoughts on",
    "informational interview",
    "informational meeting",
    "learn from you",
    "learn from your experience",
    "learn more about your",
    "mentor",
    "mentorship",
    "mentoring",
    "suggestions",
    "recommendations",
    "feedback on my resume",
    "feedback on my résumé",
    "review my resume",
    "how did you",
    "how you got",
    "could you share",
    "would you share",
    "point me in the right direction",
    "who i should talk to",
    "any leads",
    "introduce me",
    "a referral",
)


def _as_words(phrases: Iterable[str | tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    found: dict[tuple[str, ...], None] = {}
    for phrase in phrases:
        if isinstance(phrase, str):
            phrase = tuple(w for w in _TOKEN.findall(normalize(phrase)) if w not in _SEGMENT_ENDS)
        if phrase:
            found[phrase] = None
    return tuple(found)


@attrs.frozen(cache_hash=True)
class Phrases:
    """Phrases to look for word by word, whatever the case and punctuation around them.

    Args:
        phrases: The phrases as written.
    """

    #: Each phrase as its folded words.
    words: tuple[tuple[str, ...], ...] = attrs.field(converter=_as_words)
    _by_first: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(init=False, eq=False, repr=False)
    #: The words a phrase can start with.
    first_words: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    #: Each phrase's words as a set: a text holds a phrase only if it holds all of them.
    word_sets: tuple[frozenset[str], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, list[tuple[str, ...]]] = {}
        for words in self.words:
            index.setdefault(words[0], []).append(words)
        by_first = {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}
        object.__setattr__(self, "_by_first", by_first)
        object.__setattr__(self, "first_words", frozenset(by_first))
        object.__setattr__(self, "word_sets", tuple(frozenset(words) for words in self.words))

    def end_of(self, words: list[str], i: int) -> int | None:
        """Where the longest phrase that starts at ``words[i]`` ends (exclusive), or ``None``."""
        for phrase in self._by_first.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return i + len(phrase)
        return None

    def __add__(self, other: Phrases) -> Phrases:
        return Phrases((*self.words, *other.words))


def normalized(phrases: Iterable[str]) -> tuple[str, ...]:
    """*phrases* folded as notes are, each once."""
    return tuple(dict.fromkeys(p for p in map(normalize, phrases) if p))


#: `SEEKER_PHRASES`, ready to look for.
SEEKERS = Phrases(SEEKER_PHRASES)


@functools.lru_cache(maxsize=8192)
def seeking_work(text: str, first_person: bool, phrases: Phrases = SEEKERS) -> str | None:
    """The words by which *text* says its writer is looking for work, or ``None``.

    Besides *phrases*, a wish followed closely by a word for a job counts ("seeking a
    new role", "open to new opportunities"), unless a word between says the wish is for
    something else ("seeking new clients"). What follows "helping", "serving" and the
    like, to the end of a headline segment, describes others and is skipped.

    Args:
        text: A headline or a note.
        first_person: Count only what the writer says of themselves ("I am in
            transition", not "are you in transition?"), as a note needs.
        phrases: The phrases that say it on their own.
    """
    folded = normalize(text[:MAX_TEXT])
    words = _TOKEN.findall(folded)
    present = set(words)
    if _WISH_STARTS.isdisjoint(present) and not any(map(present.issuperset, phrases.word_sets)):
        return None  # the usual case: the text holds no wish for a job, nor all words of a phrase
    starts = phrases.first_words | _WISH_STARTS
    audience = False
    for i, word in enumerate(words):
        if word in _SEGMENT_ENDS:
            audience = False
            continue
        if not audience and word in starts:
            end = phrases.end_of(words, i) or _job_wanted_end(words, i)
            if end and (not first_person or _FIRST_PERSON.intersection(words[max(0, i - _WINDOW) : i + 1])):
                spans = [m.span() for m in itertools.islice(_TOKEN.finditer(folded), end)]
                return folded[spans[i][0] : spans[-1][1]]
        audience = audience or word in _AUDIENCE
    return None


def _job_wanted_end(words: list[str], i: int) -> int | None:
    """Where a wish for a job that starts at ``words[i]`` ends (exclusive), or ``None``:
    "seeking a new role", "open to new opportunities"."""
    word = words[i]
    if word in _SEEKING:
        start = i + 1
    elif word == "open" and i + 1 < len(words) and words[i + 1] in ("to", "for"):
        start = i + 2
    else:
        return None
    for j in range(start, min(len(words), start + _WINDOW)):
        if words[j] in _JOB:
            return j + 1
        if words[j] in _NOT_A_JOB or words[j] in _SEGMENT_ENDS:
            return None
    return None


def advice_asked(note: str, phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The *phrases* (normalised) by which *note* asks for advice."""
    return tuple(find_phrases(normalize(note[:MAX_TEXT]), phrases))
