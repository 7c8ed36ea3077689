"""The import's preview: the real merge, rolled back; the import then does exactly that."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from pyrage import x25519

from hushnote.core import ContactMethod, KdfParams, MethodKind, NewContact, Vault
from hushnote.core.formats import bundle_import
from hushnote.core.store import database
from hushnote.errors import (
    BundleDecryptionError,
    BundleFormatError,
    BundlePlanChangedError,
    CancelledError,
)
from support.bundles import CONTACT, IDENTITY, LINK, NOTE, archive, line, seal


@pytest.fixture
def pair(tmp_path: Path, fast_kdf_params: KdfParams):  # type: ignore[no-untyped-def]
    source = Vault.create(tmp_path / "source", "pw one", kdf=fast_kdf_params)
    target = Vault.create(tmp_path / "target", "pw two", kdf=fast_kdf_params)
    yield source, target
    source.lock()
    target.lock()


def content(vault: Vault) -> dict[str, object]:
    """Everything a user can see in the vault, bodies and members included."""
    notes = [*vault.notes.summaries(), *vault.notes.summaries(archived=True)]
    return {
        "notes": sorted((n.uuid, vault.notes.get(n.uuid)) for n in notes),  # type: ignore[misc]
        "contacts": sorted(
            (c.uuid, vault.contacts.get(c.uuid)) for c in vault.contacts.summaries()
        ),  # type: ignore[misc]
        "lists": {
            g.name: sorted(m.uuid for m in vault.lists.members(g.name)) for g in vault.lists.all()
        },
        "links": sorted((n.uuid, c.uuid) for n in notes for c in vault.links.contacts_of(n.uuid)),
        "tags": vault.notes.tags(),
        "notebooks": vault.notes.notebooks(),
        "counts": vault.counts(),
    }


def shared_history(source: Vault, target: Vault, tmp_path: Path) -> Path:
    """A bundle that, for ``target``, adds, updates and skips records of every kind."""
    old = source.notes.create(title="Hearing", body="Friday", tags=["legal"])
    same = source.notes.create(title="Intake", body="twelve households")
    rosa = source.contacts.create(
        NewContact("Rosa", (ContactMethod(MethodKind.PHONE, "+1 555 0100"),))
    )
    source.lists.create("Medics")
    source.lists.add("Medics", rosa.uuid)
    source.export_bundle(tmp_path / "first.hnb", recipients=[target.age_recipient()])
    target.import_bundle(tmp_path / "first.hnb")
    source.notes.update(old.uuid, body="Friday at ten")  # newer: updated
    target.notes.update(same.uuid, body="twelve households, two new")  # newer here: skipped
    sam = source.contacts.create(NewContact("Sam Okafor"))  # added
    source.notes.create(
        title="Shift plan", body="medics at nine", tags=["rota"], notebook="Shifts"
    )  # added
    source.links.link(old.uuid, sam.uuid)  # added, once Sam is
    source.lists.add("Medics", sam.uuid)  # the list gains a member: updated
    path = tmp_path / "second.hnb"
    source.export_bundle(path, recipients=[target.age_recipient()])
    return path


def test_the_preview_counts_are_what_the_import_then_does(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    path = shared_history(source, target, tmp_path)
    contents = target.read_bundle(path)
    plan = target.preview_bundle(contents)
    assert plan.report.outcomes["notes"] == {"added": 1, "updated": 1, "skipped": 1}
    assert plan.report.outcomes["contacts"] == {"added": 1, "skipped": 1}
    assert plan.report.outcomes["lists"] == {"updated": 1}
    assert plan.report.outcomes["links"] == {"added": 1}
    assert sorted(plan.names) == [
        ("contacts", "added", "Sam Okafor"),
        ("notes", "added", "Shift plan"),
        ("notes", "updated", "Hearing"),
    ]
    assert (plan.new_tags, plan.new_notebooks) == (1, 1)
    tags_before = len(target.notes.tags())
    report = target.merge_bundle(contents, plan=plan)
    assert len(target.notes.tags()) == tags_before + 1
    assert report.outcomes == plan.report.outcomes
    # And a fresh reading of the same file agrees with both.
    assert target.preview_bundle(target.read_bundle(path)).changes_nothing


def test_a_preview_changes_nothing_in_the_vault(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    path = shared_history(source, target, tmp_path)
    before = content(target)
    plan = target.preview_bundle(target.read_bundle(path))
    assert not plan.changes_nothing
    assert content(target) == before
    assert target.searcher.search("nine") == []  # the added note was never indexed
    assert target.check() == []  # record MACs, index and pages all still agree


def test_the_preview_overwrites_the_pages_it_spilled_into_the_wal(
    pair,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    source, target = pair
    for number in range(40):  # enough pages that the merge spills out of SQLite's cache
        source.notes.create(title=f"Note {number}", body=f"w{number} " * 60_000)
    path = tmp_path / "big.hnb"
    source.export_bundle(path, recipients=[target.age_recipient()])
    contents = target.read_bundle(path)
    target.db.checkpoint()
    wal = target.db.path.with_name(target.db.path.name + "-wal")
    zeroed: list[tuple[Path, int]] = []
    real_zero = database._zero_file

    def zero(file: Path) -> None:
        zeroed.append((file, file.stat().st_size))
        real_zero(file)

    monkeypatch.setattr(database, "_zero_file", zero)
    target.preview_bundle(contents)
    assert len(zeroed) == 1
    assert zeroed[0][0] == wal and zeroed[0][1] > 1 << 20  # rolled-back pages, overwritten
    assert wal.stat().st_size == 0


def test_an_import_refuses_a_plan_the_vault_no_longer_matches(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    note = source.notes.create(title="Hearing", body="Friday")
    path = tmp_path / "b.hnb"
    source.export_bundle(path, recipients=[target.age_recipient()])
    contents = target.read_bundle(path)
    plan = target.preview_bundle(contents)
    assert plan.report.count("notes", "added") == 1
    target.import_bundle(path)  # the vault moves on after the preview
    target.notes.update(note.uuid, body="changed here")
    before = content(target)
    with pytest.raises(BundlePlanChangedError):
        target.merge_bundle(contents, plan=plan)
    assert content(target) == before


def test_a_changed_byte_fails_before_the_preview(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    source.notes.create(title="Hearing", body="Friday")
    path = tmp_path / "b.hnb"
    source.export_bundle(path, recipients=[target.age_recipient()])
    data = bytearray(path.read_bytes())
    data[-40] ^= 1  # inside the last encrypted chunk
    path.write_bytes(bytes(data))
    with pytest.raises(BundleDecryptionError):
        target.read_bundle(path)
    assert target.notes.summaries() == []


def test_a_member_that_does_not_match_its_manifest_fails_before_the_preview(
    open_vault: Vault, tmp_path: Path
) -> None:
    honest = archive({"notes.jsonl": line(NOTE), "contacts.jsonl": line(CONTACT),
                      "links.jsonl": LINK})  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(honest)) as original, zipfile.ZipFile(out, "w") as forged:
        for name in original.namelist():
            data = original.read(name)
            forged.writestr(name, data.replace(b"Friday", b"Monday"))  # the hash still says Friday
    open_vault.settings.set("age_identity", str(IDENTITY))
    seal(tmp_path / "t.hnb", out.getvalue())
    before = content(open_vault)
    with pytest.raises(BundleFormatError) as caught:
        open_vault.preview_bundle(open_vault.read_bundle(tmp_path / "t.hnb"))
    assert caught.value.context["reason"] == "hash mismatch"
    assert content(open_vault) == before


def test_a_preview_cancels_and_changes_nothing(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    for number in range(1200):
        source.notes.create(title=f"Note {number}", body="text")
    path = tmp_path / "b.hnb"
    source.export_bundle(path, recipients=[target.age_recipient()])
    contents = target.read_bundle(path)
    seen: list[float] = []

    def stop_halfway(fraction: float) -> bool:
        seen.append(fraction)
        return fraction < 0.4

    with pytest.raises(CancelledError):
        target.preview_bundle(contents, stop_halfway)
    assert seen and max(seen) < 1.0
    assert target.notes.summaries() == []


def test_the_preview_names_are_bounded(
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    monkeypatch.setattr(bundle_import, "PREVIEW_NAMES", 5)
    for number in range(12):
        source.notes.create(title=f"Note {number}", body="text")
    path = tmp_path / "b.hnb"
    source.export_bundle(path, recipients=[target.age_recipient()])
    plan = target.preview_bundle(target.read_bundle(path))
    assert len(plan.names) == 5
    assert plan.report.count("notes", "added") == 12
    again = target.preview_bundle(target.read_bundle(path))
    assert again.fingerprint == plan.fingerprint  # the same vault, the same plan


LATER = 4102444800000  # 2100: a bundle's copy newer than any edit made here


def hand_bundle(vault: Vault, path: Path, **members: bytes) -> Path:
    """A bundle built by hand for ``vault`` (which takes the fixed test identity)."""
    vault.settings.set("age_identity", str(IDENTITY))
    return seal(path, archive({f"{kind}.jsonl": data for kind, data in members.items()}))


def test_an_edit_made_while_the_preview_is_open_refuses_the_import(
    open_vault: Vault, tmp_path: Path
) -> None:
    open_vault.import_bundle(hand_bundle(open_vault, tmp_path / "a.hnb", notes=line(NOTE)))
    newer = hand_bundle(
        open_vault, tmp_path / "b.hnb", notes=line(NOTE, body="Monday", updated_at=LATER)
    )
    contents = open_vault.read_bundle(newer)
    plan = open_vault.preview_bundle(contents)
    assert plan.report.outcomes["notes"] == {"updated": 1}
    # Autosave while the preview dialog is open: the bundle's copy is still the newer.
    open_vault.notes.update(NOTE["uuid"], body="Friday, moved to room 4")
    before = content(open_vault)
    with pytest.raises(BundlePlanChangedError):
        open_vault.merge_bundle(contents, plan=plan)
    assert content(open_vault) == before
    assert open_vault.notes.get(NOTE["uuid"]).body == "Friday, moved to room 4"
    # A fresh preview of the vault as it now is imports.
    again = open_vault.preview_bundle(contents)
    open_vault.merge_bundle(contents, plan=again)
    assert open_vault.notes.get(NOTE["uuid"]).body == "Monday"


def test_without_an_edit_the_previewed_update_imports(open_vault: Vault, tmp_path: Path) -> None:
    open_vault.import_bundle(hand_bundle(open_vault, tmp_path / "a.hnb", notes=line(NOTE)))
    open_vault.notes.create(title="Unrelated", body="a note the bundle does not touch")
    newer = hand_bundle(
        open_vault, tmp_path / "b.hnb", notes=line(NOTE, body="Monday", updated_at=LATER)
    )
    contents = open_vault.read_bundle(newer)
    plan = open_vault.preview_bundle(contents)
    open_vault.notes.create(title="Another", body="written while the preview is open")
    report = open_vault.merge_bundle(contents, plan=plan)
    assert report.outcomes["notes"] == {"updated": 1}
    assert open_vault.notes.get(NOTE["uuid"]).body == "Monday"


def test_a_contact_edited_while_the_preview_is_open_refuses_the_import(
    open_vault: Vault, tmp_path: Path
) -> None:
    open_vault.import_bundle(hand_bundle(open_vault, tmp_path / "a.hnb", contacts=line(CONTACT)))
    newer = hand_bundle(
        open_vault, tmp_path / "b.hnb", contacts=line(CONTACT, role="medic", updated_at=LATER)
    )
    contents = open_vault.read_bundle(newer)
    plan = open_vault.preview_bundle(contents)
    rosa = open_vault.contacts.get(CONTACT["uuid"])
    open_vault.contacts.update(rosa.uuid, replace(rosa.as_new(), notes="prefers Signal"))
    with pytest.raises(BundlePlanChangedError):
        open_vault.merge_bundle(contents, plan=plan)
    assert open_vault.contacts.get(CONTACT["uuid"]).notes == "prefers Signal"


MALLORY_KEY = str(x25519.Identity.generate().to_public())


def test_a_bundle_that_renames_a_keyed_contact_removes_its_key_and_says_so(
    open_vault: Vault, tmp_path: Path
) -> None:
    # Mallory knows the uuid of her own contact record (a bundle held it) and sends it
    # back renamed as someone the user trusts: the key must not follow the new name.
    mallory = dict(CONTACT, display_name="Mallory", methods=[])
    open_vault.import_bundle(hand_bundle(open_vault, tmp_path / "a.hnb", contacts=line(mallory)))
    open_vault.contacts.set_key(CONTACT["uuid"], MALLORY_KEY)
    forged = hand_bundle(
        open_vault,
        tmp_path / "b.hnb",
        contacts=line(CONTACT, display_name="Rosa  Delgado", updated_at=LATER),
    )
    contents = open_vault.read_bundle(forged)
    plan = open_vault.preview_bundle(contents)
    assert plan.keys_removed == [("Mallory", "Rosa Delgado")]
    assert plan.report.keys_removed == 1
    assert open_vault.contacts.get(CONTACT["uuid"]).age_recipient == MALLORY_KEY  # not yet
    report = open_vault.merge_bundle(contents, plan=plan)
    assert report.keys_removed == 1
    renamed = open_vault.contacts.get(CONTACT["uuid"])
    assert (renamed.display_name, renamed.age_recipient) == ("Rosa Delgado", None)
    assert open_vault.contacts.keyed() == []
    assert open_vault.check() == []


def test_a_bundle_update_that_keeps_the_name_keeps_the_key(
    open_vault: Vault, tmp_path: Path
) -> None:
    open_vault.import_bundle(hand_bundle(open_vault, tmp_path / "a.hnb", contacts=line(CONTACT)))
    open_vault.contacts.set_key(CONTACT["uuid"], MALLORY_KEY)
    newer = hand_bundle(
        open_vault,
        tmp_path / "b.hnb",
        contacts=line(CONTACT, display_name=" Rosa ", role="medic", updated_at=LATER),
    )
    plan = open_vault.preview_bundle(open_vault.read_bundle(newer))
    assert plan.keys_removed == [] and plan.report.count("contacts", "updated") == 1
    report = open_vault.merge_bundle(open_vault.read_bundle(newer), plan=plan)
    assert report.keys_removed == 0
    assert open_vault.contacts.get(CONTACT["uuid"]).age_recipient == MALLORY_KEY
    assert open_vault.contacts.get(CONTACT["uuid"]).role == "medic"


def test_a_case_change_in_the_name_also_removes_the_key(open_vault: Vault, tmp_path: Path) -> None:
    open_vault.import_bundle(hand_bundle(open_vault, tmp_path / "a.hnb", contacts=line(CONTACT)))
    open_vault.contacts.set_key(CONTACT["uuid"], MALLORY_KEY)
    newer = hand_bundle(
        open_vault,
        tmp_path / "b.hnb",
        contacts=line(CONTACT, display_name="ROSA", updated_at=LATER),
    )
    assert open_vault.import_bundle(newer).keys_removed == 1
    assert open_vault.contacts.get(CONTACT["uuid"]).age_recipient is None
