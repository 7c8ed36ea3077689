"""Encrypted Standard Notes backups: a damaged item must not read as a wrong passphrase."""

from __future__ import annotations

import base64
import json
from pathlib import Path

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
