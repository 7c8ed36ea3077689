"""The SQLCipher library as the store uses it: the raw-key form of a data key, the
linked versions, and SQLite's failures translated into the error tree."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from hushnote.errors import (
    CancelledError,
    DiskFullError,
    StorageError,
    VaultBusyError,
    VaultCorruptedError,
)

__all__ = ["database_errors", "library_versions", "raw_key", "sqlcipher"]

_HEX_DIGITS = b"0123456789abcdef"
_KEY_SIZE = 32

# Primary SQLite result codes (the low byte of extended codes).
_SQLITE_ERROR = 1
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_INTERRUPT = 9
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

# The messages (sqlite3ErrStr) that sqlcipher_export passes on, by the code they stand for.
_EXPORT_MESSAGES = {
    "interrupted": _SQLITE_INTERRUPT,
    "database or disk is full": _SQLITE_FULL,
    "disk I/O error": _SQLITE_IOERR,
    "attempt to write a readonly database": _SQLITE_READONLY,
    "unable to open database file": _SQLITE_CANTOPEN,
    "access permission denied": _SQLITE_PERM,
}


def library_versions() -> tuple[str, str]:
    """Return the SQLCipher and SQLite versions this process links against."""
    connection = sqlcipher.connect(":memory:")
    try:
        row = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    return (row[0] if row else "none"), sqlcipher.sqlite_version


@contextlib.contextmanager
def raw_key(dek: bytes | bytearray) -> Iterator[bytearray]:
    """Yield SQLCipher's raw-key form of ``dek`` (``x'<64 hex>'``) in a buffer zeroed after.

    Anything but 32 bytes is refused, because SQLCipher silently treats a malformed raw
    key as a *passphrase*. The hex digits are written one by one into the buffer, so no
    immutable copy of the key (``bytes.hex()`` would make a ``str``) is ever created.
    """
    if len(dek) != _KEY_SIZE:
        raise ValueError("a raw SQLCipher key is exactly 32 bytes")
    literal = bytearray(3 + 2 * _KEY_SIZE)
    literal[0:2] = b"x'"
    for index, byte in enumerate(dek):
        literal[2 + 2 * index] = _HEX_DIGITS[byte >> 4]
        literal[3 + 2 * index] = _HEX_DIGITS[byte & 0x0F]
    literal[-1] = ord("'")
    try:
        yield literal
    finally:
        literal[:] = bytes(len(literal))


@contextlib.contextmanager
def database_errors(path: Path) -> Iterator[None]:
    """Translate SQLite failures into the error tree; anything else is a bug and propagates.

    SQLite's messages are not passed on: the error code says enough, and a message could
    one day quote a value.
    """
    try:
        yield
    except sqlcipher.DatabaseError as exc:
        primary = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if primary in (0, _SQLITE_ERROR):
            # sqlcipher_export runs statements of its own, and reports their failures as a
            # generic error carrying the inner error's message: SQLite's fixed English
            # strings, the only trace of what went wrong.
            primary = _EXPORT_MESSAGES.get(str(exc), primary)
            if str(exc).startswith("vtable constructor failed"):
                # FTS5 opening its shadow tables, stopped by an interrupt (a damaged
                # page fails earlier, on its HMAC, as corruption).
                primary = _SQLITE_INTERRUPT
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise VaultCorruptedError(path=str(path)) from None
        if primary == _SQLITE_FULL:
            raise DiskFullError(path=str(path)) from None
        if primary == _SQLITE_INTERRUPT:
            raise CancelledError() from None
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            raise VaultBusyError(path=str(path)) from None
        if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_READONLY, _SQLITE_PERM):
            raise StorageError(path=str(path), sqlite=primary) from None
        raise
