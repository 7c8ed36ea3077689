"""The admin's snapshots keep the folder small, and a member who joins after one, or was
offline across one, still converges."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hushnote.core import Vault

from .conftest import join


def folder_bytes(shared: Path) -> int:
    return sum(path.stat().st_size for path in shared.rglob("*") if path.is_file())


def edit_many(vaults: list[Vault], uuid: str, rounds: int) -> None:
    for i in range(rounds):
        vault = vaults[i % len(vaults)]
        body = vault.notes.get(uuid).body
        vault.notes.update(uuid, body=f"{body[:400]}edit {i}\n{body[400:800]}")
        vault.spaces.sync()


def test_the_folder_stays_within_twice_the_data_and_late_joiners_converge(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b, c = make_vault("a"), make_vault("b"), make_vault("c")
    a.spaces.create("Cases", shared)
    note = a.notes.create(title="Witnesses", body="第一段。\n" * 100, notebook="Cases")
    join(a, b, shared, tmp_path, "B")
    edit_many([a, b], note.uuid, 80)
    for vault in (a, b, a):
        vault.spaces.sync()
    files = [p for p in shared.rglob("*") if p.is_file()]
    assert len(files) < 60, "no snapshot was made"
    assert a.notes.get(note.uuid).body == b.notes.get(note.uuid).body

    join(a, c, shared, tmp_path, "C")
    c.spaces.sync()
    assert c.notes.get(note.uuid).body == a.notes.get(note.uuid).body
    b.notes.update(note.uuid, title="Witnesses (checked)")
    b.spaces.sync()
    (report,) = c.spaces.sync()
    assert not report.refused and not report.waiting
    assert c.notes.get(note.uuid).title == "Witnesses (checked)"


def test_a_member_offline_across_a_snapshot_catches_up(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b = make_vault("a"), make_vault("b")
    a.spaces.create("Cases", shared)
    notes = [a.notes.create(title=f"n{i}", body="x" * 300, notebook="Cases") for i in range(5)]
    join(a, b, shared, tmp_path, "B")
    b.notes.update(notes[0].uuid, body="written by b while a compacts")
    b.spaces.sync()
    edit_many([a], notes[1].uuid, 80)  # b is offline: a alone, many files, snapshots
    (report,) = b.spaces.sync()
    assert not report.refused and not report.waiting
    a.spaces.sync()
    for note in notes:
        assert a.notes.get(note.uuid).body == b.notes.get(note.uuid).body
    assert b.notes.get(notes[0].uuid).body == "written by b while a compacts"


def test_a_purge_takes_the_text_out_of_the_register(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b = make_vault("a"), make_vault("b")
    a.spaces.create("Cases", shared)
    note = a.notes.create(title="t", body="PURGEDCANARY words", notebook="Cases")
    join(a, b, shared, tmp_path, "B")
    a.notes.trash(note.uuid)
    a.notes.empty_trash()  # the admin's purge: final on every device
    a.spaces.sync()
    b.spaces.sync()
    assert b.notes.count(trashed=True) == 0 and b.notes.count(notebook="Cases") == 0
    for vault in (a, b):
        row = vault.db.row("SELECT state, fields, purged FROM space_notes")
        assert row[0] is None and row[1] == "{}" and row[2] is not None
