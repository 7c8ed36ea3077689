"""Distinctive strings written through the core must never appear in plaintext on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from support.forensics import canary_hits

CANARIES = [
    "CANARY-7f3a-medic-Rosa-Delgado",
    "canary 律师 何静 13800138000",
    "CanaryTag-legal-observer-42",
]


def test_the_grep_finds_a_canary_when_one_is_there(tmp_path: Path) -> None:
    """The detector itself must be able to fail the real test below."""
    (tmp_path / "a.txt").write_text(CANARIES[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(CANARIES[1], encoding="utf-16")
    hits = canary_hits(CANARIES, tmp_path)
    assert {word for _, word in hits} == {CANARIES[0], CANARIES[1]}


def test_no_canary_reaches_disk_outside_the_cipher(
    tmp_path: Path, isolated_home: Path, fast_kdf_params: KdfParams
) -> None:
    root = tmp_path / "vault"
    with Vault.create(root, "pass one", kdf=fast_kdf_params) as vault:
        for n, word in enumerate(CANARIES * 50):
            vault.settings.set(f"{word}-{n}", word * 3)
        # Sorting and grouping is where SQLite would spill temp files.
        vault.db.rows("SELECT key, value FROM settings ORDER BY value DESC, key")
        vault.db.rows("SELECT value, count(*) FROM settings GROUP BY value")
        vault.settings.delete(f"{CANARIES[0]}-0")
        vault.change_passphrase("pass two")
        vault.rotate_key()
    with Vault.unlock(root, "pass two") as vault:
        assert vault.settings.get(f"{CANARIES[1]}-1") == CANARIES[1] * 3
    tmpdir = Path(os.environ["TMPDIR"])
    assert canary_hits(CANARIES, root, tmpdir, isolated_home) == []


def test_no_canary_in_the_open_files_while_unlocked(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    """The WAL holds pages too: they must be encrypted while the vault is open."""
    root = tmp_path / "vault"
    with Vault.create(root, "pass", kdf=fast_kdf_params) as vault:
        vault.settings.set("note", CANARIES[0] * 10)
        assert (root / "vault.db-wal").stat().st_size > 0
        assert canary_hits(CANARIES, root) == []


@pytest.mark.parametrize("word", ["hushnote-pass-CANARY", "口令-CANARY"])
def test_the_passphrase_is_not_stored_anywhere(
    tmp_path: Path, isolated_home: Path, fast_kdf_params: KdfParams, word: str
) -> None:
    root = tmp_path / "vault"
    Vault.create(root, word, kdf=fast_kdf_params).lock()
    Vault.unlock(root, word).lock()
    assert canary_hits([word], root, isolated_home, Path(os.environ["TMPDIR"])) == []
