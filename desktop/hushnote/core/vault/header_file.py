"""Reading ``vault.key`` and the first bytes of ``vault.db`` safely from disk.

``header.py`` is the byte layout; this module is the file: opened without following
links, checked to be a regular file, read one byte past its size so that padding shows.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hushnote.core.atomic import storage_errors
from hushnote.core.paths import VaultPaths
from hushnote.core.vault.folder import real_folder
from hushnote.core.vault.header import FORMAT_VERSION, HEADER_SIZE, SLOT_COUNT, Header
from hushnote.core.vault.key_schedule import KdfParams
from hushnote.core.vault.vault_state import DATABASE_SALT_SIZE
from hushnote.errors import (
    HeaderChangedError,
    HeaderCorruptedError,
    HushnoteError,
    UnsafeVaultFileError,
    VaultMismatchError,
    VaultNotFoundError,
)

__all__ = [
    "VaultInfo",
    "database_salt",
    "read_header",
    "read_info",
    "require_database_salt",
    "unchanged",
]


def read_header(paths: VaultPaths) -> Header:
    """Parse ``vault.key``; raise ``VaultNotFoundError`` if there is no vault at all."""
    if not paths.header.exists():
        if paths.database.exists():
            raise HeaderCorruptedError(path=str(paths.root), reason="missing")
        raise VaultNotFoundError(path=str(paths.root))
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(paths.header, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeVaultFileError(path=str(paths.header)) from None
        with storage_errors(paths.header):
            raise
    try:
        with storage_errors(paths.header):
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise UnsafeVaultFileError(path=str(paths.header))
            # Read one byte past the expected size so that a padded file is detected.
            data = os.pread(fd, HEADER_SIZE + 1, 0)
    finally:
        os.close(fd)
    return Header.parse(data)


def unchanged(paths: VaultPaths, expected: bytes) -> Callable[[], None]:
    """A check that the header on disk is still ``expected``, run just before a header
    write commits (``replace_file``'s precondition).

    Only a wipe (or another program) changes the header of a vault this process holds
    open: the folder lock keeps other Hushnote processes out, and the wipe never waits
    for it. A write that went ahead would put a working header back into a folder the
    wipe had just destroyed, so it stops instead (``HeaderChangedError``).
    """

    def check() -> None:
        try:
            same = read_header(paths).to_bytes() == expected  # parsing is lossless
        except HushnoteError:  # gone, erased, a link now: not the header we wrote
            same = False
        if not same:
            raise HeaderChangedError(path=str(paths.header))

    return check


def database_salt(paths: VaultPaths) -> bytes:
    """The first 16 bytes of ``vault.db`` (SQLCipher's salt, stored in the clear)."""
    with storage_errors(paths.database):
        fd = os.open(paths.database, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            return os.pread(fd, DATABASE_SALT_SIZE, 0)
        finally:
            os.close(fd)


def require_database_salt(paths: VaultPaths, expected: bytes) -> None:
    """Raise ``VaultMismatchError`` unless ``vault.db`` is the file the header recorded."""
    if not paths.database.exists():
        return  # Database.open reports a missing file
    salt = database_salt(paths)
    if len(salt) < DATABASE_SALT_SIZE:
        wal = paths.database_companions()[0]
        if wal.exists() and wal.stat().st_size > 0:
            return  # never checkpointed yet: page 1 is still in the WAL
        raise VaultMismatchError(path=str(paths.database), reason="empty")
    if salt != expected:
        raise VaultMismatchError(path=str(paths.database), reason="foreign")


@dataclass(frozen=True)
class VaultInfo:
    """What anyone holding the disk can read without the passphrase, and nothing more."""

    root: Path
    format_version: int
    kdf: KdfParams
    slot_count: int
    header_bytes: int
    database_bytes: int


def read_info(root: Path) -> VaultInfo:
    """Describe the vault at ``root`` without unlocking it."""
    paths = VaultPaths(real_folder(root))
    header = read_header(paths)
    with storage_errors(root):
        database_bytes = sum(
            path.stat().st_size
            for path in (paths.database, *paths.database_companions())
            if path.exists()
        )
    return VaultInfo(
        root=root,
        format_version=FORMAT_VERSION,
        kdf=header.params,
        slot_count=SLOT_COUNT,
        header_bytes=HEADER_SIZE,
        database_bytes=database_bytes,
    )
