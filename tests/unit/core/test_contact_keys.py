"""A contact's age public key: checked, stored, sealed, and its spoken fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from hushnote.core import (
    Contact,
    NewContact,
    Scope,
    Vault,
    key_fingerprint,
    normalize_recipient,
    parse_csv,
    parse_vcards,
    write_csv,
    write_vcards,
)
from hushnote.core.formats.bundle_records import FORMAT
from hushnote.errors import InvalidRecordError

# A fixed key, so that the fingerprint below is a test vector others can check.
CHEN_KEY = "age1axxvcgj4e865e04knpm70lmrysqy4dy2l3je7ynfmuss4r28ggtser0nuu"


def test_the_fingerprint_is_a_stable_vector_of_twenty_digits() -> None:
    digest = hashlib.sha256(CHEN_KEY.encode()).digest()
    expected = f"{int.from_bytes(digest[:16], 'big') % 10**20:020d}"
    spoken = key_fingerprint(CHEN_KEY)
    assert spoken.replace(" ", "") == expected
    assert [len(group) for group in spoken.split(" ")] == [5, 5, 5, 5]
    assert spoken == "89985 56366 90485 20701"  # pinned: a change breaks every comparison


def test_case_and_spaces_do_not_change_the_key_or_its_fingerprint() -> None:
    assert normalize_recipient(f"  {CHEN_KEY.upper()}\n") == CHEN_KEY
    assert key_fingerprint(CHEN_KEY.upper()) == key_fingerprint(CHEN_KEY)


def test_different_keys_have_different_fingerprints() -> None:
    other = str(x25519.Identity.generate().to_public())
    assert key_fingerprint(other) != key_fingerprint(CHEN_KEY)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "not-an-age-key"),
        ("age1abc", "not-an-age-key"),
        (CHEN_KEY[:-1] + "q", "not-an-age-key"),  # checksum
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE", "not-an-age-key"),
        ("age1" + "q" * 400, "not-an-age-key"),
        (str(x25519.Identity.generate()), "secret-key"),
    ],
)
def test_anything_but_an_age_public_key_is_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidRecordError) as caught:
        normalize_recipient(text)
    assert caught.value.context == {"field": "age_recipient", "reason": reason}


def test_a_contact_keeps_its_key_through_create_update_and_reopen(
    open_vault: Vault,
) -> None:
    contacts = open_vault.contacts
    chen = contacts.create(NewContact("Chen Wei", age_recipient=CHEN_KEY.upper()))
    assert chen.age_recipient == CHEN_KEY
    plain = contacts.create(NewContact("Ana"))
    assert plain.age_recipient is None
    assert [(k.display_name, k.age_recipient) for k in contacts.keyed()] == [("Chen Wei", CHEN_KEY)]
    renamed = contacts.update(chen.uuid, NewContact("Chen W.", age_recipient=CHEN_KEY))
    assert renamed.age_recipient == CHEN_KEY
    assert contacts.set_key(chen.uuid, None).age_recipient is None
    assert contacts.keyed() == []
    assert contacts.set_key(plain.uuid, CHEN_KEY).age_recipient == CHEN_KEY
    assert open_vault.check() == []


def test_a_bad_key_is_refused_and_the_contact_is_unchanged(open_vault: Vault) -> None:
    chen = open_vault.contacts.create(NewContact("Chen", age_recipient=CHEN_KEY))
    with pytest.raises(InvalidRecordError):
        open_vault.contacts.set_key(chen.uuid, "age1-not-a-key")
    assert open_vault.contacts.get(chen.uuid).age_recipient == CHEN_KEY


def test_the_key_is_sealed_with_the_contact(open_vault: Vault) -> None:
    # A key changed behind the store's back (a rolled-back page) no longer matches the MAC.
    chen = open_vault.contacts.create(NewContact("Chen", age_recipient=CHEN_KEY))
    other = str(x25519.Identity.generate().to_public())
    db = open_vault.db
    with db.connection:
        db.connection.execute("DROP TRIGGER IF EXISTS temp.hn_contacts_update")
        db.connection.execute(
            "UPDATE contacts SET age_recipient = ? WHERE uuid = ?", (other, chen.uuid)
        )
    assert any("contact" in problem for problem in open_vault.check())


def test_an_export_to_a_contact_opens_with_that_colleagues_identity(
    open_vault: Vault, tmp_path: Path
) -> None:
    colleague = x25519.Identity.generate()
    chen = open_vault.contacts.create(NewContact("Chen", age_recipient=str(colleague.to_public())))
    out = tmp_path / "bundle.hnb"
    open_vault.export_bundle(out, scope=Scope(), recipients=[chen.age_recipient or ""])
    plain = pyrage.decrypt(out.read_bytes(), [colleague])
    assert plain[:2] == b"PK" and FORMAT.encode() in plain
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(out.read_bytes(), [open_vault.age_identity()])


def _stored(open_vault: Vault, key: str | None) -> Contact:
    return open_vault.contacts.create(NewContact("Chen Wei", age_recipient=key))


def test_a_vcard_carries_the_key_as_a_key_property_both_ways(open_vault: Vault) -> None:
    written = write_vcards([_stored(open_vault, CHEN_KEY)]).decode()
    assert "\r\nKEY;TYPE=age:" + CHEN_KEY + "\r\n" in written
    (back,) = parse_vcards(written.encode()).contacts
    assert back.age_recipient == CHEN_KEY
    assert "KEY" not in write_vcards([_stored(open_vault, None)]).decode()


def test_a_vcard_pgp_key_is_passed_over_and_a_broken_age_key_skips_the_card() -> None:
    cards = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pgp\r\nKEY;TYPE=PGP:mQINBF\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nKEY;TYPE=age:age1broken\r\nEND:VCARD\r\n"
    )
    parsed = parse_vcards(cards.encode())
    assert [(c.display_name, c.age_recipient) for c in parsed.contacts] == [("Pgp", None)]
    assert [s.reason for s in parsed.skipped] == ["not-an-age-key"]


def test_a_csv_has_an_age_key_column_only_when_a_contact_has_a_key(open_vault: Vault) -> None:
    chen, ana = _stored(open_vault, CHEN_KEY), open_vault.contacts.create(NewContact("Ana"))
    text = write_csv([chen, ana]).decode("utf-8-sig")
    assert text.splitlines()[0].endswith(",Age key")
    parsed = parse_csv(text.encode())
    assert [c.age_recipient for c in parsed.contacts] == [CHEN_KEY, None]
    assert "Age key" not in write_csv([ana]).decode("utf-8-sig")


def test_a_csv_row_with_a_secret_key_is_skipped(open_vault: Vault) -> None:
    secret = str(x25519.Identity.generate())
    parsed = parse_csv(f"Name,Age key\r\nChen,{secret}\r\nAna,\r\n".encode())
    assert [c.display_name for c in parsed.contacts] == ["Ana"]
    assert [s.reason for s in parsed.skipped] == ["secret-key"]


def test_bundles_do_not_carry_keys_and_an_import_keeps_the_one_stored(
    open_vault: Vault, tmp_path: Path
) -> None:
    # A key comes only from its owner, checked by fingerprint: never from a third party's
    # bundle, which could otherwise swap a colleague's key for its sender's own.
    chen = open_vault.contacts.create(NewContact("Chen", age_recipient=CHEN_KEY))
    out = tmp_path / "b.hnb"
    open_vault.export_bundle(out, recipients=["self"])
    plain = pyrage.decrypt(out.read_bytes(), [open_vault.age_identity()])
    assert CHEN_KEY.encode() not in plain and b"age_recipient" not in plain
    other = str(x25519.Identity.generate().to_public())
    open_vault.contacts.set_key(chen.uuid, other)
    with open_vault.db.transaction() as connection:  # make the bundle's copy the newer one
        connection.execute("UPDATE contacts SET updated_at = 0")
    report = open_vault.import_bundle(out)
    assert report.outcomes["contacts"]["updated"] == 1
    assert open_vault.contacts.get(chen.uuid).age_recipient == other
