"""Why another app's export cannot be imported, in the user's language.

One translated sentence per reason key the importers raise (``hushnote.core``'s
``import_reason_text`` has the English); ``tests/gui/test_import_reasons.py`` checks that
every key has one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hushnote.core import import_reason_text

__all__ = ["import_reason_sentence", "known_reasons"]


def _sentences() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "not-found": translate("import-reasons", "the file or folder is not there"),
        "unreadable": translate("import-reasons", "the file cannot be read"),
        "not-this-format": translate("import-reasons", "this is not an export of that app"),
        "damaged": translate("import-reasons", "the file is damaged or cut short"),
        "too-many-entries": translate("import-reasons", "more files or items than an import takes"),
        "too-large": translate("import-reasons", "a file larger than an import takes"),
        "total-too-large": translate("import-reasons", "more data in all than an import takes"),
        "ratio": translate(
            "import-reasons",
            "an archive member that expands far beyond its size (a compression bomb)",
        ),
        "too-deep": translate("import-reasons", "nesting deeper than an import takes"),
        "unsafe-path": translate("import-reasons", "a file name that points outside the archive"),
        "link": translate(
            "import-reasons",
            "a link or special file where a file should be (never followed or read)",
        ),
        "not-utf8": translate("import-reasons", "text that is not UTF-8"),
        "bad-json": translate("import-reasons", "broken JSON"),
        "bad-xml": translate("import-reasons", "broken XML"),
        "xml-entity": translate(
            "import-reasons", "an XML entity or document type declaration, which is never expanded"
        ),
        "bad-base64": translate("import-reasons", "an attachment whose data is not valid base64"),
        "bad-date": translate("import-reasons", "a date that cannot be read"),
        "bad-field": translate("import-reasons", "an item with a field of the wrong type"),
        "cycle": translate("import-reasons", "notebooks that contain each other"),
        "name-too-long": translate(
            "import-reasons", "a notebook or tag whose nested name is longer than an import takes"
        ),
        "passphrase-needed": translate(
            "import-reasons", "this backup is encrypted: give its passphrase"
        ),
        "wrong-passphrase": translate("import-reasons", "the passphrase does not open this backup"),
        "unsupported-version": translate(
            "import-reasons", "an encryption version this import does not read"
        ),
        "missing-key": translate("import-reasons", "an item whose key is not in the backup"),
        "note-too-long": translate("import-reasons", "a note longer than Hushnote keeps"),
        "empty": translate("import-reasons", "nothing to import in it"),
        "not-available": translate(
            "import-reasons", "this version of Hushnote cannot import from that app"
        ),
        "front-matter": translate(
            "import-reasons", "front matter that is too large or expands too far to be read"
        ),
    }


def known_reasons() -> set[str]:
    return set(_sentences())


def import_reason_sentence(reason: str) -> str:
    """The translated sentence for ``reason``; the English one for a key not listed."""
    return _sentences().get(reason) or import_reason_text(reason)
