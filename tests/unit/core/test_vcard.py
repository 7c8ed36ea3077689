"""vCard in and out: real exports in every encoding, malformed files, cards that are left
out and why, limits, and the round trip."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from hushnote.core import (
    ContactMethod,
    MethodKind,
    NewContact,
    ParsedContacts,
    SkippedRecord,
    Vault,
    parse_vcards,
    write_vcards,
)
from hushnote.errors import ImportFormatError

DATA = Path(__file__).parents[2] / "data" / "contacts"
BOMS = {
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
PHONE, EMAIL = MethodKind.PHONE, MethodKind.EMAIL


def load(name: str) -> list[NewContact]:
    parsed = parse_vcards((DATA / name).read_bytes())
    assert parsed.skipped == []
    return parsed.contacts


def values(contact: NewContact, kind: MethodKind) -> list[str]:
    return [m.value for m in contact.methods if m.kind is kind]


def card(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:2.1", *lines, "END:VCARD"]) + "\r\n"


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


def test_outlook_2_1_in_windows_1252() -> None:
    (jurgen,) = load("outlook-2.1-windows-1252.vcf")
    assert jurgen.display_name == "Jürgen Müller"
    assert jurgen.organization == "Straßenmedizin e.V., Fahrdienst"
    assert (
        jurgen.role == "Fahrer \N{EN DASH} Nachtschicht"
    )  # the dash is 0x96: windows-1252, not Latin-1
    assert [(m.label, m.value) for m in jurgen.methods if m.kind is PHONE] == [
        ("work", "+49 30 1234567"),
        ("cell", "+49 151 2345678"),
    ]
    assert values(jurgen, EMAIL) == ["juergen@example.de"]
    assert jurgen.notes == (
        "Hat einen Transporter \N{EN DASH} „Sprinter“, 20 € pro Fahrt.\n"
        "Erreichbar über Signal, nicht vor 18 Uhr."
    )


def test_apple_address_book_in_utf16_big_endian_without_a_bom() -> None:
    data = (DATA / "apple-addressbook-utf16be-nobom.vcf").read_bytes()
    assert data[:4] == b"\x00B\x00E"  # no byte-order mark
    sam, zoe, chen = load("apple-addressbook-utf16be-nobom.vcf")
    assert sam.display_name == "Samuel Okafor"
    assert sam.notes == "Speaks Yoruba, French and English.\nAsk for Sam."
    assert values(sam, PHONE) == ["+44 7700 900123"]
    assert zoe.display_name == "Zoë Ångström"
    assert zoe.tags == ("medic", "Göteborg")
    assert chen.display_name == "陈伟"
    assert chen.organization == "法律援助中心"


def test_the_bat_quoted_printable_in_windows_1251_and_koi8_r() -> None:
    ivan, olga = load("thebat-2.1-windows-1251.vcf")
    assert ivan.display_name == "Иван Петров"
    assert ivan.organization == "Правозащитный центр"
    assert ivan.notes == (
        "Водитель, есть микроавтобус. Звонить после 18:00, лучше писать в Signal."
    )
    assert values(ivan, PHONE) == ["+7 495 123-45-67", "+7 916 123-45-67"]
    assert olga.display_name == "Ольга Смирнова"  # KOI8-R
    assert olga.notes == "Медсестра, дежурит по выходным."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf16_and_utf32_with_or_without_a_bom(encoding: str, bom: bool) -> None:
    text = (DATA / "apple-3.0.vcf").read_text(encoding="utf-8")
    data = text.encode(encoding)
    if bom:
        data = BOMS[encoding] + data
    parsed = parse_vcards(data)
    assert [c.display_name for c in parsed.contacts] == ["Rosa María Delgado", "王小明"]
    assert parsed.contacts == load("apple-3.0.vcf")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_a_lone_surrogate_in_a_utf16_file_costs_only_its_card(encoding: str) -> None:
    text = card("FN:Ana") + card("FN:Bad\ud800") + card("FN:Eve")
    parsed = parse_vcards(text.encode(encoding, "surrogatepass"))
    assert [c.display_name for c in parsed.contacts] == ["Ana", "Eve"]
    assert parsed.skipped == [SkippedRecord(line=5, reason="charset", value_line=7)]


def test_undeclared_8bit_text_is_utf8_when_valid_else_windows_1252() -> None:
    data = card("FN:José Müller", "NOTE:Café").encode("utf-8")
    data += card("FN:Zoë d\N{RIGHT SINGLE QUOTATION MARK}Arcy", "NOTE:20 €").encode("cp1252")
    data += card("FN;CHARSET=x-unknown-charset:Łódź").encode("utf-8")  # unknown: same rule
    data += card("FN;CHARSET=ut\x00f-8:Ana", "NOTE;CHARSET=base64:YQ").encode()  # not charsets
    parsed = parse_vcards(data)
    assert [(c.display_name, c.notes) for c in parsed.contacts] == [
        ("José Müller", "Café"),
        ("Zoë d\N{RIGHT SINGLE QUOTATION MARK}Arcy", "20 €"),
        ("Łódź", ""),
        ("Ana", "YQ"),
    ]


def test_a_card_that_cannot_be_read_is_skipped_and_the_rest_imported() -> None:
    data = b"".join(
        [
            card("FN:Ana").encode(),
            card("N:;Ben", "FN;CHARSET=UTF-8:B\xe9n", "TEL:1").encode("latin-1"),  # not UTF-8
            card("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=28").encode(),
            card("FN;ENCODING=QUOTED-PRINTABLE:Bad =ZZ escape").encode(),
            card("FN:Nul\x00name").encode(),
            card("TEL:555").encode(),
            card("FN:" + "x" * 600).encode(),
            b"BEGIN:VCARD\r\nVERSION:5.0\r\nFN:Future\r\nEND:VCARD\r\n",
            card("FN:Eve").encode(),
        ]
    )
    parsed = parse_vcards(data)
    assert isinstance(parsed, ParsedContacts)
    assert [c.display_name for c in parsed.contacts] == ["Ana", "Eve"]
    assert parsed.skipped == [
        SkippedRecord(line=5, reason="charset", value_line=8),
        SkippedRecord(line=11, reason="charset", value_line=13),
        SkippedRecord(line=15, reason="quoted-printable", value_line=17),
        SkippedRecord(line=19, reason="control-character", value_line=19),
        SkippedRecord(line=23, reason="no-name", value_line=23),
        SkippedRecord(line=27, reason="too-long", value_line=27),
        SkippedRecord(line=31, reason="version", value_line=32),
    ]


@pytest.mark.parametrize(
    ("name", "line", "reason"),
    [
        ("unterminated.vcf", 1, "unterminated-card"),
        ("nested.vcf", 4, "nested-begin"),
        ("no-colon.vcf", 4, "no-colon"),
        ("outside-card.vcf", 1, "outside-card"),
        ("not-a-vcard.vcf", 1, "outside-card"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_naming_the_line(
    name: str, line: int, reason: str
) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_vcards((DATA / "broken" / name).read_bytes())
    assert caught.value.context == {"line": line, "reason": reason}


@pytest.mark.parametrize(
    ("name", "skipped"),
    [
        ("bad-quoted-printable.vcf", SkippedRecord(1, "quoted-printable", 3)),
        ("no-name.vcf", SkippedRecord(1, "no-name", 1)),
        ("version-5.vcf", SkippedRecord(1, "version", 2)),
    ],
)
def test_a_broken_card_is_reported_not_imported(name: str, skipped: SkippedRecord) -> None:
    parsed = parse_vcards((DATA / "broken" / name).read_bytes())
    assert parsed == ParsedContacts(contacts=[], skipped=[skipped])


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01\x02\x03garbage\xff\xfe", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"],
    ids=["empty", "binary", "jpeg"],
)
def test_a_file_with_no_cards_is_refused(data: bytes) -> None:
    with pytest.raises(ImportFormatError):
        parse_vcards(data)


def test_a_kept_line_over_the_limit_refuses_the_file() -> None:
    data = card("FN:Rosa", "NOTE:" + "\r\n x" * (1 << 20)).encode()
    with pytest.raises(ImportFormatError) as caught:
        parse_vcards(data)
    assert caught.value.context == {"line": 4, "reason": "line-too-long"}


def test_a_large_photo_is_passed_over_not_refused() -> None:
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(["QUJD" * 18] * 40_000)  # 2.9 MB
    (rosa,) = parse_vcards(card("FN:Rosa", photo, "TEL:1").encode()).contacts
    assert values(rosa, PHONE) == ["1"]


def test_too_many_properties_in_one_card_refuses_the_file() -> None:
    data = card("FN:Rosa", *["X-SPAM:1"] * 10_001).encode()
    with pytest.raises(ImportFormatError) as caught:
        parse_vcards(data)
    assert caught.value.context == {"line": 1, "reason": "too-many-properties"}


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
    assert parsed.skipped == []
    by_name = {c.display_name: c for c in parsed.contacts}
    for original in originals:
        again = by_name[original.display_name]
        assert again.methods == original.cleaned().methods
        assert (again.organization, again.role, again.notes, sorted(again.tags)) == (
            original.organization,
            original.role,
            original.notes,
            sorted(original.tags),
        )
