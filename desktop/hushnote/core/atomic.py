"""Crash-safe file replacement and best-effort scrubbing inside the vault folder.

A replacement goes: write ``NAME.new`` (0600, fsync), hard-link the current file as
``NAME.old``, rename ``.new`` over ``NAME``, fsync the folder, then overwrite ``.old`` with
random bytes and unlink it. The rename is the commit point: a crash before it leaves the
old file, a crash after it the new one. Overwriting ``.old`` afterwards keeps a stale
header (one that an old, perhaps leaked, passphrase opens) out of free disk blocks, as
far as the file system lets us; see docs/threat-model.md for where it cannot.

Leftovers of an interrupted replacement are cleaned by ``clean_leftovers``. A leftover is
only overwritten when no other name links to its inode, so cleaning can never damage the
live file it was hard-linked from.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from hushnote.core.vault.key_erase import fsync_folder
from hushnote.errors import DiskFullError, StorageError

__all__ = [
    "clean_leftovers",
    "create_private_file",
    "create_temporary",
    "fsync_dir",
    "random_stream",
    "replace_file",
    "replace_outside",
    "scrub_file",
    "storage_errors",
    "swap_in",
    "write_new_file",
]

FILE_MODE = 0o600
DIR_MODE = 0o700
_CHUNK = 1 << 20
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
# What a file system without hard links (FAT on a USB stick, some network shares) says.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turn ``OSError`` from the file system into ``StorageError`` naming ``path``."""
    try:
        yield
    except OSError as exc:
        if exc.errno in _NO_SPACE:
            raise DiskFullError(path=str(path)) from exc
        raise StorageError(path=str(path), errno=errno.errorcode.get(exc.errno or 0, "?")) from exc


# Make renames and unlinks inside a folder durable (defined where the wipe can use it
# without importing this module, which loads cryptography).
fsync_dir = fsync_folder


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and 0600 before SQLite opens it.

    SQLite would create it with the process umask, and gives its WAL and journal the mode
    of the main file, so this one call keeps the whole family private from the first byte.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    os.close(os.open(path, flags, FILE_MODE))


def write_new_file(path: Path, data: bytes) -> None:
    """Create ``path`` (it must not exist) as 0600, write ``data`` and fsync it.

    On failure the partial file is removed, so a full disk leaves nothing behind.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(path, flags, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)


def replace_file(
    path: Path, data: bytes, *, precondition: Callable[[], None] | None = None
) -> None:
    """Atomically replace (or create) ``path`` with ``data``, then scrub the old copy.

    ``precondition`` runs once the new file is written, just before the rename; if it
    raises, the new file is scrubbed and nothing has changed. Raises only for failures
    before the rename; see ``_after_commit`` for what happens to a failure after it.
    """
    new, old = _sibling(path, "new"), _sibling(path, "old")
    with storage_errors(path):
        scrub_file(new)
        scrub_file(old)
        write_new_file(new, data)
        if precondition is not None:
            try:
                precondition()
            except BaseException:
                with contextlib.suppress(OSError):
                    scrub_file(new)
                raise
        has_old = path.exists()
        if has_old:
            os.link(path, old)
        os.replace(new, path)
    _after_commit(path, old if has_old else None)


def swap_in(source: Path, target: Path) -> None:
    """Rename the finished file ``source`` over ``target``, then scrub the old ``target``.

    Raises only for failures before the rename (``_after_commit`` says why).
    """
    old = _sibling(target, "old")
    scrub_file(old)
    os.link(target, old)
    os.replace(source, target)
    _after_commit(target, old)


def _after_commit(path: Path, old: Path | None) -> None:
    """Make the rename durable and scrub the old copy, as far as the disk lets us.

    The rename was the commit point: the change is made, and reporting a failure now
    would tell the user it was not (a passphrase change would claim "nothing was
    changed" while only the new passphrase opens the vault). A leftover ``.old`` is
    scrubbed by the next unlock (``clean_leftovers``).
    """
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)
    if old is not None:
        with contextlib.suppress(OSError):
            scrub_file(old)


def clean_leftovers(path: Path) -> None:
    """Remove the ``.new`` and ``.old`` files an interrupted ``replace_file`` left."""
    with storage_errors(path):
        scrub_file(_sibling(path, "new"))
        scrub_file(_sibling(path, "old"))


def link_new(temporary: Path, target: Path) -> None:
    """Give the finished ``temporary`` the name ``target`` only if nothing has that name
    (``FileExistsError`` otherwise), where a rename would replace whatever arrived there.

    A hard link, then the temporary name goes. Where there are no hard links (FAT on a
    USB stick, some network shares), a rename checked just before: a file arriving in the
    moment between is replaced, the one case this cannot exclude there."""
    try:
        os.link(temporary, target)
    except OSError as exc:
        if exc.errno not in _NO_LINKS or os.path.lexists(target):
            raise
        os.rename(temporary, target)
        return
    os.unlink(temporary)


def create_temporary(target: Path, suffix: str) -> tuple[int, Path]:
    """A new, empty, private file beside ``target`` under a random name, made by this call
    (``O_EXCL``, no symbolic link followed), so removing it can never hit anyone's file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    stem = target.name[:200]  # the random tail must not push the name past NAME_MAX
    while True:
        temp = target.with_name(f"{stem}.{secrets.token_hex(6)}{suffix}")
        try:
            return os.open(temp, flags, FILE_MODE), temp
        except FileExistsError:
            continue


def replace_outside(path: Path, data: bytes, *, suffix: str = ".partial") -> None:
    """Atomically replace (or create) ``path``, a user's file outside the vault folder,
    touching no other name: ``data`` goes to a fresh temporary beside it (fsynced), which is
    renamed over ``path``. On failure only that temporary goes. The old file's bytes are
    overwritten afterwards if ``path`` was a regular file no other name links to."""
    fd, temp = create_temporary(path, suffix)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        old = _open_regular(path)
        try:
            os.replace(temp, path)
        except BaseException:
            if old is not None:
                os.close(old)
            raise
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)
    if old is not None:
        with contextlib.suppress(OSError):
            _overwrite_unlinked(old)
        os.close(old)


def _open_regular(path: Path) -> int | None:
    """``path`` opened for writing if it is a regular file, else None; never blocks (a
    FIFO is not opened at all, and ``O_NONBLOCK`` covers one swapped in meanwhile)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def _overwrite_unlinked(fd: int) -> None:
    """Overwrite the file behind ``fd`` with random bytes if no name links to it any more."""
    info = os.fstat(fd)
    if info.st_nlink == 0:
        for chunk in random_stream(info.st_size):
            os.write(fd, chunk)
        os.fsync(fd)


def scrub_file(path: Path) -> None:
    """Overwrite ``path`` with random bytes, fsync, and unlink it; a no-op if it is absent.

    The overwrite is skipped when another name links to the same inode: then the content
    is still live under that name, and only this name goes.
    """
    try:
        # O_NONBLOCK: a FIFO put in the file's place fails at once instead of waiting
        # for a reader forever; it means nothing for a regular file.
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return
    try:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
            for chunk in random_stream(info.st_size):
                os.write(fd, chunk)
            os.fsync(fd)
    finally:
        os.close(fd)
    os.unlink(path)
    fsync_dir(path.parent)


def random_stream(size: int) -> Iterator[bytes]:
    """Yield ``size`` bytes of AES-256-CTR keystream under a throwaway key, in 1 MiB chunks.

    Three times faster than os.urandom for bulk overwrites, and as unpredictable.
    """
    encryptor = Cipher(algorithms.AES(os.urandom(32)), modes.CTR(os.urandom(16))).encryptor()
    zeros = bytes(_CHUNK)
    remaining = size
    while remaining > 0:
        step = min(remaining, _CHUNK)
        yield encryptor.update(zeros[:step])
        remaining -= step


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(f"{path.name}.{suffix}")
