"""The SQLCipher connection: how the key reaches SQLCipher, and what stays in memory."""

from __future__ import annotations

import os
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from hushnote.core.atomic import create_private_file
from hushnote.core.store.database import Database
from hushnote.core.store.sqlcipher import raw_key


def test_the_raw_key_literal_is_sqlciphers_and_is_zeroed_after_use() -> None:
    dek = os.urandom(32)
    with raw_key(dek) as literal:
        assert bytes(literal) == f"x'{dek.hex()}'".encode()
        kept = literal
    assert kept == bytearray(len(kept))


def test_a_database_keyed_through_the_buffer_opens_with_the_documented_raw_key(
    tmp_path: Path,
) -> None:
    # docs/vault-format.md publishes the key as SQLCipher's raw-key literal: a plain
    # SQLCipher connection given that literal must read what Database wrote.
    path = tmp_path / "x.db"
    create_private_file(path)
    dek = os.urandom(32)
    db = Database.open(path, dek)
    db.execute("CREATE TABLE t (v TEXT)")
    db.execute("INSERT INTO t VALUES ('kept')")
    db.close()
    plain = sqlcipher.connect(str(path))
    try:
        plain.execute(f"PRAGMA key = \"x'{dek.hex()}'\"")
        assert plain.execute("SELECT v FROM t").fetchall() == [("kept",)]
    finally:
        plain.close()
