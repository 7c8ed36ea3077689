"""Invitations, joining, roles and removal: what is refused, and what removal keeps out."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from hushnote.core import Vault
from hushnote.errors import (
    InvalidRecordError,
    InviteError,
    SpaceRoleError,
    SyncFolderError,
    VaultRollbackError,
)

from .conftest import join


def test_an_invitation_opens_only_for_its_vault_and_only_unchanged(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b, c = make_vault("a"), make_vault("b"), make_vault("c")
    a.spaces.create("Cases", shared)
    invitation = tmp_path / "b.invite"
    a.spaces.invite("Cases", b.age_recipient(), invitation)
    with pytest.raises(InviteError) as wrong:
        c.spaces.join(invitation, shared)
    assert wrong.value.context["reason"] == "unreadable"
    data = bytearray(invitation.read_bytes())
    data[-20] ^= 1
    (tmp_path / "changed").write_bytes(bytes(data))
    with pytest.raises(InviteError):
        b.spaces.join(tmp_path / "changed", shared)
    assert b.spaces.all() == []
    b.spaces.join(invitation, shared)
    with pytest.raises(InviteError) as twice:
        b.spaces.join(invitation, shared)
    assert twice.value.context["reason"] == "already-joined"


@pytest.mark.parametrize("where", ["outside", "inside the signed text"])
def test_an_invitation_nested_deeper_than_python_can_read_is_malformed(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path, where: str
) -> None:
    # Anyone who knows a vault's public key can send it such a file; it is read before
    # any signature is checked.
    b = make_vault("b")
    deep = "[" * 200_000 + "]" * 200_000
    signature = base64.b64encode(bytes(64)).decode()  # well formed: the body is read next
    text = deep if where == "outside" else json.dumps({"invitation": deep, "signature": signature})
    invitation = tmp_path / "deep.invite"
    recipient = x25519.Recipient.from_str(b.age_recipient())
    invitation.write_bytes(pyrage.encrypt(text.encode(), [recipient]))
    with pytest.raises(InviteError) as refused:
        b.spaces.join(invitation, shared)
    assert refused.value.context["reason"] == "malformed"
    assert b.spaces.all() == []


def test_joining_never_pours_a_space_into_an_existing_notebook(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b = make_vault("a"), make_vault("b")
    a.spaces.create("Cases", shared)
    private = b.notes.create(title="private to b", body="x", notebook="Cases")
    join(a, b, shared, tmp_path, "B")
    assert b.spaces.shared_notebooks() == {"Cases (2)"}
    a.spaces.sync()
    assert [n.title for n in a.notes.summaries()] == []
    assert b.notes.get(private.uuid).notebook == "Cases"


def test_roles_and_folders_are_checked(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b, c = make_vault("a"), make_vault("b"), make_vault("c")
    with pytest.raises(SyncFolderError):
        a.spaces.create("Cases", tmp_path / "missing")
    with pytest.raises(SyncFolderError):
        a.spaces.create("Cases", tmp_path / "a")
    a.spaces.create("Cases", shared)
    join(a, b, shared, tmp_path, "B")
    with pytest.raises(SpaceRoleError):
        b.spaces.invite("Cases", c.age_recipient(), tmp_path / "c.invite")
    with pytest.raises(SpaceRoleError):
        b.spaces.remove("Cases", "B")
    with pytest.raises(SpaceRoleError):
        a.spaces.remove("Cases", a.spaces.members("Cases")[0].member)
    with pytest.raises(InvalidRecordError):
        a.notes.delete_notebook("Cases")


def test_a_removed_member_reads_nothing_written_afterwards(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b, c = make_vault("a"), make_vault("b"), make_vault("c")
    a.spaces.create("Cases", shared)
    note = a.notes.create(title="before", body="known to all", notebook="Cases")
    join(a, b, shared, tmp_path, "B")
    join(a, c, shared, tmp_path, "C")
    b.spaces.sync()
    assert c.notes.get(note.uuid).title == "before"
    removed = a.spaces.remove("Cases", "C")
    assert removed.removed
    b.spaces.sync()  # b learns of the removal and of the new key
    b.notes.update(note.uuid, title="AFTERREMOVAL")
    b.spaces.sync()
    (report,) = c.spaces.sync()
    assert report.problem == "removed"
    assert c.notes.get(note.uuid).title == "before"  # what it had, and nothing more
    a.spaces.sync()
    assert a.notes.get(note.uuid).title == "AFTERREMOVAL"
    # c still writes with the key it has: its files are refused from now on.
    c.notes.update(note.uuid, title="from the seized laptop")
    c.spaces.sync()
    (report,) = a.spaces.sync()
    assert a.notes.get(note.uuid).title == "AFTERREMOVAL"
    assert [m.removed for m in a.spaces.members("Cases") if m.label == "C"] == [True]


def test_a_space_record_put_back_from_an_older_copy_stops_the_pass(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b = make_vault("a"), make_vault("b")
    a.spaces.create("Cases", shared)
    join(a, b, shared, tmp_path, "B")
    space = a.db.row("SELECT id FROM spaces")[0]
    before = a.db.row("SELECT mac FROM record_macs WHERE kind = 'space'")[0]
    a.spaces.remove("Cases", "B")
    # The MAC as it was before the removal: the record now looks rolled back, as it
    # would if the page holding "B is removed" were put back from an older image.
    connection = a.db.connection
    connection.execute(
        "UPDATE record_macs SET mac = ? WHERE kind = 'space' AND key = ?", (before, space)
    )
    with pytest.raises(VaultRollbackError):
        a.spaces.sync()


def test_a_removed_devices_file_that_won_the_race_still_converges(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    """The seized laptop's edit reached b before the admin's removal did: b restates its
    notes whole, so a and b end the same rather than apart for good."""
    a, b, c = make_vault("a"), make_vault("b"), make_vault("c")
    a.spaces.create("Cases", shared)
    note = a.notes.create(title="t", body="first line\n", notebook="Cases")
    join(a, b, shared, tmp_path, "B")
    join(a, c, shared, tmp_path, "C")
    b.spaces.sync()
    c.notes.update(note.uuid, body="first line\nwritten on the seized laptop\n")
    c.spaces.sync()  # c does not know yet
    a.spaces.remove("Cases", "C")  # a had not seen c's edit: its cut is before it
    space = next(shared.iterdir())
    admin_folder = space / a.db.row("SELECT device FROM spaces")[0]
    hidden = tmp_path / "in-transit"
    admin_folder.rename(hidden)  # the engine has not carried a's removal to b yet
    b.spaces.sync()
    assert "seized" in b.notes.get(note.uuid).body
    hidden.rename(admin_folder)
    b.notes.update(note.uuid, body=b.notes.get(note.uuid).body + "and b's own line\n")
    for vault in (b, a, b, a):
        vault.spaces.sync()
    assert a.notes.get(note.uuid).body == b.notes.get(note.uuid).body
    assert "b's own line" in a.notes.get(note.uuid).body


def test_a_shared_entry_for_today_never_becomes_the_users_journal(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    """A member plants a shared note for today; "Today" still opens a private entry."""
    import datetime

    a, b = make_vault("a"), make_vault("b")
    a.spaces.create("Cases", shared)
    today = datetime.date.today()
    planted = a.notes.create(title="planted", body="", notebook="Cases", journal_day=today)
    join(a, b, shared, tmp_path, "B")
    assert b.notes.get(planted.uuid).journal_day == today
    entry = b.notes.journal_entry(today)
    assert entry.uuid != planted.uuid and entry.notebook is None
