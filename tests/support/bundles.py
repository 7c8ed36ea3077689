"""Bundles built by hand, hostile ones included: a ZIP whose manifest matches its members,
age-encrypted to a recipient. For tests of the importer and of long jobs."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519

IDENTITY = x25519.Identity.generate()
MEMBERS = ("notes.jsonl", "contacts.jsonl", "lists.jsonl", "links.jsonl")
NOTE = {"uuid": "0b5c1e7a-3f0e-4c1d-9a6e-2f4b8d1c9e01", "title": "Hearing", "body": "Friday",
        "notebook": None, "tags": ["legal"], "pinned": False, "archived": False,
        "journal_day": None, "created_at": 1795600000000, "updated_at": 1795600000000}  # fmt: skip
CONTACT = {"uuid": "5d2e8f10-6b7a-4c3d-8e9f-0a1b2c3d4e5f", "display_name": "Rosa",
           "methods": [{"kind": "phone", "label": "cell", "value": "+1 555 0100"}],
           "organization": "", "role": "", "notes": "", "tags": [],
           "created_at": 1795600000000, "updated_at": 1795600000000}  # fmt: skip
LINK = json.dumps({"note": NOTE["uuid"], "contact": CONTACT["uuid"]}).encode() + b"\n"


def line(record: dict[str, Any], **changes: Any) -> bytes:
    return json.dumps({**record, **changes}, ensure_ascii=False).encode() + b"\n"


def archive(members: dict[str, bytes | Iterable[bytes]]) -> bytes:
    """A deflated ZIP whose manifest matches its members (counted in newlines)."""
    out = io.BytesIO()
    listed: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zipped:
        for name in MEMBERS:
            parts = members.get(name, b"")
            digest, size, lines = hashlib.sha256(), 0, 0
            with zipped.open(name, "w", force_zip64=True) as member:
                for part in [parts] if isinstance(parts, bytes) else parts:
                    member.write(part)
                    digest.update(part)
                    size += len(part)
                    lines += part.count(b"\n")
            listed[name] = {"sha256": digest.hexdigest(), "size": size}
            counts[name.removesuffix(".jsonl")] = lines
        manifest = {"format": "hushnote-bundle", "version": 1, "created_at": 1795600000000,
                    "scope": "vault", "counts": counts, "members": listed}  # fmt: skip
        zipped.writestr("manifest.json", json.dumps(manifest))
    return out.getvalue()


def history_archive(history: Iterable[bytes]) -> bytes:
    """A version 3 bundle's ZIP: ``NOTE`` and the given ``history.jsonl`` lines."""
    out = io.BytesIO()
    listed: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    members: dict[str, Iterable[bytes]] = {name: [] for name in MEMBERS}
    members |= {"notes.jsonl": [line(NOTE)], "attachments.jsonl": [], "history.jsonl": history}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zipped:
        for name, parts in members.items():
            digest, size, lines = hashlib.sha256(), 0, 0
            with zipped.open(name, "w", force_zip64=True) as member:
                for part in parts:
                    member.write(part)
                    digest.update(part)
                    size += len(part)
                    lines += part.count(b"\n")
            listed[name] = {"sha256": digest.hexdigest(), "size": size}
            counts[name.removesuffix(".jsonl")] = lines
        manifest = {"format": "hushnote-bundle", "version": 3, "created_at": 1795600000000,
                    "scope": "vault", "counts": counts, "members": listed}  # fmt: skip
        zipped.writestr("manifest.json", json.dumps(manifest))
    return out.getvalue()


def seal(path: Path, plain: bytes, recipient: x25519.Recipient | None = None) -> Path:
    path.write_bytes(pyrage.encrypt(plain, [recipient or IDENTITY.to_public()]))
    return path


def repeated(chunk: bytes, total: int) -> Iterator[bytes]:
    for _ in range(total // len(chunk)):
        yield chunk


def many_links() -> dict[str, Iterable[bytes]]:
    """Two million link lines: slow to check, small once compressed."""
    return {"links.jsonl": repeated(LINK * 10_000, 2_000_000 * len(LINK))}


def many_notes(count: int, body: str = "") -> dict[str, Iterable[bytes]]:
    """``count`` distinct notes, for a merge that takes a while."""
    notes = (
        line(NOTE, uuid=f"0b5c1e7a-3f0e-4c1d-9a6e-{n:012x}", title=f"Note {n}", body=body)
        for n in range(count)
    )
    return {"notes.jsonl": notes}
