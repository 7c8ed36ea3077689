"""Purged text leaves the database: not in search, not in any raw page, not in the WAL."""

from __future__ import annotations

import pytest

from conftest import VaultSetup
from hushnote.core import NewContact, Vault, VaultPaths
from support.forensics import encodings_of
from support.sqlcipher_pages import decrypted_pages

SECRET = "Zyxwquartzcanary"
KEEP = "Keepsakeneighbour"


def _dek(vault: Vault) -> bytes:
    assert vault._content is not None
    return vault._content.dek


def _pages_contain(vault: Vault, word: str) -> bool:
    pages = decrypted_pages(VaultPaths(vault.paths.root).database, _dek(vault))
    return any(encoded in page for page in pages for encoded in encodings_of(word))


@pytest.mark.parametrize("how", ["purge", "empty-trash", "edit"])
def test_a_deleted_word_is_gone_from_search_and_from_every_page(
    fast_kdf_vault: VaultSetup, how: str
) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        filler = " ".join(f"word{n}" for n in range(300))
        for n in range(30):
            vault.notes.create(title=f"note {n}", body=f"{filler} {KEEP}{n}")
        doomed = vault.notes.create(title="case", body=f"{filler} {SECRET} {filler}", tags=[SECRET])
        vault.db.checkpoint()
        # The detector must see the word while it is there, or this test proves nothing.
        assert _pages_contain(vault, SECRET)
        assert vault.searcher.search(SECRET)
        if how == "purge":
            vault.notes.purge(doomed.uuid)
        elif how == "empty-trash":
            vault.notes.trash(doomed.uuid)
            vault.notes.empty_trash()
        else:
            vault.notes.update(doomed.uuid, body="nothing to see", tags=[])
            vault.db.checkpoint()
        assert vault.searcher.search(SECRET) == []
        assert not _pages_contain(vault, SECRET)
        assert _pages_contain(vault, f"{KEEP}7")  # the rest is still readable


def test_a_deleted_contact_leaves_no_trace(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        contact = vault.contacts.create(NewContact(f"Ana {SECRET}", notes=SECRET))
        vault.db.checkpoint()
        assert _pages_contain(vault, SECRET)
        vault.contacts.delete(contact.uuid)
        assert vault.searcher.search(SECRET) == []
        assert not _pages_contain(vault, SECRET)
