"""Removing identifying metadata from a file as it is attached to a note.

A photo says where it was taken, with which camera (and that camera's serial number),
whose camera it is and when; a PDF says who wrote it and with what. :func:`clean` copies
a picture or a PDF without those, and says what it found in :class:`Cleaned`:

========================  =================================================================
code                      what was removed
========================  =================================================================
``gps``                   the place where the picture was taken (GPS position, direction)
``camera``                the camera or phone's make and model, the lens
``camera-serial``         the serial number of the camera body or lens
``unique-id``             an identifier unique to this picture or document, which links
                          copies of it (EXIF ImageUniqueID, the PDF's /ID)
``owner``                 the name of the camera's owner
``author``                an author, artist or copyright holder
``date``                  when it was taken, created or changed
``software``              the software, firmware or computer that made or edited it
``thumbnail``             a small preview image, which keeps the unedited picture
``maker-note``            the camera maker's private data (often serial numbers)
``title``                 a title or description
``subject``               a subject
``keywords``              keywords
``comment``               a comment
``xmp``                   an XMP packet (any of the above, edit history, people's names)
``iptc``                  IPTC / Photoshop data (captions, names, places)
``exif``                  other EXIF fields (exposure settings and the like)
``text``                  other PNG text fields
``document-info``         other fields of a PDF's document information
``appended-data``         data after the end of the picture (other images, a video)
``other``                 other embedded data a viewer does not need
========================  =================================================================

What stays, because a viewer needs it to show the picture right: the ICC colour profile
and the EXIF orientation, kept as the one tag of a new, minimal EXIF block (applying it
would mean re-encoding a JPEG, which loses quality). Picture data is never re-encoded:
JPEG, PNG and WebP are walked as containers (segments, chunks) and copied block by block,
so memory stays bounded and time linear whatever the size, and the pixels stay identical.
The metadata itself is read by Pillow, PDFs are rewritten by pikepdf (qpdf). HEIC is
stored unchanged, with ``checked`` false: no library here can strip it without
re-encoding the picture.

A file that is not what its first bytes say raises :class:`~hushnote.errors.MetadataError`
(the caller then offers to store it unchanged); on any exception the sink holds partial
output and must be discarded.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, cast

from hushnote.core.attachments.container_input import Input
from hushnote.core.attachments.image_containers import clean_jpeg, clean_png, clean_webp
from hushnote.errors import MetadataError

if TYPE_CHECKING:
    import pikepdf

__all__ = [
    "CODES",
    "HEAD_SIZE",
    "KINDS",
    "PDF_MAX_OBJECTS",
    "PDF_MAX_STREAM",
    "Cleaned",
    "clean",
    "sniff",
]

# Enough for every signature below, and the PDF header anywhere in the first KiB, as
# readers accept it there.
HEAD_SIZE = 1024
KINDS = ("jpeg", "png", "webp", "heic", "pdf")
# Every code ``Cleaned.removed`` can hold (the table above says what each means).
CODES = (
    *("gps", "camera", "camera-serial", "unique-id", "owner", "author", "date", "software"),
    *("thumbnail", "maker-note", "title", "subject", "keywords", "comment", "xmp", "iptc"),
    *("exif", "text", "document-info", "appended-data", "other"),
)
# ISO base media file brands of HEIF pictures (not AVIF, which shares mif1).
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_HEIF_BRANDS = {b"mif1", b"msf1"}
_BLOCK = 64 * 1024
# Bounds that keep a PDF's rewrite within 64 MB of memory (measured: docs/attachments.md); a
# larger PDF is refused as "too-large" and may be stored unchanged.
PDF_MAX_OBJECTS = 20_000
PDF_MAX_STREAM = 16 * 1024 * 1024


@dataclass(frozen=True)
class Cleaned:
    """What :func:`clean` did to one file."""

    kind: str
    # The codes (see the module docstring) of what was found and removed, sorted.
    removed: tuple[str, ...]
    # False when the kind could not be checked and the file was copied unchanged.
    checked: bool = True
    # The EXIF orientation (1 to 8) kept in the cleaned picture; 1 when none.
    orientation: int = 1


def sniff(head: bytes) -> str | None:
    """The kind of file whose first bytes (``HEAD_SIZE`` of them) are ``head``, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and _is_heif(head):
        return "heic"
    start = head.find(b"%PDF-", 0, HEAD_SIZE)
    if start >= 0 and head[start + 5 : start + 6].isdigit():
        return "pdf"
    return None


def _is_heif(head: bytes) -> bool:
    size = int.from_bytes(head[:4], "big")
    major = head[8:12]
    brands = {head[i : i + 4] for i in range(16, min(size, len(head)) - 3, 4)}
    if major in _HEIC_BRANDS:
        return True
    return major in _HEIF_BRANDS and bool(brands & _HEIC_BRANDS) and b"avif" not in brands


def clean(kind: str, source: BinaryIO, sink: BinaryIO, check: Callable[[], None]) -> Cleaned:
    """Copy ``source`` to ``sink`` without identifying metadata; say what was removed.

    ``source`` is read from its start and may be seeked; ``sink`` is only written to
    (never read, seeked or told). ``check`` is called often (at least every 50 ms of
    work) and raises to cancel. Raises :class:`MetadataError` for a damaged file.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    source.seek(0)
    if kind == "heic":
        _copy(source, sink, check)
        return Cleaned(kind, (), checked=False)
    found: set[str] = set()
    if kind == "pdf":
        _clean_pdf(source, sink, check, found)
        return Cleaned(kind, tuple(sorted(found)))
    stream = Input(source, check, kind)
    cleaner = {"jpeg": clean_jpeg, "png": clean_png, "webp": clean_webp}[kind]
    orientation = cleaner(stream, sink, found)
    return Cleaned(kind, tuple(sorted(found)), orientation=orientation)


def _copy(source: BinaryIO, sink: BinaryIO, check: Callable[[], None]) -> None:
    while block := source.read(_BLOCK):
        check()
        sink.write(block)


# Document information keys and what they say; any other key is "document-info".
_PDF_INFO = {
    "/Author": "author",
    "/Creator": "software",
    "/Producer": "software",
    "/Title": "title",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/CreationDate": "date",
    "/ModDate": "date",
}


class _CheckedSink(io.RawIOBase):
    """The sink as pikepdf writes to it: each write first asks ``check``."""

    def __init__(self, sink: BinaryIO, check: Callable[[], None]) -> None:
        super().__init__()
        self._sink = sink
        self._check = check

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._check()
        self._sink.write(data)
        return len(data)


class _CheckedSource(io.RawIOBase):
    """The source as qpdf reads it: each read first asks ``check``, so that opening and
    resolving objects, which run inside qpdf, can be cancelled too."""

    def __init__(self, source: BinaryIO, check: Callable[[], None]) -> None:
        super().__init__()
        self._source = source
        self._check = check

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self._check()
        view = memoryview(buffer).cast("B")
        data = self._source.read(len(view))
        view[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._source.seek(offset, whence)

    def tell(self) -> int:
        return self._source.tell()


def _clean_pdf(
    source: BinaryIO, sink: BinaryIO, check: Callable[[], None], found: set[str]
) -> None:
    import pikepdf

    try:
        # No recovery: a PDF qpdf would have to rebuild is stored as it is, or not at all,
        # never as qpdf's guess of it. Streamed, not memory-mapped, to keep memory small.
        # Pages are left as they are (no inherited attributes pushed down to them).
        pdf = pikepdf.open(
            cast(BinaryIO, _CheckedSource(source, check)),
            attempt_recovery=False,
            access_mode=pikepdf.AccessMode.stream,
            inherit_page_attributes=False,
        )
    except pikepdf.PasswordError:
        raise MetadataError(kind="pdf", reason="encrypted") from None
    except pikepdf.PdfError:
        raise MetadataError(kind="pdf", reason="malformed") from None
    with pdf:
        # qpdf warns when it had to repair what it read (an object count that lies, say).
        if pdf.get_warnings():
            raise MetadataError(kind="pdf", reason="malformed")
        # qpdf keeps every object it has read (about 800 bytes each) in memory.
        if _pdf_number(pdf.trailer.get("/Size")) > PDF_MAX_OBJECTS:
            raise MetadataError(kind="pdf", reason="too-large")
        # Rewriting a signed PDF would break its signature: it is refused, so that the
        # user can keep it as it is.
        if _is_signed(pdf):
            raise MetadataError(kind="pdf", reason="signed")
        try:
            _strip_pdf(pdf, check, found)
            # Streams are copied as they are (no decoding), so a compression bomb costs
            # nothing and time stays linear in the file; the new /ID is made from the
            # content, so it no longer links this copy to the original.
            pdf.save(
                cast(BinaryIO, _CheckedSink(sink, check)),
                compress_streams=False,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                deterministic_id=True,
                fix_metadata_version=False,
            )
        except pikepdf.PdfError:
            raise MetadataError(kind="pdf", reason="malformed") from None


def _is_signed(pdf: pikepdf.Pdf) -> bool:
    import pikepdf

    form = pdf.Root.get("/AcroForm")
    flags = form.get("/SigFlags", 0) if isinstance(form, pikepdf.Dictionary) else 0
    # SigFlags bit 1: the document holds signatures; /Perms: a certifying signature.
    return (isinstance(flags, int) and bool(flags & 1)) or "/Perms" in pdf.Root


def _pdf_number(value: object) -> int:
    # pikepdf gives PDF integers as Python ints; anything else where a count belongs is damage.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise MetadataError(kind="pdf", reason="malformed")


def _strip_pdf(pdf: pikepdf.Pdf, check: Callable[[], None], found: set[str]) -> None:
    import pikepdf

    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary):
        for name in info.keys():
            found.add(_PDF_INFO.get(str(name), "document-info"))
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    if "/ID" in pdf.trailer:
        found.add("unique-id")
    # XMP lives on the catalogue and on any page, image or font; /PieceInfo holds an
    # editor's private data (Illustrator keeps the whole drawing there). Objects are
    # visited one by one from the cross-reference table: ``pdf.objects`` would resolve
    # them all at once, out of reach of ``check``.
    for number, key in enumerate(pdf.get_xref_table()):
        if number % 16 == 0:
            check()
        obj = pdf.get_object(key)
        # qpdf holds a whole stream in memory while it writes it.
        if isinstance(obj, pikepdf.Stream):
            if _pdf_number(obj.stream_dict.get("/Length")) > PDF_MAX_STREAM:
                raise MetadataError(kind="pdf", reason="too-large")
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            if "/Metadata" in obj:
                del obj["/Metadata"]
                found.add("xmp")
            if "/PieceInfo" in obj:
                del obj["/PieceInfo"]
                found.add("other")
