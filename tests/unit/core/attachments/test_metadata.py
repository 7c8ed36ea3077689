"""Attachments lose their identifying metadata and keep their pictures, byte for byte."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
import time
from collections.abc import Callable

import pikepdf
import pypdfium2
import pytest
from PIL import ExifTags, Image, ImageOps

import hushnote.core.attachments.metadata
from hushnote.core.attachments.metadata import CODES, HEAD_SIZE, Cleaned, clean, sniff
from hushnote.errors import CancelledError
from support.metadata_files import (
    CANARY,
    SIZE,
    exif_block,
    icc_profile,
    plain_jpeg,
    tagged_jpeg,
    tagged_pdf,
    tagged_png,
    tagged_webp,
)


class WriteOnlySink:
    """The sink as production has it (an encrypting writer): it can only be written to."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the sink was asked for {name}")

    @property
    def data(self) -> bytes:
        return b"".join(self._chunks)


def run(kind: str, data: bytes, check: Callable[[], None] = lambda: None) -> tuple[Cleaned, bytes]:
    sink = WriteOnlySink()
    result = clean(kind, io.BytesIO(data), sink, check)  # type: ignore[arg-type]
    assert set(result.removed) <= set(CODES)
    assert list(result.removed) == sorted(set(result.removed))
    return result, sink.data


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGBA").tobytes()


# -- sniffing --------------------------------------------------------------------------


def test_sniff_tells_each_kind_by_content() -> None:
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 8
    heif = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1MiHEheic" + b"\x00" * 8
    assert sniff(tagged_jpeg()[:HEAD_SIZE]) == "jpeg"
    assert sniff(tagged_png()[:HEAD_SIZE]) == "png"
    assert sniff(tagged_webp()[:HEAD_SIZE]) == "webp"
    assert sniff(tagged_pdf()[:HEAD_SIZE]) == "pdf"
    assert sniff(b"\r\n%PDF-1.4\n") == "pdf"  # readers accept the header a little in
    assert sniff(heic) == "heic"
    assert sniff(heif) == "heic"


def test_sniff_knows_nothing_else() -> None:
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 8
    gif = b"GIF89a\x01\x00\x01\x00"
    for head in (
        b"",
        b"\xff\xd8",
        avif,
        gif,
        b"RIFF\x00\x00\x00\x00WAVE",
        b"hello %PD",
        b"a note on %PDF-files",
    ):
        assert sniff(head) is None


# -- JPEG ------------------------------------------------------------------------------


def test_the_fixture_jpeg_carries_what_must_go() -> None:
    data = tagged_jpeg()
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert exif.get_ifd(ExifTags.IFD.GPSInfo)[2] == (52.0, 31.0, 12.5)
        assert exif.get_ifd(ExifTags.IFD.Exif)[0xA431] == "CANARY-BODY-SERIAL"
        assert exif.get_ifd(ExifTags.IFD.IFD1)[0x0202] > 0  # the thumbnail
    for word in (
        b"THUMBNAIL",
        b"BODY-SERIAL",
        b"OWNER",
        b"IPTC",
        b"XMP",
        b"COMMENT",
        b"APPENDED-VIDEO",
    ):
        assert CANARY + b"-" + word in data


def test_a_jpeg_loses_gps_serial_owner_and_thumbnail() -> None:
    result, out = run("jpeg", tagged_jpeg())
    assert CANARY not in out
    assert {"gps", "camera-serial", "owner", "thumbnail", "camera", "author"} <= set(result.removed)
    assert {"date", "software", "title", "exif", "xmp", "iptc", "comment"} <= set(result.removed)
    assert "appended-data" in result.removed
    assert result.checked
    with Image.open(io.BytesIO(out)) as image:
        exif = image.getexif()
        assert dict(exif) == {0x0112: 6}
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert not exif.get_ifd(ExifTags.IFD.IFD1)
        assert "comment" not in image.info and "xmp" not in image.info


def test_a_jpeg_keeps_its_image_data_byte_for_byte() -> None:
    # Pillow encodes the same picture the same way with or without metadata, so the
    # cleaned file ends exactly as the bare encoding does from its first table on.
    bare = plain_jpeg(icc_profile=icc_profile())
    _, out = run("jpeg", tagged_jpeg())
    first_table = bare.index(b"\xff\xdb")
    assert out.endswith(bare[first_table:])
    assert pixels(out) == pixels(tagged_jpeg())


def test_a_progressive_jpeg_keeps_every_scan() -> None:
    original = tagged_jpeg(progressive=True)
    bare = plain_jpeg(icc_profile=icc_profile(), progressive=True)
    result, out = run("jpeg", original)
    assert out.endswith(bare[bare.index(b"\xff\xdb") :])
    assert bare.count(b"\xff\xda") > 3  # several scans, tables between them
    assert pixels(out) == pixels(original)
    assert CANARY not in out and "gps" in result.removed


def test_a_jpeg_keeps_its_colour_profile_and_orientation() -> None:
    result, out = run("jpeg", tagged_jpeg(orientation=6))
    assert result.orientation == 6
    with Image.open(io.BytesIO(out)) as image:
        assert image.info["icc_profile"] == icc_profile()
        assert ImageOps.exif_transpose(image).size == (SIZE[1], SIZE[0])


def test_a_jpeg_upright_needs_no_exif_at_all() -> None:
    result, out = run("jpeg", tagged_jpeg(orientation=1))
    assert result.orientation == 1
    assert b"Exif" not in out
    with Image.open(io.BytesIO(out)) as image:
        assert not image.getexif()


def test_a_bare_jpeg_comes_back_as_it_was() -> None:
    bare = plain_jpeg()
    result, out = run("jpeg", bare)
    assert out == bare
    assert result.removed == ()


def test_a_jfif_thumbnail_goes() -> None:
    bare = plain_jpeg()
    jfif = bare[6:20]
    assert jfif.startswith(b"JFIF\x00")
    with_thumb = jfif[:12] + b"\x01\x01" + b"CAN"  # one RGB pixel of thumbnail
    data = bare[:2] + b"\xff\xe0" + (len(with_thumb) + 2).to_bytes(2, "big") + with_thumb
    result, out = run("jpeg", data + bare[20:])
    assert result.removed == ("thumbnail",)
    assert out == bare


# -- PNG -------------------------------------------------------------------------------


def png_chunks(data: bytes) -> list[bytes]:
    names, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        names.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return names


def test_a_png_loses_its_text_xmp_time_and_exif() -> None:
    original = tagged_png(orientation=8)
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"} <= set(png_chunks(original))
    result, out = run("png", original + b"CANARY-AFTER-IEND")
    assert CANARY not in out
    assert set(png_chunks(out)) <= {b"IHDR", b"iCCP", b"eXIf", b"IDAT", b"IEND"}
    assert {"author", "comment", "xmp", "date", "gps", "camera-serial", "owner"} <= set(
        result.removed
    )
    assert "appended-data" in result.removed
    assert pixels(out) == pixels(original)
    assert result.orientation == 8
    with Image.open(io.BytesIO(out)) as image:
        assert dict(image.getexif()) == {0x0112: 8}
        assert image.info["icc_profile"] == icc_profile()


def test_a_png_with_a_broken_checksum_is_refused() -> None:
    from hushnote.errors import MetadataError

    original = bytearray(tagged_png())
    idat = original.index(b"IDAT")
    original[idat + 6] ^= 0xFF
    with pytest.raises(MetadataError) as caught:
        run("png", bytes(original))
    assert caught.value.context == {"kind": "png", "reason": "malformed"}


# -- WebP ------------------------------------------------------------------------------


@pytest.mark.parametrize("lossless", [False, True], ids=["lossy", "lossless"])
def test_a_webp_loses_exif_and_xmp(lossless: bool) -> None:
    original = tagged_webp(orientation=3, lossless=lossless)
    assert CANARY in original and b"XMP " in original
    result, out = run("webp", original)
    assert CANARY not in out and b"XMP " not in out
    assert {"gps", "camera-serial", "owner", "xmp"} <= set(result.removed)
    assert int.from_bytes(out[4:8], "little") == len(out) - 8
    assert out[20] & 0x04 == 0  # VP8X no longer announces XMP
    assert pixels(out) == pixels(original)
    with Image.open(io.BytesIO(out)) as image:
        assert dict(image.getexif()) == {0x0112: 3}
        assert image.info["icc_profile"] == icc_profile()


def test_an_upright_webp_announces_no_exif() -> None:
    result, out = run("webp", tagged_webp(orientation=1))
    assert b"EXIF" not in out and out[20] & 0x08 == 0
    assert result.orientation == 1
    assert pixels(out) == pixels(tagged_webp(orientation=1))


def test_an_animated_webp_keeps_every_frame() -> None:
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "green", "blue")]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], exif=exif_block(1, False))
    result, out = run("webp", buf.getvalue())
    assert CANARY not in out and "gps" in result.removed
    with Image.open(io.BytesIO(out)) as image:
        assert image.n_frames == 3


# -- PDF -------------------------------------------------------------------------------


def render(data: bytes) -> bytes:
    document = pypdfium2.PdfDocument(data)
    try:
        bitmap = document[0].render(scale=1)
        return bytes(bitmap.to_pil().tobytes())
    finally:
        document.close()


def test_a_pdf_loses_its_information_and_xmp() -> None:
    original = tagged_pdf()
    for word in (b"AUTHOR", b"CREATOR", b"PRODUCER", b"TITLE", b"XMP-CREATOR", b"PAGE-XMP"):
        assert CANARY + b"-" + (b"PDF-" if b"XMP" not in word else b"") + word in original
    result, out = run("pdf", original)
    assert CANARY not in out
    assert {"author", "software", "title", "subject", "date", "xmp", "unique-id"} <= set(
        result.removed
    )
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/Info" not in pdf.trailer
        assert "/Metadata" not in pdf.Root
        assert "/Metadata" not in pdf.pages[0].obj
        assert len(pdf.pages) == 1
    assert render(out) == render(original)


def test_a_pdf_without_metadata_reports_only_its_id() -> None:
    buf = io.BytesIO()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(buf)
    result, out = run("pdf", buf.getvalue())
    assert set(result.removed) <= {"unique-id"}
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert len(pdf.pages) == 1


# -- HEIC, cancelling ------------------------------------------------------------------


def test_heic_is_stored_unchanged_and_says_so() -> None:
    data = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + CANARY * 100
    result, out = run("heic", data)
    assert out == data
    assert result == Cleaned("heic", (), checked=False)


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp", "pdf"])
def test_check_can_cancel(kind: str) -> None:
    data = {"jpeg": tagged_jpeg, "png": tagged_png, "webp": tagged_webp, "pdf": tagged_pdf}[kind]()

    def cancel() -> None:
        raise CancelledError

    with pytest.raises(CancelledError):
        run(kind, data, cancel)


def test_an_unknown_kind_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        run("gif", b"GIF89a")


def test_checks_come_often_on_a_large_jpeg() -> None:
    from support.metadata_files import large_jpeg

    data = large_jpeg(24 * 1024 * 1024)
    stamps: list[float] = []
    start = time.thread_time()
    result, out = run("jpeg", data, lambda: stamps.append(time.thread_time()))
    stamps = [start, *stamps, time.thread_time()]
    assert max(b - a for a, b in itertools.pairwise(stamps)) < 0.05
    assert "gps" in result.removed and len(out) > len(data) - 4096


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
def test_a_cleaned_picture_comes_back_as_it_is(kind: str) -> None:
    build = {"jpeg": tagged_jpeg, "png": tagged_png, "webp": tagged_webp}[kind]
    _, once = run(kind, build(orientation=5))
    result, twice = run(kind, once)
    assert twice == once
    assert result.removed == ()  # the kept orientation is not reported as removed
    assert result.orientation == 5


def test_every_code_is_documented() -> None:
    doc = hushnote.core.attachments.metadata.__doc__ or ""
    assert len(set(CODES)) == len(CODES)
    for code in CODES:
        assert f"``{code}``" in doc, code


def test_the_heavy_libraries_load_only_when_used() -> None:
    probe = (
        "import sys, hushnote.core.attachments.metadata; "
        "print(sorted(m for m in ('PIL', 'pikepdf', 'pypdfium2', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_nothing_is_written_to_disk(isolated_home: object) -> None:
    import os
    from pathlib import Path

    scratch = Path(os.environ["TMPDIR"])
    before = sorted(scratch.rglob("*"))
    for kind, build in (("jpeg", tagged_jpeg), ("png", tagged_png), ("pdf", tagged_pdf)):
        run(kind, build())
    run("webp", tagged_webp())
    assert sorted(scratch.rglob("*")) == before == []
