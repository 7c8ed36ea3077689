"""Note history in a shared notebook: a merge that changes a note keeps the text it
replaces (one revision per note for a burst of merges), and revisions are never
published: a word only a revision holds is in no change file, decrypted."""

from __future__ import annotations

import base64
import json
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hushnote.core import KdfParams, NoteStore, Vault
from hushnote.core.clock import Clock
from hushnote.core.sync.batch import decode_batch
from hushnote.core.sync.change_file import FileRefused, Opened, open_file, parse_name
from support.sync_vaults import BOOK, Member, shared_vaults


def published(vault: Vault, folder: Path) -> bytes:
    """Every change file ``vault`` wrote, decrypted and inflated, joined."""
    member = Member(vault)
    out = []
    for path in sorted((folder / member.space / member.device).iterdir()):
        seq = parse_name(path.name)
        if seq is None:
            continue
        data = path.read_bytes()
        opened = next(
            opened
            for key in member.keys.values()
            if (opened := _try_open(data, member, seq, key)) is not None
        )
        decode_batch(opened.payload)  # a well-formed batch
        document = zlib.decompress(opened.payload)
        out.append(document)
        out += [_unbase64(text) for text in _strings(json.loads(document))]
    return b"\n".join(out)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _unbase64(text: str) -> bytes:
    """A body update travels in base64: its bytes, where the words are."""
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return b""


def _try_open(data: bytes, member: Member, seq: int, key: bytes) -> Opened | None:
    try:
        return open_file(data, space=member.space, device=member.device, seq=seq, key=key)
    except FileRefused:  # another epoch's key
        return None


def _later(minutes: int) -> Clock:
    moment = datetime.now(UTC) + timedelta(minutes=minutes)
    return lambda: moment


def test_a_revision_is_never_published(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as (vaults, folder):
        a, b = vaults
        note = a.notes.create(title="Statement", body="zqxjHISTCANARY words", notebook=BOOK)
        later = NoteStore(a.db, clock=_later(10))
        later.update(note.uuid, body="zqxjPUBLISHEDWORD words")
        assert a.history.text(note.uuid, 1)[1] == "zqxjHISTCANARY words"
        a.spaces.sync()
        b.spaces.sync()
        assert b.notes.get(note.uuid).body == "zqxjPUBLISHEDWORD words"
        files = published(a, folder)
        assert b"zqxjPUBLISHEDWORD" in files  # the files are read right
        assert b"zqxjHISTCANARY" not in files
        assert b.history.revisions(note.uuid) == []


def test_merges_keep_the_text_they_replace_once_per_burst(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as (vaults, _):
        a, b = vaults
        note = a.notes.create(title="Statement", body="first", notebook=BOOK)
        a.spaces.sync()
        b.spaces.sync()
        assert b.history.revisions(note.uuid) == []  # a new note replaces nothing
        for body in ("second", "third", "fourth"):
            a.notes.update(note.uuid, body=body)
            a.spaces.sync()
            b.spaces.sync()
        revisions = b.history.revisions(note.uuid)
        assert [(r.number, r.reason) for r in revisions] == [(1, "merge")]
        assert b.history.text(note.uuid, 1) == ("Statement", "first")
        # A local edit in between: the next merge keeps the text it replaces.
        b.notes.update(note.uuid, body="fourth, and b's line")
        b.spaces.sync()
        a.spaces.sync()
        a.notes.update(note.uuid, title="Statement 2")
        a.spaces.sync()
        b.spaces.sync()
        assert b.notes.get(note.uuid).title == "Statement 2"
        revisions = b.history.revisions(note.uuid)
        assert [(r.number, r.reason) for r in revisions] == [(2, "merge"), (1, "merge")]
        assert b.history.text(note.uuid, 2) == ("Statement", "fourth, and b's line")
        # A sync that changes nothing keeps nothing.
        b.spaces.sync()
        assert len(b.history.revisions(note.uuid)) == 2
