"""What the attachment viewer shows, made from bytes in memory: images, PDF pages, text.

Nothing here writes a file or reads one: images decode from a ``QBuffer``, PDFs load
from the caller's buffer, and Markdown is laid out by a document that loads no resource
at all (no image, no style sheet, no ``data:`` URL), local or remote.

* **Images** go through ``QImageReader`` with EXIF orientation applied. The format is
  decided from the bytes, never the name, and only raster formats are shown (an SVG could
  name other files). Past ``MAX_PIXELS`` an image is "too large to show", decided from
  its header before any pixel is decoded, so a decompression bomb costs a few
  milliseconds; ``QImageReader.setAllocationLimit`` is the second fence. The first paint
  decodes at the size it is shown (JPEG decodes scaled, eight times faster at 1/8); the
  full image is decoded when a zoom needs it.
* **PDF** pages are drawn by PDFium (pypdfium2). PDFium is not thread-safe, so every call
  into it holds ``PDFIUM_LOCK``; pages render on a worker, one at a time, so a slow or
  hostile page never freezes the window. Forms, JavaScript and links are not run.
"""

from __future__ import annotations

import ctypes
import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, QUrl
from PySide6.QtGui import (
    QImage,
    QImageIOHandler,
    QImageReader,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from hushnote.core import PDFIUM_LOCK

__all__ = [
    "MAX_PIXELS",
    "MAX_TEXT_BYTES",
    "ImageTooLarge",
    "PdfPages",
    "SealedBrowser",
    "Unreadable",
    "ViewKind",
    "decode_image",
    "decode_text",
    "image_size",
    "view_kind",
]

#: The most pixels an image may have to be shown: 100 megapixels, 400 MB decoded.
MAX_PIXELS = 100_000_000
#: Qt's own limit for one decoded image, in MiB (its default is 256).
ALLOCATION_LIMIT_MB = 420
#: A text longer than this shows its beginning only.
MAX_TEXT_BYTES = 4 * 1024 * 1024
#: The most pixels one rendered PDF page may have, whatever the zoom.
MAX_PAGE_PIXELS = 40_000_000
#: Raster formats only: an SVG may reference other files.
RASTER_FORMATS = {"bmp", "gif", "jpeg", "png", "webp", "tiff", "ico", "pbm", "pgm", "ppm"}
TEXT_KINDS = {"application/json"}
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", ".log", ".csv")

# PDFium may be called from one thread at a time, whatever the document: the same lock
# the core's text extraction holds, so a page drawn here never runs beside an attach.


class ViewKind(enum.Enum):
    """How the viewer shows an attachment."""

    IMAGE = "image"
    PDF = "pdf"
    TEXT = "text"
    MARKDOWN = "markdown"


class ImageTooLarge(Exception):
    """The image has more pixels than ``MAX_PIXELS``."""


class Unreadable(Exception):
    """The bytes are not a readable image or PDF (``reason``: "damaged", "password")."""

    def __init__(self, reason: str = "damaged") -> None:
        super().__init__(reason)
        self.reason = reason


def view_kind(kind: str, name: str, data: bytes | bytearray) -> ViewKind | None:
    """How to show these bytes, or None if the viewer cannot.

    Images and PDFs are recognised by their bytes, whatever they are called; text by its
    ``kind`` (the store's ``text`` and ``markdown``, which it told from the bytes, or a
    MIME type) or its name's extension, since any bytes decode as text."""
    head = bytes(data[:1024])
    if head.startswith(b"%PDF-") or (b"%PDF-" in head and kind == "application/pdf"):
        return ViewKind.PDF
    if _raster_format(data) is not None:
        return ViewKind.IMAGE
    lowered = name.lower()
    if kind in ("markdown", "text/markdown", "text/x-markdown") or lowered.endswith(
        MARKDOWN_SUFFIXES
    ):
        return ViewKind.MARKDOWN
    # Any text/* (HTML included) is shown as plain text: never rendered, nothing loaded.
    if kind == "text" or kind.startswith("text/") or kind in TEXT_KINDS:
        return ViewKind.TEXT
    if lowered.endswith(TEXT_SUFFIXES):
        return ViewKind.TEXT
    return None


# -- images -------------------------------------------------------------------------------


def _reader(data: bytes | bytearray) -> tuple[QImageReader, QBuffer, QByteArray]:
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    array = QByteArray(data)  # one copy, Qt's, zeroed after use
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    return reader, buffer, array


def _raster_format(data: bytes | bytearray) -> str | None:
    reader, buffer, array = _reader(data[:65536])
    found = bytes(reader.format().data()).decode("ascii", "replace").lower()
    buffer.close()
    array.fill(0)
    return found if found in RASTER_FORMATS else None


def image_size(data: bytes | bytearray) -> QSize:
    """The image's size as shown (EXIF orientation applied), read from its header."""
    reader, buffer, array = _reader(data)
    size = reader.size()
    buffer.close()
    array.fill(0)
    if _swaps_sides(reader):
        size = size.transposed()
    return size


def _swaps_sides(reader: QImageReader) -> bool:
    # Rotate270 is Rotate90 with both flips: the quarter-turn bit says whether sides swap.
    quarter = QImageIOHandler.Transformation.TransformationRotate90
    return reader.transformation() & quarter == quarter


def decode_image(data: bytes | bytearray, fit: QSize | None = None) -> QImage:
    """Decode ``data`` with its EXIF orientation applied, no larger than ``fit`` (shown
    orientation) if given. Raises ``ImageTooLarge`` or ``Unreadable``."""
    reader, buffer, array = _reader(data)
    try:
        found = bytes(reader.format().data()).decode("ascii", "replace").lower()
        if found not in RASTER_FORMATS:
            raise Unreadable()
        stored = reader.size()
        if not stored.isValid() or stored.isEmpty():
            raise Unreadable()
        if stored.width() * stored.height() > MAX_PIXELS:
            raise ImageTooLarge()
        if fit is not None:
            target = fit.transposed() if _swaps_sides(reader) else fit
            scale = min(target.width() / stored.width(), target.height() / stored.height())
            if scale < 1:
                reader.setScaledSize(
                    QSize(
                        max(1, round(stored.width() * scale)),
                        max(1, round(stored.height() * scale)),
                    )
                )
        image = reader.read()
        if image.isNull():
            raise Unreadable()
        return image
    finally:
        buffer.close()
        array.fill(0)  # Qt's copy of the plaintext goes now, not when freed


# -- text -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecodedText:
    text: str
    lossy: bool  # some bytes were not UTF-8 and show as "�"
    cut: bool  # longer than MAX_TEXT_BYTES: only the beginning is shown


def decode_text(data: bytes | bytearray) -> DecodedText:
    """Decode as UTF-8 (or UTF-16 with its BOM); bytes that are neither show as "�"."""
    cut = len(data) > MAX_TEXT_BYTES
    raw = bytes(data[:MAX_TEXT_BYTES])
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            body = raw[len(bom) :]
            body = body[: len(body) // 2 * 2]
            text = body.decode(codec, errors="replace")
            return DecodedText(text, "\ufffd" in text, cut)
    try:
        return DecodedText(raw.decode("utf-8-sig"), False, cut)
    except UnicodeDecodeError as error:
        # A cut in the middle of a character is not damage.
        if cut and error.start >= len(raw) - 3:
            return DecodedText(raw[: error.start].decode("utf-8-sig"), False, cut)
    return DecodedText(raw.decode("utf-8-sig", errors="replace"), True, cut)


class _SealedDocument(QTextDocument):
    """A document that loads nothing: every image, style sheet or URL resolves to none."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return None


class SealedBrowser(QTextBrowser):
    """Markdown shown with no external resource ever loaded, and no link followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_SealedDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.loaded: list[str] = []  # what was asked for and refused, for the tests

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.loaded.append(name.toString() if isinstance(name, QUrl) else name)
        return None

    def show_markdown(self, text: str) -> None:
        features = (
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            | QTextDocument.MarkdownFeature.MarkdownNoHTML
        )
        document = self.document()
        document.setMarkdown(text, features)
        _unlink_images(document)


def _unlink_images(document: QTextDocument) -> None:
    """Replace every image by its name in brackets, before anything is laid out.

    A refused resource is not enough: Qt's image handler then reads the image's name as a
    file path itself (``QTextImageHandler``), so no image may keep a name at all."""
    block = document.begin()
    images: list[tuple[int, int, str]] = []
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                name = fragment.charFormat().toImageFormat().name()
                images.append((fragment.position(), fragment.length(), name))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, name in reversed(images):  # from the end: positions stay valid
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        label = QCoreApplication.translate("SealedBrowser", "[image not shown: {name}]")
        cursor.insertText(label.replace("{name}", name), QTextCharFormat())


# -- PDF ------------------------------------------------------------------------------------


# PDFium's bitmap layouts, as pypdfium2 names them with the byte order reversed.
_BITMAP_FORMATS = {
    "RGB": QImage.Format.Format_RGB888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "RGBX": QImage.Format.Format_RGBX8888,
    "L": QImage.Format.Format_Grayscale8,
}


class PdfPages:
    """One PDF, loaded from the caller's buffer without a copy, its pages rendered on
    demand. Every method may be called from any thread: each holds ``PDFIUM_LOCK``."""

    def __init__(self, data: bytes | bytearray) -> None:
        import pypdfium2 as pdfium  # loaded when a PDF is first shown

        # A bytearray is lent as a ctypes array over the same memory: no second copy.
        source: Any = (
            (ctypes.c_ubyte * len(data)).from_buffer(data) if isinstance(data, bytearray) else data
        )
        with PDFIUM_LOCK:
            try:
                self._document: Any = pdfium.PdfDocument(source)
            except pdfium.PdfiumError as error:
                raise Unreadable(
                    "password" if "password" in str(error).lower() else "damaged"
                ) from error
            self.count = len(self._document)
            self._sizes: dict[int, tuple[float, float]] = {}
        if self.count == 0:
            self.close()
            raise Unreadable()

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height of page ``index`` in points (1/72 inch)."""
        with PDFIUM_LOCK:
            if index not in self._sizes:
                page = self._document[index]
                try:
                    self._sizes[index] = page.get_size()
                finally:
                    page.close()
            return self._sizes[index]

    def render(self, index: int, scale: float) -> QImage:
        """Page ``index`` at ``scale`` pixels per point (capped at ``MAX_PAGE_PIXELS``)."""
        import pypdfium2 as pdfium

        width, height = self.page_size(index)
        area = width * height * scale * scale
        if area > MAX_PAGE_PIXELS:
            scale *= (MAX_PAGE_PIXELS / area) ** 0.5
        with PDFIUM_LOCK:
            if self._document is None:
                raise Unreadable()
            try:
                page = self._document[index]
                try:
                    bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=False)
                finally:
                    page.close()
            except pdfium.PdfiumError as error:
                raise Unreadable() from error
            try:
                layout = _BITMAP_FORMATS.get(bitmap.mode)
                if layout is None:
                    raise Unreadable()
                view = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, layout)
                return view.copy()  # owns its pixels; the bitmap goes with this call
            finally:
                bitmap.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            document, self._document = self._document, None
            if document is not None:
                document.close()
