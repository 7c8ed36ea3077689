"""Attaching files to a note: chosen, dropped or pasted, each one a job with Cancel.

Every way in ends in ``attach_sources``: one ``VaultSession.run_job`` per file (progress,
and Cancel that stops within half a second and leaves nothing), then one sentence saying
what was taken out of each file (``metadata_words``). If a file's metadata cannot be
removed (a damaged photo or PDF), the person is asked whether to store it unchanged;
No is the default, so a tired Enter never keeps a GPS position.

Keeping metadata on purpose is its own action ("Attach with metadata kept…"), never a
checkbox: a box left ticked from last time would silently keep the next file's metadata,
and drops and pastes have no dialog to carry one. The default path always removes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from hushnote.core import AttachResult
from hushnote.errors import CancelledError, HushnoteError
from hushnote.gui.file_dialogs import choose_open_paths
from hushnote.gui.messages import error_text
from hushnote.gui.metadata_words import outcome_sentence
from hushnote.gui.session import VaultSession

__all__ = [
    "METADATA_FAILURES",
    "Source",
    "attach_pasted_image",
    "attach_paths",
    "attach_sources",
    "choose_files",
    "png_bytes",
]

# Error codes meaning "this file's metadata could not be removed": the file is damaged
# or not what its first bytes say. The store stops before writing anything.
METADATA_FAILURES = frozenset({"metadata"})

Transform = Callable[[IO[bytes]], bytes]


@dataclass
class Source:
    """One thing to attach: a path, or bytes held in memory (a pasted image)."""

    name: str
    path: Path | None = None
    data: bytes | None = None
    transform: Transform | None = None

    def open(self) -> Path | IO[bytes]:
        if self.path is not None:
            return self.path
        return io.BytesIO(self.data or b"")


def choose_files(parent: QWidget | None, caption: str, filters: str = "") -> list[Path]:
    """Files to attach, through Qt's own dialog (never the native one, which records
    recent files): ``file_dialogs``."""
    return choose_open_paths(
        parent, caption, filters or QCoreApplication.translate("attach", "All files (*)")
    )


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG in memory; nothing touches the disk."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # A fresh image from the pixels alone: text chunks a copy might carry stay behind.
    bare = image.convertToFormat(QImage.Format.Format_ARGB32)
    for key in bare.textKeys():
        bare.setText(key, "")
    if not bare.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs want bytes
        raise ValueError("the image could not be encoded")
    buffer.close()
    return bytes(array.data())


def attach_paths(
    parent: QWidget | None,
    session: VaultSession,
    note: str,
    paths: Sequence[Path],
    *,
    keep_metadata: bool = False,
) -> str | None:
    """Attach files by path; the sentence to show after, or None if nothing was tried."""
    sources = [Source(name=path.name, path=path) for path in paths]
    return attach_sources(parent, session, note, sources, keep_metadata=keep_metadata)


def attach_pasted_image(
    parent: QWidget | None, session: VaultSession, note: str, image: QImage
) -> str | None:
    """Attach a pasted image as "pasted image.png", encoded in memory."""
    source = Source(
        name=QCoreApplication.translate("attach", "pasted image.png"), data=png_bytes(image)
    )
    return attach_sources(parent, session, note, [source])


def attach_sources(
    parent: QWidget | None,
    session: VaultSession,
    note: str,
    sources: Sequence[Source],
    *,
    keep_metadata: bool = False,
) -> str | None:
    """Attach each source in turn; a Cancel stops the rest. Returns what to tell the
    person: per file, its name and what was removed from it."""
    if not sources or session.vault is None:
        return None
    lines: list[str] = []
    for source in sources:
        try:
            outcome = _attach_one(parent, session, note, source, keep_metadata)
        except CancelledError:
            lines.append(
                QCoreApplication.translate("attach", "Cancelled: “%1” was not attached.").replace(
                    "%1", source.name
                )
            )
            break
        if outcome is None:
            lines.append(
                QCoreApplication.translate("attach", "“%1” was not attached.").replace(
                    "%1", source.name
                )
            )
            continue
        result, kept = outcome
        said = outcome_sentence(result.attachment.kind, result.removed, result.cleaned, kept=kept)
        lines.append(
            QCoreApplication.translate("attach", "“%1” attached. %2")
            .replace("%1", result.attachment.name)
            .replace("%2", said)
        )
    session.notify("attachments")
    return "\n".join(lines)


def _attach_one(
    parent: QWidget | None, session: VaultSession, note: str, source: Source, keep: bool
) -> tuple[AttachResult, bool] | None:
    """The result and whether the metadata was kept on request; None if not attached."""
    try:
        return _run(parent, session, note, source, keep), keep
    except CancelledError:
        raise
    except HushnoteError as error:
        if error.code in METADATA_FAILURES and not keep and source.transform is None:
            if not _ask_store_unchanged(parent, source.name, error):
                return None
            try:
                return _run(parent, session, note, source, True), True
            except CancelledError:
                raise
            except HushnoteError as again:
                error = again
        QMessageBox.warning(
            parent, QCoreApplication.translate("attach", "Not attached"), error_text(error)
        )
        return None


def _run(
    parent: QWidget | None, session: VaultSession, note: str, source: Source, keep: bool
) -> AttachResult:
    vault = session.vault
    if vault is None:
        raise CancelledError()
    store = vault.attachments

    def work(progress: Callable[[float], bool]) -> AttachResult:
        return store.add(
            note,
            source.open(),
            name=source.name,
            keep_metadata=keep,
            transform=source.transform,
            progress=progress,
        )

    return session.run_job(
        parent, QCoreApplication.translate("attach", "Encrypting and attaching the file…"), work
    )


def _ask_store_unchanged(parent: QWidget | None, name: str, error: HushnoteError) -> bool:
    # The core's sentence says why (damaged, locked with a password, signed).
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("attach", "Metadata could not be removed"),
        QCoreApplication.translate("attach", "“%1”: %2\n\nStore it unchanged, with its metadata?")
        .replace("%1", name)
        .replace("%2", error_text(error)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
