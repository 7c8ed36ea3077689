"""Where an Evernote import's bytes come from: the chosen ``.enex`` files, or those inside
a chosen folder or zip, opened without following a link and read under a cap.

``Counted`` is the stream the XML parser reads: it refuses a run of the file between two
XML events longer than one note may hold (so no single text node can fill the memory)
and reports how far it has read, for the progress bar and Cancel.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, Any

from hushnote.core.importers.archive import iter_entries, open_export
from hushnote.core.importers.model import Limits
from hushnote.errors import AppImportError

__all__ = ["Counted", "enex_files"]

APP = "enex"
Opener = Callable[[], IO[bytes]]


def enex_files(
    path: Path, limits: Limits, archives: contextlib.ExitStack
) -> list[tuple[str, int, Opener]]:
    """The ``.enex`` files ``path`` is or holds (a folder or zip of them, read through
    ``archive.open_export``): each one's name, size and a way to open it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise AppImportError(source=APP, file=path.name, reason="not-found") from None
    except OSError:
        raise AppImportError(source=APP, file=path.name, reason="unreadable") from None
    if stat.S_ISREG(info.st_mode):
        with _open_plain(path) as handle:
            zipped = handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
        if not zipped:
            return [(path.name, info.st_size, partial(_open_plain, path))]
    files = archives.enter_context(open_export(path, source=APP, limits=limits))
    return [
        (entry.name, entry.size, partial(files.open, entry))
        for entry in iter_entries(files, ".enex")
    ]


def _open_plain(path: Path) -> IO[bytes]:
    """Open a regular file without following a link at its name or blocking on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        raise AppImportError(source=APP, file=path.name, reason="unreadable") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise AppImportError(source=APP, file=path.name, reason="link")
    return os.fdopen(fd, "rb", buffering=0)


class Counted(io.RawIOBase):
    """The file as the parser reads it, refusing (``too-large``) a run between two XML
    events longer than one note may hold, and counting for the progress bar."""

    def __init__(
        self, handle: IO[bytes], cap: int, error: AppImportError, tick: Callable[[int], None]
    ) -> None:
        super().__init__()
        self.handle, self.cap, self.error, self.tick = handle, cap, error, tick
        self.position = 0
        self.since_event = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self.handle.read(len(buffer))
        except OSError:
            file = str(self.error.context.get("file", ""))
            raise AppImportError(source=APP, file=file, reason="unreadable") from None
        self.position += len(data)
        self.since_event += len(data)
        if self.since_event > self.cap:
            raise self.error
        self.tick(self.position)  # also inside one long note: Cancel stays prompt
        buffer[: len(data)] = data
        return len(data)
