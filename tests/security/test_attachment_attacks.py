"""Hostile inputs and hostile folders against attachments, in a real vault.

Each test is one attack: what a seized laptop's examiner, a hostile file or plain bad
luck can do to the attachments of a vault, and what must hold.
"""

from __future__ import annotations

import io
import os
import struct
import threading
import zlib
from pathlib import Path

import pytest

from hushnote.core import Vault
from hushnote.core.attachments.kinds import clean_name
from hushnote.core.attachments.metadata import clean
from hushnote.errors import (
    AttachmentDamagedError,
    AttachmentSourceError,
    AttachmentTooLargeError,
    CancelledError,
    MetadataError,
)

CANARY = b"CANARY-GPS-SERIAL-4711"


def _note(vault: Vault) -> str:
    return vault.notes.create(title="case", body="").uuid


def _blob(vault: Vault, uuid: str) -> Path:
    (name,) = vault.db.row("SELECT blob FROM attachments WHERE uuid = ?", (uuid,))
    return vault.paths.attachments / str(name)


def _files(vault: Vault) -> set[str]:
    return set(os.listdir(vault.paths.attachments))


# -- hostile sources ---------------------------------------------------------------------


def test_special_files_are_refused_at_once_and_leave_nothing(open_vault: Vault, tmp_path: Path):
    note = _note(open_vault)
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    os.symlink("/dev/zero", tmp_path / "zero-link")
    os.symlink(tmp_path / "fifo", tmp_path / "fifo-link")
    for source in ("/dev/zero", "/dev/urandom", "fifo", "folder", "zero-link", "fifo-link"):
        with pytest.raises(AttachmentSourceError):
            open_vault.attachments.add(note, tmp_path / source)
    assert not open_vault.paths.attachments.exists() or not _files(open_vault)


def test_four_gib_plus_one_is_refused_before_reading_and_four_gib_can_be_cancelled(
    open_vault: Vault, tmp_path: Path
):
    note = _note(open_vault)
    over = tmp_path / "over"
    with over.open("wb") as handle:
        handle.truncate(4 * 1024**3 + 1)
    with pytest.raises(AttachmentTooLargeError):
        open_vault.attachments.add(note, over)
    exact = tmp_path / "exact"
    with exact.open("wb") as handle:
        handle.truncate(4 * 1024**3)
    calls = []

    def progress(share: float) -> bool:
        calls.append(share)
        return len(calls) < 3

    with pytest.raises(CancelledError):
        open_vault.attachments.add(note, exact, progress=progress)
    assert not _files(open_vault)


def test_a_file_growing_or_shrinking_while_attached_is_stored_as_read(
    open_vault: Vault, tmp_path: Path
):
    note = _note(open_vault)
    source = tmp_path / "growing.txt"
    source.write_bytes(b"a" * (8 << 20))
    stop = threading.Event()

    def grow() -> None:
        with source.open("ab") as handle:
            while not stop.is_set():
                handle.write(b"b" * 65536)

    writer = threading.Thread(target=grow)

    def progress(share: float) -> bool:
        if writer.ident is None:
            writer.start()  # once the attach has opened the file
        return True

    try:
        attachment = open_vault.attachments.add(note, source, progress=progress).attachment
    finally:
        stop.set()
        if writer.ident is not None:
            writer.join()
    # Read up to the size it had when opened, not on until the 4 GiB limit.
    assert attachment.size == 8 << 20
    assert b"".join(open_vault.attachments.chunks(attachment.uuid)) == b"a" * (8 << 20)
    shrinking = tmp_path / "shrinking.jpg"
    shrinking.write_bytes(_jpeg() + bytes(4 << 20))
    os.truncate(shrinking, 300)  # between the open and the read, in effect
    with pytest.raises(MetadataError):
        open_vault.attachments.add(note, shrinking)
    assert open_vault.check() == []


def test_hostile_names_are_cleaned_and_exported_under_their_cleaned_name(
    open_vault: Vault, tmp_path: Path
):
    note = _note(open_vault)
    source = tmp_path / "s.txt"
    source.write_bytes(b"hello")
    out = tmp_path / "out"
    out.mkdir()
    names = {
        "a\nb.txt": "ab.txt",
        "\u202egnp.exe": "gnp.exe",
        "../../etc/passwd": "passwd",
        "..": "attachment",
        "a/b\\c": "c",
    }
    for given, shown in names.items():
        attachment = open_vault.attachments.add(note, source, name=given).attachment
        assert attachment.name == shown
    # Long names, in bytes: a file system takes 255 bytes, a Chinese character is 3.
    for given in ("x" * 250 + ".txt", "中" * 100 + ".txt", "é" * 200 + ".pdf"):
        attachment = open_vault.attachments.add(note, source, name=given).attachment
        assert len(attachment.name.encode()) <= 255
        assert attachment.name.endswith(given[-4:])
        open_vault.attachments.export(attachment.uuid, out / attachment.name)
        assert (out / attachment.name).read_bytes() == b"hello"
    assert {p.name for p in out.iterdir()} == {
        clean_name(n) for n in ("x" * 250 + ".txt", "中" * 100 + ".txt", "é" * 200 + ".pdf")
    }


def test_clean_name_never_cuts_a_character_in_half():
    for size in range(250, 262):
        name = clean_name("é" * size + ".txt")
        assert len(name.encode()) <= 255 and name.endswith("é.txt")
    assert clean_name("中" * 120) == "中" * 85


# -- hostile folders ---------------------------------------------------------------------


def test_damaged_swapped_and_replaced_blobs_are_refused_and_reported(
    open_vault: Vault, tmp_path: Path
):
    note = _note(open_vault)
    ids = []
    for number in range(7):
        source = tmp_path / f"{number}.bin"
        source.write_bytes(os.urandom(100_000))
        ids.append(open_vault.attachments.add(note, source).attachment.uuid)
    blobs = [_blob(open_vault, uuid) for uuid in ids]
    flipped = bytearray(blobs[0].read_bytes())
    flipped[5000] ^= 1
    blobs[0].write_bytes(flipped)
    os.truncate(blobs[1], 50_000)
    blobs[2].unlink()
    os.symlink(blobs[6], blobs[2])
    blobs[3].unlink()
    os.mkfifo(blobs[3])
    blobs[4].unlink()
    blobs[4].mkdir()
    first, second = blobs[5].read_bytes(), blobs[6].read_bytes()  # same size, other keys
    blobs[5].write_bytes(second)
    blobs[6].write_bytes(first)
    for uuid in ids:
        with pytest.raises(AttachmentDamagedError):
            b"".join(open_vault.attachments.chunks(uuid))
        with pytest.raises(AttachmentDamagedError):
            with open_vault.attachments.open(uuid) as reader:
                reader.read()
    assert len([p for p in open_vault.check() if p.startswith("attachment ")]) == 7


def test_two_threads_attaching_and_removing_leave_one_file_per_row(
    open_vault: Vault, tmp_path: Path
):
    note = _note(open_vault)
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        mine: list[str] = []
        for number in range(15):
            try:
                if mine and number % 3 == 2:
                    open_vault.attachments.remove(mine.pop(0))
                    continue
                source = tmp_path / f"{worker}-{number}.bin"
                source.write_bytes(os.urandom(number * 20_000))
                mine.append(open_vault.attachments.add(note, source).attachment.uuid)
            except BaseException as error:  # collected for the assert
                errors.append(error)

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = {str(r[0]) for r in open_vault.db.rows("SELECT blob FROM attachments")}
    assert rows == _files(open_vault)
    assert open_vault.check() == []


# -- metadata in places a cleaner may miss -------------------------------------------------


def _jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 10, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


def _segment(code: int, payload: bytes) -> bytes:
    return bytes((0xFF, code)) + (len(payload) + 2).to_bytes(2, "big") + payload


def _cleaned(kind: str, data: bytes) -> bytes:
    out = io.BytesIO()
    clean(kind, io.BytesIO(data), out, lambda: None)
    return out.getvalue()


@pytest.mark.parametrize(
    "segment",
    [
        _segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01" + CANARY),  # APP14 with a tail
        _segment(0xF5, CANARY),  # JPG5, a reserved extension
        _segment(0xF0, CANARY),
        _segment(0x50, CANARY),  # a reserved code
        _segment(0xE1, b"HTTP://NS.ADOBE.COM/XAP/1.0/\x00" + CANARY),
        _segment(0xE1, b"Exif\x00\x00" + CANARY) * 2,
        _segment(0xE0, b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00" + CANARY),
    ],
    ids=["adobe-tail", "jpg5", "jpg0", "reserved", "xmp-odd-case", "two-exif", "jfif-tail"],
)
def test_no_jpeg_segment_carries_text_through_the_cleaner(segment: bytes):
    from PIL import Image

    original = _jpeg()
    stored = _cleaned("jpeg", original[:2] + segment + original[2:])
    assert CANARY not in stored
    assert Image.open(io.BytesIO(stored)).tobytes() == Image.open(io.BytesIO(original)).tobytes()


def test_an_adobe_segment_keeps_its_colour_transform():
    original = _jpeg()
    adobe = b"Adobe\x00\x64\x00\x00\x00\x00\x01"
    stored = _cleaned("jpeg", original[:2] + _segment(0xEE, adobe) + original[2:])
    assert _segment(0xEE, adobe) in stored


def test_a_png_raw_exif_profile_is_removed():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (32, 32)).save(buffer, "PNG")
    png = buffer.getvalue()
    payload = b"Raw profile type exif\x00\x00" + zlib.compress(CANARY)
    chunk = struct.pack(">I", len(payload)) + b"zTXt" + payload
    chunk += struct.pack(">I", zlib.crc32(b"zTXt" + payload))
    assert CANARY not in _cleaned("png", png[:33] + chunk + png[33:])


# -- second language, other encodings -----------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_text_with_its_mark_is_text_and_found_by_search(
    open_vault: Vault, tmp_path: Path, codec: str
):
    note = _note(open_vault)
    source = tmp_path / "证人名单.txt"
    text = "证人名单：我们的律师在法院见面 eviction notice\n" * 3000
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    source.write_bytes(data)
    attachment = open_vault.attachments.add(note, source).attachment
    assert attachment.kind == "text"
    for word in ("律师", "法院", "eviction"):
        hits = open_vault.searcher.search(word)
        assert [hit.uuid for hit in hits] == [note], word


def test_a_byte_order_mark_before_binary_is_not_text():
    from hushnote.core.attachments.kinds import sniff_kind

    assert sniff_kind(b"\xff\xfe" + bytes(200), "x.txt") == "other"
    assert sniff_kind(b"\xff\xfe" + "律师".encode("utf-16-le"), "x.txt") == "text"


# -- Cancel --------------------------------------------------------------------------------


def _text_pdf(path: Path, pages: int) -> None:
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    line = b"BT /F1 6 Tf 10 %d Td (eviction notice court date witness statement) Tj ET\n"
    content = b"".join(line % (10 + i * 7) for i in range(100))
    for _ in range(pages):
        pdf.add_blank_page()
        page = pdf.pages[-1]
        page.obj["/Resources"] = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj["/Contents"] = pdf.make_stream(content)
    pdf.save(path)


def test_cancel_while_the_text_of_a_pdf_is_read_stops_the_attach(open_vault: Vault, tmp_path: Path):
    import inspect
    import time

    note = _note(open_vault)
    source = tmp_path / "statements.pdf"
    _text_pdf(source, 400)
    asked: list[float] = []

    def progress(share: float) -> bool:
        # Cancel pressed once the file is written and its words are being read.
        if any(frame.function == "extract_text" for frame in inspect.stack()):
            asked.append(time.monotonic())
            return False
        return True

    with pytest.raises(CancelledError):
        open_vault.attachments.add(note, source, progress=progress)
    assert asked and time.monotonic() - asked[0] < 0.5
    assert open_vault.attachments.of_note(note) == []
    assert not _files(open_vault)
    assert open_vault.searcher.search("eviction") == []
