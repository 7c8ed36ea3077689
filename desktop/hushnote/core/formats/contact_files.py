"""Contact files as imported: the text encodings address books write, and the result of
reading one (the contacts, and the cards or rows left out, with the reason).

Exports come in every encoding there is: UTF-8, UTF-16 and UTF-32 with or without a
byte-order mark, windows-1252 from Windows programs, and per-property ``CHARSET``
parameters (windows-1251, KOI8-R, ISO-8859-x) in vCard 2.1. Readers decode one value
or one line at a time, so that one value in an odd encoding costs that contact, never
the whole address book.
"""

from __future__ import annotations

import codecs
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hushnote.core.store.contacts import Contact, NewContact
from hushnote.errors import CancelledError, ImportFormatError, InvalidRecordError

__all__ = [
    "MAX_ENTRIES",
    "MAX_FILE_BYTES",
    "ParsedContacts",
    "SkippedRecord",
    "decode_8bit",
    "decode_declared",
    "decode_lines",
    "decode_wide",
    "read_contact_file",
    "require_room",
    "skip_reason",
    "wide_encoding",
    "write_contact_file",
]

# An address book larger than any real one is refused before it is read whole: Google
# Contacts holds at most 25,000 contacts, and each parsed contact costs about 2 KB.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class SkippedRecord:
    """A card or row that was left out: the line it starts on, why (a reason word such
    as ``charset`` or ``control-character``, never its content), and the line of the
    value at fault when that is known (else the same as ``line``)."""

    line: int
    reason: str
    value_line: int


@dataclass(frozen=True)
class ParsedContacts:
    """What a contact file holds: the contacts to import (already checked with
    ``NewContact.cleaned``), and the cards or rows that cannot be, in file order."""

    contacts: list[NewContact]
    skipped: list[SkippedRecord]


# UTF-32 LE first: its byte-order mark starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Which of the first four bytes are NUL, for text that starts with an ASCII character
# ("B" of BEGIN:VCARD, a CSV header): one pattern per encoding, and none for 8-bit text.
_NUL_PATTERNS = {
    (True, True, True, False): "utf-32-be",
    (False, True, True, True): "utf-32-le",
    (True, False, True, False): "utf-16-be",
    (False, True, False, True): "utf-16-le",
}
# Names Python accepts that are not character sets a file could be written in.
_NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
# Labels that mean windows-1252 in practice, as the WHATWG Encoding Standard maps them:
# vCard 2.1 defaults to ASCII and writers mislabel 8-bit text as ISO-8859-1 all the time.
_WESTERN = {"ascii", "iso8859-1", "cp1252"}
# windows-1252, with its five unassigned bytes as the C1 controls of the same number
# (what browsers do), so decoding never fails; the contact checks refuse those controls.
_WINDOWS_1252 = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(256)
)
_BLOCK = 1 << 16
_SNIFF = 4096


def wide_encoding(data: bytes) -> tuple[str, int] | None:
    """UTF-16 or UTF-32 (and the length of the byte-order mark) when the first bytes
    show it, with a byte-order mark or without one; None for 8-bit text."""
    for bom, name in _BOMS:
        # UTF-32 LE's mark followed by text is FF FE 00 00; UTF-16 LE's mark is then
        # followed by a NUL character, which no contact file starts with.
        if data.startswith(bom):
            return name, len(bom)
    if len(data) >= 4:
        found = _NUL_PATTERNS.get((data[0] == 0, data[1] == 0, data[2] == 0, data[3] == 0))
        if found is not None:
            return found, 0
    # Text starting with a non-ASCII character (a header in Chinese): its ASCII commas,
    # digits and line ends still put many NULs in every other byte, and nowhere else.
    head = data[:_SNIFF]
    head = head[: len(head) - len(head) % 4]
    if head.count(0) >= 4 and head.count(0) * 8 >= len(head):
        if not head[3::4].strip(b"\0"):
            return "utf-32-le", 0
        if not head[0::4].strip(b"\0"):
            return "utf-32-be", 0
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd and not even:
            return "utf-16-le", 0
        if even and not odd:
            return "utf-16-be", 0
    return None


def decode_wide(data: bytes, encoding: str, start: int) -> str:
    """A whole UTF-16 or UTF-32 file; ``ImportFormatError`` if it does not decode.

    Lone surrogates pass through, so that the contact holding one is refused by the
    contact checks and the rest of the file still imports.
    """
    try:
        return str(memoryview(data)[start:], encoding, "surrogatepass")
    except UnicodeDecodeError as error:
        reason = "not-utf32" if "32" in encoding else "not-utf16"
        before = str(memoryview(data)[start : start + error.start], encoding, "replace")
        raise ImportFormatError(line=before.count("\n") + 1, reason=reason) from None


def decode_8bit(raw: bytes) -> str:
    """Text in no declared encoding: UTF-8 when it is valid, else windows-1252.

    Valid UTF-8 is almost never an accident in another encoding, so it is tried first.
    Anything else is most likely windows-1252: what Outlook, Excel and older phones
    write, and a superset of ISO-8859-1's printable characters.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return codecs.charmap_decode(raw, "strict", _WINDOWS_1252)[0]


def decode_declared(raw: bytes, charset: str | None) -> str:
    """A value in the character set its ``CHARSET`` parameter names. An unknown name, or
    none, is decoded as ``decode_8bit`` does. ``UnicodeDecodeError`` if the value is
    not valid in a charset Python knows."""
    name = _charset(charset)
    if name is None:
        return decode_8bit(raw)
    if name in _WESTERN:
        return codecs.charmap_decode(raw, "strict", _WINDOWS_1252)[0]
    return raw.decode(name)


def decode_lines(data: bytes, start: int = 0, pace: Callable[[float], None] | None = None) -> str:
    """8-bit text of unknown encoding, decided line by line as ``decode_8bit`` does: a
    file pasted together from two sources keeps both halves readable. ``pace`` hears the
    share decoded after every block."""
    parts: list[str] = []
    position = start
    while position < len(data):
        if pace is not None:
            pace(position / len(data))
        end = data.find(b"\n", position + _BLOCK)
        end = len(data) if end == -1 else end + 1
        block = data[position:end]
        try:
            parts.append(block.decode("utf-8"))
        except UnicodeDecodeError:
            parts.extend(decode_8bit(line) for line in block.splitlines(keepends=True))
        position = end
    return "".join(parts)


def skip_reason(error: InvalidRecordError) -> str:
    """The reason word for a contact that ``NewContact.cleaned`` refused."""
    if "maximum" in error.context:
        return "too-long"
    reason = str(error.context.get("reason", ""))
    return "no-name" if reason == "empty" else reason or "invalid"


def _charset(label: str | None) -> str | None:
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip())
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return None
    # bytes.decode refuses the bytes-to-bytes codecs (base64, zlib, …), which say so here.
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


class Pacer:
    """Report a parse's progress (a fraction) at most every 50 ms, and raise
    ``CancelledError`` as soon as ``progress`` returns False. The parsers call it for
    every block decoded, physical line read and card or row built, so Cancel takes
    effect within that, however large or strange the file."""

    INTERVAL = 0.05

    def __init__(self, progress: Callable[[float], bool] | None) -> None:
        self._progress = progress
        self._next = time.monotonic() + self.INTERVAL

    def __call__(self, fraction: float) -> None:
        if self._progress is None or time.monotonic() < self._next:
            return
        self._next = time.monotonic() + self.INTERVAL
        if not self._progress(min(1.0, max(0.0, fraction))):
            raise CancelledError()


def require_room(contacts: list[NewContact], skipped: list[SkippedRecord], line: int) -> None:
    """Raise ``ImportFormatError`` once a file holds more cards or rows than
    ``MAX_ENTRIES``: memory and the import's one transaction stay bounded whatever the
    file (a 15 MB file of one-letter rows is five million contacts)."""
    if len(contacts) + len(skipped) >= MAX_ENTRIES:
        raise ImportFormatError(line=line, reason="too-many-entries")


def read_contact_file(
    path: Path, progress: Callable[[float], bool] | None = None
) -> ParsedContacts:
    """Read a vCard (``.vcf``, ``.vcard``) or CSV (``.csv``) file, by its name, within
    ``MAX_FILE_BYTES``. The one way both front ends import a contact file.

    ``progress(fraction)`` hears how far the parse is; returning False cancels it."""
    from hushnote.core.atomic import storage_errors
    from hushnote.core.formats.contacts_csv import parse_csv
    from hushnote.core.formats.vcard import parse_vcards

    suffix = path.suffix.lower()
    if suffix not in (".vcf", ".vcard", ".csv"):
        raise ImportFormatError(line=0, reason="unknown-type")
    with storage_errors(path):
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block the read for ever
            raise ImportFormatError(line=0, reason="not-a-file")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ImportFormatError(line=0, reason="too-large")
    return (parse_csv if suffix == ".csv" else parse_vcards)(data, progress)


def write_contact_file(
    path: Path,
    contacts: list[Contact],
    kind: str | None = None,
    progress: Callable[[float], bool] | None = None,
) -> None:
    """Write ``contacts`` UNENCRYPTED to ``path`` as ``kind`` (``csv`` or ``vcf``; by
    default from the file's name), replacing it atomically. The one way both front
    ends export contacts; each asks the user first. A cancel through ``progress`` comes
    before anything is written: no file is left."""
    from hushnote.core.atomic import replace_file
    from hushnote.core.formats.contacts_csv import write_csv
    from hushnote.core.formats.vcard import write_vcards
    from hushnote.errors import StorageError

    kind = kind or ("csv" if path.suffix.lower() == ".csv" else "vcf")
    if path.is_dir():
        raise StorageError(path=str(path), errno="EISDIR")
    writer = write_csv if kind == "csv" else write_vcards
    replace_file(path, writer(contacts, progress))
