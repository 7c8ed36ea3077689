"""The reader against the reference files of tests/vectors/sync, made from
docs/sync-format.md by independent code (make_sync_vectors.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from hushnote.core.sync.batch import NoteOp, PurgeOp, decode_batch, encode_batch
from hushnote.core.sync.change_file import (
    FileRefused,
    open_file,
    parse_name,
    seal_file,
    verify_signature,
)
from hushnote.core.sync.hlc import Stamp

VECTORS = Path(__file__).parents[3] / "vectors" / "sync"
EXPECT = json.loads((VECTORS / "expectations.json").read_text())
FIRST = (VECTORS / "ok" / "0000000000000001").read_bytes()


def verdict(name: str) -> str:
    data = (VECTORS / name).read_bytes()
    seq = parse_name(Path(name).name)
    assert seq is not None
    try:
        opened = open_file(
            data,
            space=EXPECT["space"],
            device=EXPECT["device"],
            seq=seq,
            key=bytes.fromhex(EXPECT["space_key"]),
        )
        batch = decode_batch(opened.payload)
    except FileRefused as refused:
        return refused.reason
    if not verify_signature(opened, bytes.fromhex(EXPECT["signing_public"])):
        return "forged"
    expected_prev = b"" if seq == 1 else hashlib.sha256(FIRST).digest()
    return "applied" if batch.prev == expected_prev else "fork"


@pytest.mark.parametrize("name", sorted(EXPECT["files"]))
def test_every_reference_file_gets_its_verdict(name: str) -> None:
    assert verdict(name) == EXPECT["files"][name]


def test_the_reference_files_say_what_the_spec_says() -> None:
    first = decode_batch(
        open_file(FIRST, space=EXPECT["space"], device=EXPECT["device"], seq=1,
                  key=bytes.fromhex(EXPECT["space_key"])).payload
    )  # fmt: skip
    (op,) = first.ops
    assert isinstance(op, NoteOp)
    assert op.fields["title"] == (Stamp(1767225600000, 0, EXPECT["device"]), "Statement 证词")
    assert op.fields["tags"][1] == ["case-12"] and op.body is None
    second = (VECTORS / "ok" / "0000000000000002").read_bytes()
    batch = decode_batch(
        open_file(second, space=EXPECT["space"], device=EXPECT["device"], seq=2,
                  key=bytes.fromhex(EXPECT["space_key"])).payload
    )  # fmt: skip
    assert isinstance(batch.ops[0], PurgeOp)
    assert len(FIRST) == 1024  # padded to the smallest size


def test_the_writer_makes_the_reference_bytes() -> None:
    """Hushnote's own writer, given the vector's fixed nonce, writes the same file."""
    opened = open_file(FIRST, space=EXPECT["space"], device=EXPECT["device"], seq=1,
                       key=bytes.fromhex(EXPECT["space_key"]))  # fmt: skip
    batch = decode_batch(opened.payload)
    again = seal_file(
        encode_batch(batch),
        space=EXPECT["space"],
        device=EXPECT["device"],
        seq=1,
        epoch=1,
        key=bytes.fromhex(EXPECT["space_key"]),
        signing_key=bytes.fromhex(EXPECT["signing_seed"]),
        nonce=bytes(12),
    )
    assert again == FIRST
