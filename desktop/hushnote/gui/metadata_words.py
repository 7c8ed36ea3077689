"""What an attach took out of a file, in words a person reads after attaching it.

The store reports removed metadata as stable codes (``AttachResult.removed``); this turns
them into one translated sentence. Codes it does not know (a newer core) read as "other
identifying data", so nothing removed is ever left unsaid.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

__all__ = [
    "kind_text",
    "metadata_phrase",
    "outcome_sentence",
    "removed_sentence",
]

_CONTEXT = "metadata"
# Plain text has no container for hidden fields: what is in it is what it shows.
_PLAIN = frozenset({"text", "markdown"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _phrases() -> dict[str, str]:
    # Most identifying first: the sentence lists them in this order.
    return {
        "gps": _tr("GPS position"),
        "camera-serial": _tr("camera serial number"),
        "camera": _tr("camera make and model"),
        "unique-id": _tr("unique picture or document ID"),
        "owner": _tr("owner's name"),
        "author": _tr("author"),
        "date": _tr("dates"),
        "date-taken": _tr("date taken"),
        "software": _tr("editing software"),
        "creator-tool": _tr("creating program"),
        "thumbnail": _tr("embedded thumbnail"),
        "maker-note": _tr("camera maker's private data"),
        "title": _tr("title"),
        "subject": _tr("subject"),
        "keywords": _tr("keywords"),
        "comment": _tr("comments"),
        "xmp": _tr("XMP data"),
        "iptc": _tr("IPTC data"),
        "exif": _tr("other camera settings"),
        "text": _tr("text fields"),
        "document-info": _tr("document properties"),
        "appended-data": _tr("data hidden after the picture"),
        "faces": _tr("faces (blurred) and everything but the pixels"),
    }


def metadata_phrase(code: str) -> str:
    """The words for one removed-metadata code."""
    return _phrases().get(code, _tr("other identifying data"))


def removed_sentence(codes: Iterable[str]) -> str:
    """``Removed: GPS position, author``, or that nothing was found; each phrase once, the
    most identifying first (a GPS position before a title), unknown codes last."""
    rank = {code: index for index, code in enumerate(_phrases())}
    phrases: list[str] = []
    for code in sorted(codes, key=lambda code: rank.get(code, len(rank))):
        phrase = metadata_phrase(code)
        if phrase not in phrases:
            phrases.append(phrase)
    if not phrases:
        return _tr("Nothing identifying was found.")
    separator = _tr(", ")
    return _tr("Removed: %1.").replace("%1", separator.join(phrases))


def outcome_sentence(
    kind: str, removed: Iterable[str], cleaned: bool, *, kept: bool = False
) -> str:
    """What an attach did to a file's metadata, said so that nothing sounds safer than it is.

    ``removed`` and ``cleaned`` are the store's (``AttachResult``); ``kept``: the person
    asked to keep the metadata."""
    codes = tuple(removed)
    if codes:
        return removed_sentence(codes)
    if kept:
        return _tr("Stored with its metadata, unchanged, as you chose.")
    if cleaned:
        return _tr("Nothing identifying was found.")
    if kind in _PLAIN:
        return _tr("Stored as it is: plain text carries no hidden metadata.")
    return _tr(
        "Stored as it is: metadata is removed only from JPEG, PNG and WebP photos and PDFs, "
        "so this file keeps whatever names or dates it holds inside."
    )


def kind_text(kind: str) -> str:
    """The kind of an attachment, as a list shows it."""
    names = {
        "jpeg": _tr("JPEG photo"),
        "png": _tr("PNG image"),
        "webp": _tr("WebP image"),
        "gif": _tr("GIF image"),
        "bmp": _tr("BMP image"),
        "heic": _tr("HEIC photo"),
        "pdf": _tr("PDF document"),
        "text": _tr("text"),
        "markdown": _tr("Markdown text"),
    }
    return names.get(kind, _tr("file"))
