"""The duress decoy payload (``decode_decoy``): zlib-compressed JSON in a key slot."""

from __future__ import annotations

from datetime import UTC, datetime

from hushnote.core.vault.duress import DecoyNote, decode_decoy, encode_decoy
from hushnote.core.vault.header import PAYLOAD_CAPACITY

from .harness import Target, mutate_inside_zlib


def _parse(data: bytes) -> object:
    return decode_decoy(data)


def _seeds() -> dict[str, bytes]:
    moment = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
    notes = [
        DecoyNote("Groceries", "milk, eggs, 律师", moment, moment),
        DecoyNote("", "", datetime(1970, 1, 1, tzinfo=UTC), moment),
    ]
    return {
        "empty": b"",
        "none.zlib": encode_decoy([]),
        "two.zlib": encode_decoy(notes),
        "one.zlib": encode_decoy(notes[:1]),
    }


TARGET = Target(
    name="decoy",
    parse=_parse,
    seeds=_seeds,
    max_len=PAYLOAD_CAPACITY,
    mutator=mutate_inside_zlib,
    dictionary=(b'"v"', b'"notes"', b'"t"', b'"b"', b'"c"', b'"u"', b"1e400", b"-1", b"null"),
)
