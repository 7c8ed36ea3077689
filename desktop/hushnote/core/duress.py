"""The decoy a duress passphrase opens, stored inside its fixed-size key slot.

The decoy's notes must exist whether or not a duress passphrase is set, or their
presence would give it away. So they live in the slot's payload: 4,000 bytes that every
slot has, sealed like the rest of the slot, and random in unused slots. The notes are
JSON compressed with zlib; a few pages of plain text fit.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime

from hushnote.core.clock import from_ms, to_ms
from hushnote.core.header import PAYLOAD_CAPACITY
from hushnote.errors import InvalidRecordError

__all__ = ["DecoyNote", "decode_decoy", "encode_decoy"]

_VERSION = 1


@dataclass(frozen=True)
class DecoyNote:
    """A harmless note, with the times it will claim to have been written."""

    title: str
    body: str
    created_at: datetime
    updated_at: datetime


def encode_decoy(notes: list[DecoyNote]) -> bytes:
    """The payload for a duress slot; ``InvalidRecordError`` if it does not fit."""
    document = {
        "v": _VERSION,
        "notes": [
            {"t": n.title, "b": n.body, "c": to_ms(n.created_at), "u": to_ms(n.updated_at)}
            for n in notes
        ],
    }
    payload = zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), 9)
    if len(payload) > PAYLOAD_CAPACITY:
        raise InvalidRecordError(field="decoy", size=len(payload), maximum=PAYLOAD_CAPACITY)
    return payload


def decode_decoy(payload: bytes) -> list[DecoyNote]:
    """The notes in a duress slot's payload (the slot authenticated, so it is ours)."""
    if not payload:
        return []
    document = json.loads(zlib.decompress(payload))
    return [
        DecoyNote(note["t"], note["b"], from_ms(note["c"]), from_ms(note["u"]))
        for note in document.get("notes", [])
    ]
