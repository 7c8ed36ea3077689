"""Why an export cannot be imported (``AppImportError.context["reason"]``), in words.

The keys are what the importers raise; the sentences are what the CLI prints and what the
GUI translates (``gui/messages.py`` marks each for translation). Every key an importer
raises is here: ``tests/unit/core/importers/test_reasons.py`` checks it.
"""

from __future__ import annotations

__all__ = ["REASONS", "reason_text"]

REASONS: dict[str, str] = {
    "not-found": "the file or folder is not there",
    "unreadable": "the file cannot be read",
    "not-this-format": "this is not an export of that app",
    "damaged": "the file is damaged or cut short",
    "too-many-entries": "more files or items than an import takes",
    "too-large": "a file larger than an import takes",
    "total-too-large": "more data in all than an import takes",
    "ratio": "an archive member that expands far beyond its size (a compression bomb)",
    "too-deep": "nesting deeper than an import takes",
    "unsafe-path": "a file name that points outside the archive",
    "link": "a link or special file where a file should be (never followed or read)",
    "not-utf8": "text that is not UTF-8",
    "bad-json": "broken JSON",
    "bad-xml": "broken XML",
    "xml-entity": "an XML entity or document type declaration, which is never expanded",
    "bad-base64": "an attachment whose data is not valid base64",
    "bad-date": "a date that cannot be read",
    "bad-field": "an item with a field of the wrong type",
    "cycle": "notebooks that contain each other",
    "name-too-long": "a notebook or tag whose nested name is longer than an import takes",
    "passphrase-needed": "this backup is encrypted: give its passphrase",
    "wrong-passphrase": "the passphrase does not open this backup",
    "unsupported-version": "an encryption version this import does not read",
    "missing-key": "an item whose key is not in the backup",
    "note-too-long": "a note longer than Hushnote keeps",
    "empty": "nothing to import in it",
    "not-available": "this version of Hushnote cannot import from that app",
    "front-matter": "front matter that is too large or expands too far to be read",
}


def reason_text(reason: str) -> str:
    return REASONS.get(reason, reason)
