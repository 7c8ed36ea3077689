"""Broken and hostile archives: only AppImportError may come out, and nothing is lost quietly."""

from __future__ import annotations

import io
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from hushnote.core.importers import joplin, standardnotes
from unit.core.importers.hostile.builders import _id, hostile, jex, joplin_export, note, zip_of
from unit.core.importers.sn_builder import backup, tag
from unit.core.importers.sn_builder import note as sn_note


def _write(tmp_path: Path, data: bytes, name: str = "export.jex") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _deflate_start(data: bytes) -> int:
    """Where the first zip member's data starts (after its local header)."""
    name_len = int.from_bytes(data[26:28], "little")
    extra_len = int.from_bytes(data[28:30], "little")
    return 30 + name_len + extra_len


def test_a_zip_member_with_corrupt_deflate_data_is_refused(tmp_path: Path) -> None:
    """zlib.error is not among the exceptions archive._Capped turns into "damaged"."""
    data = bytearray(zip_of({_id(2) + ".md": note(2, "Hello", "body " * 200)}))
    start = _deflate_start(data)
    data[start : start + 6] = b"\xff" * 6
    assert hostile(joplin.read, _write(tmp_path, bytes(data), "export.zip")) == "refused"


def test_a_standard_notes_zip_with_corrupt_deflate_data_is_refused(tmp_path: Path) -> None:
    payload = backup([sn_note("n1", "T", "hello " * 200)])
    data = bytearray(zip_of({"Standard Notes Backup and Import File.txt": payload}))
    start = _deflate_start(data)
    data[start + 2 : start + 8] = b"\x00\xff" * 3
    assert hostile(standardnotes.read, _write(tmp_path, bytes(data), "b.zip")) == "refused"


def test_a_zip_member_whose_name_is_a_nul_is_refused(tmp_path: Path) -> None:
    """zipfile cuts a name at its NUL: a name of only NUL is empty, and
    ZipInfo.is_dir() then raises IndexError inside _ZipFiles."""
    data = bytearray(zip_of({"a": b"hello"}, zipfile.ZIP_STORED))
    data[30] = 0  # the local header's name
    cd_offset = int.from_bytes(data[-6:-2], "little")
    data[cd_offset + 46] = 0  # the central directory's name
    for read in (joplin.read, standardnotes.read):
        assert hostile(read, _write(tmp_path, bytes(data), "nul.zip")) == "refused"


def test_single_byte_damage_to_a_zip_never_escapes(tmp_path: Path) -> None:
    """Every byte of a small Standard Notes zip set to 0x00 and to 0xff in turn."""
    payload = backup([sn_note("n1", "T", "hello " * 30), tag("t1", "W", ["n1"])])
    data = zip_of({"Standard Notes Backup and Import File.txt": payload})
    escaped: dict[str, int] = {}
    for position in range(len(data)):
        for value in (0x00, 0xFF):
            damaged = bytearray(data)
            damaged[position] = value
            outcome = hostile(standardnotes.read, _write(tmp_path, bytes(damaged), "b.zip"))
            if outcome not in ("ok", "refused"):
                escaped[outcome.split(":")[0]] = escaped.get(outcome.split(":")[0], 0) + 1
    assert escaped == {}


def _header(name: bytes, kind: bytes, size_field: bytes) -> bytes:
    block = bytearray(512)
    block[0 : len(name)] = name
    block[100:108] = b"0000644\x00"
    block[108:116] = b"0000000\x00"
    block[116:124] = b"0000000\x00"
    block[124:136] = size_field
    block[136:148] = b"00000000000\x00"
    block[156:157] = kind
    block[257:263] = b"ustar\x00"
    block[263:265] = b"00"
    block[148:156] = b" " * 8
    block[148:156] = b"%06o\x00 " % sum(block)
    return bytes(block)


@pytest.mark.parametrize("kind", [b"x", b"L", b"K"], ids=["pax", "gnu-longname", "gnu-longlink"])
def test_an_extended_header_declaring_an_enormous_size_is_refused(
    tmp_path: Path, kind: bytes
) -> None:
    """tarfile reads a PAX or GNU long-name header's whole declared size in one read(): a
    base-256 size of 2**60 with 10 bytes behind it raises MemoryError out of read()."""
    size = b"\x80" + (1 << 60).to_bytes(11, "big")
    data = _header(b"header", kind, size) + b"x" * 10 + b"\x00" * 1024
    assert hostile(joplin.read, _write(tmp_path, data)) == "refused"


@pytest.mark.parametrize("body", [b"1" * 64_000, b"2 " * 32_000 + b"="], ids=["digits", "records"])
def test_a_long_pax_header_is_refused_before_tarfile_reads_it(tmp_path: Path, body: bytes) -> None:
    """Python before 3.11.10 reads such a header in time with the square of its length
    (CVE-2024-6232): 64 KB took 2.6 s. No export writes one longer than a few hundred
    bytes."""
    good = jex({_id(2) + ".md": note(2, "Hello", "body")})
    pax = _header(b"pax", b"x", b"%011o\x00" % len(body)) + body + b"\x00" * (-len(body) % 512)
    path = _write(tmp_path, pax + good)
    start = time.process_time()
    assert hostile(joplin.read, path) == "refused"
    assert time.process_time() - start < 0.5


def test_a_short_pax_header_is_read_as_before(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        data = note(2, "Hello", "body")
        info = tarfile.TarInfo(_id(2) + ".md")
        info.size, info.pax_headers = len(data), {"comment": "长" * 1000}
        tar.addfile(info, io.BytesIO(data))
    with joplin.read([_write(tmp_path, buffer.getvalue())]) as source:
        assert [n.title for n in source.notes] == ["Hello"]


def test_an_extended_header_after_a_good_member_declaring_an_enormous_size_is_refused(
    tmp_path: Path,
) -> None:
    good = jex({_id(2) + ".md": note(2, "Hello", "body")})
    good = good[: len(good) - len(good) % 512]
    while good.endswith(b"\x00" * 512):
        good = good[:-512]
    size = b"\x80" + (1 << 60).to_bytes(11, "big")
    data = good + _header(b"header", b"x", size) + b"x" * 10 + b"\x00" * 1024
    assert hostile(joplin.read, _write(tmp_path, data)) == "refused"


def test_a_jex_whose_second_header_is_damaged_is_refused_not_cut_short(tmp_path: Path) -> None:
    """tarfile.next() ends the archive quietly at a bad header after the first: the
    notes behind it vanish without a word, and the user may then delete the export."""
    members = {_id(n) + ".md": note(n, f"Note {n}", "body") for n in (1, 2, 3)}
    data = bytearray(jex(members))
    with tarfile.open(fileobj=io.BytesIO(bytes(data))) as tar:
        offsets = [member.offset for member in tar.getmembers()]
    data[offsets[1] + 148 : offsets[1] + 156] = b"00000000"  # a wrong checksum
    path = _write(tmp_path, bytes(data))
    try:
        source = joplin.read([path])
    except Exception as error:
        assert type(error).__name__ == "AppImportError"
        return
    titles = sorted(n.title for n in source.notes)
    source.close()
    pytest.fail(f"a damaged JEX was read as {titles}, two of three notes silently lost")


def test_every_cut_of_a_jex_before_its_last_byte_of_data_is_refused(tmp_path: Path) -> None:
    """A JEX cut short must say "damaged": a cut at a 512-byte header boundary is read as
    a complete, smaller export today."""
    data = jex(joplin_export())
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        last = tar.getmembers()[-1]
        end_of_data = last.offset_data + last.size
    accepted = [
        cut
        for cut in range(1, end_of_data)
        if hostile(joplin.read, _write(tmp_path, data[:cut])) != "refused"
    ]
    assert not accepted, f"{len(accepted)} cuts read as whole exports, first {accepted[:4]}"
