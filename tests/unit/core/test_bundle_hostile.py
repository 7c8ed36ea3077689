"""Hostile bundles: one endless line, millions of lines, JSON that nests or sprawls,
impossible days and times, costly passphrases, oversized ZIP directories. Each is
refused quickly with a typed error naming where, or stops promptly at Cancel.

The archives here are written from docs/bundle-format.md, not by Hushnote's exporter,
and sealed to a throwaway age identity.
"""

from __future__ import annotations

import base64
import io
import struct
import time
import tracemalloc
import uuid
import zipfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from hushnote.core import Vault
from hushnote.core.formats.bundle import BundleContents, open_bundle
from hushnote.core.formats.bundle_records import check_record
from hushnote.errors import (
    BundleDecryptionError,
    BundleFormatError,
    BundleTooLargeError,
    CancelledError,
)
from support.bundles import (
    CONTACT,
    IDENTITY,
    NOTE,
    archive,
    line,
    many_links,
    repeated,
    seal,
)


def open_(path: Path, **options: Any) -> BundleContents:
    return open_bundle(path, identities=[IDENTITY], **options)


def ratio_of_times(small: Callable[[], object], large: Callable[[], object]) -> float:
    """How much more CPU time ``large`` takes than ``small``: each run three times,
    alternating, best of each, so that other work on the machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(3):
        for index, work in enumerate((small, large)):
            start = time.process_time()
            work()
            best[index] = min(best[index], time.process_time() - start)
    return best[1] / best[0]


# -- one long line, many lines ------------------------------------------------------------


def test_a_long_line_is_checked_in_linear_time(tmp_path: Path) -> None:
    def bundle(mib: int) -> Path:
        body = "x" * (mib << 20)
        return seal(tmp_path / f"{mib}.hnb", archive({"notes.jsonl": line(NOTE, body=body)}))

    small, large = bundle(2), bundle(8)
    ratio = ratio_of_times(lambda: open_(small), lambda: open_(large))
    assert ratio < 6, f"4x the line took {ratio:.1f}x as long"


def test_reading_records_back_is_linear_too(tmp_path: Path) -> None:
    def contents(mib: int) -> BundleContents:
        plain = archive({"notes.jsonl": line(NOTE, body="x" * (mib << 20))})
        return open_(seal(tmp_path / f"{mib}.hnb", plain))

    small, large = contents(2), contents(8)
    ratio = ratio_of_times(
        lambda: list(small.records("notes.jsonl")), lambda: list(large.records("notes.jsonl"))
    )
    assert ratio < 6, f"4x the line took {ratio:.1f}x as long"


ENDLESS = 100 << 20  # one line of 100 MiB: longer than any record can be


def test_a_line_longer_than_any_record_is_refused_at_once(tmp_path: Path) -> None:
    plain = archive({"notes.jsonl": repeated(b"x" * (1 << 20), ENDLESS)})
    path = seal(tmp_path / "endless.hnb", plain)
    start = time.monotonic()
    with pytest.raises(BundleFormatError) as caught:
        open_(path)
    assert caught.value.context == {"member": "notes.jsonl", "line": 1, "reason": "line too long"}
    assert time.monotonic() - start < 3


def test_records_refuses_such_a_line_too(tmp_path: Path) -> None:
    plain = archive({"notes.jsonl": repeated(b"x" * (1 << 20), ENDLESS)})
    unchecked = BundleContents({"counts": {}}, zipfile.ZipFile(io.BytesIO(plain)))
    with pytest.raises(BundleFormatError) as caught:
        next(unchecked.records("notes.jsonl"))
    assert caught.value.context == {"member": "notes.jsonl", "line": 1, "reason": "line too long"}


def test_a_line_of_millions_of_tiny_values_is_refused_before_it_is_built(
    tmp_path: Path,
) -> None:
    sprawl = line(NOTE, tags=[]).replace(b'"tags": []', b'"tags": [' + b"{}," * 3_000_000 + b"{}]")
    path = seal(tmp_path / "sprawl.hnb", archive({"notes.jsonl": sprawl}))
    tracemalloc.start()
    try:
        with pytest.raises(BundleFormatError) as caught:
            open_(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.context == {"member": "notes.jsonl", "line": 1, "reason": "too many values"}
    assert peak < 8 * len(sprawl), f"peak {peak / len(sprawl):.0f}x the line"


def test_deep_nesting_within_the_value_cap_is_refused_before_json_parses_it(
    tmp_path: Path,
) -> None:
    # Under a megabyte and far below the value cap, yet json.loads spent seconds on it:
    # 500,000 nested lists, long enough to hold up a Cancel.
    nested = b"[" + b", ".join([b"[" * 500 + b"0" + b"]" * 500] * 1000) + b"]"
    deep = line(NOTE).replace(b'"tags": ["legal"]', b'"tags": ' + nested)
    assert len(deep) < 1 << 20
    path = seal(tmp_path / "deep.hnb", archive({"notes.jsonl": deep}))
    start = time.process_time()
    with pytest.raises(BundleFormatError) as caught:
        open_(path)
    assert caught.value.context["reason"] == "too deeply nested"
    assert time.process_time() - start < 0.5
    # Brackets inside a note's text are text, not nesting: such a note still imports.
    bracketed = line(NOTE, body="[" * 100_000)
    open_(seal(tmp_path / "text.hnb", archive({"notes.jsonl": bracketed})))


def test_a_zip_directory_of_a_million_entries_is_refused_without_reading_it(
    tmp_path: Path,
) -> None:
    entry = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    )
    directory = (entry + b"a") * 1_000_000
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 5, 5, len(directory), 0, 0)
    path = seal(tmp_path / "directory.hnb", directory + end)
    start = time.monotonic()
    with pytest.raises(BundleTooLargeError):
        open_(path)
    assert time.monotonic() - start < 1


def with_entry(plain: bytes, member: str, offset: int, value: bytes) -> bytes:
    """``plain`` with bytes changed in ``member``'s central directory entry."""
    entry = plain.index(b"PK\x01\x02")
    while plain[entry + 46 : entry + 46 + len(member)] != member.encode():
        entry = plain.index(b"PK\x01\x02", entry + 4)
    return plain[: entry + offset] + value + plain[entry + offset + len(value) :]


@pytest.mark.parametrize(
    ("offset", "value"),
    [(10, struct.pack("<H", 99)), (8, struct.pack("<H", 1))],
    ids=["unknown-compression-method", "encrypted-flag"],
)
@pytest.mark.parametrize("member", ["notes.jsonl", "manifest.json"])
def test_a_member_zipfile_cannot_read_is_a_format_error(
    tmp_path: Path, member: str, offset: int, value: bytes
) -> None:
    plain = with_entry(archive({"notes.jsonl": line(NOTE)}), member, offset, value)
    with pytest.raises(BundleFormatError) as caught:
        open_(seal(tmp_path / "odd.hnb", plain))
    assert caught.value.context["member"] == member


def test_a_broken_deflate_stream_is_a_format_error(tmp_path: Path) -> None:
    plain = archive({"notes.jsonl": line(NOTE, body="x" * 5000)})
    start = plain.index(b"notes.jsonl") + len(b"notes.jsonl") + 20  # past the ZIP64 extra
    broken = plain[:start] + b"\xff" * 16 + plain[start + 16 :]
    with pytest.raises(BundleFormatError) as caught:
        open_(seal(tmp_path / "broken.hnb", broken))
    assert caught.value.context["member"] == "notes.jsonl"


def test_records_reads_lines_exactly_as_the_check_does(tmp_path: Path) -> None:
    # JSON allows a carriage return between tokens; both must see one record, not two.
    raw = line(NOTE).replace(b', "title"', b',\r "title"')
    contents = open_(seal(tmp_path / "cr.hnb", archive({"notes.jsonl": raw})))
    assert [record["title"] for record in contents.records("notes.jsonl")] == ["Hearing"]


# -- progress and cancel ------------------------------------------------------------------


def long_notes() -> dict[str, Iterable[bytes]]:
    return {"notes.jsonl": repeated(line(NOTE, body="x" * 9_000_000), 30 * 9_000_000)}


@pytest.mark.parametrize("members", [many_links, long_notes], ids=["many-lines", "long-lines"])
def test_cancel_stops_checking_within_half_a_second(
    tmp_path: Path, members: Callable[[], dict[str, Iterable[bytes]]]
) -> None:
    path = seal(tmp_path / "slow.hnb", archive(members()))
    fractions: list[float] = []
    deadline = time.monotonic() + 0.4

    def progress(fraction: float) -> bool:
        fractions.append(fraction)
        return time.monotonic() < deadline

    with pytest.raises(CancelledError):
        open_(path, progress=progress)
    assert time.monotonic() - deadline < 0.5
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] < 1


class _Zeros(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        return count


def test_cancel_stops_decryption(tmp_path: Path) -> None:
    path = tmp_path / "large.hnb"
    with path.open("wb") as out:
        pyrage.encrypt_io(io.BufferedReader(_Zeros(512 << 20)), out, [IDENTITY.to_public()])
    fractions: list[float] = []

    def progress(fraction: float) -> bool:
        fractions.append(fraction)
        return len(fractions) < 3

    start = time.monotonic()
    with pytest.raises(CancelledError):  # raised while pyrage reads, and passed through
        open_(path, progress=progress)
    assert time.monotonic() - start < 1
    assert max(fractions) < 0.4  # most of the file was never decrypted


def test_vault_import_passes_cancel_to_the_check(open_vault: Vault, tmp_path: Path) -> None:
    path = seal(tmp_path / "slow.hnb", archive(many_links()), open_vault.age_identity().to_public())
    deadline = time.monotonic() + 0.4
    with pytest.raises(CancelledError):
        open_vault.import_bundle(path, progress=lambda _: time.monotonic() < deadline)
    assert time.monotonic() - deadline < 0.5
    assert open_vault.notes.count() == 0


# -- records that no vault could hold --------------------------------------------------


@pytest.mark.parametrize(
    ("member", "raw"),
    [
        ("notes.jsonl", b'{"uuid": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
        ("notes.jsonl", line(NOTE, journal_day="2024-99-99")),
        ("notes.jsonl", line(NOTE, journal_day="2024-02-30")),
        ("notes.jsonl", line(NOTE, journal_day="0000-01-01")),
        ("notes.jsonl", line(NOTE, journal_day="1066-10-14")),
        ("notes.jsonl", line(NOTE, created_at=2**53 - 1)),
        ("notes.jsonl", line(NOTE, updated_at=253402300799999)),  # 9999-12-31T23:59:59.999
        (
            "notes.jsonl",
            line(NOTE).replace(b'"created_at": 1795600000000', b'"created_at": 1' + b"0" * 5000),
        ),
        ("notes.jsonl", line(NOTE).replace(b'"title": "Hearing"', b'"title": "\\ud800"')),
        ("notes.jsonl", line(NOTE).replace(b'"Friday"', b'"Fri\\udfffday"')),
        ("contacts.jsonl", line(CONTACT, display_name="Ro\x00sa")),
        ("contacts.jsonl", line(CONTACT, notes="bell\x07")),
        (
            "contacts.jsonl",
            line(CONTACT, methods=[{"kind": "phone", "label": "\ufffe", "value": "1"}]),
        ),
    ],
    ids=[
        "deep-nesting",
        "month-99",
        "feb-30",
        "year-0",
        "year-1066",
        "time-2^53",
        "time-9999",
        "huge-integer",
        "lone-surrogate-title",
        "lone-surrogate-body",
        "nul-in-name",
        "bell-in-notes",
        "nonchar-label",
    ],
)
def test_a_record_no_vault_could_hold_is_refused_naming_member_and_line(
    tmp_path: Path, member: str, raw: bytes
) -> None:
    members = {"notes.jsonl": line(NOTE, uuid=str(uuid.uuid4()))}
    members[member] = members.get(member, b"") + raw
    path = seal(tmp_path / "bad.hnb", archive(members))
    with pytest.raises(BundleFormatError) as caught:
        open_(path)
    assert caught.value.context["member"] == member
    assert caught.value.context["line"] == (2 if member == "notes.jsonl" else 1)


def test_times_and_days_at_the_limits_import(open_vault: Vault, tmp_path: Path) -> None:
    latest = int(datetime(9999, 1, 1, tzinfo=UTC).timestamp() * 1000)
    raw = line(NOTE, created_at=0, updated_at=latest, journal_day="9999-12-31")
    raw += line(NOTE, uuid=str(uuid.uuid4()), journal_day="1900-01-01")
    path = seal(tmp_path / "edges.hnb", archive({"notes.jsonl": raw}),
                open_vault.age_identity().to_public())  # fmt: skip
    report = open_vault.import_bundle(path)
    assert report.count("notes", "added") == 2
    note = open_vault.notes.get(NOTE["uuid"])
    assert note.updated_at == datetime(9999, 1, 1, tzinfo=UTC)
    assert note.created_at == datetime(1970, 1, 1, tzinfo=UTC)
    assert note.journal_day is not None and note.journal_day.year == 9999


# -- passphrase bundles: the scrypt work factor ------------------------------------------


@pytest.fixture(scope="module")
def sealed_with_words() -> bytes:
    """A tiny passphrase file, made once: age picks a work factor of about a second."""
    return age_passphrase.encrypt(b"PK", "words")


def with_work_factor(data: bytes, log_n: bytes) -> bytes:
    head, stanza, rest = data.split(b"\n", 2)
    assert stanza.startswith(b"-> scrypt ")
    return b"\n".join([head, stanza.rsplit(b" ", 1)[0] + b" " + log_n, rest])


@pytest.mark.parametrize("log_n", [b"21", b"22", b"40", b"63"])
def test_a_costly_work_factor_is_refused_before_scrypt_runs(
    tmp_path: Path, sealed_with_words: bytes, log_n: bytes
) -> None:
    path = tmp_path / "costly.hnb"
    path.write_bytes(with_work_factor(sealed_with_words, log_n))
    start = time.monotonic()
    with pytest.raises(BundleTooLargeError) as caught:
        open_bundle(path, passphrase="words")
    assert time.monotonic() - start < 1
    assert caught.value.context["what"] == "work-factor"
    assert caught.value.context["log_n"] == int(log_n)


def test_a_costly_key_file_is_refused_before_scrypt_runs(
    tmp_path: Path, sealed_with_words: bytes
) -> None:
    path = seal(tmp_path / "big.hnb", archive({}), x25519.Identity.generate().to_public())
    (tmp_path / "big.hnb.key").write_bytes(with_work_factor(sealed_with_words, b"30"))
    start = time.monotonic()
    with pytest.raises(BundleTooLargeError) as caught:
        open_bundle(path, passphrase="words")
    assert time.monotonic() - start < 1
    assert caught.value.context["what"] == "work-factor"


@pytest.mark.parametrize(
    "header",
    [
        b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nAAAA\n"
        b"-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nAAAA\n--- AAAA\n",
        b"age-encryption.org/v1\n-> X25519 AAAA\nAAAA\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\n"
        b"AAAA\n--- AAAA\n",
        b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 018\nAAAA\n--- AAAA\n",
        b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA -1\nAAAA\n--- AAAA\n",
        b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 99999999999999999999\nAAAA\n",
        b"age-encryption.org/v1\n-> scrypt\nAAAA\n--- AAAA\n",
        b"age-encryption.org/v1\n-> scrypt " + b"A" * 100_000,
        b"\x00\xff garbage \n-> scrypt",
    ],
    ids=[
        "two-scrypt",
        "scrypt-and-x25519",
        "leading-zero",
        "negative",
        "huge",
        "no-args",
        "endless",
        "garbage",
    ],
)
def test_a_malformed_passphrase_header_fails_cleanly(tmp_path: Path, header: bytes) -> None:
    path = tmp_path / "odd.hnb"
    path.write_bytes(header + b"\x00" * 64)
    with pytest.raises(BundleDecryptionError):
        open_bundle(path, passphrase="words")


def test_an_armored_passphrase_bundle_is_checked_too(
    tmp_path: Path, sealed_with_words: bytes
) -> None:
    costly = with_work_factor(sealed_with_words, b"30")
    body = base64.b64encode(costly).decode()
    armored = "\n".join(["-----BEGIN AGE ENCRYPTED FILE-----",
                         *[body[i : i + 64] for i in range(0, len(body), 64)],
                         "-----END AGE ENCRYPTED FILE-----", ""])  # fmt: skip
    path = tmp_path / "armored.hnb"
    path.write_text(armored)
    with pytest.raises(BundleTooLargeError):
        open_bundle(path, passphrase="words")


@pytest.mark.parametrize(
    ("member", "record"),
    [
        ("travel.jsonl", {"kind": ["notebook"]}),
        ("travel.jsonl", {"kind": {"a": 1}}),
        (
            "history.jsonl",
            {
                "note": str(uuid.uuid4()),
                "number": 1,
                "made_at": "2026-01-01T00:00:00Z",
                "reason": ["edit"],
            },
        ),
    ],
    ids=["travel-kind-list", "travel-kind-object", "revision-reason-list"],
)
def test_a_field_of_the_wrong_json_type_is_a_format_error(member: str, record: Any) -> None:
    # A list or an object where a name is expected cannot be looked up in a set of names
    # (unhashable): it is refused as the damage it is, naming the member and line.
    with pytest.raises(BundleFormatError, match=member):
        check_record(member, 3, record)
