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

# Plain text has no container for hidden fields: what is in it is what it shows.
_PLAIN = frozenset({"text", "markdown"})


def _phrases() -> dict[str, str]:
    # Most identifying first: the sentence lists them in this order.
    return {
        "gps": QCoreApplication.translate("metadata", "GPS position"),
        "camera-serial": QCoreApplication.translate("metadata", "camera serial number"),
        "camera": QCoreApplication.translate("metadata", "camera make and model"),
        "unique-id": QCoreApplication.translate("metadata", "unique picture or document ID"),
        "owner": QCoreApplication.translate("metadata", "owner's name"),
        "author": QCoreApplication.translate("metadata", "author"),
        "date": QCoreApplication.translate("metadata", "dates"),
        "date-taken": QCoreApplication.translate("metadata", "date taken"),
        "software": QCoreApplication.translate("metadata", "editing software"),
        "creator-tool": QCoreApplication.translate("metadata", "creating program"),
        "thumbnail": QCoreApplication.translate("metadata", "embedded thumbnail"),
        "maker-note": QCoreApplication.translate("metadata", "camera maker's private data"),
        "title": QCoreApplication.translate("metadata", "title"),
        "subject": QCoreApplication.translate("metadata", "subject"),
        "keywords": QCoreApplication.translate("metadata", "keywords"),
        "comment": QCoreApplication.translate("metadata", "comments"),
        "xmp": QCoreApplication.translate("metadata", "XMP data"),
        "iptc": QCoreApplication.translate("metadata", "IPTC data"),
        "exif": QCoreApplication.translate("metadata", "other camera settings"),
        "text": QCoreApplication.translate("metadata", "text fields"),
        "document-info": QCoreApplication.translate("metadata", "document properties"),
        "appended-data": QCoreApplication.translate("metadata", "data hidden after the picture"),
        "faces": QCoreApplication.translate(
            "metadata", "faces (blurred) and everything but the pixels"
        ),
        "pixels-only": QCoreApplication.translate(
            "metadata", "everything but the pixels (no face was blurred)"
        ),
    }


def metadata_phrase(code: str) -> str:
    """The words for one removed-metadata code."""
    return _phrases().get(code, QCoreApplication.translate("metadata", "other identifying data"))


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
        return QCoreApplication.translate("metadata", "Nothing identifying was found.")
    separator = QCoreApplication.translate("metadata", ", ")
    return QCoreApplication.translate("metadata", "Removed: %1.").replace(
        "%1", separator.join(phrases)
    )


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
        return QCoreApplication.translate(
            "metadata", "Stored with its metadata, unchanged, as you chose."
        )
    if cleaned:
        return QCoreApplication.translate("metadata", "Nothing identifying was found.")
    if kind in _PLAIN:
        return QCoreApplication.translate(
            "metadata", "Stored as it is: plain text carries no hidden metadata."
        )
    return QCoreApplication.translate(
        "metadata",
        "Stored as it is: metadata is removed only from JPEG, PNG and WebP photos and PDFs, "
        "so this file keeps whatever names or dates it holds inside.",
    )


def kind_text(kind: str) -> str:
    """The kind of an attachment, as a list shows it."""
    names = {
        "jpeg": QCoreApplication.translate("metadata", "JPEG photo"),
        "png": QCoreApplication.translate("metadata", "PNG image"),
        "webp": QCoreApplication.translate("metadata", "WebP image"),
        "gif": QCoreApplication.translate("metadata", "GIF image"),
        "bmp": QCoreApplication.translate("metadata", "BMP image"),
        "heic": QCoreApplication.translate("metadata", "HEIC photo"),
        "pdf": QCoreApplication.translate("metadata", "PDF document"),
        "text": QCoreApplication.translate("metadata", "text"),
        "markdown": QCoreApplication.translate("metadata", "Markdown text"),
    }
    return names.get(kind, QCoreApplication.translate("metadata", "file"))
