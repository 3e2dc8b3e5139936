"""Hypothesis strategies for relpolicy's values, for property-testing rules and policies.

Install with the ``relpolicy[testing]`` extra. ``st.from_type(relpolicy.Request)`` and
``st.from_type(relpolicy.Profile)`` use these strategies once this module's Hypothesis
entry point has run (it runs when Hypothesis is imported).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from ._model import Profile, Request, Vote

__all__ = ["json_requests", "profiles", "requests", "texts", "votes"]

_WORDS = [
    "career",
    "coach",
    "job",
    "search",
    "network",
    "group",
    "connect",
    "hiring",
    "recruiter",
    "software",
    "engineer",
    "nurse",
    "marketing",
    "manager",
    "analyst",
    "supply",
    "chain",
    "logistics",
    "accounting",
    "finance",
    "open",
    "to",
    "work",
    "seeking",
    "transition",
    "advice",
    "help",
    "refer",
    "website",
    "clients",
    "business",
    "growth",
    "heard",
    "speak",
    "met",
    "conference",
]


def texts(*, max_size: int = 200) -> st.SearchStrategy[str]:
    """Short text: mostly words people write, sometimes any Unicode at all."""
    words = st.lists(st.sampled_from(_WORDS), max_size=max(1, max_size // 8)).map(" ".join)
    return st.one_of(words, st.text(max_size=max_size)).map(lambda s: s[:max_size])


_labels = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
_group_names = st.one_of(
    st.sampled_from(["NJ Job Seekers Network", "Career Coaches Circle", "Supply Chain Pros", "PyData NYC"]),
    _labels,
)


def profiles() -> st.SearchStrategy[Profile]:
    """Profiles with any mix of fields set, realistic words and arbitrary text alike."""
    optional_text = st.none() | texts(max_size=80)
    return st.builds(
        Profile,
        name=optional_text,
        headline=optional_text,
        industry=st.none()
        | st.sampled_from(["Career Coaching", "Software Development", "Hospital & Health Care"])
        | _labels,
        location=optional_text,
        groups=st.lists(_group_names, max_size=4).map(tuple),
        skills=st.lists(_labels, max_size=4).map(tuple),
        open_to_work=st.none() | st.booleans(),
        url=st.none() | st.just("https://www.linkedin.com/in/someone"),
        pro_bono_groups=st.lists(_group_names, max_size=2).map(tuple),
        hiring_network=st.lists(_labels, max_size=3).map(tuple),
        extra=st.dictionaries(
            st.sampled_from(["pronouns", "company", "x_score"]), st.integers() | _labels, max_size=2
        ),
    )


_timestamps = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
) | st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(tzinfo=timezone(timedelta(hours=-5)))
)


def requests(*, with_recipient: bool | None = None) -> st.SearchStrategy[Request]:
    """Valid requests.

    Args:
        with_recipient: ``True`` always names a recipient, ``False`` never, ``None`` either.
    """
    recipient: st.SearchStrategy[Profile | None]
    if with_recipient is None:
        recipient = st.none() | profiles()
    elif with_recipient:
        recipient = profiles()
    else:
        recipient = st.none()
    return st.builds(
        Request,
        sender=profiles(),
        note=st.none() | texts(max_size=300),
        mutual_connections=st.none() | st.integers(min_value=0, max_value=5000),
        shared_groups=st.none() | st.lists(_group_names, max_size=3).map(tuple),
        sent_at=st.none() | _timestamps,
        id=st.none() | st.text(min_size=1, max_size=12),
        recipient=recipient,
        extra=st.dictionaries(st.sampled_from(["source", "campaign"]), _labels, max_size=1),
    )


def json_requests() -> st.SearchStrategy[dict[str, Any]]:
    """Valid requests in their JSON form."""
    return requests().map(Request.to_dict)


def votes(*, rule: str | None = None) -> st.SearchStrategy[Vote]:
    """Votes with finite scores, vetoes now and then."""
    return st.builds(
        Vote,
        rule=st.just(rule) if rule is not None else st.sampled_from(["a", "b", "c", "d"]),
        score=st.floats(min_value=-5, max_value=5, allow_nan=False),
        reason=st.text(max_size=20),
        veto=st.booleans(),
        evidence=st.lists(st.text(max_size=10), max_size=2).map(tuple),
    )


def _hypothesis_setup_hook() -> None:
    """Register the strategies for ``st.from_type`` (run by Hypothesis' entry point)."""
    st.register_type_strategy(Profile, profiles())
    st.register_type_strategy(Request, requests())
