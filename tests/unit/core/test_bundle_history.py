"""Note history in bundles: never unless asked; with ``include_history`` a version 3
bundle whose history.jsonl an import adds to the notes it brings; hostile history
refused with the member and line named."""

from __future__ import annotations

import hashlib
import io
import json
import tracemalloc
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pyrage import x25519

from hushnote.core import KdfParams, NoteStore, Vault
from hushnote.errors import BundleFormatError, BundleTooLargeError
from support.bundles import NOTE, history_archive, line, seal

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py

PASS = "bundle passphrase for history"
CANARY = "zqxjHISTBUNDLECANARY"


def _vault_with_history(root: Path, params: KdfParams) -> tuple[Vault, str]:
    vault = Vault.create(root, "vault passphrase one", kdf=params)
    note = vault.notes.create(title="Hearing", body=f"draft with {CANARY}")
    moment = datetime.now(UTC)
    for step, body in enumerate(("second draft", "third draft"), start=1):
        at = moment + timedelta(minutes=10 * step)
        NoteStore(vault.db, clock=lambda at=at: at).update(note.uuid, body=body)
    assert [r.number for r in vault.history.revisions(note.uuid)] == [2, 1]
    return vault, note.uuid


def _members(vault: Vault, path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    contents = vault.read_bundle(path, passphrase=PASS)
    names = contents.archive.namelist()
    return contents.manifest, {name: contents.archive.read(name) for name in names}


def test_a_bundle_carries_no_history_unless_asked(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    vault, _ = _vault_with_history(tmp_path / "a", fast_kdf_params)
    with vault:
        vault.export_bundle(tmp_path / "plain.age", passphrase=PASS)
        manifest, members = _members(vault, tmp_path / "plain.age")
        assert manifest["version"] == 1
        assert "history.jsonl" not in members
        assert not any(CANARY.encode() in data for data in members.values())
        vault.export_bundle(tmp_path / "full.age", passphrase=PASS, include_history=True)
        manifest, members = _members(vault, tmp_path / "full.age")
        assert manifest["version"] == 3
        assert manifest["counts"]["history"] == 2
        assert CANARY.encode() in members["history.jsonl"]


def test_history_travels_and_imports_once(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    vault, uuid = _vault_with_history(tmp_path / "a", fast_kdf_params)
    with vault:
        kept = [(r.reason, r.made_at, vault.history.text(uuid, r.number))
                for r in reversed(vault.history.revisions(uuid))]  # fmt: skip
        vault.export_bundle(tmp_path / "full.age", passphrase=PASS, include_history=True)
    with Vault.create(tmp_path / "b", "vault passphrase two", kdf=fast_kdf_params) as other:
        report = other.import_bundle(tmp_path / "full.age", passphrase=PASS)
        assert report.count("history", "added") == 2
        got = [(r.reason, r.made_at, other.history.text(uuid, r.number))
               for r in reversed(other.history.revisions(uuid))]  # fmt: skip
        assert got == kept
        again = other.import_bundle(tmp_path / "full.age", passphrase=PASS)
        assert again.count("history", "skipped") == 2
        assert len(other.history.revisions(uuid)) == 2
        assert other.check() == []
        # A vault that keeps no history takes none.
        other.notes.purge(uuid)
        other.history.set_retention("off")
        report = other.import_bundle(tmp_path / "full.age", passphrase=PASS)
        assert report.count("notes", "added") == 1
        assert other.history.revisions(uuid) == []


def _revision(number: int, **changes: Any) -> dict[str, Any]:
    record = {"note": NOTE["uuid"], "number": number, "made_at": 1795500000000 + number,
              "reason": "edit", "title": "Hearing", "body": f"draft {number}"}  # fmt: skip
    return {**record, **changes}


def _v3_archive(history: list[dict[str, Any]]) -> bytes:
    members = {
        "notes.jsonl": line(NOTE),
        "contacts.jsonl": b"",
        "lists.jsonl": b"",
        "links.jsonl": b"",
        "attachments.jsonl": b"",
        "history.jsonl": b"".join(line(record) for record in history),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
        manifest = {
            "format": "hushnote-bundle", "version": 3, "created_at": 1795600000000,
            "scope": "vault",
            "counts": {n.removesuffix(".jsonl"): d.count(b"\n") for n, d in members.items()},
            "members": {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                        for n, d in members.items()},
        }  # fmt: skip
        zipped.writestr("manifest.json", json.dumps(manifest))
    return out.getvalue()


@pytest.mark.parametrize(
    ("history", "line_number", "reason"),
    [
        ([_revision(1), _revision(1)], 2, "out of order"),
        ([_revision(2), _revision(1)], 2, "out of order"),
        ([_revision(1, reason="sabotage")], 1, "reason is not one Hushnote knows"),
        ([_revision(0)], 1, "number is not a revision number"),
        ([_revision(1, body=7)], 1, "body is not text"),
        ([_revision(1, note="not-a-uuid")], 1, "note is not a uuid"),
        ([_revision(1, made_at=-5)], 1, "made_at is not a time"),
    ],
)
def test_hostile_history_is_refused_and_nothing_is_written(
    open_vault: Vault, tmp_path: Path, history: list[dict[str, Any]], line_number: int,
    reason: str,
) -> None:  # fmt: skip
    path = seal(tmp_path / "hostile.age", _v3_archive(history),
                x25519.Recipient.from_str(open_vault.age_recipient()))  # fmt: skip
    with pytest.raises(BundleFormatError) as raised:
        open_vault.import_bundle(path)
    assert raised.value.context == {"member": "history.jsonl", "line": line_number,
                                    "reason": reason}  # fmt: skip
    assert open_vault.notes.count() == 0
    assert open_vault.counts()["revisions"] == 0


def test_a_well_formed_hand_made_history_imports(open_vault: Vault, tmp_path: Path) -> None:
    path = seal(tmp_path / "ok.age", _v3_archive([_revision(3), _revision(9, reason="merge")]),
                x25519.Recipient.from_str(open_vault.age_recipient()))  # fmt: skip
    open_vault.import_bundle(path)
    revisions = open_vault.history.revisions(NOTE["uuid"])
    assert [(r.number, r.reason) for r in revisions] == [(2, "merge"), (1, "edit")]
    assert open_vault.history.text(NOTE["uuid"], 2) == ("Hearing", "draft 9")


def test_successive_bundles_from_one_colleague_add_no_revision_twice(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    """Monday's bundle, then Friday's after one more edit: each text once."""
    start = datetime(2026, 11, 2, 9, tzinfo=UTC)
    with Vault.create(tmp_path / "a", "vault passphrase one", kdf=fast_kdf_params) as a:
        uuid = a.notes.create(title="Hearing", body="draft 0").uuid
        for n in (1, 2, 3):
            at = start + timedelta(minutes=10 * n)
            NoteStore(a.db, clock=lambda at=at: at).update(uuid, body=f"draft {n}")
        a.export_bundle(tmp_path / "monday.age", passphrase=PASS, include_history=True)
        friday = start + timedelta(days=4)
        NoteStore(a.db, clock=lambda: friday).update(uuid, body="draft 4")
        a.export_bundle(tmp_path / "friday.age", passphrase=PASS, include_history=True)
    with Vault.create(tmp_path / "b", "vault passphrase two", kdf=fast_kdf_params) as b:
        b.import_bundle(tmp_path / "monday.age", passphrase=PASS)
        report = b.import_bundle(tmp_path / "friday.age", passphrase=PASS)
        assert report.count("history", "added") == 0
        got = [b.history.text(uuid, r.number)[1] for r in reversed(b.history.revisions(uuid))]
        assert b.notes.get(uuid).body == "draft 4"
        assert got == ["draft 0", "draft 1", "draft 2", "draft 3"]


def test_exporting_history_holds_one_run_of_revisions_not_all(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    """30 revisions of a 500 KB note: the export's peak is well under their sum."""
    from hushnote.core.formats import bundle_history

    rows = "\n".join(f"row {i} alpha beta gamma delta {i * 7919 % 10007}" for i in range(12_500))
    moment = datetime(2026, 11, 20, tzinfo=UTC)
    with Vault.create(tmp_path / "v", "vault passphrase one", kdf=fast_kdf_params) as vault:
        uuid = vault.notes.create(title="Log", body=rows).uuid
        for n in range(30):
            at = moment + timedelta(minutes=6 * (n + 1))
            NoteStore(vault.db, clock=lambda at=at: at).update(uuid, body=f"{rows}\nedit {n}")
        kept = vault.history.revisions(uuid)
        assert len(kept) == 30
        total = sum(r.size for r in kept)
        assert total > 13_000_000
        tracemalloc.start()
        try:
            lines = 0
            for _, count in bundle_history.history_lines(vault.db, "n.uuid = :u", {"u": uuid}):
                lines += count
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert lines == 30
        # A few bodies and about 1 MB of lines at a time; holding all took 30 MB here.
        assert peak < 10_000_000, f"peak {peak / 1e6:.1f} MB for {total / 1e6:.1f} MB"


def test_a_bundle_with_too_many_revisions_of_a_note_is_refused(
    open_vault: Vault, tmp_path: Path
) -> None:
    from hushnote.core.formats.bundle_history import MAX_REVISIONS_PER_NOTE

    records = (line(_revision(n)) for n in range(1, MAX_REVISIONS_PER_NOTE + 2))
    path = seal(tmp_path / "many.age", history_archive(records),
                x25519.Recipient.from_str(open_vault.age_recipient()))  # fmt: skip
    with pytest.raises(BundleTooLargeError) as refused:
        open_vault.import_bundle(path)
    assert refused.value.context["what"] == "history"
    assert open_vault.counts()["notes"] == 0
    assert open_vault.counts()["revisions"] == 0
