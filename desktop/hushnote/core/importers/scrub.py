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


def scrub_paths(paths: list[Path], progress: Progress | None = None) -> list[tuple[Path, str]]:
    """Overwrite and unlink each chosen file; for a folder, every regular file inside it
    (links are unlinked, never followed), then its emptied folders. Returns what was left,
    with a reason: "link" (a link chosen itself is left alone), "not-a-file", "failed"."""
    files: list[Path] = []
    folders: list[Path] = []
    left: list[tuple[Path, str]] = []
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
        elif stat.S_ISDIR(info.st_mode):
            _walk(path, files, folders, left, 0)
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


def _walk(
    folder: Path,
    files: list[Path],
    folders: list[Path],
    left: list[tuple[Path, str]],
    depth: int,
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
                _walk(path, files, folders, left, depth + 1)
            elif item.is_file(follow_symlinks=False):
                files.append(path)
            else:
                left.append((path, "not-a-file"))
        except OSError:
            left.append((path, "failed"))
