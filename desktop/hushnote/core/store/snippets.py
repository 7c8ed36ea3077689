"""Highlighted snippets, built from the record's own text.

The full-text indexes keep no copy of the text, so FTS5's ``snippet()`` has nothing to
cut from; this module finds the query's words in the original text instead. Matching
folds case and accents the way the ``unicode61 remove_diacritics 2`` tokenizer does, so
what the index matched is what gets highlighted. Snippets are returned as fragments, not
markup, so no display layer ever has to escape a user's text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from hushnote.core.store.query import Term
from hushnote.core.store.text_index import contains_cjk

__all__ = ["Fragment", "highlight", "matching_snippet", "snippet"]

SNIPPET_CHARS = 180
_LEAD_CHARS = 50


@dataclass(frozen=True)
class Fragment:
    """A piece of text, highlighted when it is what the query matched."""

    text: str
    highlighted: bool = False


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One character without accents, case-folded ("É" -> "e", "ß" -> "ss")."""
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base.casefold()


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Case- and accent-folded ``text``, and for each folded character its origin (None
    when folding kept every character in place, the usual case)."""
    if text.isascii():
        return text.lower(), None
    table = {ord(char): _fold_char(char) for char in set(text) if char >= "\x80"}
    if all(len(piece) == 1 for piece in table.values()):
        return text.lower().translate(table), None
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = char.lower() if char < "\x80" else table[ord(char)]
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


@functools.lru_cache(maxsize=64)
def _pattern(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    alternatives = []
    for term in terms:
        folded, _ = _fold(term.text)
        words = re.findall(r"\w+", folded)
        if not words:
            continue
        if contains_cjk(folded):
            alternatives.append(r"\W*".join(re.escape(word) for word in words))
            continue
        body = r"\W+".join(re.escape(word) for word in words)
        alternatives.append(rf"(?<!\w){body}" + (r"\w*" if term.prefix else r"(?!\w)"))
    if not alternatives:
        return None
    # Longest first, so a phrase wins over one of its words.
    alternatives.sort(key=len, reverse=True)
    return re.compile("|".join(alternatives))


def _matches(text: str, terms: Iterable[Term]) -> list[tuple[int, int]]:
    pattern = _pattern(tuple(terms))
    if pattern is None or not text:
        return []
    folded, origin = _fold(text)
    spans = []
    for match in pattern.finditer(folded):
        if match.end() > match.start():
            if origin is None:
                spans.append((match.start(), match.end()))
            else:
                spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    return spans


def _fragments(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[Fragment]:
    fragments = []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > cursor:
            fragments.append(Fragment(text[cursor:span_start]))
        fragments.append(Fragment(text[span_start:span_end], highlighted=True))
        cursor = span_end
    if cursor < end:
        fragments.append(Fragment(text[cursor:end]))
    return fragments


def highlight(text: str, terms: Iterable[Term]) -> tuple[Fragment, ...]:
    """All of ``text`` (a title, a name) with every match highlighted."""
    return tuple(_fragments(text, _matches(text, terms), 0, len(text)))


def snippet(text: str, terms: Iterable[Term]) -> tuple[Fragment, ...]:
    """About 180 characters of ``text`` around its first match, on one line."""
    flat = " ".join(text.split())
    return _snippet(flat, _matches(flat, terms))


def matching_snippet(text: str, terms: Iterable[Term]) -> tuple[Fragment, ...] | None:
    """Like ``snippet``, or None when ``text`` holds no match."""
    flat = " ".join(text.split())
    spans = _matches(flat, terms)
    return _snippet(flat, spans) if spans else None


def _snippet(flat: str, spans: list[tuple[int, int]]) -> tuple[Fragment, ...]:
    start = 0
    if spans and spans[0][0] > _LEAD_CHARS:
        start = spans[0][0] - _LEAD_CHARS
        space = flat.find(" ", start)
        if 0 <= space < spans[0][0]:
            start = space + 1
    end = min(len(flat), start + SNIPPET_CHARS)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        if space > start + SNIPPET_CHARS // 2:
            end = space
    fragments = _fragments(flat, spans, start, end)
    if start > 0:
        fragments.insert(0, Fragment("…"))
    if end < len(flat):
        fragments.append(Fragment("…"))
    return tuple(fragments)
