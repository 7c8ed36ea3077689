"""Files that are not what their first bytes say: one typed error, fast, in little memory."""

from __future__ import annotations

import io
import itertools
import json
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pikepdf
import pytest

from hushnote.core.attachments.metadata import PDF_MAX_OBJECTS, PDF_MAX_STREAM, clean
from hushnote.errors import MetadataError
from support.metadata_files import (
    CANARY,
    jpeg_head,
    plain_jpeg,
    tagged_jpeg,
    tagged_pdf,
    tagged_png,
    tagged_webp,
    write_large_pdf,
)

BUILDERS = {"jpeg": tagged_jpeg, "png": tagged_png, "webp": tagged_webp, "pdf": tagged_pdf}
# Generous for a shared machine: every case below takes milliseconds when it works.
DEADLINE = 3.0


class Sink:
    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)


@contextmanager
def deadline(seconds: float = DEADLINE) -> Iterator[None]:
    start = time.monotonic()
    yield
    assert time.monotonic() - start < seconds


def refused(kind: str, data: bytes) -> str:
    """The reason ``clean`` gives for refusing ``data``, within the deadline."""
    with deadline(), pytest.raises(MetadataError) as caught:
        clean(kind, io.BytesIO(data), Sink(), lambda: None)  # type: ignore[arg-type]
    assert caught.value.context["kind"] == kind
    assert CANARY.decode() not in str(caught.value)
    return str(caught.value.context["reason"])


@pytest.mark.parametrize("kind", BUILDERS)
def test_an_empty_file_is_refused(kind: str) -> None:
    assert refused(kind, b"") in {"empty", "malformed"}


@pytest.mark.parametrize("kind", BUILDERS)
def test_every_cut_of_a_file_is_refused(kind: str) -> None:
    whole = BUILDERS[kind]()
    if kind == "jpeg":
        whole = whole[: whole.rindex(b"\xff\xd9") + 2]  # without the appended canary
    step = max(1, len(whole) // 60)
    for cut in range(1, len(whole) - 1, step):
        assert refused(kind, whole[:cut]) in {"truncated", "malformed", "empty"}, cut


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
def test_another_kind_of_file_is_refused(kind: str) -> None:
    for other in ("jpeg", "png", "webp", "pdf"):
        if other != kind:
            assert refused(kind, BUILDERS[other]()) == "malformed"


def test_a_pdf_that_is_not_one_is_refused() -> None:
    assert refused("pdf", b"%PDF-1.7\n" + b"\x00garbage" * 1000) == "malformed"
    assert refused("pdf", tagged_png()) == "malformed"


def test_a_pdf_with_a_password_is_refused() -> None:
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(tagged_pdf())) as pdf:
        pdf.save(buf, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    assert refused("pdf", buf.getvalue()) == "encrypted"


def test_a_png_decompression_bomb_is_refused_unread() -> None:
    # 200,000 x 200,000 pixels of zeros: a few MB of IDAT that would inflate to 160 GB.
    ihdr = (200_000).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00"
    squeezer = zlib.compressobj(9)
    idat = b"".join(squeezer.compress(bytes(1 << 20)) for _ in range(64)) + squeezer.flush()

    def chunk(name: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(name + payload).to_bytes(4, "big")
        return len(payload).to_bytes(4, "big") + name + payload + crc

    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat)
    assert refused("png", bomb + chunk(b"IEND", b"")) == "too-large"


def test_a_jpeg_or_webp_declaring_a_giant_picture_is_refused() -> None:
    jpeg = plain_jpeg()
    sof = jpeg.index(b"\xff\xc0")
    giant = jpeg[: sof + 5] + b"\xff\xff\xff\xff" + jpeg[sof + 9 :]
    assert refused("jpeg", giant) == "too-large"
    webp = bytearray(tagged_webp())
    assert webp[12:16] == b"VP8X"
    webp[24:30] = b"\xff\xff\x3f\xff\xff\x3f"  # a 4-million-pixel-square canvas
    assert refused("webp", bytes(webp)) == "too-large"


def test_lies_about_sizes_are_refused() -> None:
    webp = bytearray(tagged_webp())
    webp[4:8] = (len(webp) * 2).to_bytes(4, "little")
    assert refused("webp", bytes(webp)) == "truncated"
    png = bytearray(tagged_png())
    png[33:37] = (2**31 - 1).to_bytes(4, "big")  # the chunk after IHDR
    assert refused("png", bytes(png)) in {"truncated", "malformed"}
    jpeg = bytearray(plain_jpeg())
    jpeg[4:6] = b"\x00\x01"  # a segment shorter than its own length field
    assert refused("jpeg", bytes(jpeg)) == "malformed"


def test_endless_padding_and_tiny_segments_take_linear_time() -> None:
    body = plain_jpeg()[2:]
    fill = b"\xff\xd8" + b"\xff" * (4 << 20) + body
    comments = b"\xff\xd8" + b"\xff\xfe\x00\x02" * (256 << 10) + body
    for data in (fill, comments):
        with deadline():
            sink = Sink()
            clean("jpeg", io.BytesIO(data), sink, lambda: None)  # type: ignore[arg-type]
    assert refused("jpeg", b"\xff\xd8" + b"\xff" * (4 << 20)) == "truncated"


def test_broken_exif_is_dropped_not_fatal() -> None:
    jpeg = plain_jpeg()
    payload = b"Exif\x00\x00MM\x00*\xff\xff\xff\xffCANARY-BROKEN"
    segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    out = io.BytesIO()
    result = clean("jpeg", io.BytesIO(jpeg[:20] + segment + jpeg[20:]), out, lambda: None)
    assert "exif" in result.removed
    assert out.getvalue() == jpeg


def test_a_pdf_compression_bomb_is_copied_not_inflated() -> None:
    squeezer = zlib.compressobj(9)
    bomb = b"".join(squeezer.compress(bytes(1 << 20)) for _ in range(1024)) + squeezer.flush()
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(tagged_pdf())) as pdf:
        stream = pikepdf.Stream(pdf, bomb)
        stream.Filter = pikepdf.Name.FlateDecode
        pdf.pages[0].obj.Extra = stream  # 1 GiB of zeros once inflated
        pdf.save(buf, compress_streams=False)
    with deadline():
        sink = Sink()
        result = clean("pdf", io.BytesIO(buf.getvalue()), sink, lambda: None)  # type: ignore[arg-type]
    assert sink.size < len(buf.getvalue()) + 4096
    assert "author" in result.removed


PROBE = """
import json, resource, sys
from hushnote.core.attachments.metadata import PDF_MAX_OBJECTS, PDF_MAX_STREAM, clean
import PIL.Image, PIL.ExifTags, PIL.TiffImagePlugin, pikepdf

class Sink:
    size = 0
    def write(self, data):
        self.size += len(data)
        return len(data)

with open(sys.argv[2], "rb") as source:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sink = Sink()
    result = clean(sys.argv[1], source, sink, lambda: None)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"added_mib": (after - before) / 1024, "written": sink.size,
                  "removed": result.removed}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["jpeg", "pdf"])
def test_a_large_file_adds_little_memory(kind: str, tmp_path: Path) -> None:
    # JPEG: one 160 MiB scan. PDF: the most it accepts, as 8 streams of 16 MiB and
    # as many objects as it accepts (qpdf holds the objects and one whole stream in memory).
    path = tmp_path / "large"
    if kind == "pdf":
        write_large_pdf(str(path), 8, PDF_MAX_STREAM, PDF_MAX_OBJECTS - 20)
    else:
        import secrets

        with path.open("wb") as out:
            out.write(jpeg_head())
            for _ in range(160):
                out.write(secrets.token_bytes(1 << 20).replace(b"\xff", b"\xff\x00"))
            out.write(b"\xff\xd9")
    env_path = str(Path(__file__).parents[4] / "desktop")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert report["written"] > 128 << 20
    assert report["added_mib"] < 64, report
    assert {"gps", "author"} & set(report["removed"])


def test_a_pdf_past_the_memory_bounds_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stream.pdf"
    write_large_pdf(str(path), 1, PDF_MAX_STREAM + 1)
    assert refused("pdf", path.read_bytes()) == "too-large"
    write_large_pdf(str(path), 0, 0, PDF_MAX_OBJECTS)
    assert refused("pdf", path.read_bytes()) == "too-large"


def test_a_pdf_lying_about_its_object_count_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.pdf"
    write_large_pdf(str(path), 0, 0, PDF_MAX_OBJECTS * 2)
    data = path.read_bytes()
    size = b"/Size %d " % (PDF_MAX_OBJECTS * 2 + 6)
    assert size in data
    assert refused("pdf", data.replace(size, b"/Size 10 ")) == "malformed"


def test_checks_come_often_on_a_pdf_with_many_objects(tmp_path: Path) -> None:
    path = tmp_path / "many.pdf"
    write_large_pdf(str(path), 2, 1 << 20, PDF_MAX_OBJECTS - 20)
    stamps: list[float] = []
    with path.open("rb") as source:
        start = time.thread_time()
        clean("pdf", source, Sink(), lambda: stamps.append(time.thread_time()))  # type: ignore[arg-type]
    stamps = [start, *stamps, time.thread_time()]
    # Cancel must land within 0.5 s; half of that leaves room for a slow machine, where
    # the steps inside qpdf that cannot be interrupted take longest.
    assert max(b - a for a, b in itertools.pairwise(stamps)) < 0.25


def test_a_signed_pdf_is_refused_not_broken() -> None:
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(tagged_pdf())) as pdf:
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), SigFlags=3)
        pdf.save(buf)
    assert refused("pdf", buf.getvalue()) == "signed"
