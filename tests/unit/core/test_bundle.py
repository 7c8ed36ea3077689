"""Bundles: round trips, scopes, merge rules, tampering, limits, and no plaintext on disk."""

from __future__ import annotations

import io
import os
import threading
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from conftest import VaultSetup
from hushnote.core import ContactMethod, KdfParams, MethodKind, NewContact, NewNote, Vault
from hushnote.core.formats import bundle as bundle_module
from hushnote.core.formats import bundle_export
from hushnote.core.formats.bundle import open_bundle
from hushnote.core.formats.bundle_records import Scope
from hushnote.errors import (
    BundleDecryptionError,
    BundleFormatError,
    BundleTooLargeError,
    CancelledError,
    InvalidRecordError,
)
from support.forensics import canary_hits, tree_digest

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py

CANARY = "BundleCanary-Witness-4471"


def populate(vault: Vault) -> dict[str, str]:
    notes = vault.notes
    hearing = notes.create(
        title="Hearing",
        body=f"{CANARY} Friday. 律师会到场。",
        notebook="Case 12",
        tags=["legal", "urgent"],
        pinned=True,
    )
    intake = notes.create(
        title="Intake", body="Twelve households", notebook="Case 12", tags=["legal"]
    )
    shift = notes.create(title="Shift plan", body="medics at nine", tags=["logistics"])
    notes.trash(notes.create(title="Binned", body="gone").uuid)
    notes.create(title="2026-03-01", body="diary", journal_day=datetime(2026, 3, 1).date())
    rosa = vault.contacts.create(
        NewContact(
            "Rosa Delgado",
            (
                ContactMethod(MethodKind.PHONE, "+1 555 0100", "cell"),
                ContactMethod(MethodKind.SIGNAL, "@rosa.01"),
            ),
            organization="Street Medics",
            role="medic",
            tags=("medic",),
        )
    )
    sam = vault.contacts.create(NewContact("Sam Okafor", notes="legal observer"))
    vault.links.link(hearing.uuid, sam.uuid)
    vault.links.link(shift.uuid, rosa.uuid)
    vault.lists.create("Medics")
    vault.lists.add("Medics", rosa.uuid)
    return {
        "hearing": hearing.uuid,
        "intake": intake.uuid,
        "shift": shift.uuid,
        "rosa": rosa.uuid,
        "sam": sam.uuid,
    }


@pytest.fixture
def pair(tmp_path: Path, fast_kdf_params: KdfParams):  # type: ignore[no-untyped-def]
    source = Vault.create(tmp_path / "source", "pw one", kdf=fast_kdf_params)
    target = Vault.create(tmp_path / "target", "pw two", kdf=fast_kdf_params)
    yield source, target
    source.lock()
    target.lock()


def snapshot(vault: Vault) -> dict[str, object]:
    notes = {n.uuid: vault.notes.get(n.uuid) for n in vault.notes.summaries()}
    notes |= {n.uuid: vault.notes.get(n.uuid) for n in vault.notes.summaries(archived=True)}
    contacts = {c.uuid: vault.contacts.get(c.uuid) for c in vault.contacts.summaries()}
    return {
        "notes": {u: (n.title, n.body, n.notebook, n.tags, n.pinned, n.archived, n.journal_day,
                      n.created_at, n.updated_at) for u, n in notes.items()},
        "contacts": {u: (c.display_name, c.methods, c.organization, c.role, c.notes, c.tags,
                         c.created_at, c.updated_at) for u, c in contacts.items()},
        "lists": {g.name: {m.uuid for m in vault.lists.members(g.name)}
                  for g in vault.lists.all()},
        "links": {u: {c.uuid for c in vault.links.contacts_of(u)} for u in notes},
    }  # fmt: skip


def test_round_trip_to_a_fresh_vault(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    populate(source)
    report = source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    assert report.counts == {"notes": 4, "contacts": 2, "lists": 1, "links": 2}
    merged = target.import_bundle(tmp_path / "b.hnb")
    assert merged.count("notes", "added") == 4
    assert snapshot(target) == snapshot(source)
    assert target.notes.summaries(trashed=True) == []  # the trash stays home
    assert target.searcher.search("律师")  # indexed on arrival


def test_a_passphrase_bundle_and_a_wrong_passphrase(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    populate(source)
    source.export_bundle(tmp_path / "b.hnb", passphrase="bundle words")
    with pytest.raises(BundleDecryptionError):
        target.import_bundle(tmp_path / "b.hnb", passphrase="other words")
    with pytest.raises(BundleDecryptionError):
        target.import_bundle(tmp_path / "b.hnb")  # no passphrase, not our key
    target.import_bundle(tmp_path / "b.hnb", passphrase="bundle words")
    assert snapshot(target) == snapshot(source)


def test_a_large_passphrase_bundle_keeps_its_key_beside_it(
    pair,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    source, target = pair
    populate(source)
    monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", 200)
    report = source.export_bundle(tmp_path / "b.hnb", passphrase="bundle words")
    assert report.files == [tmp_path / "b.hnb", tmp_path / "b.hnb.key"]
    assert b"-> scrypt" in (tmp_path / "b.hnb.key").read_bytes()[:100]
    assert b"-> X25519" in (tmp_path / "b.hnb").read_bytes()[:100]
    target.import_bundle(tmp_path / "b.hnb", passphrase="bundle words")
    assert snapshot(target) == snapshot(source)


def test_several_recipients_and_self(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    populate(source)
    other = x25519.Identity.generate()
    source.export_bundle(
        tmp_path / "b.hnb", recipients=["self", target.age_recipient(), str(other.to_public())]
    )
    assert open_bundle(tmp_path / "b.hnb", identities=[other]).manifest["counts"]["notes"] == 4
    assert open_bundle(tmp_path / "b.hnb", identities=[source.age_identity()])
    target.import_bundle(tmp_path / "b.hnb")


def test_a_bad_recipient_is_refused_and_nothing_is_written(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, _ = pair
    with pytest.raises(InvalidRecordError):
        source.export_bundle(tmp_path / "b.hnb", recipients=["age1notakey"])
    assert list(tmp_path.glob("b.hnb*")) == []


@pytest.mark.parametrize(
    ("scope", "notes", "contacts", "lists"),
    [
        # Notes go without the people they link to, unless asked (see below).
        (Scope("notebook", "case 12"), {"Hearing", "Intake"}, set(), set()),
        (Scope("tag", "logistics"), {"Shift plan"}, set(), set()),
        (
            Scope("notebook", "case 12", linked_contacts=True),
            {"Hearing", "Intake"},
            {"Sam Okafor"},
            set(),
        ),
        (Scope("tag", "logistics", linked_contacts=True), {"Shift plan"}, {"Rosa Delgado"}, set()),
        # A list export is about its contacts: they go, asked or not.
        (Scope("list", "Medics"), set(), {"Rosa Delgado"}, {"Medics"}),
    ],
)
def test_scopes(pair, tmp_path: Path, scope: Scope, notes: set[str], contacts: set[str],  # type: ignore[no-untyped-def]
                lists: set[str]) -> None:  # fmt: skip
    source, target = pair
    populate(source)
    source.export_bundle(tmp_path / "b.hnb", scope=scope, recipients=[target.age_recipient()])
    target.import_bundle(tmp_path / "b.hnb")
    assert {n.title for n in target.notes.summaries()} == notes
    assert {c.display_name for c in target.contacts.summaries()} == contacts
    assert {g.name for g in target.lists.all()} == lists


def test_chosen_notes(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    ids = populate(source)
    source.export_bundle(
        tmp_path / "b.hnb",
        scope=Scope("notes", notes=(ids["shift"],)),
        recipients=[target.age_recipient()],
        with_linked_contacts=True,
    )
    target.import_bundle(tmp_path / "b.hnb")
    assert [n.title for n in target.notes.summaries()] == ["Shift plan"]
    assert [c.display_name for c in target.links.contacts_of(ids["shift"])] == ["Rosa Delgado"]


def _contents(vault: Vault, path: Path) -> dict[str, list[dict[str, object]]]:
    """Every record of a bundle, read back with the core reader (which checks it)."""
    contents = open_bundle(path, identities=[vault.age_identity()])
    return {
        member.removesuffix(".jsonl"): list(contents.records(member))
        for member in ("notes.jsonl", "contacts.jsonl", "lists.jsonl", "links.jsonl")
    }


def test_a_notebook_export_carries_the_links_but_no_one_unless_asked(  # type: ignore[no-untyped-def]
    pair, tmp_path: Path
) -> None:
    source, target = pair
    ids = populate(source)
    kate = source.contacts.create(NewContact("Kate Lin", notes="not linked to case 12"))
    intake = ids["intake"]
    source.links.link(intake, ids["sam"])  # Sam twice: counted and sent once
    source.links.link(intake, ids["rosa"])
    scope = Scope("notebook", "Case 12")
    assert source.linked_contact_count(scope) == 2
    assert source.linked_contact_count(Scope()) == 0  # not a choice: every contact goes
    assert source.linked_contact_count(Scope("list", "Medics")) == 0

    recipients = [target.age_recipient()]
    report = source.export_bundle(tmp_path / "plain.hnb", scope=scope, recipients=recipients)
    plain = _contents(target, tmp_path / "plain.hnb")
    assert plain["contacts"] == [] and report.counts["contacts"] == 0
    assert {r["title"] for r in plain["notes"]} == {"Hearing", "Intake"}
    assert {(r["note"], r["contact"]) for r in plain["links"]} == {
        (ids["hearing"], ids["sam"]),
        (intake, ids["sam"]),
        (intake, ids["rosa"]),
    }

    source.export_bundle(
        tmp_path / "people.hnb", scope=scope, recipients=recipients, with_linked_contacts=True
    )
    people = _contents(target, tmp_path / "people.hnb")
    assert sorted(r["uuid"] for r in people["contacts"]) == sorted([ids["sam"], ids["rosa"]])
    assert kate.uuid not in {r["uuid"] for r in people["contacts"]}
    rosa = next(r for r in people["contacts"] if r["uuid"] == ids["rosa"])
    assert rosa["display_name"] == "Rosa Delgado"  # in full, as chosen
    assert people["links"] == plain["links"]


def test_a_vault_export_still_carries_every_contact(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    populate(source)
    source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    names = {r["display_name"] for r in _contents(target, tmp_path / "b.hnb")["contacts"]}
    assert names == {"Rosa Delgado", "Sam Okafor"}


def test_links_to_contacts_not_in_the_bundle_import_cleanly(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The receiver keeps a link to someone it already has, skips one to someone it does
    not, and neither is an error, in the preview or the import."""
    source, target = pair
    ids = populate(source)
    recipients = [target.age_recipient()]
    # The target already knows Sam, from an earlier bundle that carried him.
    source.export_bundle(
        tmp_path / "sam.hnb",
        scope=Scope("notes", notes=(ids["hearing"],)),
        recipients=recipients,
        with_linked_contacts=True,
    )
    target.import_bundle(tmp_path / "sam.hnb")

    source.links.link(ids["intake"], ids["sam"])
    source.links.link(ids["intake"], ids["rosa"])
    source.export_bundle(
        tmp_path / "b.hnb", scope=Scope("notebook", "Case 12"), recipients=recipients
    )
    contents = target.read_bundle(tmp_path / "b.hnb")
    plan = target.preview_bundle(contents)
    assert plan.report.count("contacts", "added") == 0
    assert plan.report.count("links", "added") == 1  # Intake to Sam, whom it knows
    # Intake to Rosa (unknown here) and Hearing to Sam (already here) are skipped.
    assert plan.report.count("links", "skipped") == 2
    report = target.merge_bundle(contents, plan=plan)
    assert report.outcomes == plan.report.outcomes
    assert [c.display_name for c in target.links.contacts_of(ids["intake"])] == ["Sam Okafor"]
    assert [c.display_name for c in target.contacts.summaries()] == ["Sam Okafor"]


def test_trashed_notes_never_leave_in_the_selected_scope(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    ids = populate(source)
    (binned,) = source.notes.summaries(trashed=True)
    source.links.link(binned.uuid, ids["rosa"])
    recipients = [target.age_recipient()]
    scope = Scope("notes", notes=(ids["shift"], binned.uuid))
    assert source.linked_contact_count(scope) == 1  # Rosa, through Shift plan only
    source.export_bundle(
        tmp_path / "b.hnb", scope=scope, recipients=recipients, with_linked_contacts=True
    )
    records = _contents(target, tmp_path / "b.hnb")
    assert [r["title"] for r in records["notes"]] == ["Shift plan"]
    assert binned.uuid not in {r["note"] for r in records["links"]}

    with pytest.raises(InvalidRecordError) as refused:
        source.export_bundle(
            tmp_path / "trash.hnb", scope=Scope("notes", notes=(binned.uuid,)),
            recipients=recipients,
        )  # fmt: skip
    assert refused.value.context["reason"] == "in-trash"
    assert list(tmp_path.glob("trash.hnb*")) == []


def test_newer_wins_older_and_equal_are_skipped(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    ids = populate(source)
    recipient = [target.age_recipient()]
    source.export_bundle(tmp_path / "first.hnb", recipients=recipient)
    target.import_bundle(tmp_path / "first.hnb")
    time.sleep(0.01)
    source.notes.update(ids["hearing"], body="changed at the source")
    target.notes.update(ids["intake"], body="changed at the target")
    source.export_bundle(tmp_path / "second.hnb", recipients=recipient)
    report = target.import_bundle(tmp_path / "second.hnb")
    assert report.count("notes", "updated") == 1
    assert report.count("notes", "skipped") == 3
    assert target.notes.get(ids["hearing"]).body == "changed at the source"
    assert target.notes.get(ids["intake"]).body == "changed at the target"
    again = target.import_bundle(tmp_path / "second.hnb")
    assert again.count("notes", "updated") == 0 and again.count("notes", "added") == 0


def test_lists_merge_their_members_and_names_do_not_collide(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    populate(source)
    target.lists.create("Medics")  # a different list that happens to share the name
    source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    target.import_bundle(tmp_path / "b.hnb")
    assert {g.name for g in target.lists.all()} == {"Medics", "Medics (2)"}
    assert [m.display_name for m in target.lists.members("Medics (2)")] == ["Rosa Delgado"]


def test_imported_times_are_the_originals(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    old = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
    source.notes.create_many([NewNote(title="old", created_at=old, updated_at=old)])
    source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    target.import_bundle(tmp_path / "b.hnb")
    (note,) = [target.notes.get(s.uuid) for s in target.notes.summaries()]
    assert note.created_at == old == note.updated_at


def test_export_leaves_no_plaintext_on_disk_while_it_runs(
    tmp_path: Path, isolated_home: Path, fast_kdf_params: KdfParams
) -> None:
    with Vault.create(tmp_path / "v", "pw", kdf=fast_kdf_params) as vault:
        vault.notes.create_many(NewNote(title=f"{CANARY} {n}", body=f"{CANARY} " * 300)
                                for n in range(3000))  # fmt: skip
        out_dir = tmp_path / "usb"
        out_dir.mkdir()
        watched = [out_dir, Path(os.environ["TMPDIR"]), isolated_home]
        hits: list[object] = []
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                hits.extend(canary_hits([CANARY], *watched))

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            vault.export_bundle(out_dir / "b.hnb", recipients=["self"])
            vault.export_bundle(out_dir / "p.hnb", passphrase="words")
        finally:
            done.set()
            watcher.join()
    assert hits == []
    assert canary_hits([CANARY], *watched) == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["b.hnb", "p.hnb"]


@pytest.mark.parametrize(
    ("how", "in_memory_limit"),
    [("self", None), ("passphrase", None), ("passphrase", 1000)],
    ids=["streamed", "passphrase-in-memory", "passphrase-spilled"],
)
def test_a_cancelled_export_leaves_nothing(  # type: ignore[no-untyped-def]
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, in_memory_limit: int | None
) -> None:
    source, _ = pair
    source.notes.create_many(NewNote(title=str(n)) for n in range(3000))
    if in_memory_limit is not None:
        monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", in_memory_limit)
    target = {"recipients": ["self"]} if how == "self" else {"passphrase": "bundle words"}
    with pytest.raises(CancelledError):
        # Cancelled at the first report, after the first records went into the stream.
        source.export_bundle(tmp_path / "b.hnb", progress=lambda fraction: False, **target)
    assert list(tmp_path.glob("b.hnb*")) == []


def _vault_digest(vault: Vault) -> dict[str, str]:
    """The files that hold data; -shm is SQLite's shared-memory index, rewritten by reads."""
    vault.db.checkpoint()
    digest = tree_digest(vault.paths.root)
    digest.pop("vault.db-shm", None)
    return digest


@pytest.mark.parametrize("offset", [0, 30, 90, 150, 400, -200, -17, -1])
def test_tampering_anywhere_is_refused_and_changes_nothing(
    pair,
    tmp_path: Path,
    offset: int,  # type: ignore[no-untyped-def]
) -> None:
    source, target = pair
    populate(source)
    source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    data = bytearray((tmp_path / "b.hnb").read_bytes())
    data[offset] ^= 0x20
    (tmp_path / "b.hnb").write_bytes(bytes(data))
    before = _vault_digest(target)
    with pytest.raises(BundleDecryptionError):
        target.import_bundle(tmp_path / "b.hnb")
    assert _vault_digest(target) == before


@pytest.mark.parametrize("keep", [0, 10, 100, 300, -1])
def test_truncation_is_refused(pair, tmp_path: Path, keep: int) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    populate(source)
    source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    data = (tmp_path / "b.hnb").read_bytes()
    (tmp_path / "b.hnb").write_bytes(data[:keep])
    with pytest.raises(BundleDecryptionError):
        target.import_bundle(tmp_path / "b.hnb")
    assert target.notes.count() == 0


def _seal(target: Vault, archive: bytes, path: Path) -> Path:
    path.write_bytes(pyrage.encrypt(archive, [target.age_identity().to_public()]))
    return path


def test_a_zip_bomb_is_refused(pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    populate(source)
    source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    plain = open_bundle(tmp_path / "b.hnb", identities=[target.age_identity()]).archive
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name in plain.namelist():
            zipped.writestr(name, plain.read(name))
        zipped.writestr("bomb", b"\0" * (50 << 20))
    sealed = _seal(target, bomb.getvalue(), tmp_path / "bomb.hnb")
    assert sealed.stat().st_size < 1 << 20  # 50 MiB of zeros in under 1 MiB
    with pytest.raises(BundleFormatError):  # an unexpected member is refused first
        target.import_bundle(sealed)
    monkeypatch.setattr(bundle_module, "UNCOMPRESSED_LIMIT", 1000)
    with pytest.raises(BundleTooLargeError):
        target.import_bundle(tmp_path / "b.hnb")
    monkeypatch.undo()
    # The decrypted archive's own limit: in memory, and spooled (what a vault uses).
    monkeypatch.setattr(bundle_module, "ARCHIVE_LIMIT", 1000)
    with pytest.raises(BundleTooLargeError):
        open_bundle(tmp_path / "b.hnb", identities=[target.age_identity()])
    monkeypatch.setattr(bundle_module, "SPOOL_LIMIT", 1000)
    with pytest.raises(BundleTooLargeError):
        target.import_bundle(tmp_path / "b.hnb")
    assert target.notes.count() == 0


def test_a_cancelled_import_adds_nothing(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    source.notes.create_many(NewNote(title=str(n)) for n in range(2000))
    source.export_bundle(tmp_path / "b.hnb", recipients=[target.age_recipient()])
    with pytest.raises(CancelledError):
        target.import_bundle(tmp_path / "b.hnb", progress=lambda fraction: fraction < 0.5)
    assert target.notes.count() == 0


def test_the_identity_is_made_once_and_kept_in_the_vault(vault_setup: VaultSetup) -> None:
    with Vault.unlock(vault_setup.root, vault_setup.passphrase) as vault:
        first = vault.age_recipient()
        assert first.startswith("age1")
    with Vault.unlock(vault_setup.root, vault_setup.passphrase) as vault:
        assert vault.age_recipient() == first
    assert canary_hits([first], vault_setup.root) == []  # stored encrypted, like everything


@pytest.fixture
def vault_setup(fast_kdf_vault: VaultSetup) -> VaultSetup:
    return fast_kdf_vault
