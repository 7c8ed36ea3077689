"""Attachment metadata removal (``clean``) on arbitrary bytes, of the kind they sniff as."""

from __future__ import annotations

import io

from hushnote.core.attachments.metadata import HEAD_SIZE, clean, sniff

from .harness import Target


class _Sink:
    def write(self, data: bytes) -> int:
        return len(data)


def _parse(data: bytes) -> object:
    # Bytes of no known kind go to the JPEG walk, the one that reads furthest on its own.
    kind = sniff(data[:HEAD_SIZE]) or "jpeg"
    return clean(kind, io.BytesIO(data), _Sink(), lambda: None)  # type: ignore[arg-type]


def _seeds() -> dict[str, bytes]:
    from support.metadata_files import (
        plain_jpeg,
        tagged_jpeg,
        tagged_pdf,
        tagged_png,
        tagged_webp,
    )

    return {
        "empty": b"",
        "tagged.jpg": tagged_jpeg(),
        "progressive.jpg": tagged_jpeg(progressive=True),
        "plain.jpg": plain_jpeg(),
        "tagged.png": tagged_png(),
        "tagged.webp": tagged_webp(),
        "lossless.webp": tagged_webp(lossless=True),
        "tagged.pdf": tagged_pdf(),
    }


TARGET = Target(
    name="metadata",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        b"\xff\xd8\xff",
        b"\xff\xd9",
        b"\xff\xda",
        b"\xff\xe1",
        b"\xff\xc0",
        b"Exif\x00\x00",
        b"MM\x00*",
        b"II*\x00",
        b"\x89PNG\r\n\x1a\n",
        b"IHDR",
        b"IDAT",
        b"IEND",
        b"eXIf",
        b"iTXt",
        b"RIFF",
        b"WEBP",
        b"VP8X",
        b"VP8 ",
        b"VP8L",
        b"EXIF",
        b"XMP ",
        b"%PDF-1.7",
        b"/Metadata",
        b"/Info",
        b"xref",
        b"trailer",
        b"startxref",
        b"endobj",
        b"stream",
    ),
)
