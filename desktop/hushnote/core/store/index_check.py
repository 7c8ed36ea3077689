"""``hushnote check`` for the full-text indexes: do they hold exactly what the records say?

The record MACs (``record_integrity``) cover the notes and contacts, not the indexes: a
page of an index put back from an older copy authenticates (SQLCipher binds a page to
its number, not its version) and would let search find words a note no longer has, or
find a note by words it never had. The indexes are contentless, so FTS5's own
``integrity-check`` cannot compare them with the records either.

So the check indexes every record again, into a TEMP table made with the real index's
own definition (same tokenizer, same columns), and compares the two entry by entry
through ``fts5vocab`` (term, row, column, offset). The copy lives in memory
(``temp_store = MEMORY``) and is dropped at once; for 100,000 notes it takes about as
long as the rest of the check (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hushnote.core.store.database import Database
from hushnote.core.store.text_index import (
    IndexEntry,
    attachment_entry,
    contact_entry,
    note_entry,
)

__all__ = ["index_problems"]

# index -> (the table of its records, how to compute one record's entry)
_INDEXES: dict[str, tuple[str, Callable[[Any, int], IndexEntry | None]]] = {
    "notes_index": ("notes", note_entry),
    "contacts_index": ("contacts", contact_entry),
    "attachments_index": ("attachments", attachment_entry),
}


def index_problems(db: Database) -> list[str]:
    """One sentence per index whose entries differ from its records' (counts only)."""
    problems = []
    connection = db.connection
    for index, (table, entry_of) in _INDEXES.items():
        row = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (index,)
        ).fetchone()
        if row is None:
            continue
        expected = f"hn_expected_{index}"
        definition = row[0].replace(f"VIRTUAL TABLE {index}", f"VIRTUAL TABLE temp.{expected}", 1)
        try:
            connection.execute(definition)
            columns = len(_columns(connection, index))
            marks = ", ".join("?" * (columns + 1))
            for (record_id,) in connection.execute(f"SELECT id FROM {table}").fetchall():  # noqa: S608
                entry = entry_of(connection, record_id)
                if entry is not None and entry.searchable:
                    connection.execute(
                        f"INSERT INTO temp.{expected} (rowid, {_column_list(connection, index)}) "  # noqa: S608
                        f"VALUES ({marks})",
                        (record_id, *entry.values),
                    )
            differing = _differences(connection, index, expected)
        finally:
            for name in (f"hn_vocab_{index}", f"hn_vocab_{expected}", expected):
                connection.execute(f"DROP TABLE IF EXISTS temp.{name}")
        if differing:
            problems.append(
                f"{differing} entries of the {index.removesuffix('_index')} search index do "
                "not match the records: pages of it are older than the rest, or it was "
                "changed without the key"
            )
    return problems


def _columns(connection: Any, index: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({index})").fetchall()]


def _column_list(connection: Any, index: str) -> str:
    return ", ".join(_columns(connection, index))


def _differences(connection: Any, index: str, expected: str) -> int:
    """How many (term, row, column, offset) entries one index has and the other lacks."""
    connection.execute(
        f"CREATE VIRTUAL TABLE temp.hn_vocab_{index} USING fts5vocab(main, {index}, instance)"
    )
    connection.execute(
        f"CREATE VIRTUAL TABLE temp.hn_vocab_{expected} USING fts5vocab(temp, {expected}, instance)"
    )
    found = 0
    for left, right in ((index, expected), (expected, index)):
        found += connection.execute(
            f"SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.hn_vocab_{left} "  # noqa: S608
            f"EXCEPT SELECT term, doc, col, offset FROM temp.hn_vocab_{right})"
        ).fetchone()[0]
    # The lengths bm25 ranks by, and the totals they are averaged over: the entries can
    # all be right while these are a page older.
    real, fresh = f"main.{index}", f"temp.{expected}"
    for left, right in ((real, fresh), (fresh, real)):
        found += connection.execute(
            f"SELECT count(*) FROM (SELECT id, sz FROM {left}_docsize "  # noqa: S608
            f"EXCEPT SELECT id, sz FROM {right}_docsize)"
        ).fetchone()[0]
    averages = [
        _totals(connection.execute(f"SELECT block FROM {name}_data WHERE id = 1").fetchone())  # noqa: S608
        for name in (real, fresh)
    ]
    found += int(averages[0] != averages[1])
    return int(found)


def _totals(row: tuple[bytes] | None) -> bytes:
    """The averages record, with "never written" and "every count zero" the same: an
    index whose last entry was deleted keeps a record of zeros (varint 0 is one 0x00
    byte), while a fresh one that never held an entry has none."""
    block = row[0] if row is not None else b""
    return block if any(block) else b""
