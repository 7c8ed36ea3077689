"""A shared notebook marked to stay home: it leaves this device without a word to the
other members, and when travel ends syncing resumes with nothing lost on either side."""

from __future__ import annotations

from pathlib import Path

from hushnote.core import KdfParams, travel_key_words
from support.forensics import tree_digest
from support.sync_vaults import BOOK, all_notes, settle, shared_vaults


def test_a_shared_notebook_travels_and_syncs_again_without_losing_edits(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ([a, b], folder):
        kept = a.notes.create(title="Plan", body="line one\n", notebook=BOOK)
        other = a.notes.create(title="Roster", body="names\n", notebook=BOOK)
        settle([a, b])
        assert b.notes.get(kept.uuid).body == "line one\n"
        a.travel.mark_notebook(BOOK)
        plan = a.travel.plan()
        assert plan.shared_notebooks == [BOOK]
        before = tree_digest(folder)
        words = travel_key_words()
        out = tmp_path / "trip.hnb"
        a.travel.start(out, passphrase=words)
        # Gone from A, and nothing was published: the folder is as it was, and B's pass
        # finds nothing new.
        assert a.spaces.all() == []
        assert a.db.row("SELECT count(*) FROM notes")[0] == 0
        assert a.db.row("SELECT count(*) FROM space_notes")[0] == 0
        a.spaces.sync()
        assert tree_digest(folder) == before
        settle([b])
        assert b.notes.get(kept.uuid).body == "line one\n"
        assert not b.notes.get(other.uuid).trashed
        # On the road, B edits one note and writes a new one.
        b.notes.update(kept.uuid, body="line one\nline two from B\n")
        fresh = b.notes.create(title="New from B", body="while away", notebook=BOOK)
        settle([b])
        # Home again: A's shared notebook comes back, syncs, and takes B's edits.
        a.travel.end(out, passphrase=words)
        assert [space.notebook for space in a.spaces.all()] == [BOOK]
        settle([a, b])
        for vault in (a, b):
            notes = all_notes(vault)
            assert notes[kept.uuid][1] == "line one\nline two from B\n"
            assert notes[fresh.uuid][0] == "New from B"
            assert notes[other.uuid][:2] == ("Roster", "names\n")
            assert not notes[other.uuid][6]
        assert all_notes(a) == all_notes(b)
        # And syncing goes on both ways.
        a.notes.update(other.uuid, body="names\nmore names\n")
        settle([a, b])
        assert b.notes.get(other.uuid).body == "names\nmore names\n"
        assert a.check() == [] and b.check() == []


def test_a_list_shared_in_a_notebook_that_travels_cannot_be_marked_away(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    import pytest

    from hushnote.core import NewContact
    from hushnote.errors import InvalidRecordError

    with shared_vaults(tmp_path, fast_kdf_params, 2) as ([a, b], _folder):
        medic = a.contacts.create(NewContact(display_name="Medic"))
        a.lists.create("Medics")
        a.lists.add("Medics", medic.uuid)
        a.spaces.share_list(BOOK, "Medics")
        settle([a, b])
        a.travel.mark_list("Medics")
        with pytest.raises(InvalidRecordError) as refused:
            a.travel.start(tmp_path / "t.hnb", passphrase=travel_key_words())
        assert refused.value.context["reason"] == "shared-elsewhere"
        assert not (tmp_path / "t.hnb").exists()
        # With the notebook marked too, both leave together, and nothing is published.
        a.travel.mark_notebook(BOOK)
        a.travel.start(tmp_path / "t.hnb", passphrase=travel_key_words())
        settle([b])
        assert [item.name for item in b.lists.all()] == ["Medics"]
