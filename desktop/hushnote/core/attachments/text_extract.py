"""The words of an attached file that search indexes: the text of PDFs and of text files.

Extraction runs on the file as stored (after its metadata was removed, so a removed
author's name is never indexed), read through ``BlobReader``: a PDF is handed to PDFium
as a seekable file, and PDFium reads only the parts it needs, so a 200 MB PDF is never
whole in memory; PDFium keeps every object it parsed (a page's images too) until the
document is closed, so it is opened afresh each time it has read ``REOPEN_AFTER`` bytes,
and holds one stretch of pages at a time. Every extraction is bounded: ``MAX_TEXT`` characters and
``TIME_BUDGET`` seconds, the clock checked between pages (a PDF) or blocks (a text
file). A file that cannot be read (a broken or encrypted PDF, a damaged blob) gives no
text, never an error: its name is still indexed.

PDFium is not thread-safe: every call into it holds ``PDFIUM_LOCK``, which anything else
in the process that uses PDFium (a viewer drawing pages) must hold too. It is taken page
by page, so a long extraction lets a viewer draw between pages.
"""

from __future__ import annotations

import codecs
import io
import threading
import time
from collections.abc import Callable
from typing import IO, Any, TypeAlias

from hushnote.errors import HushnoteError

__all__ = ["MAX_TEXT", "PDFIUM_LOCK", "TIME_BUDGET", "extract_text"]

MAX_TEXT = 1_000_000  # characters kept per file (about 300 pages of prose)
TIME_BUDGET = 2.0  # seconds per file
PDFIUM_LOCK = threading.Lock()
_BLOCK = 64 * 1024
# PDFium reopens the document once it has read this much of it (see ``_pdf_text``).
REOPEN_AFTER = 8 * 1024 * 1024
TEXT_KINDS = frozenset({"text", "markdown"})
# A seekable binary file: an open file, BytesIO, or a ``BlobReader``.
Source: TypeAlias = IO[bytes] | io.RawIOBase


def extract_text(
    source: Source,
    kind: str,
    *,
    limit: int = MAX_TEXT,
    budget: float = TIME_BUDGET,
    clock: Callable[[], float] = time.monotonic,
) -> str:
    """The text of ``source`` (a seekable binary file of ``kind``, as ``sniff_kind``
    tells it), at most ``limit`` characters; "" for kinds without text and for files
    that cannot be read."""
    deadline = clock() + budget
    text = ""
    if kind == "pdf":
        text = _pdf_text(source, limit, deadline, clock)
    elif kind in TEXT_KINDS:
        try:
            text = _plain_text(source, limit, deadline, clock)
        except (HushnoteError, OSError):
            return ""
    # A text file is told by its first 64 KiB: a NUL may still come later.
    return text.replace("\x00", " ")


def _plain_text(source: Source, limit: int, deadline: float, clock: Callable[[], float]) -> str:
    """UTF-8 (or UTF-16 with its byte-order mark), streamed block by block; bytes that
    do not decode become U+FFFD."""
    from hushnote.core.attachments.kinds import UTF16_BOMS

    block: bytes | None = source.read(_BLOCK)
    codec = "utf-16" if block and block.startswith(UTF16_BOMS) else "utf-8"
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    parts: list[str] = []
    kept = 0
    while kept < limit and clock() < deadline:
        if block is None:
            block = source.read(_BLOCK)
        text = decoder.decode(block or b"", final=not block)
        parts.append(text[: limit - kept])
        kept += len(parts[-1])
        if not block:
            break
        block = None
    return "".join(parts)


def _pdf_text(source: Source, limit: int, deadline: float, clock: Callable[[], float]) -> str:
    import pypdfium2 as pdfium  # loaded only when a PDF is attached

    guarded = _Guarded(source, deadline, clock)
    parts: list[str] = []
    kept = 0
    document = None
    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(guarded)
            pages = len(document)
        for number in range(pages):
            if kept >= limit or clock() >= deadline or guarded.failed:
                break
            if guarded.taken > REOPEN_AFTER:
                with PDFIUM_LOCK:
                    document.close()
                    document = None
                    guarded.taken = 0
                    document = pdfium.PdfDocument(guarded)
            with PDFIUM_LOCK:
                text = _page_text(document, number)
            parts.append(text.replace("\r\n", "\n")[: limit - kept] + "\n")
            kept += len(parts[-1])
    except (pdfium.PdfiumError, ValueError, OSError, HushnoteError):
        # Broken, encrypted or hostile: what was read so far is kept, the name always.
        pass
    finally:
        if document is not None:
            with PDFIUM_LOCK:
                document.close()
    return "".join(parts)[:limit].rstrip("\n")


def _page_text(document: Any, number: int) -> str:
    page = document[number]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


class _Guarded:
    """The file as PDFium reads it, through a ctypes callback: an error raised inside the
    callback would only be printed, so it is kept here and PDFium is told the read
    failed (a short read), which ends the document or the page. Reads fail too once the
    time is up, which stops PDFium inside a page or while it rebuilds a broken file's
    table of objects, where no check between pages can."""

    def __init__(self, raw: Source, deadline: float, clock: Callable[[], float]) -> None:
        self._raw = raw
        self._deadline = deadline
        self._clock = clock
        self.failed = False
        self.taken = 0  # bytes handed to PDFium since the document was last opened

    def seek(self, offset: int, whence: int = 0) -> int:
        try:
            return self._raw.seek(offset, whence)
        except (HushnoteError, OSError, ValueError):
            self.failed = True
            return 0

    def tell(self) -> int:
        return self._raw.tell()

    def read(self, size: int = -1) -> bytes:
        try:
            return self._raw.read(size) or b""
        except (HushnoteError, OSError, ValueError):
            self.failed = True
            return b""

    def readinto(self, buffer: Any) -> int:
        if self.failed or self._clock() >= self._deadline:
            self.failed = True
            return 0
        try:
            count = self._raw.readinto(buffer) or 0  # type: ignore[union-attr]
        except (HushnoteError, OSError, ValueError):
            self.failed = True
            return 0
        self.taken += count
        return count
