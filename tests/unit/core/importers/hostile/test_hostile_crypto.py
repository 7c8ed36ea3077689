"""Encrypted Standard Notes backups: a damaged item must not read as a wrong passphrase."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from hushnote.core.importers import standardnotes
from hushnote.errors import AppImportError
from unit.core.importers.sn_builder import encrypted_backup, note


def _flip(encrypted: str) -> str:
    """One bit of the ciphertext of a 004 string flipped."""
    parts = encrypted.split(":")
    ciphertext = bytearray(base64.b64decode(parts[2]))
    ciphertext[0] ^= 1
    parts[2] = base64.b64encode(bytes(ciphertext)).decode()
    return ":".join(parts)


def test_an_items_key_without_content_in_an_encrypted_backup_is_refused(tmp_path: Path) -> None:
    """standardnotes._decrypt indexes raw["content"] for every SN|ItemsKey once the
    backup has an encrypted item: an items key with no content raises KeyError."""
    backup = json.loads(encrypted_backup([note("n1", "Hello", "text")], "right"))
    backup["items"].append({"uuid": "ik-2", "content_type": "SN|ItemsKey"})
    path = tmp_path / "backup.txt"
    path.write_text(json.dumps(backup))
    try:
        standardnotes.read([path], passphrase="right").close()
    except AppImportError:
        pass


def test_a_key_identifier_with_a_lone_surrogate_is_a_damaged_field(tmp_path: Path) -> None:
    # JSON can spell "\\ud800"; no UTF-8 encoding (and so no salt) exists for it.
    sealed = f"004:{'00' * 24}:AAAA:{base64.b64encode(b'{}').decode()}"
    backup = {
        "version": "004",
        "keyParams": {"version": "004", "identifier": "\ud800", "pw_nonce": "n"},
        "items": [{"uuid": "k", "content_type": "SN|ItemsKey", "content": sealed,
                   "enc_item_key": sealed}],
    }  # fmt: skip
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(backup))  # ASCII: the surrogate stays an escape
    with pytest.raises(AppImportError) as refused:
        with standardnotes.read([path], passphrase="x"):
            pass
    assert refused.value.context["reason"] == "bad-field"
    assert refused.value.context["item"] == "keyParams"
