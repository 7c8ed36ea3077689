"""vCard import (``parse_vcards``) on arbitrary bytes."""

from __future__ import annotations

from pathlib import Path

from hushnote.core.formats.vcard import parse_vcards

from .harness import Target

_CONTACTS = Path(__file__).parents[1] / "data" / "contacts"


def _parse(data: bytes) -> object:
    return parse_vcards(data)


def _seeds() -> dict[str, bytes]:
    files = sorted([*_CONTACTS.glob("*.vcf"), *_CONTACTS.glob("broken/*.vcf")])
    return {path.name: path.read_bytes() for path in files}


TARGET = Target(
    name="vcard",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        b"BEGIN:VCARD",
        b"END:VCARD",
        b"VERSION:2.1",
        b"VERSION:3.0",
        b"VERSION:4.0",
        b"FN:",
        b"N:",
        b"TEL;TYPE=cell:",
        b"EMAIL:",
        b"IMPP:",
        b"ORG:",
        b"TITLE:",
        b"ROLE:",
        b"NOTE:",
        b"CATEGORIES:",
        b"X-SIGNAL:",
        b"X-HUSHNOTE-HANDLE:",
        b";ENCODING=QUOTED-PRINTABLE",
        b";QUOTED-PRINTABLE",
        b";CHARSET=",
        b"utf-16",
        b"X-SERVICE-TYPE=",
        b"signal:",
        b"tg://resolve?domain=",
        b"matrix:u/",
        b"=\r\n",
        b"\r\n ",
        b"\\n",
        b"\\,",
        b"\\;",
        b"item1.",
        b'"',
    ),
)
