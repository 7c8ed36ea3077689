"""CSV in and out: Google, Outlook and Thunderbird exports, broken files, the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from hushnote.core import ContactMethod, MethodKind, NewContact, Vault, parse_csv, write_csv
from hushnote.errors import ImportFormatError

DATA = Path(__file__).parents[2] / "data" / "contacts"
PHONE, EMAIL = MethodKind.PHONE, MethodKind.EMAIL


def load(name: str) -> list[NewContact]:
    return parse_csv((DATA / name).read_bytes())


def values(contact: NewContact, kind: MethodKind) -> list[str]:
    return [m.value for m in contact.methods if m.kind is kind]


def test_google_export() -> None:
    amina, only_email, diego = load("google.csv")
    assert amina.display_name == "Amina Yusuf"
    assert values(amina, PHONE) == ["+1 555 0101", "+1 555 0102", "+1 555 0103"]
    assert [m.label for m in amina.methods if m.kind is PHONE] == ["Mobile", "Mobile", "Work"]
    assert values(amina, EMAIL) == ["amina@example.org"]
    assert (amina.organization, amina.role) == ("Tenants Union", "Driver")
    assert amina.notes == "Has a van.\nAvailable weekends."
    assert amina.tags == ("Drivers",)
    assert only_email.display_name == "only-email@example.org"
    assert diego.display_name == "Diego Ramírez"


def test_outlook_export() -> None:
    chen, fatima = load("outlook.csv")
    assert chen.display_name == "Chen Wei"
    assert sorted((m.label, m.value) for m in chen.methods if m.kind is PHONE) == [
        ("cell", "+1 555 0111"),
        ("work", "+1 555 0110"),
    ]
    assert values(chen, EMAIL) == ["chen.wei@legalaid.example"]
    assert chen.tags == ("Legal", "Interpreters")
    assert chen.notes == "Speaks Mandarin and Cantonese"
    assert values(fatima, PHONE) == ["+1 555 0120"]


def test_thunderbird_export() -> None:
    (lena,) = load("thunderbird.csv")
    assert lena.display_name == "Lena Berg"
    assert sorted(values(lena, PHONE)) == ["+46 70 123 45 67", "+46 8 123 456"]
    assert values(lena, EMAIL) == ["lena@example.se"]
    assert (lena.organization, lena.role) == ("Medics Sweden", "Medic")


def test_utf16_and_blank_rows() -> None:
    (jose,) = load("utf16.csv")
    assert jose.display_name == "José Martínez"
    assert [c.display_name for c in load("blank-rows-ok.csv")] == ["Ana"]


@pytest.mark.parametrize(
    ("name", "line", "reason"),
    [
        ("broken-quote.csv", 3, "csv-syntax"),
        ("extra-fields.csv", 3, "too-many-fields"),
        ("no-name-column.csv", 1, "no-name-column"),
        ("empty.csv", 1, "no-header"),
        ("not-utf8.csv", 3, "not-utf8"),
    ],
)
def test_malformed_files_name_the_line(name: str, line: int, reason: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_csv((DATA / "broken" / name).read_bytes())
    assert caught.value.context == {"line": line, "reason": reason}


def test_round_trip_gives_the_same_contacts(open_vault: Vault) -> None:
    originals = [
        NewContact(
            'Rosa "Ro" Delgado, MD',
            (
                ContactMethod(PHONE, "+1 555-0100", "Cell"),
                ContactMethod(PHONE, "030 1", "Work"),
                ContactMethod(EMAIL, "rosa@example.org", "Home"),
                ContactMethod(MethodKind.SIGNAL, "@rosa.01", "private"),
                ContactMethod(MethodKind.OTHER, "xmpp:rosa@j.example"),
            ),
            organization="Street Medics",
            role="medic",
            notes="Two\nlines, with, commas",
            tags=("medic", "east side"),
        ),
        NewContact("王小明", (ContactMethod(EMAIL, "w@example.cn"),)),
    ]
    for contact in originals:
        open_vault.contacts.create(contact)
    parsed = {c.display_name: c for c in parse_csv(write_csv(open_vault.contacts.all_contacts()))}
    for original in originals:
        again = parsed[original.display_name]
        assert sorted(again.methods, key=str) == sorted(original.cleaned().methods, key=str)
        assert (again.organization, again.role, again.notes, sorted(again.tags)) == (
            original.organization,
            original.role,
            original.notes,
            sorted(original.tags),
        )


def test_importing_a_file_twice_adds_nothing_the_second_time(open_vault: Vault) -> None:
    first = open_vault.contacts.import_contacts(load("google.csv"))
    second = open_vault.contacts.import_contacts(load("google.csv"))
    assert len(first.added) == 3
    assert second.added == ()
    assert len(second.duplicates) == 3
