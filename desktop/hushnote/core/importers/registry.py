"""Which module reads which app's export: every importer is found here by its name.

Each app's parser is a module of this package with one ``read`` function (docs/importers.md);
it is imported only when its app is asked for, so a parser that fails to import (or is
not part of this build) makes only its own app "not-available".
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, cast

from hushnote.core.importers.model import IMPORTERS, ImportSource, Limits
from hushnote.core.store.database import Progress
from hushnote.errors import AppImportError

__all__ = ["Reader", "read_export"]

# The module that reads each app's export, inside ``hushnote.core.importers``.
_MODULES = {
    "joplin": "joplin",
    "standardnotes": "standardnotes",
    "enex": "enex",
    "markdown": "markdown",
    "dayone": "dayone",
}


class Reader(Protocol):
    def __call__(
        self,
        paths: list[Path],
        *,
        limits: Limits = ...,
        progress: Progress | None = ...,
        keep_locations: bool = ...,
        passphrase: str | None = ...,
    ) -> ImportSource: ...


def _reader(app: str) -> Reader:
    if app not in IMPORTERS or app not in _MODULES:
        raise AppImportError(source=app[:40], reason="not-available")
    try:
        module = importlib.import_module(f"hushnote.core.importers.{_MODULES[app]}")
    except ImportError:
        raise AppImportError(source=app, reason="not-available") from None
    read = getattr(module, "read", None)
    if not callable(read):
        raise AppImportError(source=app, reason="not-available")
    return cast(Reader, read)


def read_export(
    app: str,
    paths: list[Path],
    *,
    limits: Limits | None = None,
    progress: Progress | None = None,
    keep_locations: bool = False,
    passphrase: str | None = None,
) -> ImportSource:
    """Read what the user chose with ``app``'s parser; ``AppImportError`` (nothing read)
    for an app this build cannot import, or for anything wrong with the files."""
    if not paths:
        raise AppImportError(source=app[:40], reason="not-found")
    read: Callable[..., ImportSource] = _reader(app)
    return read(
        list(paths),
        limits=limits or Limits(),
        progress=progress,
        keep_locations=keep_locations,
        passphrase=passphrase,
    )
