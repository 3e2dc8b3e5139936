"""Sphinx configuration for relpolicy's documentation.

Build it with ``nox -s docs``, which runs
``sphinx-build -n -W --keep-going -b html docs docs/_build/html`` and then the examples.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

import attrs
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import napoleon

import relpolicy

HERE = Path(__file__).parent

project = "relpolicy"
author = "The relpolicy developers"
copyright = "2026, The relpolicy developers"
release = relpolicy.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx_click",
    "relpolicy.sphinxext",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_inventories", "conftest.py"]
nitpicky = True

html_theme = "furo"
html_title = f"relpolicy {release}"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The single back-quote role resolves to Python objects, as in pluggy's and attrs' docs.
default_role = "py:obj"

autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_member_order = "bysource"
# Defaults are shown as values: with preserve_defaults, the __init__ that attrs writes
# would show its own source (``attr_dict['veto'].default``). `factory_defaults` below
# shows a factory's default as what it makes.
autodoc_preserve_defaults = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- intersphinx, offline ---------------------------------------------------------------
#
# The build machines reach no documentation site, so intersphinx cannot download the
# Python, attrs and pluggy inventories. Instead, each ``_inventories/NAME.txt`` lists the
# outside names these pages refer to, with the page each is documented on; the build turns
# each list into a small ``objects.inv`` and intersphinx reads that local file. The links
# in the HTML still point to the real sites. A name missing from the lists makes the
# nitpicky build fail, which is the cue to add it.

INVENTORY_SITES = {
    "python": "https://docs.python.org/3",
    "attrs": "https://www.attrs.org/en/stable",
    "pluggy": "https://pluggy.readthedocs.io/en/stable",
}


def write_inventory(name: str, target: Path) -> Path:
    """Write the ``objects.inv`` of ``_inventories/NAME.txt`` to *target* and return it.

    Each line of the list is ``NAME ROLE PAGE`` (``#`` starts a comment); the anchor is
    the name itself.
    """
    entries = []
    for line in (HERE / "_inventories" / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            obj, role, page = line.split()
            entries.append(f"{obj} {role} 1 {page}#$ -\n")
    header = f"# Sphinx inventory version 2\n# Project: {name}\n# Version: \n"
    header += "# The remainder of this file is compressed using zlib.\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(header.encode() + zlib.compress("".join(entries).encode()))
    return target


_INVENTORY_DIR = HERE / "_build" / "inventories"
intersphinx_mapping = {
    name: (site, str(write_inventory(name, _INVENTORY_DIR / f"{name}.inv")))
    for name, site in INVENTORY_SITES.items()
}

nitpick_ignore = [
    # Hypothesis' inventory is not shipped; its strategy type is named in relpolicy.strategies.
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:class", "SearchStrategy"),
    # The read-only dict of `extra` keys: a private class, documented as a mapping.
    ("py:class", "relpolicy._frozen.FrozenDict"),
    # Names that public docstrings refer to but that are not public (yet).
    ("py:class", "relpolicy._linkedin.Connections"),
    ("py:obj", "SOURCE"),
    ("py:obj", "MAX_TEXT"),
]


# -- public names for private paths ------------------------------------------------------
#
# relpolicy's classes live in private modules (``relpolicy._model``) and are documented
# under the names users import (``relpolicy.Request``). Type hints name the private path;
# point those references at the public name.


def public_name(target: str) -> str | None:
    """The public path of *target*, or ``None`` when it has none.

    ``relpolicy._model.Request`` and a bare ``Request`` become ``relpolicy.Request``;
    ``Decision.errors`` becomes ``relpolicy.Decision.errors``.
    """
    parts = target.split(".")
    if parts[0] == "relpolicy" and len(parts) > 2 and parts[1].startswith("_"):
        parts = parts[2:]
    if parts[0] in relpolicy.__all__:
        return ".".join(["relpolicy", *parts])
    return None


def resolve_public(app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Any) -> Any:
    """Resolve a reference to a private module path through the public name."""
    if node.get("refdomain") != "py":
        return None
    target = public_name(node["reftarget"])
    if target is None:
        return None
    domain: Any = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], target, node, contnode)


# -- attribute comments are prose ---------------------------------------------------------
#
# Napoleon reads the first line of an attribute's docstring as ``type: description``, so
# ``#: For a recipient: job-search support groups ...`` would get the type "For a
# recipient". relpolicy's attribute comments are plain sentences: keep Napoleon off them.


def napoleon_except_attributes(
    app: Sphinx, what: Any, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Napoleon's docstring processing, for everything but attributes and module data."""
    if what not in ("attribute", "data"):
        napoleon._process_docstring(app, what, name, obj, options, lines)


# -- command help is plain text -------------------------------------------------------------
#
# The command's help is written for a terminal, where `triage` means "type this". In the
# docstrings of Python code the same back-quotes are references; in command help, make
# them literal text.

_SINGLE_BACKQUOTED = re.compile(r"(?<![`\w])`([^`]+)`(?![`\w])")

CLICK_EVENTS = [
    "sphinx-click-process-description",
    "sphinx-click-process-options",
    "sphinx-click-process-arguments",
    "sphinx-click-process-epilog",
]


# Placeholders such as FILE:LINE look like addresses (a "file:" link) to docutils.
_PLACEHOLDERS = re.compile(r"(?<![`\w])([A-Z]+(?::[A-Z]+)+)(?![`\w])")


def literal_backquotes(app: Sphinx, ctx: object, lines: list[str]) -> None:
    """Turn `text` into ``text``, and FILE:LINE into ``FILE:LINE``, in the lines of a command's help."""
    lines[:] = [_PLACEHOLDERS.sub(r"``\1``", _SINGLE_BACKQUOTED.sub(r"``\1``", line)) for line in lines]


# -- attrs defaults made by a factory ------------------------------------------------------


def factory_defaults(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show ``rules={}`` instead of ``rules=NOTHING`` for an attrs field with a factory."""
    if not (signature and isinstance(obj, type) and attrs.has(obj)):
        return None
    for field in attrs.fields(obj):
        if isinstance(field.default, attrs.Factory) and not field.default.takes_self:
            made = field.default.factory
            shown = repr(made()) if made in (dict, list, tuple, set, frozenset) else f"{made.__name__}()"
            pattern = rf"\b({re.escape(field.alias)}(?:\s*:[^=,]*)?\s*=\s*)NOTHING\b"
            signature = re.sub(pattern, rf"\g<1>{shown}", signature)
    return signature, annotation


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-signature", factory_defaults)
    for event in CLICK_EVENTS:
        app.connect(event, literal_backquotes)
    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is napoleon._process_docstring:
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", napoleon_except_attributes)
    app.connect("missing-reference", resolve_public)
