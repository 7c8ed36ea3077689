"""Opening the items of an encrypted Standard Notes backup (protocol 004), in memory.

The root key is Argon2id of the passphrase with the spec's fixed parameters (5 passes,
64 MiB, one lane, 64 bytes) over a salt of SHA-256("identifier:pw_nonce") cut to 16
bytes; its first half, the master key, opens the ``SN|ItemsKey`` items, whose keys open
each item's own key (``enc_item_key``), which opens its ``content``. Each encrypted
string is ``004:nonce:ciphertext:authenticated_data[:additional_data]``: XChaCha20-
Poly1305 with a hex nonce, a base64 ciphertext and, as associated data, the base64 of the
key-sorted JSON of the authenticated data with the item's own uuid and version put in.

Work factors are never read from the file: key params that name one are refused, so a
backup cannot ask for gigabytes of memory or hours of hashing. Python's bytes cannot be
wiped, so keys live only in this object, dropped when the import has read the backup.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import threading
from collections.abc import Callable
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt
from nacl.exceptions import CryptoError

from hushnote.errors import AppImportError

__all__ = ["Keyring", "is_encrypted"]

APP = "standardnotes"
VERSION = "004"
# The spec's Argon2id parameters (V004Algorithm): fixed, never taken from the file.
_ITERATIONS = 5
_MEMORY_KIB = 64 * 1024
_PARALLELISM = 1
_OUTPUT_BYTES = 64
_SALT_HEX = 32
_NONCE_BYTES = 24
# An item's own key as sealed: 64 hex digits and a 16-byte tag. Any other length is a
# damaged file whatever the passphrase, never a sign of a wrong one.
_SEALED_KEY = 64 + 16
# Words that name a work factor in key params; 004 has none, so any is a forged file.
_WORK_WORDS = ("cost", "mem", "iteration", "ops", "parallel", "time")


def is_encrypted(content: object) -> bool:
    return isinstance(content, str) and content[:3].isdigit()


def _error(reason: str, item: str | None = None) -> AppImportError:
    context = {"source": APP, "reason": reason}
    if item:
        context["item"] = item[:200]
    return AppImportError(**context)


class Keyring:
    """The root key and items keys of one backup, and the decryption of its items."""

    def __init__(self, passphrase: str, key_params: object, tick: Callable[[], None]) -> None:
        self._passphrase = passphrase
        self._params = key_params
        self._tick = tick
        self._root: bytes | None = None
        self._items_keys: dict[str, bytes] = {}
        self._unopened: dict[str, None] = {}  # items keys that did not authenticate

    def close(self) -> None:
        self._root = None
        self._items_keys.clear()

    def _root_key(self, fallback_params: object) -> bytes:
        if self._root is None:
            params = self._params if self._params is not None else fallback_params
            self._root = _derive(self._passphrase, params, self._tick)
        return self._root

    def open_items_key(self, item: dict[str, Any]) -> None:
        """Open an ``SN|ItemsKey`` with the root key. One whose key does not authenticate
        is set aside: ``check_items_keys`` tells a wrong passphrase (none opens) from a
        damaged key (another opens), and an item that needs it is damaged."""
        uuid = str(item["uuid"])
        fallback = _authenticated(item.get("enc_item_key"), uuid).get("kp")
        content = self._open_item(item, self._root_key(fallback))
        if content is None:
            self._unopened.setdefault(uuid, None)
            return
        raw = content.get("itemsKey")
        try:
            key = bytes.fromhex(raw) if isinstance(raw, str) else b""
        except ValueError:
            key = b""
        if len(key) != 32:
            raise _error("damaged", uuid)
        self._items_keys[uuid] = key

    def check_items_keys(self) -> None:
        """Once every items key was tried: none opening means the passphrase is wrong
        (a backup's items keys are all sealed with the one root key)."""
        if self._unopened and not self._items_keys:
            raise _error("wrong-passphrase")

    def open(self, item: dict[str, Any]) -> dict[str, Any]:
        """The decrypted content of an item encrypted with one of the items keys."""
        key_id = str(item.get("items_key_id"))
        key = self._items_keys.get(key_id)
        if key is None:
            if key_id in self._unopened:
                raise _error("damaged", key_id)  # the passphrase opened another key
            raise _error("missing-key", str(item["uuid"]))
        opened = self._open_item(item, key)
        if opened is None:
            raise _error("damaged", str(item["uuid"]))
        return opened

    def _open_item(self, item: dict[str, Any], key: bytes) -> dict[str, Any] | None:
        """The item's content; None when its own key does not authenticate under ``key``
        (for an items key: a wrong passphrase, or a flipped bit; told apart later)."""
        uuid = str(item["uuid"])
        content = item.get("content")
        if isinstance(content, str) and content.startswith("000"):
            return _as_object(_b64(content[3:], uuid), uuid)  # legacy: base64, not encrypted
        item_key_hex = _open_string(item.get("enc_item_key"), key, item, uuid, size=_SEALED_KEY)
        if item_key_hex is None:
            return None
        try:
            item_key = bytes.fromhex(item_key_hex.decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            raise _error("damaged", uuid) from None
        if len(item_key) != 32:
            raise _error("damaged", uuid)
        plain = _open_string(content, item_key, item, uuid)
        if plain is None:
            raise _error("damaged", uuid)
        return _as_object(plain, uuid)


def _derive(passphrase: str, params: object, tick: Callable[[], None]) -> bytes:
    if not isinstance(params, dict):
        raise _error("bad-field", "keyParams")
    if params.get("version") != VERSION:
        raise _error("unsupported-version", "keyParams")
    for name in params:
        if any(word in str(name).lower() for word in _WORK_WORDS):
            raise _error("unsupported-version", "keyParams")
    identifier, nonce = params.get("identifier"), params.get("pw_nonce")
    if not isinstance(identifier, str) or not isinstance(nonce, str) or len(nonce) > 1024:
        raise _error("bad-field", "keyParams")
    try:
        seed = f"{identifier}:{nonce}".encode()
    except UnicodeEncodeError:  # a lone surrogate: JSON can say it, no app writes it
        raise _error("bad-field", "keyParams") from None
    salt = bytes.fromhex(hashlib.sha256(seed).hexdigest()[:_SALT_HEX])
    try:
        secret = passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise _error("wrong-passphrase") from None
    result: list[bytes] = []

    def work() -> None:
        result.append(
            hash_secret_raw(
                secret, salt, _ITERATIONS, _MEMORY_KIB, _PARALLELISM, _OUTPUT_BYTES, Type.ID
            )
        )

    # Argon2 releases the GIL: the import keeps reporting progress (and honours Cancel)
    # while it runs; a cancelled derivation ends by itself within a second.
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.04)
        tick()
    if not result:
        raise _error("unreadable", "keyParams")
    return result[0][:32]


def _b64(text: str, uuid: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _error("damaged", uuid) from None


def _as_object(plain: bytes, uuid: str) -> dict[str, Any]:
    try:
        value = json.loads(plain.decode("utf-8"))
    except RecursionError:
        raise _error("too-deep", uuid) from None
    except ValueError:
        raise _error("damaged", uuid) from None
    if not isinstance(value, dict):
        raise _error("bad-field", uuid)
    return value


def _authenticated(encrypted: object, uuid: str) -> dict[str, Any]:
    if not isinstance(encrypted, str):
        raise _error("bad-field", uuid)
    parts = encrypted.split(":")
    if len(parts) not in (4, 5):
        raise _error("damaged", uuid)
    return _as_object(_b64(parts[3], uuid), uuid)


def _open_string(
    encrypted: object, key: bytes, item: dict[str, Any], uuid: str, size: int | None = None
) -> bytes | None:
    """The plaintext of one 004 string, or None when it does not authenticate; a
    ciphertext not ``size`` bytes long is damaged."""
    if not isinstance(encrypted, str):
        raise _error("bad-field", uuid)
    parts = encrypted.split(":")
    if len(parts) not in (4, 5):
        raise _error("damaged", uuid)
    if parts[0] != VERSION:
        raise _error("unsupported-version", uuid)
    try:
        nonce = bytes.fromhex(parts[1])
    except ValueError:
        raise _error("damaged", uuid) from None
    if len(nonce) != _NONCE_BYTES:
        raise _error("damaged", uuid)
    ciphertext = _b64(parts[2], uuid)
    if size is not None and len(ciphertext) != size:
        raise _error("damaged", uuid)
    data = _authenticated(encrypted, uuid)
    # The app authenticates its own view of the item: its uuid (upper case when the
    # stored data had it so), the string's version, and its vault fields when set.
    raw_uuid = data.get("u")
    upper = isinstance(raw_uuid, str) and any(c.isupper() for c in raw_uuid)
    data["u"] = uuid.upper() if upper else uuid
    data["v"] = parts[0]
    for field, name in (("ksi", "key_system_identifier"), ("svu", "shared_vault_uuid")):
        if isinstance(item.get(name), str):
            data[field] = item[name]
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    aad = base64.b64encode(text.encode("utf-8", "surrogatepass"))
    try:
        return crypto_aead_xchacha20poly1305_ietf_decrypt(ciphertext, aad, nonce, key)
    except (CryptoError, TypeError, ValueError):
        return None
