"""What every importer reads another app's export into, before anything reaches the vault.

An importer (``joplin``, ``standardnotes``, ``enex``, ``markdown``, ``dayone``) parses the
files the user chose into one ``ImportSource``: notes with their notebook, tags, times and
attachments, and what it left out (``Dropped``). It writes nothing and keeps no file open
past ``ImportSource.close``. ``core/importers/service.py`` turns the source into records the
bundle merge takes, so the preview, the one transaction and the idempotency are the
bundle import's own.

Ids: ``source_id`` is the item's id in the other app (Joplin's 32-hex id, a Standard
Notes uuid, an ENEX note's position and title digest, a Markdown file's relative path, a
Day One entry's uuid). The vault derives each note's uuid from it with a key of its own,
so importing the same export twice finds the same notes, and the uuids say nothing about
the other app's ids.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO

__all__ = [
    "IMPORTERS",
    "Dropped",
    "ImportSource",
    "ImportedAttachment",
    "ImportedNote",
    "Limits",
]

# The importers by the name the CLI and the GUI use, in the order the GUI lists them.
IMPORTERS = ("joplin", "standardnotes", "enex", "markdown", "dayone")


@dataclass(frozen=True)
class Limits:
    """Caps on what one import may read, whatever the input claims: an archive past them
    is refused whole (``AppImportError``), before anything is written."""

    max_entries: int = 200_000  # files in an archive or folder, items in a JSON export
    max_file_bytes: int = 512 << 20  # one attachment or one member
    max_text_bytes: int = 16 << 20  # one note's text as the source stores it
    max_total_bytes: int = 8 << 30  # everything read, uncompressed
    max_ratio: int = 200  # uncompressed : compressed, per archive member
    max_depth: int = 64  # nesting of folders, XML elements or JSON values
    # A nested notebook's or tag's whole name ("Parent / Child"): built by joining, it must
    # not grow with the square of the nesting.
    max_name_chars: int = 4096


@dataclass
class ImportedAttachment:
    """A file that came with a note. ``open`` gives its bytes as a binary file, read
    once, streamed (never whole in memory); ``size`` as the source states it."""

    source_id: str
    name: str
    size: int
    open: Callable[[], IO[bytes]]
    mime: str | None = None


@dataclass
class ImportedNote:
    """One note as Hushnote will keep it: the body is Markdown."""

    source_id: str
    title: str
    body: str
    notebook: str | None = None  # None: the vault's default notebook
    tags: tuple[str, ...] = ()
    created_at: datetime | None = None  # aware (UTC); None: the time of the import
    updated_at: datetime | None = None
    journal_day: date | None = None  # Day One entries become journal days
    pinned: bool = False
    archived: bool = False
    attachments: list[ImportedAttachment] = field(default_factory=list)


@dataclass(frozen=True)
class Dropped:
    """Something the importer read and left out, for the preview to say: ``kind`` is
    "location" (dropped by default), "encrypted-section" (Evernote ``en-crypt``),
    "trashed", "unsupported-item", "missing-attachment" or "link"; ``item`` names the
    note or file (shown, never written anywhere)."""

    kind: str
    item: str


@dataclass
class ImportSource:
    """Everything one importer read from the files the user chose."""

    app: str  # one of IMPORTERS
    notes: list[ImportedNote] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    # The files and folders the user chose, for the offer to delete them afterwards.
    chosen: list[Path] = field(default_factory=list)
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def on_close(self, closer: Callable[[], None]) -> None:
        self._closers.append(closer)

    def close(self) -> None:
        """Close every archive the attachments read from; safe to call twice."""
        closers, self._closers = self._closers, []
        for closer in reversed(closers):
            with contextlib.suppress(OSError):
                closer()

    def __enter__(self) -> ImportSource:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
