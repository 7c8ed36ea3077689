"""vCard content lines, read from bytes: folds and quoted-printable soft line breaks
joined, each line split into its property name, parameters and raw value.

One pass over the file, copying each byte at most twice: the values of properties the
reader does not keep (photos, addresses) are skipped over, never joined or held.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from hushnote.core.formats.contact_files import decode_8bit
from hushnote.errors import ImportFormatError

__all__ = ["MAX_LINE", "Line", "content_lines", "is_quoted_printable"]

# One property we keep, unfolded. The longest value a contact may hold is 10,000
# characters (a note), so only a hostile file comes near this.
MAX_LINE = 1 << 20
_PROPERTY_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$")
_NEWLINE = re.compile(rb"\r\n?|\n")
# The property's name and parameters: up to the first colon outside double quotes.
_HEAD = re.compile(rb'(?:[^":]|"[^"]*")*+:')


@dataclass
class Line:
    """One content line: its number, property name (upper case, group dropped),
    parameters, and raw value; ``malformed`` says why it could not be split."""

    number: int
    name: str
    params: dict[str, list[str]]
    value: bytes
    malformed: str = ""  # why the line could not be split, if it could not


def _physical_lines(
    text: bytes, tick: Callable[[int], None] | None = None
) -> Iterator[tuple[int, bytes]]:
    start = number = 0
    for match in _NEWLINE.finditer(text):
        number += 1
        if tick is not None:
            tick(start)
        yield number, text[start : match.start()]
        start = match.end()
    if start < len(text):
        yield number + 1, text[start:]


def content_lines(
    text: bytes, wanted: Collection[str], tick: Callable[[int], None] | None = None
) -> Iterator[Line]:
    """Logical lines: folds and quoted-printable soft breaks joined. The values of
    properties not in ``wanted`` are skipped over, not joined (and come out empty).
    ``tick`` hears the offset of every physical line read (for progress and Cancel)."""
    physical = _physical_lines(text, tick)
    pending = next(physical, None)
    while pending is not None:
        number, first = pending
        pending = next(physical, None)
        head = _split_head(first)
        kept = head is None or _name_of(head[0]) in wanted
        # RFC folding: a line starting with a space or tab continues the previous one.
        pieces, size, last = [first], len(first), first
        while pending is not None and pending[1][:1] in (b" ", b"\t"):
            last = pending[1][1:] or last
            if kept:
                pieces.append(pending[1][1:])
                size += len(pending[1]) - 1
                if size > MAX_LINE:
                    raise ImportFormatError(line=number, reason="line-too-long")
            pending = next(physical, None)
        if kept and size > MAX_LINE:
            raise ImportFormatError(line=number, reason="line-too-long")
        raw = b"".join(pieces) if kept else first
        if not raw.strip():
            continue
        line = _split(raw, number)
        if not kept:
            line.value = b""
        if is_quoted_printable(line) and (line.value if kept else last).endswith(b"="):
            # vCard 2.1 soft line breaks: "=" at the end joins the next physical line.
            parts = [line.value[:-1]] if kept else []
            while pending is not None:
                joined = pending[1].lstrip(b" \t")
                pending = next(physical, None)
                if kept:
                    size += len(joined)
                    if size > MAX_LINE:
                        raise ImportFormatError(line=number, reason="line-too-long")
                    parts.append(joined[:-1] if joined.endswith(b"=") else joined)
                if not joined.endswith(b"="):
                    break
            if kept:
                line.value = b"".join(parts)
        yield line


def _split_head(raw: bytes) -> tuple[bytes, bytes] | None:
    """Name and parameters, and the value; None without a colon outside quotes."""
    colon = raw.find(b":")
    if colon == -1:
        return None
    if raw.find(b'"', 0, colon) != -1:  # a quoted parameter may hold a colon
        match = _HEAD.match(raw)
        if match is None:
            return None
        colon = match.end() - 1
    return raw[:colon], raw[colon + 1 :]


def _name_of(head: bytes) -> str:
    name = head.split(b";", 1)[0].strip().decode("latin-1")
    match = _PROPERTY_NAME.match(name)
    return match.group(1).upper() if match else ""


def _split(raw: bytes, number: int) -> Line:
    parts = _split_head(raw)
    if parts is None:
        return Line(number, "", {}, b"", malformed="no-colon")
    head, value = parts
    pieces = _split_unquoted(decode_8bit(head), ";")
    match = _PROPERTY_NAME.match(pieces[0].strip())
    if match is None:
        return Line(number, "", {}, b"", malformed="property-name")
    params: dict[str, list[str]] = {}
    for part in pieces[1:]:
        key, equals, values = part.partition("=")
        if not equals:  # vCard 2.1 bare parameter: ;CELL or ;QUOTED-PRINTABLE
            key, values = _bare_parameter(key)
        name = key.strip().upper()
        for item in _split_unquoted(values, ","):
            item = item.strip().strip('"')
            # TYPE="cell,text" is a quoted list (RFC 6350), not one value with a comma.
            params.setdefault(name, []).extend(item.split(",") if name == "TYPE" else [item])
    return Line(number, match.group(1).upper(), params, value)


def _bare_parameter(word: str) -> tuple[str, str]:
    upper = word.strip().upper()
    if upper in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"):
        return "ENCODING", upper
    return "TYPE", word


def _split_unquoted(text: str, separator: str) -> list[str]:
    if '"' not in text:
        return text.split(separator)
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


def is_quoted_printable(line: Line) -> bool:
    return any(value.upper() == "QUOTED-PRINTABLE" for value in line.params.get("ENCODING", []))
