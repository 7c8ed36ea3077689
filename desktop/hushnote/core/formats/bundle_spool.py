"""A decrypted archive too large to hold in memory, kept sealed in a file with no name.

A bundle's ZIP must be read with random access (its directory is at the end), so the
reader needs the whole decrypted archive at hand. Up to ``IN_MEMORY`` it stays in memory;
past that it goes into a ``Spool``: cut into 64 KiB chunks, each sealed with AES-256-GCM
under a key that exists only in this process's memory (nonce: the chunk's number), in a
file created without a name (``O_TMPFILE``) in the vault's attachments folder, 0600.
Nothing of it can be read without the key, and the file vanishes when it is closed or the
process dies: nothing to sweep, nothing for a wipe to find. Where ``O_TMPFILE`` is not
available, the file is made under a random ``.partial`` name and unlinked at once (a
crash between leaves a ``.partial`` that the unlock sweep removes).
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import weakref
from pathlib import Path
from typing import Any

from hushnote.core.atomic import DIR_MODE, FILE_MODE, storage_errors
from hushnote.errors import UnsafeVaultFileError

__all__ = ["IN_MEMORY", "Spool", "SpoolReader"]

IN_MEMORY = 16 << 20  # a decrypted archive up to this size stays in memory
CHUNK = 1 << 16
_TAG = 16
_BATCH = 16 * CHUNK  # bytes sealed per write(2)


class Spool:
    """Append-only while written (``write``, then ``finish``), then read at any offset."""

    def __init__(self, folder: Path) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._fd = _unnamed_file(folder)
        self._path = folder
        self._finalizer = weakref.finalize(self, os.close, self._fd)
        self._aead = AESGCM(secrets.token_bytes(32))
        self._pending = bytearray()
        self._chunks = 0
        self._cached: tuple[int, bytes] = (-1, b"")
        self.size = 0

    def write(self, data: Any) -> None:
        """Seal and append ``data``, at most 1 MiB at a time: memory stays small whatever
        is handed over at once (the archive held so far, when it outgrows memory)."""
        with memoryview(data) as view:
            self.size += len(view)
            position = 0
            if self._pending:
                position = min(CHUNK - len(self._pending), len(view))
                self._pending += view[:position]
                if len(self._pending) < CHUNK:
                    return
                self._append(self._seal(self._pending))
                self._pending.clear()
            while len(view) - position >= CHUNK:
                sealed = bytearray()
                end = min(len(view) - (len(view) - position) % CHUNK, position + _BATCH)
                for start in range(position, end, CHUNK):
                    sealed += self._seal(view[start : start + CHUNK])
                self._append(sealed)
                position = end
            self._pending += view[position:]

    def finish(self) -> None:
        if self._pending:
            self._append(self._seal(bytes(self._pending)))
            self._pending.clear()

    def _seal(self, chunk: Any) -> bytes:
        sealed: bytes = self._aead.encrypt(self._chunks.to_bytes(12, "big"), bytes(chunk), None)
        self._chunks += 1
        return sealed

    def _append(self, data: bytes | bytearray) -> None:
        with storage_errors(self._path), memoryview(data) as view:
            while view:
                view = view[os.write(self._fd, view) :]

    def chunk(self, index: int) -> bytes:
        """The plaintext of chunk ``index``, checked (``ValueError`` if the file was
        changed: nobody but this process can have written it)."""
        if self._cached[0] == index:
            return self._cached[1]
        from cryptography.exceptions import InvalidTag

        length = min(CHUNK, self.size - index * CHUNK) + _TAG
        with storage_errors(self._path):
            sealed = os.pread(self._fd, length, index * (CHUNK + _TAG))
        try:
            plain: bytes = self._aead.decrypt(index.to_bytes(12, "big"), sealed, None)
        except InvalidTag:
            raise ValueError("the spool was changed") from None
        self._cached = (index, plain)
        return plain

    def read_at(self, offset: int, size: int) -> bytes:
        """At most ``size`` bytes from ``offset`` (fewer at the end)."""
        size = max(0, min(size, self.size - offset))
        parts = []
        while size > 0:
            index, start = divmod(offset, CHUNK)
            part = self.chunk(index)[start : start + size]
            parts.append(part)
            offset += len(part)
            size -= len(part)
        return b"".join(parts)

    def close(self) -> None:
        self._finalizer()


class SpoolReader(io.RawIOBase):
    """A seekable read-only stream over a finished ``Spool``, for ``zipfile``."""

    def __init__(self, spool: Spool) -> None:
        self._spool = spool
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._spool.read_at(self._position, len(buffer))
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._spool.size}
        self._position = max(0, base[whence] + offset)
        return self._position

    def tell(self) -> int:
        return self._position


def _unnamed_file(folder: Path) -> int:
    """A new file with no name in ``folder`` (made 0700 if missing, never through a link),
    open for reading and writing."""
    with storage_errors(folder):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, DIR_MODE)
        try:
            directory = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except NotADirectoryError as error:
            raise UnsafeVaultFileError(path=str(folder)) from error
        except OSError as error:
            if os.path.islink(folder):
                raise UnsafeVaultFileError(path=str(folder)) from error
            raise
        try:
            flags = os.O_RDWR | os.O_CLOEXEC
            if hasattr(os, "O_TMPFILE"):
                with contextlib.suppress(OSError):  # a file system without it: below
                    return os.open(".", flags | os.O_TMPFILE, FILE_MODE, dir_fd=directory)
            name = secrets.token_hex(16) + ".partial"
            fd = os.open(name, flags | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE,
                         dir_fd=directory)  # fmt: skip
            os.unlink(name, dir_fd=directory)
            return fd
        finally:
            os.close(directory)
