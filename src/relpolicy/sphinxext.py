"""A Sphinx extension that documents a rule's settings from the class it declares.

Add ``"relpolicy.sphinxext"`` to the ``extensions`` of a Sphinx project's ``conf.py``.
Then the directive ``relpolicy-settings``, given a plugin as an entry point names it (a
module, or ``module:object`` for an object in one), renders the settings the plugin
declares in its ``relpolicy_settings`` hook as a table: each key, what a value must be
(its type and bounds), its default and what it changes, with the numbers ``relpolicy
fit`` may choose marked *Fitted*. In reStructuredText::

    .. relpolicy-settings:: relpolicy_sender_connections

and in MyST Markdown::

    ```{relpolicy-settings} relpolicy_sender_connections
    ```

The table is made from the code, so a default that changes (a refit) changes the page
too. It lists what ``relpolicy plugins --settings`` lists, read the same way: a
`~relpolicy.Policy` is built with the plugin alone and asked for its
`~relpolicy.PluginInfo`, so a plugin that a policy would refuse fails the build. This
is the only module of relpolicy that imports Sphinx.
"""

from __future__ import annotations

import inspect
import types
from importlib import metadata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import relpolicy
from relpolicy import Policy, SettingInfo, plugin_name

from ._config import RESERVED_RULE_KEYS

__all__ = ["SettingsTable", "declared_settings", "setup"]

#: The table's columns: heading, and the share of the width.
COLUMNS = (("setting", 18), ("type", 22), ("default", 12), ("what it changes", 48))


def declared_settings(target: str) -> tuple[str, tuple[SettingInfo, ...], object]:
    """The settings of the plugin *target* names, as a policy reads them.

    Args:
        target: A module, or ``module:object``, as the value of an entry point.

    Returns:
        The plugin's name, the settings it declares (in the order of its class's
        fields) and the plugin object.

    Raises:
        ImportError: The module cannot be imported.
        AttributeError: The module has no such object.
        RelpolicyError: A policy refuses the plugin or the defaults of its settings.
    """
    plugin = metadata.EntryPoint(name="", value=target, group="relpolicy").load()
    name = plugin_name(plugin)
    [info] = [info for info in Policy({name: plugin}).plugins if info.name == name]
    return name, info.settings, plugin


class SettingsTable(SphinxDirective):
    """``relpolicy-settings``: the settings a rule plugin declares, as a table."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0]
        try:
            name, settings, plugin = declared_settings(target)
        except Exception as exc:  # (any failure of the plugin is a failure of the build)
            raise self.error(f"relpolicy-settings: {target}: {type(exc).__name__}: {exc}") from exc
        module = inspect.getmodule(plugin if isinstance(plugin, (types.ModuleType, type)) else type(plugin))
        source = getattr(module, "__file__", None)
        if source:  # (rebuild the page when the plugin changes)
            self.env.note_dependency(source)
        if not settings:
            *keys, last = sorted(RESERVED_RULE_KEYS)  # (the keys relpolicy keeps for itself)
            takes = f"{', '.join(keys)} and {last}"
            text = f"{name} declares no settings: its [rules.{name}] table takes only {takes}."
            return [nodes.paragraph(text=text)]
        return [settings_table(settings)]


def settings_table(settings: tuple[SettingInfo, ...]) -> nodes.table:
    """A docutils table of *settings*: key, what a value must be, default, meaning."""
    group = nodes.tgroup(cols=len(COLUMNS))
    for _heading, width in COLUMNS:
        group += nodes.colspec(colwidth=width)
    group += nodes.thead("", _row([nodes.Text(heading)] for heading, _width in COLUMNS))
    body = nodes.tbody()
    for setting in settings:
        meaning: list[nodes.Node] = [nodes.Text(" ".join(setting.help.split()) or "\u2014")]
        if setting.tunable:
            meaning += [nodes.Text(" "), nodes.emphasis(text="Fitted.")]
        body += _row(
            [
                [nodes.literal(text=setting.name)],
                [nodes.Text(setting.accepts)],
                [nodes.literal(text=setting.default)],
                meaning,
            ]
        )
    group += body
    # The words are shown as relpolicy prints them: quotes stay straight, as TOML wants them.
    return nodes.table("", group, classes=["relpolicy-settings"], support_smartquotes=False)


def _row(cells: Any) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", *cell))
    return row


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``relpolicy-settings`` directive."""
    app.add_directive("relpolicy-settings", SettingsTable)
    return {"version": relpolicy.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
