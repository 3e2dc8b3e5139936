"""A rule plugin that is a module, as installed plugins usually are."""

from relpolicy import Vote, hookimpl

relpolicy_name = "module-rule"


@hookimpl
def relpolicy_vote() -> Vote:
    return Vote("module-rule", 0.5, "a module votes")
