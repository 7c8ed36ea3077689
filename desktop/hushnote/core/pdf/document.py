"""A note, a notebook or a journal month as one PDF, built in memory and written once.

The whole PDF is made in memory, cleaned of metadata, and only then written, through the
project's atomic writes, to the place the user chose; never inside the vault folder.
Fonts are embedded (subsets), so the file reads the same on any machine.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from hushnote.core.atomic import replace_outside, storage_errors, write_new_file
from hushnote.core.attachments.kinds import IMAGE_KINDS
from hushnote.core.attachments.store import AttachmentStore
from hushnote.core.pdf import workers
from hushnote.core.pdf.fonts import find_fonts
from hushnote.core.pdf.layout import AttachedFile, Layout
from hushnote.core.pdf.metadata import clean_pdf
from hushnote.core.pdf.text import printable
from hushnote.core.store.database import Progress
from hushnote.core.store.note_records import Note
from hushnote.core.store.notes import NoteStore
from hushnote.errors import (
    AttachmentDamagedError,
    AttachmentTooLargeError,
    CancelledError,
    ImageError,
    InvalidRecordError,
    PdfWriteError,
    RecordNotFoundError,
)

__all__ = ["PdfScope", "check_target", "render_pdf", "write_pdf"]

_TICK = 0.05  # seconds between progress reports: Cancel takes effect within about this
_PICTURE_LIMIT = 64 << 20  # a larger picture is listed by name, not decoded
# What a name too odd to use says, as the reason the PDF is refused.
_NAME_ERRORS = {errno.ELOOP: "loop", errno.ENAMETOOLONG: "name-too-long"}
_PREPARE_APART = 100_000  # characters: a body longer is prepared on the worker thread
_LAYOUT_SHARE = 0.9  # of the progress bar; the rest is embedding fonts and cleaning


@dataclass(frozen=True)
class PdfScope:
    """What to print: one note (``value`` its id), a notebook (its name) or a journal
    month (``YYYY-MM``)."""

    kind: Literal["note", "notebook", "journal"]
    value: str

    def month(self) -> tuple[int, int]:
        """The journal month's year and month; ``InvalidRecordError`` if not YYYY-MM."""
        try:
            year, month = (int(part) for part in self.value.split("-"))
            date(year, month, 1)
        except ValueError:
            raise InvalidRecordError(field="month", reason="format") from None
        return year, month


def render_pdf(
    notes: NoteStore,
    attachments: AttachmentStore,
    scope: PdfScope,
    *,
    title_in_metadata: bool = False,
    progress: Progress | None = None,
) -> bytes:
    """The PDF of ``scope``, in memory. ``title_in_metadata`` puts the note's (or the
    notebook's, or the month's) title in the Info dictionary; by default it holds
    nothing. ``progress`` (a share of the work) may cancel by returning False."""
    references = _references(notes, scope)
    next_report = [0.0]
    share = [0.0]

    def tick() -> None:
        if progress is None or time.monotonic() < next_report[0]:
            return
        next_report[0] = time.monotonic() + _TICK
        if not progress(share[0]):
            raise CancelledError()

    slow = _SlowCalls(tick)
    try:
        tick()
        pdf = slow.run(_new_pdf)  # the first import of fpdf2 takes about half a second
        slow.pdf = pdf
        coverage = find_fonts().register(pdf, slow.run)
        layout = Layout(pdf, tick, slow.run)
        title = scope.value
        for number, reference in enumerate(references):
            note = notes.get(reference)
            tick()
            if scope.kind == "note":
                title = note.title
            files = _attached(attachments, note, tick)
            texts = _printable(note, slow)
            coverage.require([*texts, *(f.name for f in files)])
            layout.note(texts[0], texts[1], texts[2], files)
            share[0] = _LAYOUT_SHARE * (number + 1) / len(references)
            tick()
        if not references:
            pdf.add_page()  # an empty notebook or month prints as one blank page
        if progress is not None and not progress(_LAYOUT_SHARE):
            raise CancelledError()
        kept = title if title_in_metadata else None
        data: bytes = slow.run(lambda: clean_pdf(bytes(pdf.output()), title=kept))
        if progress is not None and not progress(1.0):
            raise CancelledError()
    finally:
        slow.close()
    return data


def _printable(note: Note, slow: _SlowCalls) -> list[str]:
    """The note's title, subtitle and body as printed; a long body (a megabyte of
    Chinese takes a quarter of a second) on the worker thread, so progress goes on."""

    def work() -> list[str]:
        return [printable(note.title), printable(_subtitle(note)), printable(note.body)]

    if len(note.body) < _PREPARE_APART:
        return work()
    texts: list[str] = slow.run(work)
    return texts


def _new_pdf() -> Any:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    return pdf


class _SlowCalls:
    """Library calls that cannot be interrupted (fontTools reading a CJK face, fpdf2
    subsetting and writing the PDF, pikepdf cleaning it) run on a worker thread while
    this one keeps calling ``check``, so progress goes on and Cancel takes effect within
    a tick. A cancelled call is left to finish on its own; whichever of the two threads
    ends last closes the PDF's font files."""

    def __init__(self, check: Callable[[], None]) -> None:
        self.pdf: Any = None  # whose font files to close
        self._check = check
        self._lock = threading.Lock()
        self._abandoned = False

    def run(self, work: Callable[[], Any]) -> Any:
        done = threading.Event()
        outcome: list[Any] = []

        def target() -> None:
            try:
                outcome.append(work())
            except BaseException as error:  # handed to the waiting thread
                outcome.append(error)
            finally:
                with self._lock:
                    if self._abandoned and self.pdf is not None:
                        _close_fonts(self.pdf)
                    workers.ended()  # before the waiting thread goes on: counted out
                    done.set()

        workers.started()
        try:
            threading.Thread(target=target, name="hushnote-pdf", daemon=True).start()
        except BaseException:
            workers.ended()
            raise
        try:
            while not done.wait(_TICK):
                self._check()
        except BaseException:
            with self._lock:
                self._abandoned = not done.is_set()
            raise
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def close(self) -> None:
        """Close the font files now, unless an abandoned call still uses them."""
        with self._lock:
            if not self._abandoned and self.pdf is not None:
                _close_fonts(self.pdf)


def _close_fonts(pdf: Any) -> None:
    """Close the font files fpdf2 keeps open (through fontTools) until collected."""
    for font in pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)
        if ttfont is not None:
            ttfont.close()


def write_pdf(data: bytes, out: Path, *, vault_folder: Path, force: bool = False) -> None:
    """Write ``data`` to ``out`` atomically, touching no other name: refused inside
    ``vault_folder``, over anything but a regular file, and over an existing file unless
    ``force``."""
    check_target(out, vault_folder=vault_folder, force=force)
    with storage_errors(out):
        if force:
            replace_outside(out, data)
            return
        try:
            write_new_file(out, data)
        except FileExistsError:
            raise PdfWriteError(path=str(out), reason="exists") from None


def check_target(out: Path, *, vault_folder: Path, force: bool = False) -> None:
    """Refuse ``out`` (``PdfWriteError``) before any work, as ``write_pdf`` would; nothing
    at ``out`` is opened."""
    try:
        with storage_errors(out):
            _check_target(out, vault_folder, force)
    except ValueError:  # a NUL in the name
        raise PdfWriteError(path=repr(str(out)), reason="invalid-name") from None
    except RuntimeError:  # Path.resolve on a symbolic link loop
        raise PdfWriteError(path=str(out), reason="loop") from None


def _check_target(out: Path, vault_folder: Path, force: bool) -> None:
    try:
        found = os.stat(out)
    except FileNotFoundError:
        found = None
    except OSError as error:
        if error.errno in _NAME_ERRORS:
            raise PdfWriteError(path=str(out), reason=_NAME_ERRORS[error.errno]) from None
        raise
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise PdfWriteError(path=str(out), reason="is-a-folder")
    vault = vault_folder.resolve()
    for place in (out.parent.resolve(), out.resolve()):
        if place == vault or vault in place.parents:
            raise PdfWriteError(path=str(out), reason="inside-vault")
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise PdfWriteError(path=str(out), reason="not-a-file")  # a FIFO would block
    if os.path.lexists(out) and not force:
        raise PdfWriteError(path=str(out), reason="exists")


def _references(notes: NoteStore, scope: PdfScope) -> list[str]:
    """The ids of the notes to print, in print order."""
    if scope.kind == "note":
        return [notes.get(scope.value).uuid]
    if scope.kind == "notebook":
        if not any(name.casefold() == scope.value.casefold() for name, _ in notes.notebooks()):
            raise RecordNotFoundError(kind="notebook")
        return [summary.uuid for summary in notes.summaries(notebook=scope.value)]
    year, month = scope.month()
    return [summary.uuid for day, _ in notes.journal_month(year, month)
            for summary in notes.journal_entries(day)]  # fmt: skip


def _subtitle(note: Note) -> str:
    parts = []
    if note.journal_day is not None:
        parts.append(note.journal_day.isoformat())
    if note.notebook:
        parts.append(note.notebook)
    if note.tags:
        parts.append(", ".join(f"#{tag}" for tag in note.tags))
    return " · ".join(parts)


def _attached(
    attachments: AttachmentStore, note: Note, tick: Callable[[], None]
) -> list[AttachedFile]:
    """The note's attachments: pictures decoded from their decrypted bytes, in memory;
    any other file (or a picture that cannot be read) by name and size."""
    from hushnote.core.attachments.faces import load

    files = []
    for attachment in attachments.of_note(note.uuid):
        picture = None
        if attachment.kind in IMAGE_KINDS and attachment.kind != "heic":
            try:
                data = attachments.read(attachment.uuid, limit=_PICTURE_LIMIT)
                picture = load(data, check=tick)
            except (AttachmentTooLargeError, AttachmentDamagedError, ImageError):
                picture = None
        files.append(AttachedFile(printable(attachment.name), attachment.size, picture))
        tick()
    return files
