"""Decrypt every page of an SQLCipher 4 database and its WAL, free pages included.

SQLite only shows live rows; an examiner with the key reads raw pages. SQLCipher 4 keeps
each 4096-byte page as AES-256-CBC ciphertext followed by a reserve of IV (16 bytes) and
HMAC-SHA512 (64 bytes); page 1 begins with the 16-byte salt. With a raw key the key is
used for AES as it is.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
WAL_HEADER = 32
FRAME_HEADER = 24


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    start = 16 if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def decrypted_pages(database: Path, key: bytes) -> list[bytes]:
    """Every page of the database file and of its WAL (if any), decrypted."""
    data = database.read_bytes()
    pages = [_decrypt(data[i : i + PAGE], key, i == 0) for i in range(0, len(data), PAGE)]
    return pages + decrypted_wal_frames(database, key)


def decrypted_wal_frames(database: Path, key: bytes) -> list[bytes]:
    """The page in every frame of the database's WAL, decrypted: old copies included,
    since a frame stays in the file until the WAL is truncated or overwritten."""
    wal = database.with_name(database.name + "-wal")
    if not wal.exists():
        return []
    frames = wal.read_bytes()
    pages = []
    for offset in range(WAL_HEADER, len(frames) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        number = int.from_bytes(frames[offset : offset + 4], "big")
        page = frames[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
        pages.append(_decrypt(page, key, number == 1))
    return pages


def decrypt_page(page: bytes, key: bytes, index: int) -> bytes:
    """Page ``index`` (from 0) of a database file, decrypted; its reserve left off."""
    return _decrypt(page, key, index == 0)
