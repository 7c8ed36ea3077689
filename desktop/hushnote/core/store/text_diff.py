"""A line diff whose cost is bounded whatever the texts, for showing a revision.

difflib's matcher is quadratic in the worst case: two unrelated 2 MB notes of short
lines would take minutes. The lines both texts start and end with are set aside first
(cheap, and what a typical edit leaves), and the matcher only runs on what remains when
that is small (``MAX_WORK`` line pairs, ``MAX_LINES`` on either side, ``MAX_CHARACTERS``
in all); beyond it, the middle is shown as one block
removed and one block added, which is what an unrelated text is anyway.
"""

from __future__ import annotations

import difflib
from typing import Literal, NamedTuple

__all__ = ["MAX_CHARACTERS", "MAX_LINES", "MAX_WORK", "DiffLine", "diff_lines"]

# Line pairs the matcher may be given: 1,000 by 1,000 lines stays under 100 ms here.
MAX_WORK = 1_000_000
# And lines on either side, and characters in all: the matcher indexes every line of
# the new side, so one line against a million was seconds and hundreds of MB.
MAX_LINES = 5_000
MAX_CHARACTERS = 1_000_000

Kind = Literal["same", "removed", "added"]


class DiffLine(NamedTuple):
    """One line of a diff from an ``old`` text to a ``new`` one: in both ("same"), only
    in the old ("removed"), or only in the new ("added")."""

    kind: Kind
    text: str


def diff_lines(old: str, new: str) -> list[DiffLine]:
    """The lines of ``old`` and ``new`` in order, each marked same, removed or added."""
    a, b = old.split("\n"), new.split("\n")
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    result = [DiffLine("same", line) for line in a[:start]]
    if (
        len(middle_a) * len(middle_b) <= MAX_WORK
        and max(len(middle_a), len(middle_b)) <= MAX_LINES
        and sum(map(len, middle_a)) + sum(map(len, middle_b)) <= MAX_CHARACTERS
    ):
        matcher = difflib.SequenceMatcher(None, middle_a, middle_b)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                result += [DiffLine("same", line) for line in middle_a[i1:i2]]
                continue
            result += [DiffLine("removed", line) for line in middle_a[i1:i2]]
            result += [DiffLine("added", line) for line in middle_b[j1:j2]]
    else:
        result += [DiffLine("removed", line) for line in middle_a]
        result += [DiffLine("added", line) for line in middle_b]
    result += [DiffLine("same", line) for line in a[len(a) - end :]]
    return result
