"""Plaintext copies of attachments for other programs: in RAM only, and erased at lock.

An attachment the app cannot show is opened in another program from a copy, which is
plaintext outside the vault. So the copy goes only where a file never reaches a disk:
``$XDG_RUNTIME_DIR`` (per-user, 0700, tmpfs under systemd) or, failing that, ``/dev/shm``;
the file system is checked with ``fstatfs``, never assumed from the path. A disk-backed
``/tmp`` is never used: if no RAM-backed place exists, ``PrivateCopyError`` refuses.

The copies live in a folder whose name is fixed, so that a later start finds what a
crash left behind::

    $XDG_RUNTIME_DIR/hushnote-copies/          (or /dev/shm/hushnote-copies-<uid>/), 0700
        <random>/                              one per running process, 0700
            .alive                             flock-ed while that process lives
            <random>.<ext>                     a copy, 0600, created O_EXCL|O_NOFOLLOW

A copy's name keeps only the extension (the other program needs it to know the type),
never the attachment's name. ``clear`` (at lock, panic and quit) overwrites and removes
everything in this process's folder, including what the other program added beside the
copy (a lock file, a backup). ``sweep`` (at start) does the same for every folder whose
process has ended, which it knows because that process's ``flock`` is gone: an exec
(the relaunch after a lock) closes the descriptor too. A second running Hushnote keeps
its own copies.

What no code here can prevent: the other program may keep its own copies, recent-file
lists, thumbnails or autosaves in the user's home; the GUI warns about that first. A
tmpfs can also be written to swap under memory pressure, unless swap is encrypted.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hushnote.core.atomic import random_stream
from hushnote.errors import DiskFullError, PrivateCopyError, StorageError

__all__ = ["COPIES_FOLDER", "PrivateCopies", "is_ram_backed", "ram_places"]

COPIES_FOLDER = "hushnote-copies"
_ALIVE = ".alive"
# From linux/magic.h: the file systems that keep their files in memory.
_RAM_FS = {0x01021994, 0x858458F6}  # TMPFS_MAGIC, RAMFS_MAGIC
_EXTENSION = re.compile(r"[A-Za-z0-9]{1,10}")
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def is_ram_backed(fd: int) -> bool:
    """Whether the open file or folder ``fd`` is on tmpfs or ramfs (Linux ``fstatfs``)."""
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(256)  # struct statfs is 120 bytes on 64-bit Linux
    if libc.fstatfs(fd, buffer) != 0:
        return False
    # f_type is the struct's first field, a C long (__fsword_t).
    return ctypes.c_long.from_buffer(buffer).value & 0xFFFFFFFF in _RAM_FS


def ram_places() -> list[tuple[Path, str]]:
    """Where copies may go, best first: (the folder that holds ours, our folder's name)."""
    places = []
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        places.append((Path(runtime), COPIES_FOLDER))
    # /dev/shm is shared by every user: our folder's name says whose it is.
    # Its folder is made 0700 O_NOFOLLOW and refused if another user owns it first.
    places.append((Path("/dev/shm"), f"{COPIES_FOLDER}-{os.getuid()}"))  # noqa: S108
    return places


def _extension(display_name: str) -> str:
    suffix = display_name.rpartition(".")[2] if "." in display_name else ""
    return "." + suffix.lower() if _EXTENSION.fullmatch(suffix) else ""


class PrivateCopies:
    """The copies this process handed to other programs, and their erasure."""

    def __init__(self, places: list[tuple[Path, str]] | None = None) -> None:
        self._places = places
        self._own: str | None = None  # this process's folder name, once made
        self._alive: int | None = None  # the flock-ed descriptor saying it lives
        self._paths: list[Path] = []

    @property
    def paths(self) -> list[Path]:
        """The copies written since the last ``clear``."""
        return list(self._paths)

    # -- finding the place ---------------------------------------------------------------

    @contextmanager
    def _folder(self, *, create: bool) -> Iterator[tuple[int, Path] | None]:
        """Open our folder of copies (making it if ``create``), exclusively locked.

        Yields None when ``create`` is false and no such folder exists anywhere. Raises
        ``PrivateCopyError`` when no RAM-backed place exists or ours is unsafe."""
        for parent, name in self._places if self._places is not None else ram_places():
            try:
                parent_fd = os.open(parent, _DIR_FLAGS)
            except OSError:
                continue
            try:
                if not is_ram_backed(parent_fd):
                    continue
                folder_fd = _open_own_folder(parent_fd, name, create=create)
            finally:
                os.close(parent_fd)
            if folder_fd is None:
                continue
            try:
                # Creating a process folder and sweeping one never overlap.
                fcntl.flock(folder_fd, fcntl.LOCK_EX)
                yield folder_fd, parent / name
            finally:
                os.close(folder_fd)
            return
        if create:
            raise PrivateCopyError(reason="no-ram-folder")
        yield None

    # -- writing -------------------------------------------------------------------------

    def write(self, data: bytes | bytearray | memoryview, display_name: str) -> Path:
        """Write ``data`` to a new private copy named at random, with the extension of
        ``display_name`` only, and return its path."""
        try:
            with self._folder(create=True) as found:
                if found is None:  # create=True raises instead; this satisfies the types
                    raise PrivateCopyError(reason="no-ram-folder")
                folder_fd, folder = found
                own_fd = self._own_folder(folder_fd)
                try:
                    name = secrets.token_hex(8) + _extension(display_name)
                    path = folder / str(self._own) / name
                    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
                    fd = os.open(name, flags, 0o600, dir_fd=own_fd)
                finally:
                    os.close(own_fd)
                self._paths.append(path)
                try:
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view) :]
                finally:
                    os.close(fd)
        except OSError as exc:
            raise _storage(exc) from exc
        return path

    def _own_folder(self, folder_fd: int) -> int:
        """This process's folder inside ``folder_fd``, made and flock-ed on first use."""
        if self._own is None:
            own = secrets.token_hex(8)
            os.mkdir(own, 0o700, dir_fd=folder_fd)
            own_fd = os.open(own, _DIR_FLAGS, dir_fd=folder_fd)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            alive = os.open(_ALIVE, flags, 0o600, dir_fd=own_fd)
            fcntl.flock(alive, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self._own, self._alive = own, alive
            return own_fd
        return os.open(self._own, _DIR_FLAGS, dir_fd=folder_fd)

    # -- a library's temporary files -----------------------------------------------------

    @contextmanager
    def as_temporary_folder(self) -> Iterator[Path]:
        """This process's RAM-backed folder as ``TMPDIR`` while the block runs, so that a
        library spooling a temporary file there (libcups writes a whole print job to one,
        and only unlinks it) keeps it in memory; whatever it left is overwritten and
        removed at the end. Raises ``PrivateCopyError`` when no RAM-backed place exists.

        ``TMPDIR`` is read by libcups at each call (``cupsTempFd``), so setting it for
        the block is enough; it is set and restored on the calling (GUI) thread."""
        try:
            with self._folder(create=True) as found:
                if found is None:  # create=True raises instead; this satisfies the types
                    raise PrivateCopyError(reason="no-ram-folder")
                folder_fd, folder = found
                os.close(self._own_folder(folder_fd))
                own = folder / str(self._own)
        except OSError as exc:
            raise _storage(exc) from exc
        before = set(os.listdir(own))
        previous = os.environ.get("TMPDIR")
        os.environ["TMPDIR"] = str(own)
        try:
            yield own
        finally:
            if previous is None:
                del os.environ["TMPDIR"]
            else:
                os.environ["TMPDIR"] = previous
            self._scrub_new(own, before)

    def _scrub_new(self, own: Path, before: set[str]) -> None:
        left: list[str] = []
        try:
            fd = os.open(own, _DIR_FLAGS)
        except OSError:
            return
        try:
            for name in set(os.listdir(fd)) - before:
                _scrub_entry(fd, name, left)
        finally:
            os.close(fd)

    # -- erasing -------------------------------------------------------------------------

    def clear(self) -> list[str]:
        """Overwrite and remove every copy this process made, and whatever the other
        programs put beside them. Never raises for the file system: returns the names it
        could not remove (empty when all went), for locking must go on regardless."""
        left: list[str] = []
        own, alive = self._own, self._alive
        self._paths = []
        self._own = self._alive = None
        if own is None:
            return left
        try:
            with self._folder(create=False) as found:
                if found is not None:
                    _scrub_folder(found[0], own, left)
        except (OSError, PrivateCopyError):
            left.append(own)
        finally:
            if alive is not None:
                os.close(alive)
        return left

    def sweep(self) -> list[str]:
        """At start: erase the folders of processes that have ended (a crash, a kill).
        Returns the names it could not remove; never raises for the file system."""
        left: list[str] = []
        try:
            with self._folder(create=False) as found:
                if found is None:
                    return left
                folder_fd = found[0]
                for name in os.listdir(folder_fd):
                    if name != self._own and not _still_alive(folder_fd, name):
                        _scrub_entry(folder_fd, name, left)
        except (OSError, PrivateCopyError):
            left.append(COPIES_FOLDER)
        return left


def _open_own_folder(parent_fd: int, name: str, *, create: bool) -> int | None:
    """Our folder of copies under ``parent_fd``: a real folder, ours, 0700, or refuse."""
    if create:
        try:
            os.mkdir(name, 0o700, dir_fd=parent_fd)
        except FileExistsError:
            pass
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:  # ELOOP: a symbolic link; ENOTDIR: a file
        raise PrivateCopyError(reason="unsafe-folder") from exc
    info = os.fstat(fd)
    if info.st_uid != os.getuid() or not is_ram_backed(fd):
        os.close(fd)
        raise PrivateCopyError(reason="unsafe-folder")
    if stat.S_IMODE(info.st_mode) != 0o700:
        os.fchmod(fd, 0o700)  # ours, with a looser mode (a umask, a user): tighten it
    return fd


def _still_alive(folder_fd: int, name: str) -> bool:
    """Whether a running process holds the ``.alive`` lock of folder ``name``."""
    try:
        own_fd = os.open(name, _DIR_FLAGS, dir_fd=folder_fd)
    except OSError:
        return False  # a file, a link, or gone
    try:
        alive = os.open(_ALIVE, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=own_fd)
    except OSError:
        return False
    finally:
        os.close(own_fd)
    try:
        fcntl.flock(alive, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(alive)
    return False


def _scrub_entry(dir_fd: int, name: str, left: list[str]) -> None:
    """Overwrite and remove ``name`` in ``dir_fd``: a file, or a folder and all it holds.
    Links are removed, never followed."""
    try:
        info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            _scrub_folder(dir_fd, name, left)
            return
        if stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
            fd = os.open(name, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
            try:
                for chunk in random_stream(info.st_size):
                    os.write(fd, chunk)
            finally:
                os.close(fd)
        os.unlink(name, dir_fd=dir_fd)
    except FileNotFoundError:
        pass
    except OSError:
        left.append(name)


def _scrub_folder(dir_fd: int, name: str, left: list[str]) -> None:
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except FileNotFoundError:
        return
    try:
        for entry in os.listdir(fd):
            _scrub_entry(fd, entry, left)
    finally:
        os.close(fd)
    try:
        os.rmdir(name, dir_fd=dir_fd)
    except OSError:
        left.append(name)


def _storage(exc: OSError) -> StorageError:
    # The folder, not the copy's name: a path in an error is shown and may be logged.
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(path=COPIES_FOLDER)
    return StorageError(path=COPIES_FOLDER, errno=errno.errorcode.get(exc.errno or 0, "?"))
