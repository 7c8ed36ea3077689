"""The user guide shipped with the app: where it is, in which language, and its outline.

The guide is ``docs/user-guide*.md``, the one source. ``make translations`` copies it
beside this module into ``guide/`` (as it compiles the catalogues), so that every build
carries it as package data; ``packaging/check-build`` and ``tests/unit/test_user_guide.py``
fail when the copy differs from ``docs/``.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = [
    "ENGLISH",
    "GUIDE_DIR",
    "GUIDE_FILES",
    "TRAVEL_ANCHOR",
    "anchor_ids",
    "guide_file",
    "markdown_headings",
]

GUIDE_DIR = Path(__file__).resolve().parent / "guide"
ENGLISH = "user-guide.md"
#: The guide in each interface language; English is the source the others translate.
GUIDE_FILES = {"en": ENGLISH, "zh_CN": "user-guide.zh_CN.md", "zh_TW": "user-guide.zh_TW.md"}
#: The section Help ▸ Travel notes opens, by its English anchor (which every language's
#: guide answers to: the viewer gives each heading its English twin's anchor too).
TRAVEL_ANCHOR = "travel-notes-before-a-checkpoint"
# What a heading's anchor keeps, as GitHub makes it: letters (any script), digits, "_", "-".
_NOT_IN_ANCHOR = re.compile(r"[^\w\- ]")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def guide_file(language: str, folder: Path = GUIDE_DIR) -> Path:
    """The guide in ``language``, or the English one when there is no translation."""
    translated = folder / GUIDE_FILES.get(language, ENGLISH)
    return translated if translated.is_file() else folder / ENGLISH


def _slug(text: str) -> str:
    return _NOT_IN_ANCHOR.sub("", text.strip().lower()).replace(" ", "-")


def anchor_ids(headings: list[str]) -> list[str]:
    """Each heading's anchor as GitHub names it, so that the guide's links work there too."""
    seen: dict[str, int] = {}
    ids = []
    for text in headings:
        base = _slug(text)
        count = seen.get(base, 0)
        seen[base] = count + 1
        ids.append(f"{base}-{count}" if count else base)
    return ids


def markdown_headings(markdown: str) -> list[tuple[int, str]]:
    """(level, text as shown) of every ATX heading outside code blocks."""
    found = []
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            shown = _INLINE_LINK.sub(r"\1", match.group(2)).replace("`", "").replace("*", "")
            found.append((len(match.group(1)), shown))
    return found
