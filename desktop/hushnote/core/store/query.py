"""The search box language, parsed without ever failing.

::

    word            notes and contacts containing word (any case, any accents)
    "two words"     the phrase
    pref*           words starting with pref
    -word           without word (needs at least one other term)
    tag:medic       only records tagged medic (tag:"legal observer" with spaces)
    notebook:case-12  only notes in that notebook (nb: for short)
    kind:notes      only notes; kind:contacts only contacts

Anything else is taken literally: an unclosed quote runs to the end, stray ``*`` and
punctuation are ignored, unknown ``key:value`` pairs are plain words. Every term becomes a
quoted FTS5 phrase, so the FTS5 query syntax is unreachable from the search box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from hushnote.core.store.text_index import fts_phrase

__all__ = ["MAX_QUERY_LENGTH", "MAX_TERMS", "Query", "Term", "parse_query"]

MAX_QUERY_LENGTH = 1000
MAX_TERMS = 32
_KINDS = {"note": "notes", "notes": "notes", "contact": "contacts", "contacts": "contacts"}
_FILTERS = {"tag": "tag", "notebook": "notebook", "nb": "notebook", "kind": "kind"}


@dataclass(frozen=True)
class Term:
    """One word or phrase the user typed."""

    text: str
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        return fts_phrase(self.text, prefix=self.prefix)


@dataclass(frozen=True)
class Query:
    """A parsed query: terms to match, and filters to apply."""

    terms: tuple[Term, ...] = ()
    tags: tuple[str, ...] = ()
    notebooks: tuple[str, ...] = ()
    kinds: frozenset[str] = field(default_factory=frozenset)

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if not term.negated)

    @property
    def has_filters(self) -> bool:
        return bool(self.tags or self.notebooks)

    def wants(self, kind: str) -> bool:
        """Whether results of ``kind`` ("notes" or "contacts") can match at all."""
        if self.kinds and kind not in self.kinds:
            return False
        return not (kind == "contacts" and self.notebooks)

    def fts_expression(self) -> str | None:
        """The FTS5 MATCH expression, or None when no positive term was given."""
        positive = [term.fts() for term in self.positive]
        if not positive:
            return None
        expression = " AND ".join(positive)
        for term in self.terms:
            if term.negated:
                expression = f"({expression}) NOT {term.fts()}"
        return expression


def parse_query(text: str) -> Query:
    """Parse whatever was typed; never raises."""
    text = _clean(text[:MAX_QUERY_LENGTH])
    terms: list[Term] = []
    tags: list[str] = []
    notebooks: list[str] = []
    kinds: set[str] = set()
    position = 0
    while position < len(text) and len(terms) < MAX_TERMS:
        if text[position].isspace():
            position += 1
            continue
        negated = text[position] == "-" and position + 1 < len(text)
        if negated:
            position += 1
        if text[position] == '"':
            phrase, position = _read_quoted(text, position)
            _add_term(terms, phrase, prefix=False, negated=negated)
            continue
        word, position = _read_word(text, position)
        key, _, value = word.partition(":")
        filter_name = _FILTERS.get(key.lower())
        if filter_name and not negated and (value or text[position : position + 1] == '"'):
            if not value:
                value, position = _read_quoted(text, position)
            value = value.strip()
            if filter_name == "tag" and value:
                tags.append(value)
            elif filter_name == "notebook" and value:
                notebooks.append(value)
            elif filter_name == "kind" and value.lower() in _KINDS:
                kinds.add(_KINDS[value.lower()])
            continue
        prefix = word.endswith("*")
        _add_term(terms, word.rstrip("*"), prefix=prefix, negated=negated)
    return Query(tuple(terms), tuple(tags), tuple(notebooks), frozenset(kinds))


def _clean(text: str) -> str:
    """Drop control characters (NUL among them), which no index term contains."""
    return "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") else ch for ch in text
    )


def _read_quoted(text: str, position: int) -> tuple[str, int]:
    end = text.find('"', position + 1)
    if end < 0:
        return text[position + 1 :], len(text)
    return text[position + 1 : end], end + 1


def _read_word(text: str, position: int) -> tuple[str, int]:
    end = position
    while end < len(text) and not text[end].isspace() and text[end] != '"':
        end += 1
    return text[position:end], end


def _add_term(terms: list[Term], text: str, *, prefix: bool, negated: bool) -> None:
    # A term without a letter or digit would be an empty phrase: it can match nothing.
    if any(ch.isalnum() for ch in text):
        terms.append(Term(" ".join(text.split()), prefix=prefix, negated=negated))
