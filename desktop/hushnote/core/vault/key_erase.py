"""The first step of every wipe: overwrite the key slots in place. Imports only ``os``.

This is the step that makes a vault unreadable (docs/panic-and-duress.md), so it must
run as soon as a wipe starts: the command line calls it before it imports anything
else (``pathlib`` and ``dataclasses`` alone cost tens of milliseconds), and
``core/vault/wipe.py`` builds the rest of the wipe on it. Paths are plain strings here for
the same reason.

``vault.key`` as a symbolic link is followed only to a file shaped like a header (its
size, magic and fixed fields): that is the header the vault was opened with, moved aside
to disarm the wipe, and its keys must go. Links under the leftovers' names are removed. A
file is overwritten in place and never grown (a full disk refuses growth), and only a
regular file is ever opened, without blocking (a FIFO would hang the panic).
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = [
    "HEADER_MAGIC",
    "HEADER_NAMES",
    "erase_keys",
    "fsync_folder",
    "reason_word",
    "take_and_erase",
]

# The first bytes of every vault header (docs/vault-format.md).
HEADER_MAGIC = b"HUSHNOTE"
# What a link must lead to before the wipe overwrites through it: the magic, format
# version 1, Argon2id, 8 slots of 4,096 bytes, and the header's exact size.
_HEADER_START = HEADER_MAGIC + bytes([0, 1, 1, 8, 0, 0, 16, 0])
_HEADER_SIZE = 32_832
# Only the header itself is followed through a link: moving it aside and linking to it
# is how the wipe was disarmed. A link under a leftover's name is only removed.
_FOLLOWED = "vault.key"
# The header, and what an interrupted replacement of it can leave (core/atomic.py).
# ``vault.key.wiping`` is where the wipe takes a header before it erases and removes it.
HEADER_NAMES = ("vault.key", "vault.key.new", "vault.key.old", "vault.key.wiping")
_TAKEN = "vault.key.wiping"
_NO_BLOCK = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_WRITE_FLAGS = os.O_WRONLY | _NO_BLOCK
_REASONS = {
    errno.EROFS: "read-only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.ENOSPC: "disk-full",
    errno.EDQUOT: "disk-full",
    errno.EIO: "io-error",
    errno.EBUSY: "busy",
    errno.ELOOP: "link",
    errno.EISDIR: "not-a-regular-file",
    errno.ENOTEMPTY: "not-empty",
}


def reason_word(error: OSError) -> str:
    """A word for what went wrong, never a message that could quote a path's content."""
    return _REASONS.get(error.errno or 0, "io-error")


def erase_keys(folder: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Overwrite every header file in ``folder`` with random bytes and fsync it.

    Returns the names erased, and (name, reason) for each that could not be. Idempotent:
    erasing random bytes again changes nothing that matters.
    """
    erased: list[str] = []
    problems: list[tuple[str, str]] = []
    for name in HEADER_NAMES:
        path = os.path.join(folder, name)
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            problems.append((name, reason_word(error)))
            continue
        target = path
        if stat.S_ISLNK(info.st_mode):
            if name != _FOLLOWED:
                continue  # a leftover's name: the wipe removes the link itself
            target = os.path.realpath(path)
        elif not stat.S_ISREG(info.st_mode):
            problems.append((name, "not-a-regular-file"))
            continue
        try:
            done = _overwrite_in_place(target, header_only=target != path)
        except OSError as error:
            problems.append((name, reason_word(error)))
            continue
        if done:
            erased.append(name if target == path else f"{name} -> {target}")
    if erased:
        try:
            fsync_folder(folder)
        except OSError:
            pass  # the files themselves are synced; the folder's entries did not change
    return erased, problems


def take_and_erase(folder: str, name: str) -> str | None:
    """Remove the header file ``name`` so that whatever it is at that moment is erased.

    The name is first renamed to ``vault.key.wiping`` (atomic: the wipe now owns that
    inode), then overwritten in place, synced and unlinked. Unlinking by name alone
    could remove a header another process renamed into place a moment after the erase,
    leaving its keys in free blocks. Returns a reason word if the file could not be
    erased, else None.
    """
    path, taken = os.path.join(folder, name), os.path.join(folder, _TAKEN)
    try:
        os.rename(path, taken)
    except FileNotFoundError:
        return None
    except OSError as error:
        return reason_word(error)
    problem = None
    try:
        if stat.S_ISREG(os.lstat(taken).st_mode):
            _overwrite_in_place(taken, header_only=False)
    except OSError as error:
        problem = reason_word(error)  # the name still goes: erase_keys erased it before
    try:
        os.unlink(taken)
    except FileNotFoundError:
        pass
    except OSError as error:
        problem = reason_word(error)
    return problem


def _overwrite_in_place(path: str, *, header_only: bool) -> bool:
    """Overwrite the regular file at ``path`` with random bytes and fsync it, checking
    and writing through one descriptor. With ``header_only`` (a file a link led to) only
    a file shaped like a header (size, magic, fixed fields: a text that merely begins
    with the word HUSHNOTE does not qualify) is touched; returns whether it was."""
    if header_only:
        try:
            fd = os.open(path, os.O_RDWR | _NO_BLOCK)
        except OSError:
            return False  # not a file we can vouch for: the wipe removes the link only
    else:
        fd = os.open(path, _WRITE_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            if header_only:
                return False
            raise OSError(errno.EISDIR, "not a regular file")
        if header_only and (
            info.st_size != _HEADER_SIZE or os.pread(fd, len(_HEADER_START), 0) != _HEADER_START
        ):
            return False
        offset = 0
        while offset < info.st_size:
            step = min(info.st_size - offset, 1 << 20)
            offset += os.pwrite(fd, os.urandom(step), offset)
        os.fsync(fd)
        return True
    finally:
        os.close(fd)


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make renames and unlinks inside ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
