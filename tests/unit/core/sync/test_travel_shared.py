"""A shared notebook marked to stay home: it leaves this device without a word to the
other members, and when travel ends syncing resumes with nothing lost on either side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault, travel_key_words
from support.forensics import tree_digest
from support.sync_vaults import BOOK, all_notes, settle, shared_vaults

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py


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


def test_a_note_written_on_the_road_in_a_notebook_of_the_same_name_stays_private(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ([a, b], _folder):
        a.notes.create(title="Plan", body="shared", notebook=BOOK)
        settle([a, b])
        a.travel.mark_notebook(BOOK)
        words = travel_key_words()
        out = tmp_path / "trip.hnb"
        a.travel.start(out, passphrase=words)
        road = a.notes.create(title="Road private", body="only mine", notebook=BOOK)
        report = a.travel.end(out, passphrase=words)
        # The road note is in a notebook of its own, out of the shared one, and the
        # report says where, so that the owner can find it.
        assert a.notes.get(road.uuid).notebook == f"{BOOK} (on the road)"
        assert report.set_apart == [(BOOK, f"{BOOK} (on the road)")]
        settle([a, b])
        assert "Road private" not in [note.title for note in b.notes.summaries()]
        assert "Plan" in [note.title for note in a.notes.summaries(notebook=BOOK)]


def test_a_forged_travel_bundle_never_makes_a_private_notebook_shared(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    # Anyone with the owner's public key (what `hushnote identity` hands out) can seal a
    # bundle to it: a forger's own shared notebook, named like the owner's private one.
    victim = Vault.create(tmp_path / "victim", "vault words", kdf=fast_kdf_params)
    victim.notes.create(title="Private Daily", body="never shared", notebook=BOOK)
    (tmp_path / "forger").mkdir()
    with shared_vaults(tmp_path / "forger", fast_kdf_params, 2) as ([admin, puppet], _):
        settle([admin, puppet])
        admin.notes.create(title="bait", body="x", notebook=BOOK)
        settle([admin, puppet])
        puppet.travel.mark_notebook(BOOK)
        forged = tmp_path / "trip.hnb"
        puppet.travel.start(forged, recipient=victim.age_recipient())
        report = victim.travel.end(forged)
        assert report.not_shared == [BOOK]
        assert victim.spaces.all() == []
        assert victim.db.row("SELECT count(*) FROM space_keys")[0] == 0
        victim.spaces.sync()
        settle([admin])
        assert "Private Daily" not in [note.title for note in admin.notes.summaries()]
        # Its notes came back as ordinary, private notes.
        assert "bait" in [note.title for note in victim.notes.summaries(notebook=BOOK)]
    victim.lock()


def test_a_bundle_sealed_here_but_changed_brings_no_sharing_back(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    from hushnote.core.travel import state

    with shared_vaults(tmp_path, fast_kdf_params, 2) as ([a, _b], _folder):
        identity = str(a.age_identity())
        records = [{"kind": "notebook", "name": BOOK}]
        sealed = state.seal(b'{"kind": "notebook", "name": "%s"}\n' % BOOK.encode(), identity)
        read_back = [json.loads(line) for line in sealed.decode().splitlines()]
        assert state.sealed_by(read_back, identity)
        assert not state.sealed_by(read_back, str(type(a.age_identity()).generate()))
        tampered = [{"kind": "notebook", "name": "Other"}, read_back[-1]]
        assert not state.sealed_by(tampered, identity)
        assert not state.sealed_by(records, identity)  # no seal at all
