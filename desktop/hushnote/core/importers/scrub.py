"""Deleting an export after it was imported: overwrite, then unlink, never following a link.

What this cannot reach is said in docs/importers.md#deleting-the-export: an SSD or a
journaling or copy-on-write file system may keep the old blocks, backups and synced
copies keep theirs, and the other app still has the notes.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from hushnote.core.atomic import scrub_file
from hushnote.core.store.database import Progress
from hushnote.errors import CancelledError

__all__ = ["scrub_paths"]

_MAX_DEPTH = 64


def scrub_paths(
    paths: list[Path], progress: Progress | None = None, *, vault: Path | None = None
) -> list[tuple[Path, str]]:
    """Overwrite and unlink each chosen file; for a folder, every regular file inside it
    (links are unlinked, never followed), then its emptied folders. Returns what was left,
    with a reason: "link" (a link chosen itself is left alone), "not-a-file", "failed",
    "vault" (the vault's folder, anything inside it, or a folder holding it: an export
    chosen in the folder that also keeps the vault must never take the vault with it)."""
    files: list[Path] = []
    folders: list[Path] = []
    left: list[tuple[Path, str]] = []
    guard = _VaultGuard(vault)
    for path in paths:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError:
            left.append((path, "failed"))
            continue
        if stat.S_ISLNK(info.st_mode):
            left.append((path, "link"))
        elif guard.overlaps(path):
            left.append((path, "vault"))
        elif stat.S_ISDIR(info.st_mode):
            found: list[Path] = []
            emptied: list[Path] = []
            skipped: list[tuple[Path, str]] = []
            try:
                _walk(path, found, emptied, skipped, 0, guard)
            except _HoldsVault:
                left.append((path, "vault"))  # nothing under it is touched
                continue
            files += found
            folders += emptied
            left += skipped
        elif stat.S_ISREG(info.st_mode):
            files.append(path)
        else:
            left.append((path, "not-a-file"))
    next_tick = 0.0
    for number, path in enumerate(files):
        if progress is not None and time.monotonic() >= next_tick:
            next_tick = time.monotonic() + 0.05
            if not progress(number / max(1, len(files))):
                raise CancelledError()
        try:
            scrub_file(path)
        except OSError:
            left.append((path, "failed"))
    for folder in reversed(folders):  # deepest first
        try:
            os.rmdir(folder)
        except OSError:
            left.append((folder, "failed"))
    if progress is not None:
        progress(1.0)
    return left


class _VaultGuard:
    """Tells whether a path is the vault's folder, lies inside it, or holds it, by real
    path and again by device and inode while walking (a bind mount has another path)."""

    def __init__(self, vault: Path | None) -> None:
        self._real: Path | None = None
        self._identity: tuple[int, int] | None = None
        if vault is None:
            return
        self._real = Path(os.path.realpath(vault))
        try:
            info = os.stat(vault)
        except OSError:
            return
        self._identity = (info.st_dev, info.st_ino)

    def overlaps(self, path: Path) -> bool:
        if self._real is None:
            return False
        real = Path(os.path.realpath(path))
        return real == self._real or real in self._real.parents or self._real in real.parents

    def is_vault(self, info: os.stat_result) -> bool:
        return self._identity == (info.st_dev, info.st_ino)


class _HoldsVault(Exception):
    """The folder being walked holds the vault's folder under another path."""


def _walk(
    folder: Path,
    files: list[Path],
    folders: list[Path],
    left: list[tuple[Path, str]],
    depth: int,
    guard: _VaultGuard,
) -> None:
    if depth > _MAX_DEPTH:
        left.append((folder, "failed"))
        return
    folders.append(folder)
    try:
        with os.scandir(folder) as listing:
            items = sorted(listing, key=lambda item: item.name)
    except OSError:
        left.append((folder, "failed"))
        return
    for item in items:
        path = Path(item.path)
        try:
            if item.is_symlink():
                os.unlink(path)  # the link goes, what it points at stays untouched
            elif item.is_dir(follow_symlinks=False):
                if guard.is_vault(item.stat(follow_symlinks=False)):
                    raise _HoldsVault()
                _walk(path, files, folders, left, depth + 1, guard)
            elif item.is_file(follow_symlinks=False):
                files.append(path)
            else:
                left.append((path, "not-a-file"))
        except OSError:
            left.append((path, "failed"))
