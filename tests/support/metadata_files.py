"""Pictures and PDFs that carry identifying metadata, built by Pillow and pikepdf.

Every identifying value holds the word CANARY, so a test can grep a cleaned file's bytes
for it. The builders make the same picture each time (fixed gradients, no randomness).
"""

from __future__ import annotations

import functools
import io
import struct

from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

CANARY = b"CANARY"
SIZE = (96, 64)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b"<dc:creator>CANARY-XMP-CREATOR</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def picture() -> Image.Image:
    """A 96 x 64 picture with detail in every channel, the same each time."""
    red = Image.linear_gradient("L").resize(SIZE)
    green = Image.radial_gradient("L").resize(SIZE)
    blue = red.rotate(90).resize(SIZE)
    return Image.merge("RGB", (red, green, blue))


@functools.cache
def icc_profile() -> bytes:
    # Once per run: the profile's header holds the time it was made, to the second.
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def thumbnail_jpeg() -> bytes:
    buf = io.BytesIO()
    picture().resize((24, 16)).save(buf, "JPEG", comment=b"CANARY-THUMBNAIL")
    return buf.getvalue()


def exif_block(orientation: int = 6, thumbnail: bool = True) -> bytes:
    """An EXIF block (TIFF, without the ``Exif`` prefix): GPS, serial, owner, and more.

    Pillow's Exif API builds IFD0 and its sub-IFDs; it writes no IFD1, so the thumbnail's
    IFD1 (two LONG tags pointing at the JPEG after it) is appended here and linked from
    IFD0's next-IFD field, and the test checks that Pillow reads it back.
    """
    exif = Image.Exif()
    exif[0x010F] = "CANARY-MAKE"
    exif[0x0110] = "CANARY-MODEL"
    exif[0x0112] = orientation
    exif[0x013B] = "CANARY-ARTIST"
    exif[0x0131] = "CANARY-SOFTWARE"
    exif[0x010E] = "CANARY-DESCRIPTION"
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[0xA431] = "CANARY-BODY-SERIAL"
    sub[0xA430] = "CANARY-OWNER"
    sub[0x9003] = "2024:05:01 12:34:56"
    sub[0x829A] = 0.01  # ExposureTime
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[1] = "N"
    gps[2] = (52.0, 31.0, 12.5)
    gps[3] = "E"
    gps[4] = (13.0, 24.0, 0.0)
    tiff = exif.tobytes()[6:]
    if not thumbnail:
        return tiff
    endian = ">" if tiff[:2] == b"MM" else "<"
    ifd0 = struct.unpack(endian + "I", tiff[4:8])[0]
    entries = struct.unpack(endian + "H", tiff[ifd0 : ifd0 + 2])[0]
    link = ifd0 + 2 + 12 * entries
    assert tiff[link : link + 4] == b"\x00\x00\x00\x00"
    ifd1 = len(tiff) + (len(tiff) & 1)
    thumb = thumbnail_jpeg()
    body = struct.pack(endian + "H", 2)
    body += struct.pack(endian + "HHII", 0x0201, 4, 1, ifd1 + 30)
    body += struct.pack(endian + "HHII", 0x0202, 4, 1, len(thumb))
    body += struct.pack(endian + "I", 0)
    tiff = tiff[:link] + struct.pack(endian + "I", ifd1) + tiff[link + 4 :]
    return tiff + b"\x00" * (len(tiff) & 1) + body + thumb


def _segment(code: int, payload: bytes) -> bytes:
    return bytes((0xFF, code)) + (len(payload) + 2).to_bytes(2, "big") + payload


def plain_jpeg(**options: object) -> bytes:
    buf = io.BytesIO()
    picture().save(buf, "JPEG", quality=90, **options)  # type: ignore[arg-type]
    return buf.getvalue()


def tagged_jpeg(orientation: int = 6, **options: object) -> bytes:
    """A JPEG with EXIF (and its thumbnail), XMP, IPTC, a comment and an ICC profile."""
    data = plain_jpeg(
        exif=b"Exif\x00\x00" + exif_block(orientation),
        icc_profile=icc_profile(),
        comment=b"CANARY-COMMENT",
        xmp=XMP,
        **options,
    )
    iptc = _segment(0xED, b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x10CANARY-IPTC-NAME")
    return data[:2] + iptc + data[2:] + b"CANARY-APPENDED-VIDEO"


def tagged_png(orientation: int = 8) -> bytes:
    info = PngInfo()
    info.add_text("Author", "CANARY-PNG-AUTHOR")
    info.add_text("Comment", "CANARY-PNG-COMMENT", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    info.add(b"tIME", b"\x07\xe8\x05\x01\x0c\x22\x38")
    buf = io.BytesIO()
    picture().save(
        buf, "PNG", pnginfo=info, exif=exif_block(orientation, False), icc_profile=icc_profile()
    )
    return buf.getvalue()


def tagged_webp(orientation: int = 3, **options: object) -> bytes:
    buf = io.BytesIO()
    picture().save(
        buf,
        "WEBP",
        exif=exif_block(orientation, False),
        xmp=XMP,
        icc_profile=icc_profile(),
        **options,  # type: ignore[arg-type]
    )
    return buf.getvalue()


def tagged_pdf() -> bytes:
    """A one-page PDF showing the picture, with document information and XMP."""
    import pikepdf

    buf = io.BytesIO()
    picture().save(buf, "PDF")
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        for key, value in {
            "/Author": "CANARY-PDF-AUTHOR",
            "/Creator": "CANARY-PDF-CREATOR",
            "/Producer": "CANARY-PDF-PRODUCER",
            "/Title": "CANARY-PDF-TITLE",
            "/Subject": "CANARY-PDF-SUBJECT",
            "/CreationDate": "D:20240501123456Z",
        }.items():
            pdf.docinfo[key] = value
        pdf.Root.Metadata = pikepdf.Stream(pdf, XMP)
        pdf.pages[0].obj.Metadata = pikepdf.Stream(pdf, XMP.replace(b"XMP", b"PAGE-XMP"))
        out = io.BytesIO()
        # Uncompressed, so that the canaries are there to grep in the original too.
        pdf.save(out, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


def large_jpeg(size: int) -> bytes:
    """A JPEG of about ``size`` bytes whose scan is random coded data (valid as a container,
    not as a picture): the cleaner walks containers, so it copies it all."""
    import secrets

    head = jpeg_head()
    coded = secrets.token_bytes(size).replace(b"\xff", b"\xff\x00")
    return head + coded + b"\xff\xd9"


def jpeg_head() -> bytes:
    """A real JPEG up to the end of its start-of-scan header, with EXIF."""
    data = plain_jpeg(exif=b"Exif\x00\x00" + exif_block(6))
    sos = data.rindex(b"\xff\xda")  # the last: the thumbnail in the EXIF has its own
    return data[: sos + 2 + int.from_bytes(data[sos + 2 : sos + 4], "big")]


def write_large_pdf(path: str, streams: int, stream_size: int, extra_objects: int = 0) -> None:
    """A valid one-page PDF holding ``streams`` unused streams of ``stream_size`` random
    bytes and ``extra_objects`` small dictionaries, with document information; written in
    blocks, never whole in memory."""
    import secrets

    first_extra = 6 + streams
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(streams + extra_objects) if i != streams)
    objects: list[bytes | None] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> /Extra 4 0 R >>",
        b"[" + kids + b"]",
        *[None] * streams,
        b"<< /Author (CANARY-LARGE-AUTHOR) /Producer (CANARY-LARGE-PRODUCER) >>",
        *[b"<< /N %d >>" % n for n in range(first_extra, first_extra + extra_objects)],
    ]
    offsets = []
    with open(path, "wb") as out:
        out.write(b"%PDF-1.7\n")
        for number, body in enumerate(objects, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % number)
            if body is None:
                out.write(b"<< /Length %d >>\nstream\n" % stream_size)
                for start in range(0, stream_size, 1 << 20):
                    out.write(secrets.token_bytes(min(1 << 20, stream_size - start)))
                out.write(b"\nendstream")
            else:
                out.write(body)
            out.write(b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
        info = 5 + streams
        trailer = b"<< /Size %d /Root 1 0 R /Info %d 0 R >>" % (len(objects) + 1, info)
        out.write(b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref)
