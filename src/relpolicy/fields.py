"""Fields of work: what people write about their work, matched to LinkedIn's industries.

People describe their field in free text: an industry picked from LinkedIn's list
(today's "Hospitals and Health Care" or the older "Hospital & Health Care"), a
headline ("HR business partner | talent acquisition"), a list of skills. This module
maps such text to canonical fields and says how two people's fields relate:

>>> from relpolicy import fields
>>> fields.resolve("Hospital & Health Care")
Field(name='Hospitals and Health Care', industry=Industry(id=14, label='Hospitals and Health Care'))
>>> fields.relation(fields.resolve("HR"), fields.resolve("Human Resources"))
<Relation.SAME_INDUSTRY: 'same industry'>
>>> fields.relation(fields.resolve("Career Coaching"), fields.resolve("recruiter"))
<Relation.COMPLEMENTARY: 'complementary'>
>>> fields.relation(fields.resolve("nurse"), fields.resolve("Mental Health Care"))
<Relation.SAME_CATEGORY: 'same category'>

A `Field` is a LinkedIn V2 industry, or one of a few narrower fields placed inside one
("Career Coaching", not a LinkedIn label, sits in "Professional Training and
Coaching", where career coaches list themselves). The industries and their hierarchy
come from LinkedIn Industry Codes V2, older V1 labels reach them through their codes
(see `SOURCE`), and a hand-written table adds the words people actually use ("HR",
"recruiter", "software engineer", "nurse", "accountant", "career coach" ...).

Matching folds text with `relpolicy.text.normalize`, ignores a plural "s", takes the
longest known phrase at each word, and runs in time linear in the text (texts longer
than 1,000 characters are cut there). Tables are built at first use; results are
cached per text.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from ._hints import close_matches
from ._industry_table import SOURCE
from .text import normalize

if TYPE_CHECKING:
    from ._model import Profile

__all__ = [
    "MAX_SKILLS",
    "MAX_TEXT",
    "SOURCE",
    "Comparison",
    "Complements",
    "Field",
    "FieldMatch",
    "Industry",
    "Relation",
    "compare",
    "find_fields",
    "industries",
    "lookup",
    "profile_fields",
    "relation",
    "resolve",
    "within",
]

#: Text beyond this many characters is not searched for fields.
MAX_TEXT = 1000
#: Skills beyond this many are not looked at.
MAX_SKILLS = 50


@attrs.frozen(cache_hash=True)
class Industry:
    """An industry in LinkedIn's V2 hierarchy. Two industries are equal when their ids are."""

    #: LinkedIn's V2 industry id (a V1 code is the id of the same industry).
    id: int
    #: The V2 label, such as ``"Hospitals and Health Care"``.
    label: str = attrs.field(eq=False)
    #: The labels from the top-level category down to this industry.
    path: tuple[str, ...] = attrs.field(eq=False, repr=False)
    #: The ids along `path`.
    lineage: tuple[int, ...] = attrs.field(eq=False, repr=False)

    @property
    def category(self) -> str:
        """The top-level category, such as ``"Professional Services"``."""
        return self.path[0]

    @property
    def parent(self) -> str | None:
        """The label of the industry directly above, or ``None`` for a top-level category."""
        return self.path[-2] if len(self.path) > 1 else None

    def is_within(self, other: Industry) -> bool:
        """Whether this industry is *other* or lies below it in the hierarchy."""
        return other.id in self.lineage


@attrs.frozen(cache_hash=True)
class Field:
    """A canonical field of work: a LinkedIn industry, or a narrower field inside one."""

    #: The canonical name: the industry's V2 label, or a name such as ``"Career Coaching"``.
    name: str
    #: The V2 industry the field belongs to.
    industry: Industry

    @property
    def is_industry(self) -> bool:
        """Whether the field is a whole industry (not a narrower field inside one)."""
        return self.name == self.industry.label


@attrs.frozen(cache_hash=True)
class FieldMatch:
    """A field found in a piece of text."""

    #: The field.
    field: Field
    #: The words that named it, folded as `relpolicy.text.normalize` folds them and
    #: joined by single spaces.
    words: str
    #: Whether the words describe whom the person serves ("helping *nurses* ...") rather
    #: than the person's own field. Such matches are left out of `profile_fields`.
    audience: bool = False


class Relation(enum.Enum):
    """How two fields relate, from closest to unrelated."""

    #: The same LinkedIn industry.
    SAME_INDUSTRY = "same industry"
    #: One industry directly under the other, or both under the same parent (a parent
    #: below the top level: a top-level category alone makes `SAME_CATEGORY`).
    SAME_PARENT = "same parent"
    #: Fields that work together (see `Complements`).
    COMPLEMENTARY = "complementary"
    #: Industries in the same top-level category.
    SAME_CATEGORY = "same category"
    #: None of the above.
    UNRELATED = "unrelated"


@attrs.frozen
class Comparison:
    """The closest relation between two sets of fields, and the fields that have it."""

    #: The closest relation found.
    relation: Relation
    #: The match on the left side that has it (``None`` when unrelated).
    left: FieldMatch | None = None
    #: The match on the right side that has it (``None`` when unrelated).
    right: FieldMatch | None = None


_Key = str | int


def _side_key(field: Field) -> _Key:
    """What a complementary pair stores for *field*: a narrow field by name, an industry by id."""
    return field.industry.id if field.is_industry else field.name


@functools.lru_cache(maxsize=4096)
def _complement_keys(field: Field) -> tuple[_Key, ...]:
    """The pair sides that cover *field*: its own name and every industry above and at it."""
    return (field.name, *field.industry.lineage)


def _unique_pairs(pairs: Iterable[tuple[Field, Field]]) -> tuple[tuple[Field, Field], ...]:
    return tuple(dict.fromkeys(pairs))


@attrs.frozen(cache_hash=True)
class Complements:
    """A symmetric set of complementary fields: fields whose people work together.

    A pair that names an industry covers the fields inside it (its narrower fields
    and the industries below it); a pair that names a narrower field covers it alone.
    Start from `Complements.default` and add pairs with `with_pairs`.

    Args:
        pairs: Pairs of fields.
    """

    #: The pairs, in the order given, without repeats.
    pairs: tuple[tuple[Field, Field], ...] = attrs.field(default=(), converter=_unique_pairs)
    _partners: Mapping[_Key, tuple[_Key, ...]] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        partners: dict[_Key, dict[_Key, None]] = {}
        for left, right in self.pairs:
            a, b = _side_key(left), _side_key(right)
            partners.setdefault(a, {})[b] = None
            partners.setdefault(b, {})[a] = None
        object.__setattr__(self, "_partners", {k: tuple(v) for k, v in partners.items()})

    @classmethod
    def default(cls) -> Complements:
        """relpolicy's default pairs: career coaching with HR, recruiting, outplacement and
        workforce development; software with product management and design; accounting
        with finance, tax and law; and more (see ``relpolicy/_field_vocabulary.py``)."""
        return _default_complements()

    def with_pairs(self, pairs: Iterable[tuple[Field | str, Field | str]]) -> Complements:
        """These pairs and *pairs*; names are resolved with `resolve`.

        Raises:
            LookupError: A name is not a known field.
        """
        added = [(_as_field(a), _as_field(b)) for a, b in pairs]
        return Complements((*self.pairs, *added))

    def are_complementary(self, left: Field, right: Field) -> bool:
        """Whether some pair covers *left* on one side and *right* on the other."""
        return bool(set(_partner_keys(self, left)).intersection(_complement_keys(right)))


@functools.lru_cache(maxsize=8192)
def _partner_keys(complements: Complements, field: Field) -> tuple[_Key, ...]:
    """The pair sides that *field* is complementary with: narrow field names, industry ids."""
    found: dict[_Key, None] = {}
    for key in _complement_keys(field):
        found.update(dict.fromkeys(complements._partners.get(key, ())))
    return tuple(found)


def _as_field(value: Field | str) -> Field:
    return value if isinstance(value, Field) else resolve(value)


@functools.cache
def _default_complements() -> Complements:
    from ._field_vocabulary import COMPLEMENTARY

    return Complements(tuple((resolve(a), resolve(b)) for a, b in COMPLEMENTARY))


# -- tables --------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[&|•·;.!?–—]| - ")
_BREAK = "|"  # what every token that ends a headline segment becomes
_AUDIENCE = frozenset({"help", "helping", "serve", "serving", "supporting", "empower", "empowering", "for"})


def _stem(word: str) -> str:
    """*word* without a plural ending, good enough to match "nurses" with "nurse"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-2] if word.endswith(("ches", "shes", "xes", "sses")) else word[:-1]
    return word


def _word(token: str) -> str:
    if token[-1] == "s":
        return _stem(token)
    if token[0].isalnum() or token[0] == "_":
        return token
    return "and" if token == "&" else _BREAK


def _tokens(folded: str) -> tuple[list[str], list[str]]:
    """The tokens of *folded* as written, and as compared: without a plural ending, ``&``
    as ``and``, and every mark that ends a headline segment as `_BREAK`."""
    tokens = _TOKEN.findall(folded)
    return tokens, [_word(token) for token in tokens]


class _Spans:
    """Where each token of a folded text lies in it, found only for tokens asked about.

    Tokens are asked about in order, so each is looked for once: linear in the text.
    """

    __slots__ = ("_ends", "_folded", "_starts", "_tokens")

    def __init__(self, folded: str, tokens: list[str]) -> None:
        self._folded = folded
        self._tokens = tokens
        self._starts: list[int] = []
        self._ends: list[int] = []

    def _locate(self, index: int) -> None:
        position = self._ends[-1] if self._ends else 0
        for token in self._tokens[len(self._starts) : index + 1]:
            position = self._folded.find(token, position)
            self._starts.append(position)
            position += len(token)
            self._ends.append(position)

    def start(self, index: int) -> int:
        """Where token *index* starts."""
        if index >= len(self._starts):
            self._locate(index)
        return self._starts[index]

    def end(self, index: int) -> int:
        """Where token *index* ends."""
        if index >= len(self._ends):
            self._locate(index)
        return self._ends[index]


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in _tokens(normalize(phrase))[1] if w != _BREAK)


class _Node:
    """A node of the phrase trie: words lead to children; `field` ends a phrase."""

    __slots__ = ("children", "field")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.field: Field | None = None


@attrs.frozen
class _Tables:
    industries: tuple[Industry, ...]
    phrases: Mapping[tuple[str, ...], Field]  # every name; the trie holds those looked for in text
    names: Mapping[str, str]  # folded name -> the name as written, for suggestions
    trie: _Node


@functools.cache
def _tables() -> _Tables:
    from . import _field_vocabulary as vocabulary
    from . import _industry_table as table

    labels = {industry_id: label for industry_id, label, _ in table.INDUSTRIES}
    parents = {industry_id: parent for industry_id, _, parent in table.INDUSTRIES}
    by_id: dict[int, Industry] = {}
    for industry_id in labels:
        lineage = [industry_id]
        while (parent := parents[lineage[-1]]) is not None:
            lineage.append(parent)
        lineage.reverse()
        path = tuple(labels[i] for i in lineage)
        by_id[industry_id] = Industry(industry_id, labels[industry_id], path, tuple(lineage))
    named = {industry.label: Field(industry.label, industry) for industry in by_id.values()}
    for name, label in vocabulary.NAMED_FIELDS.items():
        named[name] = Field(name, named[label].industry)

    phrases: dict[tuple[str, ...], Field] = {}
    names: dict[str, str] = {}

    def add(phrase: str, field: Field) -> None:
        key = _phrase_key(phrase)
        if key:
            phrases[key] = field
            names.setdefault(" ".join(key), phrase)

    # Lowest priority first: a later source wins a phrase that two sources share.
    for code, label in table.V1_LABELS:
        add(label, named[labels[code]])
    for field in named.values():
        add(field.name, field)
    for target, words in vocabulary.ALIASES.items():
        for phrase in words:
            add(phrase, named[target])
    in_text = dict(phrases)
    for target, words in vocabulary.WHOLE_NAMES.items():
        for phrase in words:
            add(phrase, named[target])

    root = _Node()
    for key, field in in_text.items():
        node = root
        for word in key:
            node = node.children.setdefault(word, _Node())
        node.field = field
    return _Tables(tuple(by_id.values()), phrases, names, root)


# -- matching ------------------------------------------------------------------------------


def find_fields(text: str) -> tuple[FieldMatch, ...]:
    """Every field named in *text*, in order; the longest phrase wins at each word.

    Words after "helping", "serving", "for" and the like, up to the end of a headline
    segment (``|``, ``•``, ``;``, a full stop ...), are marked `FieldMatch.audience`:
    "Web design for coaches" is a designer, not a coach.

    Args:
        text: Free text: an industry, a headline, a skill. Only the first `MAX_TEXT`
            characters are read.
    """
    return _find_fields(text[:MAX_TEXT])


@functools.lru_cache(maxsize=16384)
def _find_fields(text: str) -> tuple[FieldMatch, ...]:
    folded = normalize(text)
    tokens, words = _tokens(folded)
    spans = _Spans(folded, tokens)
    root = _tables().trie
    found: list[FieldMatch] = []
    audience = False
    count = len(words)
    i = 0
    while i < count:
        word = words[i]
        if word == _BREAK:
            audience = False
            i += 1
            continue
        node = root.children.get(word)
        best: tuple[Field, int] | None = None
        j = i
        while node is not None:
            if node.field is not None:
                best = (node.field, j)
            j += 1
            if j == count:
                break
            node = node.children.get(words[j])
        if best is None:
            audience = audience or word in _AUDIENCE
            i += 1
            continue
        field, last = best
        found.append(FieldMatch(field, folded[spans.start(i) : spans.end(last)], audience))
        i = last + 1
    return tuple(found)


def lookup(name: str) -> Field | None:
    """The field whose name, LinkedIn label (V2 or V1) or common name is exactly *name*.

    A few names count only as the whole text, being common words inside one ("IT",
    "Tech"). Case, ``&``/``and``, punctuation and a plural "s" do not matter:
    ``lookup("Hospital & Health Care")`` is the industry "Hospitals and Health Care".
    """
    return _tables().phrases.get(_phrase_key(name[:MAX_TEXT]))


def resolve(name: str) -> Field:
    """Like `lookup`, but raise when *name* is not a known field.

    Raises:
        LookupError: *name* is unknown; the message suggests close names.
    """
    field = lookup(name)
    if field is not None:
        return field
    names = _tables().names
    close = close_matches(" ".join(_phrase_key(name[:MAX_TEXT])), list(names), n=3)
    hint = f"; did you mean {', '.join(repr(names[c]) for c in close)}?" if close else ""
    raise LookupError(
        f"unknown field {name[:80]!r}: expected a LinkedIn industry (V2 or V1 label) "
        f"or a common name such as 'HR' or 'Career Coaching'{hint}"
    )


def industries() -> tuple[Industry, ...]:
    """Every industry of LinkedIn's V2 hierarchy, by id."""
    return _tables().industries


def profile_fields(profile: Profile) -> tuple[FieldMatch, ...]:
    """A person's own fields: from their industry, headline and skills, each field once.

    Matches marked `FieldMatch.audience` are left out: a career coach "helping nurses"
    is not a nurse.
    """
    return _profile_fields(profile.industry, profile.headline, profile.skills)


@functools.lru_cache(maxsize=8192)
def _profile_fields(
    industry: str | None, headline: str | None, skills: tuple[str, ...]
) -> tuple[FieldMatch, ...]:
    seen: dict[Field, FieldMatch] = {}
    for text in (industry, headline, *skills[:MAX_SKILLS]):
        if text:
            for match in find_fields(text):
                if not match.audience and match.field not in seen:
                    seen[match.field] = match
    return tuple(seen.values())


# -- relating ------------------------------------------------------------------------------


def _own(field: Field) -> tuple[Hashable, ...]:
    return (field.industry.id,)


def _parent(field: Field) -> tuple[Hashable, ...]:
    return field.industry.lineage[-2:-1]


def _non_top_parent(field: Field) -> tuple[Hashable, ...]:
    """The parent, unless it is a top-level category: those are too broad to be a family."""
    lineage = field.industry.lineage
    return lineage[-2:-1] if len(lineage) > 2 else ()


def _category(field: Field) -> tuple[Hashable, ...]:
    return field.industry.lineage[:1]


_Keys = Callable[[Field], tuple[Hashable, ...]]


def _shared(
    left: Sequence[FieldMatch], right: Sequence[FieldMatch], left_keys: _Keys, right_keys: _Keys
) -> tuple[FieldMatch, FieldMatch] | None:
    """The first left match with a key (by *left_keys*) that a right match has (by *right_keys*)."""
    index: dict[Hashable, FieldMatch] = {}
    for match in right:
        for key in right_keys(match.field):
            index.setdefault(key, match)
    for match in left:
        for key in left_keys(match.field):
            other = index.get(key)
            if other is not None:
                return match, other
    return None


def _same_parent(
    left: Sequence[FieldMatch], right: Sequence[FieldMatch]
) -> tuple[FieldMatch, FieldMatch] | None:
    """Parent and child (either way round), or siblings under a parent below the top level."""
    return (
        _shared(left, right, _parent, _own)
        or _shared(left, right, _own, _parent)
        or _shared(left, right, _non_top_parent, _non_top_parent)
    )


def compare(
    left: Iterable[FieldMatch], right: Iterable[FieldMatch], complements: Complements | None = None
) -> Comparison:
    """The closest relation between any field on the left and any on the right.

    Symmetric: swapping the sides gives the same relation. Linear in the number of fields.

    Args:
        left: One person's fields, as from `profile_fields`.
        right: The other person's.
        complements: Which fields are complementary; `Complements.default` if ``None``.
    """
    left, right = tuple(left), tuple(right)
    if left and right:
        pair = _shared(left, right, _own, _own)
        if pair is not None:
            return Comparison(Relation.SAME_INDUSTRY, *pair)
        pair = _same_parent(left, right)
        if pair is not None:
            return Comparison(Relation.SAME_PARENT, *pair)
        partners = functools.partial(_partner_keys, complements or Complements.default())
        pair = _shared(left, right, partners, _complement_keys)
        if pair is not None:
            return Comparison(Relation.COMPLEMENTARY, *pair)
        pair = _shared(left, right, _category, _category)
        if pair is not None:
            return Comparison(Relation.SAME_CATEGORY, *pair)
    return Comparison(Relation.UNRELATED)


def relation(left: Field, right: Field, complements: Complements | None = None) -> Relation:
    """How two fields relate; symmetric. See `compare`."""
    return compare((FieldMatch(left, left.name),), (FieldMatch(right, right.name),), complements).relation


def within(field: Field, area: Field) -> bool:
    """Whether *field* falls inside *area*.

    An *area* that is a whole industry holds its narrower fields and every industry below
    it ("Hospitals and Health Care" holds "Mental Health Care"); a narrower field
    ("Career Coaching") holds only itself.
    """
    if area.is_industry:
        return field.industry.is_within(area.industry)
    return field == area
