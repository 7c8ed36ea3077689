"""vCard in and out: real exports, malformed files, and the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from hushnote.core import ContactMethod, MethodKind, NewContact, Vault, parse_vcards, write_vcards
from hushnote.errors import ImportFormatError

DATA = Path(__file__).parents[2] / "data" / "contacts"
PHONE, EMAIL = MethodKind.PHONE, MethodKind.EMAIL


def load(name: str) -> list[NewContact]:
    return parse_vcards((DATA / name).read_bytes())


def values(contact: NewContact, kind: MethodKind) -> list[str]:
    return [m.value for m in contact.methods if m.kind is kind]


def test_apple_export() -> None:
    rosa, wang = load("apple-3.0.vcf")
    assert rosa.display_name == "Rosa María Delgado"
    assert values(rosa, PHONE) == ["+1 (555) 010-0100", "+1 555 010 0199"]
    assert [m.label for m in rosa.methods if m.kind is PHONE] == ["cell", "work"]
    assert values(rosa, EMAIL) == ["rosa@example.org"]
    assert values(rosa, MethodKind.TELEGRAM) == ["rosa_tg"]
    assert values(rosa, MethodKind.SIGNAL) == ["+15550100100"]
    assert rosa.organization == "Street Medics, East Team"
    assert rosa.role == "Medic"
    assert rosa.notes == "Knows the east side, and the clinic.\nCall before 9."
    assert rosa.tags == ("medic", "east")
    assert wang.display_name == "王小明"
    assert wang.notes == "律师助理，负责租房纠纷的案件。这是一行很 长的备注。"


def test_android_quoted_printable_in_two_charsets() -> None:
    jurgen, lucia = load("android-2.1-quoted-printable.vcf")
    assert jurgen.display_name == "Jürgen Müller"
    assert values(jurgen, PHONE) == ["+49 151 2345678", "030 123456"]
    assert [m.label for m in jurgen.methods if m.kind is PHONE] == ["cell", "work"]
    assert jurgen.notes.endswith("über Signal am besten.")
    assert lucia.display_name == "Lucía García"  # from N, in ISO-8859-1


def test_vcard_4_uris_and_every_messenger() -> None:
    (sam,) = load("rfc6350-4.0.vcf")
    assert values(sam, PHONE) == ["+44-7700-900123"]
    assert [m.label for m in sam.methods if m.kind is PHONE] == ["cell"]
    assert values(sam, MethodKind.MATRIX) == ["@sam:matrix.example"]
    assert values(sam, MethodKind.SIGNAL) == ["+447700900123", "+447700900999"]
    assert values(sam, MethodKind.TELEGRAM) == ["@samokafor"]
    assert values(sam, MethodKind.WIRE) == ["@sam_o"]
    assert values(sam, MethodKind.OTHER) == ["xmpp:sam@jabber.example"]
    assert sam.role == "Legal observer"


@pytest.mark.parametrize(
    ("name", "line", "reason"),
    [
        ("unterminated.vcf", 1, "unterminated-card"),
        ("nested.vcf", 4, "nested-begin"),
        ("no-colon.vcf", 4, "no-colon"),
        ("bad-quoted-printable.vcf", 3, "quoted-printable"),
        ("no-name.vcf", 1, "no-name"),
        ("outside-card.vcf", 1, "outside-card"),
        ("latin1.vcf", 3, "not-utf8"),
        ("version-5.vcf", 2, "version"),
        ("not-a-vcard.vcf", 1, "outside-card"),
    ],
)
def test_malformed_files_name_the_line(name: str, line: int, reason: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_vcards((DATA / "broken" / name).read_bytes())
    assert caught.value.context == {"line": line, "reason": reason}


def test_round_trip_gives_the_same_contacts(open_vault: Vault, tmp_path: Path) -> None:
    originals = [
        NewContact(
            "Rosa; Delgado, \\ MD",
            (
                ContactMethod(PHONE, "+1 555-0100", "cell"),
                ContactMethod(PHONE, "030 1", "work"),
                ContactMethod(EMAIL, "rosa@example.org", "home"),
                ContactMethod(MethodKind.SIGNAL, "@rosa.01"),
                ContactMethod(MethodKind.MATRIX, "@r:m.org"),
                ContactMethod(MethodKind.TELEGRAM, "rosa_tg"),
                ContactMethod(MethodKind.WIRE, "@rosa"),
                ContactMethod(MethodKind.OTHER, "xmpp:rosa@j.example", "jabber"),
            ),
            organization="Street Medics",
            role="medic",
            notes="Line one\nline two, with; punctuation: and a very long tail " + "x" * 200,
            tags=("medic", "east side"),
        ),
        NewContact("王小明", (ContactMethod(PHONE, "+86 138 0013 8000"),), notes="律师助理" * 30),
    ]
    for contact in originals:
        open_vault.contacts.create(contact)
    exported = write_vcards(open_vault.contacts.all_contacts())
    assert all(len(line) <= 75 for line in exported.split(b"\r\n"))
    parsed = parse_vcards(exported)
    by_name = {c.display_name: c for c in parsed}
    for original in originals:
        again = by_name[original.display_name]
        assert again.methods == original.cleaned().methods
        assert (again.organization, again.role, again.notes, sorted(again.tags)) == (
            original.organization,
            original.role,
            original.notes,
            sorted(original.tags),
        )
