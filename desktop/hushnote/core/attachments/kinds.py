"""What an attached file is, told by its first bytes (never by its name alone).

The kind decides how the app shows a file (``image``, ``pdf``, ``text``) and whether its
metadata can be removed; everything else is ``other``, which is only ever exported or
opened elsewhere after a warning. The name only tells Markdown from plain text, once the
bytes have shown it is text.
"""

from __future__ import annotations

import unicodedata

__all__ = ["HEAD_SIZE", "IMAGE_KINDS", "UTF16_BOMS", "VIEWABLE", "clean_name", "sniff_kind"]

HEAD_SIZE = 64 * 1024
IMAGE_KINDS = frozenset({"jpeg", "png", "webp", "gif", "bmp", "heic"})
VIEWABLE = IMAGE_KINDS - {"heic"} | {"pdf", "text", "markdown"}
MAX_NAME = 255

_MAGIC = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"%PDF-", "pdf"),
    (b"BM", "bmp"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")
_MARKDOWN = (".md", ".markdown", ".mdown")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def sniff_kind(head: bytes, name: str) -> str:
    """The kind of a file whose first bytes (up to ``HEAD_SIZE``) are ``head``."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heic"
    if _is_text(head):
        return "markdown" if name.lower().endswith(_MARKDOWN) else "text"
    return "other"


# Control bytes that plain text uses: tab, line feed, form feed, carriage return, escape.
_TEXT_CONTROLS = frozenset(b"\t\n\x0c\r\x1b")
_BINARY = bytes(c for c in range(32) if c not in _TEXT_CONTROLS)


def _is_text(head: bytes) -> bool:
    if head.startswith(UTF16_BOMS):
        # UTF-16 with its byte-order mark: what Windows' Notepad saves as "Unicode".
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        body = head[2 : 2 + (len(head) - 2) // 2 * 2]
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as error:
            # A surrogate pair cut at the end of the sample is still text.
            return error.start >= len(body) - 4 and "\x00" not in body[: error.start].decode(codec)
        return "\x00" not in text
    if not head or head.translate(None, _BINARY) != head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut at the end of the sample is still text.
        return error.start >= len(head) - 3 and error.reason == "unexpected end of data"
    return True


def clean_name(name: str) -> str:
    """A file name fit to show and to export under: the last path part, NFC, no
    control characters, at most 255 bytes of UTF-8 with the extension kept."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if name in ("", ".", ".."):
        return "attachment"
    if len(name.encode("utf-8")) > MAX_NAME:
        # Bytes, not characters: a file system takes 255 bytes a name, and a Chinese
        # character is three of them in UTF-8.
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 16:
            name = _cut(stem, MAX_NAME - len(extension.encode("utf-8")) - 1) + "." + extension
        else:
            name = _cut(name, MAX_NAME)
    return name


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` bytes of UTF-8, never inside a character."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")
