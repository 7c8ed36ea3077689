"""Travel leaves no trace of what stayed home: no stay-home word in any decrypted page or
WAL frame of the database, nor in any file under the vault folder; and the vault during
travel has the shape of one that never held it (schema, settings, header, files)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from hushnote.core import KdfParams, NewContact, Vault, travel_key_words
from support.forensics import canary_hits, encodings_of
from support.sqlcipher_pages import decrypted_pages, decrypted_wal_frames

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py

# Made for the purpose: letters no other text here uses, so a hit means a leak.
CANARIES = {
    "title": "QZJXTITLEWYV",
    "body": "QZJXBODYWYVK",
    "trashed": "QZJXTRASHWYV",
    "tag": "qzjxtagwyv",
    "notebook": "QZJXBOOKWYV",
    "list": "QZJXLISTWYV",
    "contact": "QZJXPERSONWYV",
    "attachment name": "QZJXFILEWYV",
    "attachment text": "QZJXINSIDEWYV",
    "chinese": "证人旅途词",
    "revision": "QZJXREVISIONWYV",
}


def _common(vault: Vault) -> None:
    """What both vaults hold: the part that stays on the laptop."""
    vault.notes.create(title="Groceries", body="milk and bread", notebook="Daily", tags=["home"])
    friend = vault.contacts.create(NewContact(display_name="Neighbour"))
    vault.lists.create("Street")
    vault.lists.add("Street", friend.uuid)


def _stay_home(vault: Vault) -> None:
    c = CANARIES
    book = c["notebook"]
    note = vault.notes.create(title=c["title"], body=f"{c['body']} {c['chinese']} " * 20,
                              notebook=book, tags=[c["tag"]])  # fmt: skip
    # A word that now lives only in the note's history.
    vault.notes.update(note.uuid, body=f"{c['body']} {c['revision']}", reason="revert")
    vault.notes.update(note.uuid, body=f"{c['body']} {c['chinese']} " * 20, reason="revert")
    binned = vault.notes.create(title="old", body=c["trashed"], notebook=book)
    vault.notes.trash(binned.uuid)
    vault.attachments.add(note.uuid, io.BytesIO(f"{c['attachment text']} \n".encode() * 50),
                          name=f"{c['attachment name']}.txt")  # fmt: skip
    person = vault.contacts.create(NewContact(display_name=c["contact"]))
    vault.lists.create(c["list"])
    vault.lists.add(c["list"], person.uuid)
    vault.links.link(note.uuid, person.uuid)
    vault.settings.set("last_note", note.uuid)
    vault.travel.mark_notebook(book)
    vault.travel.mark_list(c["list"])


def _found(vault: Vault) -> set[str]:
    key = bytes(vault.keyring().data_key)
    data = b"".join(decrypted_pages(vault.paths.database, key))
    data += b"".join(decrypted_wal_frames(vault.paths.database, key))
    words = [*CANARIES.values(), CANARIES["tag"].upper()]
    return {w for w in words if any(e in data for e in encodings_of(w))}


def test_no_stay_home_word_survives_in_pages_wal_or_files(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with Vault.create(tmp_path / "vault", "travel passphrase", kdf=fast_kdf_params) as vault:
        _common(vault)
        _stay_home(vault)
        # The examiner's method finds them while they are there (a revision's text is
        # compressed, so it is checked after, where it must be absent).
        assert _found(vault) >= {CANARIES["title"], CANARIES["contact"], CANARIES["notebook"]}
        stored = [bytes(row[0]) for row in vault.db.rows("SELECT content FROM note_revisions")]
        assert stored and all(len(blob) >= 16 for blob in stored)
        words = travel_key_words()
        out = tmp_path / "away" / "trip.hnb"
        out.parent.mkdir()
        vault.travel.start(out, passphrase=words)
        assert _found(vault) == set()
        key = bytes(vault.keyring().data_key)
        pages = b"".join(decrypted_pages(vault.paths.database, key))
        pages += b"".join(decrypted_wal_frames(vault.paths.database, key))
        assert not [blob for blob in stored if blob in pages]  # history's stored bytes
        assert canary_hits(CANARIES.values(), vault.paths.root) == []
        # On the road, then home: everything is back, with the road's edits.
        road = vault.notes.create(title="Road", body="on the way", notebook=CANARIES["notebook"])
        vault.travel.end(out, passphrase=words)
        titles = {n.title for n in vault.notes.summaries(notebook=CANARIES["notebook"])}
        assert titles == {CANARIES["title"], "Road"}
        assert vault.notes.get(road.uuid).body == "on the way"
        revisions = vault.db.row("SELECT count(*) FROM note_revisions")[0]
        assert revisions == 2  # the history came back too
        assert vault.check() == []


def _shape(vault: Vault) -> dict[str, object]:
    return {
        "schema": vault.db.rows("SELECT type, name, sql FROM sqlite_schema ORDER BY name"),
        "version": vault.schema_version(),
        "settings": sorted(vault.settings.items()),
        "files": sorted(p.name for p in vault.paths.root.rglob("*")),
        "header": vault.paths.header.stat().st_size,
        "counts": vault.counts(),
        "notebooks": vault.notes.notebooks(),
        "tags": vault.notes.tag_names(),
        "lists": [(item.name, item.size) for item in vault.lists.all()],
        "marks": vault.db.rows(
            "SELECT stays_home FROM notebooks UNION ALL SELECT stays_home FROM lists"
        ),
    }


def _index_sizes(vault: Vault) -> dict[str, tuple[int, int]]:
    """Each full-text index's stored rows (segments' leaves and the structure record)
    and segment index entries: how much indexed text it holds, and held."""
    return {
        index: (
            vault.db.row(f"SELECT count(*) FROM {index}_data")[0],  # noqa: S608
            vault.db.row(f"SELECT count(*) FROM {index}_idx")[0],  # noqa: S608
        )
        for index in ("notes_index", "contacts_index", "attachments_index")
    }


def test_the_search_indexes_after_travel_are_the_size_of_a_never_travelled_vaults(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with (
        Vault.create(tmp_path / "travelled", "travel passphrase", kdf=fast_kdf_params) as a,
        Vault.create(tmp_path / "never", "travel passphrase", kdf=fast_kdf_params) as b,
    ):
        _common(a)
        _stay_home(a)
        a.notes.create(title="more", body=" ".join(f"w{n}" for n in range(3000)),
                       notebook=CANARIES["notebook"])  # fmt: skip
        a.travel.start(tmp_path / "trip.hnb", passphrase=travel_key_words())
        _common(b)
        # Emptied segments would grow with the text that left; a vault that never held
        # a file with text has no attachments index segment at all. (Segment numbers
        # still show that the index was written to, as in any vault in use.)
        assert _index_sizes(a) == _index_sizes(b)
        assert a.searcher.search("milk")


def test_during_travel_the_vault_looks_like_one_that_never_held_it(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with (
        Vault.create(tmp_path / "travelled", "travel passphrase", kdf=fast_kdf_params) as a,
        Vault.create(tmp_path / "never", "travel passphrase", kdf=fast_kdf_params) as b,
    ):
        _common(a)
        _stay_home(a)
        a.travel.start(tmp_path / "trip.hnb", passphrase=travel_key_words())
        _common(b)
        # Start seals the bundle with the vault's own age identity, which any vault gets
        # the first time its owner shows it to a colleague or receives a bundle: the vault
        # that never travelled has one too (docs/travel.md, what it cannot hide).
        b.age_identity()
        shape_a, shape_b = _shape(a), _shape(b)
        assert shape_a == shape_b
    for vault in ("travelled", "never"):
        assert not list((tmp_path / vault / "attachments").glob("*"))
