"""Whatever lies in the shared folder, a pass does not crash, applies nothing it should
not, names the file it did not apply with the right reason, and resumes once the file is
gone or fixed (docs/sync-format.md#a-pass).

A folder replicated by Syncthing, a network share or a USB stick is written by anyone
with access to it; only files sealed under the space key and signed by a current member,
in that member's order, may reach the vault."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hushnote.core import KdfParams, SpaceReport, Vault
from hushnote.core.sync.batch import MemberOp, NoteOp, RekeyOp, RemoveOp
from hushnote.core.sync.change_file import file_name
from hushnote.core.sync.hlc import Stamp
from hushnote.core.sync.keys import new_id, new_signing_key, public_key
from support.sync_vaults import BOOK, Member, all_notes, crafted, settle, shared_vaults


@pytest.fixture
def trio(tmp_path: Path, fast_kdf_params: KdfParams) -> Iterator[tuple[list[Vault], Path]]:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, folder):
        vaults[0].notes.create(title="seed", body="seed body", notebook=BOOK)
        vaults[1].notes.create(title="from b", body="b body", notebook=BOOK)
        settle(vaults)
        yield vaults, folder


def _dir(folder: Path, who: Member) -> Path:
    return folder / who.space / who.device


def _next_path(folder: Path, vault: Vault) -> Path:
    who = Member(vault)
    return _dir(folder, who) / file_name(who.next_seq)


def _note_op(title: str) -> NoteOp:
    now = int(time.time() * 1000)
    return NoteOp(
        "0" * 8 + "-0000-4000-8000-" + "0" * 12, {"title": (Stamp(now, 0, "f" * 32), title)}
    )


def _pass(vault: Vault) -> tuple[SpaceReport, bool]:
    """One pass; the report, and whether the vault's notes stayed as they were."""
    before = all_notes(vault)
    report = next(r for r in vault.spaces.sync() if r.notebook == BOOK)
    return report, all_notes(vault) == before


def _verdicts(report: SpaceReport) -> set[tuple[str, str]]:
    return {("refused", v.reason) for v in report.refused} | {
        ("waiting", v.reason) for v in report.waiting
    }


def _expect(vault: Vault, kind: str, reason: str) -> None:
    report, unchanged = _pass(vault)
    assert (kind, reason) in _verdicts(report), _verdicts(report)
    assert unchanged, "a refused file changed the notes"
    assert report.problem is None
    # A second pass says the same, and still changes nothing.
    report, unchanged = _pass(vault)
    assert (kind, reason) in _verdicts(report) and unchanged


def _resumes(vaults: list[Vault], title: str = "after the fix") -> None:
    """b writes a good file; everyone applies it and nothing is refused any more."""
    _a, b, _c = vaults
    note = b.notes.create(title=title, body="fixed", notebook=BOOK)
    reports = settle(vaults)
    for vault, all_reports in zip(vaults, reports, strict=True):
        report = next(r for r in all_reports if r.notebook == BOOK)
        assert report.refused == [] and report.waiting == [], report
        assert vault.notes.get(note.uuid).title == title


def test_a_forged_file_is_refused(trio: tuple[list[Vault], Path]) -> None:
    (a, b, c), folder = trio
    path = _next_path(folder, b)
    path.write_bytes(crafted(b, [_note_op("forged")], signing_key=new_signing_key()))
    _expect(a, "refused", "forged")
    _expect(c, "refused", "forged")
    path.unlink()
    _resumes([a, b, c])


def _b_publishes(vaults: list[Vault], folder: Path) -> tuple[Path, bytes]:
    """b edits and publishes one file that nobody has applied yet."""
    b = vaults[1]
    path = _next_path(folder, b)
    b.notes.create(title="b's real change", body="real", notebook=BOOK)
    b.spaces.sync()
    return path, path.read_bytes()


@pytest.mark.parametrize("where", ["version", "epoch", "nonce", "middle", "tag"])
def test_a_flipped_bit_is_refused(trio: tuple[list[Vault], Path], where: str) -> None:
    vaults, folder = trio
    a = vaults[0]
    path, good = _b_publishes(vaults, folder)
    offset = {"version": 0, "epoch": 4, "nonce": 8, "middle": len(good) // 2, "tag": len(good) - 1}
    bad = bytearray(good)
    bad[offset[where]] ^= 0x01
    path.write_bytes(bytes(bad))
    kind, reason = {"version": ("refused", "version"), "epoch": ("waiting", "no-key")}.get(
        where, ("refused", "damaged")
    )
    _expect(a, kind, reason)
    path.write_bytes(good)
    _resumes(vaults)


def test_truncations_of_every_length_class_are_refused(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a = vaults[0]
    path, good = _b_publishes(vaults, folder)
    head = 17
    for length in [0, 1, 4, 5, 16, head, head + 15, head + 16, head + 84, 100, 1023,
                   len(good) // 2, len(good) - 17, len(good) - 16, len(good) - 1]:  # fmt: skip
        path.write_bytes(good[:length])
        report, unchanged = _pass(a)
        assert unchanged, length
        assert _verdicts(report) <= {("refused", "truncated"), ("refused", "damaged")}, length
        assert len(report.refused) == 1, (length, report)
    path.write_bytes(good + b"\0")  # one byte too many
    _expect(a, "refused", "damaged")
    path.write_bytes(good)
    _resumes(vaults)


def test_a_replay_under_a_new_number_is_refused(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    first = _dir(folder, Member(b)) / file_name(1)
    path = _next_path(folder, b)
    shutil.copyfile(first, path)
    _expect(a, "refused", "damaged")
    # The same content under two names: the second is a replay too.
    path.unlink()
    path, good = _b_publishes(vaults, folder)
    twin = path.parent / file_name(Member(b).next_seq)
    twin.write_bytes(good)
    report, _unchanged = _pass(a)
    assert report.applied_files == 1
    assert ("refused", "damaged") in _verdicts(report)
    twin.unlink()
    _resumes(vaults)


def test_a_file_moved_into_another_devices_folder_is_refused(
    trio: tuple[list[Vault], Path],
) -> None:
    vaults, folder = trio
    a, _b, c = vaults
    path, good = _b_publishes(vaults, folder)
    path.unlink()
    moved = _next_path(folder, c)
    moved.write_bytes(good)
    _expect(a, "refused", "damaged")
    moved.unlink()
    path.write_bytes(good)
    _resumes(vaults)


def test_reordered_arrival_waits_then_applies(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, _b, _ = vaults
    one, first = _b_publishes(vaults, folder)
    _two, _second = _b_publishes(vaults, folder)
    one.unlink()
    report, unchanged = _pass(a)
    assert unchanged and _verdicts(report) == {("waiting", "missing")}
    assert report.waiting[0].seq == int(one.name, 16)
    one.write_bytes(first)
    report, _ = _pass(a)
    assert report.applied_files == 2 and report.waiting == []
    _resumes(vaults)


def test_a_gap_applies_what_comes_before_it(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, _b, _ = vaults
    _b_publishes(vaults, folder)
    two, second = _b_publishes(vaults, folder)
    _b_publishes(vaults, folder)
    two.unlink()
    report, _ = _pass(a)
    assert report.applied_files == 1
    assert [(v.seq, v.reason) for v in report.waiting] == [(int(two.name, 16), "missing")]
    two.write_bytes(second)
    report, _ = _pass(a)
    assert report.applied_files == 2 and report.waiting == []
    _resumes(vaults)


def test_a_removed_members_later_file_is_refused(trio: tuple[list[Vault], Path]) -> None:
    vaults, _folder = trio
    a, b, c = vaults
    a.spaces.remove(BOOK, "v2")
    b.spaces.sync()  # b learns of the removal before c writes again
    note = next(iter(all_notes(c)))
    # c has not seen the removal yet (the engine has not carried a's file to it): its
    # engine still holds the old key and publishes.
    admin = Member(a)
    admin_folder = _folder / admin.space / admin.device
    admin_folder.rename(admin_folder.with_name("in-transit"))
    c.notes.update(note, title="written after removal")
    assert c.spaces.sync()[0].published_files == 1
    admin_folder.with_name("in-transit").rename(admin_folder)
    _expect(a, "refused", "removed")
    _expect(b, "refused", "removed")
    assert a.notes.get(note).title != "written after removal"
    report = c.spaces.sync()[0]
    assert report.published_files == 0 and report.problem == "removed"


@pytest.mark.parametrize(
    "name", [".hn-0123456789abcdef.tmp", ".syncthing.0000000000000009.tmp", "~syncthing~x.tmp",
             "0000000000000009.sync-conflict-20260101-000000-ABCDEFG", "000000000000000g", "0" * 16]
)  # fmt: skip
def test_half_written_and_stray_names_are_ignored(
    trio: tuple[list[Vault], Path], name: str
) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    stray = _dir(folder, Member(b)) / name
    stray.write_bytes(os.urandom(3000))
    report, unchanged = _pass(a)
    assert unchanged and report.refused == [] and report.waiting == []
    _resumes(vaults)
    # b's own pass sweeps temporaries of its own (.hn-*.tmp) that a crash left.
    assert stray.exists() == (not (name.startswith(".hn-") and name.endswith(".tmp")))
    stray.unlink(missing_ok=True)


def test_a_symlink_as_a_change_file_is_refused(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, _b, _ = vaults
    path, good = _b_publishes(vaults, folder)
    target = folder.parent / "elsewhere"
    target.write_bytes(good)
    path.unlink()
    path.symlink_to(target)
    _expect(a, "refused", "not-a-file")
    path.unlink()
    path.write_bytes(good)
    _resumes(vaults)


def test_a_symlink_as_a_device_folder_is_not_followed(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    outside = folder.parent / "outside"
    outside.mkdir()
    (outside / file_name(1)).write_bytes(os.urandom(2000))
    link = folder / Member(b).space / new_id()
    link.symlink_to(outside, target_is_directory=True)
    # Even one named as b's own folder, replacing it.
    real = _dir(folder, Member(b))
    moved = real.with_name("hidden")
    real.rename(moved)
    real.symlink_to(moved, target_is_directory=True)
    report, unchanged = _pass(a)
    assert unchanged and report.refused == [] and report.waiting == []
    real.unlink()
    moved.rename(real)
    link.unlink()
    _resumes(vaults)


def test_a_fifo_does_not_block_the_pass(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    path = _next_path(folder, b)
    os.mkfifo(path)

    def stuck(*_: object) -> None:
        raise AssertionError("the pass blocked on a FIFO")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(20)
    try:
        _expect(a, "refused", "not-a-file")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    path.unlink()
    _resumes(vaults)


def test_a_huge_file_is_refused_unread(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    path = _next_path(folder, b)
    with path.open("wb") as handle:
        handle.write(b"\x01\0\0\0\x01")
        handle.truncate(100 * 1024 * 1024)
    _expect(a, "refused", "too-large")
    path.unlink()
    _resumes(vaults)


def test_random_garbage_of_every_size_is_refused(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    path = _next_path(folder, b)
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    sizes = sorted({0, 1, 16, 17, 100, 101, 1023, 1024, 1025, 4096, 65536, 70000}
                   | {rng.randrange(70001) for _ in range(12)})  # fmt: skip
    allowed = {("refused", "truncated"), ("refused", "version"), ("refused", "damaged"),
               ("waiting", "no-key")}  # fmt: skip
    for size in sizes:
        data = bytearray(rng.randbytes(size))
        if size > 5 and rng.random() < 0.5:
            data[0:5] = b"\x01\0\0\0\x01"  # right version and epoch: AES-GCM must refuse it
        path.write_bytes(bytes(data))
        report, unchanged = _pass(a)
        assert unchanged, size
        verdicts = _verdicts(report)
        assert len(verdicts) == 1 and verdicts <= allowed, (size, verdicts)
    path.unlink()
    _resumes(vaults)


def test_a_valid_file_of_another_space_is_refused(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    other = folder.parent / "other"
    other.mkdir()
    b.spaces.create("Other", other)
    b.notes.create(title="in the other space", body="x", notebook="Other")
    b.spaces.sync()
    foreign = next(p for p in other.rglob("*") if p.is_file())
    path = _next_path(folder, b)
    shutil.copyfile(foreign, path)
    _expect(a, "refused", "damaged")
    path.unlink()
    _resumes(vaults)


@pytest.mark.parametrize("kind", ["member", "remove", "rekey"])
def test_a_non_admin_cannot_manage_members(trio: tuple[list[Vault], Path], kind: str) -> None:
    vaults, folder = trio
    a, b, c = vaults
    target = Member(c)
    op = {
        "member": MemberOp(
            new_id(), a.age_recipient(), new_id(), public_key(new_signing_key()), "x"
        ),
        "remove": RemoveOp(target.member, 0),
        "rekey": RekeyOp(max(target.keys) + 1, {}),
    }[kind]
    path = _next_path(folder, b)
    path.write_bytes(crafted(b, [_note_op("with a member op"), op]))
    before = [tuple(r) for r in a.db.rows("SELECT * FROM space_members ORDER BY member")]
    _expect(a, "refused", "not-admin")
    _expect(c, "refused", "not-admin")
    assert [tuple(r) for r in a.db.rows("SELECT * FROM space_members ORDER BY member")] == before
    path.unlink()
    _resumes(vaults)


def test_a_file_breaking_its_writers_chain_is_refused(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    path = _next_path(folder, b)
    path.write_bytes(crafted(b, [_note_op("fork")], prev=hashlib.sha256(b"other").digest()))
    _expect(a, "refused", "fork")
    path.unlink()
    _resumes(vaults)


def test_an_unknown_devices_folder_waits(trio: tuple[list[Vault], Path]) -> None:
    vaults, folder = trio
    a, b, _ = vaults
    stranger = folder / Member(b).space / new_id()
    stranger.mkdir()
    (stranger / file_name(1)).write_bytes(crafted(b, [_note_op("stranger")], seq=1, prev=b""))
    _expect(a, "waiting", "unknown-device")
    shutil.rmtree(stranger)
    _resumes(vaults)
