"""The search box (``parse_query``), and its FTS5 expression run against real indexes.

The expression goes to SQLite's FTS5 in an in-memory database with the very index
definitions core/store/schema.py builds, holding a few indexed rows: a query SQLite refuses
(``sqlcipher3.OperationalError``) is a crash like any other. The highlighter that shows
the results is fed the same terms.
"""

from __future__ import annotations

import functools
from typing import Any

import sqlcipher3

from hushnote.core.store.query import parse_query
from hushnote.core.store.schema import MIGRATIONS
from hushnote.core.store.snippets import highlight, snippet
from hushnote.core.store.text_index import index_text

from .harness import Target

_INDEXES = ("notes_index", "contacts_index")
_ROWS = ("Hearing moved Rosa Delgado +1 555 0100 @rosa.01", "中华人民共和国 café naïve 中文")
_SAMPLE = 'Hearing moved to Friday — café «Zürich» 律师会到场。 tag:legal "quoted" e-mail a*b'


@functools.cache
def _database() -> Any:
    connection = sqlcipher3.connect(":memory:")
    # The whole schema as the migrations build it (code steps have nothing to do on an
    # empty database), so the indexes are exactly the vault's.
    for step in MIGRATIONS:
        for sql in step:
            if isinstance(sql, str):
                connection.execute(sql)
    # Every column of every index gets text spelled as the indexer spells it.
    for index in _INDEXES:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({index})")]
        marks = ", ".join("?" * len(columns))
        for rowid, text in enumerate(_ROWS, 1):
            connection.execute(
                f"INSERT INTO {index} (rowid, {', '.join(columns)}) VALUES (?, {marks})",  # noqa: S608
                (rowid, *[index_text(text)] * len(columns)),
            )
    return connection


def text_of(data: bytes) -> str:
    """Any str a text box could hand over, lone surrogates included."""
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape")


def _parse(data: bytes) -> object:
    query = parse_query(text_of(data))
    expression = query.fts_expression()
    query.wants("notes"), query.wants("contacts"), query.has_filters
    if expression is not None:
        for index in _INDEXES:
            _database().execute(
                f"SELECT rowid, bm25({index}) FROM {index} WHERE {index} MATCH ?",  # noqa: S608
                (expression,),
            ).fetchall()
    highlight(_SAMPLE, query.positive)
    snippet(_SAMPLE, query.positive)
    return query


def _seeds() -> dict[str, bytes]:
    queries = [
        "eviction",
        '"court date"',
        "evic*",
        "eviction -draft",
        "tag:medic",
        'tag:"legal observer" word',
        "notebook:case-12 nb:x kind:notes kind:contacts",
        "律师",
        "中",
        "人民共和国 -中华",
        'say ""hi""',
        "AND OR NOT NEAR(a b)",
        "col:word ^x",
        "café naïve",
        '"open phrase',
        "-",
        "*",
        "a" * 40,
    ]
    return {f"q{number:02d}": text.encode() for number, text in enumerate(queries)}


TARGET = Target(
    name="query",
    parse=_parse,
    seeds=_seeds,
    max_len=4096,
    dictionary=(
        b"tag:",
        b"notebook:",
        b"nb:",
        b"kind:",
        b"notes",
        b"contacts",
        b'"',
        b"*",
        b"-",
        b"AND",
        b"OR",
        b"NOT",
        b"NEAR(",
        b"^",
        b"\xe5\xbe\x8b\xe5\xb8\x88",
        b"\xed\xa0\x80",
        b"\x00",
        b"\xe2\x80\xa8",
    ),
)
