"""A shared folder's batch, once decrypted (``decode_batch``): zlib-compressed JSON that
another member wrote, and the Yjs body updates inside it, applied as a pass would."""

from __future__ import annotations

from hushnote.core.sync.batch import (
    Batch,
    ContactOp,
    ListOp,
    ListPurgeOp,
    NoteOp,
    PurgeOp,
    decode_batch,
    encode_batch,
)
from hushnote.core.sync.change_file import MAX_PAYLOAD, FileRefused
from hushnote.core.sync.hlc import Stamp
from hushnote.core.sync.text_merge import BodyDoc, UpdateRefused

from .harness import Target, mutate_inside_zlib

_DEVICE = "de51" * 8
_NOTE = "0b0e5c1d-7a11-4c0a-9d2e-5f7a3b1c9e42"
_CONTACT = "5c0a7e11-2d3b-4f6a-8b9c-0d1e2f3a4b5c"
_LIST = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"


def _parse(data: bytes) -> object:
    try:
        batch = decode_batch(data)
    except FileRefused:
        return None  # refused whole, as a pass refuses it
    for op in batch.ops:
        if isinstance(op, NoteOp) and op.body is not None:
            try:
                BodyDoc(None, 0).apply(op.body)
            except UpdateRefused:
                return None
    return batch


def _seeds() -> dict[str, bytes]:
    stamp = Stamp(1767225600000, 0, _DEVICE)
    doc = BodyDoc(None, 7)
    body = doc.edit_to("第一段。\nSecond paragraph 🙂\n")
    note = NoteOp(_NOTE, {"title": (stamp, "Statement 证词"), "tags": (stamp, ["case"])}, body, 1)
    contact = ContactOp(_CONTACT, {
        "display_name": (stamp, "Rosa 罗莎"),
        "methods": (stamp, [["phone", "mobile", "+1 555 0100"], ["email", "", "r@example.org"]]),
        "tags": (stamp, ["medic"]),
    })  # fmt: skip
    people = ListOp(_LIST, (stamp, "Medics 医护"), {_CONTACT: (stamp, True)})
    return {
        "empty": b"",
        "no-ops.zlib": encode_batch(Batch(b"", {}, [])),
        "note.zlib": encode_batch(Batch(bytes(32), {_DEVICE: 3}, [note])),
        "purge.zlib": encode_batch(Batch(b"", {}, [PurgeOp(_NOTE, stamp)])),
        "list.zlib": encode_batch(
            Batch(b"", {_DEVICE: 1}, [contact, people, ListPurgeOp(_LIST, stamp)])
        ),
    }


TARGET = Target(
    name="sync",
    parse=_parse,
    seeds=_seeds,
    max_len=min(MAX_PAYLOAD, 64 * 1024),
    mutator=mutate_inside_zlib,
    dictionary=(
        b'"op"',
        b'"note"',
        b'"purge"',
        b'"fields"',
        b'"body"',
        b'"heads"',
        b'"member"',
        b'"rekey"',
        b'"hello"',
        b'"list"',
        b'"contact"',
        b"1e400",
        b"-1",
        b"null",
    ),
)
