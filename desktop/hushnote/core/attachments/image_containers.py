"""Copying JPEG, PNG and WebP files without their metadata, never touching the pixels.

Each format is a container: a JPEG a run of marker segments, a PNG a run of chunks, a
WebP a RIFF list of chunks. The walk below reads each piece's header, copies what a viewer
needs byte for byte and drops the rest, so the picture data is never decoded or
re-encoded: the pixels stay identical, memory stays at one 64 KiB block plus one metadata
block (at most ``EXIF_CAP``), and time is linear in the file. Pillow reads the EXIF blocks
(what they hold, the orientation) and writes the one kept tag; the formats' own
specifications (ITU T.81, PNG 3rd edition, RFC 9649) fix the containers walked here.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

from hushnote.core.attachments.container_input import Input
from hushnote.core.attachments.exif_fields import (
    EXIF_CAP,
    exif_with_orientation,
    read_exif,
)

__all__ = ["MAX_PIXELS", "clean_jpeg", "clean_png", "clean_webp"]

# Pillow's DecompressionBombError threshold (2 x Image.MAX_IMAGE_PIXELS): a picture
# declaring more is refused, as no part of the app could ever show it.
MAX_PIXELS = 2 * 89_478_485


def _check_pixels(inp: Input, width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise inp.error("too-large")


# JPEG: ITU T.81 (segments), JFIF 1.02 (APP0), CIPA DC-008 (APP1 Exif), ICC.1 (APP2).
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}
_JPEG_SOF = {*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)}
# Every other segment a JPEG decoder reads (T.81: DHT, DAC, SOS, DQT, DNL, DRI, DHP, EXP;
# T.87 JPEG-LS: SOF55, LSE). Any other marker with a length (JPGn extensions, reserved
# codes) is dropped: no decoder needs it, and it could carry anything.
_JPEG_TABLES = {0xC4, 0xCC, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xF7, 0xF8}
_JPEG_APP_KINDS = (
    (0xE1, b"Exif\x00", "exif"),
    (0xE1, b"http://ns.adobe.com/xap/1.0/\x00", "xmp"),
    (0xE1, b"http://ns.adobe.com/xmp/extension/\x00", "xmp"),
    (0xE0, b"JFXX\x00", "thumbnail"),
    (0xED, b"Photoshop 3.0\x00", "iptc"),
)


def _segment(code: int, payload: bytes) -> bytes:
    return bytes((0xFF, code)) + (len(payload) + 2).to_bytes(2, "big") + payload


def clean_jpeg(inp: Input, sink: BinaryIO, found: set[str]) -> int:
    """Copy a JPEG without its metadata segments; the orientation kept."""
    if inp.exact(2) != b"\xff\xd8":
        raise inp.error("malformed")
    sink.write(b"\xff\xd8")
    orientation, exif_seen, scanned = 1, False, False
    code = inp.marker()
    while True:
        inp.check()
        if code == 0xD9:  # end of image: what follows is another image, a video...
            if not scanned:
                raise inp.error("malformed")
            sink.write(b"\xff\xd9")
            if not inp.at_end():
                found.add("appended-data")
            return orientation
        if code in _JPEG_STANDALONE:
            sink.write(bytes((0xFF, code)))
            code = inp.marker()
            continue
        if code in (0x00, 0xD8):
            raise inp.error("malformed")
        length = int.from_bytes(inp.exact(2), "big") - 2
        if length < 0:
            raise inp.error("malformed")
        if 0xE0 <= code <= 0xEF or code == 0xFE:
            payload = inp.exact(length)
            kept, what = _jpeg_app(code, payload)
            if what == "exif" and not exif_seen:
                exif_seen = True
                codes, orientation = read_exif(payload[6:])
                found.update(codes)
                if orientation != 1:
                    kept = _segment(0xE1, b"Exif\x00\x00" + exif_with_orientation(orientation))
            elif what:
                found.add(what)
            sink.write(kept)
        elif code in _JPEG_SOF:
            payload = inp.exact(length)
            if len(payload) < 5:
                raise inp.error("malformed")
            height, width = int.from_bytes(payload[1:3]), int.from_bytes(payload[3:5])
            _check_pixels(inp, width, height)
            sink.write(_segment(code, payload))
        elif code not in _JPEG_TABLES:
            inp.skip(length)
            found.add("other")
        else:
            sink.write(bytes((0xFF, code)) + (length + 2).to_bytes(2, "big"))
            inp.copy(length, sink)
            if code == 0xDA:  # start of scan: coded data follows, up to the next marker
                scanned = True
                code = inp.copy_entropy(sink)
                continue
        code = inp.marker()


def _jpeg_app(code: int, payload: bytes) -> tuple[bytes, str]:
    """The segment to write in place of an APPn or COM one ("" for none), and its code."""
    if code == 0xE0 and payload.startswith(b"JFIF\x00") and len(payload) >= 14:
        # Keep the version and pixel density; drop the thumbnail that may follow.
        thumbnail = len(payload) > 14 or payload[12] * payload[13] > 0
        return _segment(code, payload[:12] + b"\x00\x00"), "thumbnail" if thumbnail else ""
    if code == 0xE2 and payload.startswith(b"ICC_PROFILE\x00"):
        return _segment(code, payload), ""
    if code == 0xEE and payload.startswith(b"Adobe") and len(payload) >= 12:
        # Says how colours were transformed: "Adobe", version, two flag words and the
        # transform, 12 bytes; anything after them is dropped.
        return _segment(code, payload[:12]), "other" if len(payload) > 12 else ""
    if code == 0xFE:
        return b"", "comment"
    for app, prefix, what in _JPEG_APP_KINDS:
        if code == app and payload.startswith(prefix):
            return b"", what
    return b"", "other"


# PNG (3rd edition): chunks a viewer needs to show the picture, or an animation, right.
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEEP = {
    *(b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP"),
    *(b"cICP", b"mDCV", b"cLLI", b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"),
}
_PNG_TEXT_KEYS = {
    "title": "title",
    "description": "title",
    "author": "author",
    "copyright": "author",
    "creation time": "date",
    "software": "software",
    "source": "camera",
    "comment": "comment",
    "xml:com.adobe.xmp": "xmp",
    "raw profile type exif": "exif",
    "raw profile type app1": "exif",
    "raw profile type xmp": "xmp",
    "raw profile type iptc": "iptc",
    "raw profile type 8bim": "iptc",
}


def clean_png(inp: Input, sink: BinaryIO, found: set[str]) -> int:
    """Copy a PNG without its text, time and EXIF chunks; the orientation kept."""
    if inp.exact(8) != _PNG_SIGNATURE:
        raise inp.error("malformed")
    sink.write(_PNG_SIGNATURE)
    orientation, exif_seen, first = 1, False, True
    while True:
        inp.check()
        head = inp.exact(8)
        length, name = int.from_bytes(head[:4]), head[4:]
        if length >= 2**31 or first != (name == b"IHDR") or (first and length != 13):
            raise inp.error("malformed")
        first = False
        if name in _PNG_KEEP:
            sink.write(head)
            if name == b"IHDR":
                payload = inp.exact(13)
                _check_pixels(inp, int.from_bytes(payload[:4]), int.from_bytes(payload[4:8]))
                sink.write(payload)
                crc = zlib.crc32(name + payload)
            else:
                crc = inp.copy(length, sink, zlib.crc32(name))
            stored = inp.exact(4)
            if int.from_bytes(stored) != crc:
                raise inp.error("malformed")
            sink.write(stored)
            if name == b"IEND":
                if not inp.at_end():
                    found.add("appended-data")
                return orientation
        elif name == b"eXIf" and not exif_seen and length <= EXIF_CAP:
            exif_seen = True
            codes, orientation = read_exif(inp.exact(length))
            inp.skip(4)
            found.update(codes)
            if orientation != 1:
                sink.write(_png_chunk(b"eXIf", exif_with_orientation(orientation)))
        elif name in (b"tEXt", b"zTXt", b"iTXt"):
            keyword = inp.exact(min(length, 80)).split(b"\x00", 1)[0]
            inp.skip(length - min(length, 80) + 4)
            found.add(_PNG_TEXT_KEYS.get(keyword.decode("latin-1").lower(), "text"))
        else:
            inp.skip(length + 4)
            found.add({b"tIME": "date", b"eXIf": "exif"}.get(name, "other"))


def _png_chunk(name: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(name + payload)
    return len(payload).to_bytes(4, "big") + name + payload + crc.to_bytes(4, "big")


# WebP (RFC 9649): VP8X flags, and the chunks a viewer needs.
_WEBP_KEEP = {b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def clean_webp(inp: Input, sink: BinaryIO, found: set[str]) -> int:
    """Copy a WebP without its EXIF and XMP chunks; the orientation kept.

    The RIFF header holds the file's size, and the sink cannot be seeked back to, so a
    first pass over the chunk headers finds the size and the orientation, a second copies.
    """
    head = inp.exact(12)
    if head[:4] != b"RIFF" or head[8:] != b"WEBP":
        raise inp.error("malformed")
    end = 8 + int.from_bytes(head[4:8], "little")
    if end > inp.size:
        raise inp.error("truncated")
    size, orientation = _webp_walk(inp, end, None, 1, found)
    inp.seek(12)
    sink.write(b"RIFF" + size.to_bytes(4, "little") + b"WEBP")
    _webp_walk(inp, end, sink, orientation, set())
    if end < inp.size:
        found.add("appended-data")
    return orientation


def _webp_walk(
    inp: Input, end: int, sink: BinaryIO | None, orientation: int, found: set[str]
) -> tuple[int, int]:
    """One pass over the chunks: writing them when there is a ``sink``, else measuring."""
    size, exif_seen, extended = 4, False, False
    while inp.tell() < end:
        inp.check()
        head = inp.exact(8)
        name, length = head[:4], int.from_bytes(head[4:], "little")
        padded = length + (length & 1)
        if inp.tell() + padded > end:
            raise inp.error("truncated")
        out = b""
        if name == b"VP8X":
            if length < 10:
                raise inp.error("malformed")
            extended = True
            payload = inp.exact(padded)
            _check_pixels(
                inp,
                1 + int.from_bytes(payload[4:7], "little"),
                1 + int.from_bytes(payload[7:10], "little"),
            )
            flags = payload[0] & ~(_VP8X_EXIF | _VP8X_XMP)
            flags |= _VP8X_EXIF if orientation != 1 else 0
            out = head + bytes((flags,)) + payload[1:]
        elif name in _WEBP_KEEP:
            start = inp.exact(min(padded, 10))
            _webp_frame_pixels(inp, name, start)
            size += 8 + padded
            if sink is not None:
                sink.write(head + start)
                inp.copy(padded - len(start), sink)
            else:
                inp.skip(padded - len(start))
            continue
        elif name == b"EXIF" and not exif_seen and length <= EXIF_CAP:
            exif_seen = True
            codes, read = read_exif(inp.exact(padded)[:length])
            found.update(codes)
            orientation = read if sink is None else orientation
            if orientation != 1 and extended:
                tiff = exif_with_orientation(orientation)
                out = b"EXIF" + len(tiff).to_bytes(4, "little") + tiff + b"\x00" * (len(tiff) & 1)
        else:
            inp.skip(padded)
            found.add({b"XMP ": "xmp", b"EXIF": "exif"}.get(name, "other"))
        size += len(out)
        if sink is not None:
            sink.write(out)
    if not extended:
        orientation = 1  # a simple WebP has no place for EXIF
    return size, orientation


def _webp_frame_pixels(inp: Input, name: bytes, start: bytes) -> None:
    if name == b"VP8 " and len(start) >= 10 and start[3:6] == b"\x9d\x01\x2a":
        width = int.from_bytes(start[6:8], "little") & 0x3FFF
        height = int.from_bytes(start[8:10], "little") & 0x3FFF
        _check_pixels(inp, width, height)
    elif name == b"VP8L" and len(start) >= 5 and start[0] == 0x2F:
        bits = int.from_bytes(start[1:5], "little")
        _check_pixels(inp, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
