"""Reading a connection note for what the seed asks of one: who, why, and a conversation."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from relpolicy import Vote
from relpolicy.reading import DEFAULT_FINDER, PitchFinder
from relpolicy.text import (
    CACHED_LENGTH,
    READ_LENGTH,
    PhraseBook,
    PhraseSet,
    find_original,
    find_phrases,
    normalize,
    skeleton,
    views,
    word_positions,
)

# -- what a note says, as phrase templates (relpolicy.text.phrase_pattern) -----------

_THEIR_WORK = (
    "(talk|talks|presentation|session|webinar|podcast|post|posts|article|articles|book|workshop|panel"
    "|interview|keynote|video|newsletter|comment|class|course|seminar|blog|research|writing)"
)

#: Why the sender wants to connect: where they met, what they heard or read, who
#: referred them, what they share, a question to ask.
REASON = (
    "(met|meet|meeting) [you] (at|during|in|on|through)",
    "we (met|spoke|talked|chatted)",
    "(nice|great|good|lovely|pleasure) (meeting|to meet|talking|chatting|speaking|connecting) [with] you",
    "heard you (speak|present|talk|on|at|speaking|presenting|mention)",
    "(heard|listened to|saw|watched|read|enjoyed|loved|attended|caught|liked) (your|the|that|this)"
    f" *2 {_THEIR_WORK}",
    "(referred|recommended|introduced) (by|me)",
    "(recommended|suggested|mentioned) you",
    "(suggested|recommended) [that] (i|we) (connect|reach out|contact|talk)",
    "(told|asked|encouraged|advised) me to (reach out|connect|contact|get in touch)",
    "(mutual|common) (friend|friends|connection|connections|colleague|contact)",
    "(fellow|both) (member|members|alum|alumni|volunteer|volunteers|attendee|attendees|graduates)",
    "(we're|we are) both (in|members|part|on|from|at|working|volunteering|attending)",
    "(same|our) (group|network|association|chapter|meetup|alma mater|school|program|cohort|community|class)",
    "(worked|volunteered|studied) together",
    "(former|old) (colleague|coworker|co worker|classmate|teammate|manager)",
    "(have|got) a [quick|short] question",
    "(quick|short) question",
    "(wanted|want|like|love|hoping|hope) to (ask|learn|hear|get your|pick your brain|thank|follow up)",
    "pick your brain",
    "(your|any|some) (advice|guidance|insight|insights|perspective|thoughts|input|recommendations)",
    "advice (on|about|for|regarding)",
    "(because|since) (i|we|you|my|your|our)",
    "the reason",
    "reaching out (to ask|about|because|regarding|since|after)",
    "(following|follow) up on",
    "(learn|hear) [more] (about|from) (you|your)",
    "(admire|appreciate|enjoy|enjoyed|love|loved|follow|followed|found) your (work|posts|content|writing"
    "|advice|insights|perspective|approach)",
    # a request of the reader is a reason too: a question, an invitation, a plea for help
    "(would|could|can|will) you (be willing|be open|be interested|consider|help|share|mentor|advise"
    "|recommend|introduce|join|speak|volunteer)",
    "(are|is|am|were|i'm|we're) (looking|searching|hoping) for *2 (mentors|mentor|volunteers|volunteer"
    "|speakers|speaker|advisors|advisor|advice|guidance|help|coaches|coach)",
    "(your|some|any) (help|support|expertise) (with|on|in|for)",
    "(invite|inviting) you to",
    "love (to have|for) (you|a|someone)",
)

#: Words that show the note was written for this reader: their work, what they said.
PERSONAL = (
    f"your *2 ({_THEIR_WORK}|work|coaching|program|group|insights|practice|approach|career|journey"
    "|experience|background|expertise|team|organization)",
    "you (wrote|posted|said|shared|mentioned|spoke|presented|recommended|suggested)",
)

#: The sender says who they are.
INTRODUCTION = (
    "my name is",
    "(i'm|i am) (a|an|the|currently|recently|also|part|working|based|new|one|from|with|at|in)",
    "(i|we) (work|worked) (as|at|in|for|with|on)",
    "i (run|lead|manage|own|founded|teach|coach|recruit|volunteer|serve|study|studied|graduated)",
    "i've been (a|an|working|in|doing|with|at)",
    "i recently (graduated|joined|moved|finished|completed|started|left|relocated|transitioned)",
)

#: A proposal to talk: "set up a time", "a quick call", "a coffee chat", "Zoom".
PROPOSAL = (
    "set up (a|some) *2 (time|call|chat|meeting|conversation)",
    "(a|an) *2 (call|chat|conversation|coffee|zoom|catch up)",
    "(coffee|virtual coffee) (chat|meeting)",
    "(zoom|phone|video|teams) (call|chat|meeting|conversation)",
    "(grab|have|get) *2 coffee",
    "(talk|chat|speak|connect|meet) (by|over|on|via) (phone|zoom|coffee|video|teams)",
    "(schedule|arrange|find) *2 (time|call|chat)",
    "get to know (each other|you|one another)",
    "(hop|jump) on *2 call",
    "(talk|chat|meet) (sometime|soon|next week)",
)

#: A template note: it could have been sent to anyone.
GENERIC = (
    "(i'd|i would) like to (add|join|connect|invite) (you|your)",
    "add you to my *2 network",
    "join your *2 network",
    "(let's|lets) connect",
    "(expand|grow|build|growing|expanding|building) my *2 network",
    "like minded (professionals|people)",
    "came across your profile",
    "(i'd|i|i would) (hope|like|love) to connect",
    "connect with you (here|on linkedin)",
)

#: The phrase lists a user can extend in ``[rules.note-present]``, by setting name.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "reason": REASON,
    "personal": PERSONAL,
    "introduction": INTRODUCTION,
    "proposal": PROPOSAL,
    "generic": GENERIC,
}

_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "rev"})
_MAX_EVIDENCE = 6
_MAX_NAME = 200  # longer names and group names are not names, and are not looked for
_MAX_GROUPS = 50

NO_NOTE_SCORE = -0.5
GENERIC_SCORE = -0.25
REASON_SCORE = 1.0
BONUS = 0.25
MAX_SCORE = 1.5


@attrs.frozen
class NoteReview:
    """What a connection note says, and what it leaves out, as `review_note` reads it.

    Each field holds the phrases found, quoted as written (empty when none is).
    """

    #: Whether there is a note at all (blank counts as none).
    present: bool
    #: The sender says who they are ("I'm a ...", "my name is").
    introduction: tuple[str, ...] = ()
    #: Why they want to connect ("we met at", "heard you speak", "referred by", a question).
    reason: tuple[str, ...] = ()
    #: Written for this reader: their name, their work, a group both are in.
    personal: tuple[str, ...] = ()
    #: The reader's first name, when the note uses it: a greeting any template can make.
    addressed: tuple[str, ...] = ()
    #: A proposal to talk ("set up a time", "a quick call", "coffee chat", "Zoom").
    proposal: tuple[str, ...] = ()
    #: Template wording ("I'd like to add you to my professional network").
    generic: tuple[str, ...] = ()
    #: A sales pitch, as the ``hard-sell`` rule quotes it.
    pitch: tuple[str, ...] = ()
    #: How clear that pitch is: ``"clear"``, ``"weak"`` or ``"none"``.
    pitch_level: str = "none"

    @property
    def missing(self) -> tuple[str, ...]:
        """What the seed asks of a note and this one lacks, among ``note``,
        ``introduction``, ``reason`` and ``proposal``; and ``no-pitch`` when it pitches."""
        if not self.present:
            return ("note",)
        lacking = tuple(name for name in ("introduction", "reason", "proposal") if not getattr(self, name))
        return (*lacking, "no-pitch") if self.pitch_level != "none" else lacking

    @property
    def is_personal(self) -> bool:
        """Whether the note was written for this reader: more than a greeting by name,
        which any template fills in."""
        return any(p not in self.addressed for p in self.personal)

    @property
    def is_pitch(self) -> bool:
        """Whether the note is a clear sales pitch: then its friendly words earn nothing.

        A weaker sales signal leaves the note's reason standing; ``hard-sell`` weighs it.
        """
        return self.pitch_level == "clear"

    @property
    def score(self) -> float:
        """The ``note-present`` rule's score for this note."""
        if not self.present:
            return NO_NOTE_SCORE
        if self.is_pitch:
            return GENERIC_SCORE
        extras = self.is_personal + bool(self.introduction) + bool(self.proposal)
        if self.reason:
            return min(MAX_SCORE, REASON_SCORE + BONUS * extras)
        # Without a reason a note counts for little, however friendly: a template at best.
        return GENERIC_SCORE + BONUS * extras

    @property
    def summary(self) -> str:
        """One sentence saying what the note does, for a vote's reason."""
        if not self.present:
            return "no note: nothing says why to connect"
        if self.is_pitch:
            return "the note is a sales pitch, not a reason to connect"
        parts = [
            text
            for text, found in (
                ("is personal", self.is_personal),
                ("introduces the sender", self.introduction),
                ("proposes a conversation", self.proposal),
            )
            if found
        ]
        if self.reason:
            return "note says why to connect" + "".join(f", {p}" for p in parts)
        if parts:
            return "note " + ", ".join(parts) + ", but does not say why to connect"
        return "generic note: it could have been sent to anyone"

    @property
    def evidence(self) -> tuple[str, ...]:
        """The phrases that the score rests on, most telling first."""
        if self.is_pitch:
            return self.pitch
        found: list[str] = []
        for part in (self.reason, self.personal, self.introduction, self.proposal, self.generic):
            found.extend(p for p in part if p not in found)
        return tuple(found[:_MAX_EVIDENCE])

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "present": self.present,
            "score": self.score,
            "missing": list(self.missing),
            "introduction": list(self.introduction),
            "reason": list(self.reason),
            "personal": list(self.personal),
            "proposal": list(self.proposal),
            "generic": list(self.generic),
            "pitch": list(self.pitch),
            "pitch_level": self.pitch_level,
        }


NO_NOTE = NoteReview(present=False)


def first_name(name: str | None) -> str | None:
    """The first word of *name* that is not a title, folded; ``None`` if there is none."""
    if not name:
        return None
    for word in normalize(name).replace(".", " ").split():
        if len(word) >= 2 and word not in _TITLES:
            return word
    return None


class Reviewer:
    """The note-present rule's prepared settings: compiled phrases, and a cache.

    Args:
        extra: Phrase templates to add, by category (a key of `CATEGORIES`).
        pitches: What finds a pitch in the note.
    """

    def __init__(
        self, extra: Mapping[str, tuple[str, ...]] | None = None, *, pitches: PitchFinder = DEFAULT_FINDER
    ) -> None:
        extra = extra or {}
        self._phrases = PhraseBook({name: (*CATEGORIES[name], *extra.get(name, ())) for name in CATEGORIES})
        self._pitches = pitches
        self._cached = functools.lru_cache(maxsize=8192)(self._review)
        self._vote_cached = functools.lru_cache(maxsize=8192)(self._vote)

    def vote(
        self, text: str | None, recipient: str | None, sender: str | None, groups: tuple[str, ...]
    ) -> Vote:
        """The rule's vote on *text*, read as `review` reads it."""
        recipient, sender, groups = _bounded(recipient, sender, groups)
        if text is not None and len(text) > CACHED_LENGTH:
            return self._vote(text, recipient, sender, groups)
        return self._vote_cached(text, recipient, sender, groups)

    def _vote(
        self, text: str | None, recipient: str | None, sender: str | None, groups: tuple[str, ...]
    ) -> Vote:
        review = self.review(text, recipient, sender, groups)
        return Vote(score=review.score, reason=review.summary, evidence=review.evidence)

    def review(
        self,
        text: str | None,
        recipient: str | None = None,
        sender: str | None = None,
        groups: tuple[str, ...] = (),
    ) -> NoteReview:
        """Review *text* written by someone called *sender* to someone called *recipient*,
        who share *groups* (first names and group names as written)."""
        recipient, sender, groups = _bounded(recipient, sender, groups)
        if text is None or len(text) > CACHED_LENGTH:
            return self._review(text, recipient, sender, groups)
        return self._cached(text, recipient, sender, groups)

    def _review(
        self, text: str | None, recipient: str | None, sender: str | None, groups: tuple[str, ...]
    ) -> NoteReview:
        if text is None:
            return NO_NOTE
        normalized, folded = views(text, limit=READ_LENGTH)
        if not folded:
            return NO_NOTE
        matches = self._phrases.matches_in_skeleton(folded)
        found = {name: [m.words for m in matches.get(name, ())] for name in CATEGORIES}
        named = [group for group in groups if find_phrases(normalized, [normalize(group)])]
        found["reason"] += named
        found["personal"] += named
        reader = first_name(recipient)
        addressed = []
        if reader and find_phrases(normalized, [reader]):
            found["personal"].insert(0, reader)
            addressed.append(reader)
        writer = skeleton(first_name(sender) or "")
        if writer:
            found["introduction"] += introductions(folded, writer)
        pitch = self._pitches.find(text)
        return NoteReview(
            present=True,
            **{name: _quoted(text, words) for name, words in found.items()},
            addressed=_quoted(text, addressed),
            pitch=pitch.evidence if pitch else (),
            pitch_level=pitch.level if pitch else "none",
        )


def _bounded(
    recipient: str | None, sender: str | None, groups: tuple[str, ...]
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The names cut to a name's length, and the groups that can be names, 50 at most."""
    return (
        recipient[:_MAX_NAME] if recipient else None,
        sender[:_MAX_NAME] if sender else None,
        tuple(group for group in groups[:_MAX_GROUPS] if len(group) <= _MAX_NAME),
    )


#: What a writer says just before giving their name.
_BEFORE_A_NAME = PhraseSet(["(i'm|i am|this is|it's|my name is)"])


def introductions(folded: str, name: str) -> list[str]:
    """The words of *folded* (a skeleton) in which the writer called *name* (a skeleton)
    gives their name: "I'm NAME", "I am NAME", "this is NAME", "it's NAME", "my name is
    NAME", or "NAME here".

    As a `PhraseSet` of the templates ``(i'm|i am|this is|it's|my name is) NAME`` and
    ``NAME here`` finds them (leftmost first, none overlapping, the first template first
    at one place), without compiling templates for each name.

    Args:
        folded: The note's skeleton.
        name: The writer's first name, as a skeleton.

    Returns:
        The words of each introduction, as they read in *folded*.
    """
    at_name = word_positions(folded, name)
    if not at_name:
        return []
    found = []  # (start, which template, end)
    starts = set(at_name)
    for match in _BEFORE_A_NAME.matches_in_skeleton(folded):
        after = match.start + len(match.words) + 1
        if after in starts:
            found.append((match.start, 0, after + len(name)))
    here = f"{name} here"
    found += [(start, 1, start + len(here)) for start in word_positions(folded, here)]
    found.sort()
    words: list[str] = []
    cursor = 0
    for start, _template, end in found:
        if start >= cursor:
            words.append(folded[start:end])
            cursor = end
    return words


def _quoted(text: str, words: Iterable[str]) -> tuple[str, ...]:
    quotes: list[str] = []
    for word in words:
        quote = find_original(text, word) or word
        if quote not in quotes:
            quotes.append(quote)
    return tuple(quotes)
