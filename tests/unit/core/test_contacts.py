"""Contacts, lists and links."""

from __future__ import annotations

import pytest

from hushnote.core import ContactMethod, MethodKind, NewContact, Vault
from hushnote.errors import InvalidRecordError, RecordNotFoundError

PHONE, EMAIL, SIGNAL = MethodKind.PHONE, MethodKind.EMAIL, MethodKind.SIGNAL


def rosa(**changes: object) -> NewContact:
    fields: dict[str, object] = dict(
        display_name="Rosa Delgado",
        methods=(
            ContactMethod(PHONE, "+1 555-0100", "cell"),
            ContactMethod(EMAIL, "rosa@example.org"),
            ContactMethod(SIGNAL, "@rosa.01"),
        ),
        organization="Street Medics",
        role="medic",
        notes="Knows the east side.",
        tags=("medic",),
    )
    fields.update(changes)
    return NewContact(**fields)  # type: ignore[arg-type]


def test_create_get_update_delete(open_vault: Vault) -> None:
    contacts = open_vault.contacts
    contact = contacts.create(rosa())
    assert contact.values(PHONE) == ("+1 555-0100",)
    assert contact.methods[0].label == "cell"
    assert contacts.get(contact.uuid[:8]) == contact
    changed = contacts.update(contact.uuid, rosa(display_name="Rosa D.", methods=()))
    assert changed.display_name == "Rosa D." and changed.methods == ()
    contacts.delete(contact.uuid)
    with pytest.raises(RecordNotFoundError):
        contacts.get(contact.uuid)


def test_many_methods_keep_their_order(open_vault: Vault) -> None:
    methods = tuple(
        ContactMethod(kind, f"{kind.value}-{n}", f"l{n}")
        for n, kind in enumerate(list(MethodKind) * 2)
    )
    contact = open_vault.contacts.create(NewContact("Many", methods))
    assert contact.methods == methods


def test_a_contact_needs_a_name(open_vault: Vault) -> None:
    with pytest.raises(InvalidRecordError):
        open_vault.contacts.create(NewContact("   "))


def test_listing_by_name_and_tag(open_vault: Vault) -> None:
    open_vault.contacts.create(NewContact("zoe", tags=("driver",)))
    open_vault.contacts.create(NewContact("Adam"))
    assert [c.display_name for c in open_vault.contacts.summaries()] == ["Adam", "zoe"]
    assert [c.display_name for c in open_vault.contacts.summaries(tag="driver")] == ["zoe"]


def test_import_skips_duplicates_in_the_vault_and_in_the_batch(open_vault: Vault) -> None:
    open_vault.contacts.create(rosa())
    report = open_vault.contacts.import_contacts(
        [
            rosa(methods=(ContactMethod(PHONE, "15550100"),)),  # same number, other format
            rosa(display_name="rosa delgado", methods=(ContactMethod(EMAIL, "ROSA@example.org"),)),
            NewContact("Ben", (ContactMethod(PHONE, "1"),)),
            NewContact("Ben", (ContactMethod(PHONE, "1"),)),
            rosa(methods=(ContactMethod(PHONE, "999"),)),  # same name, nothing in common
        ]
    )
    assert len(report.added) == 2
    assert report.duplicates == ("Rosa Delgado", "rosa delgado", "Ben")
    assert open_vault.contacts.count() == 3


def test_a_bad_contact_in_an_import_stores_none(open_vault: Vault) -> None:
    with pytest.raises(InvalidRecordError):
        open_vault.contacts.import_contacts([NewContact("Fine"), NewContact("")])
    assert open_vault.contacts.count() == 0


def test_lists_membership_and_numbers(open_vault: Vault) -> None:
    lists, contacts = open_vault.lists, open_vault.contacts
    a = contacts.create(
        NewContact("Ana", (ContactMethod(PHONE, "111"), ContactMethod(PHONE, "112")))
    )
    b = contacts.create(
        NewContact("Bo", (ContactMethod(PHONE, "111"), ContactMethod(EMAIL, "b@x")))
    )
    lists.create("Medics")
    lists.add("medics", a.uuid)
    lists.add("Medics", b.uuid)
    lists.add("Medics", b.uuid)  # twice is once
    assert [c.display_name for c in lists.members("Medics")] == ["Ana", "Bo"]
    assert lists.phone_numbers("Medics") == ["111", "112"]
    assert [(group.name, group.size) for group in lists.all()] == [("Medics", 2)]
    lists.create("Drivers")
    lists.add("Drivers", b.uuid)
    assert lists.lists_of(b.uuid) == ["Drivers", "Medics"]
    assert lists.lists_of(a.uuid) == ["Medics"]
    lists.delete("Drivers")
    lists.remove("Medics", a.uuid)
    assert lists.lists_of(a.uuid) == []
    assert [c.display_name for c in lists.members("Medics")] == ["Bo"]
    with pytest.raises(InvalidRecordError):
        lists.create("medics")
    lists.rename("Medics", "Street medics")
    lists.delete("Street medics")
    assert lists.all() == []
    assert contacts.count() == 2
    with pytest.raises(RecordNotFoundError):
        lists.members("Medics")


def test_deleting_a_contact_removes_links_and_memberships_not_notes(open_vault: Vault) -> None:
    contact = open_vault.contacts.create(rosa())
    note = open_vault.notes.create(title="Case note")
    open_vault.links.link(note.uuid, contact.uuid)
    open_vault.lists.create("Medics")
    open_vault.lists.add("Medics", contact.uuid)
    assert [c.uuid for c in open_vault.links.contacts_of(note.uuid)] == [contact.uuid]
    assert [n.uuid for n in open_vault.links.notes_of(contact.uuid)] == [note.uuid]
    open_vault.contacts.delete(contact.uuid)
    assert open_vault.notes.get(note.uuid).title == "Case note"
    assert open_vault.links.contacts_of(note.uuid) == []
    assert open_vault.lists.members("Medics") == []


def test_purging_a_note_removes_its_links(open_vault: Vault) -> None:
    contact = open_vault.contacts.create(rosa())
    note = open_vault.notes.create(title="Case note")
    open_vault.links.link(note.uuid, contact.uuid)
    open_vault.links.unlink(note.uuid, contact.uuid)
    assert open_vault.links.notes_of(contact.uuid) == []
    open_vault.links.link(note.uuid, contact.uuid)
    open_vault.notes.purge(note.uuid)
    assert open_vault.links.notes_of(contact.uuid) == []


def test_a_cancelled_import_adds_nothing(open_vault: Vault) -> None:
    from hushnote.errors import CancelledError

    drafts = [NewContact(f"Person {n}") for n in range(120)]
    with pytest.raises(CancelledError):
        open_vault.contacts.import_contacts(drafts, progress=lambda fraction: fraction < 0.5)
    assert open_vault.contacts.count() == 0
