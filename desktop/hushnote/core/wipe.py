"""The panic wipe: destroy the key slots first, then every file of the vault.

Order, and why:

1. **Crypto-erase.** Every header file (``vault.key`` and any ``.new``/``.old`` leftover)
   is overwritten in place with random bytes and fsynced. From here on the database is
   ciphertext under a key that no longer exists anywhere on this disk: that is the real
   guarantee, and it takes about a millisecond whatever the vault's size.
2. **Unlink.** Every file the vault folder may hold goes, header first. Files that will be
   overwritten are opened before they are unlinked, so their names are gone at once while
   the overwrite continues on the open descriptors.
3. **Overwrite** (on by default): the database files' old contents are replaced by an
   AES-CTR keystream and fsynced. On SSDs and copy-on-write file systems this is best
   effort (docs/panic-and-duress.md); step 1 does not depend on it.
4. **Leave no trace** (optional): the app's config and cache folders go too.

Every step is idempotent, so a wipe killed at any point is finished by running it again.
This module needs no passphrase and ignores the folder lock: a panic must work while the
app has the vault open. It imports only what the first step needs, so a wipe started
from a hotkey reaches step 1 quickly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from hushnote.core.paths import VaultPaths, app_cache_dir, app_config_dir

__all__ = ["Wipe", "WipeReport", "crypto_erase", "wipe"]


@dataclass
class WipeReport:
    """What a wipe did and how long each step took, in seconds from its start."""

    erased: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    erased_at: float = 0.0
    unlinked_at: float = 0.0
    overwritten_at: float = 0.0
    overwritten_bytes: int = 0


def _header_files(paths: VaultPaths) -> list[Path]:
    header = paths.header
    return [header, header.with_name(header.name + ".new"), header.with_name(header.name + ".old")]


def crypto_erase(paths: VaultPaths) -> list[str]:
    """Overwrite every header file in place with random bytes and fsync it.

    Returns the names erased. Idempotent: erasing random bytes again changes nothing.
    """
    erased = []
    for path in _header_files(paths):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            continue
        try:
            size = os.fstat(fd).st_size
            # At least a whole header's worth, even over a truncated file.
            remaining = max(size, 64 * 1024)
            while remaining > 0:
                step = min(remaining, 1 << 20)
                remaining -= os.write(fd, os.urandom(step))
            os.fsync(fd)
        finally:
            os.close(fd)
        erased.append(path.name)
    return erased


class Wipe:
    """A wipe in two halves: ``destroy`` (keys, then names: milliseconds) and ``finish``
    (overwriting, which may take seconds), so a window can close in between."""

    def __init__(self, root: Path, *, overwrite: bool = True, leave_no_trace: bool = False):
        self.root = root
        self.paths = VaultPaths(root)
        self.overwrite = overwrite
        self.leave_no_trace = leave_no_trace
        self.report = WipeReport()
        self._start = time.perf_counter()
        self._open: list[int] = []

    def destroy(self) -> WipeReport:
        """Crypto-erase every header file, then unlink every vault file."""
        report = self.report
        report.erased = crypto_erase(self.paths)
        if report.erased:
            _fsync_dir(self.root)
        report.erased_at = time.perf_counter() - self._start
        for path in [*_header_files(self.paths), *self.paths.all_files()]:
            if self.overwrite and not path.name.startswith("vault.key"):
                with contextlib.suppress(OSError):
                    self._open.append(os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC))
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                report.removed.append(path.name)
        with contextlib.suppress(OSError):
            _fsync_dir(self.root)
        report.unlinked_at = time.perf_counter() - self._start
        return report

    def finish(self) -> WipeReport:
        """Overwrite what was unlinked, remove the emptied folder, and (if asked) the
        app's own folders."""
        report = self.report
        while self._open:
            fd = self._open.pop()
            try:
                report.overwritten_bytes += _overwrite(fd)
            except OSError:
                pass  # best effort: the keys are already gone
            finally:
                os.close(fd)
        report.overwritten_at = time.perf_counter() - self._start
        with contextlib.suppress(OSError):
            self.root.rmdir()  # only if empty: a folder the user chose keeps their files
        if self.leave_no_trace:
            for folder in (app_config_dir(), app_cache_dir()):
                _remove_tree(folder)
        return report


def wipe(root: Path, *, overwrite: bool = True, leave_no_trace: bool = False) -> WipeReport:
    """Destroy the vault at ``root`` (see the module docstring for the order)."""
    job = Wipe(root, overwrite=overwrite, leave_no_trace=leave_no_trace)
    job.destroy()
    return job.finish()


def _overwrite(fd: int) -> int:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        return 0  # still linked under another name: not ours to destroy
    from hushnote.core.atomic import random_stream  # imported late: after the erase

    for chunk in random_stream(info.st_size):
        os.write(fd, chunk)
    os.fsync(fd)
    return info.st_size


# atomic.fsync_dir's twin: importing atomic loads cryptography, too slow before the erase.
def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_tree(folder: Path) -> None:
    """Overwrite and remove every regular file under ``folder``, then the folder."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
                try:
                    _overwrite(fd)
                finally:
                    os.close(fd)
    shutil.rmtree(folder, ignore_errors=True)
