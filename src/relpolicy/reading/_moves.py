"""The moves of a note or a headline: frames over the word classes of each sentence.

A move is what a sentence does: offers the reader a service, claims results, names a
price, presses to act, or says where the writer met the reader, what of theirs they
read, who sent them. Each frame asks who acts, what is offered and to whom, using the
classes of `relpolicy.reading._words`; none looks for a remembered sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from ._tagging import Sentence

#: The families of moves, and what each says of a request.
PITCH = "pitch"
REASON = "reason"
STOCK = "stock"
NOTE = "note"

#: Moves of a pitch that, from someone looking for work, are their record: "I grew
#: sales 40% last year" sells the writer, not something to the reader.
RECORD = frozenset({"claim", "savings", "result_rate"})


@attrs.frozen
class Move:
    """One move found in a text."""

    #: What the move is, such as ``offer`` or ``met``.
    kind: str
    #: Its family: ``pitch``, ``reason``, ``stock`` or ``note`` (an introduction, a
    #: proposal to talk, seeking work).
    family: str
    #: Where it was found: ``note`` or ``headline``.
    where: str
    #: The folded words it rests on.
    words: str


Span = tuple[int, int]
Frame = Callable[[Sentence], "Span | None"]

# -- helpers -------------------------------------------------------------------------


def _near(
    sentence: Sentence, left: str | tuple[str, ...], right: str | tuple[str, ...], within: int
) -> Span | None:
    """The first span from a word of *left* to a word of *right* at most *within* words after it."""
    lefts = sentence.at(*((left,) if isinstance(left, str) else left))
    rights = sentence.at(*((right,) if isinstance(right, str) else right))
    for start, end in lefts:
        for other_start, other_end in rights:
            if end <= other_start <= end + within:
                return start, other_end
    return None


def _around(sentence: Sentence, *groups: tuple[str, ...]) -> Span | None:
    """The span that covers one word of each group of classes, when every group is present."""
    spans = []
    for group in groups:
        found = sentence.at(*group)
        if not found:
            return None
        spans.append(found[0])
    return min(s for s, _e in spans), max(e for _s, e in spans)


_MONEY = re.compile(
    r"(?:[$€£]\s?\d[\d,.]*\s?[km]?\b|\b\d[\d,.]*\s?(?:k|m|mm|dollars|usd|eur|gbp|euros?)\b)", re.I
)
_PERCENT = re.compile(r"\b\d{1,3}(?:[.,]\d+)?\s?(?:%|percent\b)")
_FIGURE = re.compile(
    r"\b(?:6|7|8|six|seven|eight|five|5)[\s-](?:and|or|to|&)?[\s-]?(?:7|8|9|seven|eight|nine)?[\s-]?figures?\b"
)
_QUOTED_WORD = re.compile(
    r"""(?:reply|dm|message|text|comment|type|send|write)\b[^.!?"'“”‘’]{0,20}["'“”‘’]\s?[a-z0-9]{2,20}\s?["'“”‘’]"""
)
_SHOUTED_WORD = re.compile(
    r"\b(?i:reply|dm|message|text|comment|type)\b(?:\s+(?i:me|us|the word|with|back))*"
    r"\s+[\"'“‘]?[A-Z]{2,20}\b"
)
_LINK = re.compile(
    r"https?://|www\.|\b[a-z0-9-]+\.(?:com|io|co|ai|net|org|ly|me|app|link)\b(?:/\S*)?|calendly|bit\.ly"
)
_MULTIPLE = re.compile(r"\b\d+(?:\.\d+)?\s?x\b")


def _in_words(sentence: Sentence, pattern: re.Pattern[str]) -> Span | None:
    """The words that *pattern* matches in the sentence's words, joined by spaces."""
    joined = " ".join(sentence.words)
    match = pattern.search(joined)
    if match is None:
        return None
    start = joined.count(" ", 0, match.start())
    return start, start + match.group().strip().count(" ") + 1


def _money(sentence: Sentence) -> bool:
    return "MONEY" in sentence.marks and _MONEY.search(sentence.light) is not None


def _number_near(sentence: Sentence, names: tuple[str, ...], within: int = 4) -> Span | None:
    """A figure (a number, money, a percentage) at most *within* words from a word of *names*."""
    if not sentence.has_number:
        return None
    numbers = [i for i, word in enumerate(sentence.words) if any(c.isdigit() for c in word)]
    for start, end in sentence.at(*names):
        for index in numbers:
            if start - within <= index < end + within:
                return min(start, index), max(end, index + 1)
    return None


# -- the moves of a pitch ------------------------------------------------------------

_AGENT = ("SELF", "US")
_SOLD = ("SERVICE", "OUTCOME", "GROW", "SAVE")


def offer(sentence: Sentence) -> Span | None:
    """The writer (or their firm) offers the reader something commercial.

    "I can get you more clients", "our team handles your billing": someone of *us*, a
    verb of offering a few words on, then *you* or the reader's business, and a service
    or an outcome, in one sentence.
    """
    found = _offer(sentence, ("YOU", "READER_BUSINESS"), _SOLD) or _in_words(sentence, _BE_YOURS)
    if found is None and _LIKE_YOURS.search(sentence.light):
        found = _offer(sentence, ("AUDIENCE",), _SOLD)  # ("clinics like yours")
    return found or _offer(sentence, ("AUDIENCE",), ("OUTCOME", "GROW", "SAVE"))  # ("get more clients")


_NOT_THEIRS = frozenset({"a", "an", "my", "our"})

#: The writer offers to serve the reader: "I'd love to be your go-to lender".
_BE_YOURS = re.compile(
    r"\b(?:i|we|id|wed|ill|well|me|us)\b(?: \w+){0,3} be your "
    r"(?:go to |trusted |preferred |new |local |next )?"
    r"(?!friend|mentor|mentee|student|neighbou?r|colleague)\w+"
)


def market_offer(sentence: Sentence) -> Span | None:
    """The writer offers a market a service: "we build websites for dentists".

    Said to someone of that market it is a pitch; said to anyone else it says who the
    writer is. Weighed apart from `offer` for that reason.
    """
    if offer(sentence) is not None:
        return None
    return _offer(sentence, ("AUDIENCE",), _SOLD)


def _offer(sentence: Sentence, reader: tuple[str, ...], what: tuple[str, ...]) -> Span | None:
    if not sentence.has("OFFER") or not sentence.has(*_AGENT) or not sentence.has(*what):
        return None
    agents = sentence.at(*_AGENT)
    words = sentence.words
    # "a retail store", "my agency": a business, but not the reader's
    readers = []
    for start, end in sentence.at(*reader):
        before = words[max(0, start - 2) : start]
        if "your" in before or _NOT_THEIRS.isdisjoint(before):
            readers.append((start, end))
    sold = sentence.at(*what)
    for verb_start, verb_end in sentence.at("OFFER"):
        if not any(end <= verb_start <= end + 5 for _start, end in agents):
            continue
        if verb_start and sentence.words[verb_start - 1] in ("who", "that", "which"):
            continue  # (someone else does it: "someone who manages software teams")
        things = [(start, end) for start, end in sold if verb_start <= start <= verb_end + 10]
        if not things:
            continue
        # the reader stands between the verb and what is sold ("get you more clients",
        # "take over your payroll"), or follows it after "for" ("websites for clinics");
        # "we serve uninsured clients" names whom, and sells nothing
        between = any(
            verb_end <= start <= verb_end + 3 and any(thing >= end for thing, _e in things)
            for start, end in readers
        )
        after = any(
            sentence.words[end : end + 1] == ("for",)
            and any(start in (end + 1, end + 2) for start, _e in readers)
            for _start, end in things
        ) or any(verb_start <= start <= verb_end and start == verb_start for start, _e in readers)
        if between or after:
            agent = max(start for start, end in agents if end <= verb_start)
            return agent, max(end for _start, end in things)
    return None


def promise(sentence: Sentence) -> Span | None:
    """The writer promises the reader a result: "I will find you a job", "we'll get you
    three offers", "I can land you 10 new clients": *I* or *we*, a verb of delivering,
    *you*, then what is delivered."""
    words = sentence.words
    if not sentence.has(*_AGENT) or not sentence.has("YOU"):
        return None
    agents = [end for _start, end in sentence.at(*_AGENT)]
    for index, word in enumerate(words[:-2]):
        if word not in _DELIVERS or not any(end <= index <= end + 8 for end in agents):
            continue
        if words[index + 1] not in ("you", "u", "your"):
            continue
        better = [i + 1 for i in range(index + 2, min(len(words), index + 7)) if words[i] in _BETTER]
        delivered = [
            end
            for start, end in sentence.at("OUTCOME", "JOB", "SERVICE", "GROW")
            if index + 1 < start <= index + 6
        ]
        figures = [
            i + 1 for i in range(index + 2, min(len(words), index + 5)) if any(c.isdigit() for c in words[i])
        ]
        if delivered or figures or better:
            return index, (delivered or figures or better)[0]
    return None


_BETTER = frozenset({"faster", "sooner", "quicker", "cheaper", "higher", "more"})
#: Verbs of delivering a result to someone.
_DELIVERS = frozenset(
    {"get", "find", "land", "bring", "book", "fill", "deliver", "send", "win", "double", "triple",
     "grow", "generate", "guarantee", "make", "put", "score", "secure"}
)  # fmt: skip


def result_rate(sentence: Sentence) -> Span | None:
    """Results counted by the month: "25 qualified leads a month", "15 new patients a
    week", "we help agents book 40 appointments a quarter"."""
    words = sentence.words
    outcomes = sentence.at("OUTCOME", "JOB", "AUDIENCE", "MEETING")
    for index, word in enumerate(words):
        if not word[:1].isdigit() and not word[1:2].isdigit():
            continue
        ends = [end for start, end in outcomes if index < start <= index + 4]
        if not ends:
            continue
        end = ends[0]
        if not _PERIOD.match(" ".join(words[end : end + 2])):
            continue
        between = words[index + 1 : end]
        before = words[max(0, index - 6) : index]
        if any(w in _MORE for w in between) or any(w in _DELIVERY_VERBS for w in before):
            return max(0, index - 2), min(len(words), end + 2)
    return None


_PERIOD = re.compile(
    r"(?:a|an|per|every|each|in a|in one|this|next)\s(?:day|week|month|quarter|year|mo|wk)\b"
    r"|monthly\b|weekly\b"
)
_MORE = frozenset({"new", "more", "extra", "qualified", "additional", "booked", "fresh", "warm", "signed"})
_DELIVERY_VERBS = frozenset(
    {"get", "gets", "bring", "brings", "land", "lands", "book", "books", "fill", "fills", "deliver",
     "delivers", "generate", "generates", "drive", "drives", "add", "adds", "win", "wins", "attract",
     "attracts", "send", "sends", "produce", "produces", "help", "helps", "helping", "helped"}
)  # fmt: skip


def deadline(sentence: Sentence) -> Span | None:
    """A reply pressed for by a date: "if you respond by Friday", "reply today"."""
    return _in_words(sentence, _DEADLINE)


_DEADLINE = re.compile(
    r"\b(?:reply|replies|respond|answer|book|sign up|register|claim|grab|act|decide|confirm|lock in|"
    r"message me|dm me|get back to me)\b[^.!?]{0,30}?\b(?:by|before|until|ends?|closes?)\s"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|midnight|"
    r"end of|the end|eod|eow|noon)"
    r"|\b(?:reply|respond|answer|book|sign up|register|claim|grab|act|confirm|lock in)\b[^.!?]{0,25}?"
    r"\b(?:today|tonight|this week|within \d+ (?:hours|days)|in the next \d+)"
)


def case_study(sentence: Sentence) -> Span | None:
    """Another customer's results, told to sell: "a customer of ours cut repeat incidents
    by 38%", "we've helped teams like yours keep roadmaps on track for half the cost",
    "six nurses from the last round signed their first paying clients"."""
    customers = _in_words(sentence, _CUSTOMERS)
    if customers is None:
        return None
    if (
        _PERCENT.search(sentence.light)
        or _in_words(sentence, _HALF) is not None
        or sentence.has("GROW", "SAVE")
        or (sentence.has_number and sentence.has("OUTCOME"))
        or _money(sentence)
    ):
        return customers
    return None


_CUSTOMERS = re.compile(
    r"\b(?:(?:a |one |another )?(?:customer|client|user|member)s? of (?:ours|mine)"
    r"|(?:our|my) (?:customers|clients|users|members|students|partners)"
    r"|(?:teams|companies|firms|clinics|practices|businesses|agencies|agents|brokers|shops|stores|schools|"
    r"coaches|nurses|people|owners|leaders) like (?:yours|you)"
    r"|(?:a|an|one|another) (?:\w+ )?(?:of )?your size"
    r"|(?:from|in|of) (?:the|our|my) (?:last|previous|first) (?:round|cohort|group|class|batch))\b"
)
_HALF = re.compile(r"\b(?:half|a fraction of|a third of) the (?:cost|price|time)\b")


def free_offer(sentence: Sentence) -> Span | None:
    """Something sold, given away to start: "a free audit", "a complimentary consult".

    What a charity gives away is no sale: "a nonprofit that offers free resume reviews".
    """
    if sentence.has("TOOK_IN") or any(word in _CHARITY for word in sentence.words):
        return None
    first_free = _in_words(sentence, _FIRST_FREE)
    if first_free is not None:
        return first_free  # (the first of many, and the rest are paid for)
    no_cost = _in_words(sentence, _NO_COST)
    if no_cost is not None and sentence.has(*_AGENT) and sentence.has(*_SOLD_FREE):
        return no_cost  # (not a gift: "lumber, free of charge, for the school garden")
    for start, end in sentence.at("SERVICE", "MEETING", "PRICE"):
        before = sentence.words[max(0, start - 4) : start]
        if "your" in before:
            continue
        free = [start - len(before) + i for i, word in enumerate(before) if word in _FREE]
        if end < len(sentence.words) and sentence.words[end] in ("free", "complimentary"):
            free.append(end)
        if free and not _not_given(sentence.words[max(0, free[0] - 3) : free[0]]):
            return max(0, start - 4), min(len(sentence.words), end + 1)
    return None


def _not_given(before: tuple[str, ...]) -> bool:
    """Whether "free" after *before* is the reader's time or a favour asked, not a gift:
    "if you have a free half hour", "not asking for free work"."""
    return _READERS_FREE.search(" ".join(before)) is not None


_READERS_FREE = re.compile(r"\b(?:you (?:have|had|get|got)|youve got|youre|asking for|ask for|expect)\b")


_NO_COST = re.compile(
    r"\b(?:at no (?:extra )?cost|free of charge|at no charge|no charge to you|on the house|on us)\b"
)
_FIRST_FREE = re.compile(
    r"\b(?:the )?first (?:one|session|month|call|post|consult|lesson|week|class)"
    r"(?:s| is) (?:on me|on us|free)\b"
)
#: What a free offer gives away when it starts a sale.
_SOLD_FREE = ("SERVICE", "MEETING", "PRICE", "OUTCOME", "GROW", "SAVE", "READER_BUSINESS")
_CHARITY = frozenset(
    {"nonprofit", "charity", "charities", "volunteer", "volunteers", "volunteering", "library", "church",
     "bono", "donated", "donation", "pantry", "shelter"}
)  # fmt: skip
_FREE = frozenset({"free", "complimentary", "freebie", "gratis", "nocost", "zero cost", "nocharge"})


def vendor(sentence: Sentence) -> Span | None:
    """A writer who says which market they sell to: "I work with independent food
    businesses", "we partner with hospital departments", "I specialize in teacher home
    loans", "a mastermind for coaches"."""
    for start, end in sentence.at("OFFER"):
        agents = [a for a, e in sentence.at(*_AGENT) if e <= start <= e + 2]
        if not agents or sentence.words[agents[0] + 1 : start + 1][:1] in (("both",), ("also",), ("too",)):
            continue  # ("we both support job seekers": common ground)
        markets = [span for span in sentence.at("AUDIENCE") if end <= span[0] <= end + 4]
        if markets:
            return agents[0], markets[0][1]
        if sentence.text(start, end).startswith("speciali"):
            sold = [span for span in sentence.at("SERVICE") if end <= span[0] <= end + 4]
            if sold:
                return agents[0], sold[0][1]
    for start, end in sentence.at("SERVICE", "OUTCOME"):
        if sentence.text(start, end) in _GENERIC_SERVICES:
            continue
        rest = sentence.words[end : end + 3]
        if (
            rest
            and rest[0] in ("for", "to")
            and any(span[0] in (end + 1, end + 2) for span in sentence.at("AUDIENCE"))
        ):
            return start, end + 3
    return None


#: Words of things sold that name as often what schools and charities run.
_GENERIC_SERVICES = frozenset(
    {"program", "programs", "programme", "programmes", "course", "courses", "plan", "plans", "review",
     "reviews", "report", "reports", "sample", "samples", "evaluation", "campaign", "pilot", "pilots",
     "kit", "kits", "box", "boxes", "membership", "feature", "product", "products", "supplies",
     "equipment", "videos", "data"}
)  # fmt: skip


def ask(sentence: Sentence) -> Span | None:
    """A short question that asks for a yes to an offer: "Interested?", "Want in?"."""
    found = sentence.at("ASK")
    if found and (sentence.question or len(sentence.words) <= 8 or sentence.has("CALL_TO_ACTION", "MEETING")):
        return found[0]
    return None


def deal(sentence: Sentence) -> Span | None:
    """Terms of a sale: "a special partner rate", "pay per signed case", "20% off"."""
    found = sentence.at("DEAL")
    if found:
        return found[0]
    if "off" in sentence.words and _PERCENT_OFF.search(sentence.light):
        return _in_words(sentence, _WORDS_OFF)
    return None


_PERCENT_OFF = re.compile(r"\b\d{1,2}\s?(?:%|percent) off\b")
_WORDS_OFF = re.compile(r"\b\d{1,2} (?:percent )?off\b")


def denial(sentence: Sentence) -> Span | None:
    """ "I'm not selling anything": said mostly before a pitch."""
    found = sentence.at("DENIAL")
    return found[0] if found else None


_FROM_TO = re.compile(r"\bfrom\s[$€£]?\d[\d,.]*\s?[km]?\s(?:\w+\s)?to\s[$€£]?\d")
_CHANGE = re.compile(
    r"\b\d{1,3}(?:[.,]\d+)?\s?(?:%|percent)\s(?:\w+\s)?(?:more|less|fewer|higher|lower|increase|reduction|decrease"
    r"|drop|lift|uplift|growth|boost|improvement|faster|cheaper|savings?|roi|return)\b"
    r"|\b(?:increase|reduction|decrease|drop|lift|uplift|growth|boost|improvement|savings?)\s"
    r"(?:of\s|by\s)?(?:up to\s)?\d{1,3}(?:[.,]\d+)?\s?(?:%|percent)"
)


def claim(sentence: Sentence) -> Span | None:
    """A figure of results: "30% more bookings", "$50k months", "doubled collections",
    "went from 400 to 11k followers", "we booked 140 meetings for a SaaS"."""
    figure = _in_words(sentence, _FIGURE) or _in_words(sentence, _CHANGE)
    if figure is not None:
        return figure
    if _FIGURE.search(sentence.light) or _CHANGE.search(sentence.light):
        found = sentence.at("OUTCOME", "GROW", "SAVE")
        return found[0] if found else (0, min(6, len(sentence.words)))
    if _FROM_TO.search(sentence.light) and sentence.has("OUTCOME", "GROW", "AUDIENCE"):
        return _around(sentence, ("OUTCOME", "GROW", "AUDIENCE"))
    if sentence.has(*_AGENT):
        near = _number_near(sentence, ("OUTCOME",), 3)
        if near is not None and (
            sentence.has("GROW") or any(word in _MORE for word in sentence.words[near[0] : near[1]])
        ):
            return near
    if _money(sentence) and sentence.has("GROW") and sentence.has("AUDIENCE", "READER_BUSINESS", "OUTCOME"):
        return _around(sentence, ("GROW",))
    if (
        sentence.has("US")
        and sentence.has("AUDIENCE")
        and (_PERCENT.search(sentence.light) or _money(sentence))
    ):
        return _around(sentence, ("US",), ("AUDIENCE",))
    near = _number_near(sentence, ("OUTCOME",), 4)
    if near is not None and (sentence.has("GROW", "SAVE") or _PERCENT.search(sentence.light)):
        return near
    grow = _near(sentence, "GROW", "OUTCOME", 3)
    if grow is not None and sentence.has(*_AGENT, "AUDIENCE") and sentence.has_number:
        return grow
    if _MULTIPLE.search(sentence.light) and sentence.has("OUTCOME", "GROW", "SERVICE", "AUDIENCE"):
        return 0, min(6, len(sentence.words))
    return None


def savings(sentence: Sentence) -> Span | None:
    """Spending less, promised: "cut your processing fees by 30%", "reduce engineering cost"."""
    cut = _near(sentence, "SAVE", "YOU", 1)
    if cut is not None and _BY_HOW_MUCH.search(sentence.light):
        return cut[0], min(len(sentence.words), cut[1] + 3)
    found = _near(sentence, "SAVE", "COST", 7)
    if found is None or sentence.words[found[0] + 1 : found[0] + 2] in (("our",), ("my",)):
        return None  # ("it saved our team time": the reader's help, not an offer)
    if sentence.has("YOU", "AUDIENCE") or (sentence.has_number and sentence.has("US", "SERVICE")):
        return found
    return None


_BY_HOW_MUCH = re.compile(r"\b(?:by|up to)\s\d{1,3}(?:[.,]\d+)?\s?(?:%|percent)|\bin half\b|\bby half\b")
_PRICED = re.compile(
    r"(?:\b(?:only|just|flat|from|starting at|at)\s)"
    r"(?:[$€£]\s?\d|(?:usd|eur|gbp|inr|rs)\.?\s?\d|\d[\d,.]*\s?(?:dollars|usd|eur|euros?))"
    r"|(?:[$€£]\s?\d[\d,.]*\s?[km]?|\d[\d,.]*\s?(?:dollars|usd|eur|euros?))\s?"
    r"(?:/|per\s|a\s|an\s)\s?(?:month|mo|hour|hr|year|yr|week|session|user|seat|post|lead|call|head|location)\b"
    r"|(?:[$€£]\s?\d[\d,.]*\s?[km]?)\s(?:each|apiece|a piece|per)\b"
    r"|(?:[$€£]\s?\d[\d,.]*\s?[km]?)\s(?:off|discount)\b"
)


def price(sentence: Sentence) -> Span | None:
    """A price for something sold: "$349/month", "from $22 an hour", "only $99"."""
    if _PRICED.search(sentence.light) is None:
        return None
    words = sentence.words
    for index, word in enumerate(words):
        if any(c.isdigit() for c in word):
            return max(0, index - 1), min(len(words), index + 3)
    found = sentence.at("PRICE", "SERVICE")
    return found[0] if found else (0, min(4, len(words)))


def call_to_action(sentence: Sentence) -> Span | None:
    """A push to act now: "book a call", "reply YES", "DM me 'SCALE'", a link to a calendar."""
    light = sentence.light
    if _QUOTED_WORD.search(light) or _LINK.search(light):
        found = sentence.at("CALL_TO_ACTION")
        return found[0] if found else (0, min(len(sentence.words), 4))
    actions = sentence.at("CALL_TO_ACTION")
    if not actions:
        return None
    start, end = actions[0]
    skipped = sum(1 for word in sentence.words[:start] if word in _OPENERS)
    if start == skipped and end < len(sentence.words):  # (an imperative opens the sentence)
        return start, min(len(sentence.words), end + 3)
    return None


_OPENERS = frozenset(
    {"just", "simply", "so", "please", "pls", "then", "now", "go", "ahead", "and", "or", "hey", "hi"}
)


def shouted_call(text: str) -> bool:
    """ "Reply YES", "DM me SCALE": a call to act with a word in capitals (read as written)."""
    folded = text.casefold()  # (what the pattern needs, looked for first: it is quicker)
    if not any(verb in folded for verb in _SHOUTED_VERBS):
        return False
    return _SHOUTED_WORD.search(text) is not None


_SHOUTED_VERBS = ("reply", "dm", "message", "text", "comment", "type")


def meeting(sentence: Sentence) -> Span | None:
    """A push for a call: counted only beside another move of a pitch."""
    found = [span for span in sentence.at("MEETING") if sentence.text(*span) not in _DEMOS]
    if found and (sentence.has("PROPOSE", "CALL_TO_ACTION", "ASK") or sentence.question):
        return found[0]
    return None


def demo(sentence: Sentence) -> Span | None:
    """A push for a demo or a walk-through: "can we schedule a demo for your team"."""
    found = [span for span in sentence.at("MEETING", "SERVICE") if sentence.text(*span) in _DEMOS]
    if not found or sentence.has("TOOK_IN", "THANKS"):
        return None
    start = found[0][0]
    if any(word in _NOT_PUSHED for word in sentence.words[max(0, start - 2) : start]):
        return None  # (the reader's demo, one seen before, or "the final demos" of an event)
    if sentence.has("CALL_TO_ACTION", "PROPOSE", "ASK", "OFFER") or sentence.question:
        return found[0]
    return None


_NOT_PUSHED = frozenset({"you", "your", "the", "booth", "our"})
_DEMOS = frozenset(
    {"demo", "demos", "walkthrough", "walk through", "walk you through", "show you how", "show you",
     "discovery call",
     "strategy call", "send you a demo", "send a demo", "demo video", "2 min video", "short video",
     "quick video", "loom", "consultation", "strategy session", "discovery session"}
)  # fmt: skip


def scarcity(sentence: Sentence) -> Span | None:
    """Pressure of time or of few places: "only 3 spots left", "closes Friday"."""
    found = sentence.at("SCARCITY")
    if found:
        return found[0]
    if _FEW_LEFT.search(sentence.light):
        return 0, min(5, len(sentence.words))
    return None


_FEW_LEFT = re.compile(
    r"\b(?:only|just|opening|open|have|got|taking|accepting)\s"
    r"(?:\d+|one|two|three|four|five|a few|a handful of)\s"
    r"(?:\w+\s)?(?:spots?|seats?|slots?|places?|clients?|partners?|agents?|practices?|firms?|teachers?)\b"
)


def guarantee(sentence: Sentence) -> Span | None:
    """A promise of results or of no risk: "results guaranteed", "or your money back".

    A bare "guarantee" counts only beside something sold or promised (a service, an
    outcome, a job, a figure): "I guarantee you won't regret connecting" promises nothing.
    """
    found = [span for span in sentence.at("GUARANTEE") if sentence.text(*span) != "promise"]
    if not found or sentence.has("FOLLOW_UP"):
        return None
    strong = [span for span in found if sentence.text(*span) not in _BARE_GUARANTEE]
    if strong:
        return strong[0]
    if sentence.has("SERVICE", "OUTCOME", "JOB", "GROW", "SAVE", "COST") or sentence.has_number:
        return found[0]
    return None


_BARE_GUARANTEE = frozenset({"guarantee", "guaranteed", "guarantees", "guaranteeing", "promises"})


def opportunity(sentence: Sentence) -> Span | None:
    """Money offered on the side: a commission, an income, an investment's returns."""
    if sentence.has("SEEKING", "JOB") and sentence.has("SELF") and not sentence.has("YOU"):
        return None  # (the writer's own job search)
    found = [span for span in sentence.at("OPPORTUNITY") if sentence.text(*span) not in _WEAK_OPPORTUNITY]
    if found and sentence.has("THEIR_WORK") and sentence.has("YOU") and not sentence.has("US"):
        return None  # (the subject of the reader's work: "your article on building a referral program")
    if found:
        if sentence.text(*found[0]) == "opportunity" and not sentence.has("US", "SELF", "OUTCOME", "SERVICE"):
            return None
        return found[0]
    weak = sentence.at("OPPORTUNITY")
    if weak and (_money(sentence) or _PERCENT.search(sentence.light)):
        return weak[0]
    return None


_WEAK_OPPORTUNITY = frozenset(
    {"earn", "earns", "earning", "earnings", "invest", "investing", "investment", "investors", "wealth",
     "portfolio", "profits", "returns", "roi", "yield", "team building", "on the side"}
)  # fmt: skip


def product(sentence: Sentence) -> Span | None:
    """The writer's product, put to the reader's kind of business: "our platform freed up
    two beds a day at a unit like yours", "we make chatbots for bakeries"."""
    for start, end in sentence.at("SERVICE"):
        owners = [a for a, e in sentence.at("US") if e <= start <= e + 3] or [
            index for index in range(max(0, start - 4), start) if sentence.words[index] in _MINE
        ]
        if not owners or sentence.text(start, end) in _GENERIC_SERVICES:
            continue
        if (
            sentence.has("AUDIENCE", "GROW", "SAVE", "OUTCOME")
            or _LIKE_YOURS.search(sentence.light)
            or (sentence.has_number and sentence.has("YOU"))
        ):
            return owners[0], end
    return None


_MINE = frozenset({"my", "ive", "have"})
_LIKE_YOURS = re.compile(r"\b(?:like yours|your size|like you)\b")


def paid_feature(sentence: Sentence) -> Span | None:
    """Being featured, for a fee: "guests make a small production contribution", "a promo
    package ($497)", "confirm your listing package"."""
    features = sentence.at("AWARD")
    if not features:
        return None
    if (
        _money(sentence)
        or sentence.has("DEAL")
        or any(sentence.text(*span) in _PAID for span in sentence.at("SERVICE"))
    ):
        return features[0]
    return None


_PAID = frozenset(
    {"sponsored", "sponsorship", "contribution", "production contribution", "promo package", "media kit",
     "guest package", "guest sponsorship", "package", "packages", "profile package", "listing package",
     "featured experts"}
)  # fmt: skip


def delivery(sentence: Sentence) -> Span | None:
    """A firm that delivers results to others: "we drive the leads", "we fill calendars"."""
    for start, end in sentence.at("GROW"):
        if not any(e <= start <= e + 2 for _s, e in sentence.at("US")):
            continue
        if start and sentence.words[start - 1] in ("a", "the", "our", "my"):
            continue  # ("we have a growing number of older members")
        results = [span for span in sentence.at("OUTCOME") if end <= span[0] <= end + 3]
        if results and sentence.words[results[0][0] - 1] not in ("our", "my"):
            return start, results[0][1]
    return None


def agitation(sentence: Sentence) -> Span | None:
    """Fault found with what the reader, or their kind, has: "your website looks
    outdated", "offices your size are paying $600 a month they don't need to"."""
    if not sentence.has("AGITATION", "FAULT") or not sentence.has("YOU", "READER_BUSINESS", "AUDIENCE"):
        return None
    faults = sentence.at("AGITATION", "FAULT")
    assets = _near(sentence, ("YOU", "READER_BUSINESS"), "ASSET", 3)
    if assets is not None and not sentence.has("TOOK_IN", "THANKS"):
        return min(assets[0], faults[0][0]), max(assets[1], faults[0][1])
    bad = sentence.at("AGITATION")
    if not bad:
        return None
    if _money(sentence) or _PERCENT.search(sentence.light) or sentence.has("OUTCOME", "COST"):
        return bad[0]
    if sentence.has("YOU") and sentence.has("AUDIENCE", "READER_BUSINESS"):
        return bad[0]
    return None


def award(sentence: Sentence) -> Span | None:
    """A prize or a feature for the reader, which is sold: "you have been nominated ...
    to confirm your place, a short call about the profile package"."""
    prizes = [span for span in sentence.at("AWARD") if sentence.text(*span) not in _SHOW_WORDS]
    if not prizes or not sentence.has("YOU", "CALL_TO_ACTION") or sentence.has("TOOK_IN"):
        return None
    paid = any(sentence.text(*span) in _PAID for span in sentence.at("SERVICE"))
    if paid or sentence.has("PRICE", "DEAL", "MEETING", "CALL_TO_ACTION", "ASK") or _money(sentence):
        return prizes[0]
    return None


_SHOW_WORDS = frozenset(
    {"guest", "guests", "episode", "listeners", "podcast", "list", "issue", "edition", "magazine"}
)


def launch(sentence: Sentence) -> Span | None:
    """A product launched, or one that will "redefine how organisations ..."."""
    found = sentence.at("LAUNCH")
    if found and (sentence.has("SERVICE", "AUDIENCE", "READER_BUSINESS") or len(found) >= 2):
        return found[0]
    return None


def service_headline(sentence: Sentence) -> Span | None:
    """A headline that lists what is sold and to whom: "I help coaches hit $20k months",
    "Websites for solo lawyers", "Leads for attorneys"."""
    offers = _near(sentence, "OFFER", ("AUDIENCE", "READER_BUSINESS"), 3)
    if offers is not None and (
        sentence.has("OUTCOME", "GROW", "SAVE", "SERVICE", "OPPORTUNITY") or sentence.has_number
    ):
        return offers
    grow = _near(sentence, ("GROW", "SAVE"), ("OUTCOME", "COST", "AUDIENCE"), 4)
    if grow is not None:
        return grow
    for start, end in sentence.at("SERVICE", "OUTCOME"):
        after = sentence.words[end : end + 4]
        if "for" in after or "to" in after:
            rest = sentence.words[end : end + 7]
            if any(word in _AUDIENCE_WORDS for word in rest):
                return start, end + len(rest)
    return None


def slogan(sentence: Sentence) -> Span | None:
    """A seller's slogan in a headline: "Helping shippers do more with less", "Let's talk
    freight", "Let's make your clients' dreams happen", "Revenue is a lifestyle"."""
    helping = _near(sentence, "OFFER", ("AUDIENCE", "READER_BUSINESS", "YOU"), 2)
    if helping is not None and (helping[0] == 0 or sentence.words[helping[0]].endswith("ing")):
        return helping  # ("Helping shippers ...", not "Leadership coach for new managers")
    words = sentence.words
    for index, word in enumerate(words[:-1]):
        if word in ("lets", "let") and words[index + 1] in _LETS:
            return index, index + 2
    if sentence.has("YOU") and sentence.has("OUTCOME", "GROW", "SAVE", "READER_BUSINESS"):
        return _around(sentence, ("YOU",), ("OUTCOME", "GROW", "SAVE", "READER_BUSINESS"))
    if sentence.has("OUTCOME", "GROW") and sentence.has("NUMBER") and len(words) <= 8:
        return _around(sentence, ("OUTCOME", "GROW"))
    return None


_LETS = frozenset(
    {"talk", "grow", "chat", "connect", "build", "work", "make", "scale", "win", "do", "partner", "us"}
)


def _audience_words() -> frozenset[str]:
    from ._words import AUDIENCE

    return frozenset(word for phrase in AUDIENCE for word in phrase.split())


_AUDIENCE_WORDS = _audience_words()


# -- the moves of a reason -----------------------------------------------------------


def met(sentence: Sentence) -> Span | None:
    """Meeting before: "great meeting you at the expo", "we met at", "good seeing you",
    "we were roommates"."""
    found = sentence.at("MET")
    if not found or not sentence.has("YOU", "EVENT", "US", "FOLLOW_UP", "SCHOOL", "COLLEAGUE", "GROUP"):
        return None
    start, end = found[0]
    before = sentence.words[max(0, start - 3) : start]
    after = sentence.words[end : end + 6]
    if any(word in _PLEASED for word in before):
        return max(0, start - 3), end
    if sentence.has("EVENT") or any(
        word in ("at", "last", "during", "yesterday", "earlier", "in") for word in after
    ):
        return start, min(len(sentence.words), end + 4)
    return None


_PLEASED = frozenset(
    {"nice", "great", "good", "lovely", "pleasure", "fun", "wonderful", "glad", "enjoyed", "was", "we", "i"}
)


def their_work(sentence: Sentence) -> Span | None:
    """What the reader made, taken in: "I read your article on", "loved your talk at"."""
    found = _near(sentence, ("TOOK_IN", "THANKS"), "YOU", 3)
    if found is not None:
        work = [span for span in sentence.at("THEIR_WORK", "EVENT") if span[0] >= found[1]]
        if work and work[0][0] <= found[1] + 7:
            return found[0], work[0][1]
    for start, end in sentence.at("YOU"):
        if sentence.words[start] not in ("your", "ur"):
            continue
        work = [span for span in sentence.at("THEIR_WORK") if start < span[0] <= end + 2]
        if work and (sentence.has("TOOK_IN", "THANKS") or _after_is_topic(sentence, work[0][1])):
            return start, work[0][1] + 1
    for index, word in enumerate(sentence.words[:-1]):
        if word == "you" and sentence.words[index + 1] in _THEY_DID:
            return index, index + 2
    return None


_THEY_DID = frozenset(
    {
        "wrote",
        "speak",
        "present",
        "said",
        "shared",
        "posted",
        "presented",
        "spoke",
        "mentioned",
        "answered",
        "gave",
        "taught",
        "asked",
        "were",
        "ran",
        "coached",
        "mentored",
        "interviewed",
        "hired",
        "trained",
        "supervised",
        "inspired",
        "helped",
        "recommended",
        "suggested",
        "explained",
        "described",
        "built",
        "designed",
        "led",
        "organized",
        "organised",
        "hosted",
        "published",
        "made",
        "did",
        "told",
        "talked",
        "argued",
    }
)


def _after_is_topic(sentence: Sentence, index: int) -> bool:
    return index < len(sentence.words) and sentence.words[index] in (
        "on",
        "about",
        "at",
        "in",
        "for",
        "from",
        "last",
    )


_NAME_SENT = re.compile(
    r"\b(?:Dr\.?\s|Prof\.?\s|Mr\.?\s|Mrs\.?\s|Ms\.?\s)?[A-Z][a-z]+(?:\s[A-Z][a-z'’]+)?,?\s"
    r"(?:(?:from|at|in|of|on)\s(?:[\w'’&.-]+\s){1,5})?(?:suggested|recommended|mentioned|said|told|tells|pointed|"
    r"introduced|referred|sent|passed|gave|thought|encouraged|insisted|asked|put|connected|raved|speaks|spoke)\b"
)
_FROM_CONTEXT = re.compile(
    r"(?:^|[.!?]\s+|\b(?:it'?s|its|this is|i'?m|im|i am)\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,?\s"
    r"(?:from|here from)\s(?:the|our|your|my)?\s?\w"
    r"|\b[A-Z][a-z]+['’]s\s(?:mom|mum|dad|mother|father|parent|wife|husband|sister|brother|son|daughter|friend|colleague|teacher|coach)\b",
    re.I,
)
_NOT_NAMES = frozenset(
    {"I", "We", "He", "She", "They", "It", "This", "That", "LinkedIn", "Someone", "Everyone", "Nobody",
     "You", "Hey", "Hi", "Hello", "Dear", "Good", "Thanks", "Thank", "Just", "So", "Also", "And", "But",
     "Well", "Yes", "Oh", "Greetings"}
)  # fmt: skip


def referral(sentence: Sentence) -> Span | None:
    """Someone sent the writer: "my husband mentioned you", "I was referred to you by"."""
    kin = _near(sentence, ("KIN", "YOU"), "REFERRED", 2)
    if kin is not None and sentence.words[kin[0]] not in ("you", "your"):
        return kin
    referred = sentence.at("REFERRED")
    if referred:
        start, end = referred[0]
        after = sentence.words[end : end + 3]
        if ("by" in after or "me" in after) and sentence.has("YOU"):
            return start, end + 2
    return None


def named_referral(original: str) -> str | None:
    """Someone named sent the writer: "Anna Petrov said to reach out", "Tom from church
    mentioned you" (read as written, since folding loses the capitals of names)."""
    for match in _NAME_SENT.finditer(original):
        if match.group().split()[0].strip(",.") not in _NOT_NAMES:
            return match.group()
    return None


def named_context(original: str) -> str | None:
    """The writer names themselves by a shared context: "it's Sam from the Saturday
    market", "Fran from the go-live", "I'm Jaylen's mom" (read as written)."""
    folded = original.casefold()  # (what the pattern needs, looked for first: it is quicker)
    if "from" not in folded and "'s" not in folded and "\u2019s" not in folded:
        return None
    match = _FROM_CONTEXT.search(original)
    if match is None:
        return None
    words = match.group().strip(" .!?").split()
    return " ".join(words) if words and words[0].strip(",.") not in _NOT_NAMES else None


def school(sentence: Sentence) -> Span | None:
    """The same school: "fellow alum", "class of '19", "also a Kansas graduate"."""
    strong = [span for span in sentence.at("SCHOOL") if sentence.text(*span) in _STRONG_SCHOOL]
    if strong:
        return strong[0]
    return _around(sentence, ("SCHOOL",), ("SAME",))


_STRONG_SCHOOL = frozenset(
    {"alum", "alumni", "alumnus", "alumna", "alumnae", "alma mater", "classmate", "classmates", "class of",
     "fraternity", "sorority", "dorm"}
)  # fmt: skip


def colleague(sentence: Sentence) -> Span | None:
    """Working together, now or before: "we worked together at", "former colleague"."""
    found = sentence.at("COLLEAGUE")
    strong = [span for span in found if sentence.text(*span) not in _WEAK_COLLEAGUE]
    if strong:
        return strong[0]
    if found and (sentence.has("SAME") or sentence.has("SELF")):
        return found[0]
    return None


_WEAK_COLLEAGUE = frozenset(
    {"former", "formerly", "your team", "worked with", "work with you", "back in", "back at", "intern",
     "onboarding"}
)  # fmt: skip


def group(sentence: Sentence) -> Span | None:
    """The same group: "fellow member of", "we're both in the chapter", "I volunteer with"."""
    groups = sentence.at("GROUP")
    if not groups:
        return None
    if sentence.has("SAME"):
        return _around(sentence, ("GROUP",), ("SAME",))
    volunteering = [
        span
        for span in groups
        if sentence.words[span[0]].startswith("volunteer") or sentence.words[span[0]] == "member"
    ]
    if volunteering and sentence.has("SELF", "US"):
        return volunteering[0]
    return None


def shared_field(sentence: Sentence) -> Span | None:
    """The same line of work, said by the writer: "I'm a nurse too", "fellow recruiter
    here", "I'm also in healthcare", "we're both in HR"."""
    both = _in_words(sentence, _BOTH_OF_US)
    if both is not None and not sentence.has("PRICE", "OUTCOME"):
        return both  # (the writer and the reader: "we both support job seekers")
    if sentence.has("OFFER", "SERVICE", "OUTCOME", "PRICE", "GROUP", "SCHOOL", "COLLEAGUE"):
        return None
    found = _near(sentence, ("SELF", "US"), "SAME", 5)
    if found is not None and sentence.text(found[1] - 1, found[1]) not in ("you", "yourself"):
        return found  # (not "professionals like yourself": that is flattery)
    words = sentence.words
    if words[:1] == ("fellow",) and len(words) >= 2:
        return 0, 2
    return None


_BOTH_OF_US = re.compile(r"\b(?:we|were|weve) both\b|\bboth of us\b|\byou and i (?:both|are both)\b")


def follow_up(sentence: Sentence) -> Span | None:
    """An earlier contact: "following up on our call", "as promised", "good seeing you"."""
    found = [span for span in sentence.at("FOLLOW_UP") if sentence.text(*span) not in _WEAK_FOLLOW_UP]
    return found[0] if found else None


_WEAK_FOLLOW_UP = frozenset(
    {"again", "earlier", "recently", "this morning", "discussed", "promised", "in touch", "last year"}
)


def advice(sentence: Sentence) -> Span | None:
    """A request for advice or an answer: "could I ask you about", "any advice on"."""
    found = sentence.at("ADVICE")
    strong = [span for span in found if sentence.text(*span) not in _WEAK_ADVICE]
    if strong and (sentence.question or sentence.has("PROPOSE", "YOU")):
        return strong[0]
    if found and sentence.question:
        return found[0]
    return None


_WEAK_ADVICE = frozenset(
    {
        "learn",
        "learning",
        "learn from",
        "your experience",
        "feedback",
        "thoughts",
        "input",
        "curious",
        "wondering",
        "mentor",
        "mentorship",
        "learn more about your",
        "your view",
    }
)


def question(sentence: Sentence) -> Span | None:
    """A question about the reader's own work or experience: "what do you wish you'd known?"."""
    if not sentence.question or not sentence.has("YOU") or sentence.has("SERVICE", "OUTCOME", "ASSET"):
        return None
    words = sentence.words
    if (
        any(word in ("how", "what", "which", "why", "whether", "where", "when") for word in words)
        and len(words) >= 6
    ):
        return 0, len(words)
    return None


def offer_help(sentence: Sentence) -> Span | None:
    """An offer to help the reader, not to sell: "let me know if I can intro you to anyone"."""
    for index, word in enumerate(sentence.words):
        if (
            word in _HELPS
            and sentence.has("YOU")
            and sentence.has("SELF")
            and not sentence.has("SERVICE", "OUTCOME", "GROW")
        ):
            return index, min(len(sentence.words), index + 4)
    return None


_HELPS = frozenset({"intro", "introduce", "refer", "vouch", "recommend"})


def _jobs(sentence: Sentence) -> list[Span]:
    """The words of a job, but for those that name a group: "job seekers network", "job fair"."""
    words = sentence.words
    return [span for span in sentence.at("JOB") if words[span[1] : span[1] + 1] not in _NOT_A_JOB]


_NOT_A_JOB = frozenset(
    (word,)
    for word in ("seekers", "seeker", "fair", "fairs", "club", "clubs", "network", "networks", "board")
)


def job(sentence: Sentence) -> Span | None:
    """A job asked about: "I applied for the analyst role on your team"."""
    found = _jobs(sentence)
    if found and (sentence.has("YOU") or sentence.has("SELF")) and not sentence.has("SERVICE", "OUTCOME"):
        return found[0]
    return None


def invite(sentence: Sentence) -> Span | None:
    """An invitation to take part: to speak, judge, mentor, volunteer, collaborate."""
    found = sentence.at("INVITE")
    if not found or sentence.has("SERVICE", "PRICE", "DEAL", "OUTCOME"):
        return None
    if sentence.has("YOU") and (sentence.question or sentence.has("PROPOSE", "EVENT", "GROUP")):
        return found[0]
    if any(sentence.text(*span) in _CALLS_FOR_HELP for span in found):
        return found[0]
    return None


_CALLS_FOR_HELP = frozenset(
    {"need one more", "needs someone", "need someone", "looking for a", "looking for someone", "volunteer",
     "volunteers", "mentors", "speakers", "judges", "career day"}
)  # fmt: skip


def role_for_you(sentence: Sentence) -> Span | None:
    """A recruiter's role for the reader: "we have a Director opening that matches your background"."""
    jobs = _jobs(sentence)
    if not jobs or sentence.has("SERVICE", "OUTCOME", "PRICE"):
        return None
    if _FITS_YOU.search(sentence.light) or (sentence.has("YOU") and sentence.has("SELF", "US")):
        return jobs[0]
    return None


_FITS_YOU = re.compile(
    r"\b(?:match(?:es)?|fit(?:s)?|line[s]? up with|aligns? with|strong match|good fit|great fit"
    r"|perfect for)\b"
)


def thanks(sentence: Sentence) -> Span | None:
    """Thanks for something the reader did: "thanks for chairing the committee"."""
    words = sentence.words
    for start, end in sentence.at("THANKS"):
        while end < len(words) and words[end] in _INTENSIFIERS:
            end += 1  # ("thank you so much for", "thanks again for")
        after = words[end : end + 4]
        if after and after[0] in ("for", "to") and len(after) >= 2:
            return start, end + 3
    return None


_INTENSIFIERS = frozenset({"so", "very", "much", "again", "a", "lot", "ever", "kindly", "truly"})


def neighbourly(sentence: Sentence) -> Span | None:
    """A tie of daily life: a neighbour, the reader's shop, the children's class."""
    found = sentence.at("NEIGHBOURLY")
    return found[0] if found else None


# -- stock notes, and the rest of a note -----------------------------------------------


def suggested(sentence: Sentence) -> Span | None:
    """The site's suggestion, not the writer's: "LinkedIn suggested you", "came across your profile"."""
    found = sentence.at("SUGGESTED")
    return found[0] if found else None


def flattery(sentence: Sentence) -> Span | None:
    """Praise that could be said of anyone (but for "thank you so much")."""
    thanked = {end for _start, end in sentence.at("THANKS")}
    found = [span for span in sentence.at("FLATTERY") if span[0] not in thanked]
    return found[0] if found else None


def connect(sentence: Sentence) -> Span | None:
    """Wanting to connect."""
    found = sentence.at("CONNECT")
    return found[0] if found else None


def introduction(sentence: Sentence) -> Span | None:
    """The writer says who they are."""
    found = sentence.at("INTRODUCE")
    return found[0] if found else None


def proposal(sentence: Sentence) -> Span | None:
    """A proposal to talk: a call, a coffee, a chat."""
    talks = sentence.at("MEETING")
    if talks and (sentence.has("PROPOSE") or sentence.question):
        return talks[0]
    return None


def seeking(sentence: Sentence) -> Span | None:
    """The writer is looking for work."""
    found = sentence.at("SEEKING")
    return found[0] if found else None


#: What each frame needs of a sentence: one of these marks (a class, or ``NUMBER``,
#: ``MONEY``, ``PERCENT``, ``LINK``, ``QUESTION``); other sentences are not tried.
NEEDS: dict[str, frozenset[str]] = {
    "offer": frozenset({"OFFER"}),
    "market_offer": frozenset({"OFFER"}),
    "promise": frozenset({"YOU"}),
    "result_rate": frozenset({"NUMBER"}),
    "deadline": frozenset({"CALL_TO_ACTION", "YOU"}),
    "free_offer": frozenset({"MEETING", "PRICE", "SERVICE", "SELF", "US"}),
    "case_study": frozenset({"US", "SELF", "YOU", "AUDIENCE", "OUTCOME", "NUMBER"}),
    "claim": frozenset({"GROW", "NUMBER", "OUTCOME"}),
    "savings": frozenset({"SAVE"}),
    "price": frozenset({"MONEY"}),
    "call_to_action": frozenset({"QUESTION", "CALL_TO_ACTION", "NUMBER", "LINK"}),
    "meeting": frozenset({"MEETING"}),
    "scarcity": frozenset({"SCARCITY", "NUMBER"}),
    "guarantee": frozenset({"GUARANTEE"}),
    "opportunity": frozenset({"OPPORTUNITY"}),
    "agitation": frozenset({"AGITATION", "FAULT"}),
    "award": frozenset({"AWARD"}),
    "launch": frozenset({"LAUNCH"}),
    "vendor": frozenset({"OFFER", "OUTCOME", "SERVICE"}),
    "product": frozenset({"SERVICE"}),
    "paid_feature": frozenset({"AWARD"}),
    "delivery": frozenset({"GROW"}),
    "demo": frozenset({"MEETING", "SERVICE"}),
    "ask": frozenset({"ASK"}),
    "deal": frozenset({"DEAL", "NUMBER"}),
    "denial": frozenset({"DENIAL"}),
    "met": frozenset({"MET"}),
    "their_work": frozenset({"YOU"}),
    "referral": frozenset({"REFERRED"}),
    "school": frozenset({"SCHOOL"}),
    "colleague": frozenset({"COLLEAGUE"}),
    "group": frozenset({"GROUP"}),
    "follow_up": frozenset({"FOLLOW_UP"}),
    "shared_field": frozenset({"SAME"}),
    "advice": frozenset({"ADVICE"}),
    "job": frozenset({"JOB"}),
    "invite": frozenset({"INVITE"}),
    "thanks": frozenset({"THANKS"}),
    "role_for_you": frozenset({"JOB"}),
    "question": frozenset({"QUESTION"}),
    "offer_help": frozenset({"SELF"}),
    "neighbourly": frozenset({"NEIGHBOURLY"}),
    "suggested": frozenset({"SUGGESTED"}),
    "flattery": frozenset({"FLATTERY"}),
    "connect": frozenset({"CONNECT"}),
    "introduction": frozenset({"INTRODUCE"}),
    "proposal": frozenset({"MEETING"}),
    "seeking": frozenset({"SEEKING"}),
    "slogan": frozenset({"OFFER", "YOU", "OUTCOME", "GROW"}),
    "service_headline": frozenset({"OFFER", "SERVICE", "GROW", "SAVE", "OUTCOME"}),
}

#: The frames of a note, by family: each a function of a sentence.
NOTE_FRAMES: tuple[tuple[str, str, Frame], ...] = (
    (PITCH, "offer", offer),
    (PITCH, "market_offer", market_offer),
    (PITCH, "promise", promise),
    (PITCH, "result_rate", result_rate),
    (PITCH, "free_offer", free_offer),
    (PITCH, "case_study", case_study),
    (PITCH, "claim", claim),
    (PITCH, "savings", savings),
    (PITCH, "price", price),
    (PITCH, "call_to_action", call_to_action),
    (PITCH, "meeting", meeting),
    (PITCH, "scarcity", scarcity),
    (PITCH, "deadline", deadline),
    (PITCH, "guarantee", guarantee),
    (PITCH, "opportunity", opportunity),
    (PITCH, "agitation", agitation),
    (PITCH, "award", award),
    (PITCH, "paid_feature", paid_feature),
    (PITCH, "launch", launch),
    (PITCH, "vendor", vendor),
    (PITCH, "product", product),
    (PITCH, "delivery", delivery),
    (PITCH, "demo", demo),
    (PITCH, "ask", ask),
    (PITCH, "deal", deal),
    (PITCH, "denial", denial),
    (REASON, "met", met),
    (REASON, "their_work", their_work),
    (REASON, "referral", referral),
    (REASON, "school", school),
    (REASON, "colleague", colleague),
    (REASON, "group", group),
    (REASON, "follow_up", follow_up),
    (REASON, "shared_field", shared_field),
    (REASON, "advice", advice),
    (REASON, "job", job),
    (REASON, "invite", invite),
    (REASON, "thanks", thanks),
    (REASON, "role_for_you", role_for_you),
    (REASON, "question", question),
    (REASON, "offer_help", offer_help),
    (REASON, "neighbourly", neighbourly),
    (STOCK, "suggested", suggested),
    (STOCK, "flattery", flattery),
    (STOCK, "connect", connect),
    (NOTE, "introduction", introduction),
    (NOTE, "proposal", proposal),
    (NOTE, "seeking", seeking),
)
#: The frames of a headline.
HEADLINE_FRAMES: tuple[tuple[str, str, Frame], ...] = (
    (PITCH, "service_headline", service_headline),
    (PITCH, "slogan", slogan),
    (PITCH, "free_offer", free_offer),
    (PITCH, "deal", deal),
    (PITCH, "agitation", agitation),
    (PITCH, "award", award),
    (PITCH, "offer", offer),
    (PITCH, "market_offer", market_offer),
    (PITCH, "result_rate", result_rate),
    (PITCH, "claim", claim),
    (PITCH, "savings", savings),
    (PITCH, "price", price),
    (PITCH, "call_to_action", call_to_action),
    (PITCH, "guarantee", guarantee),
    (PITCH, "opportunity", opportunity),
    (PITCH, "launch", launch),
    (NOTE, "seeking", seeking),
)
