"""How a worksheet's inputs are named, on screen and in its PDF.

Each input is named by what it is: the worksheet, its block, the matrix group and the row,
field or prompt (by their text, or the ``key`` an author gives them). A learner's entries
are saved under these names, so adding or moving a row never puts an entry on another row.

The first version named inputs by position (``role-agreement-b2-g1-r1``). Entries saved
under those names are carried over only for a worksheet whose blocks read exactly as they
did then; for any other, positions no longer say which row an entry was typed on.
"""

from __future__ import annotations

import hashlib
import json

from .model import Block, Worksheet

# The blocks of each worksheet published with position names, by ``layout_fingerprint``.
POSITIONAL_LAYOUTS = frozenset(
    {
        "7ed5e7b82c45616c",  # behavior-support-alignment
        "87f225616d48b7e3",  # role-agreement
        "ed652de14aadd10c",  # meeting-and-feedback-log
        "f2685e0bb7a85aa1",  # daily-check-in
        "f6ceb71614bf842b",  # work-style-conversation
    }
)


def input_name(*parts: str) -> str:
    return ":".join(parts)


def block_name(worksheet: Worksheet, block: Block) -> str:
    return input_name(worksheet.id, block.name)


def layout_fingerprint(worksheet: Worksheet) -> str:
    """Changes when any heading, row, column, field, prompt or item of the worksheet does, or
    when one moves."""
    layout: list[object] = []
    for block in worksheet.blocks:
        if block.matrix:
            columns = [column.text for column in block.matrix.columns]
            groups = [
                [group.heading, [row.text for row in group.rows]] for group in block.matrix.groups
            ]
            layout.append([block.heading, block.kind, columns, groups])
        else:
            layout.append([block.heading, block.kind, [entry.text for entry in block.entries]])
    return hashlib.sha256(json.dumps(layout).encode()).hexdigest()[:16]


CarryOver = dict[str, list[object]]


def carried_over(worksheet: Worksheet) -> CarryOver:
    """Each position name of the first version -> [the input's name now], with, for a matrix
    row's choice, the column names its saved column numbers stand for. Empty unless the
    worksheet is as it was published then."""
    if layout_fingerprint(worksheet) not in POSITIONAL_LAYOUTS:
        return {}
    names: CarryOver = {}
    for number, block in enumerate(worksheet.blocks, start=1):
        old, new = f"{worksheet.id}-b{number}", block_name(worksheet, block)
        if block.matrix:
            columns = [column.name for column in block.matrix.columns]
            for g, group in enumerate(block.matrix.groups, start=1):
                for r, row in enumerate(group.rows, start=1):
                    row_name = input_name(new, group.name, row.name)
                    names[f"{old}-g{g}-r{r}"] = [row_name, columns]
                    names[f"{old}-g{g}-r{r}-notes"] = [input_name(row_name, "notes")]
            continue
        letter = {"fields": "f", "prompts": "p", "checklist": "c", "signatures": "s"}[block.kind]
        for n, entry in enumerate(block.entries, start=1):
            names[f"{old}-{letter}{n}"] = [input_name(new, entry.name)]
            if block.signatures:
                names[f"{old}-{letter}{n}-date"] = [input_name(new, entry.name, "date")]
    return names
