"""Contacts as CSV: the common address-book exports in, a Google-style layout out.

Reading recognises the column names of Google Contacts ("Phone 1 - Value", " ::: " between
several values), Outlook ("Mobile Phone", "E-mail Address", "Categories"), Thunderbird
("Primary Email", "Work Phone") and plain headers ("Name", "Phone", "Email"), so those
exports import without editing. Writing uses the Google layout, which reads back
losslessly here and imports into most address books.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable

from hushnote.core.contacts import Contact, ContactMethod, MethodKind, NewContact
from hushnote.errors import ImportFormatError, InvalidRecordError

__all__ = ["parse_csv", "write_csv"]

_MULTI = " ::: "
_NAME = ("name", "display name", "full name", "display_name")
_GIVEN = ("first name", "given name")
_MIDDLE = ("middle name", "additional name")
_FAMILY = ("last name", "family name", "surname")
_ORGANIZATION = ("organization", "organization 1 - name", "company", "organization name")
_ROLE = ("title", "job title", "organization 1 - title", "organization title", "role")
_NOTES = ("notes", "note")
_TAGS = ("labels", "group membership", "categories", "tags")
# Single-valued phone and email columns, with the label each implies.
_PHONE_COLUMNS = {
    "phone": "",
    "telephone": "",
    "mobile": "cell",
    "mobile phone": "cell",
    "mobile number": "cell",
    "cell phone": "cell",
    "home phone": "home",
    "home phone 2": "home",
    "business phone": "work",
    "business phone 2": "work",
    "work phone": "work",
    "primary phone": "",
    "other phone": "other",
    "company main phone": "work",
    "car phone": "car",
    "pager number": "pager",
    "fax number": "fax",
    "business fax": "fax",
    "home fax": "fax",
}
_EMAIL_COLUMNS = {
    "email": "",
    "e-mail": "",
    "email address": "",
    "e-mail address": "",
    "e-mail 2 address": "",
    "e-mail 3 address": "",
    "primary email": "",
    "secondary email": "",
}
_HANDLE_COLUMNS = {
    kind.value: kind for kind in MethodKind if kind not in (MethodKind.PHONE, MethodKind.EMAIL)
}
_NUMBERED = re.compile(r"^(phone|e-mail|im) (\d+) - (value|type|label|service)$")
_SERVICES = {
    "signal": MethodKind.SIGNAL,
    "telegram": MethodKind.TELEGRAM,
    "matrix": MethodKind.MATRIX,
    "wire": MethodKind.WIRE,
}


def parse_csv(data: bytes) -> list[NewContact]:
    """Every contact in a CSV export with a header row; raises ``ImportFormatError``."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error:
        raise ImportFormatError(line=1, reason="csv-syntax") from None
    if not header or not any(cell.strip() for cell in header):
        raise ImportFormatError(line=1, reason="no-header")
    columns = [cell.strip().lower() for cell in header]
    if not _can_name(columns):
        raise ImportFormatError(line=1, reason="no-name-column")
    contacts = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader, None)
        except csv.Error:
            raise ImportFormatError(line=start, reason="csv-syntax") from None
        if row is None:
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            raise ImportFormatError(line=start, reason="too-many-fields")
        contact = _contact(dict(zip(columns, row, strict=False)))
        if contact is None:
            raise ImportFormatError(line=start, reason="no-name")
        try:
            contacts.append(contact.cleaned())
        except InvalidRecordError as error:
            raise ImportFormatError(line=start, reason=str(error.context.get("field"))) from None
    return contacts


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFormatError(line=1, reason="not-utf16") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFormatError(
            line=data.count(b"\n", 0, error.start) + 1, reason="not-utf8"
        ) from None


def _can_name(columns: list[str]) -> bool:
    known = set(_NAME + _GIVEN + _FAMILY + _ORGANIZATION) | set(_EMAIL_COLUMNS)
    return any(column in known or column.startswith("e-mail 1") for column in columns)


def _first(row: dict[str, str], names: Iterable[str]) -> str:
    for name in names:
        value = (row.get(name) or "").strip()
        if value:
            return value
    return ""


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(_MULTI) if part.strip()]


def _contact(row: dict[str, str]) -> NewContact | None:
    methods: list[ContactMethod] = []
    numbered: dict[tuple[str, str], dict[str, str]] = {}
    for column, value in row.items():
        match = _NUMBERED.match(column)
        if match:
            numbered.setdefault((match.group(1), match.group(2)), {})[match.group(3)] = value or ""
    for (group, _), fields in sorted(
        numbered.items(), key=lambda item: (item[0][0], int(item[0][1]))
    ):
        label = (fields.get("label") or fields.get("type") or "").strip().lstrip("* ")
        for value in _split(fields.get("value", "")):
            if group == "phone":
                methods.append(ContactMethod(MethodKind.PHONE, value, label))
            elif group == "e-mail":
                methods.append(ContactMethod(MethodKind.EMAIL, value, label))
            else:
                service = (fields.get("service") or fields.get("type") or "").strip().lower()
                kind = _SERVICES.get(service, MethodKind.OTHER)
                methods.append(ContactMethod(kind, value, (fields.get("label") or "").strip()))
    for column, label in _PHONE_COLUMNS.items():
        methods += [
            ContactMethod(MethodKind.PHONE, v, label) for v in _split(row.get(column) or "")
        ]
    for column, label in _EMAIL_COLUMNS.items():
        methods += [
            ContactMethod(MethodKind.EMAIL, v, label) for v in _split(row.get(column) or "")
        ]
    for column, kind in _HANDLE_COLUMNS.items():
        methods += [ContactMethod(kind, value) for value in _split(row.get(column) or "")]

    name = _first(row, _NAME) or " ".join(
        part for part in (_first(row, _GIVEN), _first(row, _MIDDLE), _first(row, _FAMILY)) if part
    )
    organization = _first(row, _ORGANIZATION)
    if not name:
        # An address-book entry with only a company, an address or a number still names
        # someone; use what there is rather than refusing the whole file.
        name = organization or next((m.value for m in methods), "")
    if not name:
        return None
    tags: list[str] = []
    for column in _TAGS:
        separator = ";" if column == "categories" else _MULTI.strip()
        tags += [t.strip().lstrip("* ") for t in (row.get(column) or "").split(separator)]
    return NewContact(
        display_name=name,
        methods=tuple(methods),
        organization=organization,
        role=_first(row, _ROLE),
        notes=_first(row, _NOTES),
        # Google marks every contact "* myContacts": a system group, not a user's tag.
        tags=tuple(t for t in tags if t and t.lower() not in ("mycontacts", "starred")),
    )


def write_csv(contacts: list[Contact]) -> bytes:
    """A Google Contacts style CSV (UTF-8 with a byte-order mark, which Excel needs)."""
    phones = max((len(c.values(MethodKind.PHONE)) for c in contacts), default=0)
    emails = max((len(c.values(MethodKind.EMAIL)) for c in contacts), default=0)
    handles = max(
        (sum(1 for m in c.methods if m.kind in _HANDLE_COLUMNS.values()) for c in contacts),
        default=0,
    )
    header = ["Name", "Organization", "Title", "Notes", "Labels"]
    for i in range(1, phones + 1):
        header += [f"Phone {i} - Label", f"Phone {i} - Value"]
    for i in range(1, emails + 1):
        header += [f"E-mail {i} - Label", f"E-mail {i} - Value"]
    for i in range(1, handles + 1):
        header += [f"IM {i} - Service", f"IM {i} - Label", f"IM {i} - Value"]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for contact in contacts:
        row = [
            contact.display_name,
            contact.organization,
            contact.role,
            contact.notes,
            _MULTI.join(contact.tags),
        ]
        by_kind = {
            kind: [m for m in contact.methods if m.kind is kind]
            for kind in (MethodKind.PHONE, MethodKind.EMAIL)
        }
        for kind, count in ((MethodKind.PHONE, phones), (MethodKind.EMAIL, emails)):
            methods = by_kind[kind]
            for i in range(count):
                row += [methods[i].label, methods[i].value] if i < len(methods) else ["", ""]
        others = [m for m in contact.methods if m.kind in _HANDLE_COLUMNS.values()]
        for i in range(handles):
            if i < len(others):
                row += [others[i].kind.value.capitalize(), others[i].label, others[i].value]
            else:
                row += ["", "", ""]
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")
