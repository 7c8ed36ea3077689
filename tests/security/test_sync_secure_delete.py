"""Words taken out of a shared note leave the vault on every device: in no decrypted page
or WAL frame of the database, whether the edit was made here or merged from elsewhere,
and after a purge the note's text is gone from the merge state too."""

from __future__ import annotations

from pathlib import Path

from hushnote.core import KdfParams, Vault
from support.forensics import encodings_of
from support.sqlcipher_pages import decrypted_pages


def found(vault: Vault, words: list[str]) -> set[str]:
    pages = b"".join(decrypted_pages(vault.paths.database, bytes(vault.keyring().data_key)))
    return {word for word in words if any(e in pages for e in encodings_of(word))}


def test_a_word_edited_out_or_purged_is_in_no_page_on_either_side(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    a = Vault.create(tmp_path / "a", "passphrase a", kdf=fast_kdf_params)
    b = Vault.create(tmp_path / "b", "passphrase b", kdf=fast_kdf_params)
    a.spaces.create("Cases", shared)
    body = "Witness KEPTWORDALPHA saw EDITEDOUTBRAVO near 证人删除词 at noon.\n"
    note = a.notes.create(title="Statement", body=body * 3, notebook="Cases")
    doomed = a.notes.create(title="PURGEDTITLECHARLIE", body="PURGEDBODYDELTA", notebook="Cases")
    a.spaces.invite("Cases", b.age_recipient(), tmp_path / "invite")
    b.spaces.join(tmp_path / "invite", shared)
    b.spaces.sync()
    a.spaces.sync()
    gone = ["EDITEDOUTBRAVO", "证人删除词"]
    purged = ["PURGEDTITLECHARLIE", "PURGEDBODYDELTA"]
    assert found(b, gone + purged + ["KEPTWORDALPHA"]) == set(gone + purged + ["KEPTWORDALPHA"])

    a.notes.update(
        note.uuid, body=body.replace("EDITEDOUTBRAVO ", "").replace("证人删除词 ", "") * 3
    )
    a.notes.trash(doomed.uuid)
    a.notes.empty_trash()
    a.spaces.sync()
    b.spaces.sync()
    assert "EDITEDOUTBRAVO" not in b.notes.get(note.uuid).body
    for vault in (a, b):
        assert found(vault, ["KEPTWORDALPHA"]) == {"KEPTWORDALPHA"}  # the search works
        assert found(vault, gone + purged) == set()
    a.lock()
    b.lock()
