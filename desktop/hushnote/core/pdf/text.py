"""Note text made safe to lay out: controls made visible, mark runs capped, long text cut.

Everything here is one pass over the text, so laying out stays linear in the note: fpdf2
measures a base character together with all the marks stacked on it, which is quadratic
in a run of thousands of marks, and draws a whole paragraph in one call, which gives no
chance to report progress or cancel.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterator

__all__ = ["CHUNK", "MAX_MARKS", "MAX_NESTING", "flatten", "pieces", "printable"]

MAX_MARKS = 8  # combining marks kept on one character; real text stacks at most about 4
MAX_NESTING = 100  # markdown-it's limit, raised from 20: it drops whatever lies deeper
_PREFIX_COLUMNS = 90  # a quote or list level takes at least one column of a line's prefix
# A line's run of quote markers, list markers and indentation: the containers it is in.
_PREFIX = re.compile(r"^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))+", re.MULTILINE)
CHUNK = 2000  # characters handed to fpdf2 at a time: about 15 ms of work
# C0 and C1 controls but tab and newline: drawn as \u{1B}, since no embedded font has the
# Control Pictures block.
_CONTROLS = {
    code: f"\\u{{{code:02X}}}"
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))
    if code not in (0x09, 0x0A)
}


def printable(text: str) -> str:
    """``text`` with line ends as ``\\n``, every other control character written as
    ``\\u{XX}``, and at most ``MAX_MARKS`` combining marks on any one character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    if text.isascii():
        return text
    return _mark_runs().sub(r"\1", text)


@functools.cache
def _mark_runs() -> re.Pattern[str]:
    """Runs of more than ``MAX_MARKS`` combining marks; the first ``MAX_MARKS`` kept."""
    marks = _ranges(c for c in range(0x300, sys.maxunicode + 1)
                    if unicodedata.category(chr(c)).startswith("M"))  # fmt: skip
    return re.compile(f"([{marks}]{{{MAX_MARKS}}})[{marks}]+")


def _ranges(codes: Iterator[int]) -> str:
    """A regular expression character class body for the sorted ``codes``."""
    parts: list[str] = []
    start = end = -2
    for code in codes:
        if code != end + 1:
            if start >= 0:
                parts.append(f"{re.escape(chr(start))}-{re.escape(chr(end))}")
            start = code
        end = code
    if start >= 0:
        parts.append(f"{re.escape(chr(start))}-{re.escape(chr(end))}")
    return "".join(parts)


def flatten(body: str) -> str:
    """``body`` with every line's container prefix cut to ``_PREFIX_COLUMNS`` columns, so
    no block nests past ``MAX_NESTING``: what lay deeper prints at the deepest indent."""
    return _PREFIX.sub(_cut_prefix, body)


def _cut_prefix(match: re.Match[str]) -> str:
    prefix = match.group()
    if len(prefix.expandtabs(4)) <= _PREFIX_COLUMNS:
        return prefix
    columns = 0
    for index, char in enumerate(prefix):
        columns += 4 if char == "\t" else 1
        if columns >= _PREFIX_COLUMNS:
            return prefix[:index].rstrip("-+*0123456789.)") + " "
    return prefix


def pieces(text: str, *, lines: bool = False) -> Iterator[str]:
    """``text`` in pieces of about ``CHUNK`` characters, cut after a space where there is
    one (after a line end if ``lines``, which is then dropped: each piece is a block)."""
    start = 0
    while len(text) - start > CHUNK:
        window = text[start : start + CHUNK]
        cut = window.rfind("\n") if lines else max(window.rfind(" "), window.rfind("\n"))
        if cut < CHUNK // 2:
            cut = CHUNK - 1  # no good place: cut the word (or line) itself
        yield window[:cut] if lines and window[cut] == "\n" else window[: cut + 1]
        start += cut + 1
    yield text[start:]
