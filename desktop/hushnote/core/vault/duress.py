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
from pathlib import Path

from hushnote.core.clock import from_ms, to_ms
from hushnote.core.vault.header import PAYLOAD_CAPACITY
from hushnote.errors import HeaderCorruptedError, ImportFormatError, InvalidRecordError

__all__ = [
    "DECOY_CAPACITY",
    "DecoyNote",
    "decode_decoy",
    "decoy_size",
    "encode_decoy",
    "parse_decoy_text",
    "read_decoy_file",
]

_VERSION = 1
DECOY_CAPACITY = PAYLOAD_CAPACITY  # bytes, compressed
# zlib at level 9 shrinks text at most about 1000-fold; a 4,000-byte payload of ours
# never inflates past a few hundred KB, so anything larger was not written by us.
_DECODED_LIMIT = 4 << 20
# Measuring needs some times; any fixed ones take the same room as the real "now".
_EPOCH = from_ms(1_700_000_000_000)


@dataclass(frozen=True)
class DecoyNote:
    """A harmless note, with the times it will claim to have been written."""

    title: str
    body: str
    created_at: datetime
    updated_at: datetime


def parse_decoy_text(text: str) -> list[tuple[str, str]]:
    """Decoy notes typed as Markdown: notes separated by lines of ``---``, each note's
    first line its title (a leading ``#`` dropped). The GUI and the CLI both read this."""
    notes = []
    for block in text.replace("\r\n", "\n").split("\n---\n"):
        lines = block.strip("\n").splitlines()
        if lines and any(line.strip() for line in lines):
            notes.append((lines[0].lstrip("# ").strip(), "\n".join(lines[1:]).strip()))
    return notes


def read_decoy_file(path: Path) -> list[tuple[str, str]]:
    """Decoy notes from a UTF-8 Markdown file (``parse_decoy_text``)."""
    from hushnote.core.atomic import storage_errors

    with storage_errors(path):
        data = path.read_bytes()
    try:
        return parse_decoy_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFormatError(line=0, reason="not-utf8") from None


def decoy_size(notes: list[tuple[str, str]]) -> int:
    """How many of the ``DECOY_CAPACITY`` bytes ``notes`` take (more: too long)."""
    return len(_compress([DecoyNote(title, body, _EPOCH, _EPOCH) for title, body in notes]))


def encode_decoy(notes: list[DecoyNote]) -> bytes:
    """The payload for a duress slot; ``InvalidRecordError`` if it does not fit."""
    payload = _compress(notes)
    if len(payload) > PAYLOAD_CAPACITY:
        raise InvalidRecordError(field="decoy", size=len(payload), maximum=PAYLOAD_CAPACITY)
    return payload


def _compress(notes: list[DecoyNote]) -> bytes:
    document = {
        "v": _VERSION,
        "notes": [
            {"t": n.title, "b": n.body, "c": to_ms(n.created_at), "u": to_ms(n.updated_at)}
            for n in notes
        ],
    }
    return zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), 9)


def decode_decoy(payload: bytes) -> list[DecoyNote]:
    """The notes in a duress slot's payload.

    The slot authenticated, so only Hushnote wrote it; it is still checked like any
    input (``HeaderCorruptedError`` if malformed), because a crash here would tell a
    duress unlock from a normal one.
    """
    if not payload:
        return []
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(payload, _DECODED_LIMIT)
        if inflater.unconsumed_tail:
            raise ValueError("decoy larger than any this code writes")
        document = json.loads(text)
        return [
            DecoyNote(_text(note["t"]), _text(note["b"]), from_ms(note["c"]), from_ms(note["u"]))
            for note in document["notes"]
        ]
    except (zlib.error, ValueError, KeyError, TypeError, RecursionError, OverflowError, OSError):
        raise HeaderCorruptedError(reason="decoy") from None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value
