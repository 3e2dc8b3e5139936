"""A first check that the package imports and decides."""

import relpolicy


def test_policy_without_rules_reviews() -> None:
    request = relpolicy.Request(sender=relpolicy.Profile(name="Sam"))
    assert relpolicy.Policy().decide(request).verdict is relpolicy.Verdict.REVIEW
