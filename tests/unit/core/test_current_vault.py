"""A vault made by the code of December 2026 (schema 5, vault state v1) still opens.

The folder is committed, never regenerated: a refactor that changes how the header, the
database or the records are written fails here before it reaches a vault in the field.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from hushnote.core import MethodKind, Vault
from hushnote.errors import AuthenticationError

DATA = Path(__file__).parents[2] / "data" / "vaults" / "v0.2.0-dev"
REAL = "current vault passphrase"
DURESS = "current duress words"


@pytest.fixture
def vault_root(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    shutil.copytree(DATA, root)
    root.chmod(0o700)
    return root


def test_everything_in_it_reads_back(vault_root: Path) -> None:
    with Vault.unlock(vault_root, REAL) as vault:
        assert vault.check() == []
        (hearing,) = [s for s in vault.notes.summaries() if s.title == "Hearing moved"]
        note = vault.notes.get(hearing.uuid)
        assert note.body == "Friday 10:00, room 3. 律师会到场。"
        assert note.notebook == "Case 12" and note.tags == ("legal",) and note.pinned
        (entry,) = vault.notes.journal_entries(date(2026, 11, 30))
        assert vault.notes.get(entry.uuid).body == "Quiet day."
        assert [s.title for s in vault.notes.summaries(trashed=True)] == ["Trashed draft"]
        (rosa,) = vault.contacts.all_contacts()
        assert rosa.values(MethodKind.SIGNAL) == ("@rosa.01",)
        assert rosa.values(MethodKind.PHONE) == ("+1 555 0100",)
        assert [m.uuid for m in vault.lists.members("Medics")] == [rosa.uuid]
        assert [c.uuid for c in vault.links.contacts_of(note.uuid)] == [rosa.uuid]
        assert vault.settings.get("auto_lock_minutes") == "7"
        assert [hit.title for hit in vault.searcher.search("律师")] == ["Hearing moved"]
        assert vault.has_duress
    with Vault.unlock(vault_root, REAL) as vault:  # and again, after the first unlock wrote
        assert vault.check() == []


def test_its_duress_passphrase_opens_the_decoy(vault_root: Path) -> None:
    with Vault.unlock(vault_root, DURESS) as vault:
        assert [s.title for s in vault.notes.summaries()] == ["Groceries"]
    with pytest.raises(AuthenticationError):
        Vault.unlock(vault_root, REAL)
