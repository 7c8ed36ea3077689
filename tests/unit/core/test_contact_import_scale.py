"""Contact files at scale: reading time grows linearly with the file, and memory stays a
small multiple of it. Timings are CPU time of this process, and compare two sizes within
one run, so that other work on a busy machine changes both alike."""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from hushnote.core import parse_csv, parse_vcards
from hushnote.errors import ImportFormatError

Parse = Callable[[bytes], object]


def attempt(parse: Parse, data: bytes) -> None:
    """Parse, ignoring a refusal: the time to get there is what is measured."""
    try:
        parse(data)
    except ImportFormatError:
        pass


def timed(parse: Parse, data: bytes) -> float:
    gc.collect()  # a collection of the previous run's garbage must not land in this one
    start = time.process_time()
    attempt(parse, data)
    return time.process_time() - start


def assert_linear(parse: Parse, make: Callable[[int], bytes], size: int) -> None:
    """Four times the input must take well under six times as long; a quadratic reader
    takes about sixteen. The sizes alternate and the best of each counts, so that other
    work on the machine slows both alike."""
    small, large = make(size), make(4 * size)
    times: dict[int, float] = {len(small): float("inf"), len(large): float("inf")}
    for _ in range(5):
        for data in (small, large):
            times[len(data)] = min(times[len(data)], timed(parse, data))
    ratio = times[len(large)] / times[len(small)]
    assert ratio < 8, f"4x the input took {ratio:.1f}x as long"  # quadratic: about 16x


def memory(parse: Parse, data: bytes) -> tuple[int, int]:
    """Peak memory while parsing, and what the result holds once done (the contacts
    themselves: Python objects of a few hundred bytes each, whatever the parser)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = parse(data)
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak, retained


def vcard(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:2.1", "FN:Rosa Delgado", *lines, "END:VCARD"])


@pytest.mark.parametrize("name", ["NOTE", "LABEL"], ids=["kept", "passed-over"])
def test_quoted_printable_soft_breaks_are_joined_in_linear_time(name: str) -> None:
    def make(lines: int) -> bytes:
        return (
            vcard(f"{name};ENCODING=QUOTED-PRINTABLE:" + "ab=\r\n" * lines + "end") + "\r\n"
        ).encode()

    assert_linear(parse_vcards, make, 50_000)


@pytest.mark.parametrize("name", ["NOTE", "PHOTO"], ids=["kept", "passed-over"])
def test_folded_lines_are_joined_in_linear_time(name: str) -> None:
    def make(lines: int) -> bytes:
        return (vcard(f"{name}:" + "\r\n ab" * lines) + "\r\n").encode()

    assert_linear(parse_vcards, make, 100_000)


def test_many_cards_are_read_in_linear_time() -> None:
    def make(cards: int) -> bytes:
        return "".join(
            vcard(f"TEL;CELL:+1 555 {n:07d}", f"EMAIL:p{n}@example.org") + "\r\n"
            for n in range(cards)
        ).encode()

    assert_linear(parse_vcards, make, 2_500)


def apple_export(cards: int) -> bytes:
    """Cards as a phone exports them: a few fields and a folded photo of about 2 KB."""
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(["/9j/4AAQSkZJRgABAQAAAQABAAD" * 3] * 25)
    return "".join(
        "\r\n".join(
            [
                "BEGIN:VCARD",
                "VERSION:3.0",
                f"N:Delgado {n};Rosa;;;",
                f"FN:Rosa Delgado {n}",
                f"TEL;type=CELL;type=VOICE;type=pref:+1 555 {n:07d}",
                f"EMAIL;type=INTERNET;type=HOME:rosa{n}@example.org",
                photo,
                "END:VCARD",
            ]
        )
        + "\r\n"
        for n in range(cards)
    ).encode()


def test_vcard_memory_stays_a_small_multiple_of_the_file() -> None:
    data = apple_export(2_000)
    assert len(data) > 4_000_000
    peak, _ = memory(parse_vcards, data)
    assert peak < len(data), f"peak {peak / len(data):.1f}x the file"


GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,"
    "Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,"
    "Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,"
    "Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value"
)


def google_export(rows: int) -> bytes:
    """Rows as Google Contacts exports them, addresses and all."""
    lines = [GOOGLE_HEADER]
    for n in range(rows):
        lines.append(
            f"Rosa,,Delgado {n},,,,,,,,Street Medics,Medic,,1990-01-01,Knows the clinic,,"
            f"* myContacts ::: Medics,Home,rosa{n}@example.org,Mobile,+1 555 {n:07d},Work,"
            f'+1 555 {n:07d},Home,"12 High Street\nSpringfield 12345\nUSA",12 High Street,'
            f"Springfield,,,12345,USA,,Profile,https://example.org/rosa{n}"
        )
    return ("\r\n".join(lines) + "\r\n").encode()


def small_rows(rows: int) -> bytes:
    return (
        "Name,Phone\r\n" + "".join(f"Person {n},+1 555 {n:07d}\r\n" for n in range(rows))
    ).encode()


def test_csv_rows_are_read_in_linear_time() -> None:
    assert_linear(parse_csv, small_rows, 10_000)


def wide_header_short_rows(rows: int) -> bytes:
    """A header of rows / 10 phone columns, and rows of one cell each."""
    numbered = ",".join(f"Phone {n} - Value" for n in range(1, rows // 10))
    return f"Name,{numbered}\r\n".encode() + b"x\r\n" * rows


def test_a_wide_header_over_short_rows_is_read_in_linear_time() -> None:
    # Every row visited every phone column of the header: its width times the rows.
    assert_linear(parse_csv, wide_header_short_rows, 2_500)


@pytest.mark.parametrize("make", [google_export, small_rows], ids=["google", "small-rows"])
def test_csv_memory_beyond_the_contacts_stays_within_the_file_size_and_a_half(
    make: Callable[[int], bytes],
) -> None:
    data = make(5_000)
    peak, contacts = memory(parse_csv, data)
    assert peak - contacts < 1.5 * len(data), f"{(peak - contacts) / len(data):.1f}x the file"


@pytest.mark.slow
def test_the_largest_file_accepted_takes_seconds() -> None:
    from hushnote.core.formats.contact_files import MAX_ENTRIES

    data = small_rows(MAX_ENTRIES - 1)
    start = time.process_time()
    parsed = parse_csv(data)
    elapsed = time.process_time() - start
    assert len(parsed.contacts) == MAX_ENTRIES - 1  # type: ignore[attr-defined]
    assert elapsed < 10, f"{elapsed:.0f} s"


@pytest.mark.parametrize("kind", ["csv", "vcf"])
def test_a_file_with_more_entries_than_any_address_book_is_refused_early(
    kind: str, tmp_path: Path
) -> None:
    """Five million one-letter rows fit in 15 MB and took 2 GB and ten minutes."""
    from hushnote.core import read_contact_file
    from hushnote.core.formats.contact_files import MAX_ENTRIES

    path = tmp_path / f"huge.{kind}"
    if kind == "csv":
        path.write_bytes(b"name\r\n" + b"a\r\n" * (MAX_ENTRIES * 3))
    else:
        path.write_bytes(b"BEGIN:VCARD\r\nFN:a\r\nEND:VCARD\r\n" * (MAX_ENTRIES * 3))
    started = time.perf_counter()
    with pytest.raises(ImportFormatError) as raised:
        read_contact_file(path)
    assert raised.value.context["reason"] == "too-many-entries"
    assert raised.value.context["line"] > MAX_ENTRIES
    assert time.perf_counter() - started < 30
