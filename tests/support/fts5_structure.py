"""Read an FTS5 index the way an examiner would: every term its leaves hold, every split
key of its b-trees, and how many segments it has on how many levels.

Written from the format described in SQLite's ``ext/fts5/fts5_index.c``, independently of
``hushnote.core.store.split_keys``:

- ``%_data`` rowid 10 is the structure record: a 4-byte cookie, then (for
  ``contentless_delete`` tables) the marker ``ff 00 00 01``, then varints: number of
  levels, number of segments, ...;
- a leaf's rowid is ``segid << 37 | page`` (segment ids below 2**16; tombstone pages use
  ids above, doclist indexes bit 36);
- a leaf starts with two big-endian 16-bit offsets (first rowid, footer); the footer is
  varints, each the offset of a term minus that of the one before; the first term of a
  page is stored as ``varint length, bytes``, each later one as ``varint bytes shared
  with the previous term, varint length, bytes``;
- ``%_idx`` holds ``(segid, split key, page << 1 | doclist-index flag)``.

Every term begins with the byte ``0`` (the main index); it is stripped here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

_STRUCTURE_ROWID = 10
_V2_MARKER = b"\xff\x00\x00\x01"
_SEGMENT_SHIFT = 37
_PAGE_MASK = (1 << 31) - 1
_MAX_SEGMENT_ID = 1 << 16


def varint(data: bytes, at: int) -> tuple[int, int]:
    """An SQLite varint: its value and the offset after it."""
    value = 0
    for index in range(8):
        byte = data[at + index]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + index + 1
    return (value << 8) | data[at + 8], at + 9


def leaf_terms(leaf: bytes) -> list[bytes]:
    """Every term on one leaf page, whole (prefix compression undone)."""
    footer = int.from_bytes(leaf[2:4], "big")
    offsets, at, total = [], footer, 0
    while at < len(leaf):
        delta, at = varint(leaf, at)
        total += delta
        offsets.append(total)
    terms: list[bytes] = []
    for number, offset in enumerate(offsets):
        shared = 0
        if number:
            shared, offset = varint(leaf, offset)
        size, offset = varint(leaf, offset)
        previous = terms[-1] if terms else b""
        terms.append(previous[:shared] + leaf[offset : offset + size])
    return [term[1:] for term in terms]


@dataclass(frozen=True)
class IndexPicture:
    """What one FTS5 index holds, read from its shadow tables."""

    terms: frozenset[bytes]  # every term on every leaf, without the leading ``0``
    split_keys: tuple[bytes, ...]  # every non-empty split key, without the leading ``0``
    first_terms: frozenset[bytes]  # terms that open a leaf page with a split key
    levels: int
    segments: int
    _sorted: tuple[bytes, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sorted", tuple(sorted(self.terms)))

    def terms_starting(self, prefix: bytes) -> list[bytes]:
        start = bisect.bisect_left(self._sorted, prefix)
        end = start
        while end < len(self._sorted) and self._sorted[end].startswith(prefix):
            end += 1
        return list(self._sorted[start:end])

    def starts_a_term(self, prefix: bytes) -> bool:
        return bool(self.terms_starting(prefix))


def picture(connection: Any, index: str) -> IndexPicture:
    """Read ``index`` (``notes_index`` or ``contacts_index``) through ``connection``."""
    terms: set[bytes] = set()
    first: dict[tuple[int, int], bytes] = {}
    levels = segments = 0
    for rowid, block in connection.execute(f"SELECT id, block FROM {index}_data"):  # noqa: S608
        data = bytes(block)
        if rowid == _STRUCTURE_ROWID:
            at = 8 if data[4:8] == _V2_MARKER else 4
            levels, at = varint(data, at)
            segments, at = varint(data, at)
            continue
        segid, page = rowid >> _SEGMENT_SHIFT, rowid & _PAGE_MASK
        height_and_flag = (rowid >> 31) & 0x3F
        if not 0 < segid < _MAX_SEGMENT_ID or height_and_flag:
            continue  # averages, tombstones, doclist indexes: no terms
        on_page = leaf_terms(data)
        terms.update(on_page)
        if on_page:
            first[segid, page] = on_page[0]
    keys, firsts = [], set()
    rows = connection.execute(f"SELECT segid, term, pgno FROM {index}_idx")  # noqa: S608
    for segid, key, pgno in rows:
        if len(key) > 1:
            keys.append(bytes(key)[1:])
            if (segid, pgno >> 1) in first:
                firsts.add(first[segid, pgno >> 1])
    return IndexPicture(frozenset(terms), tuple(keys), frozenset(firsts), levels, segments)
