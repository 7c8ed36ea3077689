"""Vaults sharing a notebook converge after concurrent offline edits, whatever the
order of their passes (docs/sync-format.md): bodies merge as text, fields by the
hybrid clock, a trash wins with the edit kept, a purge is final, and a removed member
gets nothing written after its removal."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from hushnote.core import KdfParams
from hushnote.core.sync.change_file import epoch_of
from support.sync_vaults import BOOK, assert_converged, settle, shared_vaults, state

BODY = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"


@pytest.mark.parametrize("count", [2, 3])
def test_edits_to_different_paragraphs_are_all_kept(
    tmp_path: Path, fast_kdf_params: KdfParams, count: int
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, count) as (vaults, _):
        note = vaults[0].notes.create(title="plan", body=BODY, notebook=BOOK)
        settle(vaults)
        lines = BODY.split("\n\n")
        for n, vault in enumerate(vaults):
            edited = list(lines)
            edited[n] = edited[n].replace("paragraph", f"paragraph (edit {n})")
            vault.notes.update(note.uuid, body="\n\n".join(edited))
        settle(vaults)
        final = assert_converged(vaults)
        body = final[note.uuid][1]
        for n in range(count):
            assert f"(edit {n})" in body


def test_title_on_one_side_body_on_the_other(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), _):
        note = a.notes.create(title="old title", body=BODY, notebook=BOOK)
        settle([a, b])
        a.notes.update(note.uuid, title="new title")
        b.notes.update(note.uuid, body=BODY + "\nAdded by b.\n")
        settle([a, b])
        final = assert_converged([a, b])
        assert final[note.uuid][0] == "new title"
        assert final[note.uuid][1] == BODY + "\nAdded by b.\n"


def test_tags_pinned_archived_on_different_sides(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, _):
        a, b, c = vaults
        note = a.notes.create(title="t", body="x", notebook=BOOK, tags=["one"])
        settle(vaults)
        b.notes.update(note.uuid, tags=["one", "two"])
        c.notes.update(note.uuid, pinned=True)
        a.notes.update(note.uuid, archived=True)
        settle(vaults)
        final = assert_converged(vaults)
        assert final[note.uuid][2:6] == (("one", "two"), True, True, False)


def test_trash_against_edit_ends_in_the_trash_with_the_edit(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, _):
        a, b, c = vaults
        note = a.notes.create(title="t", body=BODY, notebook=BOOK)
        settle(vaults)
        a.notes.trash(note.uuid)
        b.notes.update(note.uuid, body=BODY + "late edit\n")
        c.notes.update(note.uuid, title="retitled")
        settle(vaults)
        final = assert_converged(vaults)
        assert final[note.uuid][5] is True
        assert final[note.uuid][1] == BODY + "late edit\n"
        assert final[note.uuid][0] == "retitled"


def test_purge_against_edit_is_final(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, _):
        a, b, c = vaults
        note = a.notes.create(title="t", body=BODY, notebook=BOOK)
        kept = a.notes.create(title="kept", body="stays", notebook=BOOK)
        settle(vaults)
        a.notes.trash(note.uuid)
        assert a.notes.empty_trash() == 1
        b.notes.update(note.uuid, body=BODY + "edit after the purge\n")
        c.notes.update(note.uuid, title="renamed")
        settle(vaults)
        final = assert_converged(vaults)
        assert note.uuid not in final
        assert kept.uuid in final
        for vault in vaults:
            assert vault.db.rows("SELECT 1 FROM notes WHERE uuid = ?", (note.uuid,)) == []


def test_chinese_and_emoji_bodies_merge(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    start = "会议记录：律师咨询\n\n第二段，关于租约。\n\n🙂 第三段\n"
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, _):
        a, b, c = vaults
        note = a.notes.create(title="會議 🗓️", body=start, notebook=BOOK, tags=["法律"])
        settle(vaults)
        a.notes.update(note.uuid, body=start.replace("律师咨询", "律师咨询：已确认👍"))
        b.notes.update(note.uuid, body=start.replace("关于租约", "关于租约与押金 🏠"))
        c.notes.update(note.uuid, body=start.replace("🙂 第三段", "🙂👨‍👩‍👧 第三段，補充"))
        settle(vaults)
        body = assert_converged(vaults)[note.uuid][1]
        assert "律师咨询：已确认👍" in body
        assert "关于租约与押金 🏠" in body
        assert "🙂👨‍👩‍👧 第三段，補充" in body
        assert state(c)[note.uuid][2] == ("法律",)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_pass_order_does_not_change_the_outcome(
    tmp_path: Path, fast_kdf_params: KdfParams, order: tuple[int, ...]
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, _):
        a, b, c = vaults
        one = a.notes.create(title="one", body=BODY, notebook=BOOK, tags=["x"])
        two = b.notes.create(title="two", body="b's note\n", notebook=BOOK)
        settle(vaults)
        a.notes.update(one.uuid, body=BODY.replace("First", "First (a)"), tags=["x", "a"])
        b.notes.update(one.uuid, body=BODY.replace("Third", "Third (b)"), title="one (b)")
        c.notes.update(two.uuid, body="b's note\nc adds a line\n", pinned=True)
        c.notes.create(title="three", body="c's own", notebook=BOOK)
        b.notes.trash(two.uuid)
        ordered = [vaults[n] for n in order]
        settle(ordered, rounds=3)
        final = assert_converged(vaults)
        assert final[one.uuid][:3] == (
            "one (b)",
            BODY.replace("First", "First (a)").replace("Third", "Third (b)"),
            ("a", "x"),
        )
        assert final[two.uuid][1] == "b's note\nc adds a line\n"
        assert final[two.uuid][3] is True and final[two.uuid][5] is True
        assert len(final) == 3


def test_a_removed_member_gets_nothing_written_after(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, folder):
        a, b, c = vaults
        note = a.notes.create(title="before", body=BODY, notebook=BOOK)
        settle(vaults)
        before_removal = {p for p in folder.rglob("*") if p.is_file()}
        removed_state = state(c)
        a.spaces.remove(BOOK, "v2")
        settle(vaults)
        assert c.spaces.sync()[0].problem == "removed"
        written = {p for p in folder.rglob("*") if p.is_file()} - before_removal
        a.notes.update(note.uuid, title="after removal", body=BODY + "secret plan\n")
        b.notes.create(title="b after removal", body="new", notebook=BOOK)
        c.notes.update(note.uuid, title="c writes after removal")
        settle(vaults)
        final = assert_converged([a, b])
        assert final[note.uuid][0] == "after removal"
        assert len(final) == 2
        # c keeps what it had (its own later edit only); nothing of a's or b's reaches it.
        assert state(c)[note.uuid][1] == removed_state[note.uuid][1]
        assert len(state(c)) == 1
        later = {p for p in folder.rglob("*") if p.is_file()} - before_removal - written
        ours = [p for p in later if p.parent.name != _device(c)]
        assert ours, "a and b wrote nothing after the removal"
        assert all(epoch_of(p.read_bytes()) >= 2 for p in ours)
        assert all(epoch_of(p.read_bytes()) == 1 for p in before_removal)
        # a and b keep converging after the removal.
        b.notes.update(note.uuid, body=BODY + "secret plan\nand more\n")
        settle(vaults)
        assert state(a) == state(b)
        assert "and more" in state(a)[note.uuid][1]
        assert "and more" not in state(c)[note.uuid][1]


def _device(vault) -> str:  # type: ignore[no-untyped-def]
    return str(vault.db.row("SELECT device FROM spaces")[0])


def test_a_removed_device_writing_before_others_learn_is_refused_by_all(
    tmp_path: Path, fast_kdf_params: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ids handed out in falling order: the removed device's folder sorts before the
    admin's, so a pass that read folders by name would apply its later file before
    learning of the removal, and the members would disagree for ever."""
    counter = itertools.count((1 << 128) - 1, -1)
    monkeypatch.setattr("hushnote.core.sync.spaces.new_id", lambda: f"{next(counter):032x}")
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, folder):
        a, b, c = vaults
        assert _device(c) < _device(a)
        note = a.notes.create(title="t", body=BODY, notebook=BOOK)
        settle(vaults)
        a.spaces.remove(BOOK, "v2")
        c.notes.update(note.uuid, title="seized device writes")
        # The removal has not reached c yet: it writes under the old key.
        space = a.db.row("SELECT id FROM spaces")[0]
        admin = folder / space / _device(a)
        admin.rename(admin.with_name("in-transit"))
        assert c.spaces.sync()[0].published_files == 1
        admin.with_name("in-transit").rename(admin)
        (report,) = b.spaces.sync()
        assert [v.reason for v in report.refused] == ["removed"]
        settle([a, b])
        final = assert_converged([a, b])
        assert final[note.uuid][0] == "t"
