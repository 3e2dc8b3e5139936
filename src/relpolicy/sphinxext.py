"""A Sphinx extension that documents a rule's settings from the class it declares.

Add ``"relpolicy.sphinxext"`` to ``extensions`` in ``conf.py``, then, in a page::

    .. relpolicy-settings:: my_rule_module

or, in MyST Markdown::

    ```{relpolicy-settings} my_rule_module
    ```

The argument is the importable module (or ``module:object``) whose
``relpolicy_settings`` hook declares the settings; the table lists each key, its type,
its default and its help, and marks the numbers ``relpolicy fit`` may choose. The
table is made from the code, so a default that changes (a refit) changes the page too.
"""

from __future__ import annotations

import importlib
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ._settings import describe_settings

__all__ = ["SettingsTable", "setup"]


class SettingsTable(SphinxDirective):
    """``relpolicy-settings``: the settings a rule plugin declares, as a table."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0]
        module_name, _, attribute = target.partition(":")
        plugin: Any = importlib.import_module(module_name)
        if attribute:
            plugin = getattr(plugin, attribute)
        declare = getattr(plugin, "relpolicy_settings", None)
        if declare is None:
            raise self.error(f"{target} has no relpolicy_settings hook")
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 20 15 15 50",
            "",
            "   * - setting",
            "     - type",
            "     - default",
            "     - what it changes",
        ]
        for info in describe_settings(declare()):
            meaning = info.help + (" *Fitted.*" if info.tunable else "")
            lines += [
                f"   * - ``{info.name}``",
                f"     - {info.type}",
                f"     - ``{info.default}``",
                f"     - {_one_line(meaning)}",
            ]
        container = nodes.container(classes=["relpolicy-settings"])
        self.state.nested_parse(
            StringList(lines, source=self.get_source_info()[0]), self.content_offset, container
        )
        return [container]


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "\u2014"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``relpolicy-settings`` directive."""
    app.add_directive("relpolicy-settings", SettingsTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
