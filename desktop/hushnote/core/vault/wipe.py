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

Links and odd files (docs/vault-format.md#the-vault-folder): a vault's files are regular
files directly in its folder, and unlocking refuses anything else. A wipe never refuses:
a header name that is a symbolic link to a Hushnote header has that header erased (it
holds the real keys), every other link is only removed, and nothing is ever opened that
could block (a FIFO) or that is not a regular file.

A wipe never raises. It destroys what it can in any state of the disk (full, read-only,
half-wiped) and reports, in ``WipeReport.problems``, each name it could not destroy and
why. Every step is idempotent, so a wipe killed at any point is finished by running it
again. This module needs no passphrase and ignores the folder lock: a panic must work
while the app has the vault open. It imports only what the first step needs, so a wipe
started from a hotkey reaches step 1 quickly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from hushnote.core.paths import VaultPaths, app_cache_dir, app_config_dir
from hushnote.core.vault.key_erase import (
    HEADER_NAMES,
    erase_keys,
    fsync_folder,
    reason_word,
    take_and_erase,
)

__all__ = ["Wipe", "WipeProblem", "WipeReport", "crypto_erase", "wipe", "wipe_vault"]

_WRITE_FLAGS = os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


@dataclass(frozen=True)
class WipeProblem:
    """One name a wipe could not (fully) destroy, and a reason word; never content."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class WipeReport:
    """What a wipe did and how long each step took, in seconds from its start."""

    erased: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[WipeProblem] = field(default_factory=list)
    erased_at: float = 0.0
    unlinked_at: float = 0.0
    overwritten_at: float = 0.0
    overwritten_bytes: int = 0

    @property
    def keys_destroyed(self) -> bool:
        """True unless some header could not be erased: then a passphrase may still work."""
        # A header erased in place whose removal then failed holds no keys any more.
        erased = {name.split(" -> ")[0] for name in self.erased}
        return not any(
            problem.name in HEADER_NAMES and problem.name not in erased for problem in self.problems
        )


def crypto_erase(paths: VaultPaths, problems: list[WipeProblem] | None = None) -> list[str]:
    """Overwrite every header file in place (``key_erase.erase_keys``); return the names
    erased, and add what could not be erased to ``problems``."""
    erased, failed = erase_keys(str(paths.root))
    if problems is not None:
        problems += [WipeProblem(name, reason) for name, reason in failed]
    return erased


class Wipe:
    """A wipe in two halves: ``destroy`` (keys, then names: milliseconds) and ``finish``
    (overwriting, which may take seconds), so a window can close in between."""

    def __init__(self, root: Path, *, overwrite: bool = True, leave_no_trace: bool = False):
        self.link = root if root.is_symlink() else None
        # A folder reached through a link is wiped where it really is.
        self.root = Path(os.path.realpath(root))
        self.paths = VaultPaths(self.root)
        self.overwrite = overwrite
        self.leave_no_trace = leave_no_trace
        self.report = WipeReport()
        self._start = time.perf_counter()
        self._open: list[tuple[int, str]] = []
        self._decoy_follows = False

    def destroy(
        self,
        *,
        keep_database: bool = False,
        erased: tuple[list[str], list[tuple[str, str]]] | None = None,
    ) -> WipeReport:
        """Crypto-erase every header file, then unlink every vault file. Never raises.

        With ``keep_database`` (the duress passphrase), ``vault.db`` keeps its name and
        inode: its bytes are overwritten and it is emptied in place, so the decoy that
        goes into it has the file's old birth time (docs/panic-and-duress.md). ``erased``
        is what ``key_erase.erase_keys`` already did, when the caller ran it first.
        """
        report = self.report
        # The duress unlock writes the decoy's header next: that one stays.
        self._decoy_follows = keep_database
        try:
            names, failed = erase_keys(str(self.root)) if erased is None else erased
            report.erased = names
            report.problems += [WipeProblem(name, reason) for name, reason in failed]
        except Exception as error:  # a panic must finish; the type names the bug
            report.problems.append(WipeProblem("vault.key", type(error).__name__))
        report.erased_at = time.perf_counter() - self._start
        # A header that could not be erased keeps its name, so that a second wipe (after
        # freeing the disk, say) can still find and erase it.
        unerased = {problem.name for problem in report.problems}
        headers = [self.root / name for name in HEADER_NAMES if name not in unerased]
        kept = {self.root / name for name in unerased}
        for path in dict.fromkeys([*headers, *self.paths.all_files()]):
            if path in kept:
                continue
            try:
                if keep_database and path == self.paths.database:
                    self._empty_in_place(path)
                else:
                    self._remove(path)
            except Exception as error:
                report.problems.append(WipeProblem(path.name, type(error).__name__))
        self._remove_attachments()
        with contextlib.suppress(OSError):
            fsync_folder(self.root)
        report.unlinked_at = time.perf_counter() - self._start
        if keep_database:
            # The decoy is built next, in the space the real vault held: on a full disk
            # the WAL's blocks must be free first, not after the decoy exists.
            self._overwrite_unlinked()
        return report

    def _remove(self, path: Path) -> None:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        except OSError as error:
            self.report.problems.append(WipeProblem(path.name, reason_word(error)))
            return
        regular = stat.S_ISREG(info.st_mode)
        if stat.S_ISDIR(info.st_mode):
            # Someone else's folder under one of our names: never descended into.
            self.report.problems.append(WipeProblem(path.name, "not-a-regular-file"))
            return
        if path.name in HEADER_NAMES:
            # Taken, erased again and unlinked as one: an unlink by name could remove a
            # header another process renamed into place after the first erase.
            problem = take_and_erase(str(self.root), path.name)
            if problem is not None:
                self.report.problems.append(WipeProblem(path.name, problem))
            else:
                self.report.removed.append(path.name)
            return
        # A link, FIFO or socket under one of our names loses the name; only a regular
        # file is ever opened (opening a FIFO would block the panic).
        opened = False
        if self.overwrite and regular and not path.name.startswith("vault.key"):
            with contextlib.suppress(OSError):
                self._open.append((os.open(path, _WRITE_FLAGS), path.name))
                opened = True
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as error:
            self.report.problems.append(WipeProblem(path.name, reason_word(error)))
            return
        self.report.removed.append(path.name)
        if self.overwrite and regular and not opened and not path.name.startswith("vault.key"):
            self.report.problems.append(WipeProblem(path.name, "not-overwritten"))

    def _remove_attachments(self) -> None:
        """Unlink every attachment file, then their folder.

        Not overwritten: each is encrypted under its own key, and those keys were only
        in the database, whose key is gone with the header (docs/attachments.md). So
        the wipe takes a second at most whatever they weigh. A link at the folder's
        name loses the name and is never followed; nothing is descended into."""
        folder = self.root / "attachments"
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.ENOTDIR):
                self._remove(folder)  # a link or a file under the name
            else:
                self.report.problems.append(WipeProblem("attachments/", reason_word(error)))
            return
        try:
            try:
                names = os.listdir(fd)
            except OSError as error:  # a wipe never raises: say what stayed, and why
                self.report.problems.append(WipeProblem("attachments/", reason_word(error)))
                names = []
            for name in names:
                try:
                    os.unlink(name, dir_fd=fd)
                except IsADirectoryError:
                    self.report.problems.append(
                        WipeProblem("attachments/" + name, "not-a-regular-file")
                    )
                except OSError as error:
                    self.report.problems.append(
                        WipeProblem("attachments/" + name, reason_word(error))
                    )
            with contextlib.suppress(OSError):
                os.fsync(fd)
        finally:
            os.close(fd)
        try:
            folder.rmdir()
            self.report.removed.append("attachments/")
        except FileNotFoundError:
            pass
        except OSError as error:
            if error.errno != errno.ENOTEMPTY:
                self.report.problems.append(WipeProblem("attachments/", reason_word(error)))

    def _empty_in_place(self, path: Path) -> None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return
        except OSError as error:
            self.report.problems.append(WipeProblem(path.name, reason_word(error)))
            return
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
                # Another name shares these bytes (a hard-link backup, say): emptying
                # them would reach it too, so only this name goes.
                os.close(fd)
                fd = -1
                self._remove(path)
                return
            self.report.overwritten_bytes += _overwrite(fd)
            os.ftruncate(fd, 0)
            os.fsync(fd)
        except OSError as error:
            self.report.problems.append(WipeProblem(path.name, reason_word(error)))
        finally:
            if fd >= 0:
                os.close(fd)

    def finish(self) -> WipeReport:
        """Overwrite what was unlinked, remove the emptied folder, and (if asked) the
        app's own folders. Never raises."""
        report = self.report
        self._overwrite_unlinked()
        report.overwritten_at = time.perf_counter() - self._start
        if not self._decoy_follows:
            self._erase_reappeared_headers()
        try:
            self.root.rmdir()  # only if empty: a folder the user chose keeps their files
        except OSError as error:
            # A folder still holding what was reported above needs no report of its own.
            if error.errno not in (errno.ENOENT, errno.ENOTEMPTY) and not report.problems:
                report.problems.append(WipeProblem(self.root.name + "/", reason_word(error)))
        if self.link is not None and not self.root.exists():
            with contextlib.suppress(OSError):
                self.link.unlink()
        if self.leave_no_trace:
            for folder in (app_config_dir(), app_cache_dir()):
                with contextlib.suppress(Exception):
                    _remove_tree(folder)
        return report

    def _overwrite_unlinked(self) -> None:
        """Overwrite the files ``destroy`` unlinked while holding them open, then close
        them, which gives their blocks back."""
        while self._open:
            fd, name = self._open.pop()
            try:
                self.report.overwritten_bytes += _overwrite(fd)
            except Exception:  # the keys are gone; the report says the bytes are not
                self.report.problems.append(WipeProblem(name, "not-overwritten"))
            finally:
                os.close(fd)

    def _erase_reappeared_headers(self) -> None:
        """Erase and remove a header that came back after ``destroy``.

        A process that had the vault open may have been writing its header when the wipe
        began; it checks the header before it commits (``vault._unchanged``), but a
        rename a few microseconds after that check would put a header with the keys back.
        """
        reported = {problem.name for problem in self.report.problems}
        for _ in range(3):
            back = [name for name in HEADER_NAMES
                    if name not in reported and os.path.lexists(self.root / name)]  # fmt: skip
            if not back:
                return
            names, failed = erase_keys(str(self.root))
            self.report.erased += [name for name in names if name not in self.report.erased]
            self.report.problems += [WipeProblem(name, reason) for name, reason in failed]
            reported |= {name for name, _ in failed}
            for name in back:
                self._remove(self.root / name)


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

    offset = 0
    for chunk in random_stream(info.st_size):
        offset += os.pwrite(fd, chunk, offset)
    os.fsync(fd)
    return info.st_size


def _remove_tree(folder: Path) -> None:
    """Overwrite and remove every regular file under ``folder``, then the folder."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                fd = os.open(path, _WRITE_FLAGS)
                try:
                    _overwrite(fd)
                finally:
                    os.close(fd)
    shutil.rmtree(folder, ignore_errors=True)


# The front door's name for it (``hushnote.core.vault.wipe`` is this module).
wipe_vault = wipe
