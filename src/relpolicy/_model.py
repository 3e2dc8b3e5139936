"""The values relpolicy works on: profiles, requests, votes and decisions.

All are frozen, slotted attrs classes: safe to share between threads and processes,
cheap to compare, and impossible for a plugin to change under another plugin's feet.
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, cast

import attrs

from . import _checks as check
from ._errors import InvalidRequest, Problem
from ._frozen import EMPTY, FrozenDict, freeze, thaw

__all__ = ["Action", "Decision", "Profile", "Request", "RuleFailure", "Verdict", "Vote"]


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"expected a sequence of strings, got the string {value[:40]!r}")
    return tuple(value)


def _frozen_extra(value: Mapping[str, Any]) -> FrozenDict:
    return value if type(value) is FrozenDict else freeze(value)


def _each_str(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise TypeError(
                f"'{attribute.name}[{index}]' must be a string (got {item!r} that is a {type(item).__name__})"
            )


_opt_str = attrs.validators.optional(attrs.validators.instance_of(str))


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _no_field_names(instance: object, attribute: attrs.Attribute[Any], value: Mapping[str, Any]) -> None:
    if value:
        names = _FIELD_NAMES.get(type(instance)) or frozenset(attrs.fields_dict(type(instance)))  # type: ignore[arg-type]
        clash = names.intersection(value)
        if clash:
            raise ValueError(f"'extra' must not repeat a field name (got {sorted(clash)})")


@attrs.frozen
class Profile:
    """A person on the network: the sender of a request, or the recipient deciding it.

    Every field is optional. Keys of the JSON form that are not fields here are kept,
    untouched, in `extra`, so a third-party rule can read them.
    """

    #: Display name.
    name: str | None = attrs.field(default=None, validator=_opt_str)
    #: The one-line headline under the name (a place where sales pitches hide).
    headline: str | None = attrs.field(default=None, validator=_opt_str)
    #: The industry the profile states, in LinkedIn's words or the member's own.
    industry: str | None = attrs.field(default=None, validator=_opt_str)
    #: Where the person is. Never a requirement for connecting.
    location: str | None = attrs.field(default=None, validator=_opt_str)
    #: Networking groups the person belongs to.
    groups: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_each_str)
    #: Skills listed on the profile.
    skills: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_each_str)
    #: Whether the person says they are open to work (``None``: not known).
    open_to_work: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )
    #: Profile address.
    url: str | None = attrs.field(default=None, validator=_opt_str)
    #: For a recipient: job-search support groups they volunteer in.
    pro_bono_groups: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_each_str)
    #: For a recipient: fields in which they know people who hire.
    hiring_network: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_each_str)
    #: Keys of the JSON form that relpolicy does not know, kept for plugins.
    extra: FrozenDict = attrs.field(
        default=EMPTY, converter=_frozen_extra, validator=_no_field_names, hash=False
    )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "") -> Profile:
        """Build a profile from its JSON form.

        Args:
            data: The JSON object.
            path: Where *data* sits in a larger input, used to name fields in errors.

        Raises:
            InvalidRequest: naming every field that is wrong.
        """
        problems: list[Problem] = []
        profile = _read_profile(data, path, problems)
        if problems or profile is None:
            raise InvalidRequest(problems)
        return profile

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: fields that are set, then the `extra` keys."""
        out: dict[str, Any] = {}
        for key in _PROFILE_TEXT:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        for key in _PROFILE_LISTS:
            value = getattr(self, key)
            if value:
                out[key] = list(value)
        if self.open_to_work is not None:
            out["open_to_work"] = self.open_to_work
        out.update(thaw(self.extra))
        return out


_PROFILE_TEXT = ("name", "headline", "industry", "location", "url")
_PROFILE_LISTS = ("groups", "skills", "pro_bono_groups", "hiring_network")
_PROFILE_KEYS = frozenset((*_PROFILE_TEXT, *_PROFILE_LISTS, "open_to_work", "extra"))
_FIELD_NAMES[Profile] = _PROFILE_KEYS


def _read_profile(data: object, path: str, problems: list[Problem]) -> Profile | None:
    if not isinstance(data, Mapping):
        problems.append(Problem(path, f"expected an object, got {check.type_name(data)}"))
        return None
    before = len(problems)
    fields: dict[str, Any] = {key: check.optional_str(data, key, path, problems) for key in _PROFILE_TEXT}
    for key in _PROFILE_LISTS:
        fields[key] = check.str_tuple(data, key, path, problems) or ()
    fields["open_to_work"] = check.optional_bool(data, "open_to_work", path, problems)
    extra = {k: v for k, v in data.items() if k not in _PROFILE_KEYS}
    if "extra" in data:
        problems.append(Problem(check.join(path, "extra"), "is reserved; put unknown keys at the top level"))
    for key in extra:
        if not isinstance(key, str):
            problems.append(Problem(path, f"expected string keys, got {check.type_name(key)}"))
    check.not_too_deep(extra, path, problems)
    if len(problems) > before:
        return None
    return Profile(**fields, extra=freeze(extra))


def _common(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...] | None:
    """The groups in both, in *left*'s order, compared without regard to case.

    ``None`` (not known) when either side lists no groups: a profile that lists none
    says nothing about the groups its owner is in.
    """
    if not left or not right:
        return None
    wanted = _folded(right)
    return tuple(g for g in left if g.casefold() in wanted)


@functools.lru_cache(maxsize=64)
def _folded(groups: tuple[str, ...]) -> frozenset[str]:
    # *groups* is mostly a policy's recipient's, the same for every request.
    return frozenset(g.casefold() for g in groups)


@attrs.frozen
class Request:
    """An incoming connection request, to be decided.

    When `shared_groups` is not given and the request names its `recipient`, it is
    the groups the sender and the recipient have in common. A policy fills in its
    own recipient (and so the shared groups) for requests that name none.
    """

    #: Who sent the request.
    sender: Profile = attrs.field(validator=attrs.validators.instance_of(Profile))
    #: The note sent with the request, if any.
    note: str | None = attrs.field(default=None, validator=_opt_str)
    #: How many connections sender and recipient have in common (``None``: not known).
    mutual_connections: int | None = attrs.field(default=None)
    #: Networking groups that sender and recipient both belong to (``None``: not known).
    shared_groups: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_str_tuple)
    )
    #: When the request was sent.
    sent_at: datetime | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(datetime))
    )
    #: An identifier, echoed in the decision.
    id: str | None = attrs.field(default=None, validator=_opt_str)
    #: The person deciding; when ``None`` the policy's recipient is used.
    recipient: Profile | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Profile))
    )
    #: Keys of the JSON form that relpolicy does not know, kept for plugins.
    extra: FrozenDict = attrs.field(
        default=EMPTY, converter=_frozen_extra, validator=_no_field_names, hash=False
    )

    @mutual_connections.validator
    def _check_count(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"'mutual_connections' must be an int (got {value!r})")
        if value < 0:
            raise ValueError(f"'mutual_connections' must be 0 or more (got {value})")

    def __attrs_post_init__(self) -> None:
        if self.shared_groups is not None:
            _each_str(self, attrs.fields(Request).shared_groups, self.shared_groups)
        elif self.recipient is not None:
            object.__setattr__(self, "shared_groups", _common(self.sender.groups, self.recipient.groups))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Request:
        """Build a request from its JSON form: the keys of `to_dict`, of which only ``sender``
        is required, and any other key, kept in `extra`.

        Raises:
            InvalidRequest: naming every field that is wrong, such as
                ``sender.groups: expected a list of strings, got int``.
        """
        problems: list[Problem] = []
        if not isinstance(cast(object, data), Mapping):  # decoded JSON may be of any shape
            raise InvalidRequest([Problem("", f"expected a JSON object, got {check.type_name(data)}")])
        if data.get("sender") is None:
            problems.append(Problem("sender", "is required"))
            sender = None
        else:
            sender = _read_profile(data["sender"], "sender", problems)
        recipient = None
        if data.get("recipient") is not None:
            recipient = _read_profile(data["recipient"], "recipient", problems)
        note = check.optional_str(data, "note", "", problems)
        mutual = check.optional_count(data, "mutual_connections", "", problems)
        shared = check.str_tuple(data, "shared_groups", "", problems)
        sent_at = check.optional_datetime(data, "sent_at", "", problems)
        request_id = check.optional_id(data, "id", "", problems)
        if "extra" in data:
            problems.append(Problem("extra", "is reserved; put unknown keys at the top level"))
        extra = {k: v for k, v in data.items() if k not in _REQUEST_KEYS}
        for key in extra:
            if not isinstance(cast(object, key), str):
                problems.append(Problem("", f"expected string keys, got {check.type_name(key)}"))
        check.not_too_deep(extra, "", problems)
        if problems or sender is None:
            raise InvalidRequest(problems)
        return cls(
            sender=sender,
            note=note,
            mutual_connections=mutual,
            shared_groups=shared,
            sent_at=sent_at,
            id=request_id,
            recipient=recipient,
            extra=freeze(extra),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; `from_dict` of it gives back an equal request."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.note is not None:
            out["note"] = self.note
        if self.sent_at is not None:
            out["sent_at"] = check.format_timestamp(self.sent_at)
        if self.mutual_connections is not None:
            out["mutual_connections"] = self.mutual_connections
        if self.shared_groups is not None:
            out["shared_groups"] = list(self.shared_groups)
        out["sender"] = self.sender.to_dict()
        if self.recipient is not None:
            out["recipient"] = self.recipient.to_dict()
        out.update(thaw(self.extra))
        return out

    def with_recipient(self, recipient: Profile) -> Request:
        """This request as decided by *recipient*, with the shared groups worked out."""
        if type(self) is not Request or type(recipient) is not Profile:
            return attrs.evolve(self, recipient=recipient)
        # A policy with a recipient calls this for every request: both values are valid
        # already, so copy the fields instead of checking them all again.
        copy = object.__new__(Request)
        for get, set_ in _REQUEST_SLOTS:
            set_(copy, get(self))
        _set_recipient(copy, recipient)
        if self.shared_groups is None:
            _set_shared_groups(copy, _common(self.sender.groups, recipient.groups))
        return copy


_REQUEST_KEYS = frozenset(a.name for a in attrs.fields(Request))
#: The getter and setter of each of `Request`'s slots, for `Request.with_recipient`.
_REQUEST_SLOTS: tuple[tuple[Any, Any], ...] = tuple(
    (vars(Request)[a.name].__get__, vars(Request)[a.name].__set__) for a in attrs.fields(Request)
)
_set_recipient: Any = vars(Request)["recipient"].__set__
_set_shared_groups: Any = vars(Request)["shared_groups"].__set__
_FIELD_NAMES[Request] = _REQUEST_KEYS


def _finite_score(value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"'score' must be a number (got {value!r})")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"'score' must be finite (got {value!r})")
    return value


class _Required:
    """The default of an argument that has none: passing nothing is an error."""

    def __repr__(self) -> str:
        return "<required>"


_REQUIRED: Any = _Required()


def _score(value: float) -> float:
    if value is _REQUIRED:
        raise TypeError("Vote() needs a score")
    return _finite_score(value)


@attrs.frozen
class Vote:
    """One rule's opinion of one request.

    Args:
        rule: The name of the rule that voted. A policy records every vote under the
            name of the plugin that cast it, so a rule may leave it out.
        score: Above 0 leans towards accepting, below 0 towards declining; the size
            says how strongly. Must be finite.
        reason: One short sentence a person can read.
        veto: When true the request is declined whatever the other votes say.
        evidence: The text in the input that the vote rests on.
        kind: What the vote weighs, for a combiner that judges in order (see
            ``relpolicy.combine``): ``"pitch"`` (a sales signal), ``"reason"`` (a reason to
            connect, or a way to help), ``"common-ground"`` (a field, connections or
            groups in common), ``"signal"`` (adds to the total, but neither makes nor
            blocks an accept), or ``""`` (taken at its word: for the request, a reason).

    .. versionadded:: 0.2 ``kind``, and ``rule`` may be left out.
    """

    rule: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    score: float = attrs.field(default=_REQUIRED, converter=_score)
    reason: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    veto: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    evidence: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_each_str)
    kind: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def named(self, rule: str) -> Vote:
        """This vote, recorded under *rule*.

        The same as ``attrs.evolve(vote, rule=rule)`` without checking the other
        fields again: a policy names every vote it counts, and they were checked
        when the vote was made.
        """
        vote = object.__new__(Vote)
        for name in _VOTE_FIELDS:
            _set_vote_field[name](vote, getattr(self, name))
        _set_vote_field["rule"](vote, str(rule))
        return vote

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``kind`` only when it is set)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "score": self.score,
            "veto": self.veto,
            "reason": self.reason,
            "evidence": list(self.evidence),
        }
        if self.kind:
            out["kind"] = self.kind
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Vote:
        """Build a vote from its JSON form."""
        return cls(
            rule=data["rule"],
            score=data["score"],
            reason=data.get("reason", ""),
            veto=data.get("veto", False),
            evidence=tuple(data.get("evidence", ())),
            kind=data.get("kind", ""),
        )


_VOTE_FIELDS = tuple(a.name for a in attrs.fields(Vote))
#: The slot setters of `Vote`'s fields, which a frozen class's ``__setattr__`` refuses:
#: `Vote.named` builds a copy with them (tested against ``attrs.evolve``).
_set_vote_field: dict[str, Any] = {name: vars(Vote)[name].__set__ for name in _VOTE_FIELDS}


class Verdict(enum.Enum):
    """What to do with a request."""

    #: Accept the connection.
    ACCEPT = "accept"
    #: Decline (or ignore) it.
    DECLINE = "decline"
    #: The votes do not settle it: a person should look.
    REVIEW = "review"


@attrs.frozen(cache_hash=True)  # policies collect actions in a dict, once per decision
class Action:
    """A suggested next step, such as proposing a call."""

    #: A short machine-readable label, such as ``propose-call`` or ``ask-how-to-help``.
    kind: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: The suggestion, for a person to read.
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    def to_dict(self) -> dict[str, str]:
        """The JSON form."""
        return {"kind": self.kind, "text": self.text}


@attrs.frozen
class RuleFailure:
    """A rule that failed while deciding: it raised, or returned something unusable."""

    #: The plugin's name.
    rule: str
    #: The exception's class name (or ``InvalidVote`` for an unusable return value).
    error: str
    #: What went wrong.
    message: str
    #: The hook that failed.
    hook: str = "relpolicy_vote"

    def to_dict(self) -> dict[str, str]:
        """The JSON form."""
        return {"rule": self.rule, "hook": self.hook, "error": self.error, "message": self.message}


@attrs.frozen
class Decision:
    """The combined answer for one request."""

    #: What to do.
    verdict: Verdict
    #: The weighted sum of the vote scores.
    score: float
    #: Every vote cast, in the order the rules ran.
    votes: tuple[Vote, ...] = ()
    #: Suggested next steps.
    actions: tuple[Action, ...] = ()
    #: Rules that failed; by default such a decision is never `Verdict.ACCEPT`.
    errors: tuple[RuleFailure, ...] = ()
    #: The request's ``id``, if it had one.
    request_id: str | None = None

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons of the votes, strongest first (vetoes before all)."""
        ranked = sorted(self.votes, key=lambda v: (not v.veto, -abs(v.score)))
        return tuple(v.reason for v in ranked if v.reason)

    @property
    def evidence(self) -> tuple[str, ...]:
        """All the evidence the votes quote, in vote order."""
        return tuple(e for v in self.votes for e in v.evidence)

    @property
    def vetoed(self) -> bool:
        """Whether any vote vetoed the request."""
        return any(v.veto for v in self.votes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``id``, ``verdict`` (its value), ``score``, and ``votes``,
        ``actions`` and ``errors``, each a list of their JSON forms."""
        return {
            "id": self.request_id,
            "verdict": self.verdict.value,
            "score": self.score,
            "votes": [v.to_dict() for v in self.votes],
            "actions": [a.to_dict() for a in self.actions],
            "errors": [e.to_dict() for e in self.errors],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Build a decision from its JSON form."""
        return cls(
            verdict=Verdict(data["verdict"]),
            score=float(data["score"]),
            votes=tuple(Vote.from_dict(v) for v in data.get("votes", ())),
            actions=tuple(Action(**a) for a in data.get("actions", ())),
            errors=tuple(RuleFailure(**e) for e in data.get("errors", ())),
            request_id=data.get("id"),
        )
