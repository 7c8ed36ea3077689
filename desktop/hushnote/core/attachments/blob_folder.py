"""The vault's ``attachments`` folder: one encrypted file per attachment, nothing else.

Names are 32 random hex digits (``NAME``), and ``NAME.partial`` while a file is being
written. A file gets its final name in the same database turn as the row that holds its
key, so a final name without a row is always an orphan (a crash between the rename and
the commit, or between a delete's commit and its unlink): ``sweep`` removes those, and
every ``.partial``, when the vault is unlocked.

Every call opens the folder with ``O_NOFOLLOW`` and works relative to that descriptor, and
every file is opened with ``O_NOFOLLOW``: a link put here by someone else is refused, never
followed (docs/vault-format.md#the-vault-folder).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from hushnote.core.atomic import DIR_MODE, FILE_MODE, storage_errors
from hushnote.errors import AttachmentDamagedError, UnsafeVaultFileError

__all__ = ["PARTIAL", "BlobFolder"]

PARTIAL = ".partial"
_NAME = re.compile(r"[0-9a-f]{32}")
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


class BlobFolder:
    """The folder at ``path`` (``VaultPaths.attachments``), created 0700 on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def _opened(self, *, create: bool) -> Iterator[int | None]:
        fd = self._open_folder(create)
        try:
            yield fd
        finally:
            if fd is not None:
                os.close(fd)

    def _open_folder(self, create: bool) -> int | None:
        with storage_errors(self.path):
            for _ in range(2):
                try:
                    return os.open(self.path, _DIR_FLAGS)
                except FileNotFoundError:
                    if not create:
                        return None
                except OSError as error:
                    if error.errno in (errno.ELOOP, errno.ENOTDIR):
                        raise UnsafeVaultFileError(path=str(self.path)) from error
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(self.path, DIR_MODE)
        raise UnsafeVaultFileError(path=str(self.path))

    def check_safe(self) -> None:
        """Raise ``UnsafeVaultFileError`` if the folder is a link or not a folder."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return
        if not stat.S_ISDIR(info.st_mode):
            raise UnsafeVaultFileError(path=str(self.path))

    @staticmethod
    def new_name() -> str:
        return secrets.token_hex(16)

    def create_partial(self, name: str) -> int:
        """Create ``NAME.partial`` (0600, exclusive) and return it open for writing."""
        with self._opened(create=True) as folder, storage_errors(self.path / name):
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            return os.open(name + PARTIAL, flags, FILE_MODE, dir_fd=folder)

    def discard_partial(self, name: str) -> None:
        with self._opened(create=False) as folder, contextlib.suppress(OSError):
            if folder is not None:
                os.unlink(name + PARTIAL, dir_fd=folder)

    def publish(self, name: str) -> None:
        """Give ``NAME.partial`` its final name, durably."""
        with self._opened(create=False) as folder, storage_errors(self.path / name):
            if folder is None:
                raise FileNotFoundError(name)
            os.rename(name + PARTIAL, name, src_dir_fd=folder, dst_dir_fd=folder)
            os.fsync(folder)

    def open(self, name: str, *, partial: bool = False) -> int:
        """Open a blob (or, with ``partial``, one still being attached) for reading;
        ``AttachmentDamagedError`` if it is missing or not a regular file."""
        if not _NAME.fullmatch(name):
            raise AttachmentDamagedError(reason="name")
        with self._opened(create=False) as folder:
            if folder is None:
                raise AttachmentDamagedError(reason="missing")
            try:
                fd = os.open(
                    name + PARTIAL if partial else name,
                    os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                    dir_fd=folder,
                )
            except FileNotFoundError:
                raise AttachmentDamagedError(reason="missing") from None
            except OSError as error:
                raise AttachmentDamagedError(reason="not-a-file") from error
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise AttachmentDamagedError(reason="not-a-file")
        return fd

    def remove(self, names: list[str]) -> None:
        """Unlink these blobs (best effort: what is left is swept at the next unlock)."""
        with self._opened(create=False) as folder:
            if folder is None:
                return
            for name in names:
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=folder)
            with contextlib.suppress(OSError):
                os.fsync(folder)

    def names(self) -> tuple[set[str], set[str]]:
        """(final names, partial names) present; anything else here is left alone."""
        finals: set[str] = set()
        partials: set[str] = set()
        with self._opened(create=False) as folder:
            if folder is None:
                return finals, partials
            for entry in os.listdir(folder):
                if _NAME.fullmatch(entry):
                    finals.add(entry)
                elif entry.endswith(PARTIAL) and _NAME.fullmatch(entry[: -len(PARTIAL)]):
                    partials.add(entry[: -len(PARTIAL)])
        return finals, partials

    def sweep(self, referenced: set[str], *, partials: bool) -> int:
        """Remove final names not in ``referenced`` (and every partial, if asked)."""
        finals, partial_names = self.names()
        orphans = sorted(finals - referenced)
        doomed = orphans + ([name + PARTIAL for name in partial_names] if partials else [])
        self.remove(doomed)
        return len(doomed)
