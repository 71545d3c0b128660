"""How a worksheet's inputs are named, on screen and in its PDF.

Each input is named by what it is: the worksheet, its block, the matrix group and the row,
field or prompt (by their text, or the ``key`` an author gives them). A learner's entries
are saved under these names, so adding or moving a row never puts an entry on another row.

The first version named inputs by position (``role-agreement-b2-g1-r1``).
``first-version-names.json`` records, for each worksheet it published, which input each
position was, by name: entries saved then carry over to the inputs that still have those
names, however the worksheet has changed since.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import cast

from .model import Block, Worksheet

FIRST_VERSION_NAMES = Path(__file__).with_name("first-version-names.json")

CarryOver = dict[str, list[object]]
"""A position name -> [the input's name], with, for a matrix row's choice, the names of
the columns its saved column numbers stand for."""


def input_name(*parts: str) -> str:
    return ":".join(parts)


def block_name(worksheet: Worksheet, block: Block) -> str:
    return input_name(worksheet.id, block.name)


def input_names(worksheet: Worksheet) -> dict[str, set[str]]:
    """Every input's name -> the values it takes (the column names, for a matrix row)."""
    names: dict[str, set[str]] = {}
    for block in worksheet.blocks:
        start = block_name(worksheet, block)
        if block.matrix:
            columns = {column.name for column in block.matrix.columns}
            for group in block.matrix.groups:
                for row in group.rows:
                    row_name = input_name(start, group.name, row.name)
                    names[row_name] = columns
                    names[input_name(row_name, "notes")] = set()
            continue
        for entry in block.entries:
            names[input_name(start, entry.name)] = set()
            if block.signatures:
                names[input_name(start, entry.name, "date")] = set()
    return names


@functools.cache
def _first_version() -> dict[str, CarryOver]:
    recorded: dict[str, CarryOver] = json.loads(FIRST_VERSION_NAMES.read_text(encoding="utf-8"))
    return recorded


def carried_over(worksheet: Worksheet) -> CarryOver:
    """The first version's position names of the inputs this worksheet still has. A column
    since removed stands as null, so that a choice saved in it is dropped, not moved."""
    now = input_names(worksheet)
    kept: CarryOver = {}
    for old, target in _first_version().get(worksheet.id, {}).items():
        name = str(target[0])
        if name not in now:
            continue
        kept[old] = [name]
        if len(target) > 1:
            columns = cast(list[str], target[1])
            kept[old].append([column if column in now[name] else None for column in columns])
    return kept
