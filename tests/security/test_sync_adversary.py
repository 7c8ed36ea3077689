"""What a member who turns, a seized laptop or the folder's host tried in review, and
what stops each (docs/sync-format.md, docs/threat-model.md)."""

from __future__ import annotations

import errno
import json
import os
import time
from pathlib import Path

import pytest

from hushnote.core import ContactMethod, KdfParams, MethodKind, NewContact, Vault
from hushnote.core.sync import shared_folder
from hushnote.core.sync.batch import ContactOp, NoteOp, PurgeOp
from hushnote.core.sync.change_file import file_name
from hushnote.core.sync.hlc import MAX_AHEAD_MS, Stamp
from hushnote.errors import DiskFullError
from support.sync_vaults import BOOK, Member, crafted, settle, shared_vaults

# Yrs accepts this body update, then panics ("attempt to divide by zero") when the
# document is encoded again (found by fuzzing pycrdt in review).
POISON = bytes.fromhex("010306010000000000000004626fff7901780177017900")


def _publish(vault: Vault, folder: Path, ops: list[object]) -> None:
    who = Member(vault)
    path = folder / who.space / who.device / file_name(who.next_seq)
    path.write_bytes(crafted(vault, ops))


def _now() -> int:
    return int(time.time() * 1000)


def test_an_update_that_panics_yrs_is_refused_and_every_space_goes_on(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), folder):
        a.spaces.create("Other", folder)
        note = a.notes.create(title="t", body="x", notebook=BOOK)
        settle([a, b])
        _publish(b, folder, [NoteOp(note.uuid, {}, POISON, 0)])
        reports = {r.notebook: r for r in a.spaces.sync()}
        assert [v.reason for v in reports[BOOK].refused] == ["malformed"]
        assert reports["Other"].problem is None
        assert a.notes.get(note.uuid).body == "x"


def test_a_file_planted_in_the_admins_folder_never_stops_its_removals(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as ((a, b, c), folder):
        admin = Member(a)
        planted = folder / admin.space / admin.device / "ffffffffffffffff"
        planted.write_bytes(os.urandom(1500))
        a.spaces.remove(BOOK, Member(c).member[:8])
        (report,) = [r for r in a.spaces.sync() if r.notebook == BOOK]
        assert report.problem is None
        assert not planted.exists() and planted.with_name(".hn-not-own-ffffffffffffffff").exists()
        b.spaces.sync()
        note = b.notes.create(title="after the removal", body="NEW-ADDRESS", notebook=BOOK)
        b.spaces.sync()
        c.spaces.sync()
        assert note.uuid not in {n.uuid for n in c.notes.summaries()}


def test_stamps_from_the_far_future_wait_and_poison_no_clock(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), folder):
        note = a.notes.create(title="t", body="x", notebook=BOOK)
        settle([a, b])
        device = Member(b).device
        far = Stamp(_now() + MAX_AHEAD_MS + 60_000, (1 << 31) - 1, device)
        _publish(b, folder, [NoteOp(note.uuid, {"title": (far, "from the future")})])
        (report,) = a.spaces.sync()
        assert [v.reason for v in report.waiting] == ["future"]
        a.notes.update(note.uuid, title="edited now")
        a.spaces.sync()
        clock = json.loads(a.db.row("SELECT clock FROM spaces")[0])
        assert clock[0] < _now() + 60_000  # the future stamp did not drag the clock
        assert a.notes.get(note.uuid).title == "edited now"


def test_a_forged_contact_op_neither_reads_nor_rewrites_a_private_contact(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), folder):
        private = a.contacts.create(
            NewContact("Informant", (ContactMethod(MethodKind.SIGNAL, "+1 555 0666"),), notes="x")
        )
        settle([a, b])
        stamp = Stamp(_now(), 0, Member(b).device)
        _publish(b, folder, [ContactOp(private.uuid, {"notes": (stamp, "REWRITTEN")})])
        (report,) = a.spaces.sync()
        assert report.refused == [] and report.published_changes == 0
        assert a.contacts.get(private.uuid).notes == "x"
        assert a.db.rows("SELECT uuid FROM space_contacts") == []


def test_only_the_admins_purge_deletes_everywhere(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as ((a, b, c), folder):
        notes = [a.notes.create(title=f"case {i}", body="x", notebook=BOOK) for i in range(3)]
        settle([a, b, c])
        stamp = Stamp(_now(), 0, Member(b).device)
        _publish(b, folder, [PurgeOp(n.uuid, stamp) for n in notes])
        for vault in (a, c):
            vault.spaces.sync()
            assert vault.notes.count(trashed=True) == 3  # in the trash, restorable
        a.notes.restore(notes[0].uuid)
        a.notes.trash(notes[1].uuid)
        a.notes.empty_trash()  # the admin's purge is final everywhere
        settle([a, b, c])
        assert c.notes.get(notes[0].uuid).trashed_at is None
        assert c.db.rows("SELECT 1 FROM notes WHERE uuid = ?", (notes[1].uuid,)) == []


def test_moving_a_note_out_and_back_keeps_what_others_wrote_meanwhile(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), _folder):
        note = a.notes.create(title="plan", body="line one\nline two\n", notebook=BOOK)
        settle([a, b])
        a.notes.move(note.uuid, "Private")
        settle([a, b])
        b.notes.restore(note.uuid)
        b.notes.update(note.uuid, body="line one\nline two\nB's paragraph\n")
        settle([a, b])
        assert a.notes.get(note.uuid).body == "line one\nline two\n"  # out: untouched
        a.notes.update(note.uuid, body="line one, edited while out\nline two\n")
        a.notes.move(note.uuid, BOOK)
        settle([a, b])
        expected = "line one, edited while out\nline two\nB's paragraph\n"
        assert a.notes.get(note.uuid).body == b.notes.get(note.uuid).body == expected


def test_a_refused_file_is_remembered_not_parsed_again(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), folder):
        note = a.notes.create(title="t", body="x", notebook=BOOK)
        settle([a, b])
        _publish(b, folder, [NoteOp(note.uuid, {}, POISON, 0)])
        a.spaces.sync()
        assert a.db.rows("SELECT reason FROM space_refused") == [("malformed",)]
        start = time.perf_counter()
        (report,) = a.spaces.sync()
        assert [v.reason for v in report.refused] == ["malformed"]
        assert time.perf_counter() - start < 5


def test_a_linked_or_replaced_folder_is_neither_read_nor_written(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), folder):
        settle([a, b])
        space = folder / Member(a).space
        elsewhere = tmp_path / "elsewhere"
        space.rename(elsewhere)
        space.symlink_to(elsewhere)
        a.notes.create(title="t", body="x", notebook=BOOK)
        (report,) = a.spaces.sync()
        assert report.problem == "folder-unsafe" and report.published_files == 0
        space.unlink()
        space.write_bytes(b"not a folder")
        (report,) = b.spaces.sync()
        assert report.problem == "folder-unsafe"


def test_a_full_disk_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shared_folder.os, "fsync", full)
    folder = tmp_path / "device"
    with pytest.raises(DiskFullError):
        shared_folder.write_change_file(folder, 1, b"x" * 5000)
    assert os.listdir(folder) == []


def test_someone_invited_later_cannot_read_a_removed_members_or_purged_text(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    """An invitation carries every key the space has had: before it goes out the admin
    compacts, so neither a removed member's files nor purged text are left to read."""
    from hushnote.core.sync.batch import decode_batch
    from hushnote.core.sync.change_file import epoch_of, open_file, parse_name

    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), folder):
        secret = b.notes.create(title="x", body="INFORMANT-MARIA-12-ELM", notebook=BOOK)
        settle([a, b])
        a.spaces.remove(BOOK, Member(b).member[:8])
        a.notes.trash(secret.uuid)
        a.notes.empty_trash()
        a.spaces.sync()
        c = Vault.create(tmp_path / "c", "passphrase c", kdf=fast_kdf_params)
        invitation = tmp_path / "c.invite"
        a.spaces.invite(BOOK, c.age_recipient(), invitation)
        c.spaces.join(invitation, folder)
        c.spaces.sync()
        who = Member(c)
        readable = b""
        for path in (folder / who.space).rglob("*"):
            seq = parse_name(path.name)
            if seq is None or not path.is_file():
                continue
            data = path.read_bytes()
            opened = open_file(data, space=who.space, device=path.parent.name, seq=seq,
                               key=who.keys[epoch_of(data)])  # fmt: skip
            readable += opened.payload + repr(decode_batch(opened.payload).ops).encode()
        assert b"INFORMANT" not in readable
        assert not any((folder / who.space / Member(b).device).glob("0*"))
        c.lock()
