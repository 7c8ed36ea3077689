"""What goes into the full-text indexes, and how a user's word becomes an FTS5 phrase.

FTS5's ``unicode61`` tokenizer splits on spaces and punctuation, which Chinese and
Japanese do not use between words: a whole sentence would be one token, and a
two-character word inside it unfindable. A trigram tokenizer finds it, but triples the
database. Instead, runs of CJK characters are indexed as overlapping character bigrams
(``中华人民`` → ``中华 华人 人民 民``), and a CJK search term becomes the phrase of its
bigrams. Every character starts at least one token, so a single character is found as a
prefix. Other scripts are indexed as written.

The indexes are contentless (they keep no copy of the text), so what is written here
exists only as index terms inside the encrypted database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "cjk_bigrams",
    "contains_cjk",
    "fts_phrase",
    "index_contact",
    "index_note",
    "index_text",
    "unindex_contact",
    "unindex_note",
]

_CJK_RANGES = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0003134f"  # CJK extensions B to G
)
_CJK_RUN = re.compile(f"[{_CJK_RANGES}]+")


def contains_cjk(text: str) -> bool:
    return _CJK_RUN.search(text) is not None


def cjk_bigrams(run: str) -> list[str]:
    """Overlapping bigrams of ``run``; a single character stands alone."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """``text`` as the index sees it: CJK runs spelled out as bigrams plus their last
    character, so that every character position starts a token."""

    def expand(match: re.Match[str]) -> str:
        run = match.group(0)
        tokens = cjk_bigrams(run)
        if len(run) > 1:
            tokens.append(run[-1])
        return " " + " ".join(tokens) + " "

    return _CJK_RUN.sub(expand, text)


def _query_text(text: str) -> tuple[str, bool]:
    """Spell ``text`` as index tokens for a query; the flag says the last CJK token is a
    single character, which only matches as a prefix."""
    single_at_end = False

    def expand(match: re.Match[str]) -> str:
        nonlocal single_at_end
        run = match.group(0)
        single_at_end = len(run) == 1 and match.end() == len(text)
        return " " + " ".join(cjk_bigrams(run)) + " "

    return " ".join(_CJK_RUN.sub(expand, text).split()), single_at_end


def fts_phrase(text: str, *, prefix: bool = False) -> str:
    """One FTS5 phrase matching ``text`` literally: no operator inside can take effect.

    Everything sits inside double quotes (with quotes doubled), which FTS5 hands to the
    tokenizer as plain text, so no user input can cause an FTS5 syntax error.
    """
    spelled, single_cjk = _query_text(text)
    quoted = '"' + spelled.replace('"', '""') + '"'
    return quoted + " *" if prefix or single_cjk else quoted


def index_note(connection: Any, note_id: int, title: str, body: str, tags: Iterable[str]) -> None:
    """(Re)index one note inside the caller's transaction."""
    unindex_note(connection, note_id)
    connection.execute(
        "INSERT INTO notes_index (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
        (note_id, index_text(title), index_text(body), index_text(" ".join(tags))),
    )


def unindex_note(connection: Any, note_id: int) -> None:
    connection.execute("DELETE FROM notes_index WHERE rowid = ?", (note_id,))


def index_contact(
    connection: Any,
    contact_id: int,
    name: str,
    handles: Iterable[str],
    organization: str,
    notes: str,
) -> None:
    """(Re)index one contact inside the caller's transaction."""
    unindex_contact(connection, contact_id)
    connection.execute(
        "INSERT INTO contacts_index (rowid, name, handles, organization, notes) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            contact_id,
            index_text(name),
            index_text(" ".join(handles)),
            index_text(organization),
            index_text(notes),
        ),
    )


def unindex_contact(connection: Any, contact_id: int) -> None:
    connection.execute("DELETE FROM contacts_index WHERE rowid = ?", (contact_id,))
