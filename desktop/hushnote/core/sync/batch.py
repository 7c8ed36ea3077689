"""What a change file says, once opened: a batch of changes as strict JSON
(docs/sync-format.md#batches).

Everything read here was written by another device, so every value is checked for its
type and size before it reaches the vault; a batch that fails any check is refused
whole. Binary values (CRDT updates, keys) are base64.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hushnote.core.store.note_records import MAX_TITLE
from hushnote.core.store.tags import MAX_TAG_LENGTH
from hushnote.core.sync.change_file import MAX_PAYLOAD, FileRefused
from hushnote.core.sync.hlc import MAX_WALL_MS, Stamp

__all__ = [
    "CONTACT_FIELDS",
    "FIELDS",
    "Batch",
    "ContactOp",
    "HelloOp",
    "ListOp",
    "ListPurgeOp",
    "MemberOp",
    "NoteOp",
    "Op",
    "PurgeOp",
    "RekeyOp",
    "RemoveOp",
    "decode_batch",
    "encode_batch",
    "encode_op",
    "read_op",
]

FORMAT = 1
# A note's fields merged by last writer wins; the body is merged as text.
FIELDS = ("title", "tags", "pinned", "archived", "trashed", "journal_day")
CONTACT_FIELDS = ("display_name", "organization", "role", "notes", "methods", "tags")
_METHOD_KINDS = {"phone", "email", "signal", "telegram", "matrix", "wire", "other"}
_MAX_TAGS = 200
_MAX_OPS = 200_000
# More devices than any office has: a batch naming more is refused, not walked.
_MAX_DEVICES = 10_000
_ID_LENGTH = 32


@dataclass
class NoteOp:
    uuid: str
    fields: dict[str, tuple[Stamp, Any]] = field(default_factory=dict)
    body: bytes | None = None
    created_ms: int = 0


@dataclass
class ContactOp:
    """A contact on a shared list: its fields by last writer wins (never its age key,
    which each vault checks for itself)."""

    uuid: str
    fields: dict[str, tuple[Stamp, Any]] = field(default_factory=dict)


@dataclass
class ListOp:
    """A shared contact list: its name, and who is on it, each by last writer wins."""

    uuid: str
    name: tuple[Stamp, str] | None = None
    members: dict[str, tuple[Stamp, bool]] = field(default_factory=dict)


@dataclass
class ListPurgeOp:
    uuid: str
    stamp: Stamp


@dataclass
class PurgeOp:
    uuid: str
    stamp: Stamp


@dataclass
class MemberOp:
    """The admin adds a member: its age recipient, its device folder, and the one-time
    key that lets it introduce its own signing key (``HelloOp``)."""

    member: str
    recipient: str
    device: str
    invite_key: bytes
    label: str
    signing_key: bytes | None = None  # in a snapshot: the key its hello introduced


@dataclass
class HelloOp:
    """A new member's first words: its signing key, vouched for by the invite key."""

    signing_key: bytes
    proof: bytes


@dataclass
class RemoveOp:
    member: str
    last_seq: int  # the removed device's files after this one are refused


@dataclass
class RekeyOp:
    epoch: int
    wrapped: dict[str, bytes]  # member id -> the new space key, age-encrypted to it


Op = NoteOp | PurgeOp | ContactOp | ListOp | ListPurgeOp | MemberOp | HelloOp | RemoveOp | RekeyOp


@dataclass
class Batch:
    prev: bytes  # SHA-256 of the writer's previous file; empty for its first
    heads: dict[str, int]  # what the writer had applied of every other device
    ops: list[Op]
    kind: str = "changes"
    # In a snapshot: the hash of the last file of each device it covers.
    hashes: dict[str, bytes] = field(default_factory=dict)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _stamp(stamp: Stamp) -> list[object]:
    return [stamp.wall_ms, stamp.counter, stamp.device]


def encode_op(op: Op) -> dict[str, Any]:
    if isinstance(op, NoteOp):
        out: dict[str, Any] = {
            "op": "note",
            "id": op.uuid,
            "fields": {name: [_stamp(s), v] for name, (s, v) in op.fields.items()},
            "created": op.created_ms,
        }
        if op.body is not None:
            out["body"] = _b64(op.body)
        return out
    if isinstance(op, PurgeOp):
        return {"op": "purge", "id": op.uuid, "stamp": _stamp(op.stamp)}
    if isinstance(op, ContactOp):
        return {
            "op": "contact",
            "id": op.uuid,
            "fields": {name: [_stamp(s), v] for name, (s, v) in op.fields.items()},
        }
    if isinstance(op, ListOp):
        out = {
            "op": "list",
            "id": op.uuid,
            "members": {u: [_stamp(s), p] for u, (s, p) in sorted(op.members.items())},
        }
        if op.name is not None:
            out["name"] = [_stamp(op.name[0]), op.name[1]]
        return out
    if isinstance(op, ListPurgeOp):
        return {"op": "list-purge", "id": op.uuid, "stamp": _stamp(op.stamp)}
    if isinstance(op, MemberOp):
        member = {
            "op": "member",
            "member": op.member,
            "recipient": op.recipient,
            "device": op.device,
            "invite_key": _b64(op.invite_key),
            "label": op.label,
        }
        if op.signing_key is not None:
            member["key"] = _b64(op.signing_key)
        return member
    if isinstance(op, HelloOp):
        return {"op": "hello", "key": _b64(op.signing_key), "proof": _b64(op.proof)}
    if isinstance(op, RemoveOp):
        return {"op": "remove", "member": op.member, "last": op.last_seq}
    return {
        "op": "rekey",
        "epoch": op.epoch,
        "wrapped": {m: _b64(w) for m, w in sorted(op.wrapped.items())},
    }


def encode_batch(batch: Batch) -> bytes:
    document: dict[str, Any] = {
        "format": FORMAT,
        "kind": batch.kind,
        "prev": batch.prev.hex(),
        "heads": dict(sorted(batch.heads.items())),
        "ops": [encode_op(op) for op in batch.ops],
    }
    if batch.hashes:
        document["hashes"] = {d: h.hex() for d, h in sorted(batch.hashes.items())}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(text, 6)


# -- reading -------------------------------------------------------------------------


def _fail() -> FileRefused:
    return FileRefused("malformed")


def _obj(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail()
    return value


def _str(value: Any, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise _fail()
    return value


def _int(value: Any, low: int = 0, high: int = (1 << 63) - 1) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _fail()
    return value


def _ident(value: Any) -> str:
    text = _str(value, _ID_LENGTH)
    if len(text) != _ID_LENGTH or text.strip("0123456789abcdef"):
        raise _fail()
    return text


def _uuid(value: Any) -> str:
    text = _str(value, 36)
    if len(text) != 36 or text.strip("0123456789abcdef-"):
        raise _fail()
    return text


def _bytes(value: Any, limit: int) -> bytes:
    text = _str(value, limit * 4 // 3 + 4)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _fail() from None


def _read_stamp(value: Any) -> Stamp:
    if not isinstance(value, list) or len(value) != 3:
        raise _fail()
    return Stamp(_int(value[0], 0, MAX_WALL_MS), _int(value[1], 0, 1 << 31), _ident(value[2]))


def _field_value(name: str, value: Any) -> Any:
    if name == "title":
        return _str(value, MAX_TITLE)
    if name == "tags":
        if not isinstance(value, list) or len(value) > _MAX_TAGS:
            raise _fail()
        return [_str(tag, MAX_TAG_LENGTH) for tag in value]
    if name in ("pinned", "archived", "trashed"):
        if not isinstance(value, bool):
            raise _fail()
        return value
    if value is None:
        return None
    try:
        return date.fromisoformat(_str(value, 10)).isoformat()
    except ValueError:
        raise _fail() from None


def _contact_value(name: str, value: Any) -> Any:
    if name == "methods":
        if not isinstance(value, list) or len(value) > _MAX_TAGS:
            raise _fail()
        methods = []
        for method in value:
            if not isinstance(method, list) or len(method) != 3 or not isinstance(method[0], str):
                raise _fail()
            if method[0] not in _METHOD_KINDS:
                raise _fail()
            methods.append([method[0], _str(method[1], 500), _str(method[2], 10_000)])
        return methods
    if name == "tags":
        if not isinstance(value, list) or len(value) > _MAX_TAGS:
            raise _fail()
        return [_str(tag, MAX_TAG_LENGTH) for tag in value]
    return _str(value, 10_000)


def read_op(raw: Any) -> Op:
    op = _obj(raw)
    kind = op.get("op")
    if kind == "note":
        fields: dict[str, tuple[Stamp, Any]] = {}
        for name, pair in _obj(op.get("fields")).items():
            if name not in FIELDS or not isinstance(pair, list) or len(pair) != 2:
                raise _fail()
            fields[name] = (_read_stamp(pair[0]), _field_value(name, pair[1]))
        body = _bytes(op["body"], 64 * 1024 * 1024) if "body" in op else None
        return NoteOp(_uuid(op.get("id")), fields, body, _int(op.get("created"), 0, MAX_WALL_MS))
    if kind == "purge":
        return PurgeOp(_uuid(op.get("id")), _read_stamp(op.get("stamp")))
    if kind == "contact":
        contact: dict[str, tuple[Stamp, Any]] = {}
        for name, pair in _obj(op.get("fields")).items():
            if name not in CONTACT_FIELDS or not isinstance(pair, list) or len(pair) != 2:
                raise _fail()
            contact[name] = (_read_stamp(pair[0]), _contact_value(name, pair[1]))
        return ContactOp(_uuid(op.get("id")), contact)
    if kind == "list":
        list_name: tuple[Stamp, str] | None = None
        if "name" in op:
            pair = op["name"]
            if not isinstance(pair, list) or len(pair) != 2:
                raise _fail()
            list_name = (_read_stamp(pair[0]), _str(pair[1], 200))
        members: dict[str, tuple[Stamp, bool]] = {}
        for uuid, pair in _obj(op.get("members")).items():
            if not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[1], bool):
                raise _fail()
            members[_uuid(uuid)] = (_read_stamp(pair[0]), pair[1])
        return ListOp(_uuid(op.get("id")), list_name, members)
    if kind == "list-purge":
        return ListPurgeOp(_uuid(op.get("id")), _read_stamp(op.get("stamp")))
    if kind == "member":
        return MemberOp(
            _ident(op.get("member")),
            _str(op.get("recipient"), 100),
            _ident(op.get("device")),
            _bytes(op.get("invite_key"), 32),
            _str(op.get("label"), 200),
            _bytes(op["key"], 32) if "key" in op else None,
        )
    if kind == "hello":
        return HelloOp(_bytes(op.get("key"), 32), _bytes(op.get("proof"), 64))
    if kind == "remove":
        return RemoveOp(_ident(op.get("member")), _int(op.get("last")))
    if kind == "rekey":
        wrapped = {_ident(m): _bytes(w, 1024) for m, w in _obj(op.get("wrapped")).items()}
        return RekeyOp(_int(op.get("epoch"), 1, 1 << 31), wrapped)
    raise _fail()


def _inflate(payload: bytes) -> bytes:
    """The JSON inside, never more than ``MAX_PAYLOAD`` bytes of it: a compression bomb
    stops there."""
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(payload, MAX_PAYLOAD)
    except zlib.error:
        raise _fail() from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise FileRefused("too-large" if inflater.unconsumed_tail else "malformed")
    return text


def decode_batch(payload: bytes) -> Batch:
    try:
        document = _obj(json.loads(_inflate(payload).decode("utf-8")))
    # ValueError: JSONDecodeError, and an integer of more than 4,300 digits.
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _fail() from None
    if document.get("format") != FORMAT:
        raise FileRefused("version")
    kind = document.get("kind")
    if kind not in ("changes", "snapshot"):
        raise _fail()
    try:
        prev = bytes.fromhex(_str(document.get("prev"), 64))
    except ValueError:
        raise _fail() from None
    if len(prev) not in (0, 32):
        raise _fail()
    raw_heads = _obj(document.get("heads"))
    if len(raw_heads) > _MAX_DEVICES:
        raise _fail()
    heads = {_ident(k): _int(v) for k, v in raw_heads.items()}
    raw_ops = document.get("ops")
    if not isinstance(raw_ops, list) or len(raw_ops) > _MAX_OPS:
        raise _fail()
    hashes = {}
    for device, digest in _obj(document.get("hashes", {})).items():
        try:
            hashes[_ident(device)] = bytes.fromhex(_str(digest, 64))
        except ValueError:
            raise _fail() from None
    return Batch(prev, heads, [read_op(op) for op in raw_ops], kind, hashes)
