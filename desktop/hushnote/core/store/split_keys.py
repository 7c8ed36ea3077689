"""Split keys in the FTS5 b-trees that still spell a deleted word, and their repair.

An FTS5 segment keeps its leaf pages in ``%_data`` and, in ``%_idx``, one *split key*
per leaf: a prefix of the leaf's first term, one byte longer than what it shares with
the last term of the leaf before (or the whole term, when an incremental merge wrote
the leaf). Secure-delete removes a deleted term from its leaf but leaves the split key,
so a word that happened to open a leaf would survive as a prefix of itself.

Once FTS5 has written out a deletion (``text_index.forget``, in the same transaction),
each split key that is a prefix of a removed word is compared with its leaf's first
term now; one that no longer leads into it is replaced by that term. Any key between the
previous leaf's last term and the leaf's first term is valid (FTS5 writes whole terms
there itself), so lookups find the same pages as before.

The layout read here is FTS5's documented on-disk format (``ext/fts5/fts5_index.c``):
leaf rowids are ``segid << 37 | page``; a leaf starts with two big-endian 16-bit
offsets, the second that of its footer, whose first varint is the offset of the
page's first term, stored whole as a varint length and the bytes. Anything else
found there is left alone.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from typing import Any

__all__ = ["repair_split_keys"]

_TABLES = ("notes_index", "contacts_index", "attachments_index")
_MAIN_INDEX = b"0"  # FTS5 prefixes every term of its main index with this byte
_SEGMENT_SHIFT = 37  # page-number, height and doclist-index bits below the segment id
# Split keys up to this many bytes are matched against a list of every prefix of the
# removed words; longer ones against each long word itself.
_SHORT = 64


def repair_split_keys(connection: Any, words: Iterable[str] | None) -> int:
    """Replace, in every index, every split key that spells the start of one of
    ``words`` (None: any key) but no longer leads into its leaf's first term; return
    how many were replaced."""
    queries: list[tuple[str, tuple[Any, ...]]] = []
    if words is not None:
        words = list(words)
        # Each word costs about as much as one key (its prefixes built and matched): past
        # as many words as keys, checking every key is cheaper. A 1 MB text file's 80,000
        # words took 1.7 s the one way and 0.06 s the other, in 10,000 notes.
        if len(words) > _key_count(connection):
            words = None
    if words is None:
        queries.append(("length(term) > 1", ()))
    else:
        forms = _forms(words)
        candidates = {term[:end] for term in forms for end in range(2, min(len(term), _SHORT) + 1)}
        if not candidates:
            return 0
        # Matched in SQL: at 100,000 notes there are thousands of split keys, and a
        # Python loop over them took 10 ms of every save that removed a word.
        keys = json.dumps([key.hex().upper() for key in candidates])
        queries.append(("hex(term) IN (SELECT value FROM json_each(?))", (keys,)))
        # Every prefix of a long word would be quadratic (a 20,000-character token took
        # 2 GB): longer keys are compared with each long word directly instead.
        for term in (term for term in forms if len(term) > _SHORT):
            where = f"length(term) > {_SHORT} AND substr(?, 1, length(term)) = term"
            queries.append((where, (term,)))
    repaired = 0
    for table in _TABLES:
        rows = [
            row
            for where, parameters in queries
            for row in connection.execute(
                f"SELECT segid, term, pgno FROM {table}_idx WHERE {where}",  # noqa: S608
                parameters,
            ).fetchall()
        ]
        for segid, term, pgno in rows:
            key = bytes(term)
            leaf = connection.execute(
                f"SELECT block FROM {table}_data WHERE id = ?",  # noqa: S608 - fixed names
                ((segid << _SEGMENT_SHIFT) + (pgno >> 1),),
            ).fetchone()
            first = _first_term(bytes(leaf[0])) if leaf is not None else None
            # Only a key that sorts before the leaf's first term can give way to it.
            if first is None or first.startswith(key) or first < key:
                continue
            connection.execute(
                f"UPDATE {table}_idx SET term = ? WHERE segid = ? AND term = ?",  # noqa: S608
                (first, segid, key),
            )
            repaired += 1
    return repaired


def _key_count(connection: Any) -> int:
    return sum(
        int(connection.execute(f"SELECT count(*) FROM {table}_idx").fetchone()[0])  # noqa: S608
        for table in _TABLES
    )


def _forms(words: Iterable[str]) -> set[bytes]:
    """Each of ``words`` as FTS5 may store it: lower case, with and without diacritics
    (unicode61 ``remove_diacritics 2``), behind the main index's prefix byte."""
    found: set[bytes] = set()
    for word in words:
        lower = word.lower()
        decomposed = unicodedata.normalize("NFD", lower)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
        found.update(_MAIN_INDEX + form.encode() for form in {lower, bare, word.casefold()})
    return found


def _first_term(leaf: bytes) -> bytes | None:
    """The first term on an FTS5 leaf page, or None if it has none or is malformed."""
    if len(leaf) < 4:
        return None
    footer = int.from_bytes(leaf[2:4], "big")
    if not 4 <= footer < len(leaf):
        return None
    start, _ = _varint(leaf, footer)
    if start is None or not 4 <= start < footer:
        return None
    size, at = _varint(leaf, start)
    if size is None or at + size > footer or size == 0:
        return None
    return leaf[at : at + size]


def _varint(data: bytes, at: int) -> tuple[int | None, int]:
    """An SQLite varint at ``at``: the value and the offset after it (None if cut short)."""
    value = 0
    for index in range(9):
        if at + index >= len(data):
            return None, at
        byte = data[at + index]
        if index == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + index + 1
    return None, at  # unreachable: the ninth byte always ends a varint
