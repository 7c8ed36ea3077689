"""The duress decoy payload (``decode_decoy``): zlib-compressed JSON in a key slot."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

from hushnote.core.vault.duress import DecoyNote, decode_decoy, encode_decoy
from hushnote.core.vault.header import PAYLOAD_CAPACITY

from .harness import Target


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


def _mutate(data: bytes, max_size: int, seed: int) -> bytes:
    """Mutate the JSON inside the zlib stream, so the fuzzer gets past decompression."""
    import atheris

    try:
        plain = zlib.decompress(data)
    except zlib.error:
        return bytes(atheris.Mutate(data, max_size))
    if seed % 5 == 0:
        return bytes(atheris.Mutate(data, max_size))
    mutated = bytes(atheris.Mutate(plain, max(2 * len(plain), 64)))
    return zlib.compress(mutated, 9)[:max_size]


TARGET = Target(
    name="decoy",
    parse=_parse,
    seeds=_seeds,
    max_len=PAYLOAD_CAPACITY,
    mutator=_mutate,
    dictionary=(b'"v"', b'"notes"', b'"t"', b'"b"', b'"c"', b'"u"', b"1e400", b"-1", b"null"),
)
