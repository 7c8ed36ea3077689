"""The folder a sync engine replicates, as Hushnote reads and writes it.

``<folder>/<space>/<device>/<seq>``: each device writes only under its own folder, each
file once. A file is written under a hidden temporary name and then hard-linked to its
final name, which fails rather than replace a file already there, so this device never
overwrites anything; the engine never sees two writers of one file, and never makes a
conflict copy. Names that are not a sequence number (an engine's temporary and partial
files, conflict copies, anything a person dropped there) are never read.

Every read opens with ``O_NOFOLLOW`` and checks for a regular file of bounded size, so a
link or a device node planted in the folder is refused, not followed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from hushnote.core.atomic import fsync_dir, link_new, storage_errors
from hushnote.core.sync.change_file import MAX_FILE, FileRefused, file_name, parse_name

__all__ = [
    "device_folders",
    "read_change_file",
    "sequence_numbers",
    "set_aside",
    "sweep_temporary",
    "write_change_file",
]

_DIR_MODE = 0o700
_FILE_MODE = 0o600
_ID_DIGITS = 32


def _is_id(name: str) -> bool:
    return len(name) == _ID_DIGITS and not name.strip("0123456789abcdef")


def device_folders(space_folder: Path) -> list[str]:
    """The device ids with a folder under ``space_folder``."""
    try:
        with os.scandir(space_folder) as entries:
            return sorted(
                entry.name
                for entry in entries
                if _is_id(entry.name) and entry.is_dir(follow_symlinks=False)
            )
    except FileNotFoundError:
        return []


def sequence_numbers(device_folder: Path) -> list[int]:
    try:
        with os.scandir(device_folder) as entries:
            numbers = [parse_name(entry.name) for entry in entries]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(n for n in numbers if n is not None)


def read_change_file(path: Path) -> bytes:
    """A change file's bytes; ``FileRefused`` for a link, a non-file, or an oversize file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        raise FileRefused("missing") from None
    except OSError:
        raise FileRefused("not-a-file") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("not-a-file")
        if info.st_size > MAX_FILE:
            raise FileRefused("too-large")
        chunks = []
        left = info.st_size + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > MAX_FILE:
            raise FileRefused("too-large")
        return data
    finally:
        os.close(fd)


def write_change_file(device_folder: Path, seq: int, data: bytes) -> Path:
    """Write this device's file number ``seq``; never replaces one already there
    (``FileExistsError``)."""
    target = device_folder / file_name(seq)
    if os.path.lexists(target):
        raise FileExistsError(str(target))
    with storage_errors(device_folder):
        device_folder.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
        temporary = device_folder / f".hn-{secrets.token_hex(8)}.tmp"
        fd = os.open(
            temporary,
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
            _FILE_MODE,
        )
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException:
            # A full disk must not leave a partial file behind to fill it further.
            os.close(fd)
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        os.close(fd)
        try:
            # Only this device writes here, so where there are no hard links (FAT) the
            # checked rename ``link_new`` falls back to is as safe.
            link_new(temporary, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        fsync_dir(device_folder)
    return target


def sweep_temporary(device_folder: Path) -> None:
    """Remove this device's temporary files that a crash or a full disk left."""
    try:
        with os.scandir(device_folder) as entries:
            leftovers = [
                e.name for e in entries if e.name.startswith(".hn-") and e.name.endswith(".tmp")
            ]
    except OSError:
        return
    for name in leftovers:
        with contextlib.suppress(OSError):
            (device_folder / name).unlink()


def set_aside(device_folder: Path, seq: int) -> None:
    """Move a file that is not this device's own out of its numbering, under a hidden
    name no reader reads, kept for whoever wants to look at it."""
    name = file_name(seq)
    with contextlib.suppress(OSError):
        os.rename(device_folder / name, device_folder / f".hn-not-own-{name}")
