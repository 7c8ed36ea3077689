"""A database put back from an older copy, whole or page by page, does not pass as current.

SQLCipher's page HMAC binds a page to its position, not its version, so before this the
review found: a ``vault.db`` truncated to 0 bytes opened as an empty vault with ``check``
saying "ok"; an older copy under the current header opened silently (23 notes became
20); and one page from an older copy made a note show its old body while ``check`` said
"ok". See docs/vault-format.md#vault-state for what is recorded where.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault, VaultPaths
from hushnote.errors import (
    AuthenticationError,
    VaultCorruptedError,
    VaultMismatchError,
    VaultRollbackError,
)
from support.sqlcipher_pages import decrypt_page

PASSPHRASE = "rollback test words"
PAGE = 4096


def make_vault(root: Path, params: KdfParams, notes: int) -> list[str]:
    with Vault.create(root, PASSPHRASE, kdf=params) as vault:
        return [
            vault.notes.create(title=f"note {n}", body=f"first version of note {n} " * 30).uuid
            for n in range(notes)
        ]


def snapshot(root: Path, into: Path) -> Path:
    """A copy of the locked vault's database, as a backup or an examiner would take."""
    into.mkdir(parents=True, exist_ok=True)
    copy = into / "vault.db"
    shutil.copy2(VaultPaths(root).database, copy)
    return copy


def cli(root: Path, *args: str, passphrase_file: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "hushnote", "--vault", str(root), *args,
         "--passphrase-file", str(passphrase_file)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "pw"
    path.write_text(PASSPHRASE + "\n")
    return path


def test_an_empty_database_is_refused_and_left_empty(
    tmp_path: Path, fast_kdf_params: KdfParams, passphrase_file: Path
) -> None:
    root = tmp_path / "vault"
    make_vault(root, fast_kdf_params, 3)
    VaultPaths(root).database.write_bytes(b"")
    with pytest.raises(VaultMismatchError):
        Vault.unlock(root, PASSPHRASE)
    assert VaultPaths(root).database.stat().st_size == 0  # nothing was created in it
    result = cli(root, "check", passphrase_file=passphrase_file)
    assert result.returncode == VaultMismatchError.exit_code
    assert "do not belong together" in result.stderr and "ok" not in result.stdout


def test_a_missing_database_is_refused(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    root = tmp_path / "vault"
    make_vault(root, fast_kdf_params, 1)
    VaultPaths(root).database.unlink()
    with pytest.raises(VaultCorruptedError):
        Vault.unlock(root, PASSPHRASE)
    assert not VaultPaths(root).database.exists()


def test_another_vaults_database_or_header_do_not_belong(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    make_vault(ours, fast_kdf_params, 2)
    make_vault(theirs, fast_kdf_params, 5)  # same passphrase, as a user might reuse one
    saved = VaultPaths(ours).database.read_bytes()
    shutil.copy(VaultPaths(theirs).database, VaultPaths(ours).database)
    with pytest.raises(VaultMismatchError) as raised:
        Vault.unlock(ours, PASSPHRASE)
    assert raised.value.context["reason"] == "foreign"
    VaultPaths(ours).database.write_bytes(saved)
    shutil.copy(VaultPaths(theirs).header, VaultPaths(ours).header)
    with pytest.raises(VaultMismatchError):
        Vault.unlock(ours, PASSPHRASE)


def test_a_whole_database_put_back_is_refused_until_its_owner_accepts_it(
    tmp_path: Path, fast_kdf_params: KdfParams, passphrase_file: Path
) -> None:
    root = tmp_path / "vault"
    make_vault(root, fast_kdf_params, 20)
    older = snapshot(root, tmp_path / "backup")
    with Vault.unlock(root, PASSPHRASE) as vault:
        for n in range(3):
            vault.notes.create(title=f"later {n}", body="written after the copy")
        assert vault.notes.count() == 23
    shutil.copy2(older, VaultPaths(root).database)
    with pytest.raises(VaultRollbackError):
        Vault.unlock(root, PASSPHRASE)
    assert cli(root, "note", "list", passphrase_file=passphrase_file).returncode == (
        VaultRollbackError.exit_code
    )
    # The owner restored it on purpose: accepted once, then it is the vault's state.
    result = cli(root, "check", "--accept-rollback", "--yes", passphrase_file=passphrase_file)
    assert result.returncode == 0, result.stderr
    with Vault.unlock(root, PASSPHRASE) as vault:
        assert vault.notes.count() == 20
        assert vault.check() == []


def test_a_wrong_passphrase_on_a_rolled_back_vault_is_just_wrong(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    root = tmp_path / "vault"
    make_vault(root, fast_kdf_params, 2)
    older = snapshot(root, tmp_path / "backup")
    Vault.unlock(root, PASSPHRASE).lock()
    shutil.copy2(older, VaultPaths(root).database)
    with pytest.raises(AuthenticationError):
        Vault.unlock(root, "not the passphrase")  # says nothing about the database


def _pages(data: bytes) -> list[bytes]:
    return [data[i : i + PAGE] for i in range(0, len(data), PAGE)]


def test_every_single_page_put_back_is_found_by_check_or_at_unlock(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    root = tmp_path / "vault"
    uuids = make_vault(root, fast_kdf_params, 40)
    old = VaultPaths(root).database.read_bytes()
    with Vault.unlock(root, PASSPHRASE) as vault:
        for uuid in uuids[::3]:
            vault.notes.update(uuid, body="second version, other words " * 30)
        vault.notes.create(title="added later", body="a new note")
        dek = bytes(vault.keyring().data_key)
    new = VaultPaths(root).database.read_bytes()
    new_header = VaultPaths(root).header.read_bytes()
    old_pages, new_pages = _pages(old), _pages(new)
    # Pages whose *content* differs (the ciphertext of every rewritten page does).
    differing = [
        i for i in range(1, min(len(old_pages), len(new_pages)))
        if decrypt_page(old_pages[i], dek, i) != decrypt_page(new_pages[i], dek, i)
    ]  # fmt: skip
    assert len(differing) >= 10  # the test must have pages to put back
    put_back(root, new, new_header)
    current = what_a_user_sees(root)
    unnoticed = []
    for index in differing:
        hybrid = list(new_pages)
        hybrid[index] = old_pages[index]
        put_back(root, b"".join(hybrid), new_header)
        try:
            with Vault.unlock(root, PASSPHRASE) as vault:
                found = vault.check()
        except VaultRollbackError:
            continue  # the page held the write counter: caught at unlock
        if found:
            continue
        # Not reported: then it must change nothing anyone can see (a page that
        # differs only in how SQLite or FTS5 laid out the same entries).
        put_back(root, b"".join(hybrid), new_header)
        if what_a_user_sees(root) != current:
            unnoticed.append(index)
    assert unnoticed == [], f"older pages that change what is read, unreported: {unnoticed}"


def what_a_user_sees(root: Path) -> tuple[object, ...]:
    """Every note as read, and the hits and ranks of every word in the search index."""
    with Vault.unlock(root, PASSPHRASE) as vault:
        notes = sorted(
            (note.uuid, note.title, note.body, note.updated_at)
            for note in (vault.notes.get(s.uuid) for s in vault.notes.summaries(limit=1000))
        )
        connection = vault.db.connection
        connection.execute("CREATE VIRTUAL TABLE temp.seen USING fts5vocab(main, notes_index, row)")
        terms = [row[0] for row in connection.execute("SELECT term FROM temp.seen")]
        connection.execute("DROP TABLE temp.seen")
        hits = [
            connection.execute(
                "SELECT rowid, bm25(notes_index) FROM notes_index WHERE notes_index MATCH ? "
                "ORDER BY rowid",
                ('"' + term + '"',),
            ).fetchall()
            for term in terms
        ]
    return tuple(notes), tuple(terms), tuple(map(tuple, hits))


def put_back(root: Path, database: bytes, header: bytes) -> None:
    """Install a database and header pair (every unlock writes both, so tests reset)."""
    paths = VaultPaths(root)
    paths.database.write_bytes(database)
    paths.header.write_bytes(header)


def test_reading_a_note_whose_body_page_was_put_back_fails_loudly(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    root = tmp_path / "vault"
    (uuid,) = make_vault(root, fast_kdf_params, 1)
    with Vault.unlock(root, PASSPHRASE) as vault:
        vault.notes.update(uuid, body="x" * 6000)  # a body of its own, on overflow pages
    old = VaultPaths(root).database.read_bytes()
    with Vault.unlock(root, PASSPHRASE) as vault:
        vault.notes.update(uuid, body="y" * 6000)
    new = VaultPaths(root).database.read_bytes()
    new_header = VaultPaths(root).header.read_bytes()
    body_pages = [
        i for i, (a, b) in enumerate(zip(_pages(old), _pages(new), strict=False))
        if i and a != b and b"y" * 100 not in a  # pages that changed, not the counter's
    ]  # fmt: skip
    found = 0
    for index in body_pages:
        hybrid = _pages(new)
        hybrid[index] = _pages(old)[index]
        put_back(root, b"".join(hybrid), new_header)
        try:
            with Vault.unlock(root, PASSPHRASE) as vault:
                try:
                    note = vault.notes.get(uuid)
                except VaultRollbackError:
                    found += 1
                else:
                    assert note.body == "y" * 6000  # an index or MAC page: content current
        except VaultRollbackError:
            found += 1
    assert found >= 1


class MemoryAnchor:
    """A witness outside the folder (another device, a TPM counter), kept in memory."""

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}

    def seen(self, vault: str) -> int | None:
        return self.counters.get(vault)

    def record(self, vault: str, counter: int) -> None:
        self.counters[vault] = max(counter, self.counters.get(vault, 0))


def test_header_and_database_put_back_together_need_a_witness_outside(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    root = tmp_path / "vault"
    make_vault(root, fast_kdf_params, 5)
    anchor = MemoryAnchor()
    Vault.unlock(root, PASSPHRASE, anchor=anchor).lock()
    backup = tmp_path / "whole-folder-copy"
    shutil.copytree(root, backup)
    with Vault.unlock(root, PASSPHRASE, anchor=anchor) as vault:
        vault.notes.create(title="written after the copy")
    shutil.rmtree(root)
    shutil.copytree(backup, root)
    # The folder alone cannot know: header and database agree with each other. This is
    # the documented limit (docs/vault-format.md#vault-state)...
    Vault.unlock(root, PASSPHRASE).lock()
    shutil.rmtree(root)
    shutil.copytree(backup, root)
    # ...which a witness outside the folder closes.
    with pytest.raises(VaultRollbackError) as raised:
        Vault.unlock(root, PASSPHRASE, anchor=anchor)
    assert raised.value.context["what"] == "vault"
