"""The vault folder itself: creating it privately, refusing links, one process at a time.

The rule for links (docs/vault-format.md#the-vault-folder): a vault's files are regular
files directly in its folder. A symbolic link at ``vault.key`` would let unlocking read
one file while the panic wipe (which never follows links when writing) destroys
another, so every operation that needs the passphrase refuses such a vault, before it
reads anything. The wipe never refuses; ``core/vault/wipe.py`` says what it does instead. The
folder itself may be reached through a link: it is resolved once, and every operation
then works on the real folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from pathlib import Path

from hushnote.core.atomic import DIR_MODE, FILE_MODE, storage_errors
from hushnote.core.paths import VaultPaths
from hushnote.errors import (
    UnsafeVaultFileError,
    VaultBusyError,
    VaultExistsError,
    VaultLocationError,
)

__all__ = [
    "FolderLock",
    "prepare_new_folder",
    "real_folder",
    "require_regular_files",
    "tighten_permissions",
]


def real_folder(root: Path) -> Path:
    """``root`` with every link resolved: the one folder all operations then act on."""
    return Path(os.path.realpath(root))


def require_regular_files(paths: VaultPaths) -> None:
    """Raise ``UnsafeVaultFileError`` if any vault file present is not a regular file.

    Checked before anything is read, so that a link can neither feed unlocking another
    header nor let a later wipe miss the real one.
    """
    for path in paths.all_files():
        with storage_errors(path):
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                continue
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeVaultFileError(path=str(path))
    # The attachments' folder must be a folder here, not a link to one elsewhere.
    with storage_errors(paths.attachments):
        try:
            info = os.lstat(paths.attachments)
        except FileNotFoundError:
            return
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeVaultFileError(path=str(paths.attachments))


def prepare_new_folder(paths: VaultPaths) -> None:
    """Create the folder for a new vault as 0700, refusing to take over a used one.

    An existing folder is accepted only if it is empty: pointing ``--vault`` at a
    documents folder by mistake must not chmod it or scatter files into it.
    """
    root = paths.root
    with storage_errors(root):
        if root.exists() or root.is_symlink():
            if not root.is_dir():
                raise VaultLocationError(path=str(root), reason="not-a-folder")
            if paths.exists():
                raise VaultExistsError(path=str(root))
            if any(root.iterdir()):
                raise VaultLocationError(path=str(root), reason="not-empty")
        else:
            # The umask is 077 from process hardening; the mode says it again explicitly.
            root.mkdir(mode=DIR_MODE, parents=True)
        os.chmod(root, DIR_MODE)


def tighten_permissions(paths: VaultPaths) -> None:
    """Best effort: restore 0700/0600 if something loosened them (a copy, an archive tool)."""
    with contextlib.suppress(OSError):
        os.chmod(paths.root, DIR_MODE)
    for path in paths.all_files():
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                os.chmod(path, FILE_MODE)


class FolderLock:
    """An exclusive advisory lock on the vault folder, held while a vault is open.

    It is taken on the folder itself, not a lock file, so it leaves nothing on disk and
    dies with the process. The panic wipe deliberately ignores it.
    """

    def __init__(self, root: Path) -> None:
        self._fd: int | None = None
        with storage_errors(root):
            fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise VaultBusyError(path=str(root)) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
