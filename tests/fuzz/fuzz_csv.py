"""Contact CSV import (``parse_csv``) on arbitrary bytes."""

from __future__ import annotations

from pathlib import Path

from hushnote.core.formats.contacts_csv import parse_csv

from .harness import Target

_CONTACTS = Path(__file__).parents[1] / "data" / "contacts"


def _parse(data: bytes) -> object:
    return parse_csv(data)


def _seeds() -> dict[str, bytes]:
    files = sorted([*_CONTACTS.glob("*.csv"), *_CONTACTS.glob("broken/*.csv")])
    return {path.name: path.read_bytes() for path in files}


TARGET = Target(
    name="csv",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        b"Name",
        b"Given Name",
        b"Family Name",
        b"First Name",
        b"Last Name",
        b"Phone 1 - Value",
        b"Phone 1 - Type",
        b"E-mail 1 - Value",
        b"E-mail 1 - Label",
        b"IM 1 - Service",
        b"IM 1 - Value",
        b"Mobile Phone",
        b"E-mail Address",
        b"Primary Email",
        b"Categories",
        b"Labels",
        b"Group Membership",
        b"Organization",
        b"Notes",
        b"signal",
        b"telegram",
        b"matrix",
        b" ::: ",
        b"* myContacts",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b'""',
        b"\r\n",
    ),
)
