"""vCard 2.1, 3.0 and 4.0 in; vCard 3.0 out (what phones and mail programs import best).

Reading handles folded lines, quoted-printable values (with their soft line breaks),
``CHARSET`` parameters on raw and quoted-printable values alike, UTF-16 and UTF-32 files
with or without a byte-order mark, backslash escapes, several TEL/EMAIL with TYPE
labels, and messenger handles as IMPP URIs (``signal:``, ``tg:``, ``matrix:u/…``),
Apple's ``X-SERVICE-TYPE`` or ``X-SIGNAL``-style properties.

A card that cannot be imported (a value that does not decode, no name, a control
character) is left out and reported with its line; the rest of the file imports. A file
that cannot be read as vCard at all raises ``ImportFormatError`` naming the line.
Reading works on bytes, one line at a time: time and memory grow linearly with the file.
"""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from hushnote.core.formats.contact_files import (
    Pacer,
    ParsedContacts,
    SkippedRecord,
    decode_declared,
    decode_wide,
    require_room,
    skip_reason,
    wide_encoding,
)
from hushnote.core.formats.vcard_lines import Line, content_lines, is_quoted_printable
from hushnote.core.store.contacts import Contact, ContactMethod, MethodKind, NewContact
from hushnote.errors import ImportFormatError, InvalidRecordError

__all__ = ["parse_vcards", "write_vcards"]

# Properties in one card; real cards have a few dozen.
MAX_PROPERTIES = 10_000
_BAD_ESCAPE = re.compile(rb"=(?![0-9A-Fa-f]{2})")
_IGNORED_TYPES = {"pref", "voice", "internet", "x400", "text"}
_SERVICES = {
    "signal": MethodKind.SIGNAL,
    "sgnl": MethodKind.SIGNAL,
    "telegram": MethodKind.TELEGRAM,
    "tg": MethodKind.TELEGRAM,
    "matrix": MethodKind.MATRIX,
    "wire": MethodKind.WIRE,
}
_X_PROPERTIES = {
    "X-SIGNAL": MethodKind.SIGNAL,
    "X-TELEGRAM": MethodKind.TELEGRAM,
    "X-MATRIX": MethodKind.MATRIX,
    "X-WIRE": MethodKind.WIRE,
    "X-HUSHNOTE-HANDLE": MethodKind.OTHER,
}
# The properties a contact is made of; the values of all others (photos, addresses)
# are passed over without being held.
_KEPT = {"BEGIN", "END", "VERSION", "FN", "N", "TEL", "EMAIL", "IMPP", "ORG", "TITLE",
         "ROLE", "NOTE", "CATEGORIES", "KEY", *_X_PROPERTIES}  # fmt: skip
_WRITTEN_SCHEMES = {
    MethodKind.SIGNAL: ("Signal", "signal"),
    MethodKind.TELEGRAM: ("Telegram", "tg"),
    MethodKind.MATRIX: ("Matrix", "matrix"),
    MethodKind.WIRE: ("Wire", "wire"),
}


@dataclass
class _Card:
    start: int
    lines: list[Line] = field(default_factory=list)
    properties: int = 0


class _Skip(Exception):
    """This card cannot be imported: ``line`` is the value at fault."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


# -- reading ------------------------------------------------------------------------------


def parse_vcards(data: bytes, progress: Callable[[float], bool] | None = None) -> ParsedContacts:
    """Every contact in ``data``, and the cards that cannot be imported, with why.

    Raises ``ImportFormatError`` naming the line if the file cannot be read as vCard:
    text outside a card, cards inside cards, a card without an end, no card at all, or
    a card or line over the limits. ``progress`` as for ``contact_files.Pacer``.
    """
    text, wide = _text_of(data)
    pace = Pacer(progress)
    size = max(1, len(text))
    contacts: list[NewContact] = []
    skipped: list[SkippedRecord] = []
    card: _Card | None = None
    for line in content_lines(text, _KEPT, lambda offset: pace(offset / size)):
        if line.malformed:
            reason = "outside-card" if card is None else line.malformed
            raise ImportFormatError(line=line.number, reason=reason)
        if line.name == "BEGIN" and line.value.strip().upper() == b"VCARD":
            if card is not None:
                raise ImportFormatError(line=line.number, reason="nested-begin")
            require_room(contacts, skipped, line.number)
            card = _Card(start=line.number)
        elif line.name == "END" and line.value.strip().upper() == b"VCARD":
            if card is None:
                raise ImportFormatError(line=line.number, reason="end-without-begin")
            try:
                contacts.append(_contact(card, wide))
            except _Skip as skip:
                skipped.append(SkippedRecord(card.start, skip.reason, skip.line))
            card = None
        elif card is None:
            raise ImportFormatError(line=line.number, reason="outside-card")
        else:
            card.properties += 1
            if card.properties > MAX_PROPERTIES:
                raise ImportFormatError(line=card.start, reason="too-many-properties")
            if line.name in _KEPT:
                card.lines.append(line)
    if card is not None:
        raise ImportFormatError(line=card.start, reason="unterminated-card")
    if not contacts and not skipped:
        raise ImportFormatError(line=1, reason="no-cards")
    return ParsedContacts(contacts, skipped)


def _text_of(data: bytes) -> tuple[bytes, bool]:
    """The file as 8-bit text, and whether its encoding is settled: a UTF-16 or UTF-32
    file is turned into UTF-8 here, and its values are then UTF-8, whatever CHARSET
    says (the text was never in that charset)."""
    wide = wide_encoding(data)
    if wide is not None:
        return decode_wide(data, *wide).encode("utf-8", "surrogatepass"), True
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :], False
    return data, False


def _value(line: Line, wide: bool) -> str:
    """The property value as text, its transfer encoding and charset undone (escapes
    stay for the caller); ``_Skip`` if it does not decode."""
    raw = line.value
    charset = (line.params.get("CHARSET") or [""])[0]
    if is_quoted_printable(line):
        if _BAD_ESCAPE.search(raw.removesuffix(b"=")):
            raise _Skip(line.number, "quoted-printable")
        raw, wide = binascii.a2b_qp(raw), False
    try:
        text = raw.decode("utf-8") if wide else decode_declared(raw, charset)
    except UnicodeDecodeError:
        raise _Skip(line.number, "charset") from None
    # Quoted-printable line breaks are CRLF (=0D=0A); the vault keeps LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _components(text: str, separator: str) -> list[str]:
    """Split on unescaped ``separator``, then unescape each part."""
    parts = re.split(rf"(?<!\\){re.escape(separator)}", text)
    return [_unescape(part).strip() for part in parts]


def _label(line: Line) -> str:
    types = [
        t.lower() for t in line.params.get("TYPE", []) if t and t.lower() not in _IGNORED_TYPES
    ]
    return ",".join(types)


def _contact(card: _Card, wide: bool) -> NewContact:
    """The card's contact, checked; ``_Skip`` if it cannot be imported."""
    name = ""
    structured = ""
    methods: list[ContactMethod] = []
    organization = role = title = notes = ""
    tags: list[str] = []
    age_key: str | None = None
    for line in card.lines:
        prop = line.name
        if prop == "VERSION":
            if line.value.strip() not in (b"2.1", b"3.0", b"4.0"):
                raise _Skip(line.number, "version")
            continue
        value = _value(line, wide)
        if prop == "FN":
            name = _unescape(value).strip()
        elif prop == "N":
            parts = _components(value, ";") + [""] * 5
            family, given, additional, prefix, suffix = parts[:5]
            structured = " ".join(p for p in (prefix, given, additional, family, suffix) if p)
        elif prop == "TEL":
            number = _unescape(value).strip()
            number = number[4:] if number.lower().startswith("tel:") else number
            methods.append(ContactMethod(MethodKind.PHONE, number, _label(line)))
        elif prop == "EMAIL":
            methods.append(ContactMethod(MethodKind.EMAIL, _unescape(value).strip(), _label(line)))
        elif prop == "IMPP":
            methods.append(_impp(line, _unescape(value).strip()))
        elif prop in _X_PROPERTIES:
            methods.append(
                ContactMethod(_X_PROPERTIES[prop], _unescape(value).strip(), _label(line))
            )
        elif prop == "ORG":
            organization = ", ".join(part for part in _components(value, ";") if part)
        elif prop == "TITLE":
            title = _unescape(value).strip()
        elif prop == "ROLE":
            role = _unescape(value).strip()
        elif prop == "NOTE":
            notes = _unescape(value).strip()
        elif prop == "CATEGORIES":
            tags += [tag for tag in _components(value, ",") if tag]
        elif prop == "KEY" and age_key is None:
            # Only an age key is ours (PGP and X.509 keys are passed over): the first one.
            text = _unescape(value).strip()
            if text.lower().startswith("age1"):
                age_key = text
    display_name = name or structured
    if not display_name:
        raise _Skip(card.start, "no-name")
    contact = NewContact(
        display_name=display_name,
        methods=tuple(methods),
        organization=organization,
        role=" · ".join(part for part in (title, role) if part),
        notes=notes,
        tags=tuple(tags),
        age_recipient=age_key,
    )
    try:
        return contact.cleaned()
    except InvalidRecordError as error:
        raise _Skip(card.start, skip_reason(error)) from None


def _impp(line: Line, uri: str) -> ContactMethod:
    label = _label(line)
    service = (line.params.get("X-SERVICE-TYPE") or [""])[0].lower()
    scheme, colon, rest = uri.partition(":")
    scheme = scheme.lower() if colon else ""
    if service in _SERVICES or (not service and scheme in _SERVICES):
        kind = _SERVICES[service or scheme]
        handle = rest if colon else uri
        if kind is MethodKind.MATRIX and handle.startswith("u/"):
            handle = "@" + handle[2:]  # matrix:u/alice:example.org -> @alice:example.org
        if kind is MethodKind.TELEGRAM and handle.startswith("//resolve?domain="):
            handle = "@" + handle.split("=", 1)[1]
        return ContactMethod(kind, handle.strip(), label)
    return ContactMethod(MethodKind.OTHER, uri, label)


# -- writing ------------------------------------------------------------------------------


def write_vcards(contacts: list[Contact], progress: Callable[[float], bool] | None = None) -> bytes:
    """vCard 3.0, CRLF line endings, folded at 75 octets; ``progress`` as for ``Pacer``."""
    pace = Pacer(progress)
    lines: list[str] = []
    for number, contact in enumerate(contacts):
        pace(number / max(1, len(contacts)))
        lines += [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "FN:" + _escape(contact.display_name),
            "N:;" + _escape(contact.display_name) + ";;;",
        ]
        for method in contact.methods:
            lines.append(_method_line(method))
        if contact.organization:
            lines.append("ORG:" + _escape(contact.organization))
        if contact.role:
            lines.append("TITLE:" + _escape(contact.role))
        if contact.notes:
            lines.append("NOTE:" + _escape(contact.notes))
        if contact.tags:
            lines.append("CATEGORIES:" + ",".join(_escape(tag) for tag in contact.tags))
        if contact.age_recipient:
            lines.append("KEY;TYPE=age:" + contact.age_recipient)
        lines.append("END:VCARD")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


def _method_line(method: ContactMethod) -> str:
    type_param = f";TYPE={_param(method.label)}" if method.label else ""
    if method.kind is MethodKind.PHONE:
        return f"TEL{type_param}:{_escape(method.value)}"
    if method.kind is MethodKind.EMAIL:
        return f"EMAIL{type_param}:{_escape(method.value)}"
    if method.kind is MethodKind.OTHER:
        return f"X-HUSHNOTE-HANDLE{type_param}:{_escape(method.value)}"
    service, scheme = _WRITTEN_SCHEMES[method.kind]
    return f"IMPP;X-SERVICE-TYPE={service}{type_param}:{scheme}:{_escape(method.value)}"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _param(text: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9-]+", text):
        return text
    return '"' + text.replace('"', "'") + '"'


def _fold(line: str) -> str:
    """Fold to lines of at most 75 octets without splitting a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not pieces else 74  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
