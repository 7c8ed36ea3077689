"""Contacts as CSV: the common address-book exports in, a Google-style layout out.

Reading recognises the column names of Google Contacts ("Phone 1 - Value", " ::: " between
several values), Outlook ("Mobile Phone", "E-mail Address", "Categories"), Thunderbird
("Primary Email", "Work Phone") and plain headers ("Name", "Phone", "Email"), so those
exports import without editing, in UTF-8, UTF-16, UTF-32 or windows-1252. A row that
cannot be imported is left out and reported; the rest of the file imports. Reading
streams: the columns are worked out once from the header, then each row is read and
dropped, so time and memory grow linearly with the file.

Writing uses the Google layout, which reads back losslessly here and imports into most
address books, with every cell that a spreadsheet would run as a formula neutralised.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from hushnote.core.formats.contact_files import (
    Pacer,
    ParsedContacts,
    SkippedRecord,
    decode_lines,
    decode_wide,
    require_room,
    skip_reason,
    wide_encoding,
)
from hushnote.core.store.contacts import UNPRINTABLE, Contact, ContactMethod, MethodKind, NewContact
from hushnote.errors import ImportFormatError, InvalidRecordError

__all__ = ["parse_csv", "write_csv"]

# Outlook writes about 90 columns, Google about 60.
MAX_COLUMNS = 1_000
# Characters in one row. Not above the csv module's own field limit (131,072), so that a
# huge cell or an unterminated quote is refused here, with this reason, first.
MAX_ROW = 128 * 1024
_MULTI = " ::: "
_NAME = ("name", "display name", "full name", "display_name")
_GIVEN = ("first name", "given name")
_MIDDLE = ("middle name", "additional name")
_FAMILY = ("last name", "family name", "surname")
_ORGANIZATION = ("organization", "organization 1 - name", "company", "organization name")
_ROLE = ("title", "job title", "organization 1 - title", "organization title", "role")
_NOTES = ("notes", "note")
_TAGS = ("labels", "group membership", "categories", "tags")
_AGE_KEY = ("age key", "age recipient")  # a colleague's age public key: at most one
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
_NUMBERED = re.compile(r"^(phone|e-mail|im) (\d{1,6}) - (value|type|label|service)$")
_SERVICES = {
    "signal": MethodKind.SIGNAL,
    "telegram": MethodKind.TELEGRAM,
    "matrix": MethodKind.MATRIX,
    "wire": MethodKind.WIRE,
}
_PHONE, _EMAIL = MethodKind.PHONE, MethodKind.EMAIL  # looked up once: enum access is slow
_LINE_END = re.compile(r"\r\n?|\n")
# OWASP's CSV injection list: a cell starting with one of these is a formula to a
# spreadsheet. Any number of quotes may come first: see _neutralised.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
_PHONE_LIKE = re.compile(r"[0-9 +\-().]+")


class _RowTooLong(Exception):
    pass


class _Lines:
    """The text's lines, ends kept, for ``csv.reader``; counts the characters of the
    row being read and stops one that grows past ``MAX_ROW``."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._position = 0
        self.row = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        start = self._position
        if start >= len(self._text):
            raise StopIteration
        match = _LINE_END.search(self._text, start)
        self._position = match.end() if match else len(self._text)
        self.row += self._position - start
        if self.row > MAX_ROW:
            raise _RowTooLong()
        return self._text[start : self._position]


@dataclass(frozen=True)
class _Columns:
    """Where each field is, worked out once from the header: indexes into a row."""

    width: int
    names: tuple[int, ...]
    given: tuple[int, ...]
    middle: tuple[int, ...]
    family: tuple[int, ...]
    organization: tuple[int, ...]
    role: tuple[int, ...]
    notes: tuple[int, ...]
    # (group, value, type, label, service) of "Phone 1 - Value" and the like; -1: absent
    numbered: tuple[tuple[str, int, int, int, int], ...]
    phones: tuple[tuple[int, str], ...]
    emails: tuple[tuple[int, str], ...]
    handles: tuple[tuple[int, MethodKind], ...]
    tags: tuple[tuple[int, str], ...]
    age_key: tuple[int, ...] = ()
    # The value columns of ``numbered`` in increasing order, and each one's place there:
    # a row reaches only the groups whose value lies within it. Visiting every group for
    # every row cost the header's width times the rows (a thousand phone columns over
    # rows of one cell: 14 s for 165 KB).
    value_columns: tuple[int, ...] = ()
    value_places: tuple[int, ...] = ()

    def numbered_in(self, row: list[str]) -> Iterator[tuple[str, int, int, int, int]]:
        """The groups whose value column ``row`` reaches, in header order."""
        reached = bisect.bisect_left(self.value_columns, len(row))
        for place in sorted(self.value_places[:reached]):
            yield self.numbered[place]

    @classmethod
    def of(cls, header: list[str]) -> _Columns:
        # A repeated column name: the last one counts, as it always has.
        index = {name.strip().lower(): number for number, name in enumerate(header)}

        def find(names: tuple[str, ...]) -> tuple[int, ...]:
            return tuple(index[name] for name in names if name in index)

        groups: dict[tuple[str, int], dict[str, int]] = {}
        for name, number in index.items():
            match = _NUMBERED.match(name)
            if match:
                key = (match.group(1), int(match.group(2)))
                groups.setdefault(key, {})[match.group(3)] = number
        numbered = tuple(
            (group, fields.get("value", -1), fields.get("type", -1), fields.get("label", -1),
             fields.get("service", -1))
            for (group, _), fields in sorted(groups.items())
        )  # fmt: skip
        reachable = sorted((group[1], place) for place, group in enumerate(numbered)
                           if group[1] >= 0)  # fmt: skip
        return cls(
            width=len(header),
            names=find(_NAME),
            given=find(_GIVEN),
            middle=find(_MIDDLE),
            family=find(_FAMILY),
            organization=find(_ORGANIZATION),
            role=find(_ROLE),
            notes=find(_NOTES),
            numbered=numbered,
            phones=tuple((index[c], label) for c, label in _PHONE_COLUMNS.items() if c in index),
            emails=tuple((index[c], label) for c, label in _EMAIL_COLUMNS.items() if c in index),
            handles=tuple((index[c], kind) for c, kind in _HANDLE_COLUMNS.items() if c in index),
            tags=tuple(
                (index[c], ";" if c == "categories" else _MULTI.strip())
                for c in _TAGS
                if c in index
            ),
            age_key=find(_AGE_KEY),
            value_columns=tuple(value for value, _ in reachable),
            value_places=tuple(place for _, place in reachable),
        )

    def can_name(self) -> bool:
        return bool(self.names or self.given or self.family or self.organization or self.emails
                    or any(group == "e-mail" for group, *_ in self.numbered))  # fmt: skip


def parse_csv(data: bytes, progress: Callable[[float], bool] | None = None) -> ParsedContacts:
    """Every contact in a CSV export with a header row, and the rows that cannot be
    imported, with why. Raises ``ImportFormatError`` naming the line when the file cannot
    be read: no header, no column that names anyone, broken quoting, over the limits."""
    pace = Pacer(progress)
    rows_total = max(1, data.count(b"\n")) if progress else 1
    lines = _Lines(_decode(data, lambda share: pace(share / 2)))  # decoding: the first half
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, None)
    except csv.Error:
        raise ImportFormatError(line=1, reason="csv-syntax") from None
    except _RowTooLong:
        raise ImportFormatError(line=1, reason="row-too-long") from None
    if not header or not any(cell.strip() for cell in header):
        raise ImportFormatError(line=1, reason="no-header")
    if any(UNPRINTABLE.search(cell) for cell in header):
        raise ImportFormatError(line=1, reason="binary")
    if len(header) > MAX_COLUMNS:
        raise ImportFormatError(line=1, reason="too-many-columns")
    columns = _Columns.of(header)
    if not columns.can_name():
        raise ImportFormatError(line=1, reason="no-name-column")
    contacts: list[NewContact] = []
    skipped: list[SkippedRecord] = []
    line = reader.line_num
    while True:
        start = line + 1
        require_room(contacts, skipped, start)
        pace(0.5 + start / rows_total / 2)
        lines.row = 0
        try:
            row = next(reader, None)
        except csv.Error:
            raise ImportFormatError(line=start, reason="csv-syntax") from None
        except _RowTooLong:
            raise ImportFormatError(line=start, reason="row-too-long") from None
        if row is None:
            break
        line = reader.line_num
        if not "".join(row).strip():
            continue
        if len(row) > columns.width:
            skipped.append(SkippedRecord(start, "too-many-fields", start))
            continue
        contact = _contact(columns, row)
        if contact is None:
            skipped.append(SkippedRecord(start, "no-name", start))
            continue
        try:
            contacts.append(contact.cleaned())
        except InvalidRecordError as error:
            skipped.append(SkippedRecord(start, skip_reason(error), start))
    return ParsedContacts(contacts, skipped)


def _decode(data: bytes, pace: Callable[[float], None] | None = None) -> str:
    wide = wide_encoding(data)
    if wide is not None:
        return decode_wide(data, *wide)
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError:
        return decode_lines(data, start, pace)


def _cell(row: list[str], column: int) -> str:
    """A cell, without the quote that ``write_csv`` (or another program) put before a
    formula character to neutralise it."""
    value = row[column] if 0 <= column < len(row) else ""
    if value[:1] == "'" and _NEUTRALISED.match(value):
        return value[1:]
    return value


def _first(row: list[str], columns: tuple[int, ...]) -> str:
    for column in columns:
        value = _cell(row, column).strip()
        if value:
            return value
    return ""


def _split(value: str) -> list[str]:
    if _MULTI not in value:
        value = value.strip()
        return [value] if value else []
    return [part.strip() for part in value.split(_MULTI) if part.strip()]


def _contact(columns: _Columns, row: list[str]) -> NewContact | None:
    methods: list[ContactMethod] = []
    for group, value, type_, label_, service in columns.numbered_in(row):
        label = (_cell(row, label_) or _cell(row, type_)).strip().lstrip("* ")
        for item in _split(_cell(row, value)):
            if group == "phone":
                methods.append(ContactMethod(_PHONE, item, label))
            elif group == "e-mail":
                methods.append(ContactMethod(_EMAIL, item, label))
            else:
                name = (_cell(row, service) or _cell(row, type_)).strip().lower()
                kind = _SERVICES.get(name, MethodKind.OTHER)
                methods.append(ContactMethod(kind, item, _cell(row, label_).strip()))
    for column, label in columns.phones:
        for item in _split(_cell(row, column)):
            methods.append(ContactMethod(_PHONE, item, label))
    for column, label in columns.emails:
        for item in _split(_cell(row, column)):
            methods.append(ContactMethod(_EMAIL, item, label))
    for column, kind in columns.handles:
        for item in _split(_cell(row, column)):
            methods.append(ContactMethod(kind, item))

    name = _first(row, columns.names) or " ".join(
        part
        for part in (
            _first(row, columns.given),
            _first(row, columns.middle),
            _first(row, columns.family),
        )
        if part
    )
    organization = _first(row, columns.organization)
    if not name:
        # An address-book entry with only a company, an address or a number still names
        # someone; use what there is rather than refusing the whole file.
        name = organization or next((m.value for m in methods), "")
    if not name:
        return None
    tags: list[str] = []
    for column, separator in columns.tags:
        tags += [t.strip().lstrip("* ") for t in _cell(row, column).split(separator)]
    return NewContact(
        display_name=name,
        methods=tuple(methods),
        organization=organization,
        role=_first(row, columns.role),
        # Cells broken over lines keep the file's line ends; the vault keeps LF.
        notes=_first(row, columns.notes).replace("\r\n", "\n").replace("\r", "\n"),
        # Google marks every contact "* myContacts": a system group, not a user's tag.
        tags=tuple(t for t in tags if t and t.lower() not in ("mycontacts", "starred")),
        age_recipient=_first(row, columns.age_key) or None,
    )


def write_csv(contacts: list[Contact], progress: Callable[[float], bool] | None = None) -> bytes:
    """A Google Contacts style CSV (UTF-8 with a byte-order mark, which Excel needs);
    ``progress`` as for ``Pacer``."""
    pace = Pacer(progress)
    phones = max((len(c.values(MethodKind.PHONE)) for c in contacts), default=0)
    emails = max((len(c.values(MethodKind.EMAIL)) for c in contacts), default=0)
    handles = max(
        (sum(1 for m in c.methods if m.kind in _HANDLE_COLUMNS.values()) for c in contacts),
        default=0,
    )
    header = ["Name", "Organization", "Title", "Notes", "Labels"]
    keys = any(c.age_recipient for c in contacts)  # no empty column in files without any
    if keys:
        header.append("Age key")
    for i in range(1, phones + 1):
        header += [f"Phone {i} - Label", f"Phone {i} - Value"]
    for i in range(1, emails + 1):
        header += [f"E-mail {i} - Label", f"E-mail {i} - Value"]
    for i in range(1, handles + 1):
        header += [f"IM {i} - Service", f"IM {i} - Label", f"IM {i} - Value"]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for number, contact in enumerate(contacts):
        pace(number / max(1, len(contacts)))
        row = [
            contact.display_name,
            contact.organization,
            contact.role,
            contact.notes,
            _MULTI.join(contact.tags),
        ]
        if keys:
            row.append(contact.age_recipient or "")
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
        writer.writerow([_neutralised(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def _neutralised(cell: str) -> str:
    """``cell``, with a quote put before it if a spreadsheet would run it as a formula
    (OWASP, "CSV Injection"). ``_cell`` takes the quote off again when reading.

    A phone number is left as it is: a cell of nothing but digits, spaces and
    ``+ - ( ) .`` cannot name a function, a cell, a sheet or a command (those need
    letters, ``!``, ``|`` or quotes), so the worst a spreadsheet does with "+1-555-0100"
    is arithmetic on the digits shown. A quote before it, on the other hand, would end
    up in every address book the file is imported into.

    A cell already starting with quotes before a formula character gets one more, so
    that reading it back removes exactly the one added here: the round trip is lossless.
    """
    if not _FORMULA.match(cell):
        return cell
    if _PHONE_LIKE.fullmatch(cell) and sum(char.isdigit() for char in cell) >= 3:
        return cell
    return "'" + cell
