"""Standard Notes backups for tests, encrypted as the 004 specification describes.

Written from the specification (packages/snjs/specification.md in standardnotes/snjs),
not from the reader: a note's key is encrypted with an items key, which is encrypted with
the first half of Argon2id(password, sha256("identifier:pw_nonce")[:32 hex]).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_encrypt


def note(uuid: str, title: str, text: str = "", **content: Any) -> dict[str, Any]:
    return {
        "uuid": uuid,
        "content_type": "Note",
        "created_at": "2023-05-01T10:00:00.000Z",
        "updated_at": "2023-05-02T11:00:00.000Z",
        "content": {"title": title, "text": text, "references": [], **content},
    }


def tag(uuid: str, title: str, notes: list[str], parent: str | None = None) -> dict[str, Any]:
    refs: list[dict[str, Any]] = [{"uuid": n, "content_type": "Note"} for n in notes]
    if parent:
        refs.append({"uuid": parent, "content_type": "Tag", "reference_type": "TagToParentTag"})
    return {"uuid": uuid, "content_type": "Tag", "content": {"title": title, "references": refs}}


def backup(items: list[dict[str, Any]]) -> bytes:
    return json.dumps({"version": "004", "items": items}, ensure_ascii=False).encode()


def root_key(password: str, identifier: str, pw_nonce: str) -> bytes:
    salt_hex = hashlib.sha256(f"{identifier}:{pw_nonce}".encode()).hexdigest()[:32]
    derived = hash_secret_raw(password.encode(), bytes.fromhex(salt_hex), 5, 65536, 1, 64, Type.ID)
    return derived[:32]


def _encrypt(plaintext: str, key: bytes, authenticated: dict[str, Any]) -> str:
    nonce = secrets.token_bytes(24)
    encoded = base64.b64encode(
        json.dumps(authenticated, sort_keys=True, separators=(",", ":")).encode()
    )
    ciphertext = crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext.encode(), encoded, nonce, key)
    return ":".join(["004", nonce.hex(), base64.b64encode(ciphertext).decode(), encoded.decode()])


def encrypt_item(item: dict[str, Any], key: bytes, extra: dict[str, Any]) -> dict[str, Any]:
    item_key = secrets.token_hex(32)
    authenticated = {"u": item["uuid"], "v": "004", **extra}
    out = {k: v for k, v in item.items() if k != "content"}
    out["content"] = _encrypt(json.dumps(item["content"]), bytes.fromhex(item_key), authenticated)
    out["enc_item_key"] = _encrypt(item_key, key, authenticated)
    return out


def encrypted_backup(
    items: list[dict[str, Any]], password: str, key_params: dict[str, Any] | None = None
) -> bytes:
    params = key_params or {
        "identifier": "ana@example.org",
        "pw_nonce": secrets.token_hex(32),
        "version": "004",
        "origination": "registration",
        "created": "1690000000000",
    }
    master = root_key(password, params["identifier"], params["pw_nonce"])
    items_key_hex = secrets.token_hex(32)
    key_item = {
        "uuid": "ik-1",
        "content_type": "SN|ItemsKey",
        "content": {"itemsKey": items_key_hex, "version": "004", "isDefault": True},
    }
    out = [encrypt_item(key_item, master, {"kp": params})]
    for item in items:
        encrypted = encrypt_item(item, bytes.fromhex(items_key_hex), {})
        encrypted["items_key_id"] = "ik-1"
        out.append(encrypted)
    return json.dumps({"version": "004", "keyParams": params, "items": out}).encode()
