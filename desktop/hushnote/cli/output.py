"""How the CLI prints records, asks for confirmation, and marks search matches."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from hushnote.core import Fragment
from hushnote.errors import ConfirmationRequiredError

__all__ = ["confirm", "fragments_text", "local_time", "print_table", "short_id"]

SHORT_ID = 8


def short_id(uuid: str) -> str:
    return uuid[:SHORT_ID]


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(rows: Sequence[Sequence[str]]) -> None:
    """Aligned columns, two spaces apart; the last column is not padded."""
    if not rows:
        return
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row[:-1])]
        print("  ".join([*cells, row[-1]]).rstrip())


def fragments_text(fragments: Sequence[Fragment]) -> str:
    """Matches in bold on a terminal, in [brackets] when the output goes elsewhere."""
    bold = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    start, end = ("\033[1m", "\033[0m") if bold else ("[", "]")
    return "".join(f"{start}{f.text}{end}" if f.highlighted else f.text for f in fragments)


def confirm(question: str, *, assume_yes: bool) -> None:
    """Ask on the terminal; without one, only ``--yes`` confirms."""
    if assume_yes:
        return
    if not sys.stdin.isatty():
        raise ConfirmationRequiredError()
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise ConfirmationRequiredError(reason="declined")
