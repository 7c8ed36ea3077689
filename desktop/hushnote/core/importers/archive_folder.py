"""Reading a chosen folder as an export: walked without following links, each file
opened again relative to its folder when read (see ``archive.open_export``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

from hushnote.core.importers.archive import Entry, ExportFiles, printable_name
from hushnote.core.importers.model import Limits

__all__ = ["FolderFiles"]

_SUBFOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


class FolderFiles(ExportFiles):
    """A folder, walked without following links: a link inside is skipped and named in
    ``skipped``, never read. Every folder below the chosen one is opened relative to its
    parent's descriptor with O_NOFOLLOW, when listed and again when a file is read, so a
    folder swapped for a link meanwhile (the preview may be on screen for minutes) is
    refused rather than read through."""

    def __init__(self, root: Path, source: str, limits: Limits) -> None:
        super().__init__(root, source, limits)
        try:
            top = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            raise self.error("unreadable", root.name) from None
        # A shown name (U+FFFD for bytes that are not UTF-8) -> the name on the disk.
        self._on_disk: dict[str, str] = {}
        self._seen: set[str] = set()
        try:
            self._walk(top, "", "", 0)
        finally:
            os.close(top)
        self._check_total()

    def _walk(self, folder: int, prefix: str, disk_prefix: str, depth: int) -> None:
        if depth > self.limits.max_depth:
            raise self.error("too-deep", prefix or self.root.name)
        try:
            with os.scandir(folder) as listing:
                found = sorted(listing, key=lambda item: item.name)
        except OSError:
            raise self.error("unreadable", prefix or self.root.name) from None
        for item in found:
            name = self._shown(prefix, item.name)
            try:
                if item.is_symlink():
                    self.skipped.append(name)
                elif item.is_dir(follow_symlinks=False):
                    sub = os.open(item.name, _SUBFOLDER, dir_fd=folder)
                    try:
                        self._walk(sub, f"{name}/", f"{disk_prefix}{item.name}/", depth + 1)
                    finally:
                        os.close(sub)
                elif item.is_file(follow_symlinks=False):
                    info = item.stat(follow_symlinks=False)
                    self._on_disk[name] = f"{disk_prefix}{item.name}"
                    self._add(Entry(name, info.st_size, mtime=info.st_mtime))
                else:
                    self.skipped.append(name)
            except OSError:
                raise self.error("unreadable", name) from None

    def _shown(self, prefix: str, raw: str) -> str:
        """The name shown for ``raw`` in the folder ``prefix``; when two names differ
        only in bytes that are not UTF-8, the later has those bytes written as ``\\xff``."""
        name = f"{prefix}{printable_name(raw)}"
        if name in self._seen:
            escaped = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            name = f"{prefix}{escaped}"
        self._seen.add(name)
        return name

    def _raw(self, entry: Entry) -> IO[bytes]:
        *folders, leaf = self._on_disk.get(entry.name, entry.name).split("/")
        try:
            parent = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            try:
                for part in folders:
                    sub = os.open(part, _SUBFOLDER, dir_fd=parent)
                    os.close(parent)
                    parent = sub
                fd = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                             dir_fd=parent)  # fmt: skip
            finally:
                os.close(parent)
        except OSError:
            raise self.error("unreadable", entry.name) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise self.error("link", entry.name)
        return os.fdopen(fd, "rb")
