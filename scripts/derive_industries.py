"""Derive relpolicy's industry table from LinkedIn's industry lists.

Reads ``linkedin-industries-v2.csv`` (id, label, hierarchy path) and
``linkedin-industries-v1.csv`` (code, groups, label) and writes
``src/relpolicy/_industry_table.py``: every V2 industry with the id of its parent,
and every V1 label with its code (which is also a V2 id).

The source files give the hierarchy as text (``Professional Services > Legal Services >
Law Practice``). This script turns each path into a parent id, and in doing so mends
what the text gets wrong:

- empty segments (``Food and Beverage Manufacturing > > Breweries``) are dropped;
- a path's last segment is the industry itself, whatever its spelling
  (``Climate Technology Products Manufacturing`` for id 3251, labelled ``... Product ...``);
- a parent is found by its folded label, ``&`` read as ``and``
  (``Media and Telecommunications`` is id 3133, labelled ``Media & Telecommunications``).

Run it from the repository root::

    python scripts/derive_industries.py [DATA_FOLDER]

DATA_FOLDER defaults to ``../shared/data``. The script fails when a parent cannot be
found or a V1 code is not a V2 id, rather than guess.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

OUTPUT = Path("src/relpolicy/_industry_table.py")

HEADER = '''\
"""LinkedIn's industry lists, as `relpolicy.fields` reads them. Generated: do not edit.

Written by ``scripts/derive_industries.py`` from LinkedIn Industry Codes V2 (the
hierarchy: {v2_count} industries) and V1 (the older labels many profiles still show:
{v1_count} industries), Microsoft's LinkedIn API documentation, reference tables
"industry-codes-v2" and "industry-codes"
(https://learn.microsoft.com/en-us/linkedin/shared/references/reference-tables/industry-codes-v2,
https://learn.microsoft.com/en-us/linkedin/shared/references/reference-tables/industry-codes);
V2 as collected on 2026-01-21 by the public repository trysignalbase/industry-codes.
Descriptions and V1's coarse groups are left out; hierarchy paths are turned into parent ids.
"""

#: Where the table comes from, for messages and documentation.
SOURCE = (
    "LinkedIn Industry Codes V2 and V1, Microsoft's LinkedIn API documentation "
    "(reference tables industry-codes-v2 and industry-codes)"
)

#: V2 industries: ``(id, label, parent id or None for a top-level category)``.
INDUSTRIES: tuple[tuple[int, str, int | None], ...] = (
'''

MIDDLE = """\
)

#: V1 labels: ``(code, label)``; the code is the id of the same industry in V2.
V1_LABELS: tuple[tuple[int, str], ...] = (
"""


def fold(label: str) -> str:
    """A label as compared: case and ``&``/``and`` do not matter, nor runs of space."""
    return " ".join(label.casefold().replace("&", " and ").split())


def read_v2(path: Path) -> list[tuple[int, str, int | None]]:
    """The V2 industries with parent ids, sorted by id."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = [(int(r["industry_id"]), r["label"].strip(), r["hierarchy"]) for r in csv.DictReader(f)]
    by_label = {fold(label): industry_id for industry_id, label, _ in rows}
    if len(by_label) != len(rows):
        raise SystemExit(f"{path}: two industries share a label")
    out = []
    for industry_id, label, hierarchy in rows:
        segments = [s.strip() for s in hierarchy.split(">") if s.strip()]
        parent = None
        if len(segments) > 1:
            parent_label = segments[-2]
            if fold(parent_label) not in by_label:
                raise SystemExit(f"{path}: industry {industry_id}: no industry is labelled {parent_label!r}")
            parent = by_label[fold(parent_label)]
        out.append((industry_id, label, parent))
    return sorted(out)


def read_v1(path: Path, v2_ids: set[int]) -> list[tuple[int, str]]:
    """The V1 labels with their codes, sorted by code."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = [(int(r["code"]), r["label"].strip()) for r in csv.DictReader(f)]
    for code, label in rows:
        if code not in v2_ids:
            raise SystemExit(f"{path}: V1 code {code} ({label!r}) is not a V2 industry id")
    return sorted(rows)


def render(v2: list[tuple[int, str, int | None]], v1: list[tuple[int, str]]) -> str:
    """The Python module, formatted as ``ruff format`` would leave it."""
    lines = [HEADER.format(v2_count=len(v2), v1_count=len(v1))]
    lines.extend(
        f"    ({industry_id}, {json.dumps(label)}, {parent!r}),\n" for industry_id, label, parent in v2
    )
    lines.append(MIDDLE)
    lines.extend(f"    ({code}, {json.dumps(label)}),\n" for code, label in v1)
    lines.append(")\n")
    return "".join(lines)


def main(argv: list[str]) -> None:
    folder = Path(argv[1] if len(argv) > 1 else "../shared/data")
    v2 = read_v2(folder / "linkedin-industries-v2.csv")
    v1 = read_v1(folder / "linkedin-industries-v1.csv", {industry_id for industry_id, _, _ in v2})
    OUTPUT.write_text(render(v2, v1), encoding="utf-8")
    print(f"wrote {OUTPUT}: {len(v2)} V2 industries, {len(v1)} V1 labels")


if __name__ == "__main__":
    main(sys.argv)
