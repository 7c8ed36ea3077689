"""vCard 2.1, 3.0 and 4.0 in; vCard 3.0 out (what phones and mail programs import best).

Reading handles folded lines, quoted-printable values (with their soft line breaks) in
any charset Python knows, backslash escapes, several TEL/EMAIL with TYPE labels, and
messenger handles as IMPP URIs (``signal:``, ``tg:``, ``matrix:u/…``), Apple's
``X-SERVICE-TYPE`` or ``X-SIGNAL``-style properties. Anything malformed stops the whole
file with an ``ImportFormatError`` naming the line, before anything is stored.
"""

from __future__ import annotations

import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from hushnote.core.contacts import Contact, ContactMethod, MethodKind, NewContact
from hushnote.errors import ImportFormatError, InvalidRecordError

__all__ = ["parse_vcards", "write_vcards"]

_PROPERTY_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$")
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
_WRITTEN_SCHEMES = {
    MethodKind.SIGNAL: ("Signal", "signal"),
    MethodKind.TELEGRAM: ("Telegram", "tg"),
    MethodKind.MATRIX: ("Matrix", "matrix"),
    MethodKind.WIRE: ("Wire", "wire"),
}


@dataclass
class _Line:
    number: int
    name: str
    params: dict[str, list[str]]
    value: str
    malformed: str = ""  # why the line could not be split, if it could not


@dataclass
class _Card:
    start: int
    lines: list[_Line] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------


def parse_vcards(data: bytes) -> list[NewContact]:
    """Every contact in ``data``; raises ``ImportFormatError`` naming the first bad line."""
    text = _decode(data)
    cards: list[_Card] = []
    card: _Card | None = None
    for line in _content_lines(text):
        if line.malformed:
            reason = "outside-card" if card is None else line.malformed
            raise ImportFormatError(line=line.number, reason=reason)
        upper = line.name.upper()
        if upper == "BEGIN" and line.value.strip().upper() == "VCARD":
            if card is not None:
                raise ImportFormatError(line=line.number, reason="nested-begin")
            card = _Card(start=line.number)
        elif upper == "END" and line.value.strip().upper() == "VCARD":
            if card is None:
                raise ImportFormatError(line=line.number, reason="end-without-begin")
            cards.append(card)
            card = None
        elif card is None:
            raise ImportFormatError(line=line.number, reason="outside-card")
        else:
            card.lines.append(line)
    if card is not None:
        raise ImportFormatError(line=card.start, reason="unterminated-card")
    if not cards:
        raise ImportFormatError(line=1, reason="no-cards")
    return [_contact(card) for card in cards]


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportFormatError(
            line=data.count(b"\n", 0, error.start) + 1, reason="not-utf8"
        ) from None


def _content_lines(text: str) -> Iterator[_Line]:
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = 0
    while index < len(physical):
        number = index + 1
        raw = physical[index]
        index += 1
        # RFC folding: a line starting with a space or tab continues the previous one.
        while index < len(physical) and physical[index][:1] in (" ", "\t"):
            raw += physical[index][1:]
            index += 1
        if not raw.strip():
            continue
        line = _split(raw, number)
        if _is_quoted_printable(line):
            # vCard 2.1 soft line breaks: "=" at the end joins the next physical line.
            while line.value.endswith("=") and index < len(physical):
                line.value = line.value[:-1] + physical[index].lstrip(" \t")
                index += 1
        yield line


def _split(raw: str, number: int) -> _Line:
    in_quotes = False
    for position, char in enumerate(raw):
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            head, value = raw[:position], raw[position + 1 :]
            break
    else:
        return _Line(number, "", {}, "", malformed="no-colon")
    parts = _split_unquoted(head, ";")
    match = _PROPERTY_NAME.match(parts[0].strip())
    if match is None:
        return _Line(number, "", {}, "", malformed="property-name")
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, equals, values = part.partition("=")
        if not equals:  # vCard 2.1 bare parameter: ;CELL or ;QUOTED-PRINTABLE
            key, values = _bare_parameter(key)
        name = key.strip().upper()
        for item in _split_unquoted(values, ","):
            item = item.strip().strip('"')
            # TYPE="cell,text" is a quoted list (RFC 6350), not one value with a comma.
            params.setdefault(name, []).extend(item.split(",") if name == "TYPE" else [item])
    return _Line(number, match.group(1), params, value)


def _bare_parameter(word: str) -> tuple[str, str]:
    upper = word.strip().upper()
    if upper in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"):
        return "ENCODING", upper
    return "TYPE", word


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    in_quotes = False
    for char in text:
        if char == '"':
            in_quotes = not in_quotes
        if char == separator and not in_quotes:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _is_quoted_printable(line: _Line) -> bool:
    return any(value.upper() == "QUOTED-PRINTABLE" for value in line.params.get("ENCODING", []))


def _value(line: _Line) -> str:
    """The property value with its transfer encoding undone (escapes stay for the caller)."""
    if not _is_quoted_printable(line):
        return line.value
    charset = (line.params.get("CHARSET") or ["utf-8"])[0]
    try:
        raw = quopri.decodestring(line.value.encode("ascii"))
        return raw.decode(charset)
    except (UnicodeError, LookupError, binascii.Error, ValueError):
        raise ImportFormatError(line=line.number, reason="quoted-printable") from None


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _components(text: str, separator: str) -> list[str]:
    """Split on unescaped ``separator``, then unescape each part."""
    parts = re.split(rf"(?<!\\){re.escape(separator)}", text)
    return [_unescape(part).strip() for part in parts]


def _label(line: _Line) -> str:
    types = [
        t.lower() for t in line.params.get("TYPE", []) if t and t.lower() not in _IGNORED_TYPES
    ]
    return ",".join(types)


def _contact(card: _Card) -> NewContact:
    name = ""
    structured = ""
    methods: list[ContactMethod] = []
    organization = role = title = notes = ""
    tags: list[str] = []
    for line in card.lines:
        prop = line.name.upper()
        if prop == "VERSION" and line.value.strip() not in ("2.1", "3.0", "4.0"):
            raise ImportFormatError(line=line.number, reason="version")
        value = _value(line)
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
    display_name = name or structured
    if not display_name:
        raise ImportFormatError(line=card.start, reason="no-name")
    contact = NewContact(
        display_name=display_name,
        methods=tuple(methods),
        organization=organization,
        role=" · ".join(part for part in (title, role) if part),
        notes=notes,
        tags=tuple(tags),
    )
    try:
        return contact.cleaned()
    except InvalidRecordError as error:
        raise ImportFormatError(line=card.start, reason=str(error.context.get("field"))) from None


def _impp(line: _Line, uri: str) -> ContactMethod:
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


def write_vcards(contacts: list[Contact]) -> bytes:
    """vCard 3.0, CRLF line endings, folded at 75 octets."""
    lines: list[str] = []
    for contact in contacts:
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
